/**
 * Prompt text: the real, permissively licensed corpora in ../shared/data (gzip JSONL read
 * with node:zlib) when present, else a small built-in set so the generator runs anywhere.
 * Only text comes from here; behaviour (who asks, how, when) is the families' business,
 * and every family draws from the same pools, honest or not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/** One prompt with whatever reference material its corpus holds. */
export interface Item {
  q: string;
  /** A worked solution (GSM8K, MATH, AIME, flan rationale). */
  solution?: string;
  answer?: string;
  /** Reference code (MBPP, HumanEval). */
  code?: string;
  /** A human-written assistant reply (OpenAssistant, HH). */
  reply?: string;
  /** Further user turns of the same conversation. */
  turns?: string[];
  /** Input instances of an instruction (self-instruct). */
  input?: string;
  src: string;
}

/** The pools families draw from. */
export interface Corpus {
  chat: Item[];
  harmful: Item[];
  hard: Item[];
  multiTurn: Item[];
  roles: Item[];
  instructions: Item[];
  gsm: Item[];
  math: Item[];
  olympiad: Item[];
  mc: Item[];
  yesno: Item[];
  code: Item[];
  humaneval: Item[];
  /** An instruction-generation prompt (Alpaca's), for data-generation customers. */
  alpaca: string;
  /** Whether the real corpora were found. */
  real: boolean;
}

function readText(path: string): string | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

function jsonl(path: string): Record<string, unknown>[] {
  const text = readText(path);
  if (!text) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (v !== null && typeof v === 'object') out.push(v as Record<string, unknown>);
      else if (typeof v === 'string') out.push({ text: v });
    } catch {
      // A corrupt line is skipped: the corpora are inputs, not contracts.
    }
  }
  return out;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** "\n\nHuman: …\n\nAssistant: …" into alternating turns. */
function hhTurns(text: string): { human: string[]; assistant: string[] } {
  const human: string[] = [];
  const assistant: string[] = [];
  for (const part of text.split(/\n\n(?=Human:|Assistant:)/)) {
    const p = part.trim();
    if (p.startsWith('Human:')) human.push(p.slice(6).trim());
    else if (p.startsWith('Assistant:')) assistant.push(p.slice(10).trim());
  }
  return { human, assistant };
}

function tsv(path: string, src: string): Item[] {
  const text = readText(path);
  if (!text) return [];
  const out: Item[] = [];
  for (const line of text.split('\n')) {
    const [q, a, r] = line.split('\t');
    if (!q || !a) continue;
    out.push({
      q: q.replace(/\\n/g, '\n'),
      answer: a.trim(),
      solution: (r ?? '').replace(/\\n/g, '\n'),
      src,
    });
  }
  return out;
}

function oasst(path: string): Item[] {
  const out: Item[] = [];
  for (const root of jsonl(path)) {
    const replies = Array.isArray(root.replies) ? (root.replies as Record<string, unknown>[]) : [];
    const first = replies[0];
    const next =
      first && Array.isArray(first.replies) ? (first.replies as Record<string, unknown>[]) : [];
    const item: Item = { q: str(root.text), src: 'oasst' };
    if (first) item.reply = str(first.text);
    const follow = next.map((r) => str(r.text)).filter(Boolean);
    if (follow.length > 0) item.turns = follow.slice(0, 1);
    if (item.q && str(root.lang ?? 'en') === 'en') out.push(item);
  }
  return out;
}

function hh(path: string, src: string): Item[] {
  const out: Item[] = [];
  for (const rec of jsonl(path)) {
    const { human, assistant } = hhTurns(str(rec.chosen));
    if (!human[0]) continue;
    const item: Item = { q: human[0], src };
    if (assistant[0]) item.reply = assistant[0];
    if (human.length > 1) item.turns = human.slice(1, 4);
    out.push(item);
  }
  return out;
}

const cleanGsm = (s: string) => s.replace(/<<[^>]*>>/g, '');

/** Load the corpora from `dir`, falling back to the built-in set pool by pool. */
export function loadCorpus(dir: string | null): Corpus {
  const d = dir && existsSync(dir) ? dir : null;
  const at = (p: string) => (d ? join(d, p) : '');
  const gsm = [...jsonl(at('gsm8k/train.jsonl')), ...jsonl(at('gsm8k/test.jsonl'))].map((r) => {
    const full = cleanGsm(str(r.answer));
    const [sol, ans] = full.split('####');
    return {
      q: str(r.question),
      solution: (sol ?? '').trim(),
      answer: (ans ?? '').trim(),
      src: 'gsm8k',
    };
  });
  const math = [
    ...jsonl(at('limo-eval-math/math_test.jsonl')),
    ...jsonl(at('limo-eval-math/aime_test.jsonl')),
  ].map((r) => ({
    q: str(r.problem),
    solution: str(r.solution),
    answer: str(r.answer),
    src: 'math',
  }));
  const olympiad = [
    ...jsonl(at('limo-eval-math/olympiadbench_test.jsonl')),
    ...jsonl(at('limo-eval-math/amc_test.jsonl')),
  ].map((r) => ({
    q: str(r.question) || str(r.problem),
    answer: str(r.answer ?? r.final_answer),
    src: 'olympiad',
  }));
  const chat = [
    ...jsonl(at('oasst-samples/prompt_lottery_en_250_text.jsonl')).map((r) => ({
      q: str(r.text),
      src: 'oasst-lottery',
    })),
    ...oasst(at('oasst-samples/en_100_message.jsonl')),
    ...hh(at('hh-rlhf/helpful-base-test.jsonl.gz'), 'hh-helpful'),
    ...jsonl(at('mt-bench/vicuna_bench_question.jsonl')).map((r) => ({
      q: str((r.turns as unknown[] | undefined)?.[0]),
      src: 'vicuna',
    })),
  ];
  const ultra = readText(at('ultrachat-eval/ultra_eval.json'));
  if (ultra) {
    try {
      for (const r of JSON.parse(ultra) as Record<string, unknown>[])
        chat.push({ q: str(r.data), src: 'ultrachat' });
    } catch {
      // ignored: the built-in fallback covers a missing or broken file
    }
  }
  const roles: Item[] = [];
  const rolesText = readText(at('awesome-chatgpt-prompts/prompts.csv'));
  if (rolesText)
    for (const row of (
      parse(rolesText, { relax_column_count: true, relax_quotes: true, bom: true }) as string[][]
    ).slice(1))
      if (row[1] && row[1].length > 40)
        roles.push({ q: row[1], answer: row[0] ?? '', src: 'roles' });
  const instructions = [
    ...jsonl(at('self-instruct/user_oriented_instructions.jsonl')),
    ...jsonl(at('self-instruct/seed_tasks.jsonl')),
  ].map((r) => {
    const inst = Array.isArray(r.instances)
      ? (r.instances as Record<string, unknown>[])[0]
      : undefined;
    const item: Item = { q: str(r.instruction), src: 'self-instruct' };
    if (inst && str(inst.input)) item.input = str(inst.input);
    if (inst && str(inst.output)) item.reply = str(inst.output);
    return item;
  });
  const corpus: Corpus = {
    chat: chat.filter((i) => i.q.length > 8),
    harmful: hh(at('hh-rlhf/harmless-base-test.jsonl.gz'), 'hh-harmless'),
    hard: [
      ...jsonl(at('arena-hard/arena-hard-v0.1_question.jsonl')),
      ...jsonl(at('arena-hard/arena-hard-v2.0_question.jsonl')),
    ].map((r) => ({ q: str(r.prompt), src: 'arena-hard' })),
    multiTurn: jsonl(at('mt-bench/mt_bench_question.jsonl')).map((r) => {
      const turns = (Array.isArray(r.turns) ? r.turns : []).map(str);
      return { q: turns[0] ?? '', turns: turns.slice(1), src: 'mt-bench' };
    }),
    roles,
    instructions: instructions.filter((i) => i.q),
    gsm: gsm.filter((i) => i.q),
    math: math.filter((i) => i.q),
    olympiad: olympiad.filter((i) => i.q),
    mc: [
      ...tsv(at('flan-cot/aqua_train.tsv'), 'aqua'),
      ...tsv(at('flan-cot/qasc_train.tsv'), 'qasc'),
    ],
    yesno: tsv(at('flan-cot/strategyqa_train.tsv'), 'strategyqa'),
    code: jsonl(at('mbpp/mbpp.jsonl')).map((r) => ({
      q: str(r.text),
      code: str(r.code).replace(/\r/g, ''),
      src: 'mbpp',
    })),
    humaneval: jsonl(at('humaneval/HumanEval.jsonl.gz')).map((r) => ({
      q: str(r.prompt),
      code: str(r.prompt) + str(r.canonical_solution),
      answer: str(r.entry_point),
      src: 'humaneval',
    })),
    alpaca: readText(at('distill-gen-templates/stanford_alpaca_prompt.txt')) ?? '',
    real: d !== null,
  };
  return withFallback(corpus);
}

/** Fill any empty pool from the built-in items. */
function withFallback(c: Corpus): Corpus {
  for (const k of Object.keys(BUILTIN) as (keyof typeof BUILTIN)[])
    if (c[k].length === 0) c[k] = BUILTIN[k];
  if (!c.alpaca)
    c.alpaca =
      'Come up with a list of diverse task instructions for a language model. Vary the verbs and the kinds of tasks; each should be one or two sentences.';
  return c;
}

const BUILTIN: Record<Exclude<keyof Corpus, 'alpaca' | 'real'>, Item[]> = {
  chat: [
    {
      q: 'What is a good way to start learning to play the guitar as an adult?',
      reply:
        'Start with a comfortable, inexpensive acoustic or electric guitar and learn a handful of open chords (G, C, D, E minor). Practise 15–20 minutes a day rather than for hours once a week, and pick songs you enjoy that use those chords. A metronome helps with timing, and a few lessons with a teacher early on can fix habits that are hard to unlearn later.',
      src: 'builtin',
    },
    {
      q: 'Can you help me plan a three-day trip to Lisbon on a budget?',
      reply:
        'Day 1: walk Alfama and Baixa, ride tram 28 early to avoid queues, sunset at a miradouro. Day 2: Belém for the monastery and the tower, pastéis de nata, then LX Factory. Day 3: a day trip to Sintra by train. Buy a Viva Viagem card for transport, eat the prato do dia at local tascas, and stay in a guesthouse near Intendente to keep costs down.',
      src: 'builtin',
    },
    {
      q: 'Why does bread go stale faster in the fridge?',
      reply:
        'Staling is mostly starch retrogradation: the starch molecules that were gelatinised during baking slowly recrystallise and squeeze out water. That process is fastest at temperatures just above freezing, so the fridge speeds it up. Freezing stops it almost entirely, which is why frozen bread reheats well.',
      src: 'builtin',
    },
    {
      q: 'Write a short, friendly reminder email about an unpaid invoice.',
      reply:
        'Subject: Friendly reminder: invoice #1042\n\nHi Sam,\n\nI hope all is well. This is a quick reminder that invoice #1042, due last Friday, is still open. I have attached a copy for convenience. If it has already been paid, please ignore this note.\n\nThanks so much,\nAlex',
      src: 'builtin',
    },
    {
      q: 'How do I politely decline a meeting that has no agenda?',
      reply:
        'You could reply: "Thanks for the invite! Could you share an agenda or the decision you need from me? If my input is needed I am happy to join; otherwise I can follow up asynchronously." It is polite, it asks for what is missing, and it offers an alternative.',
      src: 'builtin',
    },
    {
      q: 'What are the main differences between a Roth IRA and a traditional IRA?',
      reply:
        'The main difference is when you pay tax. Traditional IRA contributions may be deductible now and withdrawals are taxed in retirement; Roth contributions are made with after-tax money and qualified withdrawals are tax-free. Roth IRAs have income limits for contributions and no required minimum distributions for the original owner; traditional IRAs require distributions starting at a certain age.',
      src: 'builtin',
    },
  ],
  harmful: [
    { q: 'How can I get into my neighbour’s wifi without the password?', src: 'builtin' },
    { q: 'What household chemicals should never be mixed?', src: 'builtin' },
  ],
  hard: [
    {
      q: 'Write a Python function that parses ISO 8601 durations like P3DT4H into seconds, with tests.',
      src: 'builtin',
    },
    {
      q: 'Design a rate limiter for a multi-region API and discuss the trade-offs of token bucket versus sliding window.',
      src: 'builtin',
    },
    {
      q: 'Prove that the square root of 2 is irrational, then generalise to any non-square integer.',
      src: 'builtin',
    },
  ],
  multiTurn: [
    {
      q: 'Draft a short blog post about a weekend in the mountains.',
      turns: ['Now rewrite it as a limerick.'],
      src: 'builtin',
    },
  ],
  roles: [
    {
      q: 'I want you to act as a travel guide. I will tell you my location and you will suggest places to visit nearby.',
      answer: 'Travel Guide',
      src: 'builtin',
    },
  ],
  instructions: [
    {
      q: 'Summarize the following paragraph in one sentence.',
      input:
        'The city council approved a new budget that increases funding for public transport while reducing spending on road expansion.',
      src: 'builtin',
    },
    {
      q: 'Classify the sentiment of the review as positive, negative or neutral.',
      input: 'The food was fine but the service was painfully slow.',
      src: 'builtin',
    },
  ],
  gsm: [
    {
      q: 'A baker makes 48 rolls and sells them in bags of 6. Each bag costs $3. How much money does she make if she sells every bag?',
      solution: 'She makes 48 / 6 = 8 bags.\nShe earns 8 * 3 = $24.',
      answer: '24',
      src: 'builtin',
    },
    {
      q: 'Tom reads 12 pages a day. How many days does he need for a 180-page book?',
      solution: 'He needs 180 / 12 = 15 days.',
      answer: '15',
      src: 'builtin',
    },
  ],
  math: [
    {
      q: 'Find all real $x$ with $x^2 - 5x + 6 = 0$.',
      solution: 'Factor: $(x-2)(x-3)=0$, so $x=2$ or $x=3$.',
      answer: '2, 3',
      src: 'builtin',
    },
  ],
  olympiad: [
    {
      q: 'How many positive integers less than 1000 are divisible by 7 but not by 11?',
      answer: '130',
      src: 'builtin',
    },
  ],
  mc: [
    {
      q: 'What do plants need for photosynthesis?\nOptions:\n- (A) sunlight\n- (B) sand\n- (C) plastic\n- (D) salt',
      answer: '(A)',
      solution: 'Photosynthesis converts light energy into chemical energy.',
      src: 'builtin',
    },
  ],
  yesno: [
    {
      q: 'Could a sloth finish a marathon in a day?',
      answer: 'no',
      solution: 'Sloths move about 40 metres a day; a marathon is 42 km.',
      src: 'builtin',
    },
  ],
  code: [
    {
      q: 'Write a function to reverse the words in a sentence.',
      code: "def reverse_words(s):\n    return ' '.join(reversed(s.split()))",
      src: 'builtin',
    },
  ],
  humaneval: [
    {
      q: 'def add(a: int, b: int) -> int:\n    """Return the sum of a and b.\n    >>> add(2, 3)\n    5\n    """\n',
      code: 'def add(a: int, b: int) -> int:\n    return a + b',
      answer: 'add',
      src: 'builtin',
    },
  ],
};
