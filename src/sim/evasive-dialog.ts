/**
 * More evasive campaign sources: multi-turn "why?" harvesting, a real application that
 * mixes a minority of harvest requests into its own traffic, reward labelling in varied
 * wording, and logit extraction through `logit_bias` alone.
 */
import type { Msg, Params, Reply } from './exchange.js';
import type { Rng } from './prng.js';
import { makeReply } from './replies.js';
import {
  GRADING_ASK,
  PAIRWISE_ASK,
  PLAIN_ASK,
  REASONING_ASK,
  WHY_FOLLOW_UP,
  WordingWalk,
} from './reword.js';
import type { PromptSource } from './source.js';
import type { Corpus } from './corpus.js';
import { longSystemPrompt, productName } from './sysprompt.js';

/**
 * Multi-turn harvesting: an opening question, then two to six follow-ups that ask "why"
 * without depending on what was answered; the opening is served a derivation, the follow-ups
 * mostly explanations in prose (what a "why?" gets).
 */
export function whyChain(rng: Rng): PromptSource {
  const why = new WordingWalk(rng, WHY_FOLLOW_UP);
  const maxTokens = rng.pick([2048, 4096]);
  const stream = rng.chance(0.6);
  let history: Msg[] = [];
  let left = 0;
  return (ctx) => {
    const r = ctx.rng;
    let text: string;
    let ref = '';
    if (left <= 0) {
      const item = r.pick(r.chance(0.5) ? ctx.corpus.math : ctx.corpus.cot);
      history = [];
      text = item.q;
      ref = item.a;
      left = r.int(2, 6);
    } else {
      text = why.next();
      left--;
    }
    const messages: Msg[] = [...history, { role: 'user', text }];
    // The opening question is served a derivation; a "why?" mostly an explanation in prose.
    const reply =
      ref || r.chance(0.3)
        ? makeReply(r, ctx.corpus, 'reasoning', r.lognormal(700, 0.4), ref, maxTokens)
        : makeReply(r, ctx.corpus, 'chat', r.lognormal(450, 0.4), '', maxTokens);
    history = [...messages, { role: 'assistant', text: reply.text.slice(0, 1500) }];
    return { messages, params: { max_tokens: maxTokens, stream, temperature: 0.7 }, reply };
  };
}

/**
 * A real application (its own long system prompt, its end users in `user`) that sends
 * `share` (about 15%) harvest requests from the same account: reworded reasoning asks from a
 * few internal user ids, with or without the app's system prompt.
 */
export function mixedApp(rng: Rng, corpus: Corpus, share: number): PromptSource {
  const system = longSystemPrompt(rng, corpus, {
    product: productName(rng),
    chars: rng.int(1500, 3500),
  });
  const users = Array.from({ length: rng.int(150, 800) }, () => `u_${rng.hex(8)}`);
  const insiders = Array.from({ length: rng.int(1, 3) }, () => `u_${rng.hex(8)}`);
  const inApp = rng.chance(0.5);
  const walk = new WordingWalk(rng, rng.chance(0.5) ? PLAIN_ASK : REASONING_ASK);
  const stream = rng.chance(0.6);
  return (ctx) => {
    const r = ctx.rng;
    if (r.chance(share)) {
      const item = r.pick(r.chance(0.5) ? ctx.corpus.math : ctx.corpus.cot);
      const reply = makeReply(r, ctx.corpus, 'reasoning', r.lognormal(1500, 0.4), item.a, 8192);
      const params: Params = { max_tokens: 8192, stream, user: r.pick(insiders) };
      const messages: Msg[] = [{ role: 'user', text: walk.next({ q: item.q }) }];
      return inApp ? { system, messages, params, reply } : { messages, params, reply };
    }
    const messages: Msg[] = [];
    if (r.chance(0.3))
      messages.push(
        { role: 'user', text: r.pick(ctx.corpus.chat) },
        { role: 'assistant', text: r.pick(ctx.corpus.replies).slice(0, 800) },
      );
    messages.push({ role: 'user', text: r.pick(ctx.corpus.chat) });
    const reply = makeReply(r, ctx.corpus, 'chat', r.lognormal(220, 0.5), '', 1024);
    return {
      system,
      messages,
      params: { max_tokens: 1024, stream, temperature: 0.3, user: r.pick(users) },
      reply,
    };
  };
}

/** Reward labelling: single scores and pairwise preferences, every ask worded differently; short grades served. */
export function graderReworded(rng: Rng): PromptSource {
  const grade = new WordingWalk(rng, GRADING_ASK);
  const pair = new WordingWalk(rng, PAIRWISE_ASK);
  const pairShare = rng.float() * 0.5;
  const maxTokens = rng.pick([16, 32, 128, 256]);
  return (ctx) => {
    const r = ctx.rng;
    const q = r.chance(0.6) ? r.pick(ctx.corpus.chat) : r.pick(ctx.corpus.hard);
    const a = r.pick(ctx.corpus.replies).slice(0, 1500);
    const text = r.chance(pairShare)
      ? pair.next({ q, a, b: r.pick(ctx.corpus.replies).slice(0, 1500) })
      : grade.next({ q, a });
    const reply = makeReply(r, ctx.corpus, 'score', 1, '', maxTokens);
    return {
      messages: [{ role: 'user', text }],
      params: { temperature: 0, max_tokens: maxTokens, stream: false },
      reply,
    };
  };
}

const BIAS_PROMPTS = [
  'The',
  'Once upon a time',
  'Write one word.',
  'Continue:',
  'Say anything.',
  '1, 2, 3,',
];
const SYLLABLES = [
  'ing',
  'er',
  'an',
  'st',
  'tion',
  'qu',
  'ol',
  'ex',
  'ra',
  'ment',
  'ph',
  'ze',
  'ic',
  'ous',
  'al',
];

/** A token's text, stable per id (the simulator has no vocabulary; this reads like one). */
export function tokenText(id: number): string {
  const a = SYLLABLES[id % SYLLABLES.length] as string;
  const b = SYLLABLES[Math.floor(id / SYLLABLES.length) % SYLLABLES.length] as string;
  return `${id % 3 === 0 ? ' ' : ''}${a}${id % 5 === 0 ? b : ''}`;
}

/**
 * Logit extraction without logprobs: a fixed prompt, max_tokens 1, and a logit_bias on one
 * token id at a time, bisecting the bias that makes it the argmax, then the next id
 * (Carlini et al., ICML 2024, §"logit-bias only" attack; Morris et al. 2023). The set of
 * distinct biased ids grows for as long as it runs.
 */
export function logitBiasOnly(rng: Rng): PromptSource {
  const prompt = rng.pick(BIAS_PROMPTS);
  const stride = rng.pick([1, 1, 7, 13]);
  const top = rng.int(100, 5000);
  let token = rng.int(100, 90_000);
  let probes = 0;
  let lo = 0;
  let hi = 100;
  return (ctx) => {
    const r = ctx.rng;
    if (probes <= 0) {
      token += stride;
      probes = r.int(5, 9);
      lo = 0;
      hi = 100;
    }
    probes--;
    const bias = Math.round((lo + hi) / 2);
    const flipped = r.chance(0.5);
    if (flipped) hi = bias;
    else lo = bias;
    const reply: Reply = {
      text: tokenText(flipped ? token : top),
      tokens: 1,
      finish: 'length',
      effort: 0.02,
    };
    const params: Params = {
      temperature: 0,
      max_tokens: 1,
      logit_bias: { [String(token)]: bias },
      stream: false,
    };
    return { messages: [{ role: 'user', text: prompt }], params, reply };
  };
}
