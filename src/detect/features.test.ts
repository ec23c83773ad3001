import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelemetryEvent } from '../telemetry/event.js';
import { netKeyOf } from './features.js';

test('issue 15: netKeyOf keys a mapped IPv6 address as its IPv4 network, and masks IPv6 inside a group', () => {
  const ev = {
    ip: '::ffff:192.0.2.77',
    ja4: 't13d',
    userAgent: 'go/1.4',
    headerOrder: ['host'],
  } as unknown as TelemetryEvent;
  assert.equal(
    netKeyOf(ev, 24, 48),
    netKeyOf({ ...ev, ip: '192.0.2.77' } as TelemetryEvent, 24, 48),
  );
  assert.match(netKeyOf(ev, 24, 48), /^192\.0\.2\.0\/24\|/);
  assert.match(
    netKeyOf({ ...ev, ip: '2001:db8:abcd:12ff::1' } as TelemetryEvent, 24, 52),
    /^2001:db8:abcd:1000::\/52\|/,
  );
});

test('features: netKeyOf joins the network prefix and the client (issue 3)', () => {
  const ev = {
    ip: '192.0.2.77',
    ja4: 't13d',
    userAgent: 'go/1.4',
    headerOrder: ['host', 'accept'],
  } as unknown as TelemetryEvent;
  assert.equal(netKeyOf(ev, 24, 48), '192.0.2.0/24|t13d|go/1.4|host,accept');
  assert.equal(
    netKeyOf({ ...ev, fingerprint: 'fp_1' } as TelemetryEvent, 24, 48),
    '192.0.2.0/24|fp_1',
  );
  assert.equal(
    netKeyOf({ ip: '192.0.2.77' } as unknown as TelemetryEvent, 24, 48),
    '192.0.2.0/24|||',
  );
  assert.equal(netKeyOf({ ...ev, ip: 'nonsense' } as TelemetryEvent, 24, 48), '');
});
