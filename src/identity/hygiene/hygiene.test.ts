import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identityConfigSchema } from '../config.js';
import { DisposableDomains } from './disposable.js';
import { connectedComponents, LinkGraph } from './graph.js';
import { SignupHygiene } from './hygiene.js';
import { RecentIndex } from './recent.js';
import type { Signup } from './validate.js';

const T0 = Date.UTC(2026, 0, 10, 9);
const MIN = 60_000;
const small = new DisposableDomains(['mailinator.com']);

function hygiene(over: Record<string, unknown> = {}): SignupHygiene {
  return new SignupHygiene(identityConfigSchema.parse({ hygiene: over }), small);
}

function su(id: string, over: Partial<Signup> = {}): Signup {
  return { id, createdAt: T0, ...over };
}

test('a clean self-serve signup is allowed with no reasons; unverified gets the tighter tier', () => {
  const h = hygiene();
  const a = h.assess(
    su('a', { email: 'ann.lee@example.com', signupIp: '203.0.113.5', route: 'self-serve' }),
  );
  assert.equal(a.verdict.level, 'allow');
  assert.deepEqual(a.verdict.reasons, []);
  assert.equal(a.tier, 'unverified');
  assert.deepEqual(h.verify('a'), { tier: 'standard' });
  assert.equal(h.verify('nobody'), null);
  assert.equal(h.assess(su('v', { verified: true })).tier, 'standard');
});

test('disposable domains, plus tags and routes give weighted reasons', () => {
  const h = hygiene();
  const v = h.assess(su('d', { email: 'x+1@mailinator.com', route: 'startup-credits' })).verdict;
  const codes = v.reasons.map((r) => r.code);
  assert.deepEqual(codes.sort(), ['disposable_email', 'plus_address', 'signup_route']);
  assert.equal(v.level, 'monitor');
  assert.ok(v.score > 0.35 && v.score < 0.6);
  assert.match(
    v.reasons.find((r) => r.code === 'disposable_email')!.detail,
    /mailinator.com is a disposable/,
  );
});

test('country policy: weights add reasons, denied countries block', () => {
  const h = hygiene({ countries: { xx: 0.4 }, deniedCountries: ['yy'] });
  assert.equal(h.assess(su('c1', { country: 'XX' })).verdict.level, 'monitor');
  const blocked = h.assess(su('c2', { country: 'YY' })).verdict;
  assert.equal(blocked.level, 'block');
  assert.equal(blocked.reasons[0]?.code, 'country_denied');
});

test('payment velocity over a sliding window, and payment links to the most recent accounts', () => {
  const h = hygiene();
  h.assess(su('p1', { paymentFingerprint: 'card', createdAt: T0 }));
  h.assess(su('p2', { paymentFingerprint: 'card', createdAt: T0 + MIN }));
  const third = h.assess(su('p3', { paymentFingerprint: 'card', createdAt: T0 + 2 * MIN }));
  assert.ok(
    third.verdict.reasons.some(
      (r) =>
        r.code === 'payment_velocity' &&
        /3 signups on one payment fingerprint within 30d/.test(r.detail),
    ),
  );
  assert.deepEqual(
    third.links.map((l) => [l.b, l.kind]),
    [
      ['p1', 'payment'],
      ['p2', 'payment'],
    ],
  );
  // The third makes a flagged cluster of three: the first two are raised and reported.
  assert.deepEqual(third.updated.map((v) => v.account).sort(), ['p1', 'p2']);
  assert.ok(
    third.updated.every(
      (v) => v.level === 'monitor' && v.reasons.some((r) => r.code === 'signup_cluster'),
    ),
  );
  assert.equal(third.verdict.cluster, third.updated[0]?.cluster);
  // Outside the window the card counts afresh.
  const later = h.assess(
    su('p4', { paymentFingerprint: 'card', createdAt: T0 + 40 * 24 * 60 * MIN }),
  );
  assert.ok(!later.verdict.reasons.some((r) => r.code === 'payment_velocity'));
});

test('numbered email sequences link and trip pattern velocity; far-apart numbers do not', () => {
  const h = hygiene();
  const a = ['user001@gmail.com', 'user002@gmail.com', 'user003@gmail.com'].map((email, i) =>
    h.assess(su(`e${i}`, { email, createdAt: T0 + i * MIN })),
  );
  assert.ok(
    a[2]!.verdict.reasons.some(
      (r) => r.code === 'email_pattern_velocity' && /user###@gmail.com/.test(r.detail),
    ),
  );
  assert.ok(a[2]!.links.some((l) => l.kind === 'email_pattern'));
  const h2 = hygiene();
  ['john1952@gmail.com', 'john1210@gmail.com', 'john1711@gmail.com'].forEach((email, i) =>
    h2.assess(su(`f${i}`, { email, createdAt: T0 + i * MIN })),
  );
  assert.ok(!h2.verdictOf('f2')!.reasons.some((r) => r.code === 'email_pattern_velocity'));
});

test('Gmail dot and plus variants of one inbox count as one pattern', () => {
  const h = hygiene();
  ['a.lice@gmail.com', 'al.ice+x@gmail.com', 'alice+y@googlemail.com', 'ali.ce@gmail.com'].forEach(
    (email, i) => h.assess(su(`g${i}`, { email, createdAt: T0 + i * MIN })),
  );
  assert.ok(h.verdictOf('g3')!.reasons.some((r) => r.code === 'email_pattern_velocity'));
});

test('issue 5: an IP prefix alone never links (shared NAT), even in a burst', () => {
  const h = hygiene();
  for (let i = 0; i < 30; i++) {
    const r = h.assess(
      su(`n${i}`, {
        email: `student.${String.fromCharCode(97 + (i % 26))}${i % 7 === 0 ? 'x' : ''}${'abc'[i % 3]}@uni.example.edu`,
        signupIp: `192.0.2.${i + 1}`,
        createdAt: T0 + i * 20_000,
      }),
    );
    assert.deepEqual(r.links, [], `n${i}`);
  }
  // …but the same burst with throwaway signals on both ends is linked.
  const h2 = hygiene();
  const out = [0, 1, 2].map((i) =>
    h2.assess(
      su(`m${i}`, {
        email: `z${i}q@mailinator.com`,
        signupIp: `192.0.2.${i + 1}`,
        createdAt: T0 + i * MIN,
      }),
    ),
  );
  assert.ok(
    out[2]!.links.some(
      (l) =>
        l.kind === 'ip_prefix_window' && /3 signups from 192.0.2.0\/24 within 10min/.test(l.detail),
    ),
  );
});

test('assess is idempotent per account id', () => {
  const h = hygiene();
  h.assess(su('p1', { paymentFingerprint: 'card' }));
  const first = h.assess(su('p2', { paymentFingerprint: 'card' }));
  const again = h.assess(su('p2', { paymentFingerprint: 'card' }));
  assert.deepEqual(again.links, first.links);
  assert.equal(
    h
      .assess(su('p3', { paymentFingerprint: 'card' }))
      .verdict.reasons.find((r) => r.code === 'payment_velocity')
      ?.detail.startsWith('3 '),
    true,
  );
});

test('bounded memory: the recent index and the graph forget the oldest', () => {
  const idx = new RecentIndex(2, 3);
  for (let i = 0; i < 5; i++) idx.add('k1', { id: `a${i}`, ts: i });
  assert.deepEqual(
    idx.get('k1').map((e) => e.id),
    ['a2', 'a3', 'a4'],
  );
  idx.add('k2', { id: 'b', ts: 0 });
  idx.add('k3', { id: 'c', ts: 0 });
  assert.equal(idx.size, 2);
  assert.deepEqual(idx.get('k1'), []);
  const g = new LinkGraph(2);
  const node = (id: string) => ({
    id,
    createdAt: 0,
    own: [],
    flagged: false,
    verified: false,
    verdict: {
      account: id,
      score: 0,
      level: 'allow' as const,
      reasons: [],
      cluster: null,
      updatedAt: 0,
    },
  });
  g.add(node('x'));
  g.add(node('y'));
  g.link({ a: 'y', b: 'x', kind: 'payment', detail: '' });
  g.add(node('z'));
  assert.equal(g.size, 2);
  assert.equal(g.get('x'), undefined);
  assert.deepEqual(g.get('y')!.links, []);
  const h = hygiene({ links: { maxAccounts: 10 }, velocity: { maxKeys: 5 } });
  for (let i = 0; i < 100; i++)
    h.assess(
      su(`b${i}`, {
        paymentFingerprint: `card${i % 3}`,
        signupIp: `10.${i}.0.1`,
        createdAt: T0 + i,
      }),
    );
  assert.equal(h.verdictOf('b0'), undefined);
  assert.ok(h.verdictOf('b99'));
});

test('connectedComponents groups linked ids by union-find', () => {
  const comps = [
    ...connectedComponents([
      { a: 'a', b: 'b' },
      { a: 'c', b: 'd' },
      { a: 'b', b: 'c' },
      { a: 'x', b: 'y' },
    ]).values(),
  ];
  assert.deepEqual(comps.map((c) => c.join(',')).sort(), ['a,b,c,d', 'x,y']);
});

test('assessAccounts replays account records in creation order and reports invalid ones by position', async () => {
  const { assessAccounts } = await import('./replay.js');
  const h = hygiene();
  const out = assessAccounts(
    [
      { id: 'r3', createdAt: new Date(T0 + 2 * MIN).toISOString(), paymentFingerprint: 'card' },
      { id: 'r1', createdAt: T0, paymentFingerprint: 'card' },
      { id: 'bad', createdAt: 'soon', email: 'x@' },
      { id: 'r2', createdAt: T0 + MIN, paymentFingerprint: 'card' },
      'not an object',
    ],
    h,
  );
  assert.deepEqual(
    out.verdicts.map((v) => v.account),
    ['r1', 'r2', 'r3'],
  );
  assert.ok(out.verdicts.every((v) => v.level !== 'allow'));
  assert.equal(out.links.length, 3);
  assert.deepEqual(
    out.invalid.map((i) => [i.index, i.id]),
    [
      [2, 'bad'],
      [4, undefined],
    ],
  );
  assert.match(out.invalid[0]!.error, /createdAt: "soon" is not an ISO 8601 timestamp .*; email: /);
});

test('configuring one route weight keeps the other defaults', () => {
  const cfg = identityConfigSchema.parse({ hygiene: { routes: { Education: 0.3 } } });
  assert.equal(cfg.hygiene.routes.education, 0.3);
  assert.equal(cfg.hygiene.routes['self-serve'], 0);
  assert.equal(cfg.hygiene.routes['startup-credits'], 0.15);
  assert.equal(identityConfigSchema.parse({}).hygiene.routes.research, 0.1);
});
