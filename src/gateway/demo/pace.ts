import { setTimeout as sleep } from 'node:timers/promises';
import type { SseEvent } from '../upstream.js';

/** One event of a demo stream and how many tokens it carries (for pacing). */
export interface Step {
  ev: SseEvent;
  tokens: number;
}

/**
 * Split text into stream deltas of `words` words each, whitespace kept with the following
 * word (as BPE tokens do), so the deltas concatenate back to exactly `text`.
 */
export function deltas(text: string, words: number): string[] {
  const parts: string[] = text.match(/\s*\S+/g) ?? [];
  const tail = text.length - parts.reduce((n, p) => n + p.length, 0);
  if (tail > 0) parts.push(text.slice(text.length - tail));
  if (words <= 1) return parts;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += words) out.push(parts.slice(i, i + words).join(''));
  return out;
}

/**
 * Yield `steps` at `tokensPerSecond` (0: as fast as the consumer reads): an event leaves
 * once its tokens would have been generated. The schedule is cumulative from the start, so
 * timer lateness does not add up. Ends quietly when
 * `signal` aborts.
 */
export async function* paced(
  steps: Iterable<Step>,
  tokensPerSecond: number,
  signal: AbortSignal,
): AsyncGenerator<SseEvent> {
  const start = performance.now();
  let sent = 0;
  for (const step of steps) {
    if (signal.aborted) return;
    if (tokensPerSecond > 0 && step.tokens > 0) {
      sent += step.tokens;
      const due = start + (sent * 1000) / tokensPerSecond - performance.now();
      if (due > 1) {
        try {
          await sleep(due, undefined, { signal });
        } catch {
          return;
        }
      }
    }
    yield step.ev;
  }
}

/** Wait as long as generating `tokens` would take; rejects with `signal.reason` on abort. */
export async function generationDelay(
  tokens: number,
  tokensPerSecond: number,
  signal: AbortSignal,
): Promise<void> {
  if (tokensPerSecond <= 0 || tokens <= 0) return;
  try {
    await sleep((tokens * 1000) / tokensPerSecond, undefined, { signal });
  } catch {
    throw signal.reason;
  }
}
