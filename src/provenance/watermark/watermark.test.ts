import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createWatermarker, watermarkText } from './embed.js';
import { detectWatermark, PositionVotes, scanPositions } from './detect.js';
import { LEXICON_PAIRS } from './lexicon-data.js';

const key = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 9);

/** Deterministic filler text dense in lexicon words, varied contexts. */
function sample(n: number, seed = 1): string {
  const fillers = [
    'the',
    'a',
    'this',
    'we',
    'it',
    'they',
    'one',
    'our',
    'very',
    'some',
    'each',
    'any',
  ];
  let s = seed;
  const rnd = (m: number): number => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % m;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = LEXICON_PAIRS[rnd(LEXICON_PAIRS.length)]!;
    out.push(
      fillers[rnd(fillers.length)]! + fillers[rnd(fillers.length)]!.slice(0, rnd(3) + 1),
      rnd(2) ? a : b,
    );
    if (rnd(7) === 0) out.push('words.\n\n');
  }
  return out.join(' ');
}

test('streaming output equals watermarkText for any split of the input (issue 6)', () => {
  const base =
    sample(80) +
    '\n```js\nconst big = large;\n```\nperhaps "big quickly" `large` http://x.io/big 3 big. Perhaps';
  fc.assert(
    fc.property(fc.array(fc.nat({ max: base.length }), { maxLength: 12 }), (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const wm = createWatermarker(key);
      let out = '';
      let prev = 0;
      for (const p of [...points, base.length]) {
        out += wm.push(base.slice(prev, p));
        prev = p;
      }
      out += wm.flush();
      assert.equal(out, watermarkText(key, base));
    }),
    { numRuns: 200 },
  );
});

test('push holds back at most the current word', () => {
  const wm = createWatermarker(key);
  assert.equal(wm.push('We saw it'), 'We saw ');
  assert.equal(wm.push(' th'), 'it ');
  assert.equal(wm.push('en'), '');
  assert.equal(wm.flush(), 'then');
  const long = 'x'.repeat(100);
  assert.equal(
    createWatermarker(key).push('a ' + long),
    'a ' + long,
    'a long blob is not held back',
  );
});

test('only whitespace-delimited words change; whitespace and case are preserved', () => {
  const text = sample(300);
  const out = watermarkText(key, text);
  assert.notEqual(out, text);
  assert.equal(out.split(/\S+/).join('|'), text.split(/\S+/).join('|'));
});

test('code, inline code, quotes, URLs, names and JSON are never touched', () => {
  const shielded = [
    '```\nperhaps big car quickly\n```',
    'use `perhaps big car` here',
    'he said "perhaps big car quickly" once',
    "see http://big.example/perhaps and big-car and car's",
    'we met Big Perhaps Car at noon',
    '{"note": "perhaps big car quickly"}',
    '    perhaps big car indented code',
    '> perhaps big car quoted',
  ];
  for (const s of shielded) {
    for (const k of [key, other, Buffer.alloc(32, 1), Buffer.alloc(32, 2)])
      assert.equal(watermarkText(k, s), s, s);
  }
});

test('capitalized words at a sentence start keep their capital', () => {
  const outs = new Set<string>();
  for (let i = 0; i < 16; i++)
    outs.add(watermarkText(Buffer.alloc(32, i), 'Perhaps it works. Maybe not.'));
  for (const o of outs) assert.match(o, /^(Perhaps|Maybe) it works\. (Perhaps|Maybe) not\.$/);
  assert.ok(outs.size > 1);
});

test('watermarked text is detected; the wrong key and clean text are not', () => {
  const text = sample(400);
  const marked = watermarkText(key, text);
  const r = detectWatermark(key, marked);
  assert.equal(r.verdict, 'watermarked');
  assert.equal(r.hits, r.trials);
  assert.ok(r.pValue < 1e-10);
  assert.notEqual(detectWatermark(other, marked).verdict, 'watermarked');
  assert.notEqual(detectWatermark(key, text).verdict, 'watermarked');
});

test('repeated n-grams are scored once (de-duplication)', () => {
  const once = detectWatermark(key, 'we perhaps go');
  const many = detectWatermark(key, 'we perhaps go '.repeat(500));
  assert.equal(once.trials, 1);
  assert.equal(many.trials, 1);
  assert.equal(many.verdict, 'insufficient_evidence');
  assert.match(many.reason, /not enough evidence: 1 scored contexts, need ≥ 16/);
});

test('empty, binary and non-English input gives insufficient evidence', () => {
  for (const s of ['', '\u0000\u0001\u00ff'.repeat(1000), 'これは日本語の文章です。'.repeat(200)]) {
    const r = detectWatermark(key, s);
    assert.equal(r.verdict, 'insufficient_evidence');
    assert.equal(r.pValue, 1);
  }
});

test('per-account keys: the master key and the account key both detect', () => {
  const acct = Buffer.alloc(32, 3);
  const marked = watermarkText(key, sample(600), { accountKey: acct });
  const r = detectWatermark([key, acct, other], marked);
  assert.equal(r.verdict, 'watermarked');
  assert.ok(r.perKey[0]!.pValue < 1e-6);
  assert.ok(r.perKey[1]!.pValue < 1e-6);
  assert.ok(r.perKey[2]!.pValue > 1e-3);
});

test('scanPositions skips excluded contexts', () => {
  const text = 'we perhaps go';
  const first = scanPositions(text);
  assert.equal(first.positions.length, 1);
  assert.equal(
    scanPositions(text, new Set(['we\u0000' + first.positions[0]!.pair])).positions.length,
    0,
  );
});

test('PositionVotes: one trial per context, majority word, ties dropped, excluded contexts skipped', () => {
  const v = new PositionVotes();
  v.add('we perhaps go. we perhaps go. we maybe go.');
  v.add('they perhaps go. they maybe go.');
  const ps = v.majority();
  assert.equal(v.size, 2);
  assert.equal(ps.length, 1, 'the tied context is dropped');
  assert.equal(ps[0]!.context, 'we');
  const w = new PositionVotes();
  w.add('we perhaps go', new Set(['we\u0000' + ps[0]!.pair]));
  assert.equal(w.size, 0);
});
