/**
 * Shared helpers for the families: calendars (sessions in local time, machine streams),
 * sign-up details, model choice around the release, conversation runners and the everyday
 * content mix ordinary users send.
 */
import type { Actor, CallSpec, Ctx, Params, Turn } from './core.js';
import type { Dialogue } from './corpora.js';
import { LANG_BY_CODE, LANGS, type LangPack } from './langs.js';
import type { Rng } from './rng.js';
import { chatAnswer, codeAnswer, cotAnswer, mathAnswer, personaAck } from './text.js';
import type { Client, Country } from './world.js';
import { COUNTRIES, DAY, HOUR, MIN, MODELS, PROFILES, RELEASE, T0, T1 } from './world.js';

// ---------- calendars ----------

export interface SessionOpts {
  tz: number;
  perDay: number;
  profile: number[];
  weekend?: number;
  from?: number;
  to?: number;
  /** Probability that the user is active at all on a given day. */
  dayProb?: number;
  /** Extra multiplier per local day index 0..6 (Mon..Sun). */
  dayBoost?: number[];
}

export function pickHour(r: Rng, profile: number[]): number {
  return r.weighted(profile.map((w, h) => [h, w] as const));
}

/** Session start times (UTC ms), drawn from a local-time daily profile. */
export function sessionStarts(r: Rng, o: SessionOpts): number[] {
  const out: number[] = [];
  const from = o.from ?? T0;
  const to = o.to ?? T1;
  for (let d = -1; d <= 7; d++) {
    const dow = ((d % 7) + 7) % 7;
    if (r.next() > (o.dayProb ?? 1)) continue;
    const wk = dow >= 5 ? (o.weekend ?? 0.7) : 1;
    const boost = o.dayBoost?.[dow] ?? 1;
    const k = r.poisson(o.perDay * wk * boost);
    for (let i = 0; i < k; i++) {
      const h = pickHour(r, o.profile);
      const t = T0 + d * DAY + h * HOUR + r.next() * HOUR - o.tz * HOUR;
      if (t >= from && t < to) out.push(Math.round(t));
    }
  }
  return out.sort((a, b) => a - b);
}

/** A Poisson stream modulated by a local-time profile (thinning). */
export function machineStream(
  r: Rng,
  from: number,
  to: number,
  perHour: number,
  profile: number[],
  tz: number,
): number[] {
  const out: number[] = [];
  const maxW = Math.max(...profile);
  if (perHour <= 0) return out;
  let t = from;
  for (;;) {
    t += r.exp(HOUR / perHour);
    if (t >= to) break;
    const local = new Date(t + tz * HOUR).getUTCHours();
    if (r.next() * maxW <= (profile[local] ?? 0)) out.push(Math.round(t));
  }
  return out;
}

/** Seconds a person takes between reading a reply and sending the next message. */
export function thinkMs(r: Rng, medianSec: number, sigma = 0.8): number {
  return Math.round(r.lognormal(medianSec, sigma) * 1000);
}

// ---------- sign-up ----------

export function pickCountry(r: Rng): Country {
  return r.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
}

/** An account creation time `minDays`..`maxDays` before the window (log-uniform-ish). */
export function agedCreated(r: Rng, minDays: number, maxDays: number): number {
  const d = Math.exp(r.float(Math.log(Math.max(minDays, 0.05)), Math.log(maxDays)));
  return Math.round(T0 - d * DAY - r.next() * HOUR);
}

/** A creation time inside the window (new sign-ups). */
export function inWindowCreated(r: Rng, fromDay = 0, toDay = 6): number {
  return Math.round(T0 + r.float(fromDay, toDay) * DAY);
}

export function langOf(code: string): LangPack | null {
  return LANG_BY_CODE[code] ?? null;
}

export function randomLang(r: Rng): LangPack {
  return r.pick(LANGS);
}

// ---------- models ----------

/** Which model an ordinary user asks for at time ts. */
export function everydayModel(
  r: Rng,
  ts: number,
  bias: { mini: number; chat: number; reason: number; coder?: number },
): string {
  const m = r.weighted<string>([
    [MODELS.mini, bias.mini],
    [MODELS.chat, bias.chat],
    [MODELS.reason, bias.reason],
    [MODELS.coder, bias.coder ?? 0],
  ]);
  if (m === MODELS.reason && ts >= RELEASE && r.chance(Math.min(0.55, (ts - RELEASE) / (2 * DAY))))
    return MODELS.reasonNew;
  return m;
}

/** The reasoning model, moving to the new release with probability `shift` once it exists. */
export function reasonModel(r: Rng, ts: number, shift: number, lagMs = 0): string {
  return ts >= RELEASE + lagMs && r.chance(shift) ? MODELS.reasonNew : MODELS.reason;
}

// ---------- conversations ----------

export interface Exchange {
  user: string;
  assistant: string;
  reasoningTokens?: number;
}

export interface ConvOpts {
  actor: Actor;
  start: number;
  ip: string | (() => string);
  client: Client;
  model: string | ((ts: number) => string);
  system?: string | null;
  systemBlocks?: boolean;
  systemRole?: 'system' | 'developer';
  exchanges: Exchange[];
  params?: Params | ((ts: number) => Params);
  thinkSec?: number;
  endUser?: string;
  key?: string;
  /** Keep only the last N exchanges as history (apps trim context). */
  historyLimit?: number;
  blocks?: boolean;
  /** Chance that a request is answered with 429 (busy accounts). */
  rate429?: number;
}

/** Send a multi-turn conversation, one request per user message, history included. */
export function runConversation(ctx: Ctx, o: ConvOpts): number {
  const r = o.actor.rng;
  let ts = o.start;
  const history: Turn[] = [];
  for (const ex of o.exchanges) {
    const turns: Turn[] = [
      ...trimHistory(history, o.historyLimit),
      { role: 'user', text: ex.user },
    ];
    const spec: CallSpec = {
      ts,
      actor: o.actor,
      ip: typeof o.ip === 'function' ? o.ip() : o.ip,
      client: o.client,
      model: typeof o.model === 'function' ? o.model(ts) : o.model,
      system: o.system ?? null,
      turns,
    };
    if (o.systemBlocks) spec.systemBlocks = true;
    if (o.systemRole) spec.systemRole = o.systemRole;
    const params = typeof o.params === 'function' ? o.params(ts) : o.params;
    if (params) spec.params = params;
    if (o.endUser) spec.endUser = o.endUser;
    if (o.key) spec.key = o.key;
    if (o.blocks) spec.blocks = true;
    let res;
    if (o.rate429 && r.chance(o.rate429)) {
      res = ctx.call(spec, {
        text: '',
        error: {
          status: 429,
          type: 'rate_limit_error',
          message: 'Rate limit reached for requests per minute.',
        },
      });
      ts = res.end + r.float(1500, 20_000);
      res = ctx.call(
        { ...spec, ts },
        ex.reasoningTokens !== undefined
          ? { text: ex.assistant, reasoningTokens: ex.reasoningTokens }
          : { text: ex.assistant },
      );
    } else {
      res = ctx.call(
        spec,
        ex.reasoningTokens !== undefined
          ? { text: ex.assistant, reasoningTokens: ex.reasoningTokens }
          : { text: ex.assistant },
      );
    }
    history.push({ role: 'user', text: ex.user }, { role: 'assistant', text: ex.assistant });
    ts = res.end + thinkMs(r, o.thinkSec ?? 40);
  }
  return ts;
}

function trimHistory(h: Turn[], limit?: number): Turn[] {
  if (!limit || h.length <= limit * 2) return h;
  return h.slice(h.length - limit * 2);
}

export function dialogueExchanges(d: Dialogue, maxTurns: number): Exchange[] {
  return d.turns.slice(0, maxTurns).map((t) => ({ user: t.user, assistant: t.assistant }));
}

// ---------- everyday content ----------

export type Topic = 'chat' | 'code' | 'homework' | 'writing' | 'native' | 'persona' | 'reasoning';

/** A short conversation an ordinary user might have, drawn from the public prompt sets. */
export function everydayConversation(
  ctx: Ctx,
  r: Rng,
  lang: LangPack | null,
  mix: Partial<Record<Topic, number>>,
): { system: string | null; exchanges: Exchange[]; topic: Topic } {
  const c = ctx.corp;
  const topic = r.weighted<Topic>(
    (['chat', 'code', 'homework', 'writing', 'native', 'persona', 'reasoning'] as const).map(
      (t) => [t, mix[t] ?? 0] as const,
    ),
  );
  const follow = (): string =>
    r.pick([
      'thanks! can you make it shorter?',
      'Can you give an example?',
      'ok and what about the second point?',
      'That helps. One more question — how would this change if I had less time?',
      'Could you format that as a table?',
      'hmm, are you sure? I read something different.',
      'Great, now translate that into simpler language for a 12 year old.',
    ]);
  switch (topic) {
    case 'native': {
      if (lang) {
        const [q, a] = r.pick(lang.everyday);
        return { system: null, exchanges: [{ user: q, assistant: a }], topic };
      }
      const d = r.pick(c.oasst);
      return { system: null, exchanges: dialogueExchanges(d, r.int(1, 3)), topic: 'chat' };
    }
    case 'chat': {
      const src = r.weighted<string>([
        ['oasst', 3],
        ['hh', 3],
        ['lottery', 2],
        ['vicuna', 1],
        ['misc', 1],
      ]);
      if (src === 'oasst')
        return { system: null, exchanges: dialogueExchanges(r.pick(c.oasst), r.int(1, 3)), topic };
      if (src === 'hh')
        return {
          system: null,
          exchanges: dialogueExchanges(r.pick(c.hhHelpful), r.int(1, 3)),
          topic,
        };
      const p =
        src === 'lottery'
          ? r.pick(c.oasstPrompts)
          : src === 'vicuna'
            ? r.pick(c.vicuna)
            : r.pick(c.arenaMisc);
      const ex: Exchange[] = [
        { user: p, assistant: chatAnswer(p, r, r.pick(['short', 'medium', 'medium', 'long'])) },
      ];
      if (r.chance(0.3)) {
        const f = follow();
        ex.push({ user: f, assistant: chatAnswer(`${f} ${p}`, r, 'short') });
      }
      return {
        system: r.chance(0.15) ? 'You are a helpful assistant.' : null,
        exchanges: ex,
        topic,
      };
    }
    case 'code': {
      if (r.chance(0.55)) {
        const p = r.pick(c.arenaCode);
        const ex: Exchange[] = [{ user: p, assistant: chatAnswer(p, r, 'long') }];
        if (r.chance(0.35))
          ex.push({
            user: r.pick([
              'it throws an error on empty input',
              'can you add type hints?',
              'how would I test this?',
              'make it faster',
            ]),
            assistant: chatAnswer(`code fix ${p}`, r, 'medium'),
          });
        return { system: null, exchanges: ex, topic };
      }
      const item = r.chance(0.7) ? r.pick(c.mbpp) : r.pick(c.humaneval);
      const q =
        item.src === 'humaneval'
          ? `Complete this function:\n\n${item.prompt}`
          : r.pick([
              item.prompt,
              `${item.prompt} in python`,
              `how do I ${item.prompt.replace(/^Write a (python )?function to /i, '')}`,
            ]);
      return {
        system: null,
        exchanges: [
          { user: q, assistant: codeAnswer(item, r, r.pick(['brief', 'steps'] as const), null) },
        ],
        topic,
      };
    }
    case 'homework': {
      const kind = r.weighted<string>([
        ['gsm', 5],
        ['cot', 3],
        ['math', 2],
      ]);
      const stepPhrase = r.pick([
        '',
        '',
        ' explain step by step',
        ' Show your work please.',
        ' can you explain how to get the answer?',
        ' I got a different answer, what am I doing wrong?',
      ]);
      if (kind === 'gsm') {
        const it = r.chance(0.7) ? r.pick(c.gsm8kTrain) : r.pick(c.gsm8kTest);
        const q = lang
          ? r.pick(lang.help).replace('{q}', it.question)
          : `${it.question}${stepPhrase}`;
        return {
          system: null,
          exchanges: [
            { user: q, assistant: mathAnswer(it, r, stepPhrase ? 'steps' : 'brief', lang) },
          ],
          topic,
        };
      }
      if (kind === 'cot') {
        const it = r.pick(c.cot);
        const q = lang
          ? r.pick(lang.help).replace('{q}', it.question)
          : `${it.question}${stepPhrase}`;
        return {
          system: null,
          exchanges: [
            { user: q, assistant: cotAnswer(it, r, stepPhrase ? 'steps' : 'brief', lang) },
          ],
          topic,
        };
      }
      const it = r.pick(c.mathTest);
      const q = lang
        ? r.pick(lang.help).replace('{q}', it.question)
        : `${it.question}${stepPhrase}`;
      return {
        system: null,
        exchanges: [{ user: q, assistant: mathAnswer(it, r, 'steps', lang) }],
        topic,
      };
    }
    case 'writing': {
      const mt = r.chance(0.4) ? r.pick(c.mtbench) : null;
      if (mt && mt.turns.length >= 2 && mt.turns[0] && mt.turns[1]) {
        return {
          system: null,
          exchanges: [
            { user: mt.turns[0], assistant: chatAnswer(mt.turns[0], r, 'long') },
            { user: mt.turns[1], assistant: chatAnswer(mt.turns[1], r, 'medium') },
          ],
          topic,
        };
      }
      const p = r.chance(0.5) ? r.pick(c.ultra) : r.pick(c.arenaCreative);
      return { system: null, exchanges: [{ user: p, assistant: chatAnswer(p, r, 'long') }], topic };
    }
    case 'persona': {
      const asSystem = r.chance(0.5);
      const per = asSystem ? r.pick(c.roles) : r.pick(c.personas);
      const first = r.pick(c.oasstPrompts);
      if (asSystem)
        return {
          system: per.prompt,
          exchanges: [{ user: first, assistant: chatAnswer(first, r, 'medium') }],
          topic,
        };
      return {
        system: null,
        exchanges: [
          { user: per.prompt, assistant: personaAck(per.act, r) },
          { user: first, assistant: chatAnswer(first, r, 'medium') },
        ],
        topic,
      };
    }
    case 'reasoning': {
      const p = r.chance(0.5) ? r.pick(c.arenaMath) : r.pick(c.compMath).question;
      const it = c.compMath.find((m) => m.question === p);
      const a = it ? mathAnswer(it, r, 'steps', null) : chatAnswer(p, r, 'long');
      return {
        system: null,
        exchanges: [{ user: p, assistant: a, reasoningTokens: Math.round(r.lognormal(2500, 0.6)) }],
        topic,
      };
    }
  }
}

/** Ordinary request parameters: most people leave most of them unset. */
export function casualParams(r: Rng, api: 'openai' | 'anthropic'): Params {
  const p: Params = {};
  if (r.chance(0.45)) p.temperature = r.pick([0, 0.2, 0.5, 0.7, 0.7, 1, 1]);
  if (api === 'anthropic' || r.chance(0.35))
    p.max_tokens = r.pick([256, 512, 1000, 1024, 2048, 4096, 4096, 8192]);
  if (r.chance(0.4)) p.stream = true;
  if (api === 'openai' && p.max_tokens && r.chance(0.3)) p.maxField = 'max_completion_tokens';
  return p;
}

export const minutes = (n: number): number => n * MIN;
export { PROFILES };
