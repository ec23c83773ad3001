/**
 * Distillation experiment (issue 6): does the watermark survive into a student trained on
 * served text? Teacher outputs are the OpenAssistant and HH assistant replies; a share of
 * them (0%, 1%, 10%, 100%) is watermarked with one key, a trigram Kneser-Ney student is
 * trained on the mix, generates text, and the suspect-model test of Sander et al. 2024
 * (arXiv 2402.14904) scores the generations: de-duplicated (context, group) positions,
 * exact binomial test. (Unconditional generation: the prompts are empty, nothing to exclude.)
 * The "probe" columns run `runProbe` itself — the code `moat provenance probe` runs —
 * against a client that returns the student's generations: without a served set, and with
 * the ServedPositions of the watermarked teacher texts this run served, exactly what
 * `moat provenance probe --served events.jsonl` builds from telemetry (the filter setting
 * of Sander et al.). Membership never depends on a position's keyed choice, so the null
 * distribution is unchanged; the wrong-key columns check it.
 *   node --import tsx bench/distill/run.ts [--data ../shared/data] [--tokens 200000] [--seeds 3] [--first-seed 1]
 */
import { parseArgs } from 'node:util';
import { watermarkText } from '../../src/provenance/watermark/embed.js';
import {
  scanPositions,
  scorePositions,
  type Position,
} from '../../src/provenance/watermark/detect.js';
import { ServedPositions } from '../../src/provenance/watermark/served.js';
import { runProbe, type ProbeReport } from '../../src/provenance/probe.js';
import { DEFAULT_DATA_DIR, hhReplies, oasstReplies } from '../provenance/corpus.js';
import { TrigramModel } from './ngram.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    tokens: { type: 'string' },
    seeds: { type: 'string' },
    'first-seed': { type: 'string' },
  },
});
const dataDir = values.data ?? DEFAULT_DATA_DIR;
const budget = Number(values.tokens ?? 200_000);
const seeds = Number(values.seeds ?? 3);
const firstSeed = Number(values['first-seed'] ?? 1);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const teacher = [...oasstReplies(dataDir), ...hhReplies(dataDir)];
if (!teacher.length) throw new Error(`no data under ${dataDir} (pass --data DIR)`);
const words = teacher.reduce((n, t) => n + t.split(/\s+/).length, 0);
console.log(
  `teacher outputs: ${teacher.length} replies, ${words} words; student budget ${budget} tokens; ${seeds} seeds\n`,
);
console.log(
  'first = first occurrence per context (Sander et al.); probe = runProbe as `moat provenance probe` scores (PositionVotes); probe --served = the same with the served positions of the watermarked teacher texts (ServedPositions); matched = distinct student positions among the served ones\n',
);
console.log(
  '| watermarked share | seed | student tokens | served positions | first: n | first: p | probe: n | probe: p | probe, wrong key: p | --served: matched | --served: n | --served: p | --served, wrong key: p |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');

/** The probe exactly as the CLI runs it, against a "suspect" that replays the generations. */
async function probe(
  docs: string[],
  key: Buffer,
  served?: ServedPositions,
): Promise<ProbeReport['watermark']> {
  let next = 0;
  const r = await runProbe({
    client: async () => {
      const text = docs[next++] ?? '';
      return { text, tokens: text.split(' ').length };
    },
    masterKey: key,
    accounts: [],
    canaries: [],
    prompts: docs.map(() => ''),
    maxRequests: docs.length,
    maxTokens: budget,
    alpha: 1e-4,
    minTrials: 16,
    ...(served ? { served } : {}),
  });
  return r.watermark;
}

for (const share of [0, 0.01, 0.1, 1]) {
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const key = Buffer.alloc(32, seed);
    const wrong = Buffer.alloc(32, 100 + seed);
    const pick = rng(seed * 7919);
    const served = new ServedPositions();
    const docs = teacher.map((t) => {
      if (pick() >= share) return t;
      const marked = watermarkText(key, t);
      served.add(marked);
      return marked;
    });
    // The clean student (0%) is scored against a provider that served every teacher text
    // watermarked to someone else: the false-accusation check of the --served filter at its
    // largest served set (the student learned the same texts, unmarked).
    if (share === 0) for (const t of teacher) served.add(watermarkText(key, t));
    const student = new TrigramModel().train(docs);
    const gen = rng(seed * 104729);
    const seen = new Set<string>();
    const first: Position[] = [];
    const out: string[] = [];
    let tokens = 0;
    while (tokens < budget) {
      const doc = student.sample(gen).join(' ');
      tokens += doc.split(' ').length;
      first.push(...scanPositions(doc, seen).positions);
      out.push(doc);
    }
    const f = scorePositions([key], first, tokens);
    const v = await probe(out, key);
    const vw = await probe(out, wrong);
    const s = await probe(out, key, served);
    const w = await probe(out, wrong, served);
    const e = (x: number): string => x.toExponential(1);
    console.log(
      `| ${share * 100}% | ${seed} | ${v.tokens} | ${served.size} | ${f.trials} | ${e(f.pValue)} | ${v.trials} | ${e(v.pValue)} | ${e(vw.pValue)} | ${s.served?.matched ?? 0} | ${s.trials} | ${e(s.pValue)} | ${e(w.pValue)} |`,
    );
  }
}
