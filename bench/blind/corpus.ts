/**
 * Prompt text: the shared corpora when a data directory is given and present, plus built-in
 * text that keeps every pool non-empty without it. Labels never depend on which pool a
 * prompt came from; honest and malicious families draw from the same pools.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { englishProblem, type Worked } from './problems.js';
import type { Rng } from './rng.js';

/** A question with an answer and a short rationale. */
export interface Rationale {
  q: string;
  answer: string;
  rationale: string;
}

/** A programming task with a reference solution. */
export interface CodeTask {
  q: string;
  code: string;
}

/** A user prompt with, where known, a human-written answer. */
export interface ChatPair {
  q: string;
  a?: string;
}

/** Every pool the families draw from. */
export interface Corpus {
  math: Worked[];
  hardMath: Worked[];
  rationale: Rationale[];
  code: CodeTask[];
  chat: ChatPair[];
  hard: string[];
  docs: string[];
  roles: string[];
  dialogs: string[][];
  /** Whether the shared data was found. */
  external: boolean;
}

function lines(path: string): string[] {
  const buf = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return text.split('\n').filter((l) => l.trim() !== '');
}

function jsonl(path: string): Record<string, unknown>[] {
  if (!existsSync(path)) return [];
  const out: Record<string, unknown>[] = [];
  for (const l of lines(path)) {
    try {
      out.push(JSON.parse(l) as Record<string, unknown>);
    } catch {
      // A malformed line in a copied corpus is skipped, not fatal.
    }
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Solution prose split into step-sized sentences. */
function toSteps(solution: string): string[] {
  const clean = solution
    .replace(/\[asy\][\s\S]*?\[\/asy\]/g, '')
    .replace(/<<[^>]*>>/g, '')
    .replace(/\r/g, '');
  const parts = clean
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z$\\])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
  return parts.slice(0, 12);
}

function loadMath(dir: string, c: Corpus): void {
  for (const f of ['gsm8k/train.jsonl', 'gsm8k/test.jsonl']) {
    for (const r of jsonl(join(dir, f))) {
      const ans = str(r.answer);
      const [body, final] = ans.split('####');
      c.math.push({
        q: str(r.question),
        steps: toSteps(body ?? ''),
        answer: (final ?? '').trim(),
        topic: 'word problem',
      });
    }
  }
  for (const r of jsonl(join(dir, 'limo-eval-math/math_test.jsonl'))) {
    c.hardMath.push({
      q: str(r.problem),
      steps: toSteps(str(r.solution)),
      answer: str(r.answer),
      topic: str(r.subject) || 'competition math',
    });
  }
  for (const f of ['aime_test.jsonl', 'amc_test.jsonl', 'olympiadbench_test.jsonl']) {
    for (const r of jsonl(join(dir, 'limo-eval-math', f))) {
      const q = str(r.problem) || str(r.question);
      if (!q) continue;
      const sol = str(r.solution);
      // Without a written solution there is nothing to answer with; keep only solved items.
      if (!sol) continue;
      c.hardMath.push({
        q,
        steps: sol ? toSteps(sol) : [],
        answer: str(r.answer),
        topic: 'competition math',
      });
    }
  }
}

function loadRationale(dir: string, c: Corpus): void {
  for (const f of ['strategyqa_train.tsv', 'qasc_train.tsv', 'aqua_train.tsv']) {
    const p = join(dir, 'flan-cot', f);
    if (!existsSync(p)) continue;
    for (const l of lines(p)) {
      const [q, a, r] = l.split('\t');
      if (!q || !a || !r) continue;
      c.rationale.push({
        q: q.replace(/\\n/g, '\n'),
        answer: a,
        rationale: r.replace(/\\n/g, '\n'),
      });
    }
  }
}

function loadCode(dir: string, c: Corpus): void {
  for (const r of jsonl(join(dir, 'mbpp/mbpp.jsonl'))) {
    c.code.push({ q: str(r.text), code: str(r.code).replace(/\r/g, '') });
  }
  for (const r of jsonl(join(dir, 'humaneval/HumanEval.jsonl.gz'))) {
    c.code.push({ q: str(r.prompt), code: str(r.prompt) + str(r.canonical_solution) });
  }
}

interface OasstNode {
  text?: string;
  role?: string;
  replies?: OasstNode[];
}

function walkOasst(node: OasstNode, c: Corpus, path: string[]): void {
  const text = str(node.text);
  const first = node.replies?.[0];
  if (node.role === 'prompter' && first && first.role === 'assistant') {
    c.chat.push({ q: text, a: str(first.text) });
    if (str(first.text).length > 900) c.docs.push(str(first.text));
  }
  const next = [...path, text];
  if (node.role === 'prompter' && path.length >= 2)
    c.dialogs.push(next.filter((_, i) => i % 2 === 0));
  for (const r of node.replies?.slice(0, 2) ?? []) walkOasst(r, c, next);
}

function loadChat(dir: string, c: Corpus): void {
  for (const r of jsonl(join(dir, 'oasst-samples/en_100_message.jsonl')))
    walkOasst(r as OasstNode, c, []);
  for (const l of existsSync(join(dir, 'oasst-samples/prompt_lottery_en_250_text.jsonl'))
    ? lines(join(dir, 'oasst-samples/prompt_lottery_en_250_text.jsonl'))
    : []) {
    try {
      c.chat.push({ q: str(JSON.parse(l)) });
    } catch {
      // skip
    }
  }
  for (const f of ['arena-hard-v0.1_question.jsonl', 'arena-hard-v2.0_question.jsonl']) {
    for (const r of jsonl(join(dir, 'arena-hard', f)))
      if (str(r.prompt)) c.hard.push(str(r.prompt));
  }
  for (const r of jsonl(join(dir, 'mt-bench/mt_bench_question.jsonl'))) {
    const turns = Array.isArray(r.turns) ? r.turns.map(str) : [];
    if (turns[0]) c.chat.push({ q: turns[0] });
    if (turns.length > 1) c.dialogs.push(turns);
  }
  const uc = join(dir, 'ultrachat-eval/ultra_eval.json');
  if (existsSync(uc)) {
    try {
      const arr = JSON.parse(readFileSync(uc, 'utf8')) as { data?: string }[];
      for (const r of arr) if (r.data) c.chat.push({ q: r.data });
    } catch {
      // skip
    }
  }
  for (const r of jsonl(join(dir, 'self-instruct/user_oriented_instructions.jsonl'))) {
    const inst = Array.isArray(r.instances) ? (r.instances[0] as Record<string, unknown>) : {};
    const input = str(inst.input);
    c.chat.push({
      q: input ? `${str(r.instruction)}\n\n${input}` : str(r.instruction),
      a: str(inst.output),
    });
  }
  for (const f of ['helpful-base-test.jsonl.gz']) {
    for (const r of jsonl(join(dir, 'hh-rlhf', f))) {
      const turns = str(r.chosen)
        .split(/\n\nHuman: /)
        .slice(1)
        .map((t) => t.split('\n\nAssistant:')[0]?.trim() ?? '')
        .filter((t) => t.length > 0);
      if (turns.length > 1) c.dialogs.push(turns);
      else if (turns[0]) c.chat.push({ q: turns[0] });
    }
  }
}

/** Reads the `prompt` column of a CSV with quoted, possibly multi-line fields. */
function loadRoles(dir: string, c: Corpus): void {
  const p = join(dir, 'awesome-chatgpt-prompts/prompts.csv');
  if (!existsSync(p)) return;
  const text = readFileSync(p, 'utf8');
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      if (row[1] && row[1] !== 'prompt' && row[1].length < 1500) c.roles.push(row[1]);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
}

/** Loads what exists under `dir` (nothing when it is absent) and fills gaps with built-ins. */
export function loadCorpus(dir: string | undefined, rng: Rng): Corpus {
  const c: Corpus = {
    math: [],
    hardMath: [],
    rationale: [],
    code: [],
    chat: [],
    hard: [],
    docs: [],
    roles: [],
    dialogs: [],
    external: false,
  };
  if (dir && existsSync(dir)) {
    loadMath(dir, c);
    loadRationale(dir, c);
    loadCode(dir, c);
    loadChat(dir, c);
    loadRoles(dir, c);
    c.external = c.math.length + c.chat.length > 0;
  }
  for (let i = 0; i < 600; i++) c.math.push(englishProblem(rng));
  if (c.hardMath.length === 0) for (let i = 0; i < 200; i++) c.hardMath.push(englishProblem(rng));
  c.rationale.push(...BUILTIN_RATIONALE);
  c.code.push(...BUILTIN_CODE);
  c.chat.push(...BUILTIN_CHAT.map((q) => ({ q })));
  if (c.hard.length === 0) c.hard.push(...BUILTIN_CHAT);
  c.dialogs.push(...BUILTIN_DIALOGS);
  c.roles.push(...BUILTIN_ROLES);
  for (let i = 0; i < 80; i++) c.docs.push(builtinDoc(rng));
  return c;
}

const BUILTIN_RATIONALE: Rationale[] = [
  {
    q: 'Would a week-long trip to the Moon by car be possible at highway speed?',
    answer: 'no',
    rationale:
      'The Moon is about 384,000 km away. At 100 km/h that is 3,840 hours, or 160 days, far more than a week, and there is no road.',
  },
  {
    q: 'Is a tomato botanically a fruit?',
    answer: 'yes',
    rationale:
      'A fruit is the seed-bearing structure that develops from the ovary of a flower. Tomatoes develop from the flower and contain seeds.',
  },
  {
    q: 'Could a single adult elephant fit inside a standard shipping container?',
    answer: 'yes',
    rationale:
      'An adult African elephant is about 3.3 m tall and 6 m long. A 40-foot high-cube container is 12 m long but only 2.7 m high, so a large bull would not stand upright, though a smaller adult would fit lying down.',
  },
  {
    q: 'Does water boil at a lower temperature in Denver than in Miami?',
    answer: 'yes',
    rationale:
      'Denver is about 1,600 m above sea level, where air pressure is lower. Lower pressure lowers the boiling point, to roughly 95 °C.',
  },
  {
    q: 'Which gas do plants take in during photosynthesis?\nOptions:\n(A) oxygen\n(B) nitrogen\n(C) carbon dioxide\n(D) helium',
    answer: '(C)',
    rationale:
      'Photosynthesis converts carbon dioxide and water into glucose and oxygen using light energy.',
  },
  {
    q: 'Was the printing press invented before the telescope?',
    answer: 'yes',
    rationale:
      "Gutenberg's press dates to about 1440; the first telescopes appeared in the Netherlands in 1608.",
  },
];

const BUILTIN_CODE: CodeTask[] = [
  {
    q: 'Write a function that returns the n-th Fibonacci number iteratively.',
    code: 'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a',
  },
  {
    q: 'Write a function to check whether a string is a palindrome, ignoring case and non-letters.',
    code: 'def is_palindrome(s):\n    t = [c.lower() for c in s if c.isalnum()]\n    return t == t[::-1]',
  },
  {
    q: 'Write a function that merges two sorted lists into one sorted list.',
    code: 'def merge(a, b):\n    i = j = 0\n    out = []\n    while i < len(a) and j < len(b):\n        if a[i] <= b[j]:\n            out.append(a[i]); i += 1\n        else:\n            out.append(b[j]); j += 1\n    return out + a[i:] + b[j:]',
  },
  {
    q: 'Write a function that counts word frequencies in a text and returns the top k words.',
    code: 'from collections import Counter\n\ndef top_words(text, k):\n    words = text.lower().split()\n    return Counter(words).most_common(k)',
  },
  {
    q: 'Write a function to find the length of the longest substring without repeating characters.',
    code: 'def longest_unique(s):\n    seen = {}\n    start = best = 0\n    for i, c in enumerate(s):\n        if c in seen and seen[c] >= start:\n            start = seen[c] + 1\n        seen[c] = i\n        best = max(best, i - start + 1)\n    return best',
  },
  {
    q: 'Write a function that flattens an arbitrarily nested list.',
    code: 'def flatten(xs):\n    out = []\n    for x in xs:\n        if isinstance(x, list):\n            out.extend(flatten(x))\n        else:\n            out.append(x)\n    return out',
  },
];

const BUILTIN_CHAT = [
  'what should i cook tonight with chickpeas, spinach and some leftover rice',
  'Can you help me write a short birthday message for my grandmother who is turning 90?',
  'Is it worth learning Rust in 2026 if I mostly write Python at work?',
  'How do I tell my landlord politely that the heating has been broken for two weeks?',
  'explain what a mortgage offset account is like im 15',
  'Give me a 3-day itinerary for Lisbon on a budget.',
  'Why does my sourdough come out so dense?',
  'What are some good icebreakers for a team meeting with people from 5 countries?',
  'Summarize the main causes of the French Revolution in a few paragraphs.',
  'My cat keeps scratching the sofa, any tips?',
  'Write a haiku about commuting in the rain.',
  'How does a heat pump work in winter?',
  'what is the difference between a roth ira and a traditional ira',
  'Help me plan a 10k training schedule, I can currently run 3k.',
  'Can you suggest names for a small bakery that sells mostly bread?',
  'How do noise-cancelling headphones actually cancel noise?',
  'Draft a polite email declining a job offer after accepting another one.',
  'What are good board games for 2 players that take under 30 minutes?',
  'Explain the plot of Hamlet in five sentences.',
  'Is it bad to charge my phone overnight?',
  'Compare PostgreSQL and MySQL for a small web app.',
  'How can I stop procrastinating when working from home?',
  'What is a good way to learn Japanese kana quickly?',
  'Write a short toast for my brother’s wedding, funny but not embarrassing.',
  'what causes the northern lights',
];

const BUILTIN_DIALOGS: string[][] = [
  [
    "I'm planning a vegetable garden on a small balcony. What grows well in pots?",
    'It only gets sun in the afternoon, does that change anything?',
    'What about watering, how often?',
  ],
  [
    'Can you recommend a few science fiction novels for someone who liked The Martian?',
    'I have read Project Hail Mary already. Anything older?',
  ],
  [
    'How do I make my resume stand out for a data analyst role?',
    'I have no professional experience yet, only university projects.',
    'Can you rewrite this bullet: "Did analysis of sales data in Excel"',
  ],
];

const BUILTIN_ROLES = [
  'You are a friendly travel assistant for a booking website. Answer questions about destinations, luggage rules and itineraries. Keep answers under 150 words and never invent prices.',
  'You are a helpful customer support agent for an online electronics store. Be concise and polite. If you do not know an order status, ask for the order number.',
  'You are a writing assistant. Improve clarity and tone while keeping the author’s voice.',
  'You are an expert sommelier. Recommend wines that pair with the dishes the user describes.',
];

const DOC_SUBJECTS = [
  ['quarterly results', 'revenue', 'operating margin', 'guidance', 'the board'],
  [
    'the city council meeting',
    'the zoning proposal',
    'residents',
    'the transit budget',
    'the mayor',
  ],
  [
    'the clinical study',
    'participants',
    'the primary endpoint',
    'adverse events',
    'the investigators',
  ],
  ['the product launch', 'early adopters', 'the pricing tier', 'support tickets', 'the roadmap'],
  ['the incident review', 'the outage', 'the database failover', 'customers', 'the on-call team'],
];

/** A synthetic report-like document for summarisation pipelines when no corpus is present. */
export function builtinDoc(rng: Rng): string {
  const [topic, a, b, c, d] = rng.pick(DOC_SUBJECTS) as [string, string, string, string, string];
  const sentences = [
    `This note covers ${topic} held in week ${rng.int(1, 52)}.`,
    `According to ${d}, ${a} changed by ${rng.int(2, 40)}% compared with the previous period.`,
    `Several points were raised about ${b}, in particular its effect on ${c}.`,
    `${d[0]?.toUpperCase()}${d.slice(1)} agreed to revisit ${b} within ${rng.int(2, 8)} weeks.`,
    `Concerns remain about ${c}, which ${rng.pick(['rose', 'fell', 'stayed flat'])} over the quarter.`,
    `A follow-up is planned for ${rng.pick(['March', 'June', 'September', 'November'])}, when new figures on ${a} will be available.`,
    `Open questions include how ${b} interacts with ${c} and what ${d} will prioritise next.`,
  ];
  const out: string[] = [];
  const n = rng.int(8, 22);
  for (let i = 0; i < n; i++) out.push(rng.pick(sentences));
  return out.join(' ');
}
