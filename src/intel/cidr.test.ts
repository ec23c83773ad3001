import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, formatCidr, parseCidr } from './cidr.js';

test('parses IPv4 and IPv6 networks and clears host bits', () => {
  assert.equal(formatCidr(parseCidr('203.0.113.77/24')!), '203.0.113.0/24');
  assert.equal(formatCidr(parseCidr('10.1.2.3')!), '10.1.2.3/32');
  assert.equal(formatCidr(parseCidr('2001:db8::1/32')!), '2001:db8:0:0:0:0:0:0/32');
  assert.equal(formatCidr(parseCidr('::ffff:192.0.2.1')!), '0:0:0:0:0:ffff:c000:201/128');
  for (const bad of [
    '10.0.0/8',
    '300.1.1.1',
    '10.0.0.0/33',
    '1::2::3',
    'x',
    '10.0.0.0/8/1',
    '1:2:3:4:5:6:7:8:9',
  ]) {
    assert.equal(parseCidr(bad), undefined, bad);
  }
});

test('containment', () => {
  const net = parseCidr('203.0.113.0/24')!;
  assert.equal(cidrContains(net, parseCidr('203.0.113.7')!), true);
  assert.equal(cidrContains(net, parseCidr('203.0.114.7')!), false);
  assert.equal(cidrContains(net, parseCidr('203.0.113.0/23')!), false);
  assert.equal(cidrContains(parseCidr('2001:db8::/32')!, parseCidr('2001:db8:ffff::1')!), true);
  assert.equal(cidrContains(net, parseCidr('2001:db8::1')!), false);
});
