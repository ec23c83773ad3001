import { test } from 'node:test';
import assert from 'node:assert/strict';
import { F, STATS_LEN } from './stats.js';
import {
  KIN_K,
  KIN_MAX_REQUESTS,
  KIN_MIN_POPULATION,
  kinDetail,
  kinScore,
  kinSweep,
  type KinInput,
} from './kin.js';

/** A seeded generator, so the populations are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Shape {
  n: number;
  /** Hour of day the account's requests centre on, and how many hours they spread over. */
  hour: number;
  spread: number;
  logGap: number;
  inTokens: number;
  outTokens: number;
  harvest: number;
  derivation: number;
  singleTurn: number;
}

/** Counters of an account of this shape, each value jittered by a few percent. */
function counters(s: Shape, r: () => number): Float32Array {
  const c = new Float32Array(STATS_LEN);
  const j = (v: number): number => v * (0.95 + 0.1 * r());
  const n = Math.round(j(s.n));
  c[F.n] = n;
  for (let i = 0; i < n; i++) c[F.hours + ((s.hour + Math.floor(r() * s.spread)) % 24)]! += 1;
  c[F.gaps] = n - 1;
  c[F.logGapSum] = (n - 1) * j(s.logGap);
  c[F.logGapSq] = (n - 1) * j(s.logGap) ** 2 * 1.05;
  c[F.sessions] = Math.max(1, Math.round(n / 8));
  c[F.inTokens] = n * j(s.inTokens);
  c[F.outTokens] = n * j(s.outTokens);
  c[F.harvest] = n * j(s.harvest);
  c[F.derivation] = n * j(s.derivation);
  c[F.singleTurn] = n * j(s.singleTurn);
  c[F.withResponse] = n;
  return c;
}

const CAMPAIGN: Shape = {
  n: 80,
  hour: 0,
  spread: 24,
  logGap: 7.5,
  inTokens: 90,
  outTokens: 700,
  harvest: 0.55,
  derivation: 0.5,
  singleTurn: 1,
};

/** People: daytime, chatty, short answers, a few derivations each, every one a little different. */
function person(r: () => number): Shape {
  return {
    n: 10 + Math.floor(r() * 60),
    hour: 7 + Math.floor(r() * 4),
    spread: 6 + Math.floor(r() * 8),
    logGap: 5 + r() * 4,
    inTokens: 40 + r() * 400,
    outTokens: 150 + r() * 300,
    harvest: r() * 0.3,
    derivation: r() * 0.25,
    singleTurn: 0.3 + r() * 0.5,
  };
}

function population(raisedMembers: number): { accounts: KinInput[]; members: number[] } {
  const r = rng(7);
  const accounts: KinInput[] = [];
  for (let i = 0; i < 200; i++)
    accounts.push({ counters: counters(person(r), r), raised: false, candidate: true });
  const members: number[] = [];
  for (let i = 0; i < 20; i++) {
    members.push(accounts.length);
    const raised = i < raisedMembers;
    accounts.push({ counters: counters(CAMPAIGN, r), raised, candidate: !raised });
  }
  return { accounts, members };
}

test('kin: quiet members of a campaign whose other members were raised are raised with them; the people around them are not (issue 13)', () => {
  const { accounts, members } = population(14);
  const found = kinSweep(accounts);
  const raisedIdx = new Set(found.map((k) => k.account));
  const missed = members.slice(14);
  assert.deepEqual(
    missed.filter((m) => raisedIdx.has(m)),
    missed,
    'the six unraised members are raised',
  );
  assert.equal(
    found.filter((k) => k.account < 200).length,
    0,
    'no person is raised: their neighbours are people',
  );
  for (const k of found) {
    assert.ok(k.share >= 0.6 && k.share <= 1);
    assert.ok(
      k.raised.every((i) => accounts[i]!.raised),
      'every named neighbour was raised',
    );
    assert.equal(k.raised.length, Math.round(k.share * KIN_K));
  }
});

test('kin: a campaign with too few of its members raised raises nobody (the share is below KIN_SHARE)', () => {
  const { accounts } = population(4);
  assert.deepEqual(kinSweep(accounts), []);
});

test('kin: a busy account is judged on its own evidence, however its neighbours stand', () => {
  const { accounts, members } = population(14);
  const r = rng(3);
  const busy = accounts.length;
  accounts.push({
    counters: counters({ ...CAMPAIGN, n: KIN_MAX_REQUESTS * 2 }, r),
    raised: false,
    candidate: true,
  });
  const found = new Set(kinSweep(accounts).map((k) => k.account));
  assert.ok(!found.has(busy));
  assert.ok(found.has(members[19]!), 'the quiet members still are');
});

test('kin: only candidates are raised, and a population under KIN_MIN_POPULATION raises nobody', () => {
  const { accounts, members } = population(14);
  for (const m of members) accounts[m]!.candidate = false;
  assert.deepEqual(kinSweep(accounts), []);
  for (const m of members.slice(14)) accounts[m]!.candidate = true;
  assert.equal(kinSweep(accounts).length, 6);
  assert.deepEqual(kinSweep(accounts.slice(220 - KIN_MIN_POPULATION + 1)), []);
});

test('kin: the score sits at throttle and the reason names the share and the nearest raised accounts', () => {
  assert.equal(kinScore(0.6, 0.5), 0.5);
  assert.ok(Math.abs(kinScore(1, 0.5) - 0.55) < 1e-9);
  const d = kinDetail(0.8, [
    { id: 'acct_a', score: 0.71 },
    { id: 'acct_b', score: 0.66 },
    { id: 'acct_c', score: 0.6 },
    { id: 'acct_d', score: 0.55 },
  ]);
  assert.match(d, /8 of its 10 nearest accounts/);
  assert.match(d, /acct_a \(0\.71\), acct_b \(0\.66\), acct_c \(0\.60\)$/);
});
