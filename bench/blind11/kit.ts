// Shared helpers for blind11 families: the environment (world, corpora, shared address pools),
// address strategies, signup details, lazily built multi-turn sessions.
import type { Corpora } from './corpora.js';
import {
  CAMPUS_PREFIXES,
  cgnatPool,
  cloudIp,
  countryByCode,
  natBlock,
  OFFICE_PREFIXES,
  residentialIp,
  type Client,
  type Cloud,
  type Country,
} from './net.js';
import { hash32, Rng } from './rng.js';
import { DAY, finalize, type Acct, type Body, type Call, type NMsg, type World } from './world.js';

export class Env {
  readonly w: World;
  readonly c: Corpora;
  private readonly cgnat = new Map<string, string[]>();
  private readonly campuses: { country: string; ips: string[]; domain: string }[] = [];

  constructor(w: World, c: Corpora) {
    this.w = w;
    this.c = c;
  }

  fork(label: string): Rng {
    return this.w.rng.fork(label);
  }

  /** The mobile carriers' shared egress pool for a country. */
  cgnatFor(code: string): string[] {
    let pool = this.cgnat.get(code);
    if (!pool) {
      pool = cgnatPool(this.w.rng.fork('cgnat:' + code), countryByCode(code), 48);
      this.cgnat.set(code, pool);
    }
    return pool;
  }

  /** Campus NAT blocks shared by students and labs. */
  campus(i: number): { country: string; ips: string[]; domain: string } {
    while (this.campuses.length <= i) {
      const r = this.w.rng.fork('campus:' + this.campuses.length);
      const k = this.campuses.length;
      const country = ['US', 'US', 'GB', 'IN', 'CA', 'DE', 'AU', 'US', 'KR', 'NL', 'SG', 'US'][
        k % 12
      ]!;
      this.campuses.push({
        country,
        ips: natBlock(r, CAMPUS_PREFIXES[k % CAMPUS_PREFIXES.length]!, r.int(4, 10)),
        domain: EDU_LIKE[k % EDU_LIKE.length]!,
      });
    }
    return this.campuses[i]!;
  }

  /** Emit a single-request event. */
  one(
    a: Acct,
    ts: number,
    make: (r: Rng, cl: Client) => Call,
    opts: { client?: number; ip?: string } = {},
  ): void {
    this.w.emit(a, ts, (r, cl) => finalize(make(r, cl), r), opts);
  }
}

const EDU_LIKE = [
  'stateuniv.edu',
  'northfield.edu',
  'lakeside.ac.uk',
  'iit-sample.ac.in',
  'mapleton.ca',
  'uni-halberg.de',
  'harborview.edu.au',
  'westbrook.edu',
  'kaist-like.ac.kr',
  'techuniv.nl',
  'nus-like.edu.sg',
  'riverton.edu',
];

// ---------------------------------------------------------------------------------------------
// Address strategies: each returns (rng, ts) => ip

export type IpFn = (r: Rng, ts: number) => string;

/** A home broadband address, with occasional requests from the phone (carrier NAT). */
export function ipHome(env: Env, r: Rng, c: Country, mobileShare = 0.12): IpFn {
  const home = residentialIp(r, c);
  const second = r.chance(0.15) ? residentialIp(r, c) : home; // DHCP renewal mid-week
  const change = env.w.start + r.range(0, 7) * DAY;
  const pool = env.cgnatFor(c.code);
  return (rr, ts) => (rr.chance(mobileShare) ? rr.pick(pool) : ts < change ? home : second);
}

/** Mostly one fixed pool (office or data-centre NAT). */
export function ipPool(pool: readonly string[]): IpFn {
  return (rr) => rr.pick(pool);
}

/** Office by day, home otherwise. */
export function ipOfficeHome(office: readonly string[], home: string, tz: number): IpFn {
  return (rr, ts) => {
    const h = (((ts / 3_600_000 + tz) % 24) + 24) % 24;
    return h >= 8.5 && h < 18.5 && rr.chance(0.9) ? rr.pick(office) : home;
  };
}

/** A new residential exit for every request (rotating proxy). */
export function ipRotating(countries: readonly Country[]): IpFn {
  return (rr) => residentialIp(rr, rr.pick(countries));
}

/** A residential exit that sticks for `periodMs`, then changes (sticky proxy session). */
export function ipSticky(countries: readonly Country[], periodMs: number, salt: string): IpFn {
  return (_rr, ts) => {
    const slot = Math.floor(ts / periodMs);
    const r = new Rng(hash32(salt + ':' + slot));
    return residentialIp(r, r.pick(countries));
  };
}

/** A small set of cloud addresses (NAT gateway or a few workers). */
export function cloudPool(r: Rng, cloud: Cloud, k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(cloudIp(r, cloud));
  return out;
}

/** Fresh cloud address per request (serverless functions, CI runners). */
export function ipCloudEphemeral(cloud: Cloud): IpFn {
  return (rr) => cloudIp(rr, cloud);
}

export function officeBlock(r: Rng, k: number): string[] {
  return natBlock(r, r.pick(OFFICE_PREFIXES), k);
}

// ---------------------------------------------------------------------------------------------
// Signup details

export function paymentFp(r: Rng): string {
  return 'pm_' + r.hex(20);
}

/** Account creation time: between minDays and maxDays before the window starts (negative = after). */
export function createdBefore(w: World, r: Rng, minDays: number, maxDays: number): number {
  const t = w.start - r.range(minDays, maxDays) * DAY;
  return Math.floor(Math.min(t, w.end - DAY / 2));
}

// ---------------------------------------------------------------------------------------------
// Multi-turn sessions, built lazily and in order

export interface Step {
  add: NMsg[];
  call: Omit<Call, 'messages'>;
}

export class Session {
  private history: NMsg[] = [];
  private built = 0;
  private readonly calls = new Map<number, Call>();
  private readonly seed: number;
  private readonly step: (r: Rng, i: number, history: readonly NMsg[], cl: Client) => Step;

  constructor(
    seed: number,
    step: (r: Rng, i: number, history: readonly NMsg[], cl: Client) => Step,
  ) {
    this.seed = seed;
    this.step = step;
  }

  callAt(i: number, cl: Client, last: boolean): Call {
    while (this.built <= i) {
      const r = new Rng(hash32('turn:' + this.built, this.seed));
      const s = this.step(r, this.built, this.history, cl);
      const messages = this.history.concat(s.add);
      const call: Call = { ...s.call, messages };
      const reply: NMsg = { role: 'assistant', text: s.call.reply };
      if (s.call.replyTools && s.call.replyTools.length > 0) reply.tools = s.call.replyTools;
      this.history = messages.concat([reply]);
      this.calls.set(this.built, call);
      this.built++;
    }
    const c = this.calls.get(i);
    this.calls.delete(i);
    if (last) this.history = [];
    if (!c) throw new Error('session turn built twice');
    return c;
  }
}

/** Emit every turn of a session at the given times (the first turn at times[0]). */
export function emitSession(
  env: Env,
  a: Acct,
  times: readonly number[],
  seed: number,
  step: (r: Rng, i: number, history: readonly NMsg[], cl: Client) => Step,
  opts: { client?: number; ip?: string } = {},
): void {
  const s = new Session(seed, step);
  // One client and one address per session (a conversation does not hop networks).
  const client = opts.client ?? (a.clients.length > 1 ? a.rng.int(0, a.clients.length - 1) : 0);
  const ip = opts.ip ?? a.ip(a.rng, times[0] ?? env.w.start);
  const inWindow = times.filter((t) => t >= env.w.start && t < env.w.end);
  const n = inWindow.length;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    env.w.emit(a, inWindow[i]!, (r, cl): Body => finalize(s.callAt(i, cl, last), r), {
      client,
      ip,
    });
  }
}

/** Times for a session: a start, then gaps drawn by `gap(i)` in ms. */
export function sessionTimes(start: number, turns: number, gap: (i: number) => number): number[] {
  const out = [start];
  let t = start;
  for (let i = 1; i < turns; i++) {
    t += Math.max(200, gap(i));
    out.push(Math.floor(t));
  }
  return out;
}

export function cap(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Fill "{name}" slots. */
export function fill(tpl: string, slots: Record<string, string>): string {
  return tpl.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m);
}
