/**
 * Tool-using agent episodes: a tool set, a task, and a loop of model tool calls and tool
 * results with a growing context, ending in a final answer. Shared by honest coding agents
 * (long sessions on one repository) and agentic harvesting (short episodes, diverse tasks).
 */
import type { Rng } from './rng.js';
import type { Call, ToolCall, ToolDef, Turn } from './wire.js';

const obj = (props: Record<string, string>, required: string[]): Record<string, unknown> => ({
  type: 'object',
  properties: Object.fromEntries(
    Object.entries(props).map(([k, d]) => [k, { type: 'string', description: d }]),
  ),
  required,
});

/** Tool sets of the IDE and terminal products honest developers use. */
export const IDE_TOOLS: Record<string, ToolDef[]> = {
  vscode: [
    {
      name: 'read_file',
      description: 'Read a file from the workspace.',
      parameters: obj({ path: 'Workspace-relative path' }, ['path']),
    },
    {
      name: 'edit_file',
      description: 'Replace a range of text in a file.',
      parameters: obj(
        { path: 'File path', old_text: 'Exact text to replace', new_text: 'Replacement' },
        ['path', 'old_text', 'new_text'],
      ),
    },
    {
      name: 'run_terminal_command',
      description: 'Run a shell command in the integrated terminal.',
      parameters: obj({ command: 'Command line' }, ['command']),
    },
    {
      name: 'search_codebase',
      description: 'Semantic search over the indexed workspace.',
      parameters: obj({ query: 'What to look for' }, ['query']),
    },
    {
      name: 'list_dir',
      description: 'List a directory.',
      parameters: obj({ path: 'Directory' }, ['path']),
    },
  ],
  terminal: [
    {
      name: 'Bash',
      description: 'Executes a bash command with an optional timeout.',
      parameters: obj({ command: 'The command', description: 'What it does' }, ['command']),
    },
    {
      name: 'Read',
      description: 'Reads a file from the local filesystem.',
      parameters: obj({ file_path: 'Absolute path' }, ['file_path']),
    },
    {
      name: 'Edit',
      description: 'Performs exact string replacements in files.',
      parameters: obj(
        { file_path: 'Absolute path', old_string: 'Text to replace', new_string: 'New text' },
        ['file_path', 'old_string', 'new_string'],
      ),
    },
    {
      name: 'Grep',
      description: 'Searches file contents with ripgrep.',
      parameters: obj({ pattern: 'Regex', path: 'Directory' }, ['pattern']),
    },
    {
      name: 'Glob',
      description: 'Finds files by glob pattern.',
      parameters: obj({ pattern: 'Glob' }, ['pattern']),
    },
    {
      name: 'TodoWrite',
      description: 'Updates the session task list.',
      parameters: obj({ todos: 'JSON list of tasks' }, ['todos']),
    },
  ],
  jetbrains: [
    {
      name: 'open_file',
      description: 'Open a file in the editor and return its text.',
      parameters: obj({ path: 'Project path' }, ['path']),
    },
    {
      name: 'apply_patch',
      description: 'Apply a unified diff to the project.',
      parameters: obj({ patch: 'Unified diff' }, ['patch']),
    },
    {
      name: 'run_tests',
      description: 'Run a test configuration and return the report.',
      parameters: obj({ target: 'Test class or package' }, ['target']),
    },
    {
      name: 'find_usages',
      description: 'Find usages of a symbol.',
      parameters: obj({ symbol: 'Fully qualified symbol' }, ['symbol']),
    },
  ],
};

const REPO_WORDS = [
  'billing',
  'invoice',
  'session',
  'auth',
  'profile',
  'report',
  'export',
  'cache',
  'queue',
  'order',
  'payment',
  'search',
  'upload',
  'webhook',
  'tenant',
  'schedule',
  'notification',
  'inventory',
];

/** A developer's repository: a language and some file paths. */
export interface Repo {
  lang: 'ts' | 'py' | 'java' | 'go';
  files: string[];
  name: string;
}

export function makeRepo(rng: Rng): Repo {
  const lang = rng.pick(['ts', 'py', 'java', 'go'] as const);
  const words = rng.sample(REPO_WORDS, 8);
  const ext = { ts: 'ts', py: 'py', java: 'java', go: 'go' }[lang];
  const dir = { ts: 'src', py: 'app', java: 'src/main/java/com/acme', go: 'internal' }[lang];
  const files = words.flatMap((w) => [
    `${dir}/${w}/${w}_service.${ext}`,
    `${dir}/${w}/${w}_test.${ext}`,
  ]);
  return {
    lang,
    files,
    name: `${rng.pick(REPO_WORDS)}-${rng.pick(['api', 'web', 'svc', 'platform'])}`,
  };
}

/** Plausible source text for a file (what a read tool returns). */
export function fileText(rng: Rng, path: string, lines: number): string {
  const base = path.split('/').pop()?.split('.')[0] ?? 'mod';
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    out.push(
      rng.pick([
        `  const ${base}Id = req.params.id;`,
        `  if (!${base}) throw new NotFoundError('${base} not found');`,
        `  return repo.find${cap(base)}ById(id);`,
        `  logger.info({ id }, '${base} updated');`,
        `  await db.transaction(async (tx) => {`,
        `  });`,
        `export async function handle${cap(base)}(ctx) {`,
        `}`,
        `  const result = await client.post('/v2/${base}', payload);`,
        `  // TODO: handle retries for ${base}`,
      ]),
    );
  }
  return out.join('\n');
}

const cap = (s: string): string => (s[0] ?? '').toUpperCase() + s.slice(1);

const TASKS = [
  (f: string) =>
    `The tests in ${f} started failing after I bumped the ORM version. Can you figure out why and fix it?`,
  (f: string) =>
    `Add pagination to the list endpoint in ${f}; keep the response shape backwards compatible.`,
  (f: string) => `Refactor ${f} so the retry logic lives in one helper. Don't change behaviour.`,
  (f: string) => `there's a race in ${f} when two requests update the same record, can you look`,
  (f: string) =>
    `Write unit tests for the edge cases in ${f}, especially empty input and timeouts.`,
  (f: string) => `Rename the config flag used in ${f} to something clearer and update all usages.`,
];

/** The developer's opening request for a session on `repo`. */
export function devTask(rng: Rng, repo: Repo): string {
  return rng.pick(TASKS)(rng.pick(repo.files));
}

/** A tool-call id in the API's own format. */
export function callId(rng: Rng, api: 'openai' | 'anthropic'): string {
  return api === 'openai' ? `call_${rng.alnum(24)}` : `toolu_01${rng.alnum(22)}`;
}

/** A tool call for `tool` with arguments that fit its schema. */
export function argsFor(rng: Rng, tool: ToolDef, paths: string[]): Record<string, unknown> {
  const props = (tool.parameters.properties ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) {
    if (/path|file/.test(k)) out[k] = rng.pick(paths);
    else if (/command/.test(k))
      out[k] = rng.pick([
        'npm test -- --silent',
        'pytest -q',
        'go test ./...',
        'git diff --stat',
        'ls -la',
        'python main.py',
      ]);
    else if (/query|pattern|symbol/.test(k))
      out[k] = rng.pick(['retry', 'TODO', 'handle', 'timeout', 'parse', 'config']);
    else if (/todos/.test(k)) out[k] = '[{"content":"investigate","status":"in_progress"}]';
    else if (/old/.test(k)) out[k] = '  return repo.findById(id);';
    else if (/new/.test(k)) out[k] = '  return repo.findById(id, { tx });';
    else if (/patch/.test(k)) out[k] = '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new';
    else out[k] = rng.pick(['run the unit tests', 'check the diff', 'inspect output']);
  }
  return out;
}

/** What a tool returned. */
export function toolOutput(rng: Rng, tool: string, input: Record<string, unknown>): string {
  const path = String(input.path ?? input.file_path ?? 'main');
  if (/read|open/i.test(tool)) return fileText(rng, path, rng.int(15, 60));
  if (/test|bash|terminal|command/i.test(tool)) {
    return rng.pick([
      `PASS  ${rng.int(12, 80)} tests\nTime: ${rng.float(0.5, 9).toFixed(2)}s`,
      `FAIL  ${path}\n  ● handles empty input\n    expected 0, received undefined\n      at Object.<anonymous> (${path}:${rng.int(10, 200)}:${rng.int(3, 40)})`,
      `exit status 0`,
      `Traceback (most recent call last):\n  File "${path}", line ${rng.int(5, 300)}, in <module>\nKeyError: 'id'`,
    ]);
  }
  if (/search|grep|glob|find|list/i.test(tool)) {
    return Array.from(
      { length: rng.int(2, 8) },
      () =>
        `${path.replace(/[^/]+$/, '')}${rng.pick(['index', 'util', 'types', 'handler'])}.ts:${rng.int(1, 300)}`,
    ).join('\n');
  }
  return 'ok';
}

/** Shrinks old tool output the way agent clients compact long contexts. */
export function compact(turns: Turn[], budget: number): void {
  let size = 0;
  for (const t of turns) for (const r of t.results ?? []) size += r.content.length;
  for (const t of turns) {
    if (size <= budget) return;
    for (const r of t.results ?? []) {
      if (r.content.length > 200) {
        size -= r.content.length - 40;
        r.content = `[output truncated: ${r.content.length} chars]`;
      }
    }
  }
}

/** One model step: either tool calls or a final text. */
export function agentStep(
  rng: Rng,
  call: Call,
  tools: ToolDef[],
  paths: string[],
  final: boolean,
): { text: string; calls?: ToolCall[] } {
  if (final) {
    return {
      text: rng.pick([
        `Done. I updated ${rng.pick(paths)} and the tests pass now. The root cause was a missing transaction handle when the record was re-read.`,
        `I've made the change in ${rng.pick(paths)}. Summary:\n- moved the retry loop into a helper\n- added tests for the timeout path\n- no behaviour change for existing callers`,
        `The failure came from an unhandled empty list. I added a guard and two tests; all ${rng.int(20, 90)} tests pass.`,
      ]),
    };
  }
  const n = rng.chance(0.2) ? 2 : 1;
  const calls: ToolCall[] = [];
  for (let i = 0; i < n; i++) {
    const tool = rng.pick(tools);
    calls.push({ id: callId(rng, call.api), name: tool.name, input: argsFor(rng, tool, paths) });
  }
  const text = rng.chance(0.5)
    ? rng.pick([
        'Let me look at the relevant code first.',
        'I will run the tests to see the failure.',
        'Checking where this is used.',
        '',
      ])
    : '';
  return { text, calls };
}
