/**
 * The shared frame every family builds on: the window and its model line-up, account
 * records and labels, and an Actor that turns a call and its output into telemetry.
 */
import type { Client } from './clients.js';
import { DAY, HOUR } from './clock.js';
import type { Corpus } from './corpus.js';
import type { Net } from './people.js';
import type { Rng } from './rng.js';
import { event, failed, type Call, type HEvent, type Output } from './wire.js';

/** An account record (DESIGN.md "Account record"), with what a provider knows of contracts. */
export interface AccountOut {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string;
  country: string;
  tier: string;
  route: string;
  name?: string;
  verified?: true;
  contract?: string;
}

/** Ground truth of one account. */
export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

/** One generated account: its record, its label and its events (in time order). */
export interface Account {
  record: AccountOut;
  label: Label;
  events: () => Iterator<HEvent>;
}

/** A campaign as labels.json lists it. */
export interface CampaignOut {
  id: string;
  kind: string;
  accounts: number;
}

/** A family of accounts: honest or not, how many at size 1, and how to build them. */
export interface Family {
  name: string;
  malicious: boolean;
  /** Accounts at the default size. */
  base: number;
  /** The least accounts the family has at any size. */
  min?: number;
  build(w: World, n: number, rng: Rng): { accounts: Account[]; campaigns?: CampaignOut[] };
}

/** The models served: the release happens inside the window. */
export const MODELS = {
  pro: 'atlas-2-pro',
  flash: 'atlas-2-flash',
  think: 'atlas-think-1',
  next: 'atlas-think-2',
} as const;

/** Everything families share. */
export interface World {
  seed: number;
  start: number;
  end: number;
  days: number;
  /** When the new reasoning model appears. */
  release: number;
  corpus: Corpus;
  net: Net;
  /** Multiplier on every family's request rates. */
  volume: number;
  /** Root stream: families fork their own from it by name. */
  rng: Rng;
  ids: Ids;
}

/** Unique random ids. */
export class Ids {
  private readonly seen = new Set<string>();
  constructor(private readonly rng: Rng) {}

  make(prefix: string, len: number): string {
    for (;;) {
      const id = prefix + this.rng.id(len);
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }
}

/**
 * A reasoning model for a request at `ts`: the new one once released, for a share of
 * traffic that grows from `early` (first day) towards `late`.
 */
export function thinkModel(w: World, ts: number, rng: Rng, early = 0.15, late = 0.45): string {
  if (ts < w.release) return MODELS.think;
  const days = (ts - w.release) / DAY;
  const share =
    days < 1
      ? early + (late - early) * days * 0.5
      : Math.min(late, early + (late - early) * (0.5 + (days - 1) * 0.25));
  return rng.chance(share) ? MODELS.next : MODELS.think;
}

/** ISO time of an account's creation `daysBefore` the window starts (negative: inside the window). */
export function createdBefore(w: World, daysBefore: number): string {
  return new Date(w.start - Math.round(daysBefore * DAY)).toISOString();
}

/** Days before the window for an ordinary account: mostly months, some new. */
export function typicalAge(rng: Rng): number {
  return rng.weighted<number>([
    [rng.range(200, 900), 4],
    [rng.range(30, 200), 4],
    [rng.range(3, 30), 1.5],
    [rng.range(-2, 3), 0.4],
  ]);
}

/** Share of requests an upstream fails (overload, timeouts). */
const FAIL = 0.0015;

/** The sending side of an account: its keys, client and where its requests come from. */
export class Actor {
  constructor(
    readonly id: string,
    readonly keys: string[],
    readonly client: Client,
    /** Source address for a request (a home line, an office NAT, a proxy exit…). */
    readonly ip: (rng: Rng, ts: number) => string,
  ) {}

  /** The telemetry of one request; `key` picks among the account's keys. */
  send(ts: number, call: Call, out: Output, rng: Rng, key = 0, client?: Client): HEvent {
    const s = {
      account: this.id,
      key: this.keys[Math.min(key, this.keys.length - 1)]!,
      ip: this.ip(rng, ts),
      client: client ?? this.client,
    };
    return rng.chance(FAIL) ? failed(ts, s, call, rng) : event(ts, s, call, out, rng);
  }
}

/** Keys of an account: `n` ids. */
export function keysFor(w: World, n: number): string[] {
  return Array.from({ length: n }, () => w.ids.make('key_', 10));
}

/** Hours since the window opened, for logging. */
export const hoursIn = (w: World, ts: number): number => (ts - w.start) / HOUR;
