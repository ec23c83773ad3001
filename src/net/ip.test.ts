import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import fc from 'fast-check';
import {
  cidrContains,
  cidrWithin,
  compileCidrs,
  formatCidr,
  formatIp,
  ipPrefix,
  parseCidr,
  parseIp,
  prefixOf,
} from './ip.js';

test('parses IPv4 and rejects malformed or leading-zero octets', () => {
  assert.deepEqual([...parseIp('203.0.113.7')!.bytes], [203, 0, 113, 7]);
  for (const bad of [
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1..2.3',
    'a.b.c.d',
    ' ',
    '1.2.3.4/24',
  ]) {
    assert.equal(parseIp(bad), null, bad);
  }
  assert.equal(parseIp(42), null);
  assert.equal(parseIp(undefined), null);
});

test('parses IPv6 forms and folds IPv4-mapped addresses to IPv4', () => {
  assert.equal(formatIp(parseIp('2001:DB8:0:0:0:0:0:1')!), '2001:db8::1');
  assert.equal(formatIp(parseIp('::1')!), '::1');
  assert.equal(formatIp(parseIp('::')!), '::');
  assert.equal(formatIp(parseIp('fe80::1%eth0')!), 'fe80::1');
  assert.equal(formatIp(parseIp('[2001:db8::5]:443')!), '2001:db8::5');
  const mapped = parseIp('::ffff:198.51.100.9')!;
  assert.equal(mapped.version, 4);
  assert.equal(formatIp(mapped), '198.51.100.9');
  assert.equal(formatIp(parseIp('::ffff:c633:6409')!), '198.51.100.9');
  assert.equal(formatIp(parseIp('203.0.113.7:51234')!), '203.0.113.7');
  for (const bad of [
    ':::',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'g::1',
    '12345::',
    '1:2:3:4:5:6:7:8::',
  ]) {
    assert.equal(parseIp(bad), null, bad);
  }
});

test('agrees with node:net on which strings are addresses', () => {
  fc.assert(
    fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 40 })), (s) => {
      const ours = parseIp(s) !== null;
      // node accepts zone ids and we also accept brackets/ports; compare on plain strings only.
      if (/[[\]%]/.test(s) || /^\d+\.\d+\.\d+\.\d+:\d+$/.test(s) || s.trim() !== s) return;
      assert.equal(ours, isIP(s) !== 0, s);
    }),
    { numRuns: 3000 },
  );
});

test('prefixes are /24 and /48 with the host part zeroed', () => {
  assert.equal(ipPrefix(parseIp('203.0.113.77')!, 24, 48), '203.0.113.0/24');
  assert.equal(ipPrefix(parseIp('2001:db8:abcd:12::1')!, 24, 48), '2001:db8:abcd::/48');
  assert.equal(ipPrefix(parseIp('::ffff:10.1.2.3')!, 24, 48), '10.1.2.0/24');
  assert.equal(ipPrefix(parseIp('10.1.2.3')!, 20, 48), '10.1.0.0/20');
});

test('CIDR matching, including mapped blocks and single addresses', () => {
  const c = parseCidr('10.0.0.0/8')!;
  assert.ok(cidrContains(c, parseIp('10.200.3.4')!));
  assert.ok(!cidrContains(c, parseIp('11.0.0.1')!));
  assert.ok(!cidrContains(c, parseIp('2001:db8::1')!));
  assert.ok(cidrContains(parseCidr('::ffff:10.0.0.0/104')!, parseIp('10.9.9.9')!));
  assert.ok(cidrContains(parseCidr('2001:db8::/33')!, parseIp('2001:db8:7fff::1')!));
  assert.ok(!cidrContains(parseCidr('2001:db8::/33')!, parseIp('2001:db8:8000::1')!));
  const m = compileCidrs(['192.0.2.1', 'nonsense', '10.0.0.0/33']);
  assert.deepEqual(m.invalid, ['nonsense', '10.0.0.0/33']);
  assert.ok(m.contains(parseIp('192.0.2.1')!));
  assert.ok(!m.contains(parseIp('192.0.2.2')!));
});

test('networks: host bits cleared, canonical text, malformed refused (formerly intel/cidr.ts)', () => {
  assert.equal(formatCidr(parseCidr('203.0.113.77/24')!), '203.0.113.0/24');
  assert.equal(formatCidr(parseCidr('10.1.2.3')!), '10.1.2.3/32');
  assert.equal(formatCidr(parseCidr('2001:db8::1/32')!), '2001:db8::/32');
  assert.equal(
    formatCidr(parseCidr('2001:db8:0:0:0:0:0:0/32')!),
    '2001:db8::/32',
    'older exports read back',
  );
  assert.equal(
    formatCidr(parseCidr('::ffff:192.0.2.1')!),
    '192.0.2.1/32',
    'a mapped address is its IPv4 address',
  );
  for (const bad of [
    '10.0.0/8',
    '300.1.1.1',
    '10.0.0.0/33',
    '1::2::3',
    'x',
    '10.0.0.0/8/1',
    '1:2:3:4:5:6:7:8:9',
  ]) {
    assert.equal(parseCidr(bad), null, bad);
  }
});

test('networks: cidrWithin is containment of one network in another', () => {
  const net = parseCidr('203.0.113.0/24')!;
  assert.equal(cidrWithin(net, parseCidr('203.0.113.7')!), true);
  assert.equal(cidrWithin(net, parseCidr('203.0.114.7')!), false);
  assert.equal(
    cidrWithin(net, parseCidr('203.0.113.0/23')!),
    false,
    'a wider network is not inside',
  );
  assert.equal(cidrWithin(parseCidr('2001:db8::/32')!, parseCidr('2001:db8:ffff::1')!), true);
  assert.equal(cidrWithin(net, parseCidr('2001:db8::1')!), false);
});

test('issue 15: one prefix rule — prefixOf masks inside an IPv6 group and keys mapped addresses as IPv4', () => {
  assert.equal(prefixOf('2001:db8:abcd:12ff::1', 24, 52), '2001:db8:abcd:1000::/52');
  assert.equal(prefixOf('2001:db8:abcd:12::1', 24, 48), '2001:db8:abcd::/48');
  assert.equal(prefixOf('::ffff:203.0.113.7', 24, 48), '203.0.113.0/24');
  assert.equal(prefixOf('203.0.113.7', 24, 48), '203.0.113.0/24');
  assert.equal(prefixOf('203.0.113.7', 0, 48), '0.0.0.0/0');
  for (const bad of [undefined, '', 'nonsense', '01.2.3.4', '1.2.3', '256.0.0.1'])
    assert.equal(prefixOf(bad, 24, 48), '', String(bad));
});

test('issue 15: prefixOf (allocation-free IPv4 path) agrees with ipPrefix(parseIp) on any text (fast-check)', () => {
  const part = fc.oneof(
    fc.integer({ min: 0, max: 300 }).map(String),
    fc.stringMatching(/^[0-9]{0,4}$/),
    fc.constantFrom('', ' 7', '0x1f', '-0', '+3', 'a', '00'),
  );
  fc.assert(
    fc.property(
      fc.array(part, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 32 }),
      (parts, bits) => {
        const text = parts.join('.');
        const ip = parseIp(text);
        assert.equal(prefixOf(text, bits, 48), ip === null ? '' : ipPrefix(ip, bits, 48), text);
      },
    ),
    { numRuns: 3000 },
  );
});
