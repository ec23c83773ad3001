// Shared state for one run: the world, the account factory, timing helpers and the event sink.
import type { Corpora } from './corpora.js';
import { Rng } from './rng.js';
import { makeEvent, type Conv, type Event, type Served } from './serve.js';
import type { Lang } from './text.js';
import { LANGS } from './text.js';
import {
  CLIENTS,
  DAY,
  HOUR,
  MIN,
  Nets,
  ipOf,
  randomCountry,
  type AccountRecord,
  type Actor,
  type Api,
  type ClientKey,
  type Country,
  type Label,
  type Model,
  type Network,
  type Route,
  type Tier,
} from './world.js';

export interface ActorOpts {
  family: string;
  persona: string;
  campaign: string | null;
  country?: Country;
  lang?: Lang;
  created: number;
  email: string | ((rng: Rng, c: Country, lang: Lang) => string);
  payment?: string | null;
  tier: Tier;
  route: Route;
  verified?: boolean;
  contract?: AccountRecord['contract'];
  org?: string;
  client: ClientKey;
  api?: Api;
  net: Network | ((rng: Rng, c: Country) => Network);
  alt?: Network | null;
  signupIp?: string;
  keys?: number;
}

/** Local-hour activity shapes (index = local hour). */
export const SHAPES = {
  work: [
    0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.5, 3, 3.2, 3, 2, 2.8, 3.1, 3, 2.6, 1.8, 0.9, 0.5, 0.4, 0.3, 0.2,
    0.05,
  ],
  evening: [
    0.5, 0.3, 0.1, 0, 0, 0, 0.1, 0.4, 0.7, 0.9, 1, 1.1, 1.3, 1.2, 1.1, 1.1, 1.2, 1.5, 2, 2.5, 2.8,
    2.6, 2, 1.2,
  ],
  student: [
    1.2, 0.7, 0.3, 0.1, 0, 0, 0, 0.2, 0.5, 0.8, 1, 1, 1.2, 1.4, 1.5, 1.7, 2, 2.1, 2.2, 2.6, 3, 3.1,
    2.8, 2,
  ],
  flat: Array.from({ length: 24 }, () => 1),
  business: [
    0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.6, 1, 1.6, 2, 2.1, 2, 1.8, 2, 2, 1.9, 1.7, 1.4, 1.1, 0.9, 0.7,
    0.6, 0.5, 0.4,
  ],
  daytime: [
    0.1, 0, 0, 0, 0, 0, 0.3, 0.8, 1.4, 1.8, 2, 2, 1.8, 1.9, 2, 2, 1.9, 1.7, 1.6, 1.5, 1.3, 1, 0.6,
    0.3,
  ],
};
export type Shape = keyof typeof SHAPES;

export class Ctx {
  readonly start: number;
  readonly end: number;
  readonly release: number;
  readonly nets: Nets;
  readonly events: Event[] = [];
  readonly accounts: AccountRecord[] = [];
  readonly labels: Record<string, Label> = {};
  readonly campaigns = new Map<string, { kind: string; accounts: number }>();
  readonly famStats = new Map<string, { accounts: number; events: number }>();
  private ids = new Set<string>();
  private famOf = new Map<string, string>();

  constructor(
    readonly seed: number,
    readonly days: number,
    readonly scale: number,
    readonly corp: Corpora,
  ) {
    this.start = Date.UTC(2026, 2, 2); // Monday 2 March 2026, 00:00 UTC
    this.end = this.start + days * DAY;
    this.release = this.start + Math.floor(days / 2) * DAY + 16 * HOUR;
    this.nets = new Nets(new Rng(seed, 'nets'));
  }

  rng(label: string): Rng {
    return new Rng(this.seed, label);
  }

  /** Number of accounts for a family, scaled (at least `min`). */
  n(count: number, min = 1): number {
    return Math.max(min, Math.round(count * this.scale));
  }

  campaign(id: string, kind: string): void {
    if (!this.campaigns.has(id)) this.campaigns.set(id, { kind, accounts: 0 });
  }

  actor(rng: Rng, o: ActorOpts): Actor {
    const c = o.country ?? randomCountry(rng);
    const lang = o.lang ?? ((rng.chance(0.8) ? c.langs[0] : rng.pick(c.langs)) as Lang);
    let id = '';
    do id = `acct_${rng.hex(10)}`;
    while (this.ids.has(id));
    this.ids.add(id);
    const net = typeof o.net === 'function' ? o.net(rng, c) : o.net;
    const client = CLIENTS[o.client];
    const api: Api = o.api ?? (rng.pick(client.apis) as Api);
    const rec: AccountRecord = {
      id,
      createdAt: new Date(o.created).toISOString(),
      email: typeof o.email === 'function' ? o.email(rng, c, lang) : o.email,
      signupIp: o.signupIp ?? ipOf(rng, net),
      paymentFingerprint: o.payment === undefined ? null : o.payment,
      country: c.code,
      tier: o.tier,
      route: o.route,
    };
    if (o.verified) rec.verified = true;
    if (o.contract) rec.contract = o.contract;
    if (o.org) rec.org = o.org;
    this.accounts.push(rec);
    const malicious = o.campaign !== null;
    this.labels[id] = { malicious, persona: o.persona, campaign: o.campaign, family: o.family };
    if (o.campaign) {
      const k = this.campaigns.get(o.campaign);
      if (k) k.accounts++;
    }
    const fs = this.famStats.get(o.family) ?? { accounts: 0, events: 0 };
    fs.accounts++;
    this.famStats.set(o.family, fs);
    this.famOf.set(id, o.family);
    const keys = Array.from({ length: o.keys ?? 1 }, () => `key_${rng.hex(8)}`);
    return {
      rec,
      keys,
      tz: c.tz,
      lang: LANGS.includes(lang) ? lang : 'en',
      client,
      ua: client.ua(rng),
      api,
      net,
      alt: o.alt === undefined ? null : o.alt,
      rng: rng.fork(id),
    };
  }

  emit(
    a: Actor,
    ts: number,
    model: Model,
    c: Conv,
    out: Served,
    o: { ip?: string; key?: string; api?: Api; errorRate?: number } = {},
  ): Event | null {
    if (ts < this.start || ts >= this.end) return null;
    if (model.id === 'halden-2' && ts < this.release) return null;
    const ip = o.ip ?? this.ipFor(a);
    const e = makeEvent(a, Math.round(ts), model, c, out, { ...o, ip });
    this.events.push(e);
    const f = this.famOf.get(a.rec.id);
    if (f) {
      const s = this.famStats.get(f);
      if (s) s.events++;
    }
    return e;
  }

  /** The account's usual egress, now and then its second network. */
  ipFor(a: Actor): string {
    if (a.alt && a.rng.chance(0.25)) return ipOf(a.rng, a.alt);
    return ipOf(a.rng, a.net);
  }

  // ---- time ----------------------------------------------------------------------------

  dayStart(d: number): number {
    return this.start + d * DAY;
  }

  /** Local weekday (0 = Sunday) at ts for a UTC offset in hours. */
  weekday(ts: number, tz: number): number {
    return new Date(ts + tz * HOUR).getUTCDay();
  }

  isWeekend(ts: number, tz: number): boolean {
    const w = this.weekday(ts, tz);
    return w === 0 || w === 6;
  }

  /** A timestamp on UTC day d whose local hour follows the shape. */
  timeOn(rng: Rng, d: number, tz: number, shape: Shape): number {
    const w = SHAPES[shape];
    const hour = rng.weighted(w.map((x, i) => [i, x] as const));
    const utcHour = hour - tz;
    return this.dayStart(d) + utcHour * HOUR + rng.next() * HOUR;
  }

  /** Sorted timestamps: `count` per local day over the window. */
  spread(rng: Rng, d: number, count: number, tz: number, shape: Shape): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push(this.timeOn(rng, d, tz, shape));
    return out.sort((x, y) => x - y);
  }

  /** Human think time between turns, ms. */
  think(rng: Rng, medianSec: number, sigma = 0.8): number {
    return Math.min(30 * MIN, rng.logNormal(medianSec, sigma) * 1000);
  }

  /** Latency of the last emitted response, so the next turn starts after it. */
  lastLatency(e: Event | null): number {
    return e ? Number(e.response.latencyMs) || 1000 : 1000;
  }
}
