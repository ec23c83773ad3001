// Loads prompt text from the shared corpora (with a small built-in fallback).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface MathItem {
  q: string;
  solution: string; // worked solution text
  answer: string;
  hard: boolean;
}
export interface CotItem {
  q: string;
  answer: string;
  rationale: string;
}
export interface CodeItem {
  task: string;
  code: string;
  name: string;
  tests: string[];
}
export interface Dialogue {
  turns: string[]; // alternating user, assistant, user, ...
}
export interface Corpus {
  gsm: MathItem[];
  math: MathItem[];
  cot: CotItem[];
  code: CodeItem[];
  chat: string[]; // single-turn user prompts
  hard: string[]; // arena-hard style prompts
  dialogues: Dialogue[];
  replies: string[]; // assistant-written replies
  roles: { act: string; prompt: string }[];
  instr: { instruction: string; input: string; output: string }[];
  alpaca: string;
  pairs: { prompt: string; a: string; b: string }[]; // for graders/judges
  source: string;
}

function readText(path: string): string {
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}
function jsonl(path: string): unknown[] {
  if (!existsSync(path)) return [];
  const out: unknown[] = [];
  for (const line of readText(path).split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      out.push(JSON.parse(t));
    } catch {
      /* skip malformed line */
    }
  }
  return out;
}
function str(o: unknown, k: string): string {
  if (o && typeof o === 'object' && k in o) {
    const v = (o as Record<string, unknown>)[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
  }
  return '';
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

function splitHH(s: string): string[] {
  const parts = s.split(/\n\n(Human|Assistant): /);
  const turns: string[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) turns.push((parts[i + 1] ?? '').trim());
  return turns;
}

export function resolveDataDir(given?: string): string | undefined {
  const cands = given
    ? [given]
    : [join(process.cwd(), '..', 'shared', 'data'), '/work/shared/data'];
  for (const c of cands) if (existsSync(join(c, 'gsm8k'))) return c;
  return undefined;
}

export function loadCorpus(dir: string | undefined): Corpus {
  const c = builtin();
  if (!dir) return c;
  c.source = dir;
  const p = (x: string): string => join(dir, x);
  const gsm = [...jsonl(p('gsm8k/train.jsonl')), ...jsonl(p('gsm8k/test.jsonl'))].map((o) => {
    const a = str(o, 'answer');
    const [sol, ans] = a.split('####');
    return {
      q: str(o, 'question'),
      solution: (sol ?? '').replace(/<<[^>]*>>/g, '').trim(),
      answer: (ans ?? '').trim(),
      hard: false,
    };
  });
  if (gsm.length) c.gsm = gsm;
  const math: MathItem[] = [];
  for (const f of ['math_test', 'aime_test', 'amc_test', 'olympiadbench_test']) {
    for (const o of jsonl(p(`limo-eval-math/${f}.jsonl`))) {
      const q = str(o, 'problem') || str(o, 'question');
      let sol = str(o, 'solution');
      const ans = str(o, 'answer') || (sol.match(/\\boxed\{([^}]*)\}/)?.[1] ?? '');
      if (!sol && o && typeof o === 'object') {
        const s = (o as Record<string, unknown>)['solution'];
        if (Array.isArray(s) && typeof s[0] === 'string') sol = s[0];
      }
      if (q && sol.trim().length > 20)
        math.push({ q, solution: sol, answer: ans, hard: f !== 'math_test' });
    }
  }
  if (math.length) c.math = math;
  const cot: CotItem[] = [];
  for (const f of ['strategyqa_train', 'qasc_train', 'aqua_train']) {
    const path = p(`flan-cot/${f}.tsv`);
    if (!existsSync(path)) continue;
    for (const line of readText(path).split('\n')) {
      const [q, a, r] = line.split('\t');
      if (q && a && r)
        cot.push({ q: q.replace(/\\n/g, '\n'), answer: a, rationale: r.replace(/\\n/g, '\n') });
    }
  }
  if (cot.length) c.cot = cot;
  const code: CodeItem[] = [];
  for (const o of jsonl(p('mbpp/mbpp.jsonl'))) {
    const code0 = str(o, 'code').replace(/\r/g, '');
    const name = code0.match(/def (\w+)/)?.[1] ?? 'solve';
    const tl = (o as Record<string, unknown>)['test_list'];
    code.push({
      task: str(o, 'text'),
      code: code0,
      name,
      tests: Array.isArray(tl) ? tl.map(String) : [],
    });
  }
  for (const o of jsonl(p('humaneval/HumanEval.jsonl.gz'))) {
    const prompt = str(o, 'prompt');
    code.push({
      task: prompt,
      code: prompt + str(o, 'canonical_solution'),
      name: str(o, 'entry_point'),
      tests: [],
    });
  }
  if (code.length) c.code = code;
  const chat: string[] = [];
  for (const o of jsonl(p('oasst-samples/prompt_lottery_en_250_text.jsonl')))
    if (typeof o === 'string') chat.push(o);
  for (const o of jsonl(p('mt-bench/vicuna_bench_question.jsonl'))) {
    const t = (o as Record<string, unknown>)['turns'];
    if (Array.isArray(t) && typeof t[0] === 'string') chat.push(t[0]);
  }
  const ue = p('ultrachat-eval/ultra_eval.json');
  if (existsSync(ue)) {
    try {
      const arr = JSON.parse(readText(ue)) as unknown[];
      for (const o of arr) if (str(o, 'data')) chat.push(str(o, 'data'));
    } catch {
      /* ignore */
    }
  }
  const dialogues: Dialogue[] = [];
  for (const o of jsonl(p('mt-bench/mt_bench_question.jsonl'))) {
    const t = (o as Record<string, unknown>)['turns'];
    if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') chat.push(x);
  }
  if (chat.length) c.chat = chat;
  const hard: string[] = [];
  for (const f of ['arena-hard-v0.1_question', 'arena-hard-v2.0_question']) {
    for (const o of jsonl(p(`arena-hard/${f}.jsonl`))) {
      const s = str(o, 'prompt');
      if (s && s.length < 6000) hard.push(s);
    }
  }
  if (hard.length) c.hard = hard;
  const replies: string[] = [];
  for (const o of jsonl(p('oasst-samples/en_100_tree.jsonl'))) {
    const root = (o as Record<string, unknown>)['prompt'];
    const turns: string[] = [];
    let node: unknown = root;
    while (node && typeof node === 'object' && turns.length < 8) {
      const text = str(node, 'text');
      if (!text) break;
      turns.push(text);
      const rep = (node as Record<string, unknown>)['replies'];
      if (Array.isArray(rep)) {
        for (const r of rep) if (str(r, 'role') === 'assistant') replies.push(str(r, 'text'));
        node = rep[0];
      } else node = undefined;
    }
    if (turns.length >= 2) dialogues.push({ turns });
  }
  const pairs: { prompt: string; a: string; b: string }[] = [];
  for (const f of ['helpful-base-test', 'harmless-base-test']) {
    for (const o of jsonl(p(`hh-rlhf/${f}.jsonl.gz`))) {
      const ch = splitHH(str(o, 'chosen'));
      const rj = splitHH(str(o, 'rejected'));
      if (ch.length >= 2 && f === 'helpful-base-test') {
        dialogues.push({ turns: ch });
        for (let i = 1; i < ch.length; i += 2)
          if ((ch[i] ?? '').length > 60) replies.push(ch[i] ?? '');
      }
      const last = ch.length - 1;
      if (last >= 1 && last % 2 === 1 && (ch[last] ?? '') !== (rj[last] ?? '')) {
        pairs.push({ prompt: ch[last - 1] ?? '', a: ch[last] ?? '', b: rj[last] ?? '' });
      }
    }
  }
  if (dialogues.length) c.dialogues = dialogues;
  if (replies.length) c.replies = replies.filter((r) => r.length > 40);
  if (pairs.length) c.pairs = pairs;
  const apath = p('awesome-chatgpt-prompts/prompts.csv');
  if (existsSync(apath)) {
    const rows = parseCsv(readText(apath)).slice(1);
    const roles = rows
      .filter((r) => r[0] && r[1] && (r[1] ?? '').length < 4000)
      .map((r) => ({ act: r[0] ?? '', prompt: r[1] ?? '' }));
    if (roles.length) c.roles = roles;
  }
  const instr: Corpus['instr'] = [];
  for (const f of ['seed_tasks', 'user_oriented_instructions']) {
    for (const o of jsonl(p(`self-instruct/${f}.jsonl`))) {
      const inst = (o as Record<string, unknown>)['instances'];
      const first = Array.isArray(inst) ? inst[0] : undefined;
      instr.push({
        instruction: str(o, 'instruction'),
        input: str(first, 'input'),
        output: str(first, 'output'),
      });
    }
  }
  if (instr.length) c.instr = instr;
  const al = p('distill-gen-templates/stanford_alpaca_prompt.txt');
  if (existsSync(al)) c.alpaca = readText(al);
  return c;
}

function builtin(): Corpus {
  return {
    source: 'built-in',
    gsm: [
      {
        q: 'A baker makes 24 muffins and sells 3 boxes of 6. How many muffins are left?',
        solution: '3 boxes of 6 is 3 * 6 = 18 muffins.\nLeft: 24 - 18 = 6.',
        answer: '6',
        hard: false,
      },
      {
        q: 'Tom reads 12 pages a day. How many days does a 180-page book take?',
        solution: '180 / 12 = 15 days.',
        answer: '15',
        hard: false,
      },
      {
        q: 'A shirt costs $40 and is 25% off. What is the sale price?',
        solution: '25% of 40 is 10.\n40 - 10 = 30.',
        answer: '30',
        hard: false,
      },
    ],
    math: [
      {
        q: 'Find the sum of all integers $n$ with $n^2 < 50$.',
        solution:
          'The integers are $-7,\\dots,7$; they cancel in pairs, so the sum is $\\boxed{0}$.',
        answer: '0',
        hard: false,
      },
      {
        q: 'How many positive divisors does $360$ have?',
        solution: '$360 = 2^3 3^2 5$, so $(3+1)(2+1)(1+1) = \\boxed{24}$.',
        answer: '24',
        hard: false,
      },
    ],
    cot: [
      {
        q: 'Can a penguin fly to the moon?',
        answer: 'no',
        rationale: 'Penguins cannot fly at all. The moon is reached only by rockets.',
      },
      {
        q: 'Is water wet at room temperature?',
        answer: 'yes',
        rationale: 'Liquid water wets surfaces it touches at room temperature.',
      },
    ],
    code: [
      {
        task: 'Write a function to reverse words in a string.',
        code: "def reverse_words(s):\n    return ' '.join(reversed(s.split()))",
        name: 'reverse_words',
        tests: ["assert reverse_words('a b') == 'b a'"],
      },
      {
        task: 'Write a function to count vowels in a string.',
        code: "def count_vowels(s):\n    return sum(ch in 'aeiou' for ch in s.lower())",
        name: 'count_vowels',
        tests: [],
      },
    ],
    chat: [
      'How do I make a sourdough starter?',
      "What's the difference between TCP and UDP?",
      'Write a haiku about autumn rain.',
      'Explain inflation to a ten year old.',
    ],
    hard: [
      'Write a Python script that deduplicates a CSV by two columns and keeps the newest row.',
      'Explain the proof that there are infinitely many primes.',
    ],
    dialogues: [
      {
        turns: [
          "What's a good beginner houseplant?",
          'Pothos is very forgiving: low light, water when the top soil is dry.',
          'Is it safe for cats?',
        ],
      },
    ],
    replies: [
      'Sure! Here is a short overview. First, consider what you need; then compare options on cost and effort. Finally, try one and adjust.',
      'Great question. In short: it depends on context, but the usual approach is to start simple and iterate.',
    ],
    roles: [
      {
        act: 'Travel Guide',
        prompt:
          'I want you to act as a travel guide. I will write you my location and you will suggest places to visit.',
      },
    ],
    instr: [
      {
        instruction: 'Summarize the following text in one sentence.',
        input: 'The council voted to expand the bike lane network after a year of consultation.',
        output: 'The council approved a larger bike lane network.',
      },
    ],
    alpaca:
      'You are asked to come up with a set of 20 diverse task instructions.\n\nList of 20 tasks:',
    pairs: [
      {
        prompt: 'How do I get rid of ants in my kitchen?',
        a: 'Wipe surfaces, seal food, and use bait stations near entry points.',
        b: 'Just move house.',
      },
    ],
  };
}
