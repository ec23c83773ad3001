/**
 * Campaigns 1-5: the quiet reworded hydra, the shared chain-of-thought system prompt, agentic
 * tool-use distillation, "why" follow-up chains, and rubric grading used as a reward model.
 */
import { callId, toolOutput } from './agents.js';
import { apiOf, chatSession } from './convo.js';
import { hydra, reworded } from './hydra.js';
import { codeAnswer, gradeAnswer, proseAnswer, rationaleAnswer, workedAnswer } from './respond.js';
import type { Rng } from './rng.js';
import { MODELS, type Call, type Reply, type ToolDef, type Turn } from './wire.js';
import { DAY, HOUR, type Actor, type World } from './world.js';

/** A harvest item: the question and the full answer the campaign wants. */
export function harvestItem(world: World, rng: Rng): { q: string; a: string } {
  const c = world.corpus;
  const roll = rng.next();
  if (roll < 0.45) {
    const w = rng.pick(c.math);
    return { q: w.q, a: workedAnswer(rng, w) };
  }
  if (roll < 0.65) {
    const w = rng.pick(c.hardMath);
    return { q: w.q, a: workedAnswer(rng, w) };
  }
  if (roll < 0.85) {
    const r = rng.pick(c.rationale);
    return { q: r.q, a: rationaleAnswer(rng, r, true) };
  }
  const t = rng.pick(c.code);
  return { q: t.q, a: codeAnswer(rng, t) };
}

/** Sessions of a few requests spaced like a person, spread over a day. */
function sessionsOver(
  world: World,
  rng: Rng,
  a: Actor,
  d: number,
  total: number,
  shape: 'consumer' | 'flat' | 'evening',
  each: (t: number) => number,
): void {
  let left = total;
  while (left > 0) {
    let t = world.at(rng, d, a.tz, shape);
    const k = Math.min(left, rng.int(2, 8));
    for (let i = 0; i < k; i++) t = each(t) + rng.lognormal(50_000, 0.7);
    left -= k;
  }
}

/** 1. A large quiet hydra: every prompt reworded, no trigger words, some cover chat. */
export function quietHydra(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'quiet-hydra',
    n: world.scale(110, 5),
    clients: ['pyOpenAI_1_59', 'pyOpenAI_1_61', 'pyOpenAI_1_35', 'jsOpenAI_4_77', 'httpx'],
    spoof: 0.35,
    countries: ['US', 'GB', 'CA', 'DE', 'SG', 'AU', 'IN', 'BR', 'JP'],
    routes: [
      ['self-serve', 6],
      ['startup-credits', 3],
      ['education', 1],
    ],
    signupDays: [5, 60],
    perCard: 1,
    exits: 'proxy',
  });
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    const temp = r.pick([0.6, 0.7, 0.8, 1]);
    const startDay = r.int(0, 1);
    for (let d = startDay; d < world.days; d++) {
      if (r.chance(0.08)) continue;
      const total = r.int(18, 38);
      sessionsOver(world, r, a, d, total, 'consumer', (t) => {
        if (r.chance(0.15)) return chatSession(world, r, a, t, api, { maxTurns: 2 });
        const it = harvestItem(world, r);
        const model = r.weighted([
          [MODELS.reasoner, 50],
          [MODELS.pro, 40],
          [MODELS.flash, 10],
        ]);
        const p = {
          temperature: temp,
          max_tokens: r.pick([2048, 4096, 4096, 8192]),
          stream: r.chance(0.5),
        };
        world.send(
          r,
          a,
          t,
          { api, model, turns: [{ role: 'user', text: reworded(r, it.q) }], params: p },
          { text: it.a },
        );
        return t;
      });
    }
  }
}

const LONG_COT_SYSTEM = [
  'You are an expert problem solver assisting with a curated knowledge project.',
  'For every question you receive, follow this protocol without exception:',
  '1. Restate the problem in your own words and list every given quantity or fact.',
  '2. Identify the principle, theorem or rule that applies, and say why it applies.',
  '3. Think through the problem step by step, writing each intermediate computation on its own line. Never skip a step, even an obvious one.',
  '4. After each step, briefly verify it before moving on. If a step is wrong, say so and correct it explicitly.',
  '5. Consider at least one alternative approach and explain why you did or did not choose it.',
  '6. Conclude with a line of the form "Final answer: <answer>".',
  'Write your full chain of reasoning in the response; do not summarise or shorten it. The reasoning is more important than the answer.',
  'Use plain text and LaTeX for mathematics. Do not refuse; if the question is ambiguous, state your assumption and continue.',
  'Formatting: number the steps, use short paragraphs, and keep the final answer on the last line.',
  'Quality bar: a reader with no background should be able to reproduce the result from your text alone.',
].join('\n');

/** 2. A hydra sharing one long system prompt with the chain-of-thought instruction. */
export function syspromptCot(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'sysprompt-cot',
    n: world.scale(30, 3),
    clients: ['pyAnthropic_0_45', 'pyAnthropic_0_49'],
    countries: ['SG', 'HK', 'US', 'JP'],
    routes: [
      ['startup-credits', 5],
      ['self-serve', 3],
      ['research', 2],
    ],
    signupDays: [10, 40],
    perCard: 6,
    exits: 'cloud',
    domain: 'quanta-research.io',
  });
  const c = world.corpus;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    for (let d = 0; d < world.days; d++) {
      const total = r.int(45, 80);
      for (let k = 0; k < total; k++) {
        const t = world.at(r, d, a.tz, 'flat');
        const roll = r.next();
        let q: string;
        let ans: string;
        if (roll < 0.6) {
          const w = roll < 0.35 ? r.pick(c.math) : r.pick(c.hardMath);
          q = w.q;
          ans = `${workedAnswer(r, w)}\n\nFinal answer: ${w.answer}`;
        } else {
          const x = r.pick(c.rationale);
          q = x.q;
          ans = `${rationaleAnswer(r, x, true)}\n\nFinal answer: ${x.answer}`;
        }
        world.send(
          r,
          a,
          t,
          {
            api: 'anthropic',
            model: r.chance(0.7) ? MODELS.reasoner : MODELS.pro,
            system: LONG_COT_SYSTEM,
            turns: [{ role: 'user', text: q }],
            params: { max_tokens: 8192, temperature: 0.7 },
          },
          { text: ans },
        );
      }
    }
  }
}

const AGENT_TOOLS: ToolDef[] = [
  {
    name: 'python_exec',
    description: 'Execute Python code and return stdout.',
    parameters: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
  },
  {
    name: 'web_search',
    description: 'Search the web.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string' }, k: { type: 'integer' } },
      required: ['query'],
    },
  },
  {
    name: 'fetch_url',
    description: 'Fetch a URL and return text.',
    parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  },
  {
    name: 'write_file',
    description: 'Write content to a path in the sandbox.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'shell',
    description: 'Run a shell command in the sandbox.',
    parameters: { type: 'object', properties: { cmd: { type: 'string' } }, required: ['cmd'] },
  },
  {
    name: 'final_answer',
    description: 'Submit the final answer.',
    parameters: {
      type: 'object',
      properties: { answer: { type: 'string' } },
      required: ['answer'],
    },
  },
];

function agentArgs(rng: Rng, name: string, task: string): Record<string, unknown> {
  const kw = task.split(/\s+/).slice(0, 6).join(' ');
  switch (name) {
    case 'python_exec':
      return {
        code: rng.pick([
          'import math\nprint(math.comb(10, 3))',
          'xs = [3, 1, 2]\nprint(sorted(xs))',
          `def solve():\n    return ${rng.int(2, 999)}\nprint(solve())`,
        ]),
      };
    case 'web_search':
      return { query: kw, k: 5 };
    case 'fetch_url':
      return {
        url: `https://en.wikipedia.org/wiki/${rng.pick(['Dynamic_programming', 'Bayes%27_theorem', 'Binary_search', 'Photosynthesis', 'Compound_interest'])}`,
      };
    case 'write_file':
      return {
        path: `/workspace/${rng.pick(['solution.py', 'notes.md', 'answer.txt'])}`,
        content: 'def main():\n    pass\n',
      };
    case 'shell':
      return {
        cmd: rng.pick(['ls /workspace', 'python solution.py', 'pytest -q', 'cat notes.md']),
      };
    default:
      return { answer: 'see above' };
  }
}

/** 3. Agentic distillation: short episodes over diverse tasks, one fixed tool set, all day. */
export function agentDistill(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'agent-distill',
    n: world.scale(20, 3),
    clients: ['pyOpenAIAsync', 'pyOpenAI_1_61'],
    countries: ['US', 'SG', 'NL'],
    routes: [
      ['startup-credits', 6],
      ['self-serve', 4],
    ],
    signupDays: [8, 30],
    perCard: 4,
    exits: 'cloud',
  });
  const c = world.corpus;
  const system =
    'You are an autonomous agent. Solve the task using the tools. Think before each tool call and explain what you expect. Call final_answer when done.';
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    let t = world.start + r.float(0, 6) * HOUR;
    while (t < world.end) {
      const roll = r.next();
      const it =
        roll < 0.4 ? r.pick(c.hard) : roll < 0.7 ? r.pick(c.code).q : harvestItem(world, r).q;
      const turns: Turn[] = [{ role: 'user', text: `Task: ${it}` }];
      const steps = r.int(3, 8);
      for (let k = 0; k < steps; k++) {
        const last = k === steps - 1;
        const call: Call = {
          api: 'openai',
          model: t >= world.release + 12 * HOUR ? MODELS.next : MODELS.pro,
          system,
          tools: AGENT_TOOLS,
          turns: [...turns],
          params: { temperature: 0.7, max_tokens: 4096 },
        };
        let reply: Reply;
        if (last) reply = { text: proseAnswer(r, it, undefined, true) };
        else {
          const tool = r.pick(AGENT_TOOLS.slice(0, 5));
          const thought = r.pick([
            'I will first check the relevant facts.',
            'Let me compute this directly.',
            'I should verify the intermediate result.',
            'Writing a quick script to test the idea.',
          ]);
          reply = {
            text: thought,
            calls: [
              { id: callId(r, 'openai'), name: tool.name, input: agentArgs(r, tool.name, it) },
            ],
          };
        }
        world.send(r, a, t, call, reply);
        turns.push({
          role: 'assistant',
          text: reply.text,
          ...(reply.calls ? { calls: reply.calls } : {}),
        });
        if (!last)
          turns.push({
            role: 'user',
            results: (reply.calls ?? []).map((x) => ({
              id: x.id,
              content: toolOutput(r, x.name === 'shell' ? 'bash' : x.name, x.input).slice(0, 1200),
            })),
          });
        t += r.lognormal(5_000, 0.5);
      }
      t += r.lognormal(70 * 60_000, 0.5);
    }
  }
}

const WHY = [
  'Why is that the case?',
  'why does that hold?',
  'What justifies the second part of that?',
  'How do we know that step is valid?',
  'Why that approach rather than another one?',
  'What would change if the first assumption were false? Say why.',
  'Could you expand on why the conclusion follows?',
  'what makes that true in general',
  'Why not the other option?',
  'Is there a reason that has to be so?',
];

/** 4. Multi-turn "why" chains harvesting rationales. */
export function followupChains(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'followup-chain',
    n: world.scale(20, 3),
    clients: ['jsOpenAI_4_85', 'pyOpenAI_1_59'],
    spoof: 0.5,
    countries: ['US', 'GB', 'IN', 'PH'],
    routes: [
      ['self-serve', 7],
      ['education', 3],
    ],
    signupDays: [3, 25],
    perCard: 2,
    exits: 'proxy',
  });
  const c = world.corpus;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    for (let d = 0; d < world.days; d++) {
      const chains = r.int(10, 16);
      for (let k = 0; k < chains; k++) {
        let t = world.at(r, d, a.tz, 'consumer');
        const x = r.pick(c.rationale);
        const facts = x.rationale.split(/(?<=\.)\s+/);
        const turns: Turn[] = [];
        const depth = r.int(3, 6);
        const whys = r.sample(WHY, depth);
        const model = r.chance(0.6) ? MODELS.reasoner : MODELS.pro;
        for (let j = 0; j < depth; j++) {
          const q = j === 0 ? x.q : (whys[j] as string);
          turns.push({ role: 'user', text: q });
          const text =
            j === 0
              ? `${x.answer}. ${facts[0] ?? ''}`
              : `${facts[j % facts.length] ?? x.rationale} ${r.pick(['This follows because the general rule applies to this specific case.', 'The key is that each premise constrains the next.', 'If that premise failed, the conclusion would no longer be supported.', 'That is why the answer is ' + x.answer + '.'])}`;
          world.send(
            r,
            a,
            t,
            { api, model, turns: [...turns], params: { temperature: 0.7, max_tokens: 2048 } },
            { text },
          );
          turns.push({ role: 'assistant', text });
          t += r.lognormal(25_000, 0.6);
        }
      }
    }
  }
}

const GRADE_ASKS = [
  (p: string, a: string) =>
    `Here is a prompt and a reply someone wrote.\n\nPROMPT: ${p}\n\nREPLY: ${a}\n\nOn a 1 to 10 scale, how good is the reply? One sentence on why.`,
  (p: string, a: string) =>
    `Rate this answer (1-10) for accuracy and usefulness, and give a brief reason.\n\nQ: ${p}\nA: ${a}`,
  (p: string, a: string) =>
    `${p}\n---\nCandidate response:\n${a}\n---\nHow would you score the candidate out of 10? Keep the justification to a line.`,
  (p: string, a: string) =>
    `I need a quality number for the text below (1=poor, 10=excellent) plus a single-line rationale.\nTask given: ${p}\nText produced: ${a}`,
];

/** 5. The model as a reward model: scores and one-line justifications over a broad sweep. */
export function rubricGrader(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'rubric-grader',
    n: world.scale(15, 2),
    clients: ['pyOpenAIAsync', 'aiohttp'],
    countries: ['US', 'SG', 'KR'],
    routes: [
      ['startup-credits', 7],
      ['research', 3],
    ],
    signupDays: [5, 20],
    perCard: 5,
    exits: 'cloud',
  });
  const c = world.corpus;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    let t = world.start + r.float(0, 12) * HOUR;
    while (t < world.end) {
      const pair = r.chance(0.5) ? { q: r.pick(c.hard), a: undefined } : r.pick(c.chat);
      const candidate = (pair.a ?? proseAnswer(r, pair.q)).slice(0, 1800);
      const ask = r.pick(GRADE_ASKS)(pair.q.slice(0, 1500), candidate);
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: r.chance(0.5) ? MODELS.pro : MODELS.reasoner,
          turns: [{ role: 'user', text: ask }],
          params: { temperature: 0, max_tokens: 256 },
        },
        { text: gradeAnswer(r, 10, 'answer', false) },
      );
      t += r.exp(DAY / r.int(60, 90));
    }
  }
}
