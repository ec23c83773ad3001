/**
 * Prompt corpora: public prompt sets under the shared data folder (see its README and
 * PROVENANCE files), read once and normalised into a few simple shapes. When the folder
 * is absent, a small built-in set written for this generator stands in, so the
 * generator still runs on a fresh clone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface MathItem {
  q: string;
  solution: string;
  answer: string;
  src: 'gsm8k' | 'math' | 'amc' | 'aime' | 'olympiad';
}

export interface CotItem {
  q: string;
  answer: string;
  rationale: string;
  src: 'aqua' | 'qasc' | 'strategyqa';
}

export interface CodeItem {
  /** The natural-language ask (MBPP) or the stub with docstring (HumanEval). */
  ask: string;
  /** A complete working solution. */
  code: string;
  tests: string[];
  src: 'mbpp' | 'humaneval';
  entry: string;
}

export interface Exchange {
  user: string;
  assistant: string;
}

export interface PrefPair {
  history: Exchange[];
  prompt: string;
  chosen: string;
  rejected: string;
  harmless: boolean;
}

export interface Task {
  instruction: string;
  input: string;
  output: string;
}

export interface Corpora {
  gsm: MathItem[];
  gsmTest: MathItem[];
  competition: MathItem[];
  cot: CotItem[];
  code: CodeItem[];
  /** Multi-turn chats with real assistant turns (HH helpful, OASST chains). */
  dialogs: Exchange[][];
  pairs: PrefPair[];
  /** Single prompts without answers (OASST lottery, Vicuna, UltraChat). */
  prompts: string[];
  arena: { prompt: string; coding: boolean; creative: boolean }[];
  mtbench: { category: string; turns: string[] }[];
  acts: { act: string; prompt: string }[];
  tasks: Task[];
  alpaca: string;
  fromDisk: boolean;
}

function lines(path: string): string[] {
  const raw = path.endsWith('.gz')
    ? gunzipSync(readFileSync(path)).toString('utf8')
    : readFileSync(path, 'utf8');
  return raw.split('\n').filter((l) => l.trim().length > 0);
}

function jsonl(path: string): Record<string, unknown>[] {
  return lines(path).map((l) => JSON.parse(l) as Record<string, unknown>);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function tsv(path: string): string[][] {
  return lines(path).map((l) => l.split('\t').map((c) => c.replace(/\\n/g, '\n')));
}

/** Minimal RFC 4180 reader (quoted fields may hold commas, quotes and newlines). */
function csv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Splits an HH-style transcript ("\n\nHuman: … \n\nAssistant: …") into exchanges. */
function hhTurns(text: string): { history: Exchange[]; last: Exchange } | undefined {
  const parts = text.split(/\n\n(Human|Assistant): /).slice(1);
  const turns: Exchange[] = [];
  let pending = '';
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const who = parts[i];
    const body = (parts[i + 1] ?? '').trim();
    if (who === 'Human') pending = body;
    else if (pending) {
      turns.push({ user: pending, assistant: body });
      pending = '';
    }
  }
  const last = turns.pop();
  return last && last.assistant ? { history: turns, last } : undefined;
}

interface OasstNode {
  text?: string;
  role?: string;
  replies?: OasstNode[];
  rank?: number | null;
}

/** Follows the best-ranked path down an OASST tree: prompt, reply, follow-up, reply… */
function oasstChain(root: OasstNode): Exchange[] {
  const out: Exchange[] = [];
  let node: OasstNode | undefined = root;
  while (node && node.role === 'prompter') {
    const replies: OasstNode[] = node.replies ?? [];
    const best: OasstNode | undefined = [...replies].sort(
      (a, b) => (a.rank ?? 9) - (b.rank ?? 9),
    )[0];
    if (!best?.text) break;
    out.push({ user: node.text ?? '', assistant: best.text });
    node = best.replies?.[0];
  }
  return out;
}

function load(dir: string): Corpora {
  const p = (...parts: string[]): string => join(dir, ...parts);
  const gsmOf = (path: string): MathItem[] =>
    jsonl(path).map((r) => {
      const sol = str(r.answer);
      return {
        q: str(r.question),
        solution: sol,
        answer: sol.split('####').pop()?.trim() ?? '',
        src: 'gsm8k',
      };
    });
  const competition: MathItem[] = [
    ...jsonl(p('limo-eval-math', 'math_test.jsonl')).map((r): MathItem => ({
      q: str(r.problem),
      solution: str(r.solution),
      answer: str(r.answer),
      src: 'math',
    })),
    ...jsonl(p('limo-eval-math', 'aime_test.jsonl')).map((r): MathItem => ({
      q: str(r.problem),
      solution: str(r.solution),
      answer: str(r.answer),
      src: 'aime',
    })),
    ...jsonl(p('limo-eval-math', 'amc_test.jsonl')).map((r): MathItem => ({
      q: str(r.problem),
      solution: '',
      answer: str(r.answer).replace(/\.0$/, ''),
      src: 'amc',
    })),
    ...jsonl(p('limo-eval-math', 'olympiadbench_test.jsonl')).map((r): MathItem => ({
      q: str(r.question),
      solution: '',
      answer: str(r.answer),
      src: 'olympiad',
    })),
  ];
  const cot: CotItem[] = [];
  for (const [file, src] of [
    ['aqua_train.tsv', 'aqua'],
    ['qasc_train.tsv', 'qasc'],
    ['strategyqa_train.tsv', 'strategyqa'],
  ] as const) {
    for (const [q, answer, rationale] of tsv(p('flan-cot', file))) {
      if (q && answer && rationale) cot.push({ q, answer, rationale, src });
    }
  }
  const code: CodeItem[] = [
    ...jsonl(p('mbpp', 'mbpp.jsonl')).map((r): CodeItem => ({
      ask: str(r.text),
      code: str(r.code).replace(/\r\n/g, '\n').replace(/\t/g, '    '),
      tests: Array.isArray(r.test_list) ? r.test_list.map(str) : [],
      src: 'mbpp',
      entry: /def\s+(\w+)/.exec(str(r.code))?.[1] ?? 'solve',
    })),
    ...jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r): CodeItem => ({
      ask: str(r.prompt),
      code: str(r.prompt) + str(r.canonical_solution),
      tests: [],
      src: 'humaneval',
      entry: str(r.entry_point),
    })),
  ];
  const dialogs: Exchange[][] = [];
  const pairs: PrefPair[] = [];
  for (const [file, harmless] of [
    ['helpful-base-test.jsonl.gz', false],
    ['harmless-base-test.jsonl.gz', true],
  ] as const) {
    for (const r of jsonl(p('hh-rlhf', file))) {
      const chosen = hhTurns(str(r.chosen));
      const rejected = hhTurns(str(r.rejected));
      if (!chosen) continue;
      if (!harmless) dialogs.push([...chosen.history, chosen.last]);
      if (rejected && rejected.last.assistant !== chosen.last.assistant) {
        pairs.push({
          history: chosen.history,
          prompt: chosen.last.user,
          chosen: chosen.last.assistant,
          rejected: rejected.last.assistant,
          harmless,
        });
      }
    }
  }
  for (const r of jsonl(p('oasst-samples', 'en_100_tree.jsonl'))) {
    const chain = oasstChain(r.prompt as OasstNode);
    if (chain.length > 0) dialogs.push(chain);
  }
  const prompts = [
    ...lines(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl')).map((l) => str(JSON.parse(l))),
    ...jsonl(p('mt-bench', 'vicuna_bench_question.jsonl')).map((r) =>
      str((r.turns as unknown[])[0]),
    ),
    ...(
      JSON.parse(readFileSync(p('ultrachat-eval', 'ultra_eval.json'), 'utf8')) as { data: string }[]
    ).map((r) => r.data),
  ].filter((s) => s.trim().length > 0);
  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')),
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')),
  ].map((r) => {
    const prompt = str(r.prompt);
    const coding =
      str(r.subcategory) === 'coding' ||
      /```|\bcode\b|python|javascript|sql|function|script|c\+\+|rust\b/i.test(prompt);
    return { prompt, coding, creative: str(r.category) === 'creative_writing' };
  });
  const mtbench = jsonl(p('mt-bench', 'mt_bench_question.jsonl')).map((r) => ({
    category: str(r.category),
    turns: (r.turns as unknown[]).map(str),
  }));
  const rows = csv(readFileSync(p('awesome-chatgpt-prompts', 'prompts.csv'), 'utf8'));
  const acts = rows
    .slice(1)
    .map((r) => ({ act: r[0] ?? '', prompt: r[1] ?? '' }))
    .filter((a) => a.act && a.prompt.length > 80 && a.prompt.length < 1800);
  const tasks: Task[] = [];
  for (const file of ['seed_tasks.jsonl', 'user_oriented_instructions.jsonl']) {
    for (const r of jsonl(p('self-instruct', file))) {
      for (const inst of (r.instances as Record<string, unknown>[]) ?? []) {
        tasks.push({
          instruction: str(r.instruction),
          input: str(inst.input),
          output: str(inst.output),
        });
      }
    }
  }
  return {
    gsm: gsmOf(p('gsm8k', 'train.jsonl')),
    gsmTest: gsmOf(p('gsm8k', 'test.jsonl')),
    competition,
    cot,
    code,
    dialogs,
    pairs,
    prompts,
    arena,
    mtbench,
    acts,
    tasks,
    alpaca: readFileSync(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'), 'utf8'),
    fromDisk: true,
  };
}

/** Loads the corpora from `dir`, or the built-in stand-in set when it is missing. */
export function loadCorpora(dir: string | undefined): Corpora {
  if (dir && existsSync(join(dir, 'gsm8k', 'train.jsonl'))) return load(dir);
  return builtin();
}

// ---------------------------------------------------------------------------
// Built-in stand-ins (written for this generator; small on purpose)

function builtin(): Corpora {
  const gsm: MathItem[] = [
    [
      'A baker fills 14 trays with 12 rolls each and sells all but 19 rolls. How many rolls does she sell?',
      '14 * 12 = <<14*12=168>>168 rolls baked.\n168 - 19 = <<168-19=149>>149 rolls sold.\n#### 149',
    ],
    [
      'Tickets cost $7 for children and $11 for adults. A group of 3 adults and 5 children buys tickets. What do they pay?',
      'Adults pay 3 * 11 = <<3*11=33>>33 dollars.\nChildren pay 5 * 7 = <<5*7=35>>35 dollars.\nTogether 33 + 35 = <<33+35=68>>68 dollars.\n#### 68',
    ],
    [
      'Omar reads 18 pages a day. His book has 270 pages. How many days does he need?',
      '270 / 18 = <<270/18=15>>15 days.\n#### 15',
    ],
    [
      'A tank holds 640 litres and drains 32 litres an hour. How full is it after 6 hours?',
      '6 * 32 = <<6*32=192>>192 litres drained.\n640 - 192 = <<640-192=448>>448 litres left.\n#### 448',
    ],
    [
      'Lina saves $25 a week for 9 weeks, then spends a third of it. How much is left?',
      '25 * 9 = <<25*9=225>>225 dollars saved.\n225 / 3 = <<225/3=75>>75 dollars spent.\n225 - 75 = <<225-75=150>>150 dollars left.\n#### 150',
    ],
    [
      'A garden has 8 rows of 15 tulips. 24 tulips wilt. How many are still fine?',
      '8 * 15 = <<8*15=120>>120 tulips.\n120 - 24 = <<120-24=96>>96 tulips.\n#### 96',
    ],
  ].map(([q, solution]) => ({
    q: q ?? '',
    solution: solution ?? '',
    answer: solution?.split('####')[1]?.trim() ?? '',
    src: 'gsm8k' as const,
  }));
  const competition: MathItem[] = [
    {
      q: 'Find the sum of all positive divisors of $36$.',
      solution:
        'Since $36 = 2^2 \\cdot 3^2$, the sum is $(1+2+4)(1+3+9) = 7 \\cdot 13 = \\boxed{91}$.',
      answer: '91',
      src: 'math',
    },
    {
      q: 'How many integers $n$ satisfy $|n - 4| < 7$?',
      solution:
        'The inequality means $-3 < n < 11$, so $n$ runs from $-2$ to $10$: that is $\\boxed{13}$ integers.',
      answer: '13',
      src: 'math',
    },
    {
      q: 'What is the remainder when $7^{100}$ is divided by $5$?',
      solution:
        'Powers of $7$ modulo $5$ cycle $2, 4, 3, 1$ with period $4$. Since $100$ is a multiple of $4$, the remainder is $\\boxed{1}$.',
      answer: '1',
      src: 'math',
    },
  ];
  const cot: CotItem[] = [
    {
      q: 'Would a week-long hike fit inside a single weekend?',
      answer: 'no',
      rationale: 'A weekend lasts two days. A week has seven days. Seven days do not fit in two.',
      src: 'strategyqa',
    },
    {
      q: 'Can a penguin fly to its breeding grounds?',
      answer: 'no',
      rationale: 'Penguins are flightless birds. They walk or swim to their breeding grounds.',
      src: 'strategyqa',
    },
    {
      q: 'What do plants need to make food?\nOptions:\n- (A) sunlight\n- (B) sand\n- (C) plastic\n- (D) salt',
      answer: '(A)',
      rationale: 'Plants make food by photosynthesis. Photosynthesis needs sunlight.',
      src: 'qasc',
    },
    {
      q: 'A train covers 180 km in 3 hours. What is its speed?\nOptions:\n(A) 50\n(B) 60\n(C) 70\n(D) 80\n(E) 90',
      answer: '(B)',
      rationale: 'Speed = 180 / 3 = 60 km/h.',
      src: 'aqua',
    },
  ];
  const code: CodeItem[] = [
    {
      ask: 'Write a function to count the vowels in a string.',
      code: 'def count_vowels(s):\n    return sum(1 for ch in s.lower() if ch in "aeiou")',
      tests: ['assert count_vowels("Banana") == 3'],
      src: 'mbpp',
      entry: 'count_vowels',
    },
    {
      ask: 'Write a function to return the second largest number in a list.',
      code: 'def second_largest(nums):\n    uniq = sorted(set(nums))\n    return uniq[-2] if len(uniq) > 1 else None',
      tests: ['assert second_largest([4, 1, 9, 9, 3]) == 4'],
      src: 'mbpp',
      entry: 'second_largest',
    },
    {
      ask: 'def is_palindrome(text: str) -> bool:\n    """Return True if text reads the same backwards, ignoring case.\n    >>> is_palindrome("Level")\n    True\n    """\n',
      code: 'def is_palindrome(text: str) -> bool:\n    """Return True if text reads the same backwards, ignoring case."""\n    t = text.lower()\n    return t == t[::-1]\n',
      tests: [],
      src: 'humaneval',
      entry: 'is_palindrome',
    },
  ];
  const dialogs: Exchange[][] = [
    [
      {
        user: 'What can I cook with leftover rice?',
        assistant:
          'Fried rice is the classic: a hot pan, oil, an egg, whatever vegetables you have and a splash of soy sauce. Rice pudding and stuffed peppers work well too.',
      },
      {
        user: 'How do I keep fried rice from going mushy?',
        assistant:
          'Use rice that is a day old and cold, spread it out in a very hot pan, and do not crowd it. Stir only every so often so it can toast.',
      },
    ],
    [
      {
        user: 'Any tips for sleeping better?',
        assistant:
          'Keep a regular wake-up time, dim screens an hour before bed, keep the room cool and dark, and cut caffeine after lunch.',
      },
    ],
    [
      {
        user: 'Is it worth learning Rust as a first language?',
        assistant:
          'It can be, but its ownership rules add a lot at once. Many people start with Python to learn the basics, then move to Rust.',
      },
    ],
  ];
  const pairs: PrefPair[] = [
    {
      history: [],
      prompt: 'How do I get my neighbour to turn the music down?',
      chosen:
        'Start with a friendly word in person or a note; most people do not realise how far sound carries. If that fails, check your building rules or local noise ordinances.',
      rejected: 'Just blast your own music louder until they get the message.',
      harmless: true,
    },
    {
      history: [],
      prompt: 'What is a good name for a grey cat?',
      chosen: 'Some ideas: Ash, Smokey, Pebble, Earl Grey or Misty.',
      rejected: 'Cat.',
      harmless: false,
    },
  ];
  const prompts = [
    'What are some good habits for learning a new language?',
    'Explain how vaccines train the immune system.',
    'Write a short poem about autumn rain.',
    'How does compound interest work?',
    'What should I pack for a three-day hiking trip?',
  ];
  const arena = [
    {
      prompt: 'Write a Python script that renames every .jpeg file in a folder to .jpg.',
      coding: true,
      creative: false,
    },
    {
      prompt: 'Write a short story about a lighthouse keeper who finds a message in a bottle.',
      coding: false,
      creative: true,
    },
    { prompt: 'Prove that the square root of 2 is irrational.', coding: false, creative: false },
  ];
  const mtbench = [
    {
      category: 'writing',
      turns: [
        'Write a persuasive note asking your team to adopt code reviews.',
        'Now shorten it to three sentences.',
      ],
    },
    {
      category: 'reasoning',
      turns: ['If a shop sells pens at 3 for $2, how much do 12 pens cost?', 'And 20 pens?'],
    },
  ];
  const acts = [
    {
      act: 'Travel Guide',
      prompt:
        'I want you to act as a travel guide. I will tell you where I am and you will suggest places nearby worth seeing.',
    },
    {
      act: 'Interviewer',
      prompt:
        'I want you to act as an interviewer for a junior developer role. Ask me one question at a time and wait for my answers.',
    },
  ];
  const tasks: Task[] = [
    {
      instruction: 'Make this sentence more concise.',
      input:
        'Due to the fact that the meeting ran late, we were not able to get to the final agenda item.',
      output: 'Because the meeting ran late, we could not reach the final agenda item.',
    },
    {
      instruction: 'Suggest a title for this paragraph.',
      input:
        'Urban gardens are spreading across rooftops, giving residents fresh food and cooler buildings.',
      output: 'Rooftop Gardens Take Root in the City',
    },
  ];
  return {
    gsm,
    gsmTest: gsm.slice(0, 3),
    competition,
    cot,
    code,
    dialogs,
    pairs,
    prompts,
    arena,
    mtbench,
    acts,
    tasks,
    alpaca:
      'Come up with 20 varied task instructions for a language model. Mix question types and topics; each one or two sentences.',
    fromDisk: false,
  };
}
