/**
 * Tuning report on a simulated run (seeds 1–5 only; seeds ≥ 100 are held out):
 * `npx tsx bench/detect/tune.ts DIR [minLevel]` where DIR holds events.jsonl,
 * accounts.jsonl and labels.json from `moat simulate`. Prints, per persona and campaign
 * kind, how many accounts reached `minLevel` (default throttle) and the median number of
 * requests before they first did, and the share of their requests served at that level
 * or above (attackers: caught; honest users: friction).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Detector } from '../../src/detect/detector.js';
import { detectConfigSchema } from '../../src/detect/config.js';
import { parseAccountLine } from '../../src/detect/reader.js';
import { eachLine, readEventLine } from '../../src/engine/offline.js';
import { levelRank, type Level } from '../../src/telemetry/event.js';

interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: tune.ts DIR [minLevel]');
const min = (process.argv[3] ?? 'throttle') as Level;
const labels = (
  JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { accounts: Record<string, Label> }
).accounts;
const d = new Detector(detectConfigSchema.parse({}));
let i = 0;
for (const line of readFileSync(join(dir, 'accounts.jsonl'), 'utf8').split('\n')) {
  const r = parseAccountLine(line, ++i);
  if (r.ok) d.addAccount(r.value);
}
const seen = new Map<string, number>();
const first = new Map<string, number>();
const ever = new Set<string>();
const firstVerdict = new Map<string, string>();
let n = 0;
const level = new Map<string, Level>();
/** Requests served at throttle or worse (attack: caught; benign: friction), per account. */
const served = new Map<string, number>();
/** Requests served below `minLevel` after the account had first reached it (the verdict fell back). */
const relapsed = new Map<string, number>();
const t0 = performance.now();
await eachLine(join(dir, 'events.jsonl'), (buf, start, end) => {
  const r = readEventLine(buf, start, end, ++n);
  if (!r?.ok) return;
  const a = r.value.account;
  seen.set(a, (seen.get(a) ?? 0) + 1);
  if (levelRank(level.get(a) ?? 'allow') >= levelRank(min)) served.set(a, (served.get(a) ?? 0) + 1);
  else if (first.has(a)) relapsed.set(a, (relapsed.get(a) ?? 0) + 1);
  for (const v of d.ingest(r.value)) {
    level.set(v.account, v.level);
    if (levelRank(v.level) >= levelRank(min)) {
      ever.add(v.account);
      if (!first.has(v.account)) {
        first.set(v.account, seen.get(v.account) ?? 0);
        if (labels[v.account] && !labels[v.account]!.malicious)
          firstVerdict.set(
            v.account,
            `${labels[v.account]!.persona} ${v.account} n=${seen.get(v.account)} ${v.score} ${v.level} ${v.reasons
              .slice(0, 4)
              .map((x) => `${x.code}:${x.weight} ${x.detail.slice(0, 140)}`)
              .join(' | ')}`,
          );
      }
    }
  }
});
// The end of the run, as `moat analyze` ends it: quiet cluster members take their cluster's evidence.
for (const v of d.settle()) {
  level.set(v.account, v.level);
  if (levelRank(v.level) >= levelRank(min)) ever.add(v.account);
}
const secs = (performance.now() - t0) / 1000;
const rows = new Map<
  string,
  {
    total: number;
    hit: number;
    ever: number;
    rtd: number[];
    req: number;
    miss: string[];
    served: number;
    relapsed: number;
  }
>();
for (const v of d.verdicts()) {
  const l = labels[v.account];
  if (!l) continue;
  const key = l.malicious
    ? 'ATTACK ' + (l.campaign ?? '').replace(/-\d+$/, '')
    : 'benign ' + l.persona;
  const row = rows.get(key) ?? {
    total: 0,
    hit: 0,
    ever: 0,
    rtd: [],
    req: 0,
    miss: [],
    served: 0,
    relapsed: 0,
  };
  row.served += served.get(v.account) ?? 0;
  row.relapsed += relapsed.get(v.account) ?? 0;
  row.total++;
  row.req += seen.get(v.account) ?? 0;
  if (levelRank(v.level) >= levelRank(min)) row.hit++;
  else if (row.miss.length < 3) row.miss.push(`${v.account}:${v.score}:${seen.get(v.account)}`);
  if (ever.has(v.account)) row.ever++;
  if (first.has(v.account)) row.rtd.push(first.get(v.account)!);
  rows.set(key, row);
}
const med = (xs: number[]) =>
  xs.length ? xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] : '-';
console.log(`events ${n} in ${secs.toFixed(1)}s (${Math.round(n / secs)}/s); level >= ${min}`);
for (const [k, r] of [...rows].sort()) {
  console.log(
    `${k.padEnd(34)} ${String(r.hit).padStart(4)}/${String(r.total).padEnd(4)} ever ${String(r.ever).padStart(4)} req/acct ${Math.round(r.req / r.total)} rtd ${med(r.rtd)} at-level ${((100 * r.served) / Math.max(1, r.req)).toFixed(1)}% ${r.relapsed ? `relapsed ${((100 * r.relapsed) / Math.max(1, r.req)).toFixed(1)}% ` : ''}${r.hit < r.total && k.startsWith('ATTACK') ? 'miss ' + r.miss.join(' ') : ''}${!k.startsWith('ATTACK') && r.ever ? 'FP' : ''}`,
  );
}
for (const line of [...firstVerdict.values()].slice(0, Number(process.env.FP_SHOW ?? 30)))
  console.log('FP ' + line);
