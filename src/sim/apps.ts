/**
 * Honest heavy users that look like distillation (THREATS.md, "What they look like next to
 * honest heavy users"): an evaluation vendor running public benchmarks continuously, an
 * LLM-as-judge service, an ed-tech tutor that explains every answer step by step to many
 * pupils, a licensed synthetic-data customer, and a university lab's logprob classifier.
 */
import type { Benchmark, Corpus, QA } from './corpus.js';
import { derivation, worked } from './derivation.js';
import type { Msg, Params } from './exchange.js';
import type { Rng } from './prng.js';
import { EFFORT, codeBlock, comparison, critique, makeReply, served } from './replies.js';
import { fillTemplate, type PromptSource } from './source.js';
import { longSystemPrompt } from './sysprompt.js';

// Prompt formats of openai/simple-evals (MIT): math_eval.py, mgsm_eval.py, mmlu_eval.py, humaneval_eval.py.
const SIMPLE_EVALS: Record<string, string> = {
  gsm8k:
    'Solve this math problem. Give the reasoning steps before giving the final answer on the last line by itself in the format of "Answer:". Do not add anything other than the integer answer after "Answer:".\n\n{q}',
  math: 'Solve the following math problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n{q}\n\nRemember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.',
  mcq: "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n{q}",
  humaneval:
    'Read the following function signature and docstring, and fully implement the function described. Your response should only contain the code for this function.\n{q}',
  mbpp: 'You are an expert Python programmer, and here is your task: {q} Your code should pass the tests.',
};

/**
 * An evaluation vendor: every public benchmark in turn, a few hundred items each, again and
 * again (each pass against whichever model it is scoring), simple-evals prompts, round the clock.
 */
export function benchmarkVendor(rng: Rng, corpus: Corpus): PromptSource {
  const suites: Benchmark[] = rng.shuffle([...corpus.benchmarks]);
  const caps = suites.map(() => rng.int(150, 500));
  const system = rng.chance(0.5) ? 'You are a helpful assistant.' : undefined;
  const temperature = rng.pick([0, 0.5]);
  const run = rng.hex(6);
  let b = 0;
  let i = 0;
  return (ctx) => {
    const suite = suites[b % suites.length] as Benchmark;
    const item = suite.items[i % suite.items.length] as QA;
    if (++i >= Math.min(suite.items.length, caps[b % suites.length] as number)) {
      i = 0;
      b++;
    }
    const r = ctx.rng;
    const params: Params = {
      temperature,
      max_tokens: 2048,
      stream: false,
      metadata: { eval: suite.name, run },
    };
    const text = fillTemplate(SIMPLE_EVALS[suite.name] ?? (SIMPLE_EVALS['math'] as string), {
      q: item.q,
    });
    let reply;
    // "Your response should only contain the code": served the function alone.
    if (suite.name === 'humaneval' || suite.name === 'mbpp')
      reply = served(codeBlock(item.a), EFFORT.code, 2048);
    else if (suite.name === 'mcq')
      reply = makeReply(r, ctx.corpus, 'mcq', r.lognormal(250, 0.4), item.a, 2048);
    else {
      const d = derivation(r, ctx.corpus, item.a, Math.round(r.lognormal(300, 0.4)) * 4);
      reply = served(`${d}\n\nAnswer: ${worked(item.a).result}`, EFFORT.math, 2048);
    }
    const x = { messages: [{ role: 'user' as const, text }], params, reply };
    return system ? { ...x, system } : x;
  };
}

// FastChat's MT-Bench judge prompts (lm-sys/FastChat, fastchat/llm_judge/data/judge_prompts.jsonl, Apache-2.0).
const JUDGE_SINGLE =
  '[Instruction]\nPlease act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. Begin your evaluation by providing a short explanation. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]", for example: "Rating: [[5]]".\n\n[Question]\n{q}\n\n[The Start of Assistant\'s Answer]\n{a}\n[The End of Assistant\'s Answer]';
const JUDGE_MATH =
  '[Instruction]\nPlease act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider correctness and helpfulness. You will be given a reference answer and the assistant\'s answer. Begin your evaluation by comparing the assistant\'s answer with the reference answer. Identify and correct any mistakes. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]", for example: "Rating: [[5]]".\n\n[Question]\n{q}\n\n[The Start of Reference Answer]\n{ref}\n[The End of Reference Answer]\n\n[The Start of Assistant\'s Answer]\n{a}\n[The End of Assistant\'s Answer]';
const JUDGE_PAIR_SYSTEM =
  'Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user question displayed below. You should choose the assistant that follows the user\'s instructions and answers the user\'s question better. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of their responses. Begin your evaluation by comparing the two responses and provide a short explanation. Avoid any position biases and ensure that the order in which the responses were presented does not influence your decision. Do not allow the length of the responses to influence your evaluation. Do not favor certain names of the assistants. Be as objective as possible. After providing your explanation, output your final verdict by strictly following this format: "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.';
const JUDGE_PAIR =
  "[User Question]\n{q}\n\n[The Start of Assistant A's Answer]\n{a}\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\n{b}\n[The End of Assistant B's Answer]";

/** An LLM-as-judge service: MT-Bench judge prompts over its customers' outputs, continuously; short verdicts. */
export function judgeService(rng: Rng, _corpus?: Corpus): PromptSource {
  const customers = Array.from({ length: rng.int(5, 40) }, () => `cust_${rng.hex(6)}`);
  const pairShare = rng.float() * 0.5;
  return (ctx) => {
    const r = ctx.rng;
    const c = ctx.corpus;
    const params: Params = {
      temperature: 0,
      max_tokens: 2048,
      stream: false,
      user: r.pick(customers),
    };
    const a = r.pick(c.replies).slice(0, 2500);
    const roll = r.float();
    if (roll < pairShare) {
      const text = fillTemplate(JUDGE_PAIR, {
        q: r.pick(c.chat),
        a,
        b: r.pick(c.replies).slice(0, 2500),
      });
      const reply = served(`${comparison(r)}\n\n[[${r.pick(['A', 'B', 'C'])}]]`, EFFORT.grader);
      return { system: JUDGE_PAIR_SYSTEM, messages: [{ role: 'user', text }], params, reply };
    }
    const math = roll > 0.9 ? r.pick(c.math) : undefined;
    const text = math
      ? fillTemplate(JUDGE_MATH, { q: math.q, ref: math.a, a })
      : fillTemplate(JUDGE_SINGLE, { q: r.pick(c.chat), a });
    const reply = served(`${critique(r)}\n\nRating: [[${r.int(1, 10)}]]`, EFFORT.grader);
    return {
      system: 'You are a helpful assistant.',
      messages: [{ role: 'user', text }],
      params,
      reply,
    };
  };
}

const TUTOR_RULES: [string, string[]] = [
  'Teaching rules',
  [
    'Always explain step by step: number each step, say why it is allowed, and finish with a line that starts with "So".',
    'Pupils are 11 to 16 years old. Use short sentences and everyday examples.',
    'If a pupil gives an answer, check it and point to the first step that went wrong before correcting it.',
    'Never just give the final answer without the working.',
  ],
];

/** A grade-school problem (a GSM8K worked answer ends "#### n"), not a competition one. */
function schoolMath(rng: Rng, corpus: Corpus): QA {
  let item = rng.pick(corpus.math);
  for (let i = 0; i < 4 && !item.a.includes('####'); i++) item = rng.pick(corpus.math);
  return item;
}

const FOLLOW = [
  "I don't get step {k}.",
  'why did you do step {k} like that?',
  'can you check my answer, I got {n}',
  'where does the {n} come from?',
  'ok so what if it was {n} instead?',
  'can you explain step {k} more simply',
];

/**
 * An ed-tech tutoring app: one enterprise account, hundreds of pupils (`user`), a long
 * system prompt that demands step-by-step explanations, follow-ups about the pupil's own
 * answer, school hours only.
 */
export function edtechApp(rng: Rng, corpus: Corpus): PromptSource {
  const system = longSystemPrompt(rng, corpus, {
    product: `${rng.pick(['Mathly', 'Skoolbot', 'Sparky Tutor', 'LearnLoop'])}`,
    chars: rng.int(1500, 4000),
    extra: TUTOR_RULES,
  });
  const pupils = Array.from({ length: rng.int(200, 2000) }, () => `stu_${rng.hex(10)}`);
  const threads = new Map<string, Msg[]>();
  return (ctx) => {
    const r = ctx.rng;
    const user = r.pick(pupils);
    const before = threads.get(user);
    let messages: Msg[];
    let ref = '';
    if (before && r.chance(0.4)) {
      const n = /\d+/.exec(before[before.length - 1]?.text ?? '')?.[0] ?? String(r.int(2, 99));
      messages = [
        ...before,
        { role: 'user', text: fillTemplate(r.pick(FOLLOW), { k: String(r.int(1, 4)), n }) },
      ];
    } else {
      const item = r.chance(0.7) ? schoolMath(r, ctx.corpus) : r.pick(ctx.corpus.cot);
      ref = item.a;
      messages = [
        { role: 'user', text: r.chance(0.5) ? item.q : `Explain step by step: ${item.q}` },
      ];
    }
    const reply = makeReply(r, ctx.corpus, 'math', r.lognormal(380, 0.4), ref, 1500);
    if (threads.size > 256) threads.delete(threads.keys().next().value as string);
    const answer: Msg = { role: 'assistant', text: reply.text.slice(0, 1200) };
    threads.set(user, [...messages, answer].slice(-6));
    return {
      system,
      messages,
      params: { temperature: 0.3, max_tokens: 1500, stream: true, user },
      reply,
    };
  };
}

const SYNTH_TEMPLATES = [
  'Generate a detailed worked solution to the problem below, as training data for a tutoring model. Number every step and end with "Final answer:".\n\nProblem: {q}',
  'Write a high-quality chain-of-thought explanation followed by the answer.\n\n{q}',
  'Produce a step-by-step rationale and the final answer for this question. Output plain text.\n\n{q}',
];

/**
 * A licensed synthetic-data customer: behaviourally a reasoning harvest (templates, a sweep
 * through whole pools, n > 1, long outputs, round the clock); only the contract on its
 * account record (`verified`, `contract: "synthetic-data"`) says it is allowed.
 */
export function syntheticData(rng: Rng, _corpus?: Corpus): PromptSource {
  const templates = rng.shuffle([...SYNTH_TEMPLATES]).slice(0, 2);
  const n = rng.pick([1, 2, 4]);
  const offset = rng.int(0, 10_000);
  return (ctx) => {
    const r = ctx.rng;
    const items = ctx.index % 2 === 0 ? ctx.corpus.math : ctx.corpus.cot;
    const item = items[(offset + (ctx.index >> 1)) % items.length] as QA;
    const text = fillTemplate(r.pick(templates), { q: item.q });
    const reply = makeReply(r, ctx.corpus, 'reasoning', r.lognormal(900, 0.4), item.a, 4096);
    return {
      messages: [{ role: 'user', text }],
      params: {
        temperature: 1,
        n,
        max_tokens: 4096,
        stream: false,
        metadata: { job: `synth-${offset}` },
      },
      reply,
    };
  };
}

const LAB_TASKS: [string, string[]][] = [
  [
    'Classify the stance of the text toward the topic as FAVOR, AGAINST or NONE.\n\nText: {doc}\nStance:',
    [' FAVOR', ' AGAINST', ' NONE'],
  ],
  [
    'Is the following statement supported by the passage? Answer Yes or No.\n\n{doc}\nAnswer:',
    [' Yes', ' No'],
  ],
  [
    'Which emotion does the text express: joy, anger, sadness, fear or surprise?\n\n{doc}\nEmotion:',
    [' joy', ' anger', ' sadness', ' fear', ' surprise'],
  ],
];

/**
 * A university lab's logprob classifier: one fixed label set per study, logprobs on, and a
 * logit_bias on the same few label token ids for every request.
 */
export function labelClassifier(rng: Rng, _corpus?: Corpus): PromptSource {
  const [task, labels] = rng.pick(LAB_TASKS);
  const bias: Record<string, number> = {};
  for (const _ of labels) bias[String(rng.int(200, 60_000))] = 100;
  const top = rng.pick([5, 10, 20]);
  return (ctx) => {
    const r = ctx.rng;
    const doc = (r.chance(0.6) ? r.pick(ctx.corpus.docs) : r.pick(ctx.corpus.chat)).slice(0, 1500);
    const params: Params = {
      temperature: 0,
      max_tokens: 1,
      logprobs: true,
      top_logprobs: top,
      logit_bias: bias,
      stream: false,
    };
    return {
      messages: [{ role: 'user', text: fillTemplate(task, { doc }) }],
      params,
      reply: { text: r.pick(labels), tokens: 1, finish: 'length', effort: EFFORT.label },
    };
  };
}
