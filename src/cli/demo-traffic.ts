/**
 * Demo traffic (issue 17): with the built-in demo model, `moat serve` sends a mix of the
 * simulator's honest personas and extraction campaigns (src/sim) through the real gateway,
 * so the console shows live detection within a minute. Every account and key is made
 * through the admin API, every request goes over HTTP to the OpenAI or Anthropic route.
 *
 * Within a minute: the mix always carries one lead campaign at a fixed share of the
 * requests, a logit-bias sweep, whose evidence stands alone (no amplifier needed), so it
 * reaches `challenge` — the default review level — and opens an incident in the first
 * minute; the other campaigns climb to throttle and degrade beside it. Requests are paced
 * open-loop (started at the rate whatever the answers' latency, a bounded number in flight)
 * so a throttled account's slow answers do not slow the whole mix down.
 */
import { Agent, request } from 'node:http';
import { FIXED_KINDS } from '../sim/allocate.js';
import { builtinCorpus } from '../sim/builtin-corpus.js';
import { campaignPlans } from '../sim/campaigns.js';
import type { Corpus } from '../sim/corpus.js';
import { renderRequest } from '../sim/exchange.js';
import { isReasoningModel, type ActorPlan, type World } from '../sim/plan.js';
import { buildPopulation } from '../sim/population.js';
import { Rng } from '../sim/prng.js';

/** Options of the demo traffic. */
export interface DemoTrafficOptions {
  /** The gateway's base URL (http://127.0.0.1:8080). */
  url: string;
  adminToken: string;
  /** The demo model names to send to (plain, reasoning). */
  models: { plain: string; reasoner?: string | undefined };
  /** Tiers the tier table has: a persona's tier outside it becomes `fallbackTier`. */
  tiers: string[];
  fallbackTier: string;
  /** Requests per second across all accounts. */
  rate?: number;
  /** Accounts of the simulated population (the lead campaign's account comes on top). */
  accounts?: number;
  /** Share of the requests sent by the lead campaign (0 leaves it out). */
  leadShare?: number;
  maliciousShare?: number;
  seed?: number;
  onError?: (err: unknown) => void;
}

interface Actor {
  plan: ActorPlan;
  rng: Rng;
  index: number;
  /** Sim key name → the key's secret, made on first use (once, however many requests wait for it). */
  keys: Map<string, Promise<string>>;
}

/** Requests in flight at most: past it a tick starts nothing (an overloaded gateway is not piled on). */
const MAX_IN_FLIGHT = 48;
/** How often the pacer starts requests. */
const TICK_MS = 100;

/**
 * The lead campaign: one account of the simulator's logit-bias sweep (Carlini et al.,
 * "Stealing Part of a Production Language Model", ICML 2024). The detector scores a sweep
 * on its own evidence, so at a fifth of the demo's requests it crosses the review level
 * within the first minute, where the amplified campaigns need their cluster and volume.
 */
function leadPlan(seed: number, corpus: Corpus, world: World): ActorPlan | undefined {
  const kind = FIXED_KINDS.find((k) => k.name === 'logit-sweep');
  if (!kind) return undefined;
  const rng = new Rng(seed, 'demo-lead');
  const id = `acct_${rng.hex(10)}`;
  return campaignPlans(
    { id: 'demo-lead-logit-sweep', size: 1, rng, corpus, world, egress: kind.egress(rng) },
    kind,
    [id],
  )[0];
}

/**
 * Each simulated address as a loopback address with the same /24 structure (127.x.y.host),
 * so accounts behind one network share a prefix as they would in production, without
 * trusting any forwarded-for header. Linux routes all of 127/8 to the loopback interface.
 */
function loopbackFor(ip: string): string {
  const parts = ip.split('.');
  if (parts.length !== 4) return '127.0.0.1';
  const h = new Rng(0, parts.slice(0, 3).join('.')).u32();
  return `127.${1 + (h % 254)}.${(h >>> 8) % 256}.${Math.max(1, Math.min(254, Number(parts[3]) || 1))}`;
}

function send(
  base: URL,
  agent: Agent,
  path: string,
  headers: Record<string, string>,
  body: unknown,
  localAddress: string | undefined,
): Promise<{ status: number; text: string }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(data.length),
        },
        ...(localAddress ? { localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Start the demo traffic; `stop()` ends it (waits for requests in flight). */
export function startDemoTraffic(opts: DemoTrafficOptions): {
  stop(): Promise<void>;
  accounts: () => string[];
  campaignAccounts: () => string[];
  leadAccount: () => string | undefined;
} {
  const base = new URL(opts.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const admin = { authorization: `Bearer ${opts.adminToken}`, 'x-moat-actor': 'demo-traffic' };
  const seed = opts.seed ?? 17;
  const start = Date.now();
  const world = { start, window: 86_400_000, release: start + 86_400_000 };
  const corpus = builtinCorpus();
  const pop = buildPopulation(seed, corpus, world, opts.accounts ?? 60, opts.maliciousShare ?? 0.3);
  const rng = new Rng(seed, 'demo-traffic');
  const actorOf = (plan: ActorPlan): Actor => ({
    plan,
    rng: rng.fork(plan.account.id),
    index: 0,
    keys: new Map(),
  });
  const actors = pop.plans.map(actorOf);
  const leadShare = Math.min(1, Math.max(0, opts.leadShare ?? 0.2));
  const leadAt = leadShare > 0 ? leadPlan(seed, corpus, world) : undefined;
  const lead = leadAt ? actorOf(leadAt) : undefined;
  const total = actors.reduce((s, a) => s + a.plan.volume, 0);
  let useLoopback =
    ['127.0.0.1', 'localhost'].includes(base.hostname) && process.platform === 'linux';
  let stopped = false;
  const created = new Map<string, Promise<void>>();
  const made = new Set<string>();

  /** Once per account, however many requests wait for it; a failure is retried by the next request. */
  function ensureAccount(a: Actor): Promise<void> {
    const acc = a.plan.account;
    let p = created.get(acc.id);
    if (!p) {
      const tier = opts.tiers.includes(acc.tier) ? acc.tier : opts.fallbackTier;
      const body = {
        id: acc.id,
        createdAt: acc.createdAt,
        email: acc.email,
        signupIp: acc.signupIp,
        country: acc.country,
        tier,
        route: acc.route,
        ...(acc.paymentFingerprint ? { paymentFingerprint: acc.paymentFingerprint } : {}),
      };
      p = send(base, agent, '/admin/v1/accounts', admin, body, undefined).then((r) => {
        if (r.status !== 201 && r.status !== 409)
          throw new Error(
            `demo traffic: could not create ${acc.id}: ${r.status} ${r.text.slice(0, 200)}`,
          );
        made.add(acc.id);
      });
      p.catch(() => created.delete(acc.id));
      created.set(acc.id, p);
    }
    return p;
  }

  function keyFor(a: Actor, name: string): Promise<string> {
    let k = a.keys.get(name);
    if (!k) {
      k = send(
        base,
        agent,
        `/admin/v1/accounts/${encodeURIComponent(a.plan.account.id)}/keys`,
        admin,
        { name: `demo ${name}`.slice(0, 128) },
        undefined,
      ).then((r) => {
        if (r.status !== 201)
          throw new Error(
            `demo traffic: no key for ${a.plan.account.id}: ${r.status} ${r.text.slice(0, 200)}`,
          );
        return (JSON.parse(r.text) as { key: string }).key;
      });
      k.catch(() => a.keys.delete(name));
      a.keys.set(name, k);
    }
    return k;
  }

  function pick(): Actor {
    if (lead && rng.float() < leadShare) return lead;
    let x = rng.float() * total;
    for (const a of actors) if ((x -= a.plan.volume) <= 0) return a;
    return actors[actors.length - 1]!;
  }

  async function one(): Promise<void> {
    const a = pick();
    await ensureAccount(a);
    const ts = Date.now();
    const id = a.plan.identity(a.rng, a.index);
    const x = a.plan.prompts({ rng: a.rng, corpus, ts, index: a.index, total: 1_000_000 });
    a.index++;
    const model =
      isReasoningModel(a.plan.model(a.rng, ts)) && opts.models.reasoner
        ? opts.models.reasoner
        : opts.models.plain;
    const endpoint = id.fp.endpoint;
    const secret = await keyFor(a, id.key);
    const body = { ...renderRequest(endpoint, model, x), stream: false };
    const headers: Record<string, string> = { 'user-agent': id.fp.userAgent };
    if (endpoint === 'messages')
      Object.assign(headers, { 'x-api-key': secret, 'anthropic-version': '2023-06-01' });
    else headers['authorization'] = `Bearer ${secret}`;
    const path = endpoint === 'messages' ? '/v1/messages' : '/v1/chat/completions';
    try {
      await send(base, agent, path, headers, body, useLoopback ? loopbackFor(id.ip) : undefined);
    } catch (err) {
      // No 127/8 beyond 127.0.0.1 here (not Linux, or a container without it): one address for all.
      if ((err as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL' && useLoopback)
        useLoopback = false;
      else throw err;
    }
  }

  // Open-loop pacing: `rate` requests a second are started whatever the answers' latency
  // (a closed loop of a few workers stalled behind throttled accounts' delayed answers).
  const rate = opts.rate ?? 12;
  const inFlight = new Set<Promise<void>>();
  let credit = 0;
  let pausedUntil = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    credit = Math.min(credit + (rate * TICK_MS) / 1000, rate);
    if (now < pausedUntil) {
      credit = 0;
      return;
    }
    for (; credit >= 1 && inFlight.size < MAX_IN_FLIGHT; credit--) {
      const p = one()
        .catch((err: unknown) => {
          if (stopped) return;
          opts.onError?.(err);
          // The gateway is down or refusing: pause a second rather than fail at full rate.
          pausedUntil = Date.now() + 1000;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }, TICK_MS);
  return {
    accounts: () => [...made],
    /** Ground truth: the accounts the simulator runs as extraction campaigns. */
    campaignAccounts: () =>
      [...pop.plans, ...(leadAt ? [leadAt] : [])]
        .filter((p) => p.label.malicious)
        .map((p) => p.account.id),
    /** The lead campaign's account (undefined when `leadShare` is 0). */
    leadAccount: () => leadAt?.account.id,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
      agent.destroy();
    },
  };
}
