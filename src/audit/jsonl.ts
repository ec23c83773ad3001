import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AuditEntry } from './entry.js';
import type { Checkpoint } from './signer.js';

/**
 * The export format: one entry per line (so an entry's position is its line number),
 * then one `{"checkpoint": …}` line per signed checkpoint covering the exported range.
 */
export function exportLine(item: { entry: AuditEntry } | { checkpoint: Checkpoint }): string {
  return 'entry' in item
    ? JSON.stringify(item.entry) + '\n'
    : JSON.stringify({ checkpoint: item.checkpoint }) + '\n';
}

/** A line that is not JSON; kept so the verifier reports it at its position. */
export const UNPARSEABLE = Symbol('unparseable');

async function* lines(file: string): AsyncIterable<string> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') yield line;
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return UNPARSEABLE;
  }
}

function isCheckpointLine(v: unknown): v is { checkpoint: Checkpoint } {
  return typeof v === 'object' && v !== null && 'checkpoint' in v;
}

/** The checkpoints of an export file (first pass). */
export async function readCheckpoints(file: string): Promise<Checkpoint[]> {
  const out: Checkpoint[] = [];
  for await (const line of lines(file)) {
    const v = parse(line);
    if (isCheckpointLine(v)) out.push(v.checkpoint);
  }
  return out;
}

/** The entries of an export file, streamed (second pass); unparseable lines yield UNPARSEABLE. */
export async function* readEntries(file: string): AsyncIterable<unknown> {
  for await (const line of lines(file)) {
    const v = parse(line);
    if (!isCheckpointLine(v)) yield v;
  }
}
