import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TelemetryEvent } from '../telemetry/event.js';
import { ipPrefix, netKeyOf, quickV4 } from './features.js';

/** The IPv4 branch of ipPrefix before its quick path: split, Number() per part. */
function referenceV4(ip: string, bits: number): string {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return '';
  const n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  const masked = bits >= 32 ? n : (n & ~((1 << (32 - bits)) - 1)) >>> 0;
  return `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${bits}`;
}

test('features: quickV4 reads dotted-decimal IPv4 and leaves anything else to the general path (issue 3)', () => {
  assert.equal(quickV4('203.0.113.7'), 0xcb007107);
  assert.equal(quickV4('0.0.0.0'), 0);
  assert.equal(quickV4('255.255.255.255'), 0xffffffff);
  for (const odd of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '01.2.3.0004', ' 1.2.3.4', '1.2.3.4 ', '0x1.2.3.4', '', '::1', '1.2.3.']) {
    assert.equal(quickV4(odd), -1, odd);
  }
});

test('features: ipPrefix gives what the split-and-Number reading gave, for any dotted text (fast-check, issue 3)', () => {
  const part = fc.oneof(
    fc.integer({ min: 0, max: 300 }).map(String),
    fc.stringMatching(/^[0-9]{0,5}$/),
    fc.constantFrom('', ' 7', '0x1f', '1e2', '25e-1', '-0', '+3', 'a', '1_0'),
  );
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.integer({ min: 8, max: 32 }), (parts, bits) => {
      const ip = parts.join('.');
      if (!ip.includes('.')) return;
      assert.equal(ipPrefix(ip, bits, 48), referenceV4(ip, bits), ip);
    }),
    { numRuns: 5000 },
  );
  assert.equal(ipPrefix('2001:db8:abcd:12::1', 24, 48), '2001:db8:abcd::/48');
});

test('features: netKeyOf joins the network prefix and the client (issue 3)', () => {
  const ev = { ip: '192.0.2.77', ja4: 't13d', userAgent: 'go/1.4', headerOrder: ['host', 'accept'] } as unknown as TelemetryEvent;
  assert.equal(netKeyOf(ev, 24, 48), '192.0.2.0/24|t13d|go/1.4|host,accept');
  assert.equal(netKeyOf({ ...ev, fingerprint: 'fp_1' } as TelemetryEvent, 24, 48), '192.0.2.0/24|fp_1');
  assert.equal(netKeyOf({ ip: '192.0.2.77' } as unknown as TelemetryEvent, 24, 48), '192.0.2.0/24|||');
  assert.equal(netKeyOf({ ...ev, ip: 'nonsense' } as TelemetryEvent, 24, 48), '');
});
