// Tool-use trajectories for coding agents (honest IDE agents and the agentic
// distillation campaign share the mechanics; what differs is who drives them).
import type { Call, Event, Msg, ToolCall, ToolDef } from './api.js';
import type { CodeItem, Corpus } from './corpus.js';
import type { Rng } from './rng.js';
import type { Actor } from './sim.js';
import { diffFor, fakePath, pytestOutput } from './text.js';

const obj = (props: Record<string, unknown>, required: string[]): Record<string, unknown> => ({
  type: 'object',
  properties: props,
  required,
});

export const CODE_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace. Returns the file contents with line numbers.',
    params: obj({ path: { type: 'string', description: 'Path relative to the repository root' } }, [
      'path',
    ]),
  },
  {
    name: 'edit_file',
    description:
      'Replace an exact string in a file with new text. The old string must match exactly once.',
    params: obj(
      { path: { type: 'string' }, old_str: { type: 'string' }, new_str: { type: 'string' } },
      ['path', 'old_str', 'new_str'],
    ),
  },
  {
    name: 'run_command',
    description:
      'Run a shell command in the workspace and return stdout and stderr. Commands time out after 120 seconds.',
    params: obj({ command: { type: 'string' }, timeout: { type: 'integer' } }, ['command']),
  },
  {
    name: 'search_code',
    description:
      'Search the repository for a regular expression; returns matching lines with paths.',
    params: obj({ pattern: { type: 'string' }, glob: { type: 'string' } }, ['pattern']),
  },
  {
    name: 'list_dir',
    description: 'List the entries of a directory.',
    params: obj({ path: { type: 'string' } }, ['path']),
  },
];

export const ALT_TOOLS: ToolDef[] = [
  {
    name: 'bash',
    description: 'Execute a bash command in a persistent shell session.',
    params: obj({ command: { type: 'string' } }, ['command']),
  },
  {
    name: 'str_replace_editor',
    description: 'View, create and edit files. Commands: view, create, str_replace, insert.',
    params: obj(
      {
        command: { type: 'string', enum: ['view', 'create', 'str_replace', 'insert'] },
        path: { type: 'string' },
        old_str: { type: 'string' },
        new_str: { type: 'string' },
        file_text: { type: 'string' },
      },
      ['command', 'path'],
    ),
  },
];

export interface Step {
  text: string;
  calls: ToolCall[];
  results: { callId: string; name: string; text: string; isError?: boolean }[];
}

export interface Trajectory {
  task: string;
  steps: Step[];
  final: string;
  tools: ToolDef[];
}

function numbered(code: string): string {
  return code
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}\t${l}`)
    .join('\n');
}

export function codingTask(rng: Rng, c: Corpus, item: CodeItem): string {
  const chatCode = c.chat.filter((x) => x.kind === 'code');
  if (chatCode.length && rng.chance(0.25)) return rng.pick(chatCode).text;
  const fn = item.name;
  return rng.pick([
    `The tests for \`${fn}\` are failing after my last change, can you fix it?`,
    `Add a function \`${fn}\`: ${item.prompt.split('\n')[0] ?? item.prompt} Put it in the utils module and add tests.`,
    `${fn} returns the wrong result for empty input. Please investigate and fix.`,
    `Refactor \`${fn}\` so it's easier to read, keep behaviour the same, and make sure the test suite still passes.`,
    `can you implement ${fn}? spec: ${item.prompt.split('\n')[0] ?? item.prompt}`,
    `CI is red on main — looks like something in ${fn}. Take a look?`,
  ]);
}

export function trajectory(rng: Rng, c: Corpus, item: CodeItem, alt = false): Trajectory {
  const path = fakePath(rng).replace(/\.\w+$/, '.py');
  const testPath = `tests/test_${item.name}.py`;
  const code = item.solution.trim();
  const steps: Step[] = [];
  let n = 0;
  const id = (): string => (alt ? `toolu_${rng.alnum(24)}` : `call_${rng.alnum(24)}`);
  const step = (
    text: string,
    name: string,
    args: Record<string, unknown>,
    result: string,
    isError = false,
  ): void => {
    const callId = id();
    const r: Step['results'][number] = { callId, name, text: result };
    if (isError) r.isError = true;
    steps.push({ text, calls: [{ id: callId, name, args }], results: [r] });
    n++;
  };
  const run = (cmd: string): [string, Record<string, unknown>] =>
    alt ? ['bash', { command: cmd }] : ['run_command', { command: cmd }];
  const read = (p: string): [string, Record<string, unknown>] =>
    alt ? ['str_replace_editor', { command: 'view', path: p }] : ['read_file', { path: p }];
  if (rng.chance(0.6)) {
    const [nm, args] = alt
      ? run(`grep -rn "def ${item.name}" --include=*.py .`)
      : ['search_code', { pattern: `def ${item.name}` }];
    step(
      rng.pick(['', "Let me find where that's defined.", "I'll start by locating the function."]),
      nm,
      args,
      `${path}:${rng.int(3, 80)}:def ${item.name}(...):`,
    );
  } else {
    const [nm, args] = alt ? run('ls -la && git status --short') : ['list_dir', { path: '.' }];
    step(
      '',
      nm,
      args,
      `README.md\npyproject.toml\n${path.split('/')[0] ?? 'src'}/\ntests/\n.github/\n`,
    );
  }
  const [rn, ra] = read(path);
  step(
    rng.pick(['', 'Reading the current implementation.']),
    rn,
    ra,
    numbered(code.slice(0, 1800)),
  );
  if (rng.chance(0.7)) {
    const [tn, ta] = read(testPath);
    step(
      '',
      tn,
      ta,
      numbered(
        item.tests.join('\n').slice(0, 1200) || `def test_${item.name}():\n    assert ${item.name}`,
      ),
    );
  }
  const fails = rng.chance(0.65);
  const [pn, pa] = run(`python -m pytest ${testPath} -q`);
  if (fails)
    step(
      'Running the tests to reproduce.',
      pn,
      pa,
      pytestOutput(rng, rng.int(3, 20), rng.int(1, 3), item.name),
      true,
    );
  const lines = code.split('\n');
  const target = lines[Math.min(lines.length - 1, rng.int(1, 4))] ?? lines[0] ?? '';
  const editArgs = alt
    ? { command: 'str_replace', path, old_str: target, new_str: `${target}  # handle empty input` }
    : { path, old_str: target, new_str: `${target}  # handle empty input` };
  step(
    rng.pick([
      "The edge case isn't handled. Fixing it.",
      'Found it — the loop never runs for an empty input, so the function falls through and returns None.',
      "I'll make the change.",
    ]),
    alt ? 'str_replace_editor' : 'edit_file',
    editArgs,
    `The file ${path} has been edited.\n${diffFor(rng, path, code).slice(0, 900)}`,
  );
  if (rng.chance(0.3)) {
    step('', pn, pa, pytestOutput(rng, rng.int(3, 20), 1, item.name), true);
    step(
      'One more case.',
      alt ? 'str_replace_editor' : 'edit_file',
      editArgs,
      `The file ${path} has been edited.`,
    );
  }
  step('', pn, pa, pytestOutput(rng, rng.int(4, 24), 0, item.name));
  if (rng.chance(0.3)) {
    const [gn, ga] = run('git diff --stat');
    step(
      '',
      gn,
      ga,
      ` ${path} | ${rng.int(2, 12)} ++++--\n 1 file changed, ${rng.int(2, 8)} insertions(+), ${rng.int(1, 4)} deletions(-)`,
    );
  }
  const final = rng.pick([
    `Fixed. \`${item.name}\` now handles the empty case explicitly and all tests in \`${testPath}\` pass.`,
    `Done — the change is in \`${path}\`. Summary:\n\n- handled the edge case that returned \`None\`\n- kept the public signature unchanged\n- tests: all passing`,
    `All green now. The root cause was the missing guard at the top of \`${item.name}\`; I added it and the ${n > 5 ? 'two' : ''} failing tests pass.`,
  ]);
  return { task: codingTask(rng, c, item), steps, final, tools: alt ? ALT_TOOLS : CODE_TOOLS };
}

/** Emits one trajectory; returns the time after the last request. */
export function* playTrajectory(
  a: Actor,
  start: number,
  tr: Trajectory,
  model: string,
  base: Omit<Call, 'msgs' | 'reply' | 'model'>,
  gapMs: (rng: Rng) => number,
  firstMsgs: Msg[] = [],
): Generator<Event, number, undefined> {
  let ts = start;
  const msgs: Msg[] = [...firstMsgs, { role: 'user', text: tr.task }];
  for (const st of tr.steps) {
    const ev = a.ev(ts, {
      ...base,
      model,
      msgs: [...msgs],
      tools: tr.tools,
      reply: { text: st.text, toolCalls: st.calls },
    });
    yield ev;
    msgs.push({ role: 'assistant', text: st.text, toolCalls: st.calls });
    for (const r of st.results) {
      const m: Msg = { role: 'tool', callId: r.callId, name: r.name, text: r.text };
      if (r.isError) m.isError = true;
      msgs.push(m);
    }
    ts += Number((ev.response as { latencyMs?: number }).latencyMs ?? 800) + gapMs(a.rng);
  }
  const ev = a.ev(ts, {
    ...base,
    model,
    msgs: [...msgs],
    tools: tr.tools,
    reply: { text: tr.final },
  });
  yield ev;
  return ts + Number((ev.response as { latencyMs?: number }).latencyMs ?? 800);
}
