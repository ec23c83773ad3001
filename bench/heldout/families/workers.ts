/**
 * The rest of the ordinary base: researchers running small experiments, translators,
 * batch summarisers and small apps built on the API.
 */
import { client } from '../clients.js';
import { HOUR, burst, cadence, poissonTimes, sessions } from '../clock.js';
import { UI_STRINGS, type Lang } from '../lexicon.js';
import { cardFingerprint, personName, pickCountry, workEmail } from '../people.js';
import { fit, moreProse, prose, summary } from '../reply.js';
import { humanize } from '../voice.js';
import type { Rng } from '../rng.js';
import { itemOf, plain, promptText, worked, type Kind } from '../tasks.js';
import type { HEvent, Params } from '../wire.js';
import {
  Actor,
  MODELS,
  createdBefore,
  keysFor,
  thinkModel,
  typicalAge,
  type Account,
  type Family,
  type World,
} from '../world.js';
import {
  followUp,
  humanParams,
  mergeStreams,
  personActor,
  personRecord,
  session,
} from './common.js';

const UNIS = [
  'uni-heidelberg.de',
  'cs.ubc.ca',
  'ethz.ch',
  'cmu.edu',
  'ox.ac.uk',
  'nus.edu.sg',
  'iitb.ac.in',
  'ui.ac.id',
  'usp.br',
  'kaist.ac.kr',
  'uw.edu.pl',
  'metu.edu.tr',
  'uonbi.ac.ke',
  'hcmus.edu.vn',
];
const COT = [
  "Let's think step by step.",
  'Explain your reasoning before the final answer.',
  'Answer with only the final answer.',
  'Think carefully, then answer.',
  '',
];

/** A researcher: small scripted experiments (temperature sweeps, prompt variants, some logprobs) and interactive use. */
function researcher(w: World, rng: Rng): Account {
  const domain = rng.pick(UNIS);
  const { rec, country } = personRecord(w, rng, {
    route: rng.pick(['research', 'education', 'self-serve']),
    email: workEmail(rng, domain),
  });
  const actor = personActor(
    w,
    rng,
    rec.id,
    client(rng, rng.pick(['openai-python', 'anthropic-python', 'litellm', 'aiohttp'])),
  );
  const tz = country.tz;
  const runs = poissonTimes(rng, w.start, w.end, rng.range(0.2, 0.8) * w.volume, {
    tz,
    curve: 'office',
    weekend: 0.3,
  });
  const chats = sessions(rng, w.start, w.end, {
    tz,
    curve: 'office',
    weekend: 0.3,
    perWeek: rng.range(10, 40) * w.volume,
    perSession: 3,
    gapS: 90,
  });
  const events = function* (): Generator<HEvent> {
    const streams: Generator<HEvent>[] = [];
    for (const at of runs) {
      const n = rng.int(10, 60);
      const times = burst(rng, at, n, rng.pick([1, 1, 4, 8]), rng.range(1500, 6000));
      const kind = rng.weighted<Kind>([
        ['mc', 3],
        ['gsm', 3],
        ['math', 2],
        ['olympiad', 1],
        ['yesno', 2],
        ['hard', 1],
      ]);
      const cot = rng.pick(COT);
      const temps = rng.pick([[0], [0, 0.7, 1], [0.2], [1]]);
      const logprobs = rng.chance(0.3);
      const sample = rng.chance(0.2) ? rng.int(3, 8) : 1;
      streams.push(
        (function* () {
          for (let i = 0; i < times.length; i++) {
            const item = itemOf(w.corpus, kind, rng);
            const p: Params = {
              temperature: temps[i % temps.length]!,
              max_tokens: cot ? 2048 : 256,
            };
            if (logprobs) Object.assign(p, { logprobs: true, top_logprobs: 5 });
            if (sample > 1) p.n = sample;
            const out =
              cot && !cot.startsWith('Answer with only')
                ? worked(item, kind, 'en', rng, 0.7)
                : fit(`Answer: ${item.answer ?? 'A'}`, rng.int(3, 12));
            yield actor.send(
              times[i]!,
              {
                model: rng.chance(0.5) ? MODELS.pro : thinkModel(w, times[i]!, rng, 0.5, 0.7),
                params: p,
                turns: [
                  { role: 'user', text: `${promptText(item, kind)}${cot ? '\n\n' + cot : ''}` },
                ],
              },
              out,
              rng,
            );
          }
        })(),
      );
    }
    for (const times of chats) {
      const item = itemOf(w.corpus, 'hard', rng);
      streams.push(
        session(actor, times, rng, { model: MODELS.pro, params: { max_tokens: 4096 } }, (k) => ({
          text: k === 0 ? item.q : followUp(rng, 'en'),
          out: plain(item, 'hard', rng),
        })),
      );
    }
    yield* mergeStreams(streams);
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'researcher', campaign: null },
    events,
  };
}

const TARGETS: Lang[] = ['es', 'fr', 'de', 'pt', 'ja', 'id', 'tr', 'pl', 'vi'];

/** A translator or localisation engineer: UI strings, one at a time or as JSON batches. */
function translator(w: World, rng: Rng): Account {
  const { rec, country } = personRecord(w, rng, { tier: rng.pick(['tier-1', 'tier-2']) });
  const actor = personActor(
    w,
    rng,
    rec.id,
    client(rng, rng.pick(['openai-python', 'openai-node', 'curl', 'go'])),
  );
  const langs = rng.sample(TARGETS, rng.int(1, 4));
  const plan = sessions(rng, w.start, w.end, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.2,
    perWeek: rng.lognormal(50, 0.6) * w.volume,
    perSession: 6,
    gapS: 25,
  });
  const events = function* (): Generator<HEvent> {
    for (const times of plan) {
      const lang = rng.pick(langs);
      const system = `You are a professional software localizer. Translate the user's text into ${lang} for a mobile app. Keep placeholders such as {date} and {n} exactly as they are. Return only the translation.`;
      for (const ts of times) {
        const batch = rng.sample(UI_STRINGS, rng.chance(0.4) ? rng.int(3, 8) : 1);
        const n = String(rng.int(2, 59));
        const src = batch.map((s) => s.en.replace('{n}', n));
        const dst = batch.map((s) => (s.t[lang] ?? s.en).replace('{n}', n));
        const json = batch.length > 1;
        const text = json
          ? JSON.stringify(Object.fromEntries(src.map((s, i) => [`k${i}`, s])), null, 1)
          : src[0]!;
        const out = json
          ? JSON.stringify(Object.fromEntries(dst.map((s, i) => [`k${i}`, s])), null, 1)
          : dst[0]!;
        yield actor.send(
          ts,
          {
            model: MODELS.flash,
            system,
            params: { temperature: 0.2, ...(json ? { json: true } : {}) },
            turns: [{ role: 'user', text }],
          },
          fit(out, 0),
          rng,
        );
      }
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'translator', campaign: null },
    events,
  };
}

const DOC_KINDS = [
  'article',
  'support ticket',
  'meeting notes',
  'customer review',
  'forum thread',
  'product description',
];

/** A batch pipeline: one summarise template over a stream of different documents, on a timer. */
function summariser(w: World, rng: Rng): Account {
  const country = pickCountry(rng);
  const org = `${rng.pick(['news', 'help', 'data', 'ops', 'insight'])}${rng.id(4)}.io`;
  const name = personName(rng);
  const rec = {
    id: w.ids.make('acct_', 10),
    createdAt: createdBefore(w, typicalAge(rng)),
    email: `${name[0]}@${org}`,
    signupIp: w.net.home(rng),
    paymentFingerprint: cardFingerprint(rng),
    country: country.code,
    tier: rng.pick(['tier-2', 'tier-3']),
    route: 'self-serve',
  };
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, rng.pick(['openai-python', 'python-requests', 'go'])),
    (r) => `${prefix}.${r.int(10, 40)}`,
  );
  const kind = rng.pick(DOC_KINDS);
  const bullets = rng.pick([3, 5]);
  const template = rng.pick([
    `Summarize the following ${kind} in ${bullets} bullet points.\n\n{doc}`,
    `{doc}\n\n---\nTL;DR of the ${kind} above in at most ${bullets} bullets:`,
    `Write a ${bullets}-bullet summary of this ${kind} for a busy manager:\n"""\n{doc}\n"""`,
  ]);
  const nightly = rng.chance(0.4);
  const times = nightly
    ? Array.from({ length: w.days }, (_, d) =>
        burst(
          rng,
          w.start + d * 24 * HOUR + (2 - country.tz) * HOUR + rng.range(0, 600_000),
          Math.round(rng.range(30, 120) * w.volume),
          4,
          2500,
        ),
      ).flat()
    : cadence(rng, w.start, w.end, (rng.range(12, 60) * 60_000) / w.volume, 0.1);
  const docs = [...w.corpus.chat.filter((c) => c.reply && c.reply.length > 200), ...w.corpus.hard];
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const d = rng.pick(docs);
      const doc = d.reply ?? d.q;
      yield actor.send(
        ts,
        {
          model: MODELS.flash,
          params: { temperature: 0.2, max_tokens: 300 },
          turns: [{ role: 'user', text: template.replace('{doc}', () => doc) }],
        },
        fit(summary(doc, rng), rng.lognormal(90, 0.3)),
        rng,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'batch-summariser', campaign: null },
    events,
  };
}

/** A small app: its own system prompt, its end users' conversations, from its server. */
function smallApp(w: World, rng: Rng): Account {
  const { rec, country } = personRecord(w, rng, { tier: rng.pick(['tier-2', 'tier-3']) });
  const role = rng.pick(w.corpus.roles);
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, rng.int(1, 3)),
    client(rng, rng.pick(['openai-node', 'ai-sdk', 'anthropic-ts', 'openai-python'])),
    (r) => `${prefix}.${r.int(2, 30)}`,
  );
  const users = Array.from({ length: rng.int(20, 400) }, () => `u_${rng.hex(8)}`);
  const sendUser = rng.chance(0.6);
  const plan = sessions(rng, w.start, w.end, {
    tz: country.tz,
    curve: rng.pick(['human', 'evening'] as const),
    perWeek: rng.lognormal(60, 0.8) * w.volume,
    perSession: 3,
    gapS: 40,
  });
  const params = humanParams(rng);
  const model = rng.pick([MODELS.flash, MODELS.pro]);
  const events = function* (): Generator<HEvent> {
    for (const times of plan) {
      const item = itemOf(w.corpus, rng.pick<Kind>(['chat', 'chat', 'instruction']), rng);
      const p = params();
      if (sendUser) p.user = rng.pick(users);
      yield* session(actor, times, rng, { model, system: role.q, params: p }, (k) => ({
        text: k === 0 ? humanize(rng, item.q, 0.6) : followUp(rng, 'en'),
        out: fit(
          prose(item.q, rng, k === 0 ? item.reply : undefined),
          rng.lognormal(250, 0.6),
          k === 0 && item.reply ? undefined : moreProse(item.q, rng),
        ),
      }));
    }
  };
  return { record: rec, label: { malicious: false, persona: 'small-app', campaign: null }, events };
}

export const WORKERS: Family[] = [
  {
    name: 'researcher',
    malicious: false,
    base: 70,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => researcher(w, rng.fork(i))),
    }),
  },
  {
    name: 'translator',
    malicious: false,
    base: 90,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => translator(w, rng.fork(i))),
    }),
  },
  {
    name: 'batch-summariser',
    malicious: false,
    base: 40,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => summariser(w, rng.fork(i))),
    }),
  },
  {
    name: 'small-app',
    malicious: false,
    base: 140,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => smallApp(w, rng.fork(i))),
    }),
  },
];
