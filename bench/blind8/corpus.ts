// Loads the shared prompt corpora into plain in-memory pools.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface QA {
  q: string;
  a: string;
  final: string;
}
export interface Dialogue {
  turns: { role: 'user' | 'assistant'; text: string }[];
}
export interface CodeTask {
  id: string;
  prompt: string;
  solution: string;
  tests: string;
}
export interface RolePrompt {
  act: string;
  prompt: string;
}
export interface SeedTask {
  instruction: string;
  input: string;
  output: string;
}
export interface ArenaPrompt {
  prompt: string;
  cluster: string;
}
export interface FlanItem {
  q: string;
  answer: string;
  rationale: string;
}

export interface Corpus {
  chat: string[];
  oasst: Dialogue[];
  hh: Dialogue[];
  hhPairs: { prompt: string; chosen: string; rejected: string }[];
  arena: ArenaPrompt[];
  mtbench: string[][];
  roles: RolePrompt[];
  seeds: SeedTask[];
  userTasks: SeedTask[];
  alpaca: string;
  gsm8k: QA[];
  math: QA[];
  compMath: QA[];
  flan: FlanItem[];
  humaneval: CodeTask[];
  mbpp: CodeTask[];
}

function text(p: string): string {
  const buf = readFileSync(p);
  return p.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(p: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of text(p).split('\n')) {
    const t = line.trim();
    if (t) out.push(JSON.parse(t) as Record<string, unknown>);
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

function parseHH(s: string): Dialogue {
  const turns: Dialogue['turns'] = [];
  const parts = s.split(/\n\n(Human|Assistant): /);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const role = parts[i] === 'Human' ? 'user' : 'assistant';
    turns.push({ role, text: str(parts[i + 1]).trim() });
  }
  return { turns };
}

interface OasstNode {
  text?: string;
  role?: string;
  rank?: number | null;
  replies?: OasstNode[];
}

function oasstPath(node: OasstNode, out: Dialogue['turns']): void {
  out.push({ role: node.role === 'assistant' ? 'assistant' : 'user', text: str(node.text) });
  const replies = node.replies ?? [];
  if (replies.length === 0) return;
  let best = replies[0]!;
  for (const r of replies) if ((r.rank ?? 99) < (best.rank ?? 99)) best = r;
  oasstPath(best, out);
}

export function resolveDataDir(arg: string | undefined): string {
  if (arg) return arg;
  for (const c of ['../shared/data', '/work/shared/data']) if (existsSync(c)) return c;
  throw new Error('no data directory: pass --data DIR');
}

export function loadCorpus(dir: string): Corpus {
  const p = (...x: string[]): string => join(dir, ...x);

  const oasst: Dialogue[] = [];
  for (const r of jsonl(p('oasst-samples', 'en_100_tree.jsonl'))) {
    const turns: Dialogue['turns'] = [];
    oasstPath(r.prompt as OasstNode, turns);
    if (turns.length >= 2) oasst.push({ turns });
  }
  // The lottery file is a list of JSON strings, one per line.
  const lotteryText = text(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => str(JSON.parse(l)));

  const hh: Dialogue[] = [];
  const hhPairs: Corpus['hhPairs'] = [];
  for (const f of ['helpful-base-test.jsonl.gz', 'harmless-base-test.jsonl.gz']) {
    for (const r of jsonl(p('hh-rlhf', f))) {
      const c = parseHH(str(r.chosen));
      const rj = parseHH(str(r.rejected));
      if (c.turns.length >= 2) hh.push(c);
      const lastC = c.turns[c.turns.length - 1];
      const lastR = rj.turns[rj.turns.length - 1];
      const firstU = c.turns[0];
      if (lastC && lastR && firstU && lastC.role === 'assistant' && f.startsWith('helpful'))
        hhPairs.push({ prompt: firstU.text, chosen: lastC.text, rejected: lastR.text });
    }
  }

  const arena: ArenaPrompt[] = [];
  for (const f of ['arena-hard-v0.1_question.jsonl', 'arena-hard-v2.0_question.jsonl']) {
    for (const r of jsonl(p('arena-hard', f))) {
      const prompt = str(r.prompt);
      if (prompt && prompt.length < 6000)
        arena.push({ prompt, cluster: str(r.cluster ?? r.subcategory ?? r.category) });
    }
  }

  const mtbench: string[][] = [];
  for (const r of jsonl(p('mt-bench', 'mt_bench_question.jsonl')))
    mtbench.push((r.turns as unknown[]).map(str));
  for (const r of jsonl(p('mt-bench', 'vicuna_bench_question.jsonl')))
    mtbench.push((r.turns as unknown[]).map(str));
  const ultra = (
    JSON.parse(text(p('ultrachat-eval', 'ultra_eval.json'))) as { data: string }[]
  ).map((x) => x.data);

  const rows = parse(text(p('awesome-chatgpt-prompts', 'prompts.csv')), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  const roles: RolePrompt[] = rows
    .filter((r) => r.prompt && r.prompt.length > 40 && r.prompt.length < 4000)
    .map((r) => ({ act: str(r.act), prompt: str(r.prompt) }));

  const seedOf = (r: Record<string, unknown>): SeedTask => {
    const inst = (r.instances as Record<string, unknown>[] | undefined)?.[0] ?? {};
    return { instruction: str(r.instruction), input: str(inst.input), output: str(inst.output) };
  };
  const seeds = jsonl(p('self-instruct', 'seed_tasks.jsonl')).map(seedOf);
  const userTasks = jsonl(p('self-instruct', 'user_oriented_instructions.jsonl')).map(seedOf);
  const alpaca = text(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'));

  const gsm8k: QA[] = [];
  for (const f of ['test.jsonl', 'train.jsonl']) {
    for (const r of jsonl(p('gsm8k', f))) {
      const a = str(r.answer);
      const m = /####\s*(.+)$/.exec(a);
      gsm8k.push({
        q: str(r.question),
        a: a
          .replace(/<<[^>]*>>/g, '')
          .replace(/\n?####.*$/, '')
          .trim(),
        final: m?.[1]?.trim() ?? '',
      });
    }
  }
  const math: QA[] = jsonl(p('limo-eval-math', 'math_test.jsonl')).map((r) => ({
    q: str(r.problem),
    a: str(r.solution),
    final: str(r.answer),
  }));
  const compMath: QA[] = [];
  for (const f of ['aime_test.jsonl', 'amc_test.jsonl', 'olympiadbench_test.jsonl']) {
    for (const r of jsonl(p('limo-eval-math', f))) {
      const q = str(r.problem ?? r.question);
      if (q) compMath.push({ q, a: str(r.solution), final: str(r.answer) });
    }
  }

  const flan: FlanItem[] = [];
  for (const f of ['aqua_train.tsv', 'qasc_train.tsv', 'strategyqa_train.tsv']) {
    for (const line of text(p('flan-cot', f)).split('\n')) {
      const [q, answer, rationale] = line.split('\t');
      if (q && answer && rationale)
        flan.push({
          q: q.replace(/\\n/g, '\n'),
          answer,
          rationale: rationale.replace(/\\n/g, '\n'),
        });
    }
  }

  const humaneval: CodeTask[] = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    id: str(r.task_id),
    prompt: str(r.prompt),
    solution: str(r.prompt) + str(r.canonical_solution),
    tests: str(r.test),
  }));
  const mbpp: CodeTask[] = jsonl(p('mbpp', 'mbpp.jsonl')).map((r) => ({
    id: `mbpp/${str(r.task_id)}`,
    prompt: str(r.text),
    solution: str(r.code).replace(/\r\n/g, '\n'),
    tests: ((r.test_list as unknown[]) ?? []).map(str).join('\n'),
  }));

  const chat = [
    ...lotteryText.filter((x) => x.length > 3),
    ...ultra,
    ...mtbench.map((t) => t[0] ?? ''),
    ...hh.map((d) => d.turns[0]?.text ?? ''),
  ].filter((x) => x.length > 3);

  return {
    chat,
    oasst,
    hh,
    hhPairs,
    arena,
    mtbench,
    roles,
    seeds,
    userTasks,
    alpaca,
    gsm8k,
    math,
    compMath,
    flan,
    humaneval,
    mbpp,
  };
}
