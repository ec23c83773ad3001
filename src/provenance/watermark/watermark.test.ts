import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createWatermarker, watermarkText } from './embed.js';
import { detectWatermark, PositionVotes, REPEAT_WEIGHT, scanPositions } from './detect.js';
import { LEXICON_PAIRS } from './lexicon-data.js';
import { PositionPrf } from './prf.js';

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
    const group = LEXICON_PAIRS[rnd(LEXICON_PAIRS.length)]!;
    out.push(
      fillers[rnd(fillers.length)]! + fillers[rnd(fillers.length)]!.slice(0, rnd(3) + 1),
      group[rnd(group.length)]!,
    );
    if (rnd(7) === 0) out.push('words.\n\n');
    if (rnd(5) === 0)
      out.push(["it's", 'it is', 'do not', "don't", 'we are', "isn't", 'cannot'][rnd(7)]!);
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

test('push holds back at most the current word (and the space after a contraction host)', () => {
  const wm = createWatermarker(key);
  assert.equal(wm.push('We saw the'), 'We saw ');
  assert.equal(wm.push(' th'), 'the ');
  assert.equal(wm.push('en'), '');
  assert.equal(wm.flush(), 'then');
  const long = 'x'.repeat(100);
  assert.equal(
    createWatermarker(key).push('a ' + long),
    'a ' + long,
    'a long blob is not held back',
  );
  // "it" may become "it's": the space after it waits for the next word.
  const c = createWatermarker(key);
  assert.equal(c.push('so it'), 'so ');
  assert.equal(c.push(' i'), 'it');
  const rest = c.push('s x') + c.flush();
  assert.match(rest, /^( is|'s) x$/);
  // "it's" may mean "it has": its "'s" waits for the next word.
  const h = createWatermarker(key);
  assert.equal(h.push("so it's be"), 'so it');
  assert.equal(h.push('en '), "'s been ");
});

test('contractions: both forms of each class, never where the expansion would not be English', () => {
  const forms: [string, RegExp][] = [
    ['we think it is not easy now', /^we think (it is not|it's not|it isn't) easy now$/],
    ['so I do not know', /^so I (do not|don't) know$/],
    ["so I don't know", /^so I (do not|don't) know$/],
    ['we know you are right', /^we know (you are|you're) right$/],
    ['so you will see', /^so (you will|you'll) see$/],
    ['you cannot go', /^you (cannot|can't) go$/],
    ["and here's the plan", /^and (here is|here's) the plan$/],
  ];
  const unchanged = [
    "so it's been a day", // "it has been"
    'Why do not we go', // inversion after a question word
    "why don't we go",
    "It is nice, isn't it?", // tag question
    'this is what it is.', // a stranded auxiliary cannot contract
    'this is what it is\nnext line',
    'say "it is not" here',
    'use `it is not` here',
    '```\nit is not\n```',
  ];
  for (let i = 0; i < 24; i++) {
    const k = Buffer.alloc(32, i);
    for (const [text, re] of forms) assert.match(watermarkText(k, text), re, text);
    for (const text of unchanged) {
      const out = watermarkText(k, text);
      if (text.startsWith('It is nice')) assert.match(out, /isn't it\?$/, text);
      else if (text.startsWith('this is what')) assert.match(out, /what it is(\.|\n)/, text);
      else if (text.startsWith('so it')) assert.match(out, /it's been/, text);
      else if (/^why/i.test(text)) assert.match(out, /^why (do not|don't) we go$/i, text);
      else assert.equal(out, text, text);
    }
  }
  const outs = new Set(
    Array.from({ length: 24 }, (_, i) => watermarkText(Buffer.alloc(32, i), forms[0]![0])),
  );
  assert.equal(outs.size, 3, 'all three forms of "it is not" occur');
});

test('a text whose only eligible positions are contractions is detected', () => {
  const subjects = [
    'we',
    'you',
    'they',
    'so',
    'and',
    'but',
    'then',
    'now',
    'here',
    'still',
    'often',
    'maybe',
  ];
  const verbs = ['know', 'see', 'mind', 'care', 'agree', 'stop', 'wait', 'ask', 'fit', 'move'];
  const lines: string[] = [];
  const who = ['I', 'we', 'they', 'you'];
  for (const a of subjects)
    for (const v of verbs) lines.push(`${a} ${v} ${who[lines.length % 4]} do not ${v}.`);
  const text = lines.join(' ');
  const marked = watermarkText(key, text);
  assert.notEqual(marked, text);
  const r = detectWatermark(key, marked);
  assert.equal(r.verdict, 'watermarked', r.reason);
  assert.equal(r.hits, r.trials);
  assert.notEqual(detectWatermark(other, marked).verdict, 'watermarked');
});

test('only words change: line structure, indentation and capitals are preserved', () => {
  const text = sample(300);
  const out = watermarkText(key, text);
  assert.notEqual(out, text);
  const lines = (t: string): string[] => t.split('\n').map((l) => /^\s*/.exec(l)![0]);
  assert.deepEqual(lines(out), lines(text));
  const caps = (t: string): string => t.replace(/[^A-Z]/g, '');
  assert.equal(caps(out), caps(text));
});

test('embedder and detector agree on every position: all hits, for any mix of contractions (issue 6)', () => {
  const vocab = [
    'it',
    'It',
    'is',
    'not',
    "isn't",
    "it's",
    'do',
    "don't",
    'does',
    "doesn't",
    'I',
    'am',
    "I'm",
    'you',
    'are',
    "you're",
    'will',
    "you'll",
    'we',
    'cannot',
    "can't",
    'why',
    'what',
    "what's",
    'been',
    'the',
    'car',
    'big',
    'perhaps',
    'maybe',
    'so',
    'here',
    'is.',
    'not,',
    'that',
    'there',
    "there's",
    'was',
    "wasn't",
    'who',
    'go',
    'see',
  ];
  const seps = [' ', ' ', ' ', ' ', '. ', '\n', ', ', '  '];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(vocab.length - 1), fc.nat(seps.length - 1)), {
        minLength: 40,
        maxLength: 200,
      }),
      fc.nat(255),
      (words, k) => {
        const text = words.map(([w, s]) => vocab[w]! + seps[s]!).join('');
        const kb = Buffer.alloc(32, k);
        const r = detectWatermark(kb, watermarkText(kb, text), { minTrials: 1 });
        assert.equal(r.hits, r.trials, text);
      },
    ),
    { numRuns: 300 },
  );
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
  ];
  for (const s of shielded) {
    for (const k of [key, other, Buffer.alloc(32, 1), Buffer.alloc(32, 2)])
      assert.equal(watermarkText(k, s), s, s);
  }
});

test('issue 14: prose wrapped in markup is still marked (quote, fence, indent, brackets, backtick, double quote)', () => {
  const prose = 'The ' + sample(300).replace(/\s*\n\s*/g, ' ');
  const wrappers: Array<[string, string]> = [
    ['> ', ''],
    ['```\n', ''],
    ['```text\n', '\n```'],
    ['```python\n', '\n```'],
    ['    ', ''],
    ['[', ']'],
    ['{', '}'],
    ['`', ''],
    ['"', '"'],
  ];
  for (const [pre, post] of wrappers) {
    const text = pre + prose + post;
    const marked = watermarkText(key, text);
    assert.notEqual(marked, text, JSON.stringify(pre));
    const r = detectWatermark(key, marked);
    assert.equal(r.verdict, 'watermarked', `${JSON.stringify(pre)}: ${r.reason}`);
  }
  // The same with a streamed split.
  const text = '```\n' + prose;
  const wm = createWatermarker(key);
  let out = '';
  for (let i = 0; i < text.length; i += 7) out += wm.push(text.slice(i, i + 7));
  assert.equal(out + wm.flush(), watermarkText(key, text));
});

test('issue 14: code and JSON stay verbatim whatever their words', () => {
  const verbatim = [
    '```python\nif big is not None and car is not None and we do not go:\n    return perhaps_big(quickly)\n```',
    '```\nThe big car; perhaps = quickly(big) is not here and we do not go\n```',
    '```\nPerhaps big car quickly\n```',
    '    if big is not None and car is not None and we do not go quickly: pass',
    '    The big perhaps(car) do not go quickly and it is not here',
    'Run `git commit -m perhaps big car quickly we do not go now` here',
    'Run `docker run --rm -it big car perhaps quickly we do not` here',
    '{"a": true, "b": false, "c": null, "d": "perhaps big car"}',
  ];
  for (const s of verbatim) {
    for (const k of [key, other, Buffer.alloc(32, 1), Buffer.alloc(32, 2)])
      assert.equal(watermarkText(k, s), s, s);
  }
  // JSON mode (the client asked for JSON): keys and short strings stay, long prose strings are marked.
  const doc = JSON.stringify({
    answer: true,
    label: 'perhaps big car',
    note: 'The big car is not here and we do not go quickly, ' + sample(60).replace(/\s+/g, ' '),
  });
  let changed = 0;
  for (let i = 0; i < 8; i++) {
    const out = watermarkText(Buffer.alloc(32, i), doc, { json: true });
    const parsed = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['answer', 'label', 'note']);
    assert.equal(parsed['answer'], true);
    assert.equal(parsed['label'], 'perhaps big car');
    if (out !== doc) changed++;
  }
  assert.equal(changed, 8, 'prose inside a long JSON string carries the mark');
  assert.equal(
    watermarkText(key, '[true, false, null, perhaps, big]', { json: true }),
    '[true, false, null, perhaps, big]',
  );
  // A model that ignored the JSON response_format and wrote prose: marked as prose.
  const prose = 'The ' + sample(200).replace(/\s+/g, ' ');
  assert.equal(watermarkText(key, prose, { json: true }), watermarkText(key, prose));
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
    scanPositions(text, new Set(['we\u0000' + first.positions[0]!.group])).positions.length,
    0,
  );
});

test('PositionVotes: one trial per context, the alternative over-used relative to the group, ties dropped, excluded contexts skipped', () => {
  const v = new PositionVotes();
  // Overall "perhaps" 5 : "maybe" 3. After "we", "maybe" is over-used (2 of 3 > 3/8).
  v.add('we perhaps go. we maybe go. we maybe go.');
  v.add('they perhaps go. they perhaps go. they perhaps go. they perhaps go. they maybe go.');
  const ps = v.majority();
  assert.equal(v.size, 2);
  const we = ps.find((p) => p.context === 'we')!;
  const they = ps.find((p) => p.context === 'they')!;
  const word = (p: { index: number }): string => (p.index === 0 ? 'maybe' : 'perhaps');
  assert.equal(word(we), 'maybe', 'a plain majority would have said "perhaps"');
  assert.equal(word(they), 'perhaps');
  assert.equal(we.weight, REPEAT_WEIGHT, 'a context used repeatedly weighs more');
  const once = new PositionVotes();
  once.add('we perhaps go. they maybe go.');
  assert.ok(once.majority().every((p) => p.weight === 1));
  const tie = new PositionVotes();
  tie.add('we perhaps go. we maybe go.');
  assert.equal(tie.majority().length, 0, 'a context used like the group average is dropped');
  const w = new PositionVotes();
  w.add('we perhaps go', new Set(['we\u0000' + we.group]));
  assert.equal(w.size, 0);
});

test('the PRF choice is uniform over k alternatives (null hit rate exactly 1/k)', () => {
  const prf = new PositionPrf(key);
  for (const k of [2, 3, 4]) {
    const counts = new Array<number>(k).fill(0);
    const n = 30_000;
    for (let i = 0; i < n; i++) counts[prf.bits('w' + i, 10 + k, k).choice]!++;
    // 5 standard deviations of a Binomial(n, 1/k) count.
    const sd = Math.sqrt((n * (k - 1)) / (k * k));
    for (const c of counts) assert.ok(Math.abs(c - n / k) < 5 * sd, `k=${k}: ${counts.join(',')}`);
  }
});

test('3-way groups: every member is written for some context, and all are hits for the key (issue 6)', () => {
  const group = LEXICON_PAIRS.find((g) => g.includes('thus'))!;
  assert.deepEqual([...group], ['hence', 'therefore', 'thus']);
  const seen = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < 60; i++) words.push(`w${i}x`, group[i % 3]!);
  const text = words.join(' ') + '.';
  const out = watermarkText(key, text);
  for (const w of out.split(/[ .]+/)) if (group.includes(w)) seen.add(w);
  assert.equal(seen.size, 3, 'the keyed choice reaches all three members');
  const { positions } = scanPositions(out);
  assert.equal(positions.length, 60);
  assert.ok(positions.every((p) => p.k === 3));
  const r = detectWatermark(key, out);
  assert.equal(r.hits, 60);
  // Null hit rate 1/3: 60 hits of 60 is (1/3)^60, far stronger than (1/2)^60.
  assert.ok(r.pValue < 1e-25, String(r.pValue));
  const wrong = detectWatermark(other, out);
  assert.ok(wrong.hits < 35 && wrong.pValue > 1e-4, JSON.stringify(wrong));
});

test('gated groups: "sure"/"certain" only after "make"/"be"/"not", "use"/"utilize" only as a verb', () => {
  // Synonym positions only (contraction classes have group ids from 1000).
  const eligible = (t: string): number =>
    scanPositions(t).positions.filter((p) => p.group < 1000).length;
  assert.equal(eligible('Please make sure the file exists'), 1);
  assert.equal(eligible('I am not certain about that'), 1);
  assert.equal(eligible('There are certain rules here'), 0, '"certain" meaning "some"');
  assert.equal(eligible('Sure thing'), 0);
  assert.equal(eligible('You can use a loop'), 1);
  assert.equal(eligible('The use of loops is common'), 0, 'the noun');
  assert.equal(eligible('It has many uses today'), 0, 'the plural noun');
  assert.equal(eligible('The parser uses less memory'), 0);
  assert.equal(eligible('This uses less memory'), 1);
  const out = watermarkText(key, 'Make sure to check. We are sure of it. Try using it.');
  assert.match(
    out,
    /^Make (sure|certain) to check\. We are sure of it\. Try (using|utilizing) it\.$/,
  );
});
