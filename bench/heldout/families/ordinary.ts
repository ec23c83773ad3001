/**
 * The ordinary base — most accounts: people chatting, students with homework, power users,
 * and old accounts that come back to try the new model the day it is released.
 */
import { client } from '../clients.js';
import { DAY, HOUR, sessions } from '../clock.js';
import { WORDS } from '../lexicon.js';
import { native } from '../reply.js';
import type { Rng } from '../rng.js';
import { REASONING_MIX, itemOf, plain, promptText, worked, type Kind } from '../tasks.js';
import { MODELS, thinkModel, type Account, type Family, type World } from '../world.js';
import { fit } from '../reply.js';
import { humanize } from '../voice.js';
import {
  followUp,
  humanParams,
  personActor,
  personLang,
  personRecord,
  session,
  type Exchange,
  type Org,
} from './common.js';
import { workEmail, type Country } from '../people.js';
import type { HEvent } from '../wire.js';

const CHAT_MIX: readonly (readonly [Kind | 'native' | 'multi', number])[] = [
  ['chat', 52],
  ['hard', 7],
  ['harmful', 3],
  ['code', 8],
  ['gsm', 3],
  ['role', 5],
  ['instruction', 7],
  ['multi', 5],
  ['native', 10],
];

/** Model a person picks for a request. */
function personModel(w: World, rng: Rng, thinkShare: number): (ts: number, r: Rng) => string {
  const base = rng.weighted<string>([
    [MODELS.pro, 5],
    [MODELS.flash, 4],
  ]);
  return (ts, r) => (r.chance(thinkShare) ? thinkModel(w, ts, r) : base);
}

/** Make sure an account sends at least one session. */
function atLeastOne(list: number[][], rng: Rng, w: World): number[][] {
  return list.length > 0 ? list : [[Math.floor(rng.range(w.start, w.end - HOUR))]];
}

/** A person chatting (or a power user); `org` puts them behind an organisation's network. */
export function chatUser(w: World, rng: Rng, persona: string, power: boolean, org?: Org): Account {
  const { rec, country } = personRecord(w, rng, {
    ...(power ? { tier: rng.pick(['tier-2', 'tier-3', 'tier-4']) } : {}),
    ...orgFields(rng, org),
  });
  const actor = personActor(w, rng, rec.id, undefined, org?.ip);
  const perWeek =
    (power ? rng.lognormal(70, 0.5) : Math.min(140, rng.lognormal(4.5, 1))) *
    w.volume *
    (w.days / 7);
  const plan = sessions(rng, w.start, w.end, {
    tz: country.tz,
    curve: org?.curve ?? (power ? rng.pick(['office', 'human'] as const) : 'human'),
    weekend: power ? 0.6 : 1.1,
    perWeek,
    perSession: power ? 3.5 : 2.2,
    gapS: power ? 70 : 45,
  });
  const params = humanParams(rng);
  const model = personModel(w, rng, power ? 0.3 : 0.1);
  const lang = personLang(rng, country);
  const honestAsk =
    power && rng.chance(0.4)
      ? rng.pick([
          'Think it through carefully.',
          'Explain your reasoning.',
          'Walk me through it.',
          'Step by step please.',
          'Be rigorous.',
        ])
      : '';
  const events = function* (): Generator<HEvent> {
    for (const times of atLeastOne(plan, rng, w)) {
      const pick = rng.weighted(
        power
          ? ([
              ['hard', 30],
              ['code', 20],
              ['math', 8],
              ['chat', 25],
              ['multi', 7],
              ['instruction', 10],
            ] as const)
          : CHAT_MIX,
      );
      const base = { model: model(times[0]!, rng), params: params() };
      let first: Exchange;
      let later: string[] = [];
      if (pick === 'native') {
        const q = rng.pick(
          WORDS[lang === 'en' ? country.lang : lang].chat.length > 0
            ? WORDS[lang === 'en' ? country.lang : lang].chat
            : ['Hello!'],
        );
        first = { text: q, out: fit(native(q, country.lang, rng), rng.lognormal(260, 0.5)) };
      } else if (pick === 'multi') {
        const item = rng.pick(w.corpus.multiTurn);
        first = { text: item.q, out: plain(item, 'chat', rng) };
        later = item.turns ?? [];
      } else {
        const item = itemOf(w.corpus, pick, rng);
        const ask = honestAsk && rng.chance(0.3) ? ` ${honestAsk}` : '';
        first = {
          text: humanize(rng, promptText(item, pick), power ? 0.3 : 0.6) + ask,
          out: ask ? worked(item, pick, 'en', rng) : plain(item, pick, rng),
        };
        later = item.turns ?? [];
      }
      yield* session(actor, times, rng, base, (k) => {
        if (k === 0) return first;
        const text = later[k - 1] ?? followUp(rng, lang);
        return { text, out: plain({ q: `${first.text} ${text}`, src: 'follow-up' }, 'chat', rng) };
      });
    }
  };
  return { record: rec, label: { malicious: false, persona, campaign: null }, events };
}

/** Record fields an organisation sets for its members. */
function orgFields(
  rng: Rng,
  org?: Org,
): { email?: string; route?: string; pay?: string; country?: Country } {
  if (!org) return {};
  const o: { email?: string; route?: string; pay?: string; country?: Country } = {
    email: workEmail(rng, org.domain),
    country: org.country,
  };
  if (org.route) o.route = org.route;
  if (org.pay) o.pay = org.pay;
  return o;
}

/** A student: homework questions with a request to see the method, in their own language. */
export function student(w: World, rng: Rng, persona = 'student', org?: Org): Account {
  const { rec, country } = personRecord(w, rng, {
    route: rng.chance(0.4) ? 'education' : 'self-serve',
    tier: 'free',
    ...orgFields(rng, org),
  });
  const actor = personActor(
    w,
    rng,
    rec.id,
    client(rng, rng.pick(['openai-python', 'openai-node', 'ai-sdk', 'python-requests'])),
    org?.ip,
  );
  const plan = sessions(rng, w.start, w.end, {
    tz: country.tz,
    curve: 'school',
    weekend: 0.7,
    perWeek: rng.lognormal(9, 0.8) * w.volume * (w.days / 7),
    perSession: 2.5,
    gapS: 120,
  });
  const lang = personLang(rng, country, 0.55);
  const params = humanParams(rng);
  const events = function* (): Generator<HEvent> {
    for (const times of atLeastOne(plan, rng, w)) {
      const fromPool = org?.pool !== undefined && rng.chance(0.7);
      const kind: Kind = fromPool
        ? 'gsm'
        : rng.weighted(REASONING_MIX.filter(([k]) => k !== 'olympiad' && k !== 'hard'));
      const item = fromPool ? rng.pick(org.pool!) : itemOf(w.corpus, kind, rng);
      const ask = rng.pick(WORDS[lang].steps);
      const q = humanize(rng, promptText(item, kind), 0.7);
      const text = rng.chance(0.5) ? `${q}\n\n${ask}` : `${ask}\n\n${q}`;
      const first = { text, out: worked(item, kind, lang, rng, 0.8) };
      yield* session(
        actor,
        times,
        rng,
        { model: rng.chance(0.8) ? MODELS.flash : MODELS.pro, params: params() },
        (k) => {
          if (k === 0) return first;
          const next = itemOf(w.corpus, kind, rng);
          if (rng.chance(0.4))
            return {
              text: followUp(rng, lang),
              out: plain({ q: text, src: 'follow-up' }, 'chat', rng),
            };
          return {
            text: `${humanize(rng, promptText(next, kind), 0.7)}${rng.chance(0.5) ? ' ' + rng.pick(WORDS[lang].steps) : ''}`,
            out: worked(next, kind, lang, rng, 0.8),
          };
        },
      );
    }
  };
  return { record: rec, label: { malicious: false, persona, campaign: null }, events };
}

/** An old, quiet account that tries the new model within a day or so of its release. */
function releaseTryer(w: World, rng: Rng): Account {
  const { rec, country } = personRecord(w, rng, { age: rng.range(90, 800) });
  const actor = personActor(w, rng, rec.id);
  const from = w.release + rng.range(0.2, 30) * HOUR;
  const plan = sessions(rng, from, Math.min(w.end, from + rng.range(1, 3) * DAY), {
    tz: country.tz,
    curve: 'human',
    perWeek: rng.range(25, 90),
    perSession: 4,
    gapS: 90,
  });
  const events = function* (): Generator<HEvent> {
    for (const times of plan.length > 0 ? plan : [[Math.min(w.end - 1, Math.floor(from))]]) {
      const kind = rng.weighted<Kind>([
        ['hard', 4],
        ['olympiad', 2],
        ['code', 2],
        ['math', 2],
        ['chat', 2],
      ]);
      yield* session(
        actor,
        times,
        rng,
        { model: MODELS.next, params: { max_tokens: rng.pick([4096, 8192, 16000]) } },
        () => {
          const item = itemOf(w.corpus, kind, rng);
          return {
            text: humanize(rng, promptText(item, kind), 0.5),
            out: kind === 'chat' ? plain(item, kind, rng) : worked(item, kind, 'en', rng),
          };
        },
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'release-tryer', campaign: null },
    events,
  };
}

export const ORDINARY: Family[] = [
  {
    name: 'chat-user',
    malicious: false,
    base: 3000,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => chatUser(w, rng.fork(i), 'chat-user', false)),
    }),
  },
  {
    name: 'power-user',
    malicious: false,
    base: 170,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => chatUser(w, rng.fork(i), 'power-user', true)),
    }),
  },
  {
    name: 'student',
    malicious: false,
    base: 420,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => student(w, rng.fork(i))),
    }),
  },
  {
    name: 'release-tryer',
    malicious: false,
    base: 120,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => releaseTryer(w, rng.fork(i))),
    }),
  },
];
