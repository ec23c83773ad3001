// Blind labelled traffic generator for an LLM-API abuse detector. See README.md.
// Usage: npx tsx bench/blind6/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng, DAY, HOUR, isoOf } from './lib.js';
import { loadCorpus } from './corpus.js';
import { FAMILIES } from './families.js';
import { buildEvent } from './world.js';
import type { Ctx } from './world.js';

function args(): { seed: number; out: string; days: number; accounts: number; data: string } {
  const a = process.argv.slice(2);
  const get = (k: string) => {
    const i = a.indexOf(k);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const out = get('--out');
  if (!out) {
    console.error(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]',
    );
    process.exit(2);
  }
  const data =
    get('--data') ?? (existsSync('../shared/data') ? '../shared/data' : '/work/shared/data');
  return {
    seed: Number(get('--seed') ?? 1),
    out,
    days: Number(get('--days') ?? 7),
    accounts: Number(get('--accounts') ?? 2500),
    data,
  };
}

function main(): void {
  const o = args();
  const t0 = performance.now();
  const corpus = loadCorpus(resolve(o.data));
  const start = Date.UTC(2026, 2, 2); // Monday 2 March 2026, 00:00 UTC
  const ctx: Ctx = {
    seed: o.seed,
    start,
    end: start + o.days * DAY,
    days: o.days,
    release: start + Math.floor(o.days / 2) * DAY + 9.5 * HOUR, // new model goes live mid-window
    corpus,
    accts: [],
    slots: [],
    campaigns: new Map(),
    r: new Rng(`blind6/${o.seed}`),
  };
  // ---- accounts
  const scale = o.accounts / 2500;
  const fixed = FAMILIES.filter((f) => f.share > 0).map((f) => ({
    f,
    n: Math.max(1, Math.round(f.share * scale)),
  }));
  const used = fixed.reduce((x, y) => x + y.n, 0);
  const counts = new Map<string, number>(fixed.map((x) => [x.f.name, x.n]));
  counts.set('casual_chat', Math.max(1, o.accounts - used));
  for (const f of FAMILIES) f.create(ctx, counts.get(f.name) ?? 0, ctx.r.fork('create/' + f.name));
  // ---- plan
  for (const f of FAMILIES)
    f.plan(
      ctx,
      ctx.accts.filter((a) => a.family === f.name),
      ctx.r.fork('plan/' + f.name),
    );
  ctx.slots.sort((x, y) => x.ts - y.ts || x.a - y.a || x.s - y.s || x.t - y.t);
  const tPlan = performance.now();
  // ---- render + stream
  mkdirSync(o.out, { recursive: true });
  const fd = openSync(join(o.out, 'events.jsonl'), 'w');
  const famByName = new Map(FAMILIES.map((f) => [f.name, f]));
  const reqRng = ctx.r.fork('requestIds');
  let buf: string[] = [];
  let bufLen = 0;
  let bytes = 0;
  for (const s of ctx.slots) {
    const a = ctx.accts[s.a]!;
    const fam = famByName.get(a.family)!;
    const spec = fam.render(ctx, a, s);
    const line = JSON.stringify(buildEvent(ctx, a, s, spec, reqRng));
    buf.push(line);
    bufLen += line.length + 1;
    if (bufLen > 4_000_000) {
      const chunk = buf.join('\n') + '\n';
      bytes += writeSync(fd, chunk);
      buf = [];
      bufLen = 0;
    }
  }
  if (buf.length) bytes += writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
  // ---- accounts + labels
  const byCreated = ctx.accts.slice().sort((x, y) => x.createdAt - y.createdAt || x.idx - y.idx);
  writeFileSync(
    join(o.out, 'accounts.jsonl'),
    byCreated
      .map((a) =>
        JSON.stringify({
          id: a.id,
          createdAt: isoOf(a.createdAt),
          email: a.email,
          signupIp: a.signupIp,
          paymentFingerprint: a.paymentFingerprint,
          country: a.country,
          tier: a.tier,
          route: a.route,
        }),
      )
      .join('\n') + '\n',
  );
  const labels = {
    generator: 'blind6',
    seed: o.seed,
    window: { start: isoOf(ctx.start), end: isoOf(ctx.end), newModelRelease: isoOf(ctx.release) },
    accounts: Object.fromEntries(
      byCreated.map((a) => [
        a.id,
        { malicious: a.malicious, persona: a.persona, campaign: a.campaign, family: a.family },
      ]),
    ),
    campaigns: [...ctx.campaigns.entries()].map(([id, c]) => ({
      id,
      kind: c.kind,
      accounts: c.accounts,
    })),
  };
  writeFileSync(join(o.out, 'labels.json'), JSON.stringify(labels, null, 1));
  // ---- report
  const rows = FAMILIES.map((f) => {
    const as = ctx.accts.filter((a) => a.family === f.name);
    return {
      family: f.name,
      malicious: f.malicious,
      accounts: as.length,
      events: as.reduce((x, a) => x + a.events, 0),
    };
  });
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  console.log(pad('family', 24) + pad('malicious', 11) + pad('accounts', 10) + 'events');
  for (const r of rows)
    console.log(
      pad(r.family, 24) + pad(r.malicious ? 'yes' : 'no', 11) + pad(r.accounts, 10) + r.events,
    );
  const mal = rows.filter((r) => r.malicious);
  const sum = (xs: typeof rows, k: 'accounts' | 'events') => xs.reduce((x, y) => x + y[k], 0);
  console.log(
    pad('TOTAL', 24) + pad('', 11) + pad(sum(rows, 'accounts'), 10) + sum(rows, 'events'),
  );
  console.log(
    `malicious: ${sum(mal, 'accounts')} accounts (${((100 * sum(mal, 'accounts')) / sum(rows, 'accounts')).toFixed(1)}%), ${sum(mal, 'events')} events; campaigns: ${ctx.campaigns.size}`,
  );
  console.error(
    `plan ${(tPlan - t0).toFixed(0)} ms, total ${(performance.now() - t0).toFixed(0)} ms, events.jsonl ${(bytes / 1e6).toFixed(1)} MB, new model ${isoOf(ctx.release)}`,
  );
}
main();
