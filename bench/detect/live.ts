/**
 * How fast a live verdict reaches the gateway's verdict cache (issue 3: within 1 s).
 * Starts Moat in-process with the standard wiring and default telemetry batching (flushMs 100), sends a
 * templated reasoning harvest for one account, and for every verdict that reaches the
 * cache reports the delay since the request that produced it arrived (verdict.updatedAt is
 * that request's arrival time, so the delay includes serving it).
 *   npx tsx bench/detect/live.ts [--requests 300]
 */
import { parseArgs } from 'node:util';
import { startGateway } from '../../src/test-support/gateway.js';
import { defaultExtensions } from '../../src/extensions/index.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const delays: number[] = [];
const pubDelays: number[] = [];
const gw = await startGateway(
  undefined,
  {},
  {
    extensions: async (core) => {
      const apply = core.applyVerdicts;
      core.applyVerdicts = (vs) => {
        const now = Date.now();
        for (const v of vs) if (v.account === 'acct_live') delays.push(now - v.updatedAt);
        apply(vs);
      };
      const publish = core.bus.publish.bind(core.bus);
      core.bus.publish = (e) => {
        pubDelays.push(Date.now() - e.ts);
        return publish(e);
      };
      return defaultExtensions(core);
    },
  },
);
const k = await gw.newKey('acct_live', { tier: 'enterprise' });
const topics = [
  'photosynthesis',
  'tides',
  'binary search',
  'inflation',
  'recursion',
  'vaccines',
  'glaciers',
  'compilers',
];
const n = Number(values.requests);
for (let i = 0; i < n; i++) {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${k.key}` },
    body: JSON.stringify({
      model: 'moat-demo',
      temperature: 0.7,
      max_tokens: 200,
      messages: [
        {
          role: 'user',
          content: `Think step by step and show all of your reasoning. Question ${i}: explain ${topics[i % topics.length]}, case ${i * 13}.`,
        },
      ],
    }),
  });
  await res.arrayBuffer();
}
await gw.app.flushTelemetry();
await new Promise((r) => setTimeout(r, 1500));
delays.sort((a, b) => a - b);
const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? NaN;
console.log(
  `verdicts reaching the cache: ${delays.length}; delay since the triggering request arrived: median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${delays.at(-1)} ms`,
);
pubDelays.sort((a, b) => a - b);
console.log(
  `request served and its event published after: median ${pubDelays[pubDelays.length >> 1]} ms`,
);
console.log(`final level: ${gw.app.verdicts.level('acct_live')}`);
await gw.close();
