/**
 * What people ask about, and what the model answers: prompt items drawn by kind from the
 * corpus, and the output each kind of answer gets (its text and its true length).
 */
import type { Corpus, Item } from './corpus.js';
import type { Lang } from './lexicon.js';
import {
  codeAnswer,
  derivation,
  fit,
  moreCode,
  moreProse,
  moreSteps,
  prose,
  refusal,
  shortAnswer,
} from './reply.js';
import type { Rng } from './rng.js';
import type { Output } from './wire.js';

export type Kind =
  | 'gsm'
  | 'math'
  | 'olympiad'
  | 'mc'
  | 'yesno'
  | 'code'
  | 'humaneval'
  | 'hard'
  | 'chat'
  | 'harmful'
  | 'role'
  | 'instruction';

/** One item of a kind. */
export function itemOf(c: Corpus, kind: Kind, rng: Rng): Item {
  const pool: Record<Kind, Item[]> = {
    gsm: c.gsm,
    math: c.math,
    olympiad: c.olympiad,
    mc: c.mc,
    yesno: c.yesno,
    code: c.code,
    humaneval: c.humaneval,
    hard: reasoningHard(c),
    chat: c.chat,
    harmful: c.harmful,
    role: c.roles,
    instruction: c.instructions,
  };
  return rng.pick(pool[kind]);
}

/** The usual mix of what a reasoning harvest (or a tutoring app) asks about. */
export const REASONING_MIX: readonly (readonly [Kind, number])[] = [
  ['gsm', 26],
  ['math', 22],
  ['olympiad', 10],
  ['mc', 12],
  ['yesno', 8],
  ['code', 12],
  ['hard', 10],
];

const isCode = (k: Kind) => k === 'code' || k === 'humaneval';
const CODE_ASK =
  /\b(code|function|program|script|implement|class|python|javascript|sql|rust|c\+\+|java)\b/i;

/** Median visible tokens of a worked answer, by kind. */
const WORKED: Record<Kind, number> = {
  gsm: 380,
  math: 720,
  olympiad: 1400,
  mc: 300,
  yesno: 260,
  code: 620,
  humaneval: 480,
  hard: 1100,
  chat: 500,
  harmful: 200,
  role: 500,
  instruction: 350,
};

/** The output of a request that asked for a worked solution: a derivation, or code with its plan. */
export function worked(item: Item, kind: Kind, lang: Lang, rng: Rng, lengthScale = 1): Output {
  const target = rng.lognormal(WORKED[kind] * lengthScale, 0.45);
  if (isCode(kind) || (kind === 'hard' && CODE_ASK.test(item.q)))
    return fit(codeAnswer(item.q, rng, item.code), target, moreCode(rng));
  return fit(derivation(item, lang, rng), target, moreSteps(item, rng));
}

/** The output of an ordinary request about an item. */
export function plain(item: Item, kind: Kind, rng: Rng): Output {
  switch (kind) {
    case 'harmful':
      return rng.chance(0.55)
        ? fit(refusal(rng), 0)
        : fit(prose(item.q, rng, item.reply), rng.lognormal(180, 0.5), moreProse(item.q, rng));
    case 'code':
    case 'humaneval':
      return fit(codeAnswer(item.q, rng, item.code), rng.lognormal(350, 0.5), moreCode(rng));
    case 'gsm':
    case 'math':
    case 'olympiad':
      return fit(
        derivation(item, 'en', rng),
        rng.lognormal(kind === 'gsm' ? 220 : 500, 0.5),
        moreSteps(item, rng),
      );
    case 'mc':
    case 'yesno':
      return fit(shortAnswer(item, rng), 0);
    case 'hard':
      return CODE_ASK.test(item.q)
        ? fit(codeAnswer(item.q, rng), rng.lognormal(700, 0.5), moreCode(rng))
        : fit(prose(item.q, rng), rng.lognormal(650, 0.5), moreProse(item.q, rng));
    default:
      return fit(
        prose(item.q, rng, item.reply),
        rng.lognormal(kind === 'chat' ? 280 : 380, 0.6),
        item.reply ? undefined : moreProse(item.q, rng),
      );
  }
}

/** Text of an item as a prompt (multiple-choice items keep their options). */
export function promptText(item: Item, kind: Kind): string {
  if (kind === 'instruction' && item.input) return `${item.q}\n\n${item.input}`;
  return item.q;
}

const hardCache = new WeakMap<Corpus, Item[]>();
const REASONING_HARD =
  /\b(prove|calculate|compute|solve|algorithm|probability|equation|optimi[sz]e|complexity|derive|function|code|implement|program|sql|python|integral|matrix|expected value|how many)\b/i;

/** Hard prompts that ask for reasoning or code (not poems or essays): what a reasoning harvest (and a tester) sends. */
function reasoningHard(c: Corpus): Item[] {
  let h = hardCache.get(c);
  if (!h) {
    h = c.hard.filter((i) => REASONING_HARD.test(i.q));
    if (h.length < 20) h = c.hard;
    hardCache.set(c, h);
  }
  return h;
}
