/**
 * What merging a response's headers costs on this Node (issue 19): the object spreads the
 * proxy used (`{ ...SSE_HEADERS, ...responseHeaders, 'x-request-id': id }`, and a copied
 * body given `stream_options`) against Object.assign, which builds the same object. The
 * rate-limit headers are built as limits/headers.ts builds them. ns per response, rounds
 * interleaved.
 *
 *   npx tsx bench/gateway/merge-cost.ts [--n 300000] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { rateLimitHeaders } from '../../src/limits/headers.js';
import type { Decision } from '../../src/limits/limiter.js';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '300000' }, rounds: { type: 'string', default: '3' } },
});

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};
const BODY =
  '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Explain rivers."}],"temperature":0.7,"max_tokens":256,"stream":true}';

function decision(i: number): Decision {
  const dim = (limit: number) => ({ limit, remaining: limit - i, resetMs: 1 });
  return {
    allowed: true,
    dimensions: { requests: dim(1e9), tokens: dim(1e11) },
  } as unknown as Decision;
}

const cases: Record<string, (i: number) => number> = {
  'headers: two spreads': (i) => {
    const h: Record<string, string> = Object.assign({}, rateLimitHeaders(decision(i)));
    const head = { ...SSE_HEADERS, ...h, 'x-request-id': `req_${i}` };
    return head['x-request-id'].length;
  },
  'headers: Object.assign': (i) => {
    const h: Record<string, string> = Object.assign({}, rateLimitHeaders(decision(i)));
    const head: Record<string, string> = Object.assign({}, SSE_HEADERS, h);
    head['x-request-id'] = `req_${i}`;
    return head['x-request-id'].length;
  },
  'body: spread copy + stream_options': (i) => {
    const b = JSON.parse(BODY) as Record<string, unknown>;
    const up = { ...b };
    up['stream_options'] = { ...{}, include_usage: true };
    return JSON.stringify(up).length + i;
  },
  'body: Object.assign copy + stream_options': (i) => {
    const b = JSON.parse(BODY) as Record<string, unknown>;
    const up = Object.hasOwn(b, '__proto__') ? { ...b } : Object.assign({}, b);
    up['stream_options'] = { include_usage: true };
    return JSON.stringify(up).length + i;
  },
};

const n = Number(args.n);
const out = new Map<string, number[]>();
let sink = 0;
for (let r = 0; r < Number(args.rounds); r++) {
  for (const [name, fn] of Object.entries(cases)) {
    for (let i = 0; i < n / 10; i++) sink += fn(i);
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink += fn(i);
    const ns = Number(process.hrtime.bigint() - t) / n;
    out.set(name, [...(out.get(name) ?? []), ns]);
  }
}
if (sink === 0) throw new Error('unreachable');
for (const [name, ns] of out)
  process.stdout.write(`${name.padEnd(44)} ${ns.map((x) => x.toFixed(0)).join(', ')} ns\n`);
