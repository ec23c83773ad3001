/**
 * Prompt sources of campaigns written by someone who has read the detector (THREATS.md,
 * "How a lab that has read Moat's code would evade it"): every request reworded, no
 * trigger words, the instruction moved into a long system prompt, prompts padded so the
 * output/input ratio looks ordinary, asks in languages a word list misses, and a
 * capability taxonomy swept across accounts. What they are served is still a derivation.
 */
import type { Corpus, QA } from './corpus.js';
import { derivation } from './derivation.js';
import { estimateTokens, type Msg, type Params } from './exchange.js';
import { LANGUAGES } from './languages.js';
import type { Rng } from './prng.js';
import { EFFORT, makeReply, served } from './replies.js';
import { PLAIN_ASK, REASONING_ASK, WordingWalk } from './reword.js';
import { drawHabits, paramsFrom, type PromptSource } from './source.js';
import { longSystemPrompt, productName } from './sysprompt.js';
import { TAXONOMY_SIZE, cell } from './taxonomy.js';

/** A member's share of a sweep: items member, member + members, … from offset. */
export interface Sweep {
  member: number;
  members: number;
  offset: number;
}

/** Item `index` of a member's slice (a random item without a sweep). */
export function sweptItem<T>(
  rng: Rng,
  items: readonly T[],
  s: Sweep | undefined,
  index: number,
): T {
  if (!s) return rng.pick(items);
  return items[(s.offset + s.member + index * s.members) % items.length] as T;
}

/** Reasoning pools a harvest draws from. */
export type ReasoningPool = 'math' | 'cot';

const poolOf = (corpus: Corpus, p: ReasoningPool): QA[] =>
  p === 'math' ? corpus.math : corpus.cot;

/**
 * Low-and-slow hydra member: plain asks with no reasoning words, each worded differently,
 * over its slice of the item space, with the habits of an ordinary client.
 */
export function plainSweep(rng: Rng, sweep: Sweep, pool: ReasoningPool): PromptSource {
  const walk = new WordingWalk(rng, PLAIN_ASK);
  const habits = drawHabits(rng);
  return (ctx) => {
    const item = sweptItem(ctx.rng, poolOf(ctx.corpus, pool), sweep, ctx.index);
    const params = paramsFrom(habits);
    const tokens = ctx.rng.lognormal(650, 0.5);
    const kind = pool === 'math' ? 'math' : 'reasoning';
    const reply = makeReply(ctx.rng, ctx.corpus, kind, tokens, item.a, params.max_tokens);
    return { messages: [{ role: 'user', text: walk.next({ q: item.q }) }], params, reply };
  };
}

/**
 * Cover traffic: a share of a member's requests are ordinary chat through the same harness
 * (THREATS.md: hydra traffic "mixed with ordinary customer traffic"), so no member is all
 * harvest.
 */
export function withCover(src: PromptSource, share: number): PromptSource {
  return (ctx) => {
    const x = src(ctx);
    if (!ctx.rng.chance(share)) return x;
    const tokens = ctx.rng.lognormal(180, 0.5);
    return {
      messages: [{ role: 'user', text: ctx.rng.pick(ctx.corpus.chat) }],
      params: x.params,
      reply: makeReply(ctx.rng, ctx.corpus, 'chat', tokens, '', x.params.max_tokens),
    };
  };
}

/**
 * Proxy-hydra member: bare questions (no frame to share, no ask to match) over its slice of
 * worked problems, rationale questions and coding tasks, the capabilities reported campaigns
 * concentrate on (THREATS.md: reasoning, agentic coding). The answers are derivations,
 * rationales with a final answer line, and code: not all are derivations.
 */
export function mixedSweep(rng: Rng, sweep: Sweep): PromptSource {
  const habits = drawHabits(rng);
  const mix = [0.3 + rng.float() * 0.3, 0.2 + rng.float() * 0.2];
  return (ctx) => {
    const r = ctx.rng;
    const params = paramsFrom(habits);
    const u = r.float();
    const tokens = r.lognormal(600, 0.5);
    // Worked problems, rationale questions (shorter answers), or coding tasks.
    const [pool, kind, scale] =
      u < mix[0]!
        ? ([ctx.corpus.math, 'math', 1] as const)
        : u < mix[0]! + mix[1]!
          ? ([ctx.corpus.cot, 'rationale', 0.6] as const)
          : ([ctx.corpus.code, 'code', 1] as const);
    const item = sweptItem(r, pool, sweep, ctx.index);
    const reply = makeReply(r, ctx.corpus, kind, tokens * scale, item.a, params.max_tokens);
    return { messages: [{ role: 'user', text: item.q }], params, reply };
  };
}

/** Reasoning hydra member: reasoning asks, every one reworded, over its slice. */
export function rewordedSweep(
  rng: Rng,
  sweep: Sweep,
  pool: ReasoningPool,
  maxTokens: number,
): PromptSource {
  const walk = new WordingWalk(rng, REASONING_ASK);
  const stream = rng.chance(0.4);
  return (ctx) => {
    const item = sweptItem(ctx.rng, poolOf(ctx.corpus, pool), sweep, ctx.index);
    const params: Params = { max_tokens: maxTokens, stream };
    const tokens = maxTokens * (0.3 + ctx.rng.float() * 0.6);
    const reply = makeReply(ctx.rng, ctx.corpus, 'reasoning', tokens, item.a, maxTokens);
    return { messages: [{ role: 'user', text: walk.next({ q: item.q }) }], params, reply };
  };
}

/** A campaign's long system prompt (2–6k characters) with the harvesting sentence buried in it. */
export function buriedSystemPrompt(rng: Rng, corpus: Corpus, instruction: string): string {
  return longSystemPrompt(rng, corpus, {
    product: productName(rng),
    chars: rng.int(2000, 6000),
    insert: instruction,
  });
}

/** Buried chain-of-thought: plain user questions under a long system prompt that asks for derivations. */
export function buriedCot(rng: Rng, system: string): PromptSource {
  const walk = new WordingWalk(rng, PLAIN_ASK);
  const stream = rng.chance(0.7);
  const maxTokens = rng.pick([4096, 8192]);
  return (ctx) => {
    const r = ctx.rng;
    const item = r.pick(r.chance(0.5) ? ctx.corpus.math : ctx.corpus.cot);
    const text = r.chance(0.6) ? item.q : walk.next({ q: item.q });
    const reply = makeReply(r, ctx.corpus, 'reasoning', r.lognormal(1400, 0.5), item.a, maxTokens);
    return {
      system,
      messages: [{ role: 'user', text }],
      params: { max_tokens: maxTokens, stream, temperature: 0.6 },
      reply,
    };
  };
}

type Padding = 'context' | 'history' | 'system';

function pad(
  rng: Rng,
  corpus: Corpus,
  how: Padding,
): { system?: string; before: Msg[]; context: string } {
  if (how === 'system')
    return {
      system: longSystemPrompt(rng, corpus, {
        product: productName(rng),
        chars: rng.int(4000, 8000),
      }),
      before: [],
      context: '',
    };
  if (how === 'history') {
    const before: Msg[] = [];
    for (let i = rng.int(2, 5); i > 0; i--)
      before.push(
        { role: 'user', text: rng.pick(corpus.chat) },
        { role: 'assistant', text: rng.pick(corpus.replies).slice(0, 2500) },
      );
    return { before, context: '' };
  }
  const docs = Array.from({ length: rng.int(2, 5) }, () => rng.pick(corpus.docs).slice(0, 3000));
  return {
    before: [],
    context: `Background material (for reference only):\n\n${docs.join('\n\n---\n\n')}\n\n`,
  };
}

/**
 * Padded harvest: reworded reasoning asks behind background documents, an invented prior
 * conversation or a long system prompt, so the output/input ratio looks like chat.
 */
export function padded(rng: Rng): PromptSource {
  const how = rng.pick<Padding>(['context', 'history', 'system']);
  const walk = new WordingWalk(rng, rng.chance(0.5) ? PLAIN_ASK : REASONING_ASK);
  const maxTokens = rng.pick([4096, 8192]);
  return (ctx) => {
    const r = ctx.rng;
    const item = r.pick(r.chance(0.5) ? ctx.corpus.math : ctx.corpus.cot);
    const p = pad(r, ctx.corpus, how);
    const messages: Msg[] = [
      ...p.before,
      { role: 'user', text: p.context + walk.next({ q: item.q }) },
    ];
    let input = estimateTokens(p.system ?? '');
    for (const m of messages) input += estimateTokens(m.text);
    const reply = makeReply(
      r,
      ctx.corpus,
      'reasoning',
      input * r.lognormal(1, 0.3),
      item.a,
      maxTokens,
    );
    const x = { messages, params: { max_tokens: maxTokens, stream: r.chance(0.5) }, reply };
    return p.system === undefined ? x : { ...x, system: p.system };
  };
}

/** Step-by-step asks in one to four languages per account, served derivations in that language's words. */
export function polyglot(rng: Rng): PromptSource {
  const langs = rng.shuffle([...LANGUAGES]).slice(0, rng.int(1, 4));
  const maxTokens = rng.pick([4096, 8192]);
  return (ctx) => {
    const r = ctx.rng;
    const lang = r.pick(langs);
    const item = r.pick(r.chance(0.6) ? ctx.corpus.math : ctx.corpus.cot);
    const ask = r.pick(lang.asks);
    const text = r.chance(0.7) ? `${ask}\n\n${item.q}` : `${item.q}\n\n${ask}`;
    const chars = Math.round(r.lognormal(1000, 0.5)) * 4;
    const reply = served(
      derivation(r, ctx.corpus, item.a, chars, lang.words),
      EFFORT.reasoning,
      maxTokens,
    );
    return {
      messages: [{ role: 'user', text }],
      params: { max_tokens: maxTokens, stream: r.chance(0.3) },
      reply,
    };
  };
}

/** Capability-taxonomy sweep: the member's cells of domain × task × level, in order. */
export function taxonomySweep(rng: Rng, sweep: Sweep): PromptSource {
  const maxTokens = rng.pick([4096, 8192]);
  const temperature = rng.pick([0, 0.7, 1]);
  return (ctx) => {
    const c = cell((sweep.offset % TAXONOMY_SIZE) + sweep.member + ctx.index * sweep.members);
    const r = ctx.rng;
    const reply = makeReply(r, ctx.corpus, c.kind, r.lognormal(1500, 0.4), '', maxTokens);
    return {
      messages: [{ role: 'user', text: c.prompt }],
      params: { max_tokens: maxTokens, temperature, stream: false },
      reply,
    };
  };
}
