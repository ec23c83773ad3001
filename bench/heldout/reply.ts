/**
 * What the model served: text that fits what was asked — a worked derivation with
 * numbered steps for a worked-solution request, code blocks for code, a bare score or
 * label for grading and classification, a refusal now and then — and the true length in
 * tokens (the stored text is cut at TEXT_CAP; the count is not).
 */
import type { Item } from './corpus.js';
import { WORDS, stepLabel, type Lang } from './lexicon.js';
import type { Rng } from './rng.js';
import { TEXT_CAP, tokens, type Output } from './wire.js';

/** More of an answer: the i-th further paragraph. */
export type Extender = (i: number) => string;

/**
 * An answer of about `target` tokens. The text grows with `more` until it reaches the
 * target or the stored cap; the count says the true length, which is the text's own
 * length whenever the whole text is stored (an answer never claims to be longer than
 * what was stored unless the stored text was cut).
 */
export function fit(text: string, target: number, more?: Extender): Output {
  let t = text;
  let n = tokens(t);
  if (more)
    for (let i = 0; n < target && t.length < TEXT_CAP && i < 60; i++) {
      const chunk = more(i);
      t += '\n\n' + chunk;
      n += tokens(chunk) + 1;
    }
  return { text: t, tokens: t.length >= TEXT_CAP ? Math.max(Math.round(target), n) : n };
}

const STOP = new Set(
  'about above after again also among and another are because been before being below between both but can could does doing down during each either every from further have having here how into its just like make many more most much must need only other over same should some such than that the their them then there these they this those through under until very want what when where which while who whom why will with would write your you please give tell using used use explain help know'.split(
    ' ',
  ),
);

/** Up to `k` content words of a prompt, in order of appearance. */
export function keywords(text: string, k: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z-]{3,}/g)) {
    const w = m[0];
    const lower = w.toLowerCase();
    // Proper nouns keep their capital; other words are written lower-case.
    const form =
      /^[A-Z][a-z]/.test(w) && m.index > 0 && !/[.?!]\s*$/.test(text.slice(0, m.index)) ? w : lower;
    if (!STOP.has(lower) && !seen.has(lower)) {
      seen.add(lower);
      out.push(form);
    }
    if (out.length >= k) break;
  }
  return out;
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Sentences or lines of a worked solution. */
function pieces(solution: string): string[] {
  const lines = solution
    .split(/\n+/)
    .flatMap((l) => (l.length > 220 ? l.split(/(?<=[.;])\s+(?=[A-Z$\\])/) : [l]))
    .map((l) => l.trim())
    .filter((l) => l.length > 1 && !l.startsWith('[asy]'));
  return lines.slice(0, 14);
}

/** A derivation with numbered steps and a final answer, in `lang`'s labels. */
export function derivation(item: Item, lang: Lang, rng: Rng): string {
  const w = WORDS[lang];
  const given = item.q.match(/\d+(?:\.\d+)?/g)?.slice(0, 5) ?? [];
  let steps = item.solution ? pieces(item.solution) : [];
  if (steps.length === 0) {
    steps = [
      given.length > 0
        ? `Write down what is given: ${given.join(', ')}.`
        : 'Restate the problem in symbols and name the unknown.',
      'Relate the unknown to the given quantities with one equation per condition.',
      'Simplify the system and isolate the unknown.',
      item.answer
        ? `Substitute back: the value ${item.answer} satisfies every condition.`
        : 'Substitute back and confirm every condition holds.',
    ];
  }
  const lines = steps.map((s, i) => `**${stepLabel(lang, i + 1)}.** ${s}`);
  if (given.length > 0 && rng.chance(0.5))
    lines.push(
      `**${stepLabel(lang, steps.length + 1)}.** ${rng.pick(['Check: plug the result back into the original conditions; both sides agree.', 'Sanity check: the magnitude is reasonable for the quantities involved.', 'Verify with a second method: the same value comes out.'])}`,
    );
  const ans = item.answer ? `\n\n**${w.answer}:** ${item.answer}` : '';
  return lines.join('\n\n') + ans;
}

/** A multiple-choice or yes/no answer with a short justification. */
export function shortAnswer(item: Item, rng: Rng): string {
  const why = item.solution ? pieces(item.solution).slice(0, rng.int(1, 3)).join(' ') : '';
  return `${why}${why ? '\n\n' : ''}Answer: ${item.answer ?? '(A)'}`;
}

/** A code answer: a fenced block and a few sentences around it. */
export function codeAnswer(prompt: string, rng: Rng, ref?: string): string {
  const kw = keywords(prompt, 3);
  const name = kw.length > 0 ? kw.join('_').replace(/-/g, '_').slice(0, 40) : 'solve';
  const lang = /\brust\b/i.test(prompt)
    ? 'rust'
    : /\bsql\b|query/i.test(prompt)
      ? 'sql'
      : /typescript|javascript|\bnode\b|react/i.test(prompt)
        ? 'ts'
        : 'python';
  let code = ref;
  if (!code) {
    if (lang === 'rust')
      code = `fn ${name}(input: &[i64]) -> i64 {\n    input.iter().copied().filter(|x| *x > 0).sum()\n}`;
    else if (lang === 'sql')
      code = `SELECT customer_id, COUNT(*) AS orders, SUM(total) AS revenue\nFROM orders\nWHERE created_at >= DATE '2025-01-01'\nGROUP BY customer_id\nORDER BY revenue DESC;`;
    else if (lang === 'ts')
      code = `export function ${name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}(items: number[]): number {\n  return items.reduce((acc, x) => acc + x, 0);\n}`;
    else
      code = `def ${name}(data):\n    result = []\n    for item in data:\n        if item is None:\n            continue\n        result.append(item)\n    return result`;
  }
  const intro = rng.pick([
    'Here is an implementation:',
    'This does it:',
    'A straightforward solution:',
    "Here's a version that handles the edge cases:",
  ]);
  const outro = rng.pick([
    'It runs in linear time and uses constant extra space apart from the output.',
    'The loop visits each element once; empty input returns the neutral value.',
    'Add a couple of unit tests for the empty case and for duplicates before relying on it.',
    'If performance matters, the inner lookup can be replaced by a dictionary.',
  ]);
  return `${intro}\n\n\`\`\`${lang}\n${code}\n\`\`\`\n\n${outro}`;
}

const PROSE = [
  'Start with {k}: it is usually the part that decides the rest.',
  'When it comes to {k}, the practical answer depends on your constraints more than on general rules.',
  '{K} is worth a closer look, because small differences there add up.',
  'A common mistake with {k} is to treat it as fixed; in practice it changes with context.',
  'For {k}, a simple rule of thumb works most of the time, with exceptions noted below.',
  'People often underestimate {k}; giving it a little time up front saves trouble later.',
];

/** A general assistant answer: the human-written reply when the corpus has one, else an overview in one of several layouts. */
export function prose(prompt: string, rng: Rng, reply?: string): string {
  if (reply && reply.length > 30) return reply;
  const kw = keywords(prompt, 4);
  if (kw.length === 0) kw.push('the question');
  const lines = kw.map((k) => rng.pick(PROSE).replace('{k}', k).replace('{K}', cap(k)));
  const head = rng.pick([
    "Good question. Here's an overview.",
    'Here are the main points.',
    'Short answer first, then the details.',
    'There are a few things to consider.',
    'It depends, but in most cases:',
    '',
  ]);
  const tail = rng.pick([
    'Let me know if you want more detail on any of these.',
    'Hope that helps!',
    'If you share more about your situation, I can be more specific.',
    '',
    '',
  ]);
  let body: string;
  switch (
    rng.weighted<number>([
      [0, 4],
      [1, 3],
      [2, 2],
      [3, 1],
    ])
  ) {
    case 0:
      body = lines.join(' ');
      break;
    case 1:
      body = lines.map((l) => `- ${l}`).join('\n');
      break;
    case 2:
      body = kw.map((k, i) => `**${i + 1}. ${cap(k)}**\n${lines[i]}`).join('\n\n');
      break;
    default:
      body = kw.map((k, i) => `### ${cap(k)}\n${lines[i]}`).join('\n\n');
  }
  return [head, body, tail].filter(Boolean).join('\n\n');
}

/** A polite refusal. */
export function refusal(rng: Rng): string {
  return rng.pick([
    "I can't help with that. If you're dealing with a specific situation, I'm happy to point you to safer options.",
    "Sorry, I can't assist with that request.",
    "I won't help with that, but I can explain the risks involved or suggest legitimate alternatives.",
  ]);
}

/** A judge's verdict: a short critique and a bracketed rating (or a pair choice). */
export function judgement(rng: Rng, pairwise: boolean): string {
  const critique = rng.pick([
    'The response addresses the question directly and is factually accurate, but it skips a relevant edge case.',
    'The answer is well organised and helpful; the tone fits the request. Minor verbosity.',
    'The response misreads part of the question and includes an incorrect claim about the second point.',
    'Accurate and concise. It could cite a source for the statistic it uses.',
    'The assistant follows the instructions but the code sample would not compile as written.',
  ]);
  const more = rng.chance(0.6)
    ? ' ' +
      rng.pick([
        'The structure is easy to follow.',
        'It does not address the constraint in the last sentence of the question.',
        'A short example would have helped.',
        'The tone is appropriate for the user.',
        'One claim is overstated.',
      ])
    : '';
  if (pairwise)
    return `${critique}${more} Comparing the two, ${rng.pick(['the first', 'the second'])} is stronger overall.\n\n[[${rng.pick(['A', 'B', 'A', 'B', 'C'])}]]`;
  return `${critique}${more}\n\nRating: [[${rng.int(2, 10)}]]`;
}

/** Ten or so variations of a line of copy. */
export function variations(line: string, k: number, rng: Rng): string {
  const kw = keywords(line, 3);
  const lead = cap(kw[0] ?? 'it');
  const forms = [
    `${lead}, reimagined.`,
    `Meet the new ${kw[0] ?? 'favourite'} — built for ${kw[1] ?? 'you'}.`,
    `Why settle? Get ${kw[0] ?? 'more'} today.`,
    `${cap(kw[1] ?? 'Quality')} you can feel. ${lead} you'll love.`,
    `Your ${kw[0] ?? 'day'}, upgraded.`,
    `Limited time: ${kw[0] ?? 'offer'} at its best.`,
    `The smarter way to ${kw[2] ?? 'shop'}.`,
    `${lead} without compromise.`,
    `Less hassle, more ${kw[1] ?? 'joy'}.`,
    `Try ${kw[0] ?? 'it'} free for 30 days.`,
    `${lead}: made simple.`,
    `Everything ${kw[1] ?? 'you need'}, nothing you don't.`,
  ];
  return rng
    .sample(forms, k)
    .map((f, i) => `${i + 1}. ${f}`)
    .join('\n');
}

const SOFTEN: [RegExp, string][] = [
  [/\bkill(ed|s)?\b/gi, 'stopped'],
  [/\bblood(y)?\b/gi, 'mess'],
  [/\bdead\b/gi, 'gone'],
  [/\bgun(s)?\b/gi, 'water balloon$1'],
  [/\bterrified\b/gi, 'surprised'],
  [/\bscream(ed)?\b/gi, 'shout$1'],
  [/\bmonster(s)?\b/gi, 'friendly giant$1'],
  [/\bfight(ing)?\b/gi, 'argue'],
];

/** A children's rewrite of a text: the same story with the frightening words softened. */
export function softened(text: string): string {
  let out = text;
  for (const [re, to] of SOFTEN) out = out.replace(re, to);
  return out;
}

/** A short summary: the first sentence and bullet points of key terms. */
export function summary(doc: string, rng: Rng): string {
  const first = doc.split(/(?<=[.!?])\s/)[0] ?? doc.slice(0, 160);
  const kw = keywords(doc, 4);
  return `${rng.pick(['Summary:', 'TL;DR:', 'In brief:'])} ${first.slice(0, 240)}\n${kw.map((k) => `- ${cap(k)}`).join('\n')}`;
}

/** Code-review comments on a diff, naming identifiers it contains. */
export function review(diff: string, rng: Rng): string {
  const ids = [...new Set(diff.match(/\b[a-z_][a-z0-9_]{3,}\b/g) ?? [])]
    .filter((x) => !STOP.has(x))
    .slice(0, 4);
  const notes = ids
    .slice(0, rng.int(1, 3))
    .map(
      (id, i) =>
        `${i + 1}. \`${id}\` (line ${rng.int(3, 60)}): ${rng.pick(['consider a guard for empty input', 'this allocates on every call; hoist it out of the loop', 'the name is unclear; it holds an index, not a count', 'missing a test for the error path', 'off-by-one risk at the upper bound'])}.`,
    );
  if (notes.length === 0 || rng.chance(0.2))
    return 'LGTM. No blocking issues; one nit: add a docstring to the new function.';
  return `**Summary:** ${rng.pick(['Small, focused change.', 'Refactor plus a behaviour change.', 'Adds a helper and its caller.'])}\n\n**Comments**\n${notes.join('\n')}`;
}

/** An everyday answer in the asker's language: the language's opening and points on the prompt's own terms. */
export function native(prompt: string, lang: Lang, rng: Rng): string {
  const words = [
    ...new Set(prompt.split(/[\s,.;:!?¿¡？。、，「」()"'«»]+/u).filter((x) => [...x].length >= 4)),
  ];
  const points = rng.sample(words, Math.min(words.length, rng.int(3, 5)));
  if (points.length === 0) points.push(prompt.slice(0, 40));
  return `${WORDS[lang].sure}\n\n${points.map((p, i) => `${i + 1}. **${p}** — …`).join('\n')}`;
}

const MORE_STEPS = [
  '**Check.** Substituting the result back into each condition of the problem: {a} and {b} are consistent with it, so nothing was lost along the way.',
  '**Why each move is valid.** Every transformation above either applies a definition or does the same operation to both sides, so the set of solutions never changes.',
  '**Alternative route.** Working backwards from the result: starting at {ans} and undoing each operation in reverse order returns the original data ({a}, {b}).',
  '**Common mistake.** A frequent slip is to combine {a} and {b} before accounting for the condition stated last; doing so gives a different and wrong value.',
  '**Units and magnitude.** The result has the units the question asks for, and its size is plausible given inputs like {a} and {b}.',
  '**Generalisation.** Replacing {a} with a symbol n, the same chain gives a formula in n; plugging n = {a} back recovers {ans}.',
  '**Edge cases.** If {b} were zero, or the quantities were not whole numbers, the second step would need a different treatment; here they are not.',
  '**Summary of the chain.** Data ({a}, {b}) → intermediate quantity → result {ans}; each link was justified above.',
];

/** Further paragraphs of a worked solution: checks, alternatives, pitfalls. */
export function moreSteps(item: Item, rng: Rng): Extender {
  const nums = item.q.match(/\d+(?:\.\d+)?/g) ?? ['the first quantity', 'the second quantity'];
  const order = rng.shuffle(MORE_STEPS.slice());
  return (i) =>
    order[i % order.length]!.replace('{a}', nums[0] ?? 'the first value')
      .replace('{b}', nums[1] ?? nums[0] ?? 'the second value')
      .replace(/\{ans\}/g, item.answer ?? 'the result');
}

const MORE_PROSE = [
  'In practice, {k} matters most when the stakes are high or the situation is new; otherwise the default works.',
  'One more consideration is how {k} interacts with {k2}: changing one usually shifts the other.',
  'A concrete example helps: imagine {k} done badly, then done well; the difference is usually visible within days.',
  'If you only remember one thing, make it this: {k} first, details later.',
  'Some people will disagree about {k}, and that is fine; what matters is that the choice fits your goals.',
  'For further reading, look for introductory material on {k} and {k2}; most of it agrees on the basics.',
  'A quick checklist: define what you want from {k}, try the simplest option, review after a week, adjust.',
];

/** Further paragraphs of a general answer about `prompt`. */
export function moreProse(prompt: string, rng: Rng): Extender {
  const kw = keywords(prompt, 6);
  if (kw.length === 0) kw.push('this');
  return (i) =>
    rng
      .pick(MORE_PROSE)
      .replace('{k}', kw[i % kw.length]!)
      .replace('{k2}', kw[(i + 1) % kw.length]!);
}

const MORE_CODE = [
  '### Tests\n```python\ndef test_basic():\n    assert solve([1, 2, 3]) is not None\n\ndef test_empty():\n    assert solve([]) == []\n```',
  '### Complexity\nTime is linear in the input size; extra space is proportional to the output.',
  '### Edge cases\n- empty input\n- duplicates\n- very large values (watch for overflow in other languages)\n- non-ASCII strings',
  '### How it works\nThe function scans the input once, keeps only what it needs in a small accumulator, and returns it at the end.',
  '### Variations\nIf the input is sorted, a two-pointer version avoids the extra memory; if it is streamed, the same loop works on an iterator.',
];

/** Further sections of a code answer. */
export function moreCode(rng: Rng): Extender {
  const order = rng.shuffle(MORE_CODE.slice());
  return (i) => order[i % order.length]!;
}

const BECAUSE = [
  'The short answer is that {k} is driven by {k2}: when {k2} changes, {k} follows.',
  'It comes down to {k}. Underneath it sits {k2}, which constrains what {k} can do.',
  'Because {k} cannot happen without {k2}, and {k2} in turn depends on {k3}.',
  'The mechanism is a chain: {k3} sets up {k2}, and {k2} produces {k}.',
  'That holds because of how {k} and {k2} interact; neither alone would be enough.',
];

/** An answer to "why?": a causal explanation about the conversation's terms. */
export function because(prompt: string, rng: Rng): string {
  const kw = keywords(prompt, 5);
  while (kw.length < 3)
    kw.push(['the conditions', 'the underlying structure', 'the constraints'][kw.length]!);
  const [k, k2, k3] = rng.shuffle(kw.slice());
  return rng
    .pick(BECAUSE)
    .replace('{k}', k!)
    .replace(/\{k2\}/g, k2!)
    .replace('{k3}', k3!);
}

const MORE_BECAUSE = [
  'This also explains why {k} behaves differently when {k2} is absent.',
  'A way to see it: hold {k2} fixed and vary {k}; the effect disappears, which points to {k2} as the cause.',
  'Historically, this was understood only once people connected {k} with {k2}.',
  'At a deeper level, {k2} itself follows from {k3}, so the chain goes {k3} → {k2} → {k}.',
  'Evidence for this comes from cases where {k} and {k2} come apart; the outcome tracks {k2}.',
  'So the answer to "why" depends on the level you ask at: proximately {k2}, ultimately {k3}.',
];

/** Further causal paragraphs of an answer to "why?". */
export function moreBecause(prompt: string, rng: Rng): Extender {
  const kw = keywords(prompt, 6);
  while (kw.length < 3)
    kw.push(['the conditions', 'the underlying structure', 'the constraints'][kw.length]!);
  return (i) =>
    rng
      .pick(MORE_BECAUSE)
      .replace('{k}', kw[i % kw.length]!)
      .replace(/\{k2\}/g, kw[(i + 1) % kw.length]!)
      .replace('{k3}', kw[(i + 2) % kw.length]!);
}
