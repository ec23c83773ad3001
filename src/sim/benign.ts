/**
 * Prompt sources of honest personas (THREATS.md, "What they look like next to honest
 * heavy users"): casual chat, students, coding agents, batch pipelines, evaluation
 * harnesses, researchers and power users, honest logprob users.
 */
import type { Corpus, QA } from './corpus.js';
import type { Exchange, Msg, ToolDef } from './exchange.js';
import type { Rng } from './prng.js';
import { EFFORT, makeReply, served, toolReply } from './replies.js';
import {
  drawHabits,
  fillTemplate,
  paramsFrom,
  type PromptCtx,
  type PromptSource,
} from './source.js';

const FOLLOW_UPS = [
  'Can you make that shorter?',
  'Thanks! Can you give another example?',
  'What do you mean by that last part?',
  'Could you explain it more simply?',
  'Great, and what would you do differently?',
  'Can you put that in a table?',
  'Why is that?',
  'ok now translate it to German',
];

/**
 * Follow-ups that take up something the answer said. Real people's do more often than not:
 * of 3,467 human follow-ups in hh-rlhf's helpful test dialogues, 43% share a word of five
 * or more letters with the answer before them (a "why?" harvest's share none).
 */
const ASK_ABOUT = [
  'What do you mean by "{w}"?',
  'Can you say more about {w}?',
  'How does {w} fit in here?',
  'Is {w} always the case?',
  'Why {w} and not something else?',
  'I did not get the part about {w}.',
  'ok so {w}, then what?',
];

/** A word or two from an answer that a person might ask about; undefined when there is none. */
function topicOf(rng: Rng, answer: string): string | undefined {
  const words = answer.match(/\p{L}{5,}(?:\s+\p{L}{3,})?/gu);
  return words && words.length > 0 ? rng.pick(words).toLowerCase() : undefined;
}

/** A conversation that sometimes continues with follow-ups (bounded context). */
function conversation(
  next: (ctx: PromptCtx) => {
    text: string;
    kind: 'chat' | 'math' | 'reasoning' | 'code';
    ref?: string;
  },
  pFollow: number,
  rng: Rng,
  system?: string,
): PromptSource {
  const habits = drawHabits(rng);
  let history: Msg[] = [];
  let dialog: string[] = [];
  // The real answers of a real conversation (corpus.conversations), served in turn.
  let said: string[] = [];
  let lastAnswer = '';
  return (ctx) => {
    const r = ctx.rng;
    let user: string;
    let kind: 'chat' | 'math' | 'reasoning' | 'code' = 'chat';
    let ref = '';
    let real: string | undefined;
    if (history.length > 0 && history.length < 12 && r.chance(pFollow)) {
      const next = dialog.shift();
      if (next !== undefined) {
        user = next;
        real = said.shift();
      } else {
        const topic = r.chance(0.55) ? topicOf(r, lastAnswer) : undefined;
        user = topic ? fillTemplate(r.pick(ASK_ABOUT), { w: topic }) : r.pick(FOLLOW_UPS);
      }
    } else {
      history = [];
      said = [];
      if (r.chance(0.25)) {
        const convs = ctx.corpus.conversations;
        if (convs.length > 0 && r.chance(0.6)) {
          const c = r.pick(convs);
          dialog = [...c.user];
          said = [...c.assistant];
          real = said.shift();
        } else dialog = [...r.pick(ctx.corpus.dialogs)];
        user = dialog.shift() ?? r.pick(ctx.corpus.chat);
      } else {
        dialog = [];
        const n = next(ctx);
        user = n.text;
        kind = n.kind;
        ref = n.ref ?? '';
      }
    }
    const messages: Msg[] = [...history, { role: 'user', text: user }];
    const params = paramsFrom(habits);
    const reply =
      real !== undefined
        ? served(real, EFFORT.chat, params.max_tokens)
        : makeReply(
            r,
            ctx.corpus,
            kind,
            r.lognormal(kind === 'code' ? 400 : 260, 0.6),
            ref,
            params.max_tokens,
          );
    lastAnswer = reply.text.slice(0, 1200);
    history = [...messages, { role: 'assistant', text: lastAnswer }];
    const x: Exchange = { messages, params, reply };
    if (system !== undefined) x.system = system;
    return x;
  };
}

/** Casual chat: everyday questions, some follow-ups. */
export function casualChat(rng: Rng, corpus: Corpus): PromptSource {
  const system = rng.chance(0.3) ? rng.pick(corpus.roles) : undefined;
  return conversation((c) => ({ text: c.rng.pick(c.corpus.chat), kind: 'chat' }), 0.3, rng, system);
}

const STUDY_ASKS = [
  '{q}',
  '{q}',
  'Can you help me with my homework? {q}',
  '{q}\nPlease explain step by step, I want to understand it.',
  'I got a different answer on this one, can you check? {q}',
  'How do I even start this problem? {q}',
  '{q} (show your working please)',
];

/** Students: homework math and science, sometimes "step by step", follow-ups. */
export function student(rng: Rng, _corpus?: Corpus): PromptSource {
  return conversation(
    (c) => {
      const roll = c.rng.float();
      if (roll < 0.45) {
        const qa = c.rng.pick(c.corpus.math);
        return { text: fillTemplate(c.rng.pick(STUDY_ASKS), { q: qa.q }), kind: 'math', ref: qa.a };
      }
      if (roll < 0.7) {
        const qa = c.rng.pick(c.corpus.cot);
        return {
          text: fillTemplate(c.rng.pick(STUDY_ASKS), { q: qa.q }),
          kind: 'reasoning',
          ref: qa.a,
        };
      }
      if (roll < 0.8) return { text: c.rng.pick(c.corpus.code).q, kind: 'code' };
      return { text: c.rng.pick(c.corpus.chat), kind: 'chat' };
    },
    0.45,
    rng,
  );
}

/**
 * A learner who uses the model almost only for maths and reasoning (a self-taught student,
 * an olympiad trainee, an engineer revising): nearly every answer served is a derivation,
 * at a human's pace, with the odd follow-up. The hard negative for "every answer is a
 * derivation" (issue 13).
 */
export function mathLearner(rng: Rng, _corpus?: Corpus): PromptSource {
  return conversation(
    (c) => {
      const math = c.rng.chance(0.65);
      const qa = c.rng.pick(math ? c.corpus.math : c.corpus.cot);
      return {
        text: fillTemplate(c.rng.pick(STUDY_ASKS), { q: qa.q }),
        kind: math ? 'math' : 'reasoning',
        ref: qa.a,
      };
    },
    0.2,
    rng,
  );
}

const AGENT_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace.',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    description: 'Write content to a file in the workspace.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'run_command',
    description: 'Run a shell command and return its output.',
    parameters: {
      type: 'object',
      properties: { command: { type: 'string' } },
      required: ['command'],
    },
  },
  {
    name: 'search',
    description: 'Search the repository for a pattern.',
    parameters: {
      type: 'object',
      properties: { pattern: { type: 'string' } },
      required: ['pattern'],
    },
  },
];
const FILES = [
  'src/index.ts',
  'src/utils.py',
  'app/models.py',
  'lib/parser.js',
  'tests/test_api.py',
  'README.md',
  'package.json',
  'src/server.go',
];
const AGENT_SYSTEM =
  "You are a coding agent working in the user's repository. Use the tools to read, edit and test code. Keep changes minimal and explain what you did.";

/** Tool definitions coding agents send (exported for campaigns that imitate agents). */
export const agentTools = AGENT_TOOLS;

/** A plausible tool call for step `i` of an agent session. */
export function agentToolUse(
  rng: Rng,
  i: number,
  id: string,
): { id: string; name: string; input: Record<string, unknown> } {
  const name =
    i === 0 ? 'search' : rng.pick(['read_file', 'read_file', 'run_command', 'write_file']);
  const input: Record<string, unknown> =
    name === 'search'
      ? { pattern: rng.pick(['TODO', 'def parse', 'export function', 'class User', 'handleError']) }
      : name === 'run_command'
        ? { command: rng.pick(['npm test', 'pytest -q', 'go test ./...', 'ls -la']) }
        : { path: rng.pick(FILES) };
  if (name === 'write_file') input['content'] = '// patched\n';
  return { id, name, input };
}

/** Coding agents: multi-turn tool sessions with growing context. */
export function codingAgent(rng: Rng, _corpus?: Corpus): PromptSource {
  const stream = rng.chance(0.9);
  const maxTokens = rng.pick([4096, 8192, 16000]);
  let history: Msg[] = [];
  let steps = 0;
  return (ctx) => {
    const r = ctx.rng;
    if (history.length === 0 || steps <= 0) {
      const task = r.chance(0.5)
        ? r.pick(ctx.corpus.hard)
        : `In this repository: ${r.pick(ctx.corpus.code).q} Add tests.`;
      history = [{ role: 'user', text: task }];
      steps = r.int(3, 14);
    }
    steps--;
    const params = { stream, max_tokens: maxTokens, temperature: 0, tools: AGENT_TOOLS };
    const messages = history;
    let reply;
    if (steps > 0) {
      const use = agentToolUse(r, history.length, `call_${r.hex(12)}`);
      reply = toolReply(r, use);
      const result =
        use.name === 'run_command'
          ? `${r.int(1, 40)} passed, ${r.int(0, 3)} failed`
          : r.pick(ctx.corpus.code).a.slice(0, 600);
      history = [
        ...history,
        { role: 'assistant', text: reply.text, toolUse: use },
        { role: 'user', text: '', toolResult: { id: use.id, text: result } },
      ];
    } else {
      reply = makeReply(r, ctx.corpus, 'code', r.lognormal(500, 0.5), '', maxTokens);
      history = [];
    }
    return { system: AGENT_SYSTEM, messages, params, reply };
  };
}

const BATCH_TEMPLATES: [string, string, 'summary' | 'label'][] = [
  [
    'You summarise documents for an internal search index.',
    'Summarise the following document in two sentences.\n\n---\n{doc}\n---',
    'summary',
  ],
  [
    'You are a classifier. Reply with JSON only.',
    'Classify the sentiment of this text as positive, negative or neutral. Return {"label": ...}.\n\nText: {doc}',
    'label',
  ],
  [
    'Extract structured data.',
    'Extract every person, organisation and date mentioned in the text below as JSON with keys people, orgs, dates.\n\n{doc}',
    'summary',
  ],
  [
    'You route support tickets.',
    'Which team should handle this ticket: billing, technical, account or other? Answer with one word.\n\nTicket:\n{doc}',
    'label',
  ],
  ['You write product copy.', 'Write a one-line title for the following text.\n\n{doc}', 'summary'],
];

/** Batch pipelines: one fixed template over many different documents; short outputs. */
export function batchPipeline(rng: Rng, corpus: Corpus): PromptSource {
  const [system, template, kind] = rng.pick(BATCH_TEMPLATES);
  const maxTokens = kind === 'label' ? 20 : rng.pick([150, 256, 300]);
  const offset = rng.int(0, corpus.docs.length - 1);
  return (ctx) => {
    const doc = ctx.corpus.docs[(offset + ctx.index * 7919) % ctx.corpus.docs.length] ?? '';
    const messages: Msg[] = [
      { role: 'user', text: fillTemplate(template, { doc: doc.slice(0, 3000) }) },
    ];
    const reply = makeReply(
      ctx.rng,
      ctx.corpus,
      kind,
      kind === 'label' ? ctx.rng.int(1, 8) : ctx.rng.lognormal(70, 0.4),
      '',
      maxTokens,
    );
    return {
      system,
      messages,
      params: { temperature: 0, max_tokens: maxTokens, stream: false },
      reply,
    };
  };
}

const HARNESS_FORMATS = [
  'Question: {q}\nAnswer:',
  "Q: {q}\nA: Let's think step by step.",
  '{q}',
  'Solve the following problem.\n\n{q}\n\nPut the final answer after "####".',
];

/** Evaluation harness: one public benchmark, in order, at temperature 0, in a burst. */
export function evalHarness(rng: Rng, corpus: Corpus): PromptSource {
  const bench = rng.pick(corpus.benchmarks);
  const format =
    bench.name === 'humaneval'
      ? 'Complete the following Python function.\n\n{q}'
      : rng.pick(HARNESS_FORMATS);
  const fewShot: QA[] = bench.items.slice(-3);
  const shots = rng.chance(0.5)
    ? fewShot.map((s) => fillTemplate(format, { q: s.q }) + ' ' + s.a).join('\n\n') + '\n\n'
    : '';
  const kind =
    bench.name === 'humaneval' || bench.name === 'mbpp'
      ? 'code'
      : bench.name === 'mcq'
        ? 'label'
        : 'math';
  const maxTokens = kind === 'label' ? 8 : 512;
  return (ctx) => {
    const item = bench.items[ctx.index % bench.items.length] as QA;
    const messages: Msg[] = [{ role: 'user', text: shots + fillTemplate(format, { q: item.q }) }];
    const reply = makeReply(
      ctx.rng,
      ctx.corpus,
      kind,
      kind === 'label' ? 2 : ctx.rng.lognormal(180, 0.4),
      item.a,
      maxTokens,
    );
    return { messages, params: { temperature: 0, max_tokens: maxTokens, stream: false }, reply };
  };
}

const RESEARCH_ASKS = [
  '{q}',
  '{q}',
  '{q}',
  'Explain your reasoning: {q}',
  'I am writing a paper on this. {q}',
  'Rate the following answer from 1 to 5 for helpfulness and explain briefly.\n\nQuestion: {q}\nAnswer: {a}',
];

/** A conversation whose sampling parameters `vary` changes now and then (researchers). */
function varied(
  rng: Rng,
  next: Parameters<typeof conversation>[0],
  pFollow: number,
  vary: (params: Exchange['params'], r: Rng) => Exchange['params'],
): PromptSource {
  const inner = conversation(next, pFollow, rng);
  return (ctx) => {
    const x = inner(ctx);
    x.params = vary(x.params, ctx.rng);
    return x;
  };
}

/** Researchers and power users: diverse hard prompts, long answers, varied parameters, n > 1 now and then. */
export function researcher(rng: Rng, _corpus?: Corpus): PromptSource {
  return varied(
    rng,
    (c) => {
      const qa = c.rng.chance(0.6)
        ? { q: c.rng.pick(c.corpus.hard), a: c.rng.pick(c.corpus.replies) }
        : c.rng.pick(c.rng.chance(0.5) ? c.corpus.math : c.corpus.cot);
      return {
        text: fillTemplate(c.rng.pick(RESEARCH_ASKS), { q: qa.q, a: qa.a.slice(0, 800) }),
        kind: c.rng.chance(0.3) ? 'reasoning' : 'chat',
        ref: qa.a,
      };
    },
    0.5,
    (p, r) => {
      let out = p;
      if (r.chance(0.15)) out = { ...out, temperature: r.pick([0, 0.3, 1, 1.2]), n: r.int(2, 5) };
      if (r.chance(0.1)) out = { ...out, top_p: r.pick([0.9, 0.95]) };
      return out;
    },
  );
}

/**
 * A researcher who studies the model's reasoning itself (THREATS.md: power users and
 * researchers): nearly every prompt a maths or reasoning problem, answered with a derivation,
 * often questioned in a follow-up, sampled at several temperatures now and then. The honest
 * look-alike of a slow reasoning harvest on an old account.
 */
export function reasoningResearcher(rng: Rng, _corpus?: Corpus): PromptSource {
  return varied(
    rng,
    (c) => {
      const qa = c.rng.pick(c.rng.chance(0.5) ? c.corpus.math : c.corpus.cot);
      return {
        text: fillTemplate(c.rng.pick(RESEARCH_ASKS.slice(0, 5)), { q: qa.q }),
        kind: c.rng.chance(0.9) ? 'reasoning' : 'chat',
        ref: qa.a,
      };
    },
    0.4,
    (p, r) => (r.chance(0.15) ? { ...p, temperature: r.pick([0, 0.7, 1]), n: r.int(2, 4) } : p),
  );
}

const LOGPROB_TASKS = [
  'Is the following review positive or negative? Answer Yes if positive, No if negative.\n\n{doc}',
  'Does this text contain personal data? Answer Yes or No.\n\n{doc}',
  'Answer with a single letter (A, B, C or D).\n\n{doc}',
];

/** Honest logprob users: calibrated classifiers reading top logprobs, a fixed small logit_bias. */
export function logprobUser(rng: Rng): PromptSource {
  const task = rng.pick(LOGPROB_TASKS);
  const bias: Record<string, number> | undefined = rng.chance(0.5)
    ? { '9642': 5, '2822': 5 }
    : undefined;
  const top = rng.pick([3, 5, 5, 10]);
  return (ctx) => {
    const doc = ctx.rng.chance(0.5)
      ? ctx.rng.pick(ctx.corpus.docs)
      : ctx.rng.pick(ctx.corpus.cot).q;
    const params = {
      temperature: 0,
      max_tokens: ctx.rng.pick([1, 1, 2, 5]),
      logprobs: true,
      top_logprobs: top,
      stream: false,
      ...(bias ? { logit_bias: bias } : {}),
    };
    const reply = makeReply(ctx.rng, ctx.corpus, 'label', 1, '', params.max_tokens);
    return {
      messages: [{ role: 'user', text: fillTemplate(task, { doc: doc.slice(0, 2000) }) }],
      params,
      reply,
    };
  };
}

/** Members of an organisation: mixed work use, often through the org's internal assistant prompt. */
export function orgMember(rng: Rng, corpus: Corpus, orgSystem: string): PromptSource {
  const base = rng.weighted<(r: Rng, c: Corpus) => PromptSource>([
    [casualChat, 3],
    [codingAgent, 2],
    [researcher, 2],
    [student, 1],
  ])(rng, corpus);
  const useOrg = rng.chance(0.6);
  return (ctx) => {
    const x = base(ctx);
    if (useOrg && x.system === undefined) x.system = orgSystem;
    return x;
  };
}
