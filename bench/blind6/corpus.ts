// Loads the shared prompt corpora and turns their reference answers into realistic served text.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Rng } from './lib.js';

export interface MathItem {
  q: string;
  steps: string[];
  final: string;
  src: string;
  hard: number;
}
export interface CotItem {
  q: string;
  a: string;
  rationale: string;
  src: string;
}
export interface CodeItem {
  task: string;
  code: string;
  tests: string[];
  entry: string;
  src: string;
}
export interface ChatItem {
  turns: string[];
  replies: string[];
  src: string;
}
export interface RolePrompt {
  act: string;
  prompt: string;
}
export interface InstrItem {
  instruction: string;
  input: string;
  output: string;
  app?: string;
}
export interface HhPair {
  turns: string[];
  chosen: string;
  rejected: string;
  harmless: boolean;
}

export interface Corpus {
  math: MathItem[];
  gsmTest: MathItem[];
  compMath: MathItem[];
  cot: CotItem[];
  code: CodeItem[];
  humaneval: CodeItem[];
  mbpp: CodeItem[];
  chat: ChatItem[];
  arena: { prompt: string; cat: string }[];
  mtbench: ChatItem[];
  single: string[];
  roles: RolePrompt[];
  seeds: InstrItem[];
  userInstr: InstrItem[];
  alpaca: string;
  hh: HhPair[];
  docs: string[]; // assorted longer texts used as documents / padding
}

function readText(p: string): string {
  const buf = readFileSync(p);
  return p.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}
function jsonl(p: string): any[] {
  if (!existsSync(p)) return [];
  const out: any[] = [];
  for (const line of readText(p).split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      out.push(JSON.parse(t));
    } catch {
      /* skip */
    }
  }
  return out;
}
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function gsmItem(o: any, src: string): MathItem | null {
  if (!o.question || !o.answer) return null;
  const [body, fin] = String(o.answer).split('####');
  const steps = String(body)
    .replace(/<<[^>]*>>/g, '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return { q: o.question, steps, final: String(fin ?? '').trim(), src, hard: 1 };
}
function stripAsy(s: string): string {
  return s.replace(/\[asy\][\s\S]*?\[\/asy\]/g, '').replace(/\n{3,}/g, '\n\n');
}
function solSteps(sol: string): string[] {
  const parts = stripAsy(sol)
    .split(/\n+|(?<=\.)\s+(?=[A-Z$])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
  return parts.length ? parts : [sol];
}

export function loadCorpus(dir: string): Corpus {
  const p = (...x: string[]) => join(dir, ...x);
  if (!existsSync(p('gsm8k', 'train.jsonl'))) throw new Error(`corpora not found under ${dir}`);
  const gsmTrain = jsonl(p('gsm8k', 'train.jsonl'))
    .map((o) => gsmItem(o, 'gsm8k'))
    .filter((x): x is MathItem => !!x);
  const gsmTest = jsonl(p('gsm8k', 'test.jsonl'))
    .map((o) => gsmItem(o, 'gsm8k-test'))
    .filter((x): x is MathItem => !!x);
  const compMath: MathItem[] = [];
  for (const o of jsonl(p('limo-eval-math', 'math_test.jsonl')))
    compMath.push({
      q: o.problem,
      steps: solSteps(o.solution ?? ''),
      final: String(o.answer ?? ''),
      src: 'math',
      hard: 2,
    });
  for (const o of jsonl(p('limo-eval-math', 'aime_test.jsonl')))
    compMath.push({
      q: o.problem,
      steps: solSteps(o.solution ?? String(o.answer)),
      final: String(o.answer ?? ''),
      src: 'aime',
      hard: 3,
    });
  for (const o of jsonl(p('limo-eval-math', 'amc_test.jsonl')))
    compMath.push({
      q: o.problem ?? o.question,
      steps: [],
      final: String(o.answer ?? ''),
      src: 'amc',
      hard: 3,
    });
  for (const o of jsonl(p('limo-eval-math', 'olympiadbench_test.jsonl')))
    compMath.push({
      q: o.question,
      steps: [],
      final: Array.isArray(o.answer) ? o.answer.join(', ') : String(o.answer ?? ''),
      src: 'olympiad',
      hard: 3,
    });

  const cot: CotItem[] = [];
  for (const f of ['aqua_train.tsv', 'qasc_train.tsv', 'strategyqa_train.tsv']) {
    const fp = p('flan-cot', f);
    if (!existsSync(fp)) continue;
    for (const line of readText(fp).split('\n')) {
      const [q, a, rat] = line.split('\t');
      if (q && a && rat)
        cot.push({
          q: q.replace(/\\n/g, '\n'),
          a: a.trim(),
          rationale: rat.replace(/\\n/g, '\n').trim(),
          src: f.split('_')[0]!,
        });
    }
  }

  const mbpp: CodeItem[] = jsonl(p('mbpp', 'mbpp.jsonl')).map((o) => ({
    task: o.text,
    code: String(o.code).replace(/\r\n/g, '\n').replace(/\t/g, '    '),
    tests: o.test_list ?? [],
    entry: /def\s+(\w+)/.exec(o.code)?.[1] ?? 'solve',
    src: 'mbpp',
  }));
  const humaneval: CodeItem[] = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((o) => ({
    task: o.prompt,
    code: o.prompt + o.canonical_solution,
    tests: [String(o.test ?? '').slice(0, 600)],
    entry: o.entry_point,
    src: 'humaneval',
  }));

  const chat: ChatItem[] = [];
  for (const t of jsonl(p('oasst-samples', 'en_100_tree.jsonl'))) {
    const turns: string[] = [];
    const replies: string[] = [];
    let node = t.prompt;
    while (node && turns.length < 4) {
      turns.push(node.text);
      const a = (node.replies ?? [])[0];
      if (!a) break;
      replies.push(a.text);
      node = (a.replies ?? [])[0];
    }
    if (replies.length) chat.push({ turns: turns.slice(0, replies.length), replies, src: 'oasst' });
  }
  const hh: HhPair[] = [];
  for (const [f, harmless] of [
    ['helpful-base-test.jsonl.gz', false],
    ['harmless-base-test.jsonl.gz', true],
  ] as const) {
    for (const o of jsonl(p('hh-rlhf', f))) {
      const parse = (s: string) =>
        s
          .split(/\n\nHuman: |\n\nAssistant: /)
          .map((x) => x.trim())
          .filter((x, i) => i > 0 || x);
      const c = parse(o.chosen);
      const rj = parse(o.rejected);
      if (c.length < 2) continue;
      const turns = c.filter((_, i) => i % 2 === 0);
      const reps = c.filter((_, i) => i % 2 === 1);
      hh.push({ turns, chosen: c[c.length - 1]!, rejected: rj[rj.length - 1] ?? '', harmless });
      if (!harmless && reps.length >= turns.length) chat.push({ turns, replies: reps, src: 'hh' });
    }
  }
  const single: string[] = [];
  for (const s of jsonl(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl')))
    if (typeof s === 'string') single.push(s);
  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')),
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')),
  ]
    .map((o) => ({ prompt: String(o.prompt ?? ''), cat: String(o.subcategory ?? o.cluster ?? '') }))
    .filter((o) => o.prompt.length > 5);
  const mtbench: ChatItem[] = [
    ...jsonl(p('mt-bench', 'mt_bench_question.jsonl')),
    ...jsonl(p('mt-bench', 'vicuna_bench_question.jsonl')),
  ].map((o) => ({ turns: o.turns, replies: [], src: 'mtbench' }));
  try {
    const u = JSON.parse(readText(p('ultrachat-eval', 'ultra_eval.json')));
    for (const o of u) if (o.data) single.push(String(o.data));
  } catch {
    /* optional */
  }

  const roles: RolePrompt[] = [];
  const csvPath = p('awesome-chatgpt-prompts', 'prompts.csv');
  if (existsSync(csvPath)) {
    const rows = parseCsv(readText(csvPath));
    for (const r of rows.slice(1))
      if (r[0] && r[1] && r[1].length < 4000) roles.push({ act: r[0], prompt: r[1] });
  }
  const seeds: InstrItem[] = jsonl(p('self-instruct', 'seed_tasks.jsonl')).map((o) => ({
    instruction: o.instruction,
    input: o.instances?.[0]?.input ?? '',
    output: o.instances?.[0]?.output ?? '',
  }));
  const userInstr: InstrItem[] = jsonl(p('self-instruct', 'user_oriented_instructions.jsonl')).map(
    (o) => ({
      instruction: o.instruction,
      input: o.instances?.[0]?.input ?? '',
      output: o.instances?.[0]?.output ?? '',
      app: o.motivation_app,
    }),
  );
  const alpacaPath = p('distill-gen-templates', 'stanford_alpaca_prompt.txt');
  const alpaca = existsSync(alpacaPath) ? readText(alpacaPath) : '';

  const docs: string[] = [];
  for (const c of chat) for (const r of c.replies) if (r.length > 400) docs.push(r);
  for (const a of arena) if (a.prompt.length > 600 && a.prompt.length < 6000) docs.push(a.prompt);
  for (const u of userInstr) if (u.input.length > 200) docs.push(u.input);

  return {
    math: gsmTrain,
    gsmTest,
    compMath: compMath.filter((m) => m.q),
    cot,
    code: [...mbpp, ...humaneval],
    humaneval,
    mbpp,
    chat,
    arena,
    mtbench,
    single,
    roles,
    seeds,
    userInstr,
    alpaca,
    hh,
    docs,
  };
}

// ---------------------------------------------------------------- answer rendering
const STEP_OPENERS = [
  '',
  'First, ',
  'To start, ',
  'We begin by noting that ',
  "Let's set up the quantities. ",
];
const STEP_JOIN = [
  'Next, ',
  'Then ',
  'After that, ',
  'Now ',
  'From there, ',
  'So ',
  'This gives us: ',
];
const FINAL_LINES = [
  '**Answer:** {x}',
  'So the answer is {x}.',
  'Final answer: {x}',
  'Therefore, the result is **{x}**.',
  'The answer is $\\boxed{{x}}$.',
  '➡️ {x}',
];

export function renderSteps(steps: string[], final: string, r: Rng, style?: number): string {
  const s = style ?? r.int(0, 3);
  const fin = r.pick(FINAL_LINES).replace('{x}', final || '(see above)');
  if (!steps.length)
    steps = [
      `Set up the problem carefully and work through the cases.`,
      `Checking each case gives ${final}.`,
    ];
  if (s === 0) return steps.map((t, i) => `Step ${i + 1}: ${t}`).join('\n') + '\n\n' + fin;
  if (s === 1)
    return (
      steps
        .map((t, i) => (i === 0 ? r.pick(STEP_OPENERS) : r.pick(STEP_JOIN)) + lowerFirst(t))
        .join('\n\n') +
      '\n\n' +
      fin
    );
  if (s === 2)
    return '## Solution\n\n' + steps.map((t, i) => `${i + 1}. ${t}`).join('\n') + '\n\n' + fin;
  return steps.join(' ') + '\n\n' + fin;
}
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** A longer, more deliberative trace (what a harvester wants) built from the reference steps. */
export function renderDeliberation(steps: string[], final: string, r: Rng): string {
  const checks = [
    'Let me double-check that arithmetic before moving on.',
    'Wait — is that the right quantity? Re-reading the question, yes.',
    'An alternative would be to work backwards from the total, but the direct route is shorter.',
    'Sanity check: the magnitude seems reasonable.',
    'I should make sure no case was skipped.',
    'Hmm, let me re-derive that line a different way to confirm.',
  ];
  const out: string[] = ['Let me restate what is given and what is asked.'];
  for (const s of steps.length ? steps : ['Consider the structure of the problem.']) {
    out.push(s);
    if (r.chance(0.45)) out.push(r.pick(checks));
  }
  out.push(`Putting it together, the result is ${final}.`);
  return out.join('\n');
}

export function renderCode(
  c: CodeItem,
  r: Rng,
  opts: { explain: boolean; tests: boolean },
): string {
  const parts: string[] = [];
  if (opts.explain)
    parts.push(
      r.pick([
        `Here's a straightforward implementation of \`${c.entry}\`:`,
        `You can solve this with a short function. Approach: iterate once and keep track of what you need.`,
        `Below is one way to write \`${c.entry}\`, followed by a short explanation.`,
      ]),
    );
  parts.push('```python\n' + c.code.trim() + '\n```');
  if (opts.explain)
    parts.push(
      r.pick([
        '**How it works:** the function walks through the input, builds the intermediate result, and returns it. Time complexity is linear in the input size for the main loop.',
        'The key idea is to reduce the problem to a single pass; edge cases (empty input, single element) fall out naturally.',
        'Complexity: O(n) time, O(1) extra space aside from the output. If you need it faster for very large inputs, consider precomputing.',
      ]),
    );
  if (opts.tests && c.tests.length)
    parts.push('Quick tests:\n```python\n' + c.tests.slice(0, 3).join('\n') + '\n```');
  return parts.join('\n\n');
}

const GENERIC_SENTENCES = [
  'There are a few things worth considering here.',
  'The short answer is that it depends on your constraints, but there is a sensible default.',
  'Start with the simplest version that works, then refine it.',
  'A common mistake is to optimise too early; measure first.',
  'It helps to be explicit about who the audience is and what they already know.',
  'If you have more details about your setup, I can tailor this further.',
  'Keep the structure consistent so readers can scan it quickly.',
  'Historically, this developed over several decades, with a few key turning points.',
  'Trade-offs usually come down to cost, complexity and maintainability.',
  'Make sure to test the result against a few realistic examples.',
  'Different sources disagree on the details, so treat exact figures with some caution.',
  'A good rule of thumb is to document the decision and revisit it later.',
  'Breaking the work into smaller pieces makes each part easier to verify.',
  'In practice, most people find the second option easier to live with.',
  'Be careful with edge cases — they are where most bugs and misunderstandings hide.',
  'You may also want to consult a professional if the stakes are high.',
  'The tone should stay warm but direct.',
  'Here is a draft you can adapt.',
];
export function composeAnswer(prompt: string, r: Rng, paras?: number): string {
  const topic = prompt
    .replace(/\s+/g, ' ')
    .split(/[.?!\n]/)[0]!
    .slice(0, 90)
    .trim();
  const n = paras ?? r.int(2, 5);
  const out: string[] = [
    r.pick([
      `Great question. ${topic ? `Regarding "${topic}":` : ''}`,
      `Sure — here's an overview.`,
      `Here's how I'd approach it.`,
      `${topic ? topic.replace(/^(can you|could you|please|write|explain)\s*/i, '').replace(/^./, (c) => c.toUpperCase()) : 'Overview'} — a few points:`,
      `Happy to help with that.`,
    ]),
  ];
  for (let i = 0; i < n; i++) {
    if (r.chance(0.35)) {
      const k = r.int(3, 5);
      out.push(Array.from({ length: k }, () => `- ${r.pick(GENERIC_SENTENCES)}`).join('\n'));
    } else {
      out.push(Array.from({ length: r.int(2, 4) }, () => r.pick(GENERIC_SENTENCES)).join(' '));
    }
  }
  if (r.chance(0.5))
    out.push(
      r.pick([
        "Let me know if you'd like me to expand on any part.",
        'Hope this helps!',
        'Want a shorter version?',
        '',
      ]),
    );
  return out.filter(Boolean).join('\n\n');
}

export function cleanMathText(s: string): string {
  return s.length > 3000 ? s.slice(0, 3000) : s;
}
