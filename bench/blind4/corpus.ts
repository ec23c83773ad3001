// Loads the shared prompt corpora (or a tiny built-in stand-in) into plain
// records the personas draw text from. Only prompt/response *text* comes from
// here; labels come from behaviour.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface MathItem {
  q: string;
  solution: string; // worked solution in plain prose/LaTeX; may be short when the source has none
  answer: string;
  src: string;
}
export interface CodeItem {
  prompt: string;
  solution: string;
  tests: string[];
  src: string;
  name: string;
}
export interface ChatPrompt {
  text: string;
  kind: 'code' | 'math' | 'writing' | 'general';
  src: string;
}
export interface Dialog {
  turns: { role: 'user' | 'assistant'; text: string }[];
  src: string;
}
export interface Pair {
  prompt: string;
  context: { role: 'user' | 'assistant'; text: string }[];
  better: string;
  worse: string;
  src: string;
}
export interface Task {
  instruction: string;
  input: string;
  output: string;
  app: string;
}
export interface CotItem {
  q: string;
  answer: string;
  rationale: string;
  src: string;
}
export interface Role {
  act: string;
  prompt: string;
}

export interface Corpus {
  math: MathItem[];
  code: CodeItem[];
  chat: ChatPrompt[];
  twoTurn: string[][];
  dialogs: Dialog[];
  pairs: Pair[];
  tasks: Task[];
  cot: CotItem[];
  roles: Role[];
  assistantSentences: string[];
  documents: string[];
  alpaca: string;
  source: string;
}

function readText(dir: string, rel: string): string | null {
  const p = join(dir, rel);
  if (!existsSync(p)) return null;
  const buf = readFileSync(p);
  return rel.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
}

function jsonl(dir: string, rel: string): Record<string, unknown>[] {
  const t = readText(dir, rel);
  if (!t) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of t.split('\n')) {
    const s = line.trim();
    if (!s) continue;
    try {
      const v: unknown = JSON.parse(s);
      if (v && typeof v === 'object') out.push(v as Record<string, unknown>);
      else if (typeof v === 'string') out.push({ text: v });
    } catch {
      // skip malformed line
    }
  }
  return out;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
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

function hhTurns(text: string): { role: 'user' | 'assistant'; text: string }[] {
  const turns: { role: 'user' | 'assistant'; text: string }[] = [];
  const parts = text.split(/\n\n(Human|Assistant): /);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const who = parts[i] === 'Human' ? 'user' : 'assistant';
    const body = (parts[i + 1] ?? '').trim();
    if (body) turns.push({ role: who, text: body });
  }
  return turns;
}

interface OasstNode {
  text?: string;
  role?: string;
  rank?: number | null;
  replies?: OasstNode[];
}

function cleanGsm(answer: string): { solution: string; final: string } {
  const [body, final] = answer.split('####');
  const solution = (body ?? '').replace(/<<[^>]*>>/g, '').trim();
  return { solution, final: (final ?? '').trim() };
}

export function loadCorpus(dataDir: string | null): Corpus {
  const c: Corpus = {
    math: [],
    code: [],
    chat: [],
    twoTurn: [],
    dialogs: [],
    pairs: [],
    tasks: [],
    cot: [],
    roles: [],
    assistantSentences: [],
    documents: [],
    alpaca: '',
    source: dataDir ?? 'built-in',
  };
  if (dataDir) {
    for (const rel of ['gsm8k/train.jsonl', 'gsm8k/test.jsonl']) {
      for (const r of jsonl(dataDir, rel)) {
        const { solution, final } = cleanGsm(str(r.answer));
        if (str(r.question))
          c.math.push({ q: str(r.question), solution, answer: final, src: 'gsm8k' });
      }
    }
    for (const r of jsonl(dataDir, 'limo-eval-math/math_test.jsonl'))
      c.math.push({
        q: str(r.problem),
        solution: str(r.solution),
        answer: str(r.answer),
        src: 'math',
      });
    for (const r of jsonl(dataDir, 'limo-eval-math/aime_test.jsonl'))
      c.math.push({
        q: str(r.problem),
        solution: str(r.solution),
        answer: str(r.answer),
        src: 'aime',
      });
    for (const r of jsonl(dataDir, 'limo-eval-math/amc_test.jsonl'))
      c.math.push({ q: str(r.problem), solution: '', answer: str(r.answer), src: 'amc' });
    for (const r of jsonl(dataDir, 'limo-eval-math/olympiadbench_test.jsonl'))
      c.math.push({ q: str(r.question), solution: '', answer: str(r.answer), src: 'olympiad' });

    for (const r of jsonl(dataDir, 'mbpp/mbpp.jsonl')) {
      const tests = Array.isArray(r.test_list) ? r.test_list.map(str) : [];
      const name = /def\s+(\w+)/.exec(str(r.code))?.[1] ?? 'solve';
      c.code.push({
        prompt: str(r.text),
        solution: str(r.code).replace(/\r/g, ''),
        tests,
        src: 'mbpp',
        name,
      });
    }
    const he = readText(dataDir, 'humaneval/HumanEval.jsonl.gz');
    if (he) {
      for (const line of he.split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as Record<string, unknown>;
        c.code.push({
          prompt: str(r.prompt),
          solution: str(r.prompt) + str(r.canonical_solution),
          tests: [str(r.test)],
          src: 'humaneval',
          name: str(r.entry_point),
        });
      }
    }

    const kindOf = (cat: string, text: string): ChatPrompt['kind'] => {
      const t = `${cat} ${text}`.toLowerCase();
      if (/code|coding|python|function|javascript|sql|c\+\+|program|script|rust|typescript/.test(t))
        return 'code';
      if (/math|equation|integral|probability|solve/.test(t)) return 'math';
      if (/writ|poem|story|essay|blog|email|creative/.test(t)) return 'writing';
      return 'general';
    };
    for (const rel of [
      'arena-hard/arena-hard-v0.1_question.jsonl',
      'arena-hard/arena-hard-v2.0_question.jsonl',
    ]) {
      for (const r of jsonl(dataDir, rel)) {
        const text = str(r.prompt);
        if (text && text.length < 9000)
          c.chat.push({
            text,
            kind: kindOf(str(r.subcategory) || str(r.cluster), text),
            src: 'arena',
          });
      }
    }
    for (const r of jsonl(dataDir, 'oasst-samples/prompt_lottery_en_250_text.jsonl')) {
      const text = str(r.text);
      if (text) c.chat.push({ text, kind: kindOf('', text), src: 'oasst' });
    }
    for (const rel of [
      'mt-bench/mt_bench_question.jsonl',
      'mt-bench/vicuna_bench_question.jsonl',
    ]) {
      for (const r of jsonl(dataDir, rel)) {
        const turns = Array.isArray(r.turns) ? r.turns.map(str) : [];
        if (turns[0])
          c.chat.push({ text: turns[0], kind: kindOf(str(r.category), turns[0]), src: 'mtbench' });
        if (turns.length >= 2) c.twoTurn.push(turns);
      }
    }
    const ultra = readText(dataDir, 'ultrachat-eval/ultra_eval.json');
    if (ultra) {
      try {
        const arr = JSON.parse(ultra) as { data?: string }[];
        for (const r of arr)
          if (r.data) c.chat.push({ text: r.data, kind: kindOf('', r.data), src: 'ultrachat' });
      } catch {
        // ignore
      }
    }

    for (const r of jsonl(dataDir, 'oasst-samples/en_100_tree.jsonl')) {
      const root = r.prompt as OasstNode | undefined;
      if (!root) continue;
      const walk = (
        node: OasstNode,
        path: { role: 'user' | 'assistant'; text: string }[],
      ): void => {
        const here = [
          ...path,
          {
            role: node.role === 'assistant' ? ('assistant' as const) : ('user' as const),
            text: node.text ?? '',
          },
        ];
        const reps = node.replies ?? [];
        if (node.role === 'assistant' && node.text) {
          for (const s of node.text.split(/(?<=[.!?])\s+/))
            if (s.length > 30 && s.length < 260) c.assistantSentences.push(s);
        }
        if (reps.length === 0) {
          if (here.length >= 2) c.dialogs.push({ turns: here, src: 'oasst' });
          return;
        }
        for (const rep of reps.slice(0, 3)) walk(rep, here);
      };
      walk(root, []);
      const replies = (root.replies ?? []).filter((x) => x.text);
      const sorted = [...replies].sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9));
      const best = sorted[0];
      const worst = sorted[sorted.length - 1];
      if (best && worst && best !== worst && root.text)
        c.pairs.push({
          prompt: root.text,
          context: [],
          better: best.text ?? '',
          worse: worst.text ?? '',
          src: 'oasst',
        });
    }
    for (const rel of [
      'hh-rlhf/helpful-base-test.jsonl.gz',
      'hh-rlhf/harmless-base-test.jsonl.gz',
    ]) {
      const t = readText(dataDir, rel);
      if (!t) continue;
      for (const line of t.split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as Record<string, unknown>;
        const chosen = hhTurns(str(r.chosen));
        const rejected = hhTurns(str(r.rejected));
        if (chosen.length >= 2 && rel.includes('helpful'))
          c.dialogs.push({ turns: chosen, src: 'hh' });
        const lastC = chosen[chosen.length - 1];
        const lastR = rejected[rejected.length - 1];
        if (
          lastC &&
          lastR &&
          lastC.role === 'assistant' &&
          lastR.role === 'assistant' &&
          lastC.text !== lastR.text
        ) {
          const ctx = chosen.slice(0, -1);
          const lastUser = [...ctx].reverse().find((x) => x.role === 'user');
          c.pairs.push({
            prompt: lastUser?.text ?? '',
            context: ctx,
            better: lastC.text,
            worse: lastR.text,
            src: 'hh',
          });
        }
        for (const turn of chosen)
          if (turn.role === 'user' && turn.text.length > 40) c.documents.push(turn.text);
      }
    }

    for (const rel of [
      'self-instruct/seed_tasks.jsonl',
      'self-instruct/user_oriented_instructions.jsonl',
    ]) {
      for (const r of jsonl(dataDir, rel)) {
        const inst = Array.isArray(r.instances)
          ? (r.instances[0] as Record<string, unknown> | undefined)
          : undefined;
        c.tasks.push({
          instruction: str(r.instruction),
          input: str(inst?.input),
          output: str(inst?.output),
          app: str(r.motivation_app) || str(r.name),
        });
        if (str(inst?.input).length > 120) c.documents.push(str(inst?.input));
      }
    }

    const cotFiles: [string, string][] = [
      ['flan-cot/strategyqa_train.tsv', 'strategyqa'],
      ['flan-cot/qasc_train.tsv', 'qasc'],
      ['flan-cot/aqua_train.tsv', 'aqua'],
    ];
    for (const [rel, src] of cotFiles) {
      const t = readText(dataDir, rel);
      if (!t) continue;
      for (const line of t.split('\n')) {
        const [q, a, r] = line.split('\t');
        if (q && a && r)
          c.cot.push({
            q: q.replace(/\\n/g, '\n'),
            answer: a,
            rationale: r.replace(/\\n/g, '\n'),
            src,
          });
      }
    }

    const csv = readText(dataDir, 'awesome-chatgpt-prompts/prompts.csv');
    if (csv) {
      const rows = parseCsv(csv);
      for (const row of rows.slice(1)) {
        const [act, prompt] = row;
        if (act && prompt && prompt.length > 60) c.roles.push({ act, prompt });
      }
    }
    c.alpaca = readText(dataDir, 'distill-gen-templates/stanford_alpaca_prompt.txt') ?? '';
    for (const d of c.dialogs)
      for (const t of d.turns)
        if (t.role === 'assistant' && t.text.length > 400) c.documents.push(t.text);
  }
  if (c.math.length < 20 || c.chat.length < 20)
    c.source = `${c.source} (incomplete; built-in corpus added)`;
  addBuiltins(c);
  return c;
}

function addBuiltins(c: Corpus): void {
  if (c.math.length < 20) {
    const base: [string, string, string][] = [
      [
        'A baker makes 14 loaves each hour for 6 hours and sells all but 9. How many does she sell?',
        'She makes 14 * 6 = 84 loaves.\nShe sells 84 - 9 = 75 loaves.',
        '75',
      ],
      [
        'Tom has 3 times as many marbles as Ana. Together they have 48. How many does Tom have?',
        'Let Ana have x, so Tom has 3x and 4x = 48.\nSo x = 12 and Tom has 36.',
        '36',
      ],
      [
        'A train travels 180 km in 2.5 hours. What is its average speed in km/h?',
        'Speed = distance / time = 180 / 2.5 = 72 km/h.',
        '72',
      ],
      [
        'What is the sum of the interior angles of a hexagon?',
        'The sum is (n - 2) * 180 = 4 * 180 = 720 degrees.',
        '720',
      ],
      [
        'If 5 pens cost $7.50, how much do 12 pens cost?',
        'One pen costs 7.50 / 5 = $1.50.\n12 pens cost 12 * 1.50 = $18.',
        '18',
      ],
    ];
    for (let i = 0; i < 60; i++) {
      const b = base[i % base.length] as [string, string, string];
      c.math.push({ q: b[0], solution: b[1], answer: b[2], src: 'builtin' });
    }
  }
  if (c.code.length < 10) {
    const base: [string, string, string][] = [
      [
        'Write a function to reverse the words in a sentence.',
        "def reverse_words(s):\n    return ' '.join(reversed(s.split()))",
        'reverse_words',
      ],
      [
        'Write a function to check whether a number is prime.',
        'def is_prime(n):\n    if n < 2:\n        return False\n    i = 2\n    while i * i <= n:\n        if n % i == 0:\n            return False\n        i += 1\n    return True',
        'is_prime',
      ],
      [
        'Write a function to count vowels in a string.',
        "def count_vowels(s):\n    return sum(1 for ch in s.lower() if ch in 'aeiou')",
        'count_vowels',
      ],
    ];
    for (let i = 0; i < 30; i++) {
      const b = base[i % base.length] as [string, string, string];
      c.code.push({
        prompt: b[0],
        solution: b[1],
        tests: [`assert ${b[2]} is not None`],
        src: 'builtin',
        name: b[2],
      });
    }
  }
  if (c.chat.length < 20) {
    for (const t of [
      'How do I keep basil alive indoors over the winter?',
      "Explain the difference between TCP and UDP like I'm a new network engineer.",
      "Write a short toast for my sister's wedding, warm but not cheesy.",
      'What should I look for when buying a used bicycle?',
      'Can you explain how compound interest works with an example?',
      'Write a Python script that renames all .jpeg files in a folder to .jpg.',
      'Summarise the causes of the French Revolution in a few paragraphs.',
      'Help me plan a three-day trip to Lisbon on a budget.',
    ])
      c.chat.push({ text: t, kind: /Python/.test(t) ? 'code' : 'general', src: 'builtin' });
  }
  if (c.dialogs.length < 5) {
    c.dialogs.push({
      turns: [
        { role: 'user', text: "What's a good way to start running again after a long break?" },
        {
          role: 'assistant',
          text: 'Start with walk-run intervals three times a week, keep the pace conversational, and add time gradually, about ten percent a week.',
        },
        { role: 'user', text: 'How long before I can do a 5k?' },
        {
          role: 'assistant',
          text: 'Most people who follow a gentle plan can run a 5k comfortably in six to eight weeks.',
        },
      ],
      src: 'builtin',
    });
  }
  if (c.pairs.length < 5) {
    for (let i = 0; i < 5; i++)
      c.pairs.push({
        prompt: 'How do I get a stain out of a wool sweater?',
        context: [],
        better:
          'Blot it with cold water and a little wool detergent, then rinse and dry flat; avoid hot water.',
        worse: 'Just throw it in the dryer on high.',
        src: 'builtin',
      });
  }
  if (c.tasks.length < 5) {
    c.tasks.push({
      instruction: 'Rewrite the sentence to be more concise.',
      input: 'At this point in time we are not able to offer a refund.',
      output: "We can't offer a refund right now.",
      app: 'builtin',
    });
    c.tasks.push({
      instruction: 'Classify the sentiment of the review.',
      input: 'The battery died after two days.',
      output: 'negative',
      app: 'builtin',
    });
  }
  if (c.cot.length < 5) {
    c.cot.push({
      q: 'Could a cat fit inside a teapot?',
      answer: 'no',
      rationale: 'A domestic cat is far larger than the inside of a teapot.',
      src: 'builtin',
    });
  }
  if (c.roles.length < 5) {
    c.roles.push({
      act: 'Travel Guide',
      prompt:
        'I want you to act as a travel guide. I will tell you my location and you will suggest places to visit nearby.',
    });
    c.roles.push({
      act: 'Interviewer',
      prompt:
        'I want you to act as an interviewer for a software engineering role. Ask me questions one at a time.',
    });
  }
  if (c.assistantSentences.length < 20) {
    c.assistantSentences.push(
      'There are a few things worth considering here.',
      'The short answer is that it depends on your situation.',
      'A good first step is to write down what you already know.',
      "If that doesn't work, try the simpler approach first.",
      'Keep in mind that results can vary from case to case.',
    );
  }
  if (c.documents.length < 20) {
    for (const s of c.assistantSentences) c.documents.push(`${s} ${s} ${s}`);
  }
  if (!c.alpaca)
    c.alpaca =
      'You are asked to come up with a set of 20 diverse task instructions. These task instructions will be given to a language model.\n\nList of 20 tasks:';
}
