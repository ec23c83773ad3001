// Small building blocks for families: account ages, chat sessions, agent sessions.
import type { Ctx } from './ctx.js';
import { CODING_TOOLS, call, compact, toolRound, type Kit } from './kit.js';
import type { Rng } from './rng.js';
import type { NMsg, Params, ToolDef } from './serve.js';
import { DAY, type Actor, type Model } from './world.js';

export function ago(ctx: Ctx, rng: Rng, minDays: number, maxDays: number): number {
  return ctx.start - rng.range(minDays, maxDays) * DAY;
}

export interface ChatTurn {
  user: string;
  served: string;
  blocks?: string[];
  reasoning?: number;
}

/** A multi-turn chat: history grows, each turn after the previous answer and a think time. */
export function chat(
  ctx: Ctx,
  a: Actor,
  t0: number,
  model: Model | ((ts: number) => Model),
  turns: ChatTurn[],
  params: Params,
  o: { system?: string; systemBlocks?: boolean; thinkSec?: number; ip?: string; key?: string } = {},
): number {
  const h: NMsg[] = [];
  let t = t0;
  const ip = o.ip ?? ctx.ipFor(a);
  for (const turn of turns) {
    const um: NMsg = turn.blocks
      ? { role: 'user', text: turn.user, blocks: turn.blocks }
      : { role: 'user', text: turn.user };
    h.push(um);
    const mdl = typeof model === 'function' ? model(t) : model;
    const conv = {
      msgs: [...h],
      params,
      ...(o.system ? { system: o.system } : {}),
      ...(o.systemBlocks ? { systemBlocks: true } : {}),
    };
    const served = { text: turn.served, ...(turn.reasoning ? { reasoning: turn.reasoning } : {}) };
    const e = ctx.emit(a, t, mdl, conv, served, { ip, ...(o.key ? { key: o.key } : {}) });
    h.push({ role: 'assistant', text: e ? String(e.response.text) || turn.served : turn.served });
    t += ctx.lastLatency(e) + ctx.think(a.rng, o.thinkSec ?? 40);
  }
  return t;
}

/** A coding-agent session over a task: reads, edits, runs tests, with a growing history. */
export function agentSession(
  ctx: Ctx,
  a: Actor,
  t0: number,
  model: Model | ((ts: number) => Model),
  kit: Kit,
  o: {
    steps: number;
    system: string;
    thinkSec: number;
    userTurns: number;
    params: Params;
    tools?: ToolDef[];
    keep?: number;
    task?: string;
    alwaysPass?: boolean;
  },
): number {
  const rng = a.rng;
  const task = kit.pickCode(rng);
  const file = `${rng.pick(['src', 'lib', 'app', 'pkg'])}/${rng.pick(['utils', 'core', 'helpers', 'solver', 'parse'])}.py`;
  const h: NMsg[] = [
    {
      role: 'user',
      text:
        o.task ??
        `${rng.pick(['', 'hey ', 'ok so '])}${task.prompt.split('\n')[0]?.slice(0, 300)} — it's in ${file}, ${rng.pick(['tests are failing', 'please implement it', 'can you fix it', 'add tests too'])}`,
    },
  ];
  let t = t0;
  const ip = ctx.ipFor(a);
  const tools = o.tools ?? CODING_TOOLS;
  let userLeft = o.userTurns;
  for (let i = 0; i < o.steps; i++) {
    const mdl = typeof model === 'function' ? model(t) : model;
    const last = i === o.steps - 1;
    let out;
    let k;
    if (!last) {
      const r = i === 0 ? 0 : rng.int(0, 3);
      if (r === 0) k = call(rng, a.api, 'read_file', { path: file });
      else if (r === 1)
        k = call(rng, a.api, 'search', {
          pattern: rng.pick(['def ', 'TODO', 'import ', 'assert']),
          glob: '**/*.py',
        });
      else if (r === 2) {
        const lines = task.solution.split('\n');
        k = call(rng, a.api, 'edit_file', {
          path: file,
          old_str: lines[rng.int(0, Math.max(0, lines.length - 1))] ?? 'pass',
          new_str: lines.slice(0, rng.int(1, Math.max(1, lines.length))).join('\n'),
        });
      } else
        k = call(rng, a.api, 'run_command', {
          command: rng.pick(['pytest -q', 'python -m pytest -x', 'ruff check .', 'git diff']),
        });
      out = {
        text: rng.chance(0.4)
          ? rng.pick([
              'Let me look at the file first.',
              'Running the tests.',
              'I will update the function.',
              'Checking usages.',
            ])
          : '',
        calls: [k],
      };
    } else out = { text: kit.code2served(rng, task) };
    const conv = { system: o.system, msgs: compact([...h], o.keep ?? 14), tools, params: o.params };
    const e = ctx.emit(a, t, mdl, conv, out, { ip });
    t += ctx.lastLatency(e);
    if (k) {
      let result: string;
      if (k.name === 'read_file')
        result = task.solution.replace(/return .*/, 'return None  # TODO');
      else if (k.name === 'run_command')
        result =
          o.alwaysPass || rng.chance(0.4)
            ? `${rng.int(3, 40)} passed in ${rng.range(0.2, 4).toFixed(2)}s`
            : `FAILED ${task.tests.split('\n')[0]?.slice(0, 200) ?? 'test_main'}\n1 failed, ${rng.int(1, 20)} passed`;
      else if (k.name === 'search')
        result = `${file}:${rng.int(1, 80)}: ${task.solution.split('\n')[0] ?? ''}`;
      else result = 'OK: 1 replacement';
      toolRound(h, k, result, out.text);
      t += rng.range(200, 3000); // tool execution on the client
    } else h.push({ role: 'assistant', text: out.text });
    if (userLeft > 0 && rng.chance(0.18)) {
      userLeft--;
      h.push({
        role: 'user',
        text: rng.pick([
          'no, keep the old signature',
          'looks good, also handle empty input',
          'why did you change that?',
          'run the full suite',
          'wait, use a dict instead',
        ]),
      });
      t += ctx.think(rng, o.thinkSec * 2);
    } else t += ctx.think(rng, o.thinkSec, 0.6);
  }
  return t;
}

export function paramsFor(rng: Rng, style: 'chat' | 'sdk' | 'agent' | 'batch'): Params {
  if (style === 'chat') return { stream: true, ...(rng.chance(0.3) ? { temperature: 0.7 } : {}) };
  if (style === 'agent')
    return {
      stream: true,
      max_tokens: rng.pick([4096, 8192, 16000]),
      temperature: rng.pick([0, 0.2, 1]),
    };
  if (style === 'batch') return { temperature: 0, max_tokens: rng.pick([256, 512, 1024]) };
  const p: Params = {};
  if (rng.chance(0.6)) p.temperature = rng.pick([0, 0.2, 0.5, 0.7, 1]);
  if (rng.chance(0.5)) p.max_tokens = rng.pick([512, 1024, 2048, 4096]);
  if (rng.chance(0.3)) p.stream = true;
  return p;
}
