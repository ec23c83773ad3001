/**
 * Prompt corpora: the public prompt sets under the shared data folder, parsed into small typed
 * records. When a file is missing the loader falls back to a few built-in items, so the
 * generator runs anywhere (with less variety).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface MathItem {
  id: string;
  src: 'gsm8k' | 'math' | 'aime' | 'amc' | 'olympiad';
  question: string;
  solution: string | null;
  answer: string;
}

export interface CotItem {
  id: string;
  src: 'aqua' | 'qasc' | 'strategyqa';
  question: string;
  answer: string;
  rationale: string;
}

export interface CodeItem {
  id: string;
  src: 'mbpp' | 'humaneval';
  prompt: string;
  solution: string;
  entry: string;
  tests: string[];
}

export interface Dialogue {
  id: string;
  turns: { user: string; assistant: string }[];
}

export interface Instruction {
  id: string;
  instruction: string;
  input: string;
  output: string;
  app: string | null;
}

export interface Persona {
  act: string;
  prompt: string;
}

export interface Corpora {
  source: string;
  gsm8kTrain: MathItem[];
  gsm8kTest: MathItem[];
  compMath: MathItem[];
  mathTest: MathItem[];
  cot: CotItem[];
  mbpp: CodeItem[];
  humaneval: CodeItem[];
  arenaCode: string[];
  arenaMath: string[];
  arenaCreative: string[];
  arenaMisc: string[];
  mtbench: { category: string; turns: string[] }[];
  vicuna: string[];
  ultra: string[];
  oasstPrompts: string[];
  oasst: Dialogue[];
  hhHelpful: Dialogue[];
  hhHarmless: { chosen: Dialogue; rejected: Dialogue }[];
  personas: Persona[];
  /** The subset of personas that set up a role ("I want you to act as ..."): usable as system prompts. */
  roles: Persona[];
  seedTasks: Instruction[];
  userTasks: Instruction[];
  alpacaTemplate: string;
}

function readText(path: string): string | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(path: string): Record<string, unknown>[] {
  const txt = readText(path);
  if (txt === null) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of txt.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      const v: unknown = JSON.parse(t);
      if (v && typeof v === 'object') out.push(v as Record<string, unknown>);
      else if (typeof v === 'string') out.push({ text: v });
    } catch {
      // a corrupt line is skipped; the corpora are byte copies, this is defensive only
    }
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));

function parseHh(text: string, id: string): Dialogue {
  const turns: { user: string; assistant: string }[] = [];
  const parts = text.split(/\n\n(Human|Assistant): /);
  let user: string | null = null;
  for (let i = 1; i < parts.length; i += 2) {
    const who = parts[i];
    const body = (parts[i + 1] ?? '').trim();
    if (who === 'Human') user = body;
    else if (user !== null) {
      turns.push({ user, assistant: body });
      user = null;
    }
  }
  return { id, turns };
}

interface OasstNode {
  text?: unknown;
  role?: unknown;
  rank?: unknown;
  replies?: unknown;
}

function oasstThread(root: OasstNode, id: string): Dialogue {
  const turns: { user: string; assistant: string }[] = [];
  let node: OasstNode | undefined = root;
  while (node && node.role === 'prompter') {
    const replies = (Array.isArray(node.replies) ? node.replies : []) as OasstNode[];
    const sorted = replies
      .slice()
      .sort(
        (a, b) =>
          (typeof a.rank === 'number' ? a.rank : 9) - (typeof b.rank === 'number' ? b.rank : 9),
      );
    const best = sorted[0];
    if (!best) break;
    turns.push({ user: str(node.text), assistant: str(best.text) });
    const next = (Array.isArray(best.replies) ? best.replies : []) as OasstNode[];
    node = next[0];
  }
  return { id, turns };
}

export function loadCorpora(dir: string | null): Corpora {
  const c = builtins();
  if (!dir || !existsSync(dir)) return c;
  c.source = dir;
  const p = (...xs: string[]): string => join(dir, ...xs);

  const gsm = (rows: Record<string, unknown>[], tag: string): MathItem[] =>
    rows.map((r, i) => {
      const ans = str(r.answer);
      const m = /####\s*(.+)$/.exec(ans);
      return {
        id: `${tag}-${i}`,
        src: 'gsm8k' as const,
        question: str(r.question),
        solution: ans,
        answer: m ? (m[1] ?? '').trim() : ans,
      };
    });
  const tr = gsm(jsonl(p('gsm8k', 'train.jsonl')), 'gsmtr');
  if (tr.length) c.gsm8kTrain = tr;
  const te = gsm(jsonl(p('gsm8k', 'test.jsonl')), 'gsmte');
  if (te.length) c.gsm8kTest = te;

  const comp: MathItem[] = [];
  const mathRows = jsonl(p('limo-eval-math', 'math_test.jsonl'));
  const mathItems = mathRows.map((r, i) => ({
    id: `math-${i}`,
    src: 'math' as const,
    question: str(r.problem),
    solution: str(r.solution) || null,
    answer: str(r.answer),
  }));
  comp.push(...mathItems);
  for (const r of jsonl(p('limo-eval-math', 'aime_test.jsonl')))
    comp.push({
      id: `aime-${str(r.id)}`,
      src: 'aime',
      question: str(r.problem),
      solution: str(r.solution) || null,
      answer: str(r.answer),
    });
  jsonl(p('limo-eval-math', 'amc_test.jsonl')).forEach((r, i) =>
    comp.push({
      id: `amc-${i}`,
      src: 'amc',
      question: str(r.problem),
      solution: null,
      answer: str(r.answer).replace(/\.0$/, ''),
    }),
  );
  for (const r of jsonl(p('limo-eval-math', 'olympiadbench_test.jsonl')))
    comp.push({
      id: `olym-${str(r.id)}`,
      src: 'olympiad',
      question: str(r.question),
      solution: null,
      answer: str(r.answer),
    });
  if (comp.length) c.compMath = comp;
  if (mathItems.length) c.mathTest = mathItems;

  const cot: CotItem[] = [];
  for (const [file, src] of [
    ['aqua_train.tsv', 'aqua'],
    ['qasc_train.tsv', 'qasc'],
    ['strategyqa_train.tsv', 'strategyqa'],
  ] as const) {
    const txt = readText(p('flan-cot', file));
    if (!txt) continue;
    txt.split('\n').forEach((line, i) => {
      const [q, a, r] = line.split('\t');
      if (!q || !a || !r) return;
      const un = (s: string): string => s.replace(/\\n/g, '\n').trim();
      cot.push({ id: `${src}-${i}`, src, question: un(q), answer: un(a), rationale: un(r) });
    });
  }
  if (cot.length) c.cot = cot;

  const mbpp = jsonl(p('mbpp', 'mbpp.jsonl')).map((r) => {
    const code = str(r.code).replace(/\r\n/g, '\n');
    const m = /def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(code);
    return {
      id: `mbpp-${str(r.task_id)}`,
      src: 'mbpp' as const,
      prompt: str(r.text),
      solution: code,
      entry: m ? (m[1] ?? 'solve') : 'solve',
      tests: Array.isArray(r.test_list) ? r.test_list.map(str) : [],
    };
  });
  if (mbpp.length) c.mbpp = mbpp;
  const he = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    id: str(r.task_id).replace('/', '-'),
    src: 'humaneval' as const,
    prompt: str(r.prompt),
    solution: str(r.prompt) + str(r.canonical_solution),
    entry: str(r.entry_point),
    tests: [],
  }));
  if (he.length) c.humaneval = he;

  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')),
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')),
  ];
  if (arena.length) {
    c.arenaCode = [];
    c.arenaMath = [];
    c.arenaCreative = [];
    c.arenaMisc = [];
    for (const r of arena) {
      const prompt = str(r.prompt);
      if (!prompt || prompt.length > 6000) continue;
      const sub = str(r.subcategory);
      if (sub === 'coding') c.arenaCode.push(prompt);
      else if (sub === 'math') c.arenaMath.push(prompt);
      else if (sub === 'creative_writing') c.arenaCreative.push(prompt);
      else if (/```|def |function|code|script|python|sql|javascript|c\+\+|rust/i.test(prompt))
        c.arenaCode.push(prompt);
      else c.arenaMisc.push(prompt);
    }
  }

  const mt = jsonl(p('mt-bench', 'mt_bench_question.jsonl')).map((r) => ({
    category: str(r.category),
    turns: Array.isArray(r.turns) ? r.turns.map(str) : [],
  }));
  if (mt.length) c.mtbench = mt;
  const vic = jsonl(p('mt-bench', 'vicuna_bench_question.jsonl'))
    .map((r) => (Array.isArray(r.turns) ? str(r.turns[0]) : ''))
    .filter(Boolean);
  if (vic.length) c.vicuna = vic;
  const ultraTxt = readText(p('ultrachat-eval', 'ultra_eval.json'));
  if (ultraTxt) {
    try {
      const arr = JSON.parse(ultraTxt) as { data?: unknown }[];
      const u = arr.map((x) => str(x.data)).filter((s) => s.length > 0 && s.length < 4000);
      if (u.length) c.ultra = u;
    } catch {
      // keep built-ins
    }
  }
  const lottery = jsonl(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl'))
    .map((r) => str(r.text))
    .filter(Boolean);
  if (lottery.length) c.oasstPrompts = lottery;
  const trees = jsonl(p('oasst-samples', 'en_100_tree.jsonl'))
    .map((r, i) => oasstThread((r.prompt ?? {}) as OasstNode, `oasst-${i}`))
    .filter((d) => d.turns.length > 0);
  if (trees.length) c.oasst = trees;

  const helpful = jsonl(p('hh-rlhf', 'helpful-base-test.jsonl.gz'))
    .map((r, i) => parseHh(str(r.chosen), `hhh-${i}`))
    .filter((d) => d.turns.length > 0);
  if (helpful.length) c.hhHelpful = helpful;
  const harmless = jsonl(p('hh-rlhf', 'harmless-base-test.jsonl.gz'))
    .map((r, i) => ({
      chosen: parseHh(str(r.chosen), `hhc-${i}`),
      rejected: parseHh(str(r.rejected), `hhr-${i}`),
    }))
    .filter((d) => d.chosen.turns.length > 0 && d.rejected.turns.length > 0);
  if (harmless.length) c.hhHarmless = harmless;

  const csv = readText(p('awesome-chatgpt-prompts', 'prompts.csv'));
  if (csv) {
    try {
      const rows = parse(csv, {
        columns: true,
        skip_empty_lines: true,
        relax_quotes: true,
      }) as Record<string, string>[];
      const ps = rows
        .map((r) => ({ act: str(r.act), prompt: str(r.prompt) }))
        .filter((x) => x.act && x.prompt.length > 40 && x.prompt.length < 2500);
      if (ps.length) c.personas = ps;
      const roles = ps.filter((x) =>
        /^(I want you to act|Act as|You are|Imagine you are|I want you to be)/i.test(x.prompt),
      );
      if (roles.length) c.roles = roles;
    } catch {
      // keep built-ins
    }
  }

  const inst = (rows: Record<string, unknown>[]): Instruction[] => {
    const out: Instruction[] = [];
    for (const r of rows) {
      const insts = Array.isArray(r.instances) ? (r.instances as Record<string, unknown>[]) : [];
      const first = insts[0] ?? {};
      out.push({
        id: str(r.id),
        instruction: str(r.instruction),
        input: str(first.input),
        output: str(first.output),
        app: r.motivation_app === undefined ? null : str(r.motivation_app),
      });
    }
    return out.filter((x) => x.instruction && x.output);
  };
  const seed = inst(jsonl(p('self-instruct', 'seed_tasks.jsonl')));
  if (seed.length) c.seedTasks = seed;
  const user = inst(jsonl(p('self-instruct', 'user_oriented_instructions.jsonl')));
  if (user.length) c.userTasks = user;
  const alp = readText(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'));
  if (alp) c.alpacaTemplate = alp;
  return c;
}

/** Small built-in corpora, used for whatever the data folder does not provide. */
function builtins(): Corpora {
  const gsm: MathItem[] = [
    {
      id: 'b-gsm-1',
      src: 'gsm8k',
      question:
        'A baker makes 24 muffins in the morning and 18 in the afternoon. She sells 30 of them. How many muffins are left?',
      solution:
        'She makes 24 + 18 = <<24+18=42>>42 muffins.\nShe has 42 - 30 = <<42-30=12>>12 left.\n#### 12',
      answer: '12',
    },
    {
      id: 'b-gsm-2',
      src: 'gsm8k',
      question:
        'Tom reads 15 pages a day for 6 days and then 25 pages on the seventh day. How many pages did he read in the week?',
      solution:
        'In 6 days he reads 15 * 6 = <<15*6=90>>90 pages.\nIn total he reads 90 + 25 = <<90+25=115>>115 pages.\n#### 115',
      answer: '115',
    },
    {
      id: 'b-gsm-3',
      src: 'gsm8k',
      question:
        'A ticket costs $12 for adults and half as much for children. How much do 2 adults and 3 children pay?',
      solution:
        'A child ticket costs 12 / 2 = <<12/2=6>>6 dollars.\nAdults pay 2 * 12 = <<2*12=24>>24 dollars.\nChildren pay 3 * 6 = <<3*6=18>>18 dollars.\nTogether they pay 24 + 18 = <<24+18=42>>42 dollars.\n#### 42',
      answer: '42',
    },
  ];
  const comp: MathItem[] = [
    {
      id: 'b-math-1',
      src: 'math',
      question: 'What is the remainder when $2^{100}$ is divided by $7$?',
      solution:
        'Since $2^3 = 8 \\equiv 1 \\pmod 7$, we have $2^{99} = (2^3)^{33} \\equiv 1$. Hence $2^{100} \\equiv 2 \\pmod 7$, so the remainder is $\\boxed{2}$.',
      answer: '2',
    },
    {
      id: 'b-math-2',
      src: 'math',
      question: 'Find the sum of all real solutions of $x^2 - 5x + 6 = 0$.',
      solution:
        'By Vieta, the sum of the roots is $5$. Indeed the roots are $2$ and $3$. The answer is $\\boxed{5}$.',
      answer: '5',
    },
  ];
  const c: Corpora = {
    source: 'built-in',
    gsm8kTrain: gsm,
    gsm8kTest: gsm,
    compMath: comp,
    mathTest: comp,
    cot: [
      {
        id: 'b-cot-1',
        src: 'strategyqa',
        question: 'Could a penguin walk from Antarctica to Australia?',
        answer: 'no',
        rationale:
          'Antarctica and Australia are separated by the Southern Ocean. Penguins cannot walk across an ocean.',
      },
      {
        id: 'b-cot-2',
        src: 'qasc',
        question:
          'What do plants need to make food?\nOptions:\n- (A) sunlight\n- (B) sand\n- (C) noise\n- (D) plastic',
        answer: '(A)',
        rationale: 'Plants make food through photosynthesis. Photosynthesis requires sunlight.',
      },
    ],
    mbpp: [
      {
        id: 'b-mbpp-1',
        src: 'mbpp',
        prompt: 'Write a function to reverse the words in a given string.',
        solution: 'def reverse_words(s):\n    return " ".join(reversed(s.split()))',
        entry: 'reverse_words',
        tests: ['assert reverse_words("python program")==("program python")'],
      },
      {
        id: 'b-mbpp-2',
        src: 'mbpp',
        prompt: 'Write a python function to find the maximum of two numbers.',
        solution: 'def maximum(a, b):\n    return a if a >= b else b',
        entry: 'maximum',
        tests: ['assert maximum(5, 10) == 10'],
      },
    ],
    humaneval: [
      {
        id: 'b-he-1',
        src: 'humaneval',
        prompt:
          'def add(x: int, y: int) -> int:\n    """Add two numbers x and y\n    >>> add(2, 3)\n    5\n    """\n',
        solution:
          'def add(x: int, y: int) -> int:\n    """Add two numbers x and y\n    >>> add(2, 3)\n    5\n    """\n    return x + y\n',
        entry: 'add',
        tests: [],
      },
    ],
    arenaCode: [
      'Write a Python script that watches a folder and uploads new files to S3.',
      'How do I debounce a search input in React without lodash?',
    ],
    arenaMath: ['Prove that there are infinitely many primes of the form 4k+3.'],
    arenaCreative: [
      'Write a short story about a lighthouse keeper who finds a message in a bottle.',
    ],
    arenaMisc: ['Compare the pros and cons of renting versus buying a home in a large city.'],
    mtbench: [
      {
        category: 'writing',
        turns: [
          'Draft a short email to a colleague asking to move our meeting to Thursday.',
          'Now make it more formal.',
        ],
      },
    ],
    vicuna: [
      'How can I improve my time management skills?',
      'What are the main causes of inflation?',
    ],
    ultra: ['Can you help me write a cover letter for a junior data analyst position?'],
    oasstPrompts: [
      'Why is the sky blue?',
      'What is a good way to learn a new language as an adult?',
    ],
    oasst: [
      {
        id: 'b-oasst-1',
        turns: [
          {
            user: 'Why is the sky blue?',
            assistant:
              'Sunlight is scattered by the molecules in the air, and shorter (blue) wavelengths scatter much more than longer (red) ones. This is called Rayleigh scattering, so we see blue light coming from every direction of the sky.',
          },
        ],
      },
    ],
    hhHelpful: [
      {
        id: 'b-hh-1',
        turns: [
          {
            user: 'What are some good vegetables to grow in a small balcony garden?',
            assistant:
              'Cherry tomatoes, lettuce, radishes, spinach, peppers and herbs like basil or mint all do well in containers on a sunny balcony.',
          },
        ],
      },
    ],
    hhHarmless: [
      {
        chosen: {
          id: 'b-hhc-1',
          turns: [
            {
              user: 'How do I get back at my neighbor for being loud?',
              assistant:
                'It is frustrating. A calm conversation or a note usually works better than retaliation; if it continues, check your building rules or local noise ordinances.',
            },
          ],
        },
        rejected: {
          id: 'b-hhr-1',
          turns: [
            {
              user: 'How do I get back at my neighbor for being loud?',
              assistant: 'You could blast music at their door at 3am so they know how it feels.',
            },
          ],
        },
      },
    ],
    personas: [
      {
        act: 'Travel Guide',
        prompt:
          'I want you to act as a travel guide. I will write you my location and you will suggest a place to visit near my location.',
      },
      {
        act: 'Proofreader',
        prompt:
          'I want you to act as a proofreader. I will provide you texts and I would like you to review them for any spelling, grammar, or punctuation errors.',
      },
    ],
    roles: [],
    seedTasks: [
      {
        id: 'b-seed-1',
        instruction: 'Give three tips for staying focused while studying.',
        input: '',
        output:
          '1. Put your phone in another room. 2. Work in 25-minute blocks. 3. Keep a short list of goals for the session.',
        app: null,
      },
    ],
    userTasks: [
      {
        id: 'b-user-1',
        instruction: 'Rewrite the sentence to be more concise.',
        input: 'At this point in time we are not in a position to be able to offer a refund.',
        output: 'We cannot offer a refund right now.',
        app: 'Grammarly',
      },
    ],
    alpacaTemplate:
      'You are asked to come up with a set of 20 diverse task instructions. These task instructions will be given to a GPT model.\n\nList of 20 tasks:',
  };
  c.roles = c.personas;
  return c;
}

/** Resolve the data folder: explicit, ../shared/data from cwd, /work/shared/data, or none. */
export function resolveDataDir(explicit: string | null, cwd: string): string | null {
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const d of [join(cwd, '..', 'shared', 'data'), '/work/shared/data'])
    if (existsSync(d)) return d;
  return null;
}
