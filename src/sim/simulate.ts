/**
 * The campaign simulator: builds a population, splits the event budget across accounts in
 * proportion to their volume, and merges every account's arrivals in timestamp order
 * (a min-heap over accounts, so memory grows with accounts, not events) into
 * events.jsonl, with accounts.jsonl and labels.json beside it.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { TelemetryEvent } from '../telemetry/event.js';
import type { Corpus } from './corpus.js';
import { renderRequest, renderResponse } from './exchange.js';
import { ActorHeap } from './heap.js';
import { isReasoningModel, type ActorPlan, type Label, type World } from './plan.js';
import { buildPopulation, type CampaignInfo } from './population.js';
import { Rng } from './prng.js';
import { Arrivals } from './timing.js';

const DAY = 86_400_000;

/** Options of one simulation run. */
export interface SimOptions {
  seed: number;
  events: number;
  /** Number of accounts; default about one per 130 events (at least 10). */
  accounts?: number;
  /** Share of accounts that belong to campaigns (default 0.05). */
  maliciousShare?: number;
  /** Start of the simulated period, epoch ms. */
  start?: number;
  days?: number;
  /** Cap on the recorded response text (the stored event keeps a prefix, as a store would). */
  maxResponseChars?: number;
  corpus: Corpus;
  outDir: string;
  onProgress?: (done: number, total: number) => void;
}

/** labels.json */
export interface Labels {
  seed: number;
  accounts: Record<string, Label>;
  campaigns: CampaignInfo[];
  world: { start: string; end: string; release: string; corpus: string };
}

/** What a run produced. */
export interface SimSummary {
  events: number;
  accounts: number;
  malicious: number;
  campaigns: CampaignInfo[];
  files: { events: string; accounts: string; labels: string };
}

/** Split `total` in proportion to `weights`, each share at least 1 (largest remainder). */
export function splitBudget(weights: number[], total: number): number[] {
  const n = weights.length;
  const spare = total - n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (w / sum) * spare);
  const out = raw.map((r) => 1 + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => [r - Math.floor(r), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--)
    out[(order[k] as readonly [number, number])[1]]! += 1;
  return out;
}

interface Actor {
  plan: ActorPlan;
  rng: Rng;
  arrivals: Arrivals;
  n: number;
  i: number;
  next: number;
}

function makeEvent(a: Actor, corpus: Corpus, maxChars: number): TelemetryEvent {
  const ts = a.next;
  const { rng, plan } = a;
  const id = plan.identity(rng, a.i);
  const x = plan.prompts({ rng, corpus, ts, index: a.i, total: a.n });
  const model = plan.model(rng, ts);
  // logprobs and logit_bias exist only on chat.completions: a client that sends them uses it.
  const endpoint =
    x.params.logprobs || x.params.logit_bias !== undefined ? 'chat.completions' : id.fp.endpoint;
  return {
    ts,
    account: plan.account.id,
    key: id.key,
    requestId: `req_${rng.hex(16)}`,
    ip: id.ip,
    userAgent: id.fp.userAgent,
    ja4: id.fp.ja4,
    headerOrder: id.fp.headerOrder,
    endpoint,
    model,
    request: renderRequest(endpoint, model, x),
    response: renderResponse(rng, endpoint, x, maxChars, isReasoningModel(model)),
    status: 200,
    action: 'allow',
  };
}

/** Run the simulator and write its three files into `opts.outDir`. */
export async function simulate(opts: SimOptions): Promise<SimSummary> {
  const start = opts.start ?? Date.UTC(2026, 0, 5);
  const window = (opts.days ?? 7) * DAY;
  const world: World = { start, window, release: start + Math.round(window * 0.45) };
  const accounts = Math.max(
    1,
    Math.min(opts.events, opts.accounts ?? Math.max(10, Math.round(opts.events / 130))),
  );
  const pop = buildPopulation(opts.seed, opts.corpus, world, accounts, opts.maliciousShare ?? 0.05);
  const budget = splitBudget(
    pop.plans.map((p) => p.volume),
    opts.events,
  );
  const actors: Actor[] = pop.plans.map((plan, k) => {
    const rng = new Rng(opts.seed, `actor:${plan.account.id}`);
    const n = budget[k] as number;
    // A dormant account starts when it is woken, and fits its requests into what is left.
    const from = Math.min(start + window - DAY / 4, Math.max(start, plan.activeFrom ?? start));
    const arrivals = new Arrivals(
      rng.fork('arrivals'),
      plan.schedule,
      from,
      start + window - from,
      n,
      plan.process,
      plan.span,
    );
    let next = arrivals.next();
    // Accounts woken together send their first request together, whatever their volume.
    if (plan.activeFrom !== undefined) next = Math.min(next, from + rng.int(0, 1_800_000));
    return { plan, rng, arrivals, n, i: 0, next };
  });
  mkdirSync(opts.outDir, { recursive: true });
  const files = {
    events: join(opts.outDir, 'events.jsonl'),
    accounts: join(opts.outDir, 'accounts.jsonl'),
    labels: join(opts.outDir, 'labels.json'),
  };
  writeFileSync(files.accounts, pop.plans.map((p) => JSON.stringify(p.account)).join('\n') + '\n');
  const labels: Labels = {
    seed: opts.seed,
    accounts: Object.fromEntries(pop.plans.map((p) => [p.account.id, p.label])),
    campaigns: pop.campaigns,
    world: {
      start: new Date(start).toISOString(),
      end: new Date(start + window).toISOString(),
      release: new Date(world.release).toISOString(),
      corpus: opts.corpus.source,
    },
  };
  writeFileSync(files.labels, JSON.stringify(labels, null, 1) + '\n');
  await writeEvents(files.events, actors, opts);
  return {
    events: opts.events,
    accounts,
    malicious: pop.plans.filter((p) => p.label.malicious).length,
    campaigns: pop.campaigns,
    files,
  };
}

async function writeEvents(path: string, actors: Actor[], opts: SimOptions): Promise<void> {
  const heap = new ActorHeap((k) => (actors[k] as Actor).next);
  actors.forEach((_, k) => heap.push(k));
  const out = createWriteStream(path);
  const maxChars = opts.maxResponseChars ?? 800;
  let buf: string[] = [];
  let size = 0;
  let done = 0;
  for (let k = heap.pop(); k !== undefined; k = heap.pop()) {
    const a = actors[k] as Actor;
    const line = JSON.stringify(makeEvent(a, opts.corpus, maxChars));
    buf.push(line);
    size += line.length;
    a.i++;
    done++;
    if (a.i < a.n) {
      a.next = Math.max(a.next, a.arrivals.next());
      heap.push(k);
    }
    if (size > 1 << 20) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
      size = 0;
      opts.onProgress?.(done, opts.events);
    }
  }
  if (buf.length) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  opts.onProgress?.(done, opts.events);
}
