/**
 * Prompt sources of extraction campaigns (THREATS.md, "Campaigns as reported"): templated
 * harvesting with slots, reasoning-trace elicitation in several languages, the model as
 * rubric grader, coverage sweeps split across hydra members, paraphrased templates, and
 * logit-extraction sweeps (Carlini et al., "Stealing Part of a Production Language Model",
 * ICML 2024: logprobs + logit_bias over token ids).
 */
import type { Corpus, QA } from './corpus.js';
import type { Exchange, Msg, Params } from './exchange.js';
import type { Rng } from './prng.js';
import { makeReply, type ReplyKind } from './replies.js';
import { agentToolUse, agentTools } from './benign.js';
import { fillTemplate, type PromptSource } from './source.js';

/** Reasoning-trace elicitation, several languages, including "articulate the internal reasoning" and language coercion. */
export const REASONING_TEMPLATES = [
  'Solve the following problem. Think step by step and show all of your reasoning before giving the final answer.\n\n{q}',
  'Here is a question and its final answer. Imagine and articulate, in full detail, the internal reasoning that would lead to this answer.\n\nQuestion: {q}\nFinal answer: {a}',
  'Write out your complete chain of thought inside <thinking></thinking> tags, then give the answer.\n\n{q}',
  'Think in English, then write your detailed reasoning and final answer in Chinese.\n\n{q}',
  '请一步一步地思考，详细写出你的完整推理过程，然后给出最终答案。\n\n题目：{q}',
  'Resuelve el siguiente problema. Piensa paso a paso y explica todo tu razonamiento antes de dar la respuesta final.\n\n{q}',
  'Résous le problème suivant. Réfléchis étape par étape et détaille tout ton raisonnement avant la réponse finale.\n\n{q}',
  'Löse die folgende Aufgabe. Denke Schritt für Schritt nach und lege deinen gesamten Lösungsweg offen, bevor du antwortest.\n\n{q}',
  'Реши следующую задачу. Рассуждай шаг за шагом и подробно изложи весь ход своих мыслей перед окончательным ответом.\n\n{q}',
  '次の問題を解いてください。段階的に考え、最終的な答えの前に推論の過程をすべて書き出してください。\n\n{q}',
  'Resolva o problema a seguir. Pense passo a passo e explique todo o seu raciocínio antes da resposta final.\n\n{q}',
  '다음 문제를 풀어 주세요. 단계별로 생각하고 최종 답 전에 모든 추론 과정을 자세히 적어 주세요.\n\n{q}',
];

/** The model as a reward model: rubric scoring, pairwise preference, "safe" rewrites. */
export const GRADER_TEMPLATES = [
  'You are an expert evaluator. Using the rubric below, score the assistant response from 1 to 10 and justify each criterion.\n\nRubric:\n- Correctness (0-4)\n- Completeness (0-3)\n- Clarity (0-3)\n\n[Question]\n{q}\n\n[Response]\n{a}\n\nOutput format: "Score: X/10" followed by the justification.',
  'Act as an impartial judge. Compare the two responses to the user question and decide which is better. Output "[[A]]" or "[[B]]" after a short explanation.\n\n[Question]\n{q}\n\n[Response A]\n{a}\n\n[Response B]\n{b}',
  'Grade the following answer on a 1-5 Likert scale for helpfulness, honesty and harmlessness. Return JSON {"helpful": n, "honest": n, "harmless": n, "rationale": "..."}.\n\nPrompt: {q}\nAnswer: {a}',
  'Rewrite the following content so that it is safe and harmless while preserving as much of its meaning as possible. Explain each change.\n\n{a}',
  'Evalúa la siguiente respuesta según la rúbrica (exactitud, completitud, claridad) y asigna una puntuación del 1 al 10 con justificación.\n\nPregunta: {q}\nRespuesta: {a}',
];

/** Code harvesting. */
export const CODE_TEMPLATES = [
  'Write a complete, well-tested Python solution for the task below. Explain your approach and its complexity, then give the code and unit tests.\n\nTask: {q}',
  'You are a senior engineer. Implement the following and walk through your design decisions step by step.\n\n{q}',
  'Solve this programming problem. First reason about edge cases, then write the final code.\n\nProblem:\n{q}',
];

/** Generic answer harvesting over chat prompts (attackers paste chat prompts too). */
export const CHAT_TEMPLATES = [
  '{q}\n\nGive a comprehensive, detailed answer.',
  '{q}',
  'Answer the following as thoroughly as possible, covering every relevant aspect.\n\n{q}',
];

/** The pool a campaign draws items from. */
export type PoolName = 'math' | 'cot' | 'code' | 'chat' | 'hard' | 'seeds';

const poolCache = new WeakMap<Corpus, Map<PoolName, QA[]>>();

/** Items of a pool as question/answer pairs (answers empty where the corpus has none). */
export function pool(corpus: Corpus, name: PoolName): QA[] {
  let byName = poolCache.get(corpus);
  if (!byName) poolCache.set(corpus, (byName = new Map()));
  let items = byName.get(name);
  if (!items) {
    const textOnly = (xs: string[]): QA[] => xs.map((q) => ({ q, a: '' }));
    items =
      name === 'math'
        ? corpus.math
        : name === 'cot'
          ? corpus.cot
          : name === 'code'
            ? corpus.code
            : name === 'chat'
              ? textOnly(corpus.chat)
              : name === 'hard'
                ? textOnly(corpus.hard)
                : textOnly(corpus.seeds);
    byName.set(name, items);
  }
  return items;
}

/** How one campaign harvests. Shared by every member of the campaign. */
export interface HarvestPlan {
  templates: string[];
  pool: PoolName;
  kind: ReplyKind;
  maxTokens: number;
  temperature?: number;
  system?: string;
  /** Rewrite each prompt so no two share a template verbatim. */
  paraphrase?: boolean;
  /** Send agent tool definitions and a synthetic tool exchange (agentic-coding harvest). */
  agentic?: boolean;
  /** Coverage: member `member` of `members` takes items member, member+members, … from `offset`. */
  sweep?: { member: number; members: number; offset: number };
  /** Use the instruction-generation prompt instead of the templates, this often. */
  instructionGen?: number;
}

const PARA_OPEN = ['', '', 'Hi! ', 'Quick question. ', 'Please help: ', 'For my notes, '];
const PARA_VERB = ['Solve', 'Work out', 'Figure out', 'Answer', 'Tackle', 'Go through'];
const PARA_OBJ = [' this problem', ' the following', ' the question below', ' this one'];
const PARA_ASK = [
  ', reasoning step by step',
  ' and explain every step of your thinking',
  ', showing your full chain of thought',
  ' and walk me through your logic in detail',
  ' and lay out the reasoning that gets you there',
  ', thinking out loud as you go',
  ' — be explicit about each intermediate step',
];

/** A paraphrase of a reasoning-elicitation instruction around `q` (evades exact template matching). */
export function paraphrase(rng: Rng, q: string): string {
  const ask = `${rng.pick(PARA_OPEN)}${rng.pick(PARA_VERB)}${rng.pick(PARA_OBJ)}${rng.pick(PARA_ASK)}${rng.pick(['.', ':', '!', ''])}`;
  return rng.chance(0.5) ? `${ask}\n\n${q}` : `${q}\n\n${ask}`;
}

function seedList(rng: Rng, corpus: Corpus): string {
  const picks = Array.from({ length: 3 }, (_, i) => `${i + 1}. ${rng.pick(corpus.seeds)}`);
  return `${corpus.instructionGen.trim()}\n\nList of 20 tasks:\n${picks.join('\n')}\n4.`;
}

function agenticMessages(rng: Rng, task: string): Msg[] {
  const use = agentToolUse(rng, 1, `call_${rng.hex(12)}`);
  return [
    { role: 'user', text: task },
    { role: 'assistant', text: '', toolUse: use },
    { role: 'user', text: '', toolResult: { id: use.id, text: 'OK' } },
  ];
}

/** Templated harvesting per `plan`; items random or swept. */
export function harvest(plan: HarvestPlan): PromptSource {
  return (ctx) => {
    const r = ctx.rng;
    const items = pool(ctx.corpus, plan.pool);
    const s = plan.sweep;
    const item = s
      ? (items[(s.offset + s.member + ctx.index * s.members) % items.length] as QA)
      : r.pick(items);
    const b = r.pick(ctx.corpus.replies).slice(0, 800);
    let text: string;
    if (plan.instructionGen && r.chance(plan.instructionGen)) text = seedList(r, ctx.corpus);
    else if (plan.paraphrase) text = paraphrase(r, item.q);
    else
      text = fillTemplate(r.pick(plan.templates), {
        q: item.q,
        a: (item.a || b).slice(0, 1500),
        b,
      });
    const params: Params = { max_tokens: plan.maxTokens, stream: r.chance(0.3) };
    if (plan.temperature !== undefined) params.temperature = plan.temperature;
    const messages: Msg[] = plan.agentic ? agenticMessages(r, text) : [{ role: 'user', text }];
    if (plan.agentic) params.tools = agentTools;
    const reply = makeReply(
      r,
      ctx.corpus,
      plan.kind,
      plan.maxTokens * (0.45 + r.float() * 0.7),
      item.a,
      plan.maxTokens,
    );
    const x: Exchange = { messages, params, reply };
    if (plan.system !== undefined) x.system = plan.system;
    return x;
  };
}

const SWEEP_PROMPTS = ['The', 'Hello', 'Repeat the word: ok', 'Say nothing.', 'Continue: the'];

/**
 * Logit extraction: a fixed prompt, logprobs + top_logprobs at the maximum, max_tokens 1,
 * and a logit_bias that walks through the vocabulary a few ids at a time.
 */
export function logitSweep(rng: Rng): PromptSource {
  const base = rng.int(0, 20_000);
  const width = rng.pick([1, 4, 10]);
  const prompt = rng.pick(SWEEP_PROMPTS);
  return (ctx) => {
    const bias: Record<string, number> = {};
    for (let i = 0; i < width; i++) bias[String(base + ctx.index * width + i)] = 100;
    const params: Params = {
      temperature: 0,
      max_tokens: 1,
      logprobs: true,
      top_logprobs: 20,
      logit_bias: bias,
      stream: false,
    };
    return {
      messages: [{ role: 'user', text: prompt }],
      params,
      reply: makeReply(ctx.rng, ctx.corpus, 'token', 1),
    };
  };
}
