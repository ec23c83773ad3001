/**
 * The stream path's read chain in one process (issue 19), per stream of the benchmark
 * mock's 34 upstream reads: the SSE decoder and its iteration alone, then with the stream
 * scanner, then splicing and framing each event, then the watermark — what `sendStream`
 * does per event besides Node's own I/O. CPU µs per stream, rounds interleaved.
 *
 *   npx tsx bench/gateway/stream-chain.ts [--streams 20000] [--rounds 2]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { StreamScanner } from '../../src/gateway/protocol/event-scan.js';
import { openaiProtocol } from '../../src/gateway/protocol/openai.js';
import { emptyFacts } from '../../src/gateway/protocol/protocol.js';
import { spliceText } from '../../src/gateway/stream-event.js';
import { decodeSse, sseFrame } from '../../src/gateway/upstream/sse.js';
import { watermarkStage } from '../../src/provenance/stages.js';
import { streamEvents } from './mock.js';

const { values: args } = parseArgs({
  options: {
    streams: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '2' },
  },
});

/** The mock's reads as Moat sees them (usage asked for): role, words, stop, usage, [DONE]. */
const reads = streamEvents(true);
const key = randomBytes(32);
const accountKey = randomBytes(32);

async function* source(): AsyncGenerator<Buffer> {
  for (const r of reads) yield r;
}

const STAGES = ['decode', '+scan', '+splice/frame', '+watermark'] as const;

async function stream(stage: number): Promise<number> {
  const facts = emptyFacts();
  const scanner = new StreamScanner(openaiProtocol.scanEvent!.bind(openaiProtocol));
  const wm = watermarkStage(key, accountKey, 0.5, false);
  let n = 0;
  for await (const batch of decodeSse(source()).batches()) {
    let out = '';
    for (const ev of batch) {
      if (stage === 0) {
        n += ev.data.length;
        continue;
      }
      const s = scanner.read(ev.event, ev.data, facts);
      if (stage === 1) {
        n += s ? s.to : 0;
        continue;
      }
      if (s && s.text !== '') {
        const text = stage === 2 ? `${s.text} ` : wm.push(s.choice, s.text);
        facts.text += text;
        out += sseFrame(ev.event, text !== s.text ? spliceText(ev.data, s, text) : ev.data);
      } else out += sseFrame(ev.event, ev.data);
    }
    n += out.length;
  }
  return n;
}

const n = Number(args.streams);
const results: number[][] = STAGES.map(() => []);
for (let r = 0; r < Number(args.rounds); r++) {
  for (let stage = 0; stage < STAGES.length; stage++) {
    let sink = 0;
    for (let i = 0; i < n / 10; i++) sink += await stream(stage);
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) sink += await stream(stage);
    const used = process.cpuUsage(before);
    if (sink === 0) throw new Error('unreachable');
    results[stage]!.push((used.user + used.system) / n);
  }
}
for (let stage = 0; stage < STAGES.length; stage++)
  process.stdout.write(
    `${STAGES[stage]!.padEnd(14)} ${results[stage]!.map((x) => x.toFixed(1)).join(', ')} µs per ${reads.length}-read stream\n`,
  );
