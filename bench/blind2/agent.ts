/**
 * Tool-using sessions: an honest coding agent working in someone's repository, and a
 * scripted "research agent" scaffold of the kind used to collect tool-use trajectories.
 * Each model call is one request carrying the whole (occasionally compacted) history.
 */
import type { CodeItem, Corpora } from './corpus.js';
import type { Rng } from './rng.js';
import { composeAnswer, fence, gsmWorked, keywords } from './text.js';
import {
  type Actor,
  type Call,
  type Msg,
  type Params,
  type Reply,
  type ToolDef,
  type World,
  call,
} from './wire.js';

export interface Round {
  /** A new message from the human before this model call. */
  user?: string;
  reply: Reply;
  /** Tool outputs the client sends back after this reply. */
  results?: { callId: string; name: string; text: string }[];
}

export interface Script {
  system: string;
  tools: ToolDef[];
  rounds: Round[];
}

const obj = (props: Record<string, string>, required: string[]): Record<string, unknown> => ({
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(props).map(([k, d]) => [k, { type: 'string', description: d }]),
  ),
  required,
});

export const DEV_TOOLS: ToolDef[] = [
  {
    name: 'list_dir',
    description: 'List files and folders under a path in the workspace.',
    params: obj({ path: 'Folder relative to the workspace root' }, ['path']),
  },
  {
    name: 'read_file',
    description: 'Read a text file from the workspace; returns numbered lines.',
    params: obj(
      { path: 'File path', start: 'First line (optional)', end: 'Last line (optional)' },
      ['path'],
    ),
  },
  {
    name: 'search',
    description: 'Search the workspace for a regular expression and return matching lines.',
    params: obj({ pattern: 'Regular expression', glob: 'Optional file glob' }, ['pattern']),
  },
  {
    name: 'edit_file',
    description: 'Replace an exact span of text in a file with new text.',
    params: obj(
      { path: 'File path', old_text: 'Exact text to replace', new_text: 'Replacement text' },
      ['path', 'old_text', 'new_text'],
    ),
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace and return stdout and stderr.',
    params: obj({ command: 'The command line', timeout_s: 'Timeout in seconds' }, ['command']),
  },
];

/** System prompt of an IDE/CLI coding assistant (written for this generator). */
export const DEV_SYSTEM = [
  'You are a software engineering assistant working inside the user’s repository through the tools provided.',
  'Work carefully and incrementally. Before changing a file, read the parts you will touch. Prefer small, reviewable edits over rewrites. Keep the existing style: naming, formatting, import order and error handling conventions of the surrounding code.',
  'Use run_command to execute tests, linters and type checkers. Never run commands that delete data outside the workspace, push to remote branches, or install global packages without asking.',
  'When a command fails, read the error output and fix the cause rather than the symptom. If you are unsure what the user wants, ask one short question instead of guessing.',
  'When you finish, reply with a brief summary: what changed, which files, and how you verified it. Do not paste entire files back; show only the relevant lines.',
  'Formatting: use Markdown. Put code in fenced blocks with a language tag. Refer to files with paths relative to the workspace root.',
  'Environment: the workspace is a git checkout. Python 3.11 and Node 20 are available. Network access may be restricted.',
].join('\n\n');

function numbered(code: string): string {
  return code
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
    .join('\n');
}

function callId(rng: Rng, style: 'openai' | 'anthropic'): string {
  return style === 'openai' ? `call_${rng.alnum(24)}` : `toolu_${rng.alnum(24)}`;
}

/** A coding session in a small Python project built around one code item. */
export function devScript(c: Corpora, rng: Rng, style: 'openai' | 'anthropic'): Script {
  const item: CodeItem = rng.pick(c.code);
  const mod = item.entry.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const path = `src/${rng.pick(['utils', 'core', 'lib', 'app'])}/${mod}.py`;
  const test = `tests/test_${mod}.py`;
  const arena = c.arena.filter((a) => a.coding);
  const task = rng.weighted([
    [
      `The tests in ${test} started failing after my last commit. Can you find out why and fix it?`,
      3,
    ],
    [
      `Add type hints and a proper docstring to \`${item.entry}\` in ${path}, then run the tests.`,
      2,
    ],
    [`Make \`${item.entry}\` handle empty input without crashing and add a test for it.`, 2],
    [`Write unit tests for ${path}. Cover the normal case and a couple of edge cases.`, 2],
    [`Refactor ${path} for readability; behaviour must not change.`, 1],
    [
      arena.length > 0
        ? `In this repo: ${rng.pick(arena).prompt.slice(0, 1200)}`
        : `Clean up ${path}.`,
      1,
    ],
  ] as const);
  const mk = (name: string, args: Record<string, unknown>): Call => ({
    id: callId(rng, style),
    name,
    args,
  });
  const rounds: Round[] = [];
  const step = (text: string, calls: Call[], results: string[], user?: string): void => {
    const r: Round = {
      reply: { text, calls, effort: 0.3 },
      results: calls.map((cl, i) => ({ callId: cl.id, name: cl.name, text: results[i] ?? '' })),
    };
    if (user !== undefined) r.user = user;
    rounds.push(r);
  };
  const ls = mk('list_dir', { path: '.' });
  step(
    rng.pick(['', "I'll start by looking at the project layout.", 'Let me get oriented first.']),
    [ls],
    [
      `README.md\npyproject.toml\nsrc/\ntests/\n.github/\n${rng.chance(0.5) ? 'docs/\n' : ''}requirements-dev.txt`,
    ],
    task,
  );
  const read = mk('read_file', { path });
  step('', [read], [numbered(item.code)]);
  if (rng.chance(0.6)) {
    const s = mk('search', { pattern: item.entry, glob: '**/*.py' });
    step(
      `Checking where \`${item.entry}\` is used.`,
      [s],
      [
        `${path}:1:def ${item.entry}(...)\n${test}:3:from src import ${item.entry}\n${test}:${rng.int(8, 30)}:    assert ${item.entry}(`,
      ],
    );
  }
  const run1 = mk('run_command', { command: `python -m pytest -q ${test}`, timeout_s: '120' });
  const failures = rng.int(1, 3);
  step(
    'Running the tests to see the current state.',
    [run1],
    [
      `${'F'.repeat(failures)}${'.'.repeat(rng.int(2, 6))}\n=================================== FAILURES ===================================\n____ test_${mod}_${rng.pick(['basic', 'empty', 'edge'])} ____\n\n    def test_case():\n>       ${item.tests[0] ?? `assert ${item.entry}([]) == []`}\nE       AssertionError\n\n${test}:${rng.int(5, 40)}: AssertionError\n${failures} failed, ${rng.int(2, 6)} passed in 0.${rng.int(10, 99)}s`,
    ],
  );
  const lines = item.code.split('\n');
  const target = lines.find((l) => l.trim().startsWith('return')) ?? lines[lines.length - 1] ?? '';
  const edit = mk('edit_file', {
    path,
    old_text: target,
    new_text: `${target}  # handles empty input`,
  });
  step(
    `The failure comes from how \`${item.entry}\` treats its input at the end. I'll make a minimal change.`,
    [edit],
    [`Applied 1 edit to ${path}.`],
  );
  const run2 = mk('run_command', { command: `python -m pytest -q ${test}`, timeout_s: '120' });
  step(
    '',
    [run2],
    [`${'.'.repeat(rng.int(4, 9))}\n${rng.int(4, 9)} passed in 0.${rng.int(10, 99)}s`],
  );
  rounds.push({
    reply: {
      text: `Fixed. The problem was in \`${item.entry}\` (${path}): the final step did not account for the case the test exercises.\n\n${fence(target.trim(), 'python')}\n\nAll tests in ${test} pass now. I did not touch any other files.`,
      effort: 0.2,
    },
  });
  if (rng.chance(0.35)) {
    const more = mk('edit_file', {
      path: test,
      old_text: '',
      new_text: `def test_${mod}_negative():\n    assert ${item.entry} is not None\n`,
    });
    step(
      'Adding the test.',
      [more],
      [`Applied 1 edit to ${test}.`],
      rng.pick([
        'also add a test for that case please',
        'can you add a regression test?',
        'nice. add a test too',
      ]),
    );
    rounds.push({
      reply: { text: `Added \`test_${mod}_negative\` to ${test}; the suite still passes.` },
    });
  }
  return { system: DEV_SYSTEM, tools: DEV_TOOLS, rounds };
}

// ---------------------------------------------------------------------------
// Research-agent scaffold (used by a tool-use harvesting campaign)

export const RESEARCH_TOOLS: ToolDef[] = [
  {
    name: 'web_search',
    description: 'Search the web. Returns the top results with title, url and snippet.',
    params: obj({ query: 'Search query' }, ['query']),
  },
  {
    name: 'open_url',
    description: 'Fetch a web page and return its main text.',
    params: obj({ url: 'Absolute URL' }, ['url']),
  },
  {
    name: 'run_python',
    description: 'Execute Python code in a sandbox and return stdout.',
    params: obj({ code: 'Python source' }, ['code']),
  },
  {
    name: 'save_note',
    description: 'Store an intermediate finding for later steps.',
    params: obj({ title: 'Short title', body: 'Content' }, ['title', 'body']),
  },
];

export const RESEARCH_SYSTEM = [
  'You are an autonomous assistant that completes tasks by calling tools. You may call tools as many times as needed.',
  'Policy: before acting, state in one or two sentences what you are about to do and why it is the right next action. After each tool result, say what you learned from it and how it changes your plan. Do not skip this commentary, even for simple actions.',
  'Use web_search for facts you are not certain of, open_url to read sources, run_python for any arithmetic or data manipulation, and save_note to keep findings.',
  'When done, give a complete final answer that stands on its own, followed by a short recap of the actions you took and why each was needed.',
  'Never ask the user questions; make reasonable assumptions and state them.',
].join('\n\n');

const DOMAINS = [
  'en.wikipedia.org',
  'www.britannica.com',
  'docs.python.org',
  'arxiv.org',
  'www.nature.com',
  'stackoverflow.com',
  'www.bbc.co.uk',
  'ourworldindata.org',
];

/** A research-agent trajectory for one task, with fabricated but plausible tool outputs. */
export function researchScript(c: Corpora, rng: Rng): Script {
  const r = rng.next();
  let task: string;
  let final: string;
  if (r < 0.3 && c.gsm.length > 0) {
    const m = rng.pick(c.gsm);
    task = m.q;
    final = gsmWorked(m, rng);
  } else if (r < 0.65 && c.tasks.length > 0) {
    const t = rng.pick(c.tasks);
    task = t.input ? `${t.instruction}\n\n${t.input}` : t.instruction;
    final =
      t.output.length > 200 ? t.output : `${t.output}\n\n${composeAnswer(task, rng, 'prose', 1.2)}`;
  } else {
    task = rng.pick([...c.prompts, ...c.arena.map((a) => a.prompt)]);
    final = composeAnswer(task, rng, 'auto', 1.6);
  }
  const k = keywords(task, 5);
  const mk = (name: string, args: Record<string, unknown>): Call => ({
    id: callId(rng, 'anthropic'),
    name,
    args,
  });
  const rounds: Round[] = [];
  const q = k.slice(0, 3).join(' ');
  const search = mk('web_search', { query: q });
  const results = Array.from({ length: 5 }, (_, i) => {
    const d = rng.pick(DOMAINS);
    return `${i + 1}. ${k[i % k.length] ?? q} — ${rng.pick(['overview', 'explained', 'guide', 'FAQ', 'history', 'data'])}\n   https://${d}/${k[(i + 1) % k.length] ?? 'page'}-${rng.int(10, 9999)}\n   ${composeAnswer(q, rng, 'short')}`;
  }).join('\n');
  rounds.push({
    user: task,
    reply: {
      text: rng.pick([
        `To answer this I first need reliable background on ${k[0]}, so I will search for it before drafting anything.`,
        `I don't want to rely on memory for ${k[0]}; a quick search should tell me what the current consensus is.`,
        `The task hinges on ${k[0]} and ${k[1] ?? 'its context'}. Searching first gives me sources to check my draft against.`,
        `Plan: look up ${k[0]}, read the best source, then write. Starting with a search because the details matter here.`,
        `Before writing about ${k[0]} I should gather a few sources; that is cheaper than correcting a wrong draft later.`,
      ]),
      calls: [search],
      effort: 0.4,
    },
    results: [{ callId: search.id, name: 'web_search', text: results }],
  });
  const open = mk('open_url', { url: `https://${rng.pick(DOMAINS)}/${k[0]}-${rng.int(10, 999)}` });
  const page = rng.pick(
    c.dialogs.length > 0 ? c.dialogs : [[{ user: '', assistant: composeAnswer(q, rng) }]],
  );
  rounds.push({
    reply: {
      text: rng.pick([
        `The second result looks most authoritative and specific to ${k[1] ?? k[0]}. Reading it will tell me whether the snippets are accurate.`,
        `The snippets disagree slightly about ${k[0]}, so I'll open the most detailed page and check directly.`,
        `Result ${rng.int(1, 5)} seems to cover ${k[1] ?? k[0]} in depth; opening it to confirm before I rely on it.`,
        `Snippets are too short to trust. Reading the fuller source on ${k[0]} next.`,
      ]),
      calls: [open],
      effort: 0.4,
    },
    results: [
      {
        callId: open.id,
        name: 'open_url',
        text: page
          .map((e) => e.assistant)
          .join('\n\n')
          .slice(0, 2400),
      },
    ],
  });
  if (rng.chance(0.5)) {
    const py = mk('run_python', {
      code: `values = [${Array.from({ length: 4 }, () => rng.int(2, 400)).join(', ')}]\nprint(sum(values), sum(values) / len(values))`,
    });
    rounds.push({
      reply: {
        text: rng.pick([
          'The page gives figures I should check rather than trust; running the arithmetic in Python avoids a slip.',
          `There are numbers involved in ${k[0]}; computing them in Python is more reliable than doing it in my head.`,
          'I will verify the totals with a short script so the final answer does not carry an arithmetic error.',
        ]),
        calls: [py],
        effort: 0.5,
      },
      results: [
        {
          callId: py.id,
          name: 'run_python',
          text: `${rng.int(100, 1600)} ${rng.range(20, 400).toFixed(2)}`,
        },
      ],
    });
  }
  if (rng.chance(0.4)) {
    const note = mk('save_note', {
      title: `${k[0]} findings`,
      body: composeAnswer(q, rng, 'short'),
    });
    rounds.push({
      reply: {
        text: rng.pick([
          'Saving what I have so far so the final answer can cite it.',
          `Recording the key points about ${k[0]} before writing, so nothing gets lost.`,
          'Noting these findings; the final write-up will draw on them.',
        ]),
        calls: [note],
        effort: 0.3,
      },
      results: [{ callId: note.id, name: 'save_note', text: 'saved' }],
    });
  }
  rounds.push({
    reply: {
      text: `${final}\n\n**Recap of actions**\n1. Searched for ${q} to establish the background, because the task depends on facts I should verify.\n2. Read the most specific source to confirm the details.\n3. Checked the numbers before writing the answer, so the final figures are consistent.`,
      effort: 0.7,
    },
  });
  return { system: RESEARCH_SYSTEM, tools: RESEARCH_TOOLS, rounds };
}

/** Runs a script: one request per model call, tool results fed back, context compacted when long. */
export function runScript(
  w: World,
  a: Actor,
  start: number,
  s: Script,
  model: string,
  params: Params,
  pace: { tool: () => number; human: () => number; maxMsgs?: number },
): number {
  let msgs: Msg[] = [];
  let t = start;
  let end = start;
  rounds: for (const r of s.rounds) {
    if (r.user !== undefined) {
      if (msgs.length > 0) t = end + pace.human();
      msgs.push({ role: 'user', text: r.user });
    }
    end = call(w, a, t, { model, system: s.system, msgs, tools: s.tools, params }, r.reply);
    const assistant: Msg = r.reply.calls
      ? { role: 'assistant', text: r.reply.text, calls: r.reply.calls }
      : { role: 'assistant', text: r.reply.text };
    msgs.push(assistant);
    for (const res of r.results ?? [])
      msgs.push({ role: 'tool', callId: res.callId, name: res.name, text: res.text });
    t = end + pace.tool();
    const max = pace.maxMsgs ?? 30;
    if (msgs.length > max) {
      for (let i = msgs.length - 10; i < msgs.length; i += 1) {
        if (msgs[i]?.role === 'assistant') {
          msgs = [
            {
              role: 'user',
              text: `[Earlier conversation summarised] The user asked: ${(msgs[0]?.role === 'user' ? msgs[0].text : '').slice(0, 400)}. Work so far: files inspected and tests run.`,
            },
            ...msgs.slice(i),
          ];
          continue rounds;
        }
      }
    }
  }
  return end;
}
