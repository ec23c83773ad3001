// Conversation content drawn from the corpora, shared by honest and hostile personas.
import type { CodeTask, Corpus, QA } from './corpus.js';
import type { Reply } from './core.js';
import type { Rng } from './rng.js';
import { NATIVE_CHAT, composeAnswer, workedAnswer } from './text.js';
import type { Msg, ToolDef } from './world.js';

export interface Turn {
  user: Msg[];
  reply: Reply;
}

const HONEST_FOLLOW = [
  'can you make it shorter?',
  'Thanks! Could you make it a bit more formal?',
  'ok, and what would you recommend for a beginner?',
  'Can you give me an example?',
  'That’s helpful. What are the downsides?',
  'Could you put that in a table?',
  'Now translate it into Spanish please',
  'what about if I only have a weekend?',
  'Perfect. One more thing — how long would that take?',
  'hmm not quite what I meant. I meant for a small team',
  'Rewrite it in a friendlier tone',
  'great, thanks',
];

/** A casual multi-turn chat of up to k turns. */
export function chatScript(
  rng: Rng,
  c: Corpus,
  k: number,
): { system: string | null; turns: Turn[] } {
  const src = rng.int(0, 9);
  const turns: Turn[] = [];
  let system: string | null = null;
  if (src <= 2) {
    const d = rng.pick(c.oasst).turns;
    for (let i = 0; i + 1 < d.length && turns.length < k; i += 2)
      turns.push({ user: [{ role: 'user', text: d[i]!.text }], reply: { text: d[i + 1]!.text } });
  } else if (src <= 4) {
    const d = rng.pick(c.hh).turns;
    for (let i = 0; i + 1 < d.length && turns.length < k; i += 2)
      turns.push({ user: [{ role: 'user', text: d[i]!.text }], reply: { text: d[i + 1]!.text } });
  } else if (src === 5) {
    const q = rng.pick(c.mtbench);
    for (const u of q.slice(0, k))
      turns.push({
        user: [{ role: 'user', text: u }],
        reply: { text: composeAnswer(rng, u, rng.int(120, 600)) },
      });
  } else if (src === 6) {
    const langs = Object.keys(NATIVE_CHAT) as (keyof typeof NATIVE_CHAT)[];
    const l = rng.pick(langs);
    const u = rng.pick(NATIVE_CHAT[l] ?? ['hola']);
    turns.push({
      user: [{ role: 'user', text: u }],
      reply: { text: composeAnswer(rng, u, rng.int(80, 350)) },
    });
  } else if (src === 7) {
    const r = rng.pick(c.roles);
    system = rng.chance(0.5) ? r.prompt : null;
    const u = system ? rng.pick(c.chat) : r.prompt;
    turns.push({
      user: [{ role: 'user', text: u }],
      reply: { text: composeAnswer(rng, u, rng.int(100, 500)) },
    });
  } else {
    const u = rng.pick(c.chat);
    turns.push({
      user: [{ role: 'user', text: u }],
      reply: { text: composeAnswer(rng, u, rng.int(60, 500)) },
    });
  }
  while (turns.length < k) {
    const u = rng.pick(HONEST_FOLLOW);
    turns.push({
      user: [{ role: 'user', text: u }],
      reply: { text: composeAnswer(rng, turns[0]?.user[0]?.text ?? u, rng.int(40, 300)) },
    });
  }
  if (turns.length === 0)
    turns.push({ user: [{ role: 'user', text: 'hi' }], reply: { text: 'Hi! How can I help?' } });
  return { system, turns: turns.slice(0, Math.max(1, k)) };
}

/** Flattens turns 0..t into the message list sent at turn t. */
export function historyAt(turns: Turn[], t: number): Msg[] {
  const msgs: Msg[] = [];
  for (let i = 0; i < t && i < turns.length; i++) {
    msgs.push(...turns[i]!.user);
    const r = turns[i]!.reply;
    const m: Msg = { role: 'assistant', text: r.text };
    if (r.toolCalls) m.toolCalls = r.toolCalls;
    msgs.push(m);
  }
  const cur = turns[Math.min(t, turns.length - 1)];
  if (cur) msgs.push(...cur.user);
  return msgs;
}

export function mathItem(rng: Rng, c: Corpus, hard = 0.3): QA {
  const r = rng.next();
  if (r < hard * 0.3) return rng.pick(c.compMath);
  if (r < hard) return rng.pick(c.math);
  return rng.pick(c.gsm8k);
}

export function mathReply(rng: Rng, item: QA, verbose: boolean): Reply {
  return { text: workedAnswer(rng, item.a || item.final, item.final, verbose) };
}

export function codeItem(rng: Rng, c: Corpus): CodeTask {
  return rng.chance(0.3) ? rng.pick(c.humaneval) : rng.pick(c.mbpp);
}

export function codeReply(rng: Rng, task: CodeTask, explain: boolean): string {
  const parts = [
    rng.pick([
      'Here is an implementation:',
      'This should do it:',
      'One straightforward solution:',
      '',
    ]),
    '```python\n' + task.solution.trim() + '\n```',
  ];
  if (explain)
    parts.push(
      rng.pick([
        'It walks the input once, so it runs in linear time.',
        'The helper keeps the state small; edge cases (empty input, duplicates) are handled by the early return.',
        'I kept it close to the spec; you can add type hints if your codebase uses them.',
        'Tests: ' + task.tests.split('\n').slice(0, 2).join(' '),
      ]),
    );
  return parts.filter(Boolean).join('\n\n');
}

export const CODING_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace and return its contents.',
    params: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'apply_patch',
    description: 'Apply a unified diff to the workspace.',
    params: { type: 'object', properties: { patch: { type: 'string' } }, required: ['patch'] },
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the project root and return stdout/stderr.',
    params: {
      type: 'object',
      properties: { cmd: { type: 'string' }, timeout_s: { type: 'number' } },
      required: ['cmd'],
    },
  },
  {
    name: 'search_code',
    description: 'Search the repository for a regular expression.',
    params: { type: 'object', properties: { pattern: { type: 'string' } }, required: ['pattern'] },
  },
];

export const COMPUTER_TOOLS: ToolDef[] = [
  {
    name: 'computer',
    description: 'Control a desktop: take screenshots, move the mouse, click and type.',
    params: {
      type: 'object',
      properties: {
        action: { type: 'string', enum: ['screenshot', 'click', 'type', 'scroll', 'key'] },
        x: { type: 'number' },
        y: { type: 'number' },
        text: { type: 'string' },
      },
      required: ['action'],
    },
  },
];

const FILES = [
  'src/utils.py',
  'app/models.py',
  'lib/parser.ts',
  'src/server/routes.ts',
  'pkg/store/store.go',
  'tests/test_core.py',
  'README.md',
  'src/main.rs',
];

/** A coding-agent session: the task, a few tool round-trips, then a patch and a summary. */
export function agentScript(
  rng: Rng,
  c: Corpus,
  k: number,
  idp: string,
): { system: string; turns: Turn[]; tools: ToolDef[] } {
  const useArena = rng.chance(0.5);
  const task = codeItem(rng, c);
  const arena = rng.pick(c.arena).prompt;
  const ask = useArena
    ? arena
    : rng.pick([
        `The function in ${rng.pick(FILES)} is failing its tests. The spec: ${task.prompt.slice(0, 600)}`,
        `Implement this: ${task.prompt.slice(0, 600)}`,
        `Can you add a helper for this? ${task.prompt.slice(0, 500)}`,
        `refactor the thing in ${rng.pick(FILES)} — ${task.prompt.slice(0, 300)}`,
      ]);
  const system = rng.pick([
    'You are a coding agent running inside the user’s editor. Use the tools to inspect the workspace before changing it. Keep diffs minimal. Never run destructive commands.',
    'You are an autonomous software engineer. Plan briefly, use tools, verify with tests, and report what you changed.',
    'You are a pair-programming assistant. Prefer small, reviewable patches. Explain changes concisely.',
  ]);
  const turns: Turn[] = [];
  const file = rng.pick(FILES);
  let callN = 0;
  const call = (name: string, args: Record<string, unknown>): Turn['reply'] => ({
    text: rng.chance(0.5)
      ? rng.pick([
          'Let me look at the code first.',
          'Checking the tests.',
          'I will run the suite.',
          '',
        ])
      : '',
    toolCalls: [{ id: `${idp}${rng.hex(8)}${callN++}`, name, args }],
  });
  turns.push({ user: [{ role: 'user', text: ask }], reply: call('read_file', { path: file }) });
  const steps = Math.max(1, k - 1);
  for (let i = 1; i < k; i++) {
    const prev = turns[i - 1]!.reply.toolCalls?.[0];
    const out =
      prev?.name === 'read_file'
        ? '```\n' + (useArena ? task.solution : task.prompt).slice(0, 1800) + '\n```'
        : prev?.name === 'run_command'
          ? rng.pick([
              `============ ${rng.int(3, 40)} passed, ${rng.int(1, 3)} failed in ${rng.range(0.2, 9).toFixed(2)}s ============\nFAILED tests/test_core.py::test_edge - AssertionError`,
              `ok  \tpkg/store\t${rng.range(0.1, 2).toFixed(3)}s`,
              `Tests: ${rng.int(10, 90)} passed, ${rng.int(10, 90)} total`,
              'error[E0308]: mismatched types\n --> src/main.rs:14:9',
            ])
          : prev?.name === 'search_code'
            ? `${file}:${rng.int(3, 200)}: def ${task.id.replace(/\W/g, '_')}(...)`
            : 'Patch applied.';
    const user: Msg[] = prev
      ? [{ role: 'tool', toolCallId: prev.id, text: out }]
      : [{ role: 'user', text: rng.pick(HONEST_FOLLOW) }];
    if (i === steps)
      turns.push({
        user,
        reply: {
          text: rng.pick([
            `Done. I updated ${file} and the failing test now passes.\n\n` +
              codeReply(rng, task, false),
            `Summary of changes:\n- fixed the edge case in ${file}\n- added a test\n\nAll tests pass locally.`,
            `I made the change. Here's the relevant part:\n\n` + codeReply(rng, task, true),
          ]),
        },
      });
    else {
      const next = rng.weighted([
        ['run_command', 4],
        ['apply_patch', 3],
        ['search_code', 2],
        ['read_file', 2],
      ] as const);
      const args: Record<string, unknown> =
        next === 'run_command'
          ? {
              cmd: rng.pick([
                'pytest -q',
                'npm test',
                'go test ./...',
                'cargo test',
                'pytest -x tests/',
              ]),
            }
          : next === 'apply_patch'
            ? {
                patch:
                  `--- a/${file}\n+++ b/${file}\n@@ -1,4 +1,6 @@\n` +
                  task.solution
                    .split('\n')
                    .slice(0, 6)
                    .map((l) => '+' + l)
                    .join('\n'),
              }
            : next === 'search_code'
              ? { pattern: rng.pick(['def ', 'TODO', 'class ', 'import ', 'export function']) }
              : { path: rng.pick(FILES) };
      turns.push({ user, reply: call(next, args) });
    }
  }
  return { system, turns, tools: CODING_TOOLS };
}
