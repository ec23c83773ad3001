/**
 * Human-written assistant replies from ../shared/data (OpenAssistant trees and Anthropic
 * HH dialogues) for the provenance benchmarks. Benchmarks only: tests never read this.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Default data directory: ../shared/data relative to the repository root. */
export const DEFAULT_DATA_DIR = new URL('../../../shared/data', import.meta.url).pathname;

interface OasstNode {
  role?: string;
  text?: string;
  lang?: string;
  replies?: OasstNode[];
}

function collectOasst(node: OasstNode, out: string[]): void {
  if (node.role === 'assistant' && node.text && (node.lang ?? 'en') === 'en') out.push(node.text);
  for (const r of node.replies ?? []) collectOasst(r, out);
}

/** OpenAssistant human-written assistant replies (English). */
export function oasstReplies(dataDir = DEFAULT_DATA_DIR): string[] {
  const out: string[] = [];
  for (const file of ['en_100_tree.jsonl', 'en_100_message.jsonl']) {
    const path = join(dataDir, 'oasst-samples', file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as OasstNode & { prompt?: OasstNode };
      collectOasst(rec.prompt ?? rec, out);
    }
  }
  return [...new Set(out)];
}

/** Assistant turns of the Anthropic HH test dialogues (chosen and rejected). */
export function hhReplies(dataDir = DEFAULT_DATA_DIR): string[] {
  const out = new Set<string>();
  for (const file of ['helpful-base-test.jsonl.gz', 'harmless-base-test.jsonl.gz']) {
    const path = join(dataDir, 'hh-rlhf', file);
    if (!existsSync(path)) continue;
    for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { chosen?: string; rejected?: string };
      for (const dialogue of [rec.chosen ?? '', rec.rejected ?? '']) {
        for (const turn of dialogue.split('\n\nAssistant: ').slice(1)) {
          const text = turn.split('\n\nHuman: ')[0]!.trim();
          if (text) out.add(text);
        }
      }
    }
  }
  return [...out];
}
