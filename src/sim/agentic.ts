/**
 * Agentic tool-use distillation (THREATS.md: volume concentrates on "agentic coding, tool
 * use and computer use"): episodes over benchmark-like tasks in a synthetic environment.
 * Each request is one step of a loop: the task, the assistant's earlier tool calls and the
 * environment's canned results, with a varied tool set per episode; the model is served a
 * plan and a tool call (finish reason tool_calls / tool_use), and at the end a full answer.
 */
import type { Corpus } from './corpus.js';
import { estimateTokens, type Msg, type Reply, type ToolDef, type ToolUse } from './exchange.js';
import type { Rng } from './prng.js';
import { makeReply } from './replies.js';
import type { PromptSource } from './source.js';

const str = { type: 'string' };
const obj = (props: Record<string, unknown>) => ({
  type: 'object',
  properties: props,
  required: Object.keys(props),
});

/** Tools a distillation environment offers (a subset per episode). */
export const DISTILL_TOOLS: ToolDef[] = [
  {
    name: 'web_search',
    description: 'Search the web and return the top results.',
    parameters: obj({ query: str }),
  },
  {
    name: 'fetch_url',
    description: 'Fetch a web page and return its text.',
    parameters: obj({ url: str }),
  },
  {
    name: 'python',
    description: 'Execute Python code in a sandbox and return stdout.',
    parameters: obj({ code: str }),
  },
  {
    name: 'sql_query',
    description: 'Run a read-only SQL query against the analytics database.',
    parameters: obj({ query: str }),
  },
  {
    name: 'read_file',
    description: 'Read a file from the workspace.',
    parameters: obj({ path: str }),
  },
  {
    name: 'write_file',
    description: 'Write a file in the workspace.',
    parameters: obj({ path: str, content: str }),
  },
  {
    name: 'run_tests',
    description: 'Run the test suite and report failures.',
    parameters: obj({ target: str }),
  },
  {
    name: 'calculator',
    description: 'Evaluate an arithmetic expression.',
    parameters: obj({ expression: str }),
  },
  {
    name: 'browser_click',
    description: 'Click an element on the current page by its selector.',
    parameters: obj({ selector: str }),
  },
];

const SYSTEMS = [
  'You are an autonomous agent. Plan before each action, call one tool at a time, and give a complete final answer when done.',
  'You solve tasks by using tools. Before every tool call, state what you expect to learn. When finished, summarise your solution fully.',
  'Agent mode. Think about the next best action, act with a tool, observe, repeat. Final answer must be self-contained.',
];

function toolInput(rng: Rng, corpus: Corpus, name: string, task: string): Record<string, unknown> {
  const words = task.split(/\s+/).slice(0, 8).join(' ');
  switch (name) {
    case 'web_search':
      return { query: words };
    case 'fetch_url':
      return {
        url: `https://${rng.pick(['en.wikipedia.org/wiki', 'docs.python.org/3/library', 'stackoverflow.com/questions'])}/${rng.int(1000, 99999)}`,
      };
    case 'python':
    case 'write_file':
      return name === 'python'
        ? { code: rng.pick(corpus.code).a.slice(0, 600) }
        : { path: `solution_${rng.int(1, 9)}.py`, content: rng.pick(corpus.code).a.slice(0, 600) };
    case 'sql_query':
      return {
        query: `SELECT ${rng.pick(['count(*)', 'avg(amount)', 'name, total'])} FROM ${rng.pick(['orders', 'users', 'events'])} LIMIT ${rng.int(5, 50)}`,
      };
    case 'calculator':
      return {
        expression: `${rng.int(2, 999)} ${rng.pick(['*', '+', '/', '-'])} ${rng.int(2, 999)}`,
      };
    case 'run_tests':
      return { target: rng.pick(['tests/', 'test_solution.py', '.']) };
    case 'browser_click':
      return { selector: rng.pick(['#submit', 'a.next', 'button.primary', '#search']) };
    default:
      return { path: rng.pick(['main.py', 'README.md', 'data.csv', 'src/app.py']) };
  }
}

function toolResult(rng: Rng, corpus: Corpus, name: string): string {
  switch (name) {
    case 'web_search':
      return JSON.stringify(
        Array.from({ length: 3 }, () => ({
          title: rng.pick(corpus.chat).slice(0, 60),
          snippet: rng.pick(corpus.replies).slice(0, 160),
        })),
      );
    case 'python':
    case 'calculator':
      return String(rng.int(0, 99999) / (rng.chance(0.5) ? 1 : 100));
    case 'run_tests':
      return `${rng.int(1, 30)} passed, ${rng.int(0, 2)} failed`;
    case 'sql_query':
      return JSON.stringify(
        Array.from({ length: rng.int(1, 4) }, () => ({
          id: rng.int(1, 9999),
          value: rng.int(0, 5000),
        })),
      );
    case 'write_file':
    case 'browser_click':
      return 'ok';
    default:
      return rng.pick(corpus.replies).slice(0, 500);
  }
}

const INTENT: Record<string, string> = {
  web_search: 'look up the background facts',
  fetch_url: 'read the source directly',
  python: 'compute the intermediate values exactly',
  sql_query: 'pull the numbers from the database',
  read_file: 'read the existing code',
  write_file: 'save the current solution',
  run_tests: 'check the solution against the tests',
  calculator: 'verify the arithmetic',
  browser_click: 'open the next page',
};
const THINK = [
  'Let me break the task into parts.',
  'The previous result narrows it down.',
  'Before answering I want to confirm one assumption.',
  'So far the approach holds up.',
  'There is an edge case to rule out first.',
  'I will proceed one step at a time.',
];

/** The assistant's step: a short plan that names the task, the last observation and the next call. */
function plan(rng: Rng, task: string, last: string, use: ToolUse): Reply {
  const seen = last ? ` The last result was ${last.slice(0, 80).replace(/\s+/g, ' ')}.` : '';
  const text = `${rng.pick(THINK)} The task: "${task.slice(0, 100).replace(/\s+/g, ' ')}".${seen} Next I need to ${INTENT[use.name] ?? 'gather more information'}, so I will call ${use.name}.`;
  const tokens = estimateTokens(text) + estimateTokens(JSON.stringify(use.input)) + 8;
  return { text, tokens, finish: 'tool', toolUse: use, effort: 0.5 };
}

/** One agent-distillation account: episodes of three to nine steps, a new tool subset each. */
export function agenticDistill(rng: Rng): PromptSource {
  const stream = rng.chance(0.5);
  const maxTokens = rng.pick([8192, 16000]);
  const temperature = rng.pick([0.7, 1]);
  let history: Msg[] = [];
  let tools: ToolDef[] = [];
  let system = '';
  let task = '';
  let steps = 0;
  return (ctx) => {
    const r = ctx.rng;
    if (steps <= 0) {
      const roll = r.float();
      task =
        roll < 0.4
          ? r.pick(ctx.corpus.hard)
          : roll < 0.75
            ? `${r.pick(ctx.corpus.code).q} Use the tools to test your solution.`
            : `${r.pick(ctx.corpus.math).q} Use the tools to verify each computation.`;
      tools = r.shuffle([...DISTILL_TOOLS]).slice(0, r.int(3, 7));
      system = r.pick(SYSTEMS);
      history = [{ role: 'user', text: task }];
      steps = r.int(3, 9);
    }
    steps--;
    const messages = history;
    const params = { stream, max_tokens: maxTokens, temperature, tools };
    if (steps > 0) {
      const name = r.pick(tools).name;
      const use: ToolUse = {
        id: `call_${r.hex(12)}`,
        name,
        input: toolInput(r, ctx.corpus, name, task),
      };
      const last = history[history.length - 1]?.toolResult?.text ?? '';
      const reply = plan(r, task, last, use);
      history = [
        ...history,
        { role: 'assistant', text: reply.text, toolUse: use },
        {
          role: 'user',
          text: '',
          toolResult: { id: use.id, text: toolResult(r, ctx.corpus, name) },
        },
      ];
      return { system, messages, params, reply };
    }
    history = [];
    const reply = makeReply(
      r,
      ctx.corpus,
      r.chance(0.5) ? 'code' : 'reasoning',
      r.lognormal(1500, 0.4),
      '',
      maxTokens,
    );
    return { system, messages, params, reply };
  };
}
