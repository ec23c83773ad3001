import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TelemetryEvent } from '../telemetry/event.js';
import { featuresOf, netKeyOf } from './features.js';
import { takesUp } from './text.js';

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

test('takesUp: a follow-up takes up an answer through a whole word of 5+ letters, or three characters in scripts without spaces; "why?" in any language takes up nothing (issue 13)', () => {
  const answer =
    'Photosynthesis converts light into chemical energy stored in glucose. 光合作用把光能转化为化学能。';
  assert.equal(takesUp('What do you mean by chemical energy?', answer), true);
  assert.equal(takesUp('And the GLUCOSE part?', answer), true);
  assert.equal(takesUp('化学能是什么意思？', answer), true);
  for (const why of [
    'why is that?',
    'Warum ist das so?',
    '¿por qué?',
    'なぜですか？',
    'почему так?',
    'go on',
  ])
    assert.equal(takesUp(why, answer), false, why);
  // A word inside a longer one is not taken up ("light" is, "lightning" does not contain a whole word of it).
  assert.equal(takesUp('what about lightning?', answer), false);
  assert.equal(takesUp('', answer), false);
  assert.equal(takesUp('chemical', ''), false);
});

test('features: a follow-up after an answer is detached when it takes up nothing of it; a tool loop’s next turn is no follow-up (issue 13)', () => {
  const ev = (messages: unknown[], extra: Record<string, unknown> = {}): TelemetryEvent => ({
    ts: 1,
    account: 'a',
    key: 'k',
    endpoint: 'chat.completions',
    model: 'm',
    request: { messages, ...extra },
    response: { text: 'x', inputTokens: 50, outputTokens: 400, finishReason: 'stop', latencyMs: 1 },
    status: 200,
    action: 'allow',
  });
  const q = { role: 'user', content: 'How do plants make food?' };
  const a = { role: 'assistant', content: 'Plants use photosynthesis to make glucose.' };
  const why = featuresOf(ev([q, a, { role: 'user', content: 'why is that?' }]));
  assert.deepEqual([why.followUp, why.detached, why.drawnOut], [true, true, true]);
  const taken = featuresOf(ev([q, a, { role: 'user', content: 'what is glucose?' }]));
  assert.deepEqual([taken.followUp, taken.detached], [true, false]);
  assert.equal(featuresOf(ev([q])).followUp, false);
  const tools = featuresOf(
    ev([q, a, { role: 'user', content: 'why?' }], {
      tools: [{ type: 'function', function: { name: 'f' } }],
    }),
  );
  assert.equal(tools.followUp, false);
});
