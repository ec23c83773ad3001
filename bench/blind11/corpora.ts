// Prompt corpora for blind11: loaded from the shared data folder when it exists, otherwise a
// small built-in set so that the generator still runs on a fresh clone.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface QA {
  q: string;
  a: string;
}
export interface Flan {
  q: string;
  a: string;
  r: string;
  src: string;
}
export interface CodeTask {
  id: string;
  prompt: string;
  solution: string;
}
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}
export interface Pair {
  prompt: string;
  chosen: string;
  rejected: string;
}
export interface Instr {
  instruction: string;
  input: string;
  output: string;
}

export interface Corpora {
  source: string;
  gsm8kTrain: QA[];
  gsm8kTest: QA[];
  math: QA[];
  olympiad: QA[];
  competition: QA[];
  flan: Flan[];
  humaneval: CodeTask[];
  mbpp: CodeTask[];
  arena: { prompt: string; cat: string }[];
  awesome: { act: string; prompt: string }[];
  chatPrompts: string[];
  dialogues: Turn[][];
  harmless: Turn[][];
  prefPairs: Pair[];
  mtbench: { cat: string; turns: string[] }[];
  selfInstruct: Instr[];
  alpaca: string;
  replies: string[];
  sentences: string[];
}

function readMaybe(path: string): string | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  if (path.endsWith('.gz')) return gunzipSync(buf).toString('utf8');
  return buf.toString('utf8');
}

function jsonl(path: string): Record<string, unknown>[] {
  const txt = readMaybe(path);
  if (txt === null) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of txt.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    try {
      out.push(JSON.parse(t) as Record<string, unknown>);
    } catch {
      // skip unparsable lines
    }
  }
  return out;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

function tsv(path: string, src: string): Flan[] {
  const txt = readMaybe(path);
  if (txt === null) return [];
  const out: Flan[] = [];
  for (const line of txt.split('\n')) {
    const parts = line.split('\t');
    if (parts.length < 3) continue;
    const un = (s: string) => s.replace(/\\n/g, '\n');
    out.push({ q: un(parts[0]!), a: un(parts[1]!), r: un(parts[2]!), src });
  }
  return out;
}

/** Split an HH-RLHF transcript ("\n\nHuman: ...\n\nAssistant: ...") into turns. */
function hhTurns(t: string): Turn[] {
  const out: Turn[] = [];
  const re = /\n\n(Human|Assistant): /g;
  const marks: { role: 'user' | 'assistant'; at: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    marks.push({
      role: m[1] === 'Human' ? 'user' : 'assistant',
      at: m.index,
      end: m.index + m[0].length,
    });
  }
  for (let i = 0; i < marks.length; i++) {
    const mk = marks[i]!;
    const stop = i + 1 < marks.length ? marks[i + 1]!.at : t.length;
    const text = t.slice(mk.end, stop).trim();
    if (text) out.push({ role: mk.role, text });
  }
  return out;
}

interface OasstNode {
  text?: string;
  role?: string;
  replies?: OasstNode[];
}

function splitSentences(text: string, into: string[]): void {
  for (const para of text.split(/\n+/)) {
    const parts = para.match(/[^.!?]+[.!?]+(\s|$)/g);
    if (!parts) continue;
    for (const p of parts) {
      const s = p.trim();
      if (s.length >= 30 && s.length <= 260 && !/[`$\\{}<>|#*]/.test(s)) into.push(s);
    }
  }
}

export function resolveDataDir(explicit: string | undefined): string | null {
  const candidates = explicit ? [explicit] : [resolve('../shared/data'), '/work/shared/data'];
  for (const c of candidates) if (existsSync(join(c, 'gsm8k'))) return c;
  return null;
}

export function loadCorpora(dir: string | null): Corpora {
  const c = builtin();
  if (dir === null) return c;
  const p = (...xs: string[]) => join(dir, ...xs);

  const gsm = (f: string) =>
    jsonl(p('gsm8k', f)).map((r) => ({ q: str(r.question), a: str(r.answer) }));
  const gsmTrain = gsm('train.jsonl');
  const gsmTest = gsm('test.jsonl');
  const math = jsonl(p('limo-eval-math', 'math_test.jsonl')).map((r) => ({
    q: str(r.problem),
    a: str(r.solution) || str(r.answer),
  }));
  const olympiad = jsonl(p('limo-eval-math', 'olympiadbench_test.jsonl')).map((r) => ({
    q: str(r.question),
    a: str(r.answer),
  }));
  const competition = [
    ...jsonl(p('limo-eval-math', 'aime_test.jsonl')),
    ...jsonl(p('limo-eval-math', 'amc_test.jsonl')),
  ].map((r) => ({ q: str(r.problem) || str(r.question), a: str(r.solution) || str(r.answer) }));
  const flan = [
    ...tsv(p('flan-cot', 'strategyqa_train.tsv'), 'strategyqa'),
    ...tsv(p('flan-cot', 'qasc_train.tsv'), 'qasc'),
    ...tsv(p('flan-cot', 'aqua_train.tsv'), 'aqua'),
  ];
  const humaneval = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    id: str(r.task_id),
    prompt: str(r.prompt),
    solution: str(r.prompt) + str(r.canonical_solution),
  }));
  const mbpp = jsonl(p('mbpp', 'mbpp.jsonl')).map((r) => ({
    id: 'mbpp/' + str(r.task_id),
    prompt: str(r.text),
    solution: str(r.code).replace(/\r\n/g, '\n').replace(/\t/g, '    '),
  }));
  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')).map((r) => ({
      prompt: str(r.prompt),
      cat: str(r.cluster) || 'general',
    })),
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')).map((r) => ({
      prompt: str(r.prompt),
      cat: str(r.subcategory) || str(r.category),
    })),
  ].filter((x) => x.prompt.length > 0 && x.prompt.length < 6000);

  let awesome: { act: string; prompt: string }[] = [];
  const csvText = readMaybe(p('awesome-chatgpt-prompts', 'prompts.csv'));
  if (csvText !== null) {
    const rows = parse(csvText, { columns: true, skip_empty_lines: true, relax_quotes: true });
    for (const r of rows as Record<string, string>[]) {
      const prompt = r.prompt ?? '';
      if (prompt.length > 40 && prompt.length < 2500) awesome.push({ act: r.act ?? '', prompt });
    }
  }
  if (awesome.length === 0) awesome = c.awesome;

  const chatPrompts: string[] = [];
  const replies: string[] = [];
  const dialogues: Turn[][] = [];
  for (const r of jsonl(p('oasst-samples', 'en_100_tree.jsonl'))) {
    const root = r.prompt as OasstNode | undefined;
    if (!root) continue;
    const walk = (n: OasstNode, path: Turn[]) => {
      const role = n.role === 'assistant' ? 'assistant' : 'user';
      const t: Turn = { role, text: n.text ?? '' };
      const next = [...path, t];
      if (role === 'assistant' && t.text.length > 40) replies.push(t.text);
      const kids = n.replies ?? [];
      if (kids.length === 0) {
        if (next.length >= 2) dialogues.push(next);
        return;
      }
      // Follow the first reply for dialogues, but harvest every reply's text.
      walk(kids[0]!, next);
      for (const k of kids.slice(1)) {
        if (k.role === 'assistant' && k.text && k.text.length > 40) replies.push(k.text);
      }
    };
    walk(root, []);
    if (root.text) chatPrompts.push(root.text);
  }
  const lottery = readMaybe(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl'));
  if (lottery !== null) {
    for (const line of lottery.split('\n')) {
      try {
        const v = JSON.parse(line) as unknown;
        if (typeof v === 'string' && v.length > 8) chatPrompts.push(v);
      } catch {
        // ignore
      }
    }
  }
  const harmless: Turn[][] = [];
  const prefPairs: Pair[] = [];
  for (const [file, into] of [
    ['helpful-base-test.jsonl.gz', dialogues],
    ['harmless-base-test.jsonl.gz', harmless],
  ] as const) {
    for (const r of jsonl(p('hh-rlhf', file))) {
      const chosen = hhTurns('\n\n' + str(r.chosen).replace(/^\s+/, ''));
      const rejected = hhTurns('\n\n' + str(r.rejected).replace(/^\s+/, ''));
      if (chosen.length >= 2) into.push(chosen);
      const lc = chosen[chosen.length - 1];
      const lr = rejected[rejected.length - 1];
      if (
        lc &&
        lr &&
        lc.role === 'assistant' &&
        lr.role === 'assistant' &&
        chosen.length >= 2 &&
        file.startsWith('helpful')
      ) {
        prefPairs.push({
          prompt: chosen[chosen.length - 2]!.text,
          chosen: lc.text,
          rejected: lr.text,
        });
      }
      if (file.startsWith('helpful') && chosen[0]) {
        if (chosen[0].text.length > 12) chatPrompts.push(chosen[0].text);
        for (const t of chosen)
          if (t.role === 'assistant' && t.text.length > 60) replies.push(t.text);
      }
    }
  }
  const mtbench = [
    ...jsonl(p('mt-bench', 'mt_bench_question.jsonl')),
    ...jsonl(p('mt-bench', 'vicuna_bench_question.jsonl')),
  ].map((r) => ({
    cat: str(r.category),
    turns: Array.isArray(r.turns) ? (r.turns as unknown[]).map(str) : [],
  }));
  const ultraTxt = readMaybe(p('ultrachat-eval', 'ultra_eval.json'));
  if (ultraTxt !== null) {
    try {
      for (const r of JSON.parse(ultraTxt) as { data?: string }[]) {
        if (r.data) chatPrompts.push(r.data);
      }
    } catch {
      // ignore
    }
  }
  const selfInstruct: Instr[] = [];
  for (const f of ['seed_tasks.jsonl', 'user_oriented_instructions.jsonl']) {
    for (const r of jsonl(p('self-instruct', f))) {
      const inst = Array.isArray(r.instances) ? (r.instances as Record<string, unknown>[]) : [];
      const first = inst[0] ?? {};
      selfInstruct.push({
        instruction: str(r.instruction),
        input: str(first.input),
        output: str(first.output),
      });
    }
  }
  const alpaca = readMaybe(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'));

  const sentences: string[] = [];
  for (const r of replies) splitSentences(r, sentences);
  for (const f of flan) splitSentences(f.r, sentences);

  const nonEmpty = <T>(xs: T[], fallback: T[]) => (xs.length > 0 ? xs : fallback);
  return {
    source: dir,
    gsm8kTrain: nonEmpty(gsmTrain, c.gsm8kTrain),
    gsm8kTest: nonEmpty(gsmTest, c.gsm8kTest),
    math: nonEmpty(math, c.math),
    olympiad: nonEmpty(olympiad, c.olympiad),
    competition: nonEmpty(competition, c.competition),
    flan: nonEmpty(flan, c.flan),
    humaneval: nonEmpty(humaneval, c.humaneval),
    mbpp: nonEmpty(mbpp, c.mbpp),
    arena: nonEmpty(arena, c.arena),
    awesome,
    chatPrompts: nonEmpty(chatPrompts, c.chatPrompts),
    dialogues: nonEmpty(dialogues, c.dialogues),
    harmless: nonEmpty(harmless, c.harmless),
    prefPairs: nonEmpty(prefPairs, c.prefPairs),
    mtbench: nonEmpty(
      mtbench.filter((m) => m.turns.length > 0),
      c.mtbench,
    ),
    selfInstruct: nonEmpty(selfInstruct, c.selfInstruct),
    alpaca: alpaca ?? c.alpaca,
    replies: nonEmpty(replies, c.replies),
    sentences: sentences.length > 200 ? sentences : c.sentences,
  };
}

/** A small corpus written for this generator, used when no data folder is present. */
function builtin(): Corpora {
  const gsm: QA[] = [];
  const items = ['apples', 'pencils', 'stickers', 'marbles', 'cookies', 'books', 'tickets'];
  const names = ['Maya', 'Tomas', 'Priya', 'Owen', 'Lena', 'Kofi', 'Aiko', 'Ravi'];
  for (let i = 0; i < 120; i++) {
    const n = names[i % names.length]!;
    const it = items[i % items.length]!;
    const a = 12 + ((i * 7) % 40);
    const b = 2 + (i % 5);
    const c = 3 + ((i * 3) % 9);
    gsm.push({
      q: `${n} has ${a} ${it}. She buys ${b} more packs with ${c} ${it} in each pack and then gives away ${b + c}. How many ${it} does ${n} have now?`,
      a: `${n} buys ${b} * ${c} = ${b * c} ${it}.\nShe then has ${a} + ${b * c} = ${a + b * c}.\nAfter giving away ${b + c}, she has ${a + b * c} - ${b + c} = ${a + b * c - b - c}.\n#### ${a + b * c - b - c}`,
    });
  }
  const math: QA[] = [];
  for (let i = 2; i < 60; i++) {
    math.push({
      q: `Find the number of positive divisors of $${i * 6}$ that are perfect squares.`,
      a: `Write $${i * 6}$ as a product of prime powers and count the even exponents available for each prime. The answer follows from multiplying the number of choices.`,
    });
  }
  const flan: Flan[] = [];
  for (let i = 0; i < 60; i++) {
    flan.push({
      q: `Would a ${items[i % items.length]} fit inside a standard mailbox?`,
      a: i % 2 ? 'yes' : 'no',
      r: 'A standard mailbox is roughly the size of a shoebox. Small household objects fit inside it, large ones do not.',
      src: 'builtin',
    });
  }
  const code: CodeTask[] = [];
  const fns = [
    [
      'sum_even',
      'Write a function that returns the sum of the even numbers in a list.',
      'def sum_even(xs):\n    return sum(x for x in xs if x % 2 == 0)',
    ],
    [
      'is_palindrome',
      'Write a function that checks whether a string is a palindrome, ignoring case.',
      'def is_palindrome(s):\n    t = s.lower()\n    return t == t[::-1]',
    ],
    [
      'count_vowels',
      'Write a function to count the vowels in a string.',
      "def count_vowels(s):\n    return sum(1 for ch in s.lower() if ch in 'aeiou')",
    ],
    [
      'max_gap',
      'Write a function that returns the largest difference between consecutive sorted elements.',
      'def max_gap(xs):\n    ys = sorted(xs)\n    return max((b - a for a, b in zip(ys, ys[1:])), default=0)',
    ],
  ] as const;
  for (let i = 0; i < 40; i++) {
    const f = fns[i % fns.length]!;
    code.push({ id: `builtin/${i}`, prompt: f[1], solution: f[2] });
  }
  const sentences = [
    'The most important thing is to start with a clear goal and work backwards from it.',
    'There are a few different ways to approach this, and each has trade-offs.',
    'In practice, most people find that a simple routine works better than a complicated one.',
    'It helps to write down what you already know before looking for new information.',
    'If you are unsure, it is usually safer to test the idea on a small example first.',
    'Many of these options are available for free or at a low cost.',
    'Keep in mind that the details can vary depending on where you live.',
    'A good rule of thumb is to check the result against a quick estimate.',
    'This is a common question, and the short answer is that it depends on the context.',
    'You can always revisit the decision later once you have more information.',
    'The second step is to compare the options side by side.',
    'Finally, make sure to review the result and adjust it if something looks off.',
  ];
  const prompts = [
    'How do I keep basil alive indoors during winter?',
    'What is a good way to learn a new language as an adult?',
    'Explain the difference between a virus and a bacterium.',
    'Can you suggest a weekend itinerary for a rainy city break?',
    'How should I prepare for a job interview at a small startup?',
    'Why is the sky blue?',
    'Write a short poem about the sea at night.',
    'What are the pros and cons of electric cars?',
  ];
  const dialogues: Turn[][] = prompts.map((p, i) => [
    { role: 'user', text: p },
    { role: 'assistant', text: sentences.slice(i % 4, (i % 4) + 4).join(' ') },
  ]);
  return {
    source: 'builtin',
    gsm8kTrain: gsm.slice(0, 90),
    gsm8kTest: gsm.slice(90),
    math,
    olympiad: math.slice(0, 20),
    competition: math.slice(20, 30),
    flan,
    humaneval: code.slice(0, 20),
    mbpp: code.slice(20),
    arena: prompts.map((p) => ({ prompt: p, cat: 'general' })),
    awesome: [
      {
        act: 'Travel Guide',
        prompt:
          'I want you to act as a travel guide. I will tell you my location and you will suggest a place to visit near it.',
      },
      {
        act: 'Storyteller',
        prompt:
          'I want you to act as a storyteller. You will come up with entertaining stories that are engaging and imaginative.',
      },
    ],
    chatPrompts: prompts,
    dialogues,
    harmless: dialogues.slice(0, 4),
    prefPairs: prompts.map((p, i) => ({
      prompt: p,
      chosen: sentences[i % sentences.length]!,
      rejected: sentences[(i + 5) % sentences.length]!,
    })),
    mtbench: prompts.map((p) => ({ cat: 'generic', turns: [p, 'Now make it shorter.'] })),
    selfInstruct: prompts.map((p) => ({ instruction: p, input: '', output: sentences[0]! })),
    alpaca:
      'You are asked to come up with a set of 20 diverse task instructions. These task instructions will be given to a language model.\n\nList of 20 tasks:',
    replies: dialogues.map((d) => d[1]!.text),
    sentences,
  };
}
