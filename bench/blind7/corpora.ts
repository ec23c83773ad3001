// Loads the shared prompt corpora into plain pools. Missing files give empty pools, and a
// tiny built-in fallback keeps every pool non-empty so the generator always runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface Qa {
  q: string;
  a: string;
}
export interface MathItem {
  q: string;
  steps: string;
  final: string;
  src: string;
}
export interface CotItem {
  q: string;
  answer: string;
  rationale: string;
}
export interface CodeItem {
  task: string;
  solution: string;
  entry: string;
  src: string;
}
export interface Dialogue {
  turns: { role: 'user' | 'assistant'; text: string }[];
  rejected: string;
}
export interface Role {
  act: string;
  prompt: string;
}
export interface Instruction {
  instruction: string;
  input: string;
  output: string;
}

export interface Corpora {
  chat: string[]; // single user prompts (oasst lottery, vicuna, ultrachat, mt-bench first turns)
  chatQa: Qa[]; // oasst prompt + human-written reply
  twoTurn: string[][]; // mt-bench two-turn questions
  arena: { prompt: string; topic: string }[];
  gsm: MathItem[];
  comp: MathItem[]; // MATH, AIME, AMC, olympiad
  cot: CotItem[];
  code: CodeItem[];
  helpful: Dialogue[];
  harmless: Dialogue[];
  roles: Role[];
  instructions: Instruction[];
  seeds: Instruction[];
  alpaca: string;
}

function readText(p: string): string | undefined {
  if (!existsSync(p)) return undefined;
  const buf = readFileSync(p);
  return p.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(p: string): Record<string, unknown>[] {
  const t = readText(p);
  if (t === undefined) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of t.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    try {
      const v: unknown = JSON.parse(s);
      if (typeof v === 'string') out.push({ text: v });
      else if (v && typeof v === 'object') out.push(v as Record<string, unknown>);
    } catch {
      // skip malformed line
    }
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));

function tsv(p: string): string[][] {
  const t = readText(p);
  if (t === undefined) return [];
  return t
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t').map((c) => c.replace(/\\n/g, '\n')));
}

function parseHh(p: string): Dialogue[] {
  const out: Dialogue[] = [];
  for (const r of jsonl(p)) {
    const chosen = str(r['chosen']);
    const rejected = str(r['rejected']);
    const parts = chosen.split(/\n\n(Human|Assistant): /);
    const turns: Dialogue['turns'] = [];
    for (let i = 1; i + 1 < parts.length; i += 2) {
      const text = (parts[i + 1] ?? '').trim();
      if (!text) continue;
      turns.push({ role: parts[i] === 'Human' ? 'user' : 'assistant', text });
    }
    const rj = rejected.split('\n\nAssistant: ');
    if (turns.length >= 2 && turns[turns.length - 1]?.role === 'assistant') {
      out.push({ turns, rejected: (rj[rj.length - 1] ?? '').trim() });
    }
  }
  return out;
}

function stripGsm(ans: string): { steps: string; final: string } {
  const clean = ans.replace(/<<[^>]*>>/g, '');
  const idx = clean.lastIndexOf('####');
  return idx >= 0
    ? { steps: clean.slice(0, idx).trim(), final: clean.slice(idx + 4).trim() }
    : { steps: clean.trim(), final: '' };
}

function boxed(sol: string): string {
  const i = sol.lastIndexOf('\\boxed{');
  if (i < 0) return '';
  let depth = 0;
  let out = '';
  for (let j = i + 7; j < sol.length; j++) {
    const ch = sol[j] ?? '';
    if (ch === '{') depth++;
    if (ch === '}') {
      if (depth === 0) break;
      depth--;
    }
    out += ch;
  }
  return out;
}

export function resolveDataDir(arg: string | undefined): string {
  if (arg) return arg;
  if (existsSync('../shared/data')) return '../shared/data';
  return '/work/shared/data';
}

export function loadCorpora(dir: string): Corpora {
  const chat: string[] = [];
  for (const r of jsonl(join(dir, 'oasst-samples/prompt_lottery_en_250_text.jsonl')))
    chat.push(str(r['text']));
  for (const r of jsonl(join(dir, 'mt-bench/vicuna_bench_question.jsonl'))) {
    const t = r['turns'];
    if (Array.isArray(t) && typeof t[0] === 'string') chat.push(t[0]);
  }
  const twoTurn: string[][] = [];
  for (const r of jsonl(join(dir, 'mt-bench/mt_bench_question.jsonl'))) {
    const t = r['turns'];
    if (Array.isArray(t)) twoTurn.push(t.map(str));
  }
  const ue = readText(join(dir, 'ultrachat-eval/ultra_eval.json'));
  if (ue) {
    try {
      const arr = JSON.parse(ue) as { data?: unknown }[];
      for (const r of arr) if (typeof r.data === 'string') chat.push(r.data);
    } catch {
      // ignore
    }
  }
  const chatQa: Qa[] = [];
  for (const r of jsonl(join(dir, 'oasst-samples/en_100_message.jsonl'))) {
    const replies = r['replies'];
    if (Array.isArray(replies) && replies.length > 0) {
      const first = replies[0] as Record<string, unknown>;
      chatQa.push({ q: str(r['text']), a: str(first['text']) });
    }
  }
  const arena: Corpora['arena'] = [];
  for (const f of ['arena-hard-v0.1_question.jsonl', 'arena-hard-v2.0_question.jsonl']) {
    for (const r of jsonl(join(dir, 'arena-hard', f))) {
      const topic = str(r['cluster'] ?? r['subcategory']) || 'general';
      arena.push({ prompt: str(r['prompt']), topic });
    }
  }
  const gsm: MathItem[] = [];
  for (const f of ['test.jsonl', 'train.jsonl']) {
    for (const r of jsonl(join(dir, 'gsm8k', f))) {
      const { steps, final } = stripGsm(str(r['answer']));
      gsm.push({ q: str(r['question']), steps, final, src: `gsm8k/${f}` });
    }
  }
  const comp: MathItem[] = [];
  for (const f of [
    'math_test.jsonl',
    'aime_test.jsonl',
    'amc_test.jsonl',
    'olympiadbench_test.jsonl',
  ]) {
    for (const r of jsonl(join(dir, 'limo-eval-math', f))) {
      const q = str(r['problem'] ?? r['question']);
      let sol = r['solution'];
      if (Array.isArray(sol)) sol = sol.map(str).join('\n');
      const steps = str(sol);
      let final = str(r['answer'] ?? r['final_answer']);
      if (Array.isArray(r['final_answer']))
        final = (r['final_answer'] as unknown[]).map(str).join(', ');
      if (!final) final = boxed(steps);
      if (q) comp.push({ q, steps: steps || `The answer is ${final}.`, final, src: f });
    }
  }
  const cot: CotItem[] = [];
  for (const f of ['aqua_train.tsv', 'qasc_train.tsv', 'strategyqa_train.tsv']) {
    for (const row of tsv(join(dir, 'flan-cot', f))) {
      if (row.length >= 3)
        cot.push({ q: row[0] ?? '', answer: row[1] ?? '', rationale: row[2] ?? '' });
    }
  }
  const code: CodeItem[] = [];
  for (const r of jsonl(join(dir, 'humaneval/HumanEval.jsonl.gz'))) {
    code.push({
      task: str(r['prompt']),
      solution: str(r['prompt']) + str(r['canonical_solution']),
      entry: str(r['entry_point']),
      src: 'humaneval',
    });
  }
  for (const r of jsonl(join(dir, 'mbpp/mbpp.jsonl'))) {
    const c = str(r['code']).replace(/\r/g, '');
    const m = /def\s+(\w+)/.exec(c);
    code.push({ task: str(r['text']), solution: c, entry: m?.[1] ?? 'solve', src: 'mbpp' });
  }
  const helpful = parseHh(join(dir, 'hh-rlhf/helpful-base-test.jsonl.gz'));
  const harmless = parseHh(join(dir, 'hh-rlhf/harmless-base-test.jsonl.gz'));
  const roles: Role[] = [];
  const csv = readText(join(dir, 'awesome-chatgpt-prompts/prompts.csv'));
  if (csv) {
    try {
      const rows = parse(csv, {
        columns: true,
        skip_empty_lines: true,
        relax_quotes: true,
      }) as Record<string, string>[];
      for (const r of rows)
        if (r['act'] && r['prompt']) roles.push({ act: r['act'], prompt: r['prompt'] });
    } catch {
      // ignore
    }
  }
  const toInstr = (r: Record<string, unknown>): Instruction => {
    const inst = Array.isArray(r['instances'])
      ? (r['instances'][0] as Record<string, unknown>)
      : {};
    return {
      instruction: str(r['instruction']),
      input: str(inst['input']),
      output: str(inst['output']),
    };
  };
  const instructions = jsonl(join(dir, 'self-instruct/user_oriented_instructions.jsonl')).map(
    toInstr,
  );
  const seeds = jsonl(join(dir, 'self-instruct/seed_tasks.jsonl')).map(toInstr);
  const alpaca =
    readText(join(dir, 'distill-gen-templates/stanford_alpaca_prompt.txt')) ??
    'Come up with 20 diverse task instructions.';

  // Fallbacks so that no pool is empty.
  if (chat.length === 0) chat.push('How do I improve my sleep?', 'What is a monad?');
  if (chatQa.length === 0) chatQa.push({ q: 'What is rust?', a: 'Rust is iron oxide.' });
  if (twoTurn.length === 0) twoTurn.push(['Write a haiku about rain.', 'Now make it sadder.']);
  if (arena.length === 0)
    arena.push({ prompt: 'Write a bash script to rotate logs.', topic: 'code' });
  if (gsm.length === 0) gsm.push({ q: 'What is 2+3?', steps: '2+3=5', final: '5', src: 'x' });
  if (comp.length === 0) comp.push({ q: 'Solve x^2=4, x>0.', steps: 'x=2', final: '2', src: 'x' });
  if (cot.length === 0) cot.push({ q: 'Is water wet?', answer: 'yes', rationale: 'It is.' });
  if (code.length === 0)
    code.push({
      task: 'Add two numbers.',
      solution: 'def add(a,b):\n    return a+b',
      entry: 'add',
      src: 'x',
    });
  const dlg: Dialogue = {
    turns: [
      { role: 'user', text: 'Hi' },
      { role: 'assistant', text: 'Hello!' },
    ],
    rejected: 'Go away.',
  };
  if (helpful.length === 0) helpful.push(dlg);
  if (harmless.length === 0) harmless.push(dlg);
  if (roles.length === 0) roles.push({ act: 'Tutor', prompt: 'I want you to act as a tutor.' });
  const fb: Instruction = { instruction: 'Summarise this.', input: 'Text.', output: 'Summary.' };
  if (instructions.length === 0) instructions.push(fb);
  if (seeds.length === 0) seeds.push(fb);
  return {
    chat,
    chatQa,
    twoTurn,
    arena,
    gsm,
    comp,
    cot,
    code,
    helpful,
    harmless,
    roles,
    instructions,
    seeds,
    alpaca,
  };
}
