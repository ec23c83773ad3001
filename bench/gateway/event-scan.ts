/**
 * Per-event cost of the stream path's reading of a text event (issue 19), in one process:
 * the parsed path (JSON.parse, readEvent, the setter, replaceText, the ending rule) against
 * the full scanner and the stream scanner (protocol/event-scan.ts), each followed by the
 * splice of a changed text, over the benchmark mock's 30 chat chunks. Rounds interleave.
 *
 *   npx tsx bench/gateway/event-scan.ts [--events 1000000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import { openaiProtocol } from '../../src/gateway/protocol/openai.js';
import { emptyFacts } from '../../src/gateway/protocol/protocol.js';
import { StreamScanner } from '../../src/gateway/protocol/event-scan.js';
import { endingChoice, replaceText, spliceText } from '../../src/gateway/stream-event.js';
import { STREAM_WORDS } from './mock.js';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '5' },
  },
});
const N = Number(args.events);
const base = {
  id: 'chatcmpl-bench',
  object: 'chat.completion.chunk',
  created: 1_700_000_000,
  model: 'bench-model',
};
const raws = Array.from({ length: STREAM_WORDS }, (_, i) =>
  JSON.stringify({
    ...base,
    choices: [
      {
        index: 0,
        delta: { content: i === 0 ? 'Rivers' : ` word${i}` },
        logprobs: null,
        finish_reason: null,
      },
    ],
  }),
);
const facts = emptyFacts();
const scanner = new StreamScanner(openaiProtocol.scanEvent!);
const paths: Record<string, (raw: string) => number> = {
  parsed: (raw) => {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const d = openaiProtocol.readEvent(undefined, data, facts)!;
    const after = `${d.text}x`;
    d.set(after);
    endingChoice('openai', undefined, data);
    return replaceText(raw, data, d.text, after).length;
  },
  'full scan': (raw) => {
    const s = openaiProtocol.scanEvent!(undefined, raw, facts)!;
    return spliceText(raw, s, `${s.text}x`).length;
  },
  'stream scan': (raw) => {
    const s = scanner.read(undefined, raw, facts)!;
    return spliceText(raw, s, `${s.text}x`).length;
  },
};
const ns: Record<string, number[]> = {};
for (let r = 0; r < Number(args.rounds); r++) {
  for (const [name, fn] of Object.entries(paths)) {
    let sink = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) sink += fn(raws[i % raws.length]!);
    (ns[name] ??= []).push(Number(process.hrtime.bigint() - t0) / N);
    if (sink === 0) throw new Error('unreachable');
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(ns)) {
  console.log(
    `${name.padEnd(12)} median ${median(xs).toFixed(0)} ns/event  (rounds ${xs.map((x) => x.toFixed(0)).join(', ')})`,
  );
}
