/**
 * Building blocks the families share: an ordinary person's account and network, human
 * sampling parameters, and a multi-turn chat session that carries its history.
 */
import { everydayClient, type Client } from '../clients.js';
import { BIG, WORDS, type Lang } from '../lexicon.js';
import { cardFingerprint, pickCountry, personalEmail, workEmail, type Country } from '../people.js';
import type { Rng } from '../rng.js';
import {
  HISTORY_CAP,
  type Call,
  type HEvent,
  type Output,
  type Params,
  type Turn,
} from '../wire.js';
import {
  Actor,
  createdBefore,
  keysFor,
  typicalAge,
  type AccountOut,
  type World,
} from '../world.js';

/** An individual's account record and where they live. */
export function personRecord(
  w: World,
  rng: Rng,
  o: {
    route?: string;
    tier?: string;
    country?: Country;
    age?: number;
    email?: string;
    pay?: string;
  } = {},
): { rec: AccountOut; country: Country } {
  const country = o.country ?? pickCountry(rng);
  const rec: AccountOut = {
    id: w.ids.make('acct_', 10),
    createdAt: createdBefore(w, o.age ?? typicalAge(rng)),
    email: o.email ?? personalEmail(rng),
    signupIp: w.net.home(rng),
    paymentFingerprint: o.pay ?? cardFingerprint(rng),
    country: country.code,
    tier:
      o.tier ??
      rng.weighted<string>([
        ['free', 3],
        ['tier-1', 4],
        ['tier-2', 2],
        ['tier-3', 0.6],
      ]),
    route: o.route ?? 'self-serve',
  };
  return { rec, country };
}

/** A home line, with a phone's mobile address some of the time. */
export function homeNet(w: World, rng: Rng): (r: Rng) => string {
  const home = w.net.home(rng);
  const mobile = w.net.prefix();
  return (r) => (r.chance(0.12) ? `${mobile}.${r.int(2, 254)}` : home);
}

/** An individual's actor: one key (sometimes two), an everyday client, a home line. */
export function personActor(
  w: World,
  rng: Rng,
  id: string,
  client: Client = everydayClient(rng),
  ip?: (r: Rng) => string,
): Actor {
  const net = ip ?? homeNet(w, rng);
  return new Actor(id, keysFor(w, rng.chance(0.2) ? 2 : 1), client, (r) => net(r));
}

/** Membership of an organisation: its network, e-mail domain, signup route, maybe a shared card. */
export interface Org {
  ip: (r: Rng) => string;
  domain: string;
  country: Country;
  route?: string;
  pay?: string;
  curve?: 'office' | 'school';
  /** Questions members share (a course's problem set, a public benchmark). */
  pool?: import('../corpus.js').Item[];
}

/** Sampling parameters a person's tool sends (fixed per account, as a tool's settings are). */
export function humanParams(rng: Rng): () => Params {
  const temperature = rng.weighted<number | undefined>([
    [undefined, 5],
    [0.7, 3],
    [1, 2],
    [0.3, 1],
    [0.5, 1],
  ]);
  const max = rng.weighted<number | undefined>([
    [undefined, 3],
    [1024, 2],
    [2048, 2],
    [4096, 3],
    [8192, 1],
  ]);
  const stream = rng.chance(0.7);
  return () => {
    const p: Params = {};
    if (temperature !== undefined) p.temperature = temperature;
    if (max !== undefined) p.max_tokens = max;
    if (stream) p.stream = true;
    return p;
  };
}

/** The language a person writes in: their country's, some of the time. */
export function personLang(rng: Rng, country: Country, share = 0.35): Lang {
  return country.lang !== 'en' && rng.chance(share) ? country.lang : 'en';
}

/** True when the language is outside the ten big ones. */
export const isWider = (l: Lang): boolean => !BIG.includes(l);

/** One exchange of a session: what the user typed and what came back. */
export interface Exchange {
  text: string;
  out: Output;
}

/**
 * A conversation: the i-th request carries every earlier turn (answers stored shortened,
 * with their true token counts), as chat clients send it.
 */
export function* session(
  actor: Actor,
  times: number[],
  rng: Rng,
  base: Omit<Call, 'turns'>,
  exchange: (i: number) => Exchange,
  key = 0,
): Generator<HEvent> {
  const turns: Turn[] = [];
  for (let i = 0; i < times.length; i++) {
    const ex = exchange(i);
    turns.push({ role: 'user', text: ex.text });
    yield actor.send(times[i]!, { ...base, turns: turns.slice() }, ex.out, rng, key);
    turns.push({
      role: 'assistant',
      text: ex.out.text.slice(0, HISTORY_CAP),
      tokens: ex.out.tokens,
    });
  }
}

/** Honest follow-ups people type after an answer (English). */
export const FOLLOW_UPS = [
  'Can you make it shorter?',
  'Thanks! Can you give an example?',
  'What about for a beginner?',
  'Why?',
  'Can you go over that last part again?',
  'ok and how would that work in practice?',
  'Could you put that in a table?',
  'hmm, are you sure about that?',
  'Give me three alternatives.',
  'What are the downsides?',
  'perfect, thanks',
  'Can you make it sound less formal?',
  'What if the budget is smaller?',
  'Why is that?',
  'And what would you do in my place?',
  'Can you add sources?',
  'Shorter please, like two sentences.',
  'ok now in bullet points',
];

/** A follow-up in a language (the "why" set for other languages). */
export function followUp(rng: Rng, lang: Lang): string {
  return lang === 'en' || rng.chance(0.3) ? rng.pick(FOLLOW_UPS) : rng.pick(WORDS[lang].why);
}

/** An organisation's account record. */
export function orgRecord(
  w: World,
  rng: Rng,
  o: {
    name: string;
    domain: string;
    country: Country;
    route?: string;
    tier?: string;
    age?: number;
    pay?: string;
    verified?: boolean;
    contract?: string;
  },
): AccountOut {
  const rec: AccountOut = {
    id: w.ids.make('acct_', 10),
    createdAt: createdBefore(w, o.age ?? rng.range(60, 700)),
    email: workEmail(rng, o.domain),
    signupIp: w.net.home(rng),
    paymentFingerprint: o.pay ?? cardFingerprint(rng),
    country: o.country.code,
    tier: o.tier ?? 'enterprise',
    route: o.route ?? 'enterprise',
    name: o.name,
  };
  if (o.verified) rec.verified = true;
  if (o.contract) rec.contract = o.contract;
  return rec;
}

/** An invoiced enterprise's payment reference (shared by its accounts). */
export const invoiceRef = (rng: Rng): string => `inv_${rng.b62(14)}`;

/** Merge time-ordered generators into one time-ordered generator (few streams: a linear scan). */
export function* mergeStreams(streams: Iterator<HEvent>[]): Generator<HEvent> {
  const heads = streams.map((s) => s.next());
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      if (!h.done && (best < 0 || h.value.ts < (heads[best]!.value as HEvent).ts)) best = i;
    }
    if (best < 0) return;
    yield heads[best]!.value as HEvent;
    heads[best] = streams[best]!.next();
  }
}
