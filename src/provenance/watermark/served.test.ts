import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watermarkText } from './embed.js';
import { PositionVotes, positionId, scanPositions } from './detect.js';
import { LEXICON_PAIRS } from './lexicon-data.js';
import { ServedPositions, loadServedEvents } from './served.js';
import { runProbe } from '../probe.js';
import { deriveAccountKey } from '../keys.js';

const key = Buffer.alloc(32, 11);

/** Deterministic text dense in lexicon words; the seed picks fillers and alternatives. */
function sample(n: number, seed: number): string {
  const fillers = ['the', 'a', 'this', 'we', 'it', 'they', 'one', 'our', 'very', 'some'];
  // xorshift32: an LCG's low bits alternate, which would always pick the same alternative.
  let s = seed >>> 0 || 1;
  const rnd = (m: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % m;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const group = LEXICON_PAIRS[rnd(LEXICON_PAIRS.length)]!;
    out.push(fillers[rnd(fillers.length)]! + 'x'.repeat(rnd(3)), group[rnd(group.length)]!);
  }
  return out.join(' ') + '.';
}

function ids(text: string): Set<string> {
  return new Set(scanPositions(text).positions.map(positionId));
}

/** The probe against a suspect that answers with `texts` in turn (empty prompts). */
async function probe(texts: string[], served?: ServedPositions, accounts: string[] = []) {
  let i = 0;
  const r = await runProbe({
    client: async () => ({ text: texts[i++] ?? '', tokens: 100 }),
    masterKey: key,
    accounts,
    canaries: [],
    prompts: texts.map(() => ''),
    maxRequests: texts.length,
    maxTokens: 1e9,
    alpha: 1e-4,
    minTrials: 16,
    ...(served ? { served } : {}),
  });
  return r;
}

test('--served filter: only positions of served text are scored, every matched one is counted (issue 6)', async () => {
  const servedText = watermarkText(key, sample(300, 1));
  const served = new ServedPositions();
  served.add(servedText);
  assert.deepEqual(new Set([...ids(servedText)].filter((id) => served.has(id))), ids(servedText));
  assert.equal(served.size, ids(servedText).size);
  // The suspect repeats part of the served text and adds text it learned elsewhere.
  const suspect = [servedText.slice(0, servedText.length / 2), sample(300, 2), sample(300, 3)];
  const votes = new PositionVotes();
  for (const t of suspect) votes.add(t);
  const kept = votes.majority((id) => served.has(id));
  const all = votes.majority();
  assert.ok(
    kept.length > 0 && kept.length < all.length,
    'the filter drops something, keeps something',
  );
  for (const p of kept) assert.ok(served.has(positionId(p)), 'only served positions');
  // Every non-tied suspect position that was served is kept.
  const servedAll = all.filter((p) => served.has(positionId(p))).map(positionId);
  assert.deepEqual(kept.map(positionId).sort(), servedAll.sort());

  const seen = new Set<string>();
  for (const t of suspect) for (const id of ids(t)) seen.add(id);
  const matched = [...seen].filter((id) => served.has(id)).length;
  const r = await probe(suspect, served);
  assert.deepEqual(r.watermark.served, { positions: served.size, matched });
  assert.equal(r.watermark.trials, kept.length);
  const plain = await probe(suspect);
  assert.equal(plain.watermark.served, undefined, 'without --served nothing changes');
  assert.equal(plain.watermark.trials, all.length);
  assert.ok(
    r.watermark.pValue < plain.watermark.pValue,
    `served filter sharpens the evidence: ${r.watermark.pValue} vs ${plain.watermark.pValue}`,
  );
  assert.equal(r.watermark.verdict, 'watermarked');
});

test('--served filter: clean text scored against the served set stays non-significant (seeded, issue 6)', async () => {
  for (let seed = 1; seed <= 6; seed++) {
    // The provider served the watermarked form of exactly these texts; the suspect wrote
    // the same words unmarked: the largest possible overlap, and still the null.
    const texts = [sample(400, seed * 10), sample(400, seed * 10 + 1)];
    const served = new ServedPositions();
    for (const t of texts) served.add(watermarkText(key, t));
    const r = await probe(texts, served);
    assert.ok(r.watermark.trials >= 100, `seed ${seed}: ${r.watermark.trials} trials`);
    assert.ok(r.watermark.pValue > 0.01, `seed ${seed}: p = ${r.watermark.pValue}`);
    assert.notEqual(r.watermark.verdict, 'watermarked');
  }
});

test('--served filter: an account key is scored where that account was served (issue 6)', async () => {
  const thief = deriveAccountKey(key, 'thief');
  const a = watermarkText(key, sample(400, 5), { accountKey: thief });
  const b = watermarkText(key, sample(400, 6), { accountKey: deriveAccountKey(key, 'honest') });
  const served = new ServedPositions();
  served.add(a, 'thief');
  served.add(b, 'honest');
  const onlyThief = [...ids(a)].filter((id) => !ids(b).has(id));
  const onlyHonest = [...ids(b)].filter((id) => !ids(a).has(id));
  assert.ok(onlyThief.every(served.forAccount('thief')));
  assert.ok(!onlyHonest.some(served.forAccount('thief')));
  assert.ok(!onlyThief.some(served.forAccount('nobody')));
  const r = await probe([a], served, ['honest', 'thief']);
  assert.equal(r.watermark.verdict, 'watermarked');
  assert.deepEqual(r.implicatedAccounts, ['thief']);
});

test('loadServedEvents: response texts added, malformed lines skipped and named by line (issue 6)', async () => {
  const text = watermarkText(key, sample(50, 9));
  const lines = [
    JSON.stringify({ ts: 1, account: 'a', response: { text } }),
    '{"ts": 2, "account": ',
    '',
    JSON.stringify({ ts: 3, account: 'b', status: 500 }),
    JSON.stringify({ ts: 4, account: 'b', response: { text: 7 } }),
    JSON.stringify([1, 2]),
  ];
  async function* gen() {
    yield* lines;
  }
  const load = await loadServedEvents(gen());
  assert.equal(load.lines, 6);
  assert.equal(load.events, 1);
  assert.equal(load.empty, 1);
  assert.equal(load.bad, 3);
  assert.match(load.badSamples[0]!, /^line 2: not JSON/);
  assert.match(load.badSamples[1]!, /^line 5: "response.text"/);
  assert.match(load.badSamples[2]!, /^line 6: not a JSON object/);
  assert.equal(load.served.size, ids(text).size);
});
