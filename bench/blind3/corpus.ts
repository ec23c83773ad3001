// Loads the shared prompt corpora into plain arrays the families draw from. Every reader is
// defensive: a missing folder or file just leaves that pool to the built-in stand-ins, so
// the generator still runs on a fresh clone without ../shared/data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface MathItem {
  q: string;
  steps: string[];
  final: string;
}
export interface CotItem {
  q: string;
  answer: string;
  rationale: string;
}
export interface CodeItem {
  prompt: string;
  solution: string;
  entry: string;
}
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}
export interface PrefPair {
  context: string;
  a: string;
  b: string;
}
export interface Task {
  instruction: string;
  input: string;
  output: string;
  app: string;
}

export interface Corpus {
  source: string;
  chatPrompts: string[];
  hardPrompts: string[];
  codingPrompts: string[];
  dialogs: Turn[][];
  gsmTrain: MathItem[];
  gsmTest: MathItem[];
  comp: MathItem[];
  cot: CotItem[];
  humaneval: CodeItem[];
  mbpp: CodeItem[];
  mtbench: string[][];
  roles: { act: string; prompt: string }[];
  seedTasks: Task[];
  userTasks: Task[];
  alpaca: string;
  sentences: string[];
  prefPairs: PrefPair[];
  docs: string[];
}

function readText(path: string): string | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(path: string): Record<string, unknown>[] {
  const t = readText(path);
  if (t === null) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of t.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    try {
      const v: unknown = JSON.parse(s);
      if (typeof v === 'string') out.push({ text: v });
      else if (v && typeof v === 'object') out.push(v as Record<string, unknown>);
    } catch {
      // a damaged line is skipped
    }
  }
  return out;
}

const str = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.map(String).join(', ')
      : v == null
        ? ''
        : String(v);

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 30 && s.length < 300 && !/[<>{}[\]`]/.test(s));
}

function gsmItem(r: Record<string, unknown>): MathItem | null {
  const q = str(r['question']);
  const a = str(r['answer']);
  if (!q || !a) return null;
  const lines = a.split('\n');
  const finalLine = lines.find((l) => l.startsWith('####')) ?? '';
  const steps = lines
    .filter((l) => !l.startsWith('####') && l.trim())
    .map((l) => l.replace(/<<[^>]*>>/g, '').trim());
  return { q, steps, final: finalLine.replace('####', '').trim() };
}

function compItem(r: Record<string, unknown>): MathItem | null {
  const q = str(r['problem']) || str(r['question']);
  const final = str(r['answer']).replace(/\.0$/, '');
  if (!q || !final) return null;
  const sol = str(r['solution']);
  if (!sol) return null;
  const steps = sol
    ? sol
        .split(/\n+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  return { q, steps, final };
}

function oasstMainPath(tree: Record<string, unknown>): Turn[] {
  const turns: Turn[] = [];
  let node = tree['prompt'] as Record<string, unknown> | undefined;
  while (node && turns.length < 8) {
    const role = node['role'] === 'assistant' ? 'assistant' : 'user';
    turns.push({ role, text: str(node['text']) });
    const replies = (node['replies'] as Record<string, unknown>[] | undefined) ?? [];
    if (!replies.length) break;
    node = replies.find((x) => x['rank'] === 0) ?? replies[0];
  }
  return turns;
}

function hhDialog(s: string): Turn[] {
  const parts = s.split(/\n\n(Human|Assistant): /);
  const turns: Turn[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const text = parts[i + 1]!.trim();
    if (!text) continue;
    turns.push({ role: parts[i] === 'Human' ? 'user' : 'assistant', text });
  }
  return turns;
}

export function loadCorpus(dir: string | null): Corpus {
  const c = builtinCorpus();
  if (!dir || !existsSync(dir)) return c;
  const p = (...xs: string[]): string => join(dir, ...xs);
  c.source = dir;

  const lottery = jsonl(p('oasst-samples', 'prompt_lottery_en_250_text.jsonl')).map((r) =>
    str(r['text']),
  );
  const vicuna = jsonl(p('mt-bench', 'vicuna_bench_question.jsonl')).map((r) =>
    str((r['turns'] as unknown[] | undefined)?.[0]),
  );
  const ultraRaw = readText(p('ultrachat-eval', 'ultra_eval.json'));
  const ultra: string[] = [];
  if (ultraRaw) {
    try {
      for (const r of JSON.parse(ultraRaw) as { data?: string }[]) if (r.data) ultra.push(r.data);
    } catch {
      // ignore
    }
  }
  const userTasks = jsonl(p('self-instruct', 'user_oriented_instructions.jsonl')).flatMap((r) =>
    ((r['instances'] as Record<string, unknown>[] | undefined) ?? []).map((i) => ({
      instruction: str(r['instruction']),
      input: str(i['input']),
      output: str(i['output']),
      app: str(r['motivation_app']),
    })),
  );
  const seedTasks = jsonl(p('self-instruct', 'seed_tasks.jsonl')).flatMap((r) =>
    ((r['instances'] as Record<string, unknown>[] | undefined) ?? []).map((i) => ({
      instruction: str(r['instruction']),
      input: str(i['input']),
      output: str(i['output']),
      app: str(r['name']),
    })),
  );
  const chat = [...lottery, ...vicuna, ...ultra].filter((s) => s.length > 8);
  if (chat.length) c.chatPrompts = chat;
  if (userTasks.length) c.userTasks = userTasks;
  if (seedTasks.length) c.seedTasks = seedTasks;

  const arena = [
    ...jsonl(p('arena-hard', 'arena-hard-v0.1_question.jsonl')),
    ...jsonl(p('arena-hard', 'arena-hard-v2.0_question.jsonl')),
  ];
  const hard = arena.map((r) => str(r['prompt'])).filter((s) => s.length > 10 && s.length < 6000);
  if (hard.length) {
    c.hardPrompts = hard;
    const coding = hard.filter((s) =>
      /\b(code|python|function|script|sql|javascript|typescript|rust|c\+\+|java|bug|api|class|regex|bash)\b/i.test(
        s,
      ),
    );
    if (coding.length > 20) c.codingPrompts = coding;
  }

  const dialogs: Turn[][] = [];
  for (const t of jsonl(p('oasst-samples', 'en_100_tree.jsonl'))) {
    const d = oasstMainPath(t);
    if (d.length >= 2) dialogs.push(d);
  }
  const prefPairs: PrefPair[] = [];
  for (const f of ['helpful-base-test.jsonl.gz', 'harmless-base-test.jsonl.gz']) {
    const rows = jsonl(p('hh-rlhf', f));
    for (const r of rows) {
      const chosen = hhDialog(str(r['chosen']));
      const rejected = hhDialog(str(r['rejected']));
      if (f.startsWith('helpful') && chosen.length >= 2) dialogs.push(chosen);
      const ca = chosen[chosen.length - 1];
      const ra = rejected[rejected.length - 1];
      if (ca && ra && ca.role === 'assistant' && ra.role === 'assistant' && ca.text !== ra.text) {
        const ctx = chosen
          .slice(0, -1)
          .map((t) => `${t.role === 'user' ? 'User' : 'Reply'}: ${t.text}`)
          .join('\n');
        prefPairs.push({ context: ctx, a: ca.text, b: ra.text });
      }
    }
  }
  if (dialogs.length) c.dialogs = dialogs;
  if (prefPairs.length) c.prefPairs = prefPairs;

  const gTrain = jsonl(p('gsm8k', 'train.jsonl'))
    .map(gsmItem)
    .filter((x): x is MathItem => x !== null);
  const gTest = jsonl(p('gsm8k', 'test.jsonl'))
    .map(gsmItem)
    .filter((x): x is MathItem => x !== null);
  if (gTrain.length) c.gsmTrain = gTrain;
  if (gTest.length) c.gsmTest = gTest;
  const comp = ['math_test.jsonl', 'aime_test.jsonl', 'amc_test.jsonl', 'olympiadbench_test.jsonl']
    .flatMap((f) => jsonl(p('limo-eval-math', f)))
    .map(compItem)
    .filter((x): x is MathItem => x !== null);
  if (comp.length) c.comp = comp;

  const cot: CotItem[] = [];
  for (const f of ['aqua_train.tsv', 'qasc_train.tsv', 'strategyqa_train.tsv']) {
    const t = readText(p('flan-cot', f));
    if (!t) continue;
    for (const line of t.split('\n')) {
      const [q, a, r] = line.split('\t');
      if (q && a && r) cot.push({ q: q.replace(/\\n/g, '\n'), answer: a, rationale: r.trim() });
    }
  }
  if (cot.length) c.cot = cot;

  const he = jsonl(p('humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    prompt: str(r['prompt']),
    solution: str(r['prompt']) + str(r['canonical_solution']),
    entry: str(r['entry_point']),
  }));
  if (he.length) c.humaneval = he;
  const mb = jsonl(p('mbpp', 'mbpp.jsonl')).map((r) => {
    const code = str(r['code']).replace(/\r/g, '');
    const m = /def\s+(\w+)/.exec(code);
    const tests = (r['test_list'] as string[] | undefined) ?? [];
    return {
      prompt: `${str(r['text'])}${tests[0] ? `\nYour code should pass: ${tests[0]}` : ''}`,
      solution: code,
      entry: m?.[1] ?? 'solve',
    };
  });
  if (mb.length) c.mbpp = mb;

  const mt = jsonl(p('mt-bench', 'mt_bench_question.jsonl'))
    .map((r) => ((r['turns'] as unknown[] | undefined) ?? []).map(str))
    .filter((t) => t.length > 0);
  if (mt.length) c.mtbench = mt;

  const csv = readText(p('awesome-chatgpt-prompts', 'prompts.csv'));
  if (csv) {
    const rows = parseCsv(csv).slice(1);
    const roles = rows
      .filter((r) => r[0] && r[1] && r[1].length > 60 && r[1].length < 2500)
      .map((r) => ({ act: r[0]!, prompt: r[1]! }));
    if (roles.length) c.roles = roles;
  }
  const alpaca = readText(p('distill-gen-templates', 'stanford_alpaca_prompt.txt'));
  if (alpaca) c.alpaca = alpaca;

  const sentences: string[] = [];
  const docs: string[] = [];
  for (const d of c.dialogs) {
    for (const t of d) {
      if (t.role === 'assistant') {
        sentences.push(...splitSentences(t.text));
        if (t.text.length > 600) docs.push(t.text);
      }
    }
  }
  for (const x of c.cot) sentences.push(...splitSentences(x.rationale));
  for (const t of c.userTasks) if (t.input.length > 400) docs.push(t.input);
  if (sentences.length > 200) c.sentences = sentences;
  if (docs.length > 20) c.docs = docs;
  return c;
}

/** A small stand-in corpus, written for this generator, used when no data folder exists. */
function builtinCorpus(): Corpus {
  const chatPrompts = [
    'What is a good way to keep basil alive indoors during winter?',
    'Can you recommend a few novels similar to The Remains of the Day?',
    'How do noise-cancelling headphones actually work?',
    'My sourdough starter smells like nail polish remover. Is it ruined?',
    'Help me write a short toast for my sister’s wedding, warm but not too sappy.',
    'What should I look for when buying a used bicycle?',
    'Explain the difference between a Roth IRA and a traditional IRA.',
    'Why does the moon look bigger near the horizon?',
    'Give me a three-day itinerary for Lisbon on a budget.',
    'How can I politely decline a meeting invitation from my manager?',
    'What are some icebreaker questions for a team of new hires?',
    'Is it safe to leave a laptop plugged in all the time?',
  ];
  const sentences = [
    'The short answer is that it depends on how often you plan to use it.',
    'A good first step is to write down exactly what you want to achieve.',
    'Most people find that a small amount of daily practice beats long, irregular sessions.',
    'It is worth checking the manufacturer’s documentation before changing any settings.',
    'If the problem persists, try isolating one variable at a time.',
    'Keep in mind that prices vary a lot by region and season.',
    'This approach works well for small projects but becomes hard to maintain at scale.',
    'There is no single right answer, but a few principles help.',
    'In practice, the difference is smaller than the marketing suggests.',
    'You can always revisit the decision once you have more information.',
    'The main trade-off is between convenience and cost.',
    'Start with the simplest option and only add complexity when you need it.',
  ];
  const gsm: MathItem[] = [
    {
      q: 'A baker makes 48 rolls and sells them in bags of 6. She sells 5 bags in the morning. How many rolls are left?',
      steps: ['She sold 5 * 6 = 30 rolls.', 'So 48 - 30 = 18 rolls are left.'],
      final: '18',
    },
    {
      q: 'Tom reads 12 pages a day. How many days does he need to finish a 180-page book?',
      steps: ['He needs 180 / 12 = 15 days.'],
      final: '15',
    },
    {
      q: 'A shirt costs $25 and is on sale for 20% off. What is the sale price?',
      steps: ['The discount is 25 * 0.2 = $5.', 'The sale price is 25 - 5 = $20.'],
      final: '20',
    },
  ];
  const code: CodeItem[] = [
    {
      prompt: 'Write a function to reverse the words in a sentence.',
      solution: 'def reverse_words(s):\n    return " ".join(reversed(s.split()))',
      entry: 'reverse_words',
    },
    {
      prompt: 'Write a function that returns the n-th Fibonacci number.',
      solution:
        'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a',
      entry: 'fib',
    },
  ];
  const dialogs: Turn[][] = [
    [
      { role: 'user', text: 'How do I stop my cat scratching the sofa?' },
      {
        role: 'assistant',
        text: 'Give her a sturdy scratching post near the sofa, reward her for using it, and make the sofa less attractive with double-sided tape for a few weeks.',
      },
      { role: 'user', text: 'She ignores the post. Any other ideas?' },
      {
        role: 'assistant',
        text: 'Try a different texture, such as sisal rope or cardboard, and rub a little catnip on it. Placement matters too: cats like to scratch right after waking up.',
      },
    ],
  ];
  return {
    source: 'builtin',
    chatPrompts,
    hardPrompts: chatPrompts,
    codingPrompts: code.map((x) => x.prompt),
    dialogs,
    gsmTrain: gsm,
    gsmTest: gsm,
    comp: gsm,
    cot: [
      {
        q: 'Would a penguin be comfortable in the Sahara?',
        answer: 'no',
        rationale:
          'Penguins are adapted to cold climates. The Sahara is one of the hottest places on Earth.',
      },
    ],
    humaneval: code,
    mbpp: code,
    mtbench: [['Write a short story about a lighthouse keeper.', 'Now retell it as a haiku.']],
    roles: [
      {
        act: 'Travel Guide',
        prompt:
          'I want you to act as a travel guide. I will tell you where I am and you will suggest places to visit nearby.',
      },
    ],
    seedTasks: [
      {
        instruction: 'Classify the sentiment of the sentence.',
        input: 'The service was slow but the food was great.',
        output: 'Mixed',
        app: 'sentiment',
      },
    ],
    userTasks: [
      {
        instruction: 'Make the sentence more concise.',
        input:
          'In the event that you are unable to attend, please let us know at your earliest convenience.',
        output: 'If you cannot attend, please let us know soon.',
        app: 'Grammarly',
      },
    ],
    alpaca:
      'You are asked to come up with a list of 20 varied task instructions for a language model. Vary the verbs, the format and the topic.',
    sentences,
    prefPairs: [
      {
        context: 'User: How do I get rid of fruit flies?',
        a: 'Set a small dish of cider vinegar with a drop of dish soap near the fruit bowl and keep ripe fruit in the fridge.',
        b: 'Just buy some spray.',
      },
    ],
    docs: [sentences.join(' ')],
  };
}
