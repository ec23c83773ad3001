import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provenanceConfigSchema } from './config.js';
import { createCanaryPlanter, makeCanary, revealsCanary, type PlantedCanary } from './canary.js';
import { createCanaryWeaver } from './canary-weave.js';
import type { Canary } from './canary-store.js';
import { MemoryCanaryStore } from './canary-store/memory.js';

const master = Buffer.alloc(32, 5);
const cfg = provenanceConfigSchema.parse({}).canary;

test('canaries are deterministic per (account, slot) and unique across accounts', () => {
  assert.deepEqual(makeCanary(master, 'a', 0), makeCanary(master, 'a', 0));
  const secrets = new Set<string>();
  for (let i = 0; i < 500; i++) secrets.add(makeCanary(master, `acct_${i}`, 0).secret);
  assert.equal(secrets.size, 500);
  const c = makeCanary(master, 'a', 1);
  assert.ok(c.text.includes(c.secret));
  assert.ok(!c.trigger.includes(c.secret));
  assert.ok(revealsCanary(`I believe it is ${c.secret.toLowerCase()}.`, c));
  assert.ok(!revealsCanary('I do not know.', c));
});

test('planter respects the level threshold and the rate, and records plantings', async () => {
  const store = new MemoryCanaryStore();
  const planter = createCanaryPlanter(master, store, { ...cfg, rate: 0.1 });
  let planted = 0;
  for (let i = 0; i < 2000; i++) {
    if (await planter.plant({ account: 'acct_x', level: 'throttle', requestId: `r${i}`, ts: i }))
      planted++;
    assert.equal(
      await planter.plant({ account: 'acct_y', level: 'allow', requestId: `r${i}`, ts: i }),
      undefined,
    );
  }
  assert.ok(planted > 140 && planted < 260, `planted ${planted}`);
  assert.equal((await store.plants('acct_x')).length, planted);
  assert.ok((await store.canaries()).length <= cfg.perAccount);
  assert.equal((await store.plants('acct_y')).length, 0);
});

const OLD_SHAPE =
  /\n\n(As an aside|As a side note|Incidentally|Fun fact|By the way|A small curiosity)[^\n]*$/;
const answer =
  'Rivers form deltas where they slow down. The sediment they carry settles in fans. Over centuries the fans grow into wide plains. Tides and waves shape the edges.';

function weaveAll(planted: PlantedCanary, text: string, step = text.length, json = false): string {
  const w = createCanaryWeaver(planted, { json });
  let out = '';
  for (let i = 0; i < text.length; i += step) out += w.push(text.slice(i, i + step));
  return out + w.flush();
}

test('issue 14: two accounts get different canaries, in varied shapes keyed by the master key', () => {
  const a = makeCanary(master, 'acct_a', 0);
  const b = makeCanary(master, 'acct_b', 0);
  assert.notEqual(a.text, b.text);
  assert.notEqual(a.secret, b.secret);
  assert.notEqual(a.trigger, b.trigger);
  // Shapes: the sentence with its invented words blanked out.
  const shape = (c: Canary) =>
    c.text
      .replace(c.secret, 'S')
      .replace(/\b[A-Z][a-z]+(ford|by|wick|mere|ton|dale|stead|holm)\b/, 'P');
  const shapes = new Set(
    Array.from({ length: 200 }, (_, i) => shape(makeCanary(master, `acct_${i}`, 0))),
  );
  assert.ok(shapes.size > 150, `${shapes.size} distinct shapes in 200 accounts`);
  const otherKey = Buffer.alloc(32, 6);
  assert.notEqual(shape(makeCanary(otherKey, 'acct_a', 0)), shape(a), 'another key, another shape');
  for (let i = 0; i < 50; i++) {
    const c = makeCanary(master, `acct_${i}`, i % 3);
    assert.ok(c.text.includes(c.secret) && !c.trigger.includes(c.secret));
    assert.doesNotMatch(c.text, /["\\\n]/, 'safe inside a JSON string and a line');
  }
});

test('issue 14: a canary is woven between sentences of the answer; the old regex no longer strips it', async () => {
  const planter = createCanaryPlanter(master, new MemoryCanaryStore(), {
    ...cfg,
    rate: 1,
    minLevel: 'allow',
  });
  const openers = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const p = (await planter.plant({
      account: `acct_${i % 4}`,
      level: 'monitor',
      requestId: `r${i}`,
      ts: i,
    }))!;
    openers.add(p.sentence.split(' ')[0]!);
    const out = weaveAll(p, answer);
    assert.ok(out.includes(p.sentence), out);
    assert.ok(!out.includes('\n'), 'no blank line, no new paragraph');
    const before = out.slice(0, out.indexOf(p.sentence));
    assert.equal(
      before.match(/[.!?] /g)?.length ?? 0,
      p.afterSentences,
      'after the keyed sentence end',
    );
    assert.ok(out.endsWith('Tides and waves shape the edges.') || p.afterSentences > 3);
    assert.ok(
      revealsCanary(out.replace(OLD_SHAPE, ''), p.canary),
      'the old regex does not remove it',
    );
    assert.ok(
      revealsCanary(out.replace(/\n\n[^\n]*$/, ''), p.canary),
      'nor does cutting the last paragraph',
    );
    // Streaming: the same result for any split.
    for (const step of [1, 3, 7]) assert.equal(weaveAll(p, answer, step), out);
  }
  assert.ok(openers.size >= 4, `openers vary: ${[...openers].join(', ')}`);
});

test('issue 14: canaries stay out of code and keep JSON valid; a short answer gets one at its end', async () => {
  const planter = createCanaryPlanter(master, new MemoryCanaryStore(), {
    ...cfg,
    rate: 1,
    minLevel: 'allow',
  });
  const p = {
    ...(await planter.plant({ account: 'a', level: 'block', requestId: 'r1', ts: 1 }))!,
    afterSentences: 1,
  };
  const code = 'Use this:\n```\nx = 1. y = 2. z = 3.\n```\nIt sets x. Then y.';
  const out = weaveAll(p, code);
  assert.equal(
    out.slice(0, out.indexOf('```\nIt')),
    code.slice(0, code.indexOf('```\nIt')),
    'nothing inside the fence',
  );
  assert.ok(out.includes('It sets x. ' + p.sentence + ' Then y.'));
  assert.equal(weaveAll(p, 'Four.'), 'Four. ' + p.sentence);
  assert.equal(weaveAll(p, 'Use `a. b. c.` now'), 'Use `a. b. c.` now ' + p.sentence);
  const doc = JSON.stringify({ answer: answer + ' ' + answer, n: 1 });
  const j = weaveAll(p, doc, 5, true);
  assert.ok(j.includes(p.sentence));
  assert.equal((JSON.parse(j) as { n: number }).n, 1);
  assert.equal(
    weaveAll(p, '{"n": 1}', 3, true),
    '{"n": 1}',
    'no prose in the JSON: no canary rather than broken JSON',
  );
});
