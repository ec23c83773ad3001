import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STIX_SCHEMAS as SCHEMAS,
  stixSkip,
  jsonFiles as files,
  stixValidator,
} from '../test-support/stix-schemas.js';
import { buildBundle, type IntelCampaign } from './export.js';
import { parseBundle, patternValues } from './import.js';
import { IndicatorMatcher } from './indicators.js';
import { indicatorHash } from './ids.js';
import { tlpOf } from './tlp.js';

const limits = { maxBytes: 16 * 1024 * 1024, maxObjects: 100_000 };

const campaign: IntelCampaign = {
  key: 'inc_1',
  accountCount: 3,
  level: 'block',
  reasonCodes: ['template_reuse', 'reasoning_elicitation'],
  confidence: 90,
  firstSeen: Date.parse('2026-01-01T00:00:00Z'),
  lastSeen: Date.parse('2026-01-03T00:00:00Z'),
  ipPrefixes: ['203.0.113.9/24', '2001:db8::/32', 'not an ip'],
  fingerprints: ['fp_secret_client_9'],
  paymentFingerprints: ['card_fp_4242'],
  templates: ['Explain step by step how to solve: {problem}'],
};
const opts = {
  producerName: 'Example Provider',
  tlp: 'amber' as const,
  validDays: 90,
  now: Date.parse('2026-01-04T00:00:00Z'),
};

test(
  'an exported bundle validates against the OASIS STIX 2.1 schemas (issue 7)',
  { skip: stixSkip },
  () => {
    const bundle = buildBundle([campaign], opts);
    assert.deepEqual(stixValidator()(bundle), []);
    assert.deepEqual(stixValidator()(buildBundle([], opts)), []);
  },
);

test('an empty export is a bundle with no objects property', () => {
  const b = buildBundle([], opts);
  assert.equal(b['type'], 'bundle');
  assert.equal('objects' in b, false);
  assert.equal(parseBundle(JSON.stringify(b), limits).ok, true);
});

test('exports carry hashes, TLP and confidence, never raw values or account ids', () => {
  const text = JSON.stringify(buildBundle([campaign], opts));
  for (const raw of ['fp_secret_client_9', 'card_fp_4242', 'step by step', 'inc_1', 'not an ip'])
    assert.equal(text.includes(raw), false, raw);
  assert.ok(text.includes(indicatorHash('fp_secret_client_9')));
  assert.ok(text.includes("[ipv4-addr:value ISSUBSET '203.0.113.0/24']"));
  assert.ok(text.includes('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'));
  assert.ok(text.includes('"confidence":90'));
});

test('export → import round trip yields shared_indicator reasons', () => {
  const r = parseBundle(JSON.stringify(buildBundle([campaign], opts)), limits);
  assert.ok(r.ok);
  assert.equal(r.value.shared.length, 5);
  assert.equal(r.value.shared[0]?.source, 'Example Provider');
  assert.equal(r.value.shared[0]?.tlp, 'amber');
  const m = new IndicatorMatcher(r.value.shared, 0.3);
  const now = opts.now + 1000;
  const reasons = m.matchIndicators(
    {
      ip: '203.0.113.200',
      fingerprint: 'fp_secret_client_9',
      paymentFingerprint: 'card_fp_4242',
      templateHashes: [indicatorHash('Explain step by step how to solve: {problem}')],
    },
    now,
  );
  assert.equal(reasons.length, 4);
  assert.ok(reasons.every((x) => x.code === 'shared_indicator' && x.weight === 0.27));
  assert.deepEqual(m.matchIndicators({ ip: '198.51.100.1', fingerprint: 'other' }, now), []);
  assert.equal(m.matchIndicators({ ipPrefix: '2001:db8:1::/48' }, now).length, 1);
  assert.deepEqual(
    m.matchIndicators({ ip: '203.0.113.200' }, now + 91 * 86_400_000),
    [],
    'expired indicators no longer match',
  );
});

test('the official OASIS example bundles import cleanly', { skip: stixSkip }, () => {
  let matchable = 0;
  for (const f of files(join(SCHEMAS, 'examples'))) {
    const r = parseBundle(readFileSync(f, 'utf8'), limits);
    if (f.endsWith('interop-objectmarking-test.json')) {
      assert.equal(r.ok, false, 'a lone campaign object is not a bundle');
      assert.match(r.ok ? '' : r.error, /not a STIX 2.1 bundle: type: must be "bundle"/);
      continue;
    }
    assert.ok(r.ok, `${f}: ${r.ok ? '' : r.error}`);
    matchable += r.value.shared.length;
  }
  assert.ok(matchable > 0, 'IP indicators in the examples are matchable');
});

test('imports reject malformed or oversized bundles with clear errors', () => {
  const err = (text: string, l = limits) => {
    const r = parseBundle(text, l);
    return r.ok ? 'accepted' : r.error;
  };
  const ind = {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
    created: '2014-05-08T09:00:00.000Z',
    modified: '2014-05-08T09:00:00.000Z',
    pattern: "[ipv4-addr:value = '10.0.0.1']",
    pattern_type: 'stix',
    valid_from: '2014-05-08T09:00:00Z',
  };
  const bundle = (objects: unknown[]) =>
    JSON.stringify({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects });
  assert.match(err('{"type":'), /^not valid JSON/);
  assert.match(err(bundle([ind]), { maxBytes: 100, maxObjects: 10 }), /bytes; the limit is 100/);
  assert.match(
    err(bundle([ind, ind]), { maxBytes: 1e6, maxObjects: 1 }),
    /2 objects; the limit is 1/,
  );
  assert.match(err('{"type":"bundle","id":"bundle--x"}'), /id: must be "bundle--<UUID>"/);
  assert.match(err(bundle([])), /objects, when present, must not be empty/);
  assert.match(
    err(bundle([{ ...ind, id: 'campaign--33fe3b22-0201-47cf-85d0-97c02164528d' }])),
    /objects\[0\]\.id: must be "<type>--<UUID>"/,
  );
  const { pattern: _p, ...noPattern } = ind;
  assert.match(err(bundle([noPattern])), /objects\[0\] \(indicator--33fe3b22.*\)\.pattern/);
  assert.match(err(bundle([{ ...ind, valid_from: 'yesterday' }])), /valid_from: a STIX timestamp/);
  assert.equal(err(bundle([ind])), 'accepted');
});

test('pattern values: OR-joined comparisons match, AND-combined ones do not', () => {
  assert.deepEqual(
    patternValues("[ipv4-addr:value = '10.0.0.1' OR ipv4-addr:value ISSUBSET '10.1.0.0/16']").map(
      (v) => v.value,
    ),
    ['10.0.0.1/32', '10.1.0.0/16'],
  );
  assert.deepEqual(
    patternValues("[ipv4-addr:value = '10.0.0.1' AND domain-name:value = 'x.org']"),
    [],
  );
  assert.deepEqual(patternValues("[file:hashes.'SHA-256' = 'ef53']"), []);
  assert.deepEqual(
    patternValues("[ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [ipv4-addr:value = '10.0.0.2']"),
    [],
  );
});

test('issue 14: prefixes broader than /8 (IPv4) or /32 (IPv6) are refused on import, with the reason', () => {
  const ind = (pattern: string) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
    created: '2014-05-08T09:00:00.000Z',
    modified: '2014-05-08T09:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2014-05-08T09:00:00Z',
  });
  const bundle = (pattern: string) =>
    JSON.stringify({
      type: 'bundle',
      id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
      objects: [ind(pattern)],
    });
  for (const net of ['0.0.0.0/0', '10.0.0.0/7', '::/0', '2001:db8::/31']) {
    const r = parseBundle(
      bundle(
        `[ipv4-addr:value ISSUBSET '${net}']`.replace('ipv4', net.includes(':') ? 'ipv6' : 'ipv4'),
      ),
      limits,
    );
    assert.equal(r.ok, false, net);
    assert.match(
      r.ok ? '' : r.error,
      /objects\[0\] \(indicator--33fe3b22.*\): IP network .* is broader than the shortest prefix accepted \(IPv4 \/8, IPv6 \/32/,
    );
  }
  for (const net of ['10.0.0.0/8', '2001:db8::/32', '203.0.113.7']) {
    const r = parseBundle(
      bundle(
        `[ipv4-addr:value ISSUBSET '${net}']`.replace('ipv4', net.includes(':') ? 'ipv6' : 'ipv4'),
      ),
      limits,
    );
    assert.equal(r.ok, true, net);
  }
  const stricter = parseBundle(bundle("[ipv4-addr:value ISSUBSET '10.0.0.0/8']"), {
    ...limits,
    minIpv4Prefix: 16,
  });
  assert.match(stricter.ok ? '' : stricter.error, /IPv4 \/16/);
  // Stored before the import refused them: the matcher ignores them.
  const wide = {
    stixId: 'indicator--x',
    kind: 'ip' as const,
    value: '0.0.0.0/0',
    confidence: 100,
    validUntil: null,
    source: 'p',
    tlp: null,
  };
  assert.deepEqual(new IndicatorMatcher([wide]).matchIndicators({ ip: '198.51.100.1' }), []);
});

test('issue 14: object_marking_refs and created_by_ref must be STIX identifiers ("__proto__" is a validation error)', () => {
  const base = {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
    created: '2014-05-08T09:00:00.000Z',
    modified: '2014-05-08T09:00:00.000Z',
    pattern: "[ipv4-addr:value = '10.0.0.1']",
    pattern_type: 'stix',
    valid_from: '2014-05-08T09:00:00Z',
  };
  const bundle = (o: unknown) =>
    JSON.stringify({
      type: 'bundle',
      id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
      objects: [o],
    });
  for (const refs of [['__proto__'], ['constructor'], ['toString']]) {
    const r = parseBundle(bundle({ ...base, object_marking_refs: refs }), limits);
    assert.equal(r.ok, false);
    assert.match(
      r.ok ? '' : r.error,
      /object_marking_refs\.0: must be "marking-definition--<UUID>"/,
    );
  }
  const r = parseBundle(bundle({ ...base, created_by_ref: '__proto__' }), limits);
  assert.match(r.ok ? '' : r.error, /created_by_ref: must be "identity--<UUID>"/);
  assert.equal(tlpOf('__proto__'), undefined);
  assert.equal(tlpOf('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'), 'amber');
});

test('issue 15: the STIX schemas ship with the repository, so the schema tests run instead of skipping', () => {
  assert.equal(stixSkip, false);
  assert.ok(files(join(SCHEMAS, 'schemas')).length > 50);
});
