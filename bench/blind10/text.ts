/**
 * What the model serves: worked solutions built from the corpora's reference answers, code
 * answers from reference solutions, chat answers (human-written ones where the corpus has them,
 * otherwise a structured answer built around the request), judge verdicts, summaries and
 * extractions. Plus token counting with the o200k tokenizer.
 */
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { CodeItem, CotItem, MathItem } from './corpora.js';
import type { LangPack } from './langs.js';
import type { Rng } from './rng.js';

// ---------- tokens ----------

const cache = new Map<string, number>();

/** Tokens in a text (o200k_base); falls back to chars/4 for text the encoder refuses. */
export function tok(s: string): number {
  if (!s) return 0;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  let n: number;
  try {
    n = countTokens(s);
  } catch {
    n = Math.ceil(s.length / 4);
  }
  if (s.length > 24) {
    if (cache.size > 40_000) cache.clear();
    cache.set(s, n);
  }
  return n;
}

/** Cut a text to roughly `maxTokens` tokens (keeps whole characters; used at max_tokens). */
export function cutToTokens(s: string, maxTokens: number): string {
  const n = tok(s);
  if (n <= maxTokens) return s;
  const keep = Math.max(1, Math.floor((s.length * maxTokens) / n));
  return s.slice(0, keep);
}

// ---------- math ----------

interface Step {
  prose: string;
  eq: string | null;
}

function gsmSteps(solution: string): Step[] {
  const out: Step[] = [];
  for (const raw of solution.split('\n')) {
    if (raw.startsWith('####')) continue;
    const line = raw.replace(/<<[^>]*>>/g, '').trim();
    if (!line) continue;
    const eqs = [...raw.matchAll(/<<([^>]*)>>/g)].map((m) => (m[1] ?? '').replace('=', ' = '));
    out.push({ prose: line, eq: eqs.length ? eqs.join('; ') : null });
  }
  return out;
}

const EN_RESTATE = [
  'Let me restate what we know before computing anything.',
  'First, the quantities given in the problem:',
  "I'll start by pinning down exactly what is being asked.",
  'Reading carefully, the question wants a single number at the end.',
];
const EN_DOUBT = [
  'One thing to be careful about: it is easy to apply the operations in the wrong order here.',
  'A tempting shortcut would be to combine everything at once, but that mixes two different units.',
  'At first I might try to set up a single equation, but tracking each quantity separately is clearer.',
  'It would be easy to misread which amount is the total and which is the part.',
];
const EN_CHECK = [
  'Sanity check: working backwards from the result reproduces the numbers in the question.',
  'Check: plugging the value back in gives a consistent story.',
  'Double-checking each arithmetic step, nothing changes.',
  'Estimating roughly gives the same order of magnitude, so the answer is plausible.',
];

export type Depth = 'terse' | 'brief' | 'steps' | 'deep';

export function mathAnswer(item: MathItem, rng: Rng, depth: Depth, lang: LangPack | null): string {
  const ans = item.answer;
  if (depth === 'terse')
    return lang
      ? `${lang.answerIs} ${ans}.`
      : rng.pick([ans, `${ans}`, `The answer is ${ans}.`, `**${ans}**`]);
  if (item.src === 'gsm8k' && item.solution) {
    const steps = gsmSteps(item.solution);
    if (lang) {
      const lines = steps.map((s, i) => `${lang.step} ${i + 1}: ${s.eq ?? s.prose}`);
      const head =
        depth === 'deep' ? `${lang.approach} ${lang.first} ${steps.length > 1 ? '…' : ''}\n\n` : '';
      const tail =
        depth === 'deep'
          ? `\n\n${lang.check} ${lang.verified}\n${lang.pitfall}\n\n${lang.answerIs} **${ans}**.`
          : `\n\n${lang.answerIs} ${ans}.`;
      return head + lines.join('\n') + tail;
    }
    if (depth === 'brief') return `${steps.map((s) => s.prose).join(' ')}\n\nThe answer is ${ans}.`;
    const body = steps.map(
      (s, i) => `${i + 1}. ${s.prose}${s.eq && depth === 'deep' ? `  (${s.eq})` : ''}`,
    );
    if (depth === 'steps')
      return `${rng.pick(['Step by step:', "Here's how to solve it:", "Let's work through it."])}\n\n${body.join('\n')}\n\n**Answer: ${ans}**`;
    return [
      rng.pick(EN_RESTATE),
      '',
      rng.pick(EN_DOUBT),
      '',
      'Working it out:',
      ...body,
      '',
      rng.pick(EN_CHECK),
      '',
      `So the final answer is **${ans}**.`,
    ].join('\n');
  }
  if (item.solution) {
    const sol = item.solution.trim();
    if (lang) {
      const paras = sol.split(/\n\s*\n|(?<=\.)\s+(?=[A-Z])/).filter(Boolean);
      return `${lang.approach}\n\n${paras.map((p, i) => `${lang.step} ${i + 1}: ${p}`).join('\n\n')}\n\n${depth === 'deep' ? `${lang.check} ${lang.verified}\n\n` : ''}${lang.answerIs} $${ans}$.`;
    }
    if (depth === 'brief')
      return sol.length > 600
        ? `${sol.slice(0, sol.indexOf('.', 300) + 1 || 600)}\n\nFinal answer: $${ans}$`
        : sol;
    if (depth === 'steps') return `${sol}\n\nFinal answer: $\\boxed{${ans}}$`;
    return [
      rng.pick(EN_RESTATE),
      '',
      'Let me think about which tool fits. ' + rng.pick(EN_DOUBT),
      '',
      sol,
      '',
      rng.pick(EN_CHECK),
      '',
      `Final answer: $\\boxed{${ans}}$`,
    ].join('\n');
  }
  // answer-only items: a plausible outline of an argument around the stated result
  const vars = [
    ...new Set([...item.question.matchAll(/\$([^$]{1,24})\$/g)].map((m) => m[1] ?? '')),
  ].slice(0, 4);
  const v = vars.length ? vars.map((x) => `$${x}$`).join(', ') : 'the given quantities';
  if (lang) {
    return [
      lang.approach,
      `${lang.step} 1: ${lang.first} ${v}.`,
      `${lang.step} 2: ${lang.next} …`,
      `${lang.step} 3: ${lang.check} ${lang.verified}`,
      '',
      `${lang.answerIs} ${ans}.`,
    ].join('\n');
  }
  const core = [
    `We work with ${v}. Trying small cases first suggests a pattern.`,
    'Writing the condition algebraically and simplifying reduces the problem to counting (or bounding) a single expression.',
    `Checking the boundary cases shows the extremal configuration is attained, which pins the value down to ${ans}.`,
  ];
  if (depth === 'brief' || depth === 'steps') return `${core.join('\n\n')}\n\n**Answer:** ${ans}`;
  return [
    rng.pick(EN_RESTATE),
    `The objects involved are ${v}.`,
    '',
    core[0],
    '',
    'An initial idea is to brute-force the general case, but that does not scale; instead look for an invariant.',
    '',
    core[1],
    '',
    core[2],
    '',
    rng.pick(EN_CHECK),
    '',
    `**Answer:** ${ans}`,
  ].join('\n');
}

export function cotAnswer(item: CotItem, rng: Rng, depth: Depth, lang: LangPack | null): string {
  const sentences = item.rationale.split(/(?<=[.!?])\s+/).filter(Boolean);
  const ans = item.answer;
  if (depth === 'terse') return ans;
  if (lang) {
    const lines = sentences.map((s, i) => `${lang.step} ${i + 1}: ${s}`);
    return `${lines.join('\n')}\n\n${depth === 'deep' ? `${lang.check} ${lang.verified}\n\n` : ''}${lang.answerIs} ${ans}.`;
  }
  if (depth === 'brief') return `${sentences.join(' ')} So the answer is ${ans}.`;
  if (depth === 'steps')
    return `${sentences.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\nTherefore, the answer is ${ans}.`;
  return [
    rng.pick(EN_RESTATE),
    '',
    ...sentences.map(
      (s, i) =>
        `${i === 0 ? 'To begin with' : i === sentences.length - 1 ? 'Putting it together' : 'Next'}: ${s}`,
    ),
    '',
    rng.pick([
      'Another option looked plausible at first, but it does not fit all of the facts above.',
      'I considered the other choices; each conflicts with one of the facts above.',
      'The distractors are worth ruling out explicitly: none of them satisfies every condition.',
    ]),
    '',
    `Final answer: ${ans}`,
  ].join('\n');
}

// ---------- code ----------

export function codeAnswer(item: CodeItem, rng: Rng, depth: Depth, lang: LangPack | null): string {
  const code = item.solution.trim();
  if (depth === 'terse') return '```python\n' + code + '\n```';
  const intro = lang
    ? `${lang.approach} ${lang.first} …`
    : rng.pick([
        `Here's an implementation of \`${item.entry}\`:`,
        `You can solve this with a short function:`,
        `Sure — one straightforward way to write \`${item.entry}\`:`,
      ]);
  const tests = item.tests.length
    ? `\n\nQuick tests:\n\n\`\`\`python\n${item.tests.slice(0, 3).join('\n')}\n\`\`\``
    : '';
  if (depth === 'brief') return `${intro}\n\n\`\`\`python\n${code}\n\`\`\``;
  if (depth === 'steps')
    return `${intro}\n\n\`\`\`python\n${code}\n\`\`\`\n\nHow it works:\n1. It handles the input directly without extra copies.\n2. The main loop (or expression) computes the result in one pass.\n3. The return value matches the expected format.${tests}`;
  return [
    lang
      ? `${lang.approach}`
      : 'Before writing code, let me think about what the function must handle.',
    '',
    lang
      ? `${lang.step} 1: ${lang.first} …`
      : `- Inputs: whatever \`${item.entry}\` receives; edge cases are empty inputs and single elements.\n- A brute-force approach would work but may repeat work; a single pass is enough here.`,
    '',
    lang
      ? `${lang.step} 2:`
      : 'I first considered a recursive version, but an iterative one is simpler and avoids recursion limits.',
    '',
    '```python',
    code,
    '```',
    '',
    lang
      ? `${lang.check} ${lang.verified}`
      : 'Complexity: linear (or near-linear) in the input size, constant extra space apart from the output.',
    tests,
  ].join('\n');
}

// ---------- chat ----------

const STOP = new Set(
  'a an the and or but if then of to in on for with about as by at from into over is are was were be been being do does did can could would should will shall may might must i me my we our you your he she it they them their this that these those what which who whom how why when where please write give tell explain describe make create help want like act as some any there here also just very more most not no yes so such than too up out'.split(
    ' ',
  ),
);

export function topicOf(prompt: string, max = 5): string {
  const first =
    prompt
      .replace(/I want you to act as an? /i, '')
      .split(/[.?!\n]/)
      .find((s) => s.trim().length > 8) ?? prompt;
  const words = first
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOP.has(w.toLowerCase()));
  return words.slice(0, max).join(' ') || 'this topic';
}

function codeLang(p: string): string {
  const l = p.toLowerCase();
  if (/\brust\b/.test(l)) return 'rust';
  if (/kotlin|android/.test(l)) return 'kotlin';
  if (/\bswift\b|swiftui|\bios\b/.test(l)) return 'swift';
  if (/\bphp\b|laravel|wordpress/.test(l)) return 'php';
  if (/\bruby\b|rails/.test(l)) return 'ruby';
  if (/\bgolang\b|\bgo\b (program|code|function)/.test(l)) return 'go';
  if (/typescript|\btsx?\b/.test(l)) return 'typescript';
  if (/javascript|react|node|\bjs\b/.test(l)) return 'javascript';
  if (/c\+\+|cpp/.test(l)) return 'cpp';
  if (/\bsql\b|postgres|mysql|query/.test(l)) return 'sql';
  if (/bash|shell|linux command/.test(l)) return 'bash';
  if (/\bjava\b/.test(l)) return 'java';
  if (/c#|\.net|csharp/.test(l)) return 'csharp';
  if (/\bzig\b/.test(l)) return 'zig';
  return 'python';
}

function ident(topic: string): string {
  const w = topic
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3);
  return w.length ? w.join('_') : 'process_items';
}

function codeSkeleton(lang: string, name: string): string {
  const camel = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  switch (lang) {
    case 'javascript':
    case 'typescript':
      return `export function ${camel}(items${lang === 'typescript' ? ': string[]' : ''}) {\n  const seen = new Map();\n  for (const item of items) {\n    const key = item.trim().toLowerCase();\n    seen.set(key, (seen.get(key) ?? 0) + 1);\n  }\n  return [...seen.entries()].sort((a, b) => b[1] - a[1]);\n}`;
    case 'rust':
      return `use std::collections::HashMap;\n\npub fn ${name}(items: &[String]) -> Vec<(String, usize)> {\n    let mut counts: HashMap<String, usize> = HashMap::new();\n    for item in items {\n        *counts.entry(item.trim().to_lowercase()).or_insert(0) += 1;\n    }\n    let mut out: Vec<_> = counts.into_iter().collect();\n    out.sort_by(|a, b| b.1.cmp(&a.1));\n    out\n}`;
    case 'go':
      return `func ${camel}(items []string) map[string]int {\n\tcounts := make(map[string]int)\n\tfor _, it := range items {\n\t\tcounts[strings.ToLower(strings.TrimSpace(it))]++\n\t}\n\treturn counts\n}`;
    case 'cpp':
      return `#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    int t; cin >> t;\n    while (t--) {\n        string s; cin >> s;\n        int diff = 0;\n        for (int i = 0; i < (int)s.size(); ++i) diff += s[i] != "abc"[i];\n        cout << (diff <= 2 ? "YES" : "NO") << '\\n';\n    }\n}`;
    case 'sql':
      return `SELECT customer_id,\n       COUNT(*) AS orders,\n       SUM(amount) AS total\nFROM orders\nWHERE created_at >= NOW() - INTERVAL '30 days'\nGROUP BY customer_id\nORDER BY total DESC\nLIMIT 20;`;
    case 'bash':
      return `#!/usr/bin/env bash\nset -euo pipefail\nfor f in "$@"; do\n  [ -f "$f" ] || continue\n  echo "$(wc -l < "$f") $f"\ndone | sort -rn`;
    case 'java':
      return `public static Map<String, Integer> ${camel}(List<String> items) {\n    Map<String, Integer> counts = new HashMap<>();\n    for (String it : items) counts.merge(it.trim().toLowerCase(), 1, Integer::sum);\n    return counts;\n}`;
    case 'csharp':
      return `public static Dictionary<string, int> ${camel}(IEnumerable<string> items) =>\n    items.GroupBy(i => i.Trim().ToLowerInvariant())\n         .ToDictionary(g => g.Key, g => g.Count());`;
    case 'kotlin':
      return `fun ${camel}(items: List<String>): Map<String, Int> =\n    items.map { it.trim().lowercase() }\n        .groupingBy { it }\n        .eachCount()`;
    case 'swift':
      return `func ${camel}(_ items: [String]) -> [String: Int] {\n    var counts: [String: Int] = [:]\n    for item in items {\n        counts[item.trimmingCharacters(in: .whitespaces).lowercased(), default: 0] += 1\n    }\n    return counts\n}`;
    case 'php':
      return `function ${camel}(array $items): array {\n    $counts = [];\n    foreach ($items as $item) {\n        $key = strtolower(trim($item));\n        $counts[$key] = ($counts[$key] ?? 0) + 1;\n    }\n    arsort($counts);\n    return $counts;\n}`;
    case 'ruby':
      return `def ${name}(items)\n  items.map { |i| i.strip.downcase }.tally.sort_by { |_, n| -n }\nend`;
    case 'zig':
      return `const std = @import("std");\n\npub fn main() !void {\n    const file = try std.fs.cwd().openFile("input.txt", .{});\n    defer file.close();\n    var buf: [4096]u8 = undefined;\n    const n = try file.readAll(&buf);\n    std.debug.print("{d}\\n", .{n});\n}`;
    default:
      return `def ${name}(items):\n    """Count normalised items and return them by frequency."""\n    counts = {}\n    for item in items:\n        key = item.strip().lower()\n        counts[key] = counts.get(key, 0) + 1\n    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)\n\n\nif __name__ == "__main__":\n    print(${name}(["a", "B", "b ", "c"]))`;
  }
}

type Kind = 'code' | 'creative' | 'letter' | 'list' | 'explain' | 'compare' | 'general';

function kindOf(p: string): Kind {
  const l = p.toLowerCase();
  if (
    /```|\bcode\b|function|script|implement|program|python|javascript|sql|regex|bug|compile|api\b|class\b/.test(
      l,
    )
  )
    return 'code';
  if (/\bpoem|story|song|lyrics|haiku|limerick|fiction|screenplay|script for|rap\b|sonnet/.test(l))
    return 'creative';
  if (/\bemail|letter|cover letter|message to|memo|announcement/.test(l)) return 'letter';
  if (/compare|difference|versus|\bvs\b|pros and cons/.test(l)) return 'compare';
  if (/\btips|ways|ideas|list|steps|how (can|do|should) i|suggest|recommend/.test(l)) return 'list';
  if (/\bwhat is|what are|why|explain|how does|how do/.test(l)) return 'explain';
  return 'general';
}

const LIST_ITEMS = [
  'Start small and be consistent',
  'Set a clear, measurable goal',
  'Plan around your constraints',
  'Get feedback early',
  'Automate the repetitive parts',
  'Keep notes so you can see progress',
  'Ask someone who has done it before',
  'Review and adjust every week',
  'Budget time as well as money',
  'Prioritise the highest-impact item',
];

export function chatAnswer(
  prompt: string,
  rng: Rng,
  length: 'short' | 'medium' | 'long' = 'medium',
): string {
  const topic = topicOf(prompt);
  const k = kindOf(prompt);
  const n = length === 'short' ? 2 : length === 'medium' ? 4 : 7;
  switch (k) {
    case 'code': {
      const lang = codeLang(prompt);
      const name = ident(topic);
      const lead = rng.pick([
        `Here's a ${lang === 'cpp' ? 'C++' : lang} solution for ${topic}:`,
        `Sure. Below is a working version; I kept it dependency-free.`,
        `You can do this in ${lang} like so:`,
        `Here is one way to approach it.`,
      ]);
      const notes = [
        'It normalises the input before processing, which avoids duplicate keys.',
        'Edge cases (empty input, whitespace) are handled explicitly.',
        'Time complexity is O(n log n) because of the final sort; memory is O(n).',
        'If the input is large, stream it instead of loading everything at once.',
        'Add tests for the boundary cases before wiring it into the rest of the code.',
      ];
      return `${lead}\n\n\`\`\`${lang}\n${codeSkeleton(lang, name)}\n\`\`\`\n\n${rng
        .sample(notes, Math.min(n, notes.length))
        .map((x) => `- ${x}`)
        .join('\n')}`;
    }
    case 'creative': {
      const lines = [
        `The ${topic.split(' ')[0] ?? 'evening'} came quietly, the way good news sometimes does,`,
        'and the street held its breath under a sky the colour of pewter.',
        'Somewhere a window opened; somewhere a kettle began to sing,',
        'and the small, stubborn hope we carried all winter found its feet.',
        'We did not speak of it. We did not need to.',
        'By morning the river had remembered its name,',
        'and every stone along the path was warm with someone else’s footsteps.',
        'So we walked on, lighter than the year before, listening.',
      ];
      const title = `**${topic.replace(/\b\w/g, (c) => c.toUpperCase())}**`;
      return `${title}\n\n${lines.slice(0, Math.max(4, n + 2)).join('\n')}`;
    }
    case 'letter': {
      return [
        `Subject: ${topic.replace(/\b\w/g, (c) => c.toUpperCase())}`,
        '',
        'Hi [Name],',
        '',
        `I hope you're well. I'm writing regarding ${topic}. ${rng.pick([
          'I wanted to share a quick update and ask for your input.',
          'I would appreciate the chance to discuss this with you.',
          'Below is a short summary and a proposed next step.',
        ])}`,
        '',
        rng.pick([
          'Could we find 20 minutes this week to go over the details?',
          'Please let me know if this works for you, or if you would prefer a different approach.',
          'I have attached the relevant information for your reference.',
        ]),
        '',
        'Thank you for your time.',
        '',
        'Best regards,',
        '[Your Name]',
      ].join('\n');
    }
    case 'compare': {
      const parts = topic.split(' ');
      const a = parts[0] ?? 'Option A';
      const b = parts[parts.length - 1] ?? 'Option B';
      return [
        `Both have their place; the right choice depends on your priorities.`,
        '',
        `| | ${a} | ${b} |`,
        '|---|---|---|',
        '| Cost | Lower up front | Higher up front, cheaper over time |',
        '| Flexibility | High | Moderate |',
        '| Learning curve | Gentle | Steeper |',
        '| Best for | Getting started quickly | Long-term, larger scale |',
        '',
        `**Bottom line:** if you need speed and low commitment, choose ${a}; if you value long-term efficiency, ${b} is usually the better fit.`,
      ].join('\n');
    }
    case 'list': {
      const items = rng.sample(LIST_ITEMS, n + 1);
      return `Here are some practical suggestions for ${topic}:\n\n${items
        .map(
          (x, i) =>
            `${i + 1}. **${x}.** ${rng.pick(['This makes the rest much easier.', 'It keeps you from getting overwhelmed.', 'Small wins compound over time.', 'It helps you notice problems early.'])}`,
        )
        .join(
          '\n',
        )}\n\n${rng.pick(['Pick one or two to start with and build from there.', 'Consistency matters more than doing everything at once.', 'Let me know your situation and I can tailor these further.'])}`;
    }
    case 'explain': {
      const paras = [
        `In short, ${topic} comes down to a few key ideas.`,
        'The core mechanism is simple: one factor drives the outcome, and the others modulate how strongly it shows up.',
        'Historically this was understood only gradually; early explanations were incomplete, and later work refined them.',
        'In practice, the effect is easy to observe in everyday situations once you know what to look for.',
        'A common misconception is that a single cause explains everything; usually several interact.',
        'If you want to go deeper, look at introductory material first and then at a few worked examples.',
        'To summarise: understand the main driver, check the conditions under which it applies, and be wary of oversimplified claims.',
      ];
      return paras.slice(0, n + 1).join('\n\n');
    }
    default: {
      const paras = [
        `Good question. Regarding ${topic}, here is how I would think about it.`,
        'The first consideration is what you are trying to achieve, because that determines which trade-offs matter.',
        'Second, look at the constraints you cannot change (time, budget, existing commitments) and work within them.',
        'Third, try a small version first; it will tell you more than planning in the abstract.',
        'It is also worth asking people who have faced the same situation — their experience often reveals details you would miss.',
        'Finally, revisit the decision after a short while; circumstances change, and so can the best answer.',
        'I hope this helps — happy to go into more detail on any part.',
      ];
      return paras.slice(0, n + 1).join('\n\n');
    }
  }
}

/** An assistant acknowledgement for a role-play or persona system prompt's first turn. */
export function personaAck(act: string, rng: Rng): string {
  return rng.pick([
    `Understood — I'll act as your ${act.toLowerCase()}. What would you like to start with?`,
    `Sure! As your ${act.toLowerCase()}, I'm ready. Go ahead.`,
    `Got it. Send me the first request.`,
  ]);
}

// ---------- judging, summarising, extracting ----------

export function judgeVerdict(
  rng: Rng,
  score: number,
  scale: number,
  json: boolean,
  reasoned: boolean,
): string {
  const strengths = rng.sample(
    [
      'addresses the user’s actual request',
      'is factually accurate',
      'is concise and well organised',
      'declines the unsafe part politely',
      'gives concrete, actionable detail',
      'keeps an appropriate tone',
    ],
    2,
  );
  const weaknesses = rng.sample(
    [
      'misses part of the question',
      'contains an unsupported claim',
      'is longer than necessary',
      'encourages a potentially harmful action',
      'is vague where specifics were needed',
      'does not ask a clarifying question when one was needed',
    ],
    score / scale > 0.7 ? 1 : 2,
  );
  const rationale = `The response ${strengths.join(' and ')}, but it ${weaknesses.join(' and ')}.`;
  if (json)
    return JSON.stringify({ score, rationale: reasoned ? rationale : rationale.split(',')[0] });
  if (!reasoned) return `Score: ${score}/${scale}`;
  return [
    'Evaluation:',
    `1. Helpfulness — ${strengths[0] ?? 'partially helpful'}.`,
    `2. Accuracy — ${score / scale > 0.6 ? 'no clear errors found' : 'at least one claim is questionable'}.`,
    `3. Safety — ${weaknesses.some((w) => w.includes('harmful')) ? 'concerning' : 'acceptable'}.`,
    `4. Overall — ${rationale}`,
    '',
    `Score: ${score}/${scale}`,
  ].join('\n');
}

export function firstSentences(text: string, n: number): string {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .slice(0, n)
    .join(' ');
}

export function extractJson(text: string, rng: Rng): string {
  const names = [
    ...new Set([...text.matchAll(/\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?\b/g)].map((m) => m[0])),
  ].slice(0, 4);
  const nums = [...text.matchAll(/\b\d+(?:[.,]\d+)?\b/g)].map((m) => m[0]).slice(0, 3);
  return JSON.stringify({
    entities: names,
    amounts: nums,
    sentiment: rng.pick(['neutral', 'negative', 'positive', 'neutral']),
    topic: topicOf(text, 3).toLowerCase(),
    urgent: rng.chance(0.15),
  });
}
