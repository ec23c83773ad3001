import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { cidrContains, compileCidrs, formatIp, ipPrefix, parseCidr, parseIp } from './ip.js';

test('parses IPv4 and rejects malformed or leading-zero octets', () => {
  assert.deepEqual([...parseIp('203.0.113.7')!.bytes], [203, 0, 113, 7]);
  for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1..2.3', 'a.b.c.d', ' ', '1.2.3.4/24']) {
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
  for (const bad of [':::', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '12345::', '1:2:3:4:5:6:7:8::']) {
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
