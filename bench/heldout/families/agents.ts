/**
 * Coding agents in IDEs: long multi-turn sessions with tool calls and tool results, the
 * context growing each step, in a developer's working hours. Also the tool-trajectory
 * machinery (tool sets, results, a run of steps) the agentic harvest reuses with its own
 * environments.
 */
import { client, type Client } from '../clients.js';
import { sessions } from '../clock.js';
import { fill } from '../reword.js';
import { codeAnswer, fit } from '../reply.js';
import type { Rng } from '../rng.js';
import { itemOf } from '../tasks.js';
import type { Call, HEvent, Output, Params, ToolCall, ToolDef, ToolResult, Turn } from '../wire.js';
import type { Actor, Account, Family, World } from '../world.js';
import { MODELS, thinkModel } from '../world.js';
import { personActor, personRecord } from './common.js';

const obj = (props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: props,
  required,
});
const s = (description: string) => ({ type: 'string', description });

export const IDE_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace. Returns its contents with line numbers.',
    parameters: obj({ path: s('Path relative to the workspace root') }, ['path']),
  },
  {
    name: 'edit_file',
    description: 'Replace an exact string in a file with a new string.',
    parameters: obj(
      { path: s('File path'), old_str: s('Exact text to replace'), new_str: s('Replacement text') },
      ['path', 'old_str', 'new_str'],
    ),
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace and return stdout and stderr.',
    parameters: obj(
      {
        command: s('The command line'),
        timeout_s: { type: 'integer', description: 'Timeout in seconds' },
      },
      ['command'],
    ),
  },
  {
    name: 'search',
    description: 'Search the workspace with a regular expression.',
    parameters: obj({ pattern: s('Regex'), path: s('Directory to search') }, ['pattern']),
  },
  {
    name: 'list_dir',
    description: 'List a directory.',
    parameters: obj({ path: s('Directory') }, ['path']),
  },
];

const AGENT_SYSTEM = (product: string) =>
  [
    `You are ${product}, an AI pair programmer working inside the user's editor. You can read and edit files and run commands through the tools provided.`,
    '# Working style\n- Keep answers short; the user sees your tool calls.\n- Prefer small, reviewable edits. Never rewrite a whole file when a local edit will do.\n- Match the existing code style, naming and formatting of the project.\n- Do not add comments that restate the code.',
    '# Tools\n- Read a file before editing it. Use search to find definitions instead of guessing paths.\n- Run the project tests after a change when a test command is known (package.json scripts, Makefile, pytest.ini, go.mod).\n- Never run destructive commands (rm -rf, git push --force, dropping databases) without asking.',
    '# Safety\n- Do not exfiltrate secrets. If you find credentials in the code, mention it to the user and do not print them.\n- Refuse to write malware or code whose main purpose is to harm.',
    '# Planning\nBefore editing, think through the change and its effect on callers and tests. For tasks with several parts, keep a short checklist and update it as you go.',
    '# Communication\nWhen you finish, summarise what changed, which files were touched and how it was verified. If something could not be verified, say so plainly.',
    `# Environment\nOS: ${'linux'}\nShell: bash\nThe workspace is a git repository; do not commit unless asked.`,
  ].join('\n\n');

const DEV_TASKS = [
  'Fix the failing test in {tests/test_api.py|src/utils.test.ts|pkg/store/store_test.go}.',
  'Add pagination to the {/users|/orders|/invoices} endpoint, default page size 50.',
  'Rename {fetchData|load_config|parseRow} to something clearer and update all callers.',
  'The {CSV export|nightly job|login flow} is slow; find out why and speed it up.',
  'Add input validation to {the signup form|the settings API|the upload handler}.',
  'Write unit tests for {the date helpers|the pricing module|the retry logic}.',
  'Upgrade {pydantic to v2|react-router to v6|the Go version to 1.22} and fix what breaks.',
  'Why does {the websocket disconnect after a minute|the cache return stale data|the build fail on CI}?',
  'Refactor {the payment service|the report generator|the CLI parser} into smaller functions.',
  'Implement this: {Q}',
];

const FILES = [
  'src/app.py',
  'src/api/routes.py',
  'src/utils/dates.ts',
  'pkg/store/store.go',
  'tests/test_api.py',
  'src/components/Table.tsx',
  'lib/retry.js',
  'README.md',
];

/** A tool call and the result the environment returns, for an IDE session. */
function ideStep(rng: Rng, w: World): { call: ToolCall; result: ToolResult } {
  const name = rng.weighted<string>([
    ['read_file', 5],
    ['search', 3],
    ['run_command', 3],
    ['edit_file', 3],
    ['list_dir', 1],
  ]);
  const id = `toolu_${rng.b62(22)}`;
  const file = rng.pick(FILES);
  const code = itemOf(w.corpus, 'code', rng).code ?? '';
  switch (name) {
    case 'read_file': {
      const body = code
        .split('\n')
        .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
        .join('\n');
      return {
        call: { id, name, args: { path: file } },
        result: { id, content: body.slice(0, 700), tokens: Math.round(rng.lognormal(1400, 0.6)) },
      };
    }
    case 'search':
      return {
        call: {
          id,
          name,
          args: {
            pattern: rng.pick([
              'def \\w+_total',
              'TODO',
              'import requests',
              'useState\\(',
              'func New',
            ]),
            path: 'src',
          },
        },
        result: {
          id,
          content: `${file}:${rng.int(3, 200)}: ${code.split('\n')[0] ?? ''}\n${rng.pick(FILES)}:${rng.int(3, 200)}: ${code.split('\n')[1] ?? ''}`,
        },
      };
    case 'run_command': {
      const ok = rng.chance(0.6);
      const cmd = rng.pick([
        'pytest -q',
        'npm test --silent',
        'go test ./...',
        'ruff check .',
        'npx tsc --noEmit',
      ]);
      const out = ok
        ? `${rng.int(12, 240)} passed in ${rng.range(0.4, 30).toFixed(2)}s`
        : `FAILED tests/test_api.py::test_${rng.id(6)} - AssertionError: assert ${rng.int(0, 9)} == ${rng.int(10, 99)}\n${rng.int(1, 5)} failed, ${rng.int(10, 200)} passed`;
      return {
        call: { id, name, args: { command: cmd } },
        result: { id, content: out, tokens: Math.round(rng.lognormal(250, 0.8)) },
      };
    }
    case 'edit_file':
      return {
        call: {
          id,
          name,
          args: {
            path: file,
            old_str: code.split('\n')[1] ?? 'pass',
            new_str: (code.split('\n')[1] ?? 'pass').replace(/\w+/, (m) => m + '_v2'),
          },
        },
        result: { id, content: 'Edited 1 occurrence.' },
      };
    default:
      return {
        call: { id, name, args: { path: 'src' } },
        result: { id, content: FILES.join('\n') },
      };
  }
}

/** A run of steps: each request carries the whole trajectory so far (tool calls and results). */
export function* trajectory(
  actor: Actor,
  times: number[],
  rng: Rng,
  base: { model: string; system: string; tools: ToolDef[]; params: Params },
  task: string,
  step: () => { call: ToolCall; result: ToolResult },
  final: () => Output,
  preamble: () => string,
  who?: Client,
): Generator<HEvent> {
  const turns: Turn[] = [{ role: 'user', text: task }];
  for (let i = 0; i < times.length; i++) {
    const last = i === times.length - 1;
    const call: Call = {
      model: base.model,
      system: base.system,
      tools: base.tools,
      params: base.params,
      turns: turns.slice(),
    };
    if (last) {
      yield actor.send(times[i]!, call, final(), rng, 0, who);
      return;
    }
    const st = step();
    const text = rng.chance(0.5) ? preamble() : '';
    yield actor.send(
      times[i]!,
      call,
      { text, tokens: rng.int(30, 180), calls: [st.call] },
      rng,
      0,
      who,
    );
    turns.push(
      { role: 'assistant', ...(text ? { text } : {}), calls: [st.call] },
      { role: 'user', results: [st.result] },
    );
  }
}

function codingAgent(w: World, rng: Rng): Account {
  const { rec, country } = personRecord(w, rng, { tier: rng.pick(['tier-2', 'tier-3', 'tier-4']) });
  const product = rng.chance(0.65) ? 'ide-agent' : 'vscode-ext';
  const actor = personActor(w, rng, rec.id, client(rng, product));
  const system = AGENT_SYSTEM(product === 'ide-agent' ? 'Codepilot CLI' : 'Copycat for VS Code');
  const plan = sessions(rng, w.start, w.end, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.15,
    perWeek: rng.lognormal(220, 0.5) * w.volume,
    perSession: rng.range(8, 14),
    gapS: 16,
  });
  const events = function* (): Generator<HEvent> {
    for (const times of plan) {
      const q = itemOf(w.corpus, rng.chance(0.5) ? 'hard' : 'code', rng).q;
      const task = fill(rng, rng.pick(DEV_TASKS)).replace('{Q}', () => q.slice(0, 600));
      const model = rng.chance(0.6) ? MODELS.pro : thinkModel(w, times[0]!, rng, 0.3, 0.5);
      yield* trajectory(
        actor,
        times.slice(0, 18),
        rng,
        {
          model,
          system,
          tools: IDE_TOOLS,
          params: { max_tokens: 8192, stream: true, temperature: 0 },
        },
        task,
        () => ideStep(rng, w),
        () =>
          fit(
            `Done. ${rng.pick(['Updated', 'Changed', 'Fixed'])} ${rng.pick(FILES)} and ran the tests (${rng.int(10, 200)} passed).\n\n${codeAnswer(task, rng).slice(0, 500)}`,
            rng.lognormal(260, 0.5),
          ),
        () =>
          rng.pick([
            "I'll look at the file first.",
            'Let me check how this is called.',
            'Running the tests to see the failure.',
            'Now applying the fix.',
            'Searching for the definition.',
          ]),
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'coding-agent', campaign: null },
    events,
  };
}

export const AGENTS: Family[] = [
  {
    name: 'coding-agent',
    malicious: false,
    base: 50,
    min: 3,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => codingAgent(w, rng.fork(i))),
    }),
  },
];
