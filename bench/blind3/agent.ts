// Tool-using agent trajectories: each step is one request carrying everything so far (the
// task, earlier tool calls and their results); the model either calls a tool or finishes.
import type { Rng } from './rng.js';
import type { CodeItem, Corpus } from './corpus.js';
import { clip, codeAnswer } from './text.js';
import type { NMsg, ToolDef } from './world.js';

export const CODING_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace and return its contents.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Path relative to the workspace root' } },
      required: ['path'],
    },
  },
  {
    name: 'edit_file',
    description: 'Replace an exact snippet in a file with new text.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        old_text: { type: 'string' },
        new_text: { type: 'string' },
      },
      required: ['path', 'old_text', 'new_text'],
    },
  },
  {
    name: 'run',
    description: 'Run a shell command in the workspace and return stdout and stderr.',
    parameters: {
      type: 'object',
      properties: { command: { type: 'string' }, timeout_s: { type: 'integer' } },
      required: ['command'],
    },
  },
  {
    name: 'grep',
    description: 'Search the workspace for a regular expression.',
    parameters: {
      type: 'object',
      properties: { pattern: { type: 'string' }, glob: { type: 'string' } },
      required: ['pattern'],
    },
  },
];

export const IDE_SYSTEM = `You are a coding assistant working inside the user's editor. You can read and edit files in the open workspace and run commands in its terminal through the tools provided.

Working rules:
- Look before you change: read the relevant files and search for call sites first.
- Keep edits small and focused on what the user asked. Do not reformat unrelated code.
- After editing, run the project's tests or the narrowest command that exercises your change.
- If a command fails, read the error and fix the cause rather than retrying blindly.
- Never run destructive commands (rm -rf, git push --force, dropping databases) without the user's explicit consent.
- When you are done, summarise what you changed and anything the user should check.

The workspace is a git repository. The user's operating system is {os}. Today's date is {date}.`;

const DIRS = ['src', 'app', 'lib', 'pkg', 'services', 'core', 'utils'];
const FILES = [
  'parser',
  'handlers',
  'models',
  'client',
  'cache',
  'billing',
  'auth',
  'jobs',
  'report',
  'geometry',
  'strings',
  'queue',
];

export interface Step {
  messages: NMsg[];
  answer: string;
  toolCall?: { id: string; name: string; input: unknown };
}

export function codingTrajectory(
  r: Rng,
  corpus: Corpus,
  task: string,
  nSteps: number,
  idFor: () => string,
  humanNudges: boolean,
  item?: CodeItem,
): Step[] {
  const conv: NMsg[] = [{ role: 'user', text: task }];
  const steps: Step[] = [];
  const file = `${r.pick(DIRS)}/${r.pick(FILES)}.py`;
  const testFile = `tests/test_${file.split('/')[1]}`;
  const code = item ?? r.pick(r.chance(0.5) ? corpus.mbpp : corpus.humaneval);
  for (let k = 0; k < nSteps; k++) {
    const last = k === nSteps - 1;
    if (last) {
      steps.push({
        messages: conv.slice(),
        answer: `${r.pick(['Done.', 'All set.', 'The change is in place.', 'Finished.'])} I updated \`${file}\` and the tests pass.\n\n${codeAnswer(code, r, corpus, false)}\n\n${r.pick(['Let me know if you want me to add more tests.', 'You may want to double-check the error message wording.', 'Nothing else in the repo calls this function.'])}`,
      });
      break;
    }
    const phase =
      k === 0
        ? 'grep'
        : k === 1
          ? 'read_file'
          : r.weighted([
              ['read_file', 3],
              ['edit_file', 3],
              ['run', 3],
              ['grep', 1],
            ] as const);
    let input: Record<string, unknown>;
    let result: string;
    switch (phase) {
      case 'grep':
        input = { pattern: code.entry, glob: '**/*.py' };
        result = `${file}:${r.int(3, 80)}:def ${code.entry}(\n${testFile}:${r.int(3, 40)}:from ${file.replace('/', '.').replace('.py', '')} import ${code.entry}`;
        break;
      case 'read_file':
        input = { path: r.chance(0.7) ? file : testFile };
        result = clip(code.solution, 1800);
        break;
      case 'edit_file':
        input = {
          path: file,
          old_text: clip(code.solution.split('\n').slice(0, 3).join('\n'), 300),
          new_text: clip(code.solution.split('\n').slice(0, 4).join('\n'), 400),
        };
        result = 'Edit applied.';
        break;
      default: {
        const ok = r.chance(0.6);
        input = {
          command: r.pick([
            `pytest -q ${testFile}`,
            'pytest -q',
            `python -m pytest ${testFile} -x`,
          ]),
        };
        result = ok
          ? `${'.'.repeat(r.int(3, 20))}\n${r.int(3, 40)} passed in ${r.range(0.2, 4).toFixed(2)}s`
          : `F..\n=================================== FAILURES ===================================\n___ test_${code.entry} ___\n    assert ${code.entry}(...) == expected\nE   AssertionError\n1 failed, ${r.int(2, 20)} passed in ${r.range(0.2, 3).toFixed(2)}s`;
      }
    }
    const id = idFor();
    const thought = r.chance(0.5)
      ? r.pick([
          'Let me look at how this is used first.',
          'I’ll check the current implementation.',
          'Now I’ll run the tests.',
          'I’ll make the change.',
          '',
        ])
      : '';
    const toolCall = { id, name: phase, input };
    steps.push({ messages: conv.slice(), answer: thought, toolCall });
    conv.push(
      thought
        ? { role: 'assistant', text: thought, toolUse: toolCall }
        : { role: 'assistant', toolUse: toolCall },
    );
    conv.push({ role: 'tool', toolUseId: id, result });
    if (humanNudges && r.chance(0.06) && k < nSteps - 2) {
      conv.push({
        role: 'user',
        text: r.pick([
          'Also keep the old function name as an alias, other code imports it.',
          'wait, don’t touch the tests file',
          'Use the logging module instead of print.',
          'can you make it handle None too',
        ]),
      });
    }
  }
  return steps;
}
