// Loads the shared prompt corpora (../shared/data) into plain arrays, with small built-in
// stand-ins when a folder is missing so the generator still runs on a fresh clone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/** A question with a worked reference answer (derivation, rationale or solution). */
export interface Worked {
  id: string;
  q: string;
  a: string;
  final: string;
}
export interface CodeTask {
  id: string;
  prompt: string;
  solution: string;
  tests: string;
}
export interface Turn {
  user: string;
  assistant: string;
}
export interface Dialogue {
  turns: Turn[];
}
export interface Role {
  act: string;
  prompt: string;
}
export interface Instr {
  instruction: string;
  input: string;
  output: string;
}

export interface Corpora {
  gsm8k: Worked[];
  gsm8kTest: Worked[];
  math: Worked[];
  comp: Worked[];
  flan: Worked[];
  humaneval: CodeTask[];
  mbpp: CodeTask[];
  arenaCode: string[];
  arenaOther: string[];
  chat: string[];
  oasst: Dialogue[];
  helpful: Dialogue[];
  harmless: Dialogue[];
  mtbench: { id: string; cat: string; turns: string[] }[];
  roles: Role[];
  seeds: Instr[];
  userTasks: Instr[];
  alpaca: string;
  source: string;
}

function readMaybeGz(path: string): string {
  if (!existsSync(path)) return '';
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(path: string): Record<string, unknown>[] {
  const text = readMaybeGz(path);
  const out: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      out.push(JSON.parse(t) as Record<string, unknown>);
    } catch {
      // a corrupt line is skipped; the corpora are reference text, not contracts
    }
  }
  return out;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function cleanGsm(a: string): { a: string; final: string } {
  const stripped = a.replace(/<<[^>]*>>/g, '');
  const m = /####\s*(.+)\s*$/.exec(stripped);
  const final = m?.[1]?.trim() ?? '';
  return { a: stripped.replace(/####\s*.+$/, '').trim(), final };
}

function hhTurns(s: string): Turn[] {
  const parts = s.split(/\n\n(Human|Assistant): /);
  const turns: Turn[] = [];
  let user = '';
  for (let i = 1; i < parts.length; i += 2) {
    const who = parts[i];
    const text = (parts[i + 1] ?? '').trim();
    if (who === 'Human') user = text;
    else if (user) {
      turns.push({ user, assistant: text });
      user = '';
    }
  }
  return turns;
}

interface OasstNode {
  text?: string;
  role?: string;
  rank?: number | null;
  replies?: OasstNode[];
}

function oasstPath(root: OasstNode): Turn[] {
  const turns: Turn[] = [];
  let node: OasstNode | undefined = root;
  while (node && node.role === 'prompter') {
    const replies: OasstNode[] = node.replies ?? [];
    const best: OasstNode | undefined = [...replies].sort(
      (x, y) => (x.rank ?? 9) - (y.rank ?? 9),
    )[0];
    if (!best || !best.text) break;
    turns.push({ user: node.text ?? '', assistant: best.text });
    const next: OasstNode[] = best.replies ?? [];
    node = [...next].sort((x, y) => (x.rank ?? 9) - (y.rank ?? 9))[0];
  }
  return turns;
}

export function loadCorpora(dir: string | null): Corpora {
  const c = builtin();
  if (!dir) return c;
  const p = (...xs: string[]) => join(dir, ...xs);
  const gsm = (f: string) =>
    jsonl(p('gsm8k', f)).map((r, i) => {
      const g = cleanGsm(str(r.answer));
      return { id: `gsm8k/${f}/${i}`, q: str(r.question), a: g.a, final: g.final };
    });
  const g1 = gsm('train.jsonl');
  if (g1.length) c.gsm8k = g1;
  const g2 = gsm('test.jsonl');
  if (g2.length) c.gsm8kTest = g2;
  const math = jsonl(p('limo-eval-math', 'math_test.jsonl')).map((r, i) => ({
    id: `math/${i}`,
    q: str(r.problem),
    a: str(r.solution),
    final: str(r.answer),
  }));
  if (math.length) c.math = math;
  const comp: Worked[] = [];
  for (const f of ['aime_test.jsonl', 'amc_test.jsonl', 'olympiadbench_test.jsonl']) {
    jsonl(p('limo-eval-math', f)).forEach((r, i) => {
      const q = str(r.problem) || str(r.question);
      const a = str(r.solution);
      const final = str(r.answer);
      if (q) comp.push({ id: `${f}/${i}`, q, a: a || `The answer is ${final}.`, final });
    });
  }
  if (comp.length) c.comp = comp;
  const flan: Worked[] = [];
  for (const f of ['strategyqa_train.tsv', 'qasc_train.tsv', 'aqua_train.tsv']) {
    const text = readMaybeGz(p('flan-cot', f));
    text.split('\n').forEach((line, i) => {
      const [q, ans, rat] = line.split('\t');
      if (q && ans && rat)
        flan.push({
          id: `${f}/${i}`,
          q: q.replace(/\\n/g, '\n'),
          a: rat.replace(/\\n/g, '\n'),
          final: ans,
        });
    });
  }
  if (flan.length) c.flan = flan;
  const he = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    id: str(r.task_id),
    prompt: str(r.prompt),
    solution: str(r.prompt) + str(r.canonical_solution),
    tests: str(r.test),
  }));
  if (he.length) c.humaneval = he;
  const mb = jsonl(p('mbpp', 'mbpp.jsonl')).map((r) => ({
    id: `mbpp/${str(r.task_id)}`,
    prompt: str(r.text),
    solution: str(r.code).replace(/\r\n/g, '\n'),
    tests: Array.isArray(r.test_list) ? (r.test_list as unknown[]).map(str).join('\n') : '',
  }));
  if (mb.length) c.mbpp = mb;
  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')),
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')),
  ];
  if (arena.length) {
    const codey = /code|program|python|function|script|sql|c\+\+|java|rust|bug|regex|api/i;
    c.arenaCode = arena.map((r) => str(r.prompt)).filter((s) => s && codey.test(s.slice(0, 300)));
    c.arenaOther = arena.map((r) => str(r.prompt)).filter((s) => s && !codey.test(s.slice(0, 300)));
  }
  const chat: string[] = [];
  const lottery = readMaybeGz(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl'));
  for (const line of lottery.split('\n')) {
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'string') chat.push(v);
    } catch {
      // skip
    }
  }
  const ultra = readMaybeGz(p('ultrachat-eval', 'ultra_eval.json'));
  if (ultra) {
    try {
      for (const r of JSON.parse(ultra) as { data?: string }[]) if (r.data) chat.push(r.data);
    } catch {
      // skip
    }
  }
  const mt: Corpora['mtbench'] = [];
  for (const f of ['mt_bench_question.jsonl', 'vicuna_bench_question.jsonl'])
    for (const r of jsonl(p('mt-bench', f))) {
      const turns = Array.isArray(r.turns) ? (r.turns as unknown[]).map(str) : [];
      mt.push({ id: `${f}/${str(r.question_id)}`, cat: str(r.category), turns });
      if (turns[0]) chat.push(turns[0]);
    }
  if (mt.length) c.mtbench = mt;
  const oasst = jsonl(p('oasst-samples', 'en_100_tree.jsonl'))
    .map((r) => ({ turns: oasstPath(r.prompt as OasstNode) }))
    .filter((d) => d.turns.length > 0);
  if (oasst.length) {
    c.oasst = oasst;
    for (const d of oasst) chat.push((d.turns[0] as Turn).user);
  }
  if (chat.length) c.chat = chat;
  const hh = (f: string) =>
    jsonl(p('hh-rlhf', f))
      .map((r) => ({ turns: hhTurns(str(r.chosen)) }))
      .filter((d) => d.turns.length > 0);
  const helpful = hh('helpful-base-test.jsonl.gz');
  if (helpful.length) c.helpful = helpful;
  const harmless = hh('harmless-base-test.jsonl.gz');
  if (harmless.length) c.harmless = harmless;
  const csv = readMaybeGz(p('awesome-chatgpt-prompts', 'prompts.csv'));
  if (csv) {
    try {
      const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true }) as {
        act?: string;
        prompt?: string;
      }[];
      const roles = rows
        .filter((r) => r.act && r.prompt && r.prompt.length < 3000)
        .map((r) => ({ act: r.act as string, prompt: r.prompt as string }));
      if (roles.length) c.roles = roles;
    } catch {
      // keep built-ins
    }
  }
  const instr = (f: string) =>
    jsonl(p('self-instruct', f)).map((r) => {
      const inst = Array.isArray(r.instances) ? (r.instances[0] as Record<string, unknown>) : {};
      return {
        instruction: str(r.instruction),
        input: str(inst?.input),
        output: str(inst?.output),
      };
    });
  const seeds = instr('seed_tasks.jsonl');
  if (seeds.length) c.seeds = seeds;
  const ut = instr('user_oriented_instructions.jsonl');
  if (ut.length) c.userTasks = ut;
  const alp = readMaybeGz(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'));
  if (alp) c.alpaca = alp;
  c.source = dir;
  return c;
}

function builtin(): Corpora {
  const w = (id: string, q: string, a: string, final: string): Worked => ({ id, q, a, final });
  const gsm = [
    w(
      'b/g1',
      'A baker makes 24 rolls in the morning and twice as many in the afternoon. She sells 50. How many are left?',
      'Afternoon rolls: 24 * 2 = 48.\nTotal: 24 + 48 = 72.\nLeft: 72 - 50 = 22.',
      '22',
    ),
    w(
      'b/g2',
      'Tom reads 15 pages a day for 6 days and then 30 pages on the seventh day. How many pages did he read?',
      'Six days: 15 * 6 = 90.\nTotal: 90 + 30 = 120.',
      '120',
    ),
    w(
      'b/g3',
      'A ticket costs $12 and a drink $3. How much do 4 tickets and 3 drinks cost?',
      'Tickets: 4 * 12 = 48.\nDrinks: 3 * 3 = 9.\nTotal: 48 + 9 = 57.',
      '57',
    ),
  ];
  const math = [
    w(
      'b/m1',
      'Find the sum of all real $x$ with $x^2 - 5x + 6 = 0$.',
      'By Vieta, the sum of the roots is $5$. Indeed $(x-2)(x-3)=0$ gives $2+3=\\boxed{5}$.',
      '5',
    ),
    w(
      'b/m2',
      'What is the remainder when $2^{10}$ is divided by 7?',
      '$2^3 = 8 \\equiv 1 \\pmod 7$, so $2^{10} = 2^{9}\\cdot 2 \\equiv 2$. The answer is $\\boxed{2}$.',
      '2',
    ),
  ];
  const code = [
    {
      id: 'b/c1',
      prompt: 'Write a function to reverse the words in a sentence.',
      solution: 'def reverse_words(s):\n    return " ".join(reversed(s.split()))\n',
      tests: 'assert reverse_words("a b") == "b a"',
    },
    {
      id: 'b/c2',
      prompt: 'Write a function that returns the n-th Fibonacci number.',
      solution:
        'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n',
      tests: 'assert fib(10) == 55',
    },
  ];
  const d = (u: string, a: string): Dialogue => ({ turns: [{ user: u, assistant: a }] });
  return {
    gsm8k: gsm,
    gsm8kTest: gsm,
    math,
    comp: math,
    flan: [
      w(
        'b/f1',
        'Can a penguin fly to the moon?',
        'Penguins cannot fly at all. The moon is reached only by spacecraft.',
        'no',
      ),
    ],
    humaneval: code,
    mbpp: code,
    arenaCode: ['Write a Python script that deduplicates lines in a large file.'],
    arenaOther: ['Write a short poem about autumn rain in the city.'],
    chat: [
      'How do I make my sourdough starter more active?',
      'What are good habits for learning a new language?',
      'Explain how vaccines train the immune system.',
    ],
    oasst: [d('How can I sleep better?', 'Keep a regular schedule and avoid screens late.')],
    helpful: [d('What is a good houseplant for low light?', 'A snake plant or a pothos.')],
    harmless: [
      d('How do I pick a lock?', 'I can’t help with getting into property that isn’t yours.'),
    ],
    mtbench: [
      { id: 'b/mt1', cat: 'writing', turns: ['Write a haiku about tea.', 'Now in French.'] },
    ],
    roles: [{ act: 'Travel Guide', prompt: 'I want you to act as a travel guide for my city.' }],
    seeds: [
      { instruction: 'Give three synonyms for happy.', input: '', output: 'glad, joyful, content' },
    ],
    userTasks: [
      {
        instruction: 'Rewrite the sentence to be more concise.',
        input: 'In order to be able to finish, we need more time.',
        output: 'We need more time to finish.',
      },
    ],
    alpaca: 'You are asked to come up with a set of 20 diverse task instructions.',
    source: 'built-in',
  };
}
