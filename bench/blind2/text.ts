/**
 * Text helpers: token estimates, turning corpus items into the answers a model would
 * give, a generic answer composer for prompts that come without a reference answer,
 * and small surface-variation tools (name swaps, casing, typos).
 */
import type { CodeItem, CotItem, MathItem } from './corpus.js';
import type { Rng } from './rng.js';

/**
 * Rough token count: ~4 characters per token for Latin script, ~3 for Cyrillic, about
 * one per CJK character, and in between for Thai, Ethiopic, Tamil and other scripts
 * that BPE vocabularies cover thinly.
 */
export function tokens(text: string): number {
  let t = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x250) t += 0.26;
    else if (c >= 0x400 && c < 0x530) t += 0.36;
    else if (c >= 0x0e00 && c < 0x0e80) t += 0.55;
    else if (c >= 0x1200 && c < 0x1380) t += 0.9;
    else if (c >= 0x0b80 && c < 0x0c00) t += 0.7;
    else if (c >= 0x0900 && c < 0x0b80) t += 0.6;
    else if ((c >= 0x3040 && c < 0xa000) || (c >= 0xac00 && c < 0xd7b0)) t += 0.85;
    else t += 0.5;
  }
  return Math.max(1, Math.round(t));
}

/** Cuts text to roughly `max` tokens (for max_tokens truncation). */
export function cutToTokens(text: string, max: number): string {
  if (tokens(text) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens(text.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}

// ---------------------------------------------------------------------------
// Math

/** GSM8K solution lines without calculator annotations, and the final answer. */
export function gsmSteps(item: MathItem): { steps: string[]; answer: string } {
  const [body = '', answer = item.answer] = item.solution.split('####');
  const steps = body
    .replace(/<<[^>]*>>/g, '')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { steps, answer: answer.trim() };
}

/** Calculator annotations of a GSM8K solution as plain equations ("48/2 = 24"). */
export function gsmEquations(item: MathItem): string[] {
  const out: string[] = [];
  for (const m of item.solution.matchAll(/<<([^=>]+)=([^>]+)>>/g))
    out.push(`${m[1] ?? ''} = ${m[2] ?? ''}`);
  return out;
}

const MATH_OPENERS = [
  '',
  "Let's set up what we know.",
  'Here is how it works out.',
  'We can work this out directly.',
  'Start from the quantities given.',
  'Sure.',
  'Good question.',
];

const MATH_CLOSERS = [
  'So the answer is {a}.',
  'The answer is **{a}**.',
  'Final answer: {a}',
  'That gives {a}.',
  '**Answer: {a}**',
  'So, {a}.',
];

/** A worked solution for a grade-school problem, in one of a few house styles. */
export function gsmWorked(item: MathItem, rng: Rng): string {
  const { steps, answer } = gsmSteps(item);
  const opener = rng.pick(MATH_OPENERS);
  const numbered = rng.chance(0.45);
  const body = steps
    .map((s, i) => (numbered ? `${i + 1}. ${s}` : s))
    .join(numbered ? '\n' : '\n\n');
  const closer = rng.pick(MATH_CLOSERS).replace('{a}', answer);
  return [opener, body, closer].filter((s) => s).join('\n\n');
}

/** Competition math: the reference solution when there is one, otherwise a sketch. */
export function mathWorked(item: MathItem, rng: Rng): string {
  const boxed = `$\\boxed{${item.answer}}$`;
  if (item.solution) {
    const sol = item.solution.includes('boxed')
      ? item.solution
      : `${item.solution}\n\nSo the answer is ${boxed}.`;
    return rng.chance(0.3) ? `${rng.pick(MATH_OPENERS.slice(1))}\n\n${sol}` : sol;
  }
  const moves = rng.sample(
    [
      'First, rewrite the condition so that the unknown appears on one side only.',
      'Introduce a variable for the quantity we are asked about and translate each sentence of the statement into an equation.',
      'Consider small cases to see the pattern, then check that the pattern persists in general.',
      'By symmetry we may assume the first quantity is the smaller one without loss of generality.',
      'Taking everything modulo a small prime narrows down the possibilities quickly.',
      'Substituting back into the original relation confirms there are no extraneous solutions.',
      'Counting the complementary cases is easier: subtract them from the total.',
      'Squaring both sides and simplifying gives a quadratic whose discriminant we can check.',
      'Each case leads to the same value, so the result does not depend on the choice we made.',
      'Combining the two relations eliminates one variable.',
    ],
    rng.int(3, 6),
  );
  return `${moves.join('\n\n')}\n\nPutting this together, the answer is ${boxed}.`;
}

/** FLAN CoT item (AQuA, QASC, StrategyQA): rationale then the answer. */
export function cotWorked(item: CotItem, rng: Rng, detailed = false): string {
  const sentences = item.rationale
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s);
  const answer =
    item.src === 'strategyqa'
      ? item.answer === 'yes'
        ? rng.pick(['Yes.', 'Yes, it is.', 'Yes —'])
        : rng.pick(['No.', "No, it isn't.", 'No —'])
      : `The answer is ${item.answer}.`;
  const extras = [
    'Each of these facts can be checked independently, and together they settle the question.',
    'Nothing else in the question changes that conclusion.',
  ];
  if (item.src !== 'strategyqa')
    extras.push(
      'The other options fail one of these conditions.',
      'Checking the remaining options against the same facts rules them out.',
    );
  const extra = detailed ? `\n\n${rng.pick(extras)}` : '';
  if (item.src === 'strategyqa') return `${answer} ${sentences.join(' ')}${extra}`;
  const lead = rng.chance(0.5)
    ? sentences.join('\n')
    : sentences.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return `${lead}\n\n${answer}${extra}`;
}

// ---------------------------------------------------------------------------
// Code

export function fence(code: string, lang = 'python'): string {
  return `\`\`\`${lang}\n${code.trimEnd()}\n\`\`\``;
}

/** A code answer: short intro, the solution in a fence, a note and sometimes tests. */
export function codeAnswer(item: CodeItem, rng: Rng, withTests = rng.chance(0.5)): string {
  const intro = rng.pick([
    `Here's an implementation of \`${item.entry}\`:`,
    `You can do it like this:`,
    `One straightforward way:`,
    `Here is a working version:`,
    '',
  ]);
  const note = rng.pick([
    `It runs in a single pass over the input, so it is linear in its length.`,
    `The function has no side effects; it only reads its arguments.`,
    `Edge cases such as empty input return early.`,
    `I kept it simple rather than clever; it's easy to extend.`,
    '',
  ]);
  const tests =
    withTests && item.tests.length > 0
      ? `\n\nQuick checks:\n\n${fence(item.tests.slice(0, 3).join('\n'))}`
      : '';
  return [intro, fence(item.code), note].filter((s) => s).join('\n\n') + tests;
}

// ---------------------------------------------------------------------------
// Generic answers for prompts that have no reference answer

const STOP = new Set(
  (
    'about above after again against also because been before being below between both could does doing down during each ' +
    'from further have having here hers herself himself into itself just more most other ought ours ourselves over same ' +
    'should some such than that their theirs them themselves then there these they this those through under until very ' +
    'what when where which while whom with would your yours yourself please write explain give tell make want like need ' +
    'know help using following something someone anything into able time best good many much every only even'
  ).split(' '),
);

/** A few content words of a prompt, in order of appearance. */
export function keywords(text: string, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []) {
    if (STOP.has(raw) || seen.has(raw)) continue;
    seen.add(raw);
    out.push(raw);
    if (out.length >= n) break;
  }
  return out.length > 0 ? out : ['this'];
}

const PARA = [
  'The short version is that {k1} depends mostly on {k2}, and the rest follows from that.',
  'It helps to separate {k1} from {k2}: they are often discussed together but behave differently.',
  'A common mistake is to treat {k2} as fixed; it usually changes as {k1} does.',
  'If you only remember one thing, make it this: be clear about what you want from {k1} before worrying about {k3}.',
  'Think of {k3} as a trade-off rather than a rule: you gain something and give something up.',
  "It's worth writing down your assumptions about {k2}; they are easier to test that way.",
];

const BULLETS = [
  '**Start with {k}.** Get the basics right before optimising anything.',
  '**Be consistent.** Small regular effort on {k} beats occasional big pushes.',
  '**Measure.** Keep a simple record so you can tell whether {k} is improving.',
  '**Ask for feedback** from someone who has dealt with {k} before.',
  '**Keep it simple.** Drop whatever does not clearly help with {k}.',
  '**Plan for setbacks.** Decide in advance what you will do when {k} goes wrong.',
];

const CLOSINGS = [
  'Let me know if you want me to go deeper on any of these.',
  'Happy to tailor this if you share more details.',
  'Hope that helps!',
  'Does that answer your question?',
  '',
  '',
  '',
];

/**
 * Real assistant answers from the corpora, split into sentences and indexed by content
 * word. Composed answers take runs of consecutive sentences from answers that share
 * words with the prompt, so each paragraph reads like one coherent human-written reply.
 */
class SentenceBank {
  private docs: string[][] = [];
  private index = new Map<string, number[]>();

  load(texts: readonly string[]): void {
    this.docs = [];
    this.index.clear();
    for (const text of texts) {
      const sents = text
        .split(/(?<=[.!?])\s+|\n+/)
        .map((x) => x.trim())
        .filter((x) => x.length >= 25 && x.length <= 360 && !/Human:|Assistant:/.test(x));
      if (sents.length === 0) continue;
      const id = this.docs.length;
      this.docs.push(sents);
      for (const k of keywords(sents.join(' '), 12)) {
        const list = this.index.get(k) ?? [];
        if (list.length < 300) list.push(id);
        this.index.set(k, list);
      }
    }
  }

  get size(): number {
    return this.docs.length;
  }

  /** About `count` sentences: consecutive runs from documents sharing the topic words. */
  draw(topic: readonly string[], count: number, rng: Rng): string[] {
    const hits = new Map<number, number>();
    for (const k of topic)
      for (const id of this.index.get(k) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    const ranked = [...hits.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 6);
    const order = rng.shuffle(ranked.map(([id]) => id));
    const out: string[] = [];
    for (let guard = 0; out.length < count && guard < 3; guard += 1) {
      const id = order[guard] ?? rng.int(0, this.docs.length - 1);
      const doc = this.docs[id] ?? [];
      const from = rng.chance(0.5) ? 0 : rng.int(0, Math.max(0, doc.length - 2));
      for (const x of doc.slice(from, from + count - out.length)) if (!out.includes(x)) out.push(x);
    }
    return out;
  }
}

const BANK = new SentenceBank();
let CODE_BANK: readonly string[] = [];

/** Loads the sentence and code banks used by `composeAnswer` (call once per run). */
export function loadSentenceBank(texts: readonly string[], code: readonly string[] = []): void {
  BANK.load(texts);
  CODE_BANK = code;
}

/** Sentences for a composed paragraph: bank text with an occasional framing line. */
function sentences(k: string[], count: number, rng: Rng): string[] {
  if (BANK.size === 0)
    return rng.sample(PARA, Math.min(count, PARA.length)).map((p) => fill(p, rng.shuffle([...k])));
  const out = BANK.draw(k, count, rng);
  if (out.length === 0 || rng.chance(0.08))
    out.splice(rng.int(0, out.length), 0, fill(rng.pick(PARA), k));
  return out;
}

function fill(template: string, k: string[]): string {
  return template
    .replace('{k1}', k[0] ?? 'it')
    .replace('{k2}', k[1] ?? k[0] ?? 'it')
    .replace('{k3}', k[2] ?? k[0] ?? 'it')
    .replace('{k}', k[0] ?? 'it');
}

function codeSketch(prompt: string, rng: Rng, k: string[]): string {
  const lower = prompt.toLowerCase();
  const lang = /\bsql\b|select /.test(lower)
    ? 'sql'
    : /javascript|typescript|\bnode\b|react/.test(lower)
      ? 'javascript'
      : /c\+\+|cpp/.test(lower)
        ? 'cpp'
        : /\brust\b/.test(lower)
          ? 'rust'
          : /\bbash\b|shell|script that/.test(lower) && !/python/.test(lower)
            ? 'bash'
            : 'python';
  const name = (k[0] ?? 'task').replace(/-/g, '_');
  const other = (k[1] ?? 'items').replace(/-/g, '_');
  const bodies: Record<string, string> = {
    python: `def ${name}(${other}):\n    """Process ${other} and return the result."""\n    result = []\n    for entry in ${other}:\n        if not entry:\n            continue\n        result.append(entry)\n    return result\n\n\nif __name__ == "__main__":\n    print(${name}([]))`,
    javascript: `function ${name}(${other}) {\n  const out = [];\n  for (const entry of ${other}) {\n    if (entry == null) continue;\n    out.push(entry);\n  }\n  return out;\n}\n\nconsole.log(${name}([]));`,
    sql: `SELECT ${other}.id,\n       COUNT(*) AS total\nFROM ${other}\nJOIN ${name} ON ${name}.${other}_id = ${other}.id\nGROUP BY ${other}.id\nORDER BY total DESC;`,
    cpp: `#include <vector>\n#include <iostream>\n\nstd::vector<int> ${name}(const std::vector<int>& ${other}) {\n    std::vector<int> out;\n    for (int v : ${other}) if (v >= 0) out.push_back(v);\n    return out;\n}\n\nint main() {\n    std::cout << ${name}({1, -2, 3}).size() << "\\n";\n}`,
    rust: `fn ${name}(${other}: &[i64]) -> Vec<i64> {\n    ${other}.iter().copied().filter(|v| *v >= 0).collect()\n}\n\nfn main() {\n    println!("{:?}", ${name}(&[1, -2, 3]));\n}`,
    bash: `#!/usr/bin/env bash\nset -euo pipefail\n\nfor f in "\${1:-.}"/*; do\n  [ -f "$f" ] || continue\n  echo "processing $f"\ndone`,
  };
  let source = bodies[lang] ?? bodies.python ?? '';
  if (lang === 'python' && CODE_BANK.length > 0 && rng.chance(0.8)) {
    const picked = rng.pick(CODE_BANK);
    const old = /def\s+(\w+)/.exec(picked)?.[1];
    source = old ? picked.split(old).join(name) : picked;
  }
  const intro = rng.pick([
    `Here's a ${lang === 'cpp' ? 'C++' : lang} version that covers the core of what you described:`,
    'Something like this should work:',
    'Here is a starting point:',
  ]);
  const notes = rng
    .sample(
      [
        `- The main function is \`${name}\`; adjust its input to your data.`,
        '- Invalid entries are skipped rather than raising an error.',
        '- For large inputs you may want to stream instead of building a list.',
        '- Add logging where indicated if you need to trace failures.',
        '- I have not assumed any third-party libraries.',
      ],
      rng.int(2, 3),
    )
    .join('\n');
  return `${intro}\n\n${fence(source, lang)}\n\nA few notes:\n${notes}`;
}

export type AnswerShape = 'auto' | 'prose' | 'list' | 'code' | 'letter' | 'verse' | 'short';

/**
 * An answer of the right form for a prompt with no reference answer. It does not
 * pretend to be correct; it has the length, structure and register of a real reply.
 */
export function composeAnswer(
  prompt: string,
  rng: Rng,
  shape: AnswerShape = 'auto',
  scale = 1,
): string {
  const k = keywords(prompt, 6);
  const lower = prompt.toLowerCase();
  let s = shape;
  if (s === 'auto') {
    if (
      /```|\bcode\b|python|javascript|\bsql\b|function|script|program|regex|c\+\+|typescript/.test(
        lower,
      )
    )
      s = 'code';
    else if (/\bpoem|haiku|limerick|song|lyrics/.test(lower)) s = 'verse';
    else if (/\bemail|letter|cover note|memo/.test(lower)) s = 'letter';
    else if (/\blist|ideas|tips|ways|steps|suggest|recommend|names\b/.test(lower)) s = 'list';
    else if (prompt.length < 60 && rng.chance(0.3)) s = 'short';
    else s = 'prose';
  }
  switch (s) {
    case 'code':
      return codeSketch(prompt, rng, k);
    case 'verse': {
      const opens = [
        'Where',
        'When',
        'Before',
        'Beneath',
        'Across',
        'Beyond',
        'Within',
        'After',
        'Along',
        'Against',
      ];
      const things = [
        ...k,
        'the tide',
        'the lamp',
        'a sparrow',
        'the harbour',
        'old stone',
        'the orchard',
        'winter',
        'the river',
        'your voice',
        'the hill road',
      ];
      const tails = [
        'keeps its quiet counsel,',
        'turns slowly into gold,',
        'forgets the way back home,',
        'is lit and then let go,',
        'leans into the weather,',
        'remembers every name,',
        'holds what the day left over,',
        'grows softer than before,',
        'waits, and does not hurry,',
        'sings under its breath,',
        'goes on without us,',
        'learns the shape of rain.',
      ];
      const stanzas = rng.int(2, 4);
      const out: string[] = [];
      for (let st = 0; st < stanzas; st += 1) {
        const lines: string[] = [];
        for (let l = 0; l < 4; l += 1)
          lines.push(`${rng.pick(opens)} ${rng.pick(things)} ${rng.pick(tails)}`);
        out.push(lines.join('\n'));
      }
      return out.join('\n\n').replace(/,$/, '.');
    }
    case 'letter': {
      const [first] = [rng.pick(['Alex', 'Jordan', 'Ms. Rivera', 'team', 'Dr. Okafor', 'all'])];
      const body = sentences(k, rng.int(2, 4), rng).join(' ');
      return `Subject: ${k.slice(0, 3).join(' ')}\n\nHi ${first},\n\nI hope you're doing well. I'm writing about ${k[0]}. ${body}\n\nCould we find a time this week to discuss next steps? I'm happy to work around your schedule.\n\nBest regards,\n[Your name]`;
    }
    case 'list': {
      const n = Math.max(3, Math.round(rng.int(4, 8) * Math.min(scale, 1.5)));
      const body = sentences(k, n, rng);
      const items = body.map((b, i) =>
        i < 2 && rng.chance(0.3)
          ? `${i + 1}. ${fill(rng.pick(BULLETS), [k[i % k.length] ?? 'it'])}`
          : `${i + 1}. ${b}`,
      );
      const lead = rng.pick([
        `Here are some ideas on ${k[0]}:`,
        'A few things that tend to work:',
        `Sure — for ${k[0]}:`,
      ]);
      return `${lead}\n\n${items.join('\n')}\n\n${rng.pick(CLOSINGS)}`.trim();
    }
    case 'short':
      return sentences(k, rng.int(1, 2), rng).join(' ');
    case 'prose':
    default: {
      const paras = Math.max(1, Math.round(rng.int(2, 4) * scale));
      const out: string[] = [];
      for (let i = 0; i < paras; i += 1) {
        out.push(sentences(k, rng.int(2, 5), rng).join(' '));
      }
      const closing = rng.pick(CLOSINGS);
      return [...out, closing].filter((x) => x).join('\n\n');
    }
  }
}

// ---------------------------------------------------------------------------
// Surface variation

const SWAP_NAMES = [
  'Natalia',
  'Weng',
  'Betty',
  'Julie',
  'James',
  'Albert',
  'Mark',
  'Alexis',
  'Tina',
  'Randy',
  'Joy',
  'Mary',
  'John',
  'Tom',
  'Sarah',
  'Emily',
  'Jack',
  'Anna',
  'Peter',
  'Lisa',
  'Maria',
  'David',
  'Michael',
  'Jessica',
  'Carla',
  'Kylie',
  'Janet',
  'Tobias',
  'Marie',
  'Sam',
  'Ben',
  'Kim',
  'Jane',
  'Paul',
  'Greg',
  'Rose',
  'Lily',
  'Max',
  'Grace',
  'Henry',
];

const NEW_NAMES = [
  'Priya',
  'Kofi',
  'Mateus',
  'Yara',
  'Hiroshi',
  'Leila',
  'Bogdan',
  'Ifeoma',
  'Tariq',
  'Svea',
  'Nuno',
  'Ayesha',
  'Chen',
  'Rafael',
  'Dunya',
  'Eero',
  'Malia',
  'Thabo',
  'Ines',
  'Kaveh',
  'Oksana',
  'Jomo',
  'Aroha',
  'Luca',
  'Nilufar',
  'Sione',
];

/** Replaces common first names in a word problem with others (numbers untouched). */
export function swapNames(text: string, rng: Rng): string {
  let out = text;
  for (const name of SWAP_NAMES) {
    if (out.includes(name))
      out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), rng.pick(NEW_NAMES));
  }
  return out;
}

/** Swaps two adjacent letters inside one longer word. */
export function typo(text: string, rng: Rng): string {
  const words = text.split(' ');
  for (let tries = 0; tries < 6; tries += 1) {
    const i = rng.int(0, words.length - 1);
    const w = words[i] ?? '';
    if (/^[a-z]{5,}$/.test(w)) {
      const j = rng.int(1, w.length - 2);
      words[i] = w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2);
      return words.join(' ');
    }
  }
  return text;
}

/** Casual casing: sometimes all lower-case, sometimes without the final full stop. */
export function casual(text: string, rng: Rng): string {
  let out = text;
  if (rng.chance(0.25)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (rng.chance(0.2)) out = out.replace(/[.!]$/, '');
  if (rng.chance(0.12)) out = typo(out, rng);
  return out;
}

/** A short verbatim fragment of a text, for answers that cite what they assess. */
export function quoteFrom(text: string, rng: Rng): string {
  const parts = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 12);
  const s = parts.length > 0 ? rng.pick(parts) : text.trim();
  const words = s.split(/\s+/);
  const from = rng.int(0, Math.max(0, words.length - 6));
  return `“${words.slice(from, from + rng.int(5, 14)).join(' ')}”`;
}

/** MBPP asks are "Write a (python) function to …": returns the "…" part. */
export function mbppCore(ask: string): string {
  return ask
    .replace(
      /^write an? (python )?(function|program|lambda function|code)( that| which| to)?\s*/i,
      '',
    )
    .replace(/\.$/, '');
}
