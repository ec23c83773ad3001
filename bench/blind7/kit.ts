// Shared plumbing for personas: accounts, labels, campaigns, and emitting events.
import type { Corpora } from './corpora.js';
import {
  buildEvent,
  type Ctx,
  type Endpoint,
  type EventSink,
  type Params,
  type Spec,
} from './emit.js';
import type { Rng } from './rng.js';
import {
  type Client,
  type Clock,
  type Country,
  DAY,
  HOUR,
  NEW_MODEL,
  consumerEmail,
  iso,
  paymentFp,
  pickCountry,
  residentialIp,
} from './world.js';

export type Tier = 'unverified' | 'free' | 'pro' | 'enterprise';
export type Route = 'self-serve' | 'enterprise' | 'education' | 'research' | 'startup-credits';

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: Tier;
  route: Route;
  verified?: true;
  contract?: string;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
  family: string;
}

export interface Campaign {
  id: string;
  kind: string;
  accounts: string[];
}

export interface Env {
  rng: Rng;
  corp: Corpora;
  clock: Clock;
  sink: EventSink;
  accounts: AccountRecord[];
  labels: Record<string, Label>;
  campaigns: Campaign[];
  ids: Set<string>;
}

export interface Acct {
  rec: AccountRecord;
  createdMs: number;
  rng: Rng;
  country: Country;
  keys: string[];
  endpoint: Endpoint;
}

export interface NewAccountOpts {
  family: string;
  persona: string;
  malicious: boolean;
  campaign?: string | null;
  country?: Country;
  createdAt: number;
  email?: string;
  signupIp?: string;
  payment?: string | null;
  tier: Tier;
  route: Route;
  verified?: boolean;
  contract?: string;
  keys?: number;
  endpoint?: Endpoint;
}

export function newAccount(env: Env, o: NewAccountOpts): Acct {
  let id = '';
  do id = `acct_${env.rng.alnum(10)}`;
  while (env.ids.has(id));
  env.ids.add(id);
  const rng = env.rng.fork(id);
  const country = o.country ?? pickCountry(rng);
  const rec: AccountRecord = {
    id,
    createdAt: iso(Math.min(o.createdAt, env.clock.end - HOUR)),
    email: o.email ?? consumerEmail(rng),
    signupIp: o.signupIp ?? residentialIp(rng, country),
    paymentFingerprint:
      o.payment === undefined
        ? o.tier === 'free' || o.tier === 'unverified'
          ? null
          : paymentFp(rng)
        : o.payment,
    country: country.code,
    tier: o.tier,
    route: o.route,
  };
  if (o.verified) rec.verified = true;
  if (o.contract !== undefined) rec.contract = o.contract;
  env.accounts.push(rec);
  env.labels[id] = {
    malicious: o.malicious,
    persona: o.persona,
    campaign: o.campaign ?? null,
    family: o.family,
  };
  const keys: string[] = [];
  for (let i = 0; i < (o.keys ?? 1); i++) keys.push(`key_${rng.alnum(8)}`);
  return {
    rec,
    createdMs: Date.parse(rec.createdAt),
    rng,
    country,
    keys,
    endpoint: o.endpoint ?? (rng.chance(0.7) ? 'chat.completions' : 'messages'),
  };
}

export function newCampaign(env: Env, kind: string): Campaign {
  const c: Campaign = { id: `cmp_${env.rng.alnum(8)}`, kind, accounts: [] };
  env.campaigns.push(c);
  return c;
}

export function join(c: Campaign, a: Acct): void {
  c.accounts.push(a.rec.id);
}

/** Account creation time: `daysAgo` before the window start (negative = inside the window). */
export function created(env: Env, daysAgo: number): number {
  return env.clock.start - Math.round(daysAgo * DAY);
}

/** Emit one request if it falls inside the window (and after the account exists). */
export function emit(
  env: Env,
  a: Acct,
  net: { ip: string; client: Client; key?: string },
  spec: Spec,
): boolean {
  if (spec.ts < env.clock.start || spec.ts >= env.clock.end) return false;
  if (spec.ts < a.createdMs) return false;
  if (spec.model === NEW_MODEL && spec.ts < env.clock.release) spec.model = 'lumen-3';
  if (spec.status === undefined && a.rng.chance(0.004))
    spec.status = a.rng.pick([429, 500, 503, 529]);
  const ctx: Ctx = {
    account: a.rec.id,
    key: net.key ?? a.keys[0] ?? 'key_0',
    ip: net.ip,
    client: net.client,
  };
  env.sink.add(buildEvent(a.rng, ctx, spec));
  return true;
}

/** Typical parameters a developer sets (most leave most unset). */
export function devParams(rng: Rng, extra: Params = {}): Params {
  const p: Params = {};
  const t = rng.weighted([
    [undefined, 4],
    [0.7, 3],
    [1, 2],
    [0.2, 1],
    [0, 1],
    [0.5, 1],
  ] as const);
  if (t !== undefined) p.temperature = t;
  const m = rng.weighted([
    [undefined, 4],
    [1024, 2],
    [2048, 2],
    [4096, 2],
    [512, 1],
    [800, 1],
  ] as const);
  if (m !== undefined) p.max_tokens = m;
  if (rng.chance(0.5)) p.stream = true;
  return { ...p, ...extra };
}

/** Pick an old model, or (after release, for adopters) the new one. */
export function pickModel(
  env: Env,
  rng: Rng,
  ts: number,
  adopt: number,
  mix: readonly (readonly [string, number])[],
): string {
  if (ts >= env.clock.release && rng.chance(adopt)) return NEW_MODEL;
  return rng.weighted(mix);
}

export const CHAT_MIX = [
  ['lumen-3', 6],
  ['lumen-3-flash', 3],
  ['lumen-3-reason', 1],
] as const;
export const FLASH_MIX = [
  ['lumen-3-flash', 8],
  ['lumen-3', 2],
] as const;
export const REASON_MIX = [
  ['lumen-3-reason', 6],
  ['lumen-3', 3],
] as const;

/** Days (0-based) on which a human is active, weekends less likely. */
export function activeDays(env: Env, rng: Rng, p: number, tz: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < env.clock.days; d++) {
    const dow = new Date(env.clock.start + d * DAY + tz * HOUR + 12 * HOUR).getUTCDay();
    const w = dow === 0 || dow === 6 ? 0.45 : 1;
    if (rng.chance(p * w)) out.push(d);
  }
  return out;
}

export function callId(rng: Rng, endpoint: Endpoint): string {
  return endpoint === 'messages' ? `toolu_${rng.alnum(22)}` : `call_${rng.alnum(24)}`;
}
