/**
 * Distillation experiment (issue 6): does the watermark survive into a student trained on
 * served text? Teacher outputs are the OpenAssistant and HH assistant replies; a share of
 * them (0%, 1%, 10%, 100%) is watermarked with one key, a trigram Kneser-Ney student is
 * trained on the mix, generates text, and the suspect-model test of Sander et al. 2024
 * (arXiv 2402.14904) scores the generations: de-duplicated (context, pair) positions,
 * exact binomial test. (Unconditional generation: there are no prompts to exclude.)
 * The "vote" columns score exactly as `moat provenance probe` does (PositionVotes: per
 * context, the alternative the student over-uses relative to its own average).
 * The "served contexts" column keeps only positions whose (context, pair) occurred in the
 * watermarked text that was served — the provider knows what it served, as in the
 * filtered setting of Sander et al. Membership never depends on a position's own keyed
 * choice, so the null distribution stays Binomial(n, 1/2).
 *   node --import tsx bench/distill/run.ts [--data ../shared/data] [--tokens 200000] [--seeds 3]
 */
import { parseArgs } from 'node:util';
import { watermarkText } from '../../src/provenance/watermark/embed.js';
import {
  PositionVotes,
  positionId,
  scanPositions,
  scorePositions,
  type Position,
} from '../../src/provenance/watermark/detect.js';
import { DEFAULT_DATA_DIR, hhReplies, oasstReplies } from '../provenance/corpus.js';
import { TrigramModel } from './ngram.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, tokens: { type: 'string' }, seeds: { type: 'string' } },
});
const dataDir = values.data ?? DEFAULT_DATA_DIR;
const budget = Number(values.tokens ?? 200_000);
const seeds = Number(values.seeds ?? 3);

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
  'first = first occurrence per context (Sander et al.); vote = over-used alternative per context (PositionVotes, as moat provenance probe scores); served = only contexts that occurred in served watermarked text\n',
);
console.log(
  '| watermarked share | seed | student tokens | first: n | first: p | vote: n | vote: p | vote, wrong key: p | served+vote: n | served+vote: p | served+vote, wrong key: p |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');

for (const share of [0, 0.01, 0.1, 1]) {
  for (let seed = 1; seed <= seeds; seed++) {
    const key = Buffer.alloc(32, seed);
    const wrong = Buffer.alloc(32, 100 + seed);
    const pick = rng(seed * 7919);
    const served = new Set<string>();
    const docs = teacher.map((t) => {
      if (pick() >= share) return t;
      const marked = watermarkText(key, t);
      for (const p of scanPositions(marked).positions) served.add(positionId(p));
      return marked;
    });
    const student = new TrigramModel().train(docs);
    const gen = rng(seed * 104729);
    const seen = new Set<string>();
    const first: Position[] = [];
    const votes = new PositionVotes();
    let tokens = 0;
    while (tokens < budget) {
      const doc = student.sample(gen).join(' ');
      tokens += doc.split(' ').length;
      first.push(...scanPositions(doc, seen).positions);
      votes.add(doc);
    }
    const score = (ps: Position[], k = key) => scorePositions([k], ps, tokens);
    const f = score(first);
    const all = votes.majority();
    const v = score(all);
    const vw = score(all, wrong);
    const sv = votes.majority((id) => served.has(id));
    const s = score(sv);
    const w = score(sv, wrong);
    const e = (x: number): string => x.toExponential(1);
    console.log(
      `| ${share * 100}% | ${seed} | ${tokens} | ${f.trials} | ${e(f.pValue)} | ${v.trials} | ${e(v.pValue)} | ${e(vw.pValue)} | ${s.trials} | ${e(s.pValue)} | ${e(w.pValue)} |`,
    );
  }
}
