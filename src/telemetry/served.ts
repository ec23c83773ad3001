/**
 * What an answer looked like, measured on the text Moat served, in any language: how many
 * of its lines are enumerated steps, equations or code, and whether it is a short verdict.
 * The gateway records it in each telemetry event (`response.served`) so the detector can
 * judge what was harvested without reading the prompt's wording, and `moat analyze` computes
 * it from `response.text` for logs that lack it.
 *
 * Only script-independent marks are used: digits, punctuation, code fences, `=`. A numbered
 * line is "1.", "2)", "(3)", "٣.", "四、", or any single word followed by a number and a
 * colon or stop ("Step 2:", "Paso 3.", "Hatua 4:", "Adım 5:"), which covers the step
 * headings of every language that writes numerals as digits.
 */

/** Shape of one served answer. */
export interface ServedShape {
  /** Characters of text measured (the stored text may be truncated). */
  chars: number;
  /** Non-empty lines. */
  lines: number;
  /** Enumerated lines: "1.", "(2)", "Step 3:" and the like. */
  steps: number;
  /** Lines that state an equation or a computation ("x = 4", "12 × 3 = 36", LaTeX). */
  math: number;
  /** Fenced code blocks. */
  code: number;
}

const MAX_SCAN = 16_384;

function isDigit(c: number): boolean {
  // ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, fullwidth.
  return (
    (c >= 48 && c <= 57) ||
    (c >= 0x660 && c <= 0x669) ||
    (c >= 0x6f0 && c <= 0x6f9) ||
    (c >= 0x966 && c <= 0x96f) ||
    (c >= 0x9e6 && c <= 0x9ef) ||
    (c >= 0xff10 && c <= 0xff19)
  );
}

/** CJK numerals used as list markers ("一、", "第二步"). */
const CJK_NUMERALS = '一二三四五六七八九十';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** `#`, `*`, `_`, `>` or whitespace (what `\s` matches): marks that may precede a step number. */
function isMark(c: number): boolean {
  return (
    c === 35 ||
    c === 42 ||
    c === 95 ||
    c === 62 ||
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether `line` (already trimmed at the start) opens with an enumeration mark. */
function numbered(line: string): boolean {
  let i = 0;
  if (line.charCodeAt(0) === 40) i = 1; // "(3)"
  const start = i;
  while (i < line.length && i - start < 3 && isDigit(line.charCodeAt(i))) i++;
  if (i > start) {
    const c = line.charCodeAt(i);
    // 1. 1) 1: 1、 1．
    return c === 46 || c === 41 || c === 58 || c === 0x3001 || c === 0xff0e || c === 0xff09;
  }
  const first = line[0] ?? '';
  if (CJK_NUMERALS.includes(first) && (line[1] === '、' || line[1] === '.')) return true;
  if (first === '第' && CJK_NUMERALS.includes(line[1] ?? '')) return true;
  // A single word, then a number, then ":" or "." — "Step 2:", "Schritt 3.", "Hatua 4:".
  let j = 0;
  while (j < line.length && j < 24 && !isSpace(line.charCodeAt(j)) && !isDigit(line.charCodeAt(j)))
    j++;
  if (j === 0 || j >= 24) return false;
  while (j < line.length && isSpace(line.charCodeAt(j))) j++;
  const d = j;
  while (j < line.length && j - d < 3 && isDigit(line.charCodeAt(j))) j++;
  if (j === d) return false;
  const c = line.charCodeAt(j);
  return c === 58 || c === 46 || c === 41 || c === 0xff1a;
}

/** Whether a line states an equation or computation. */
function equation(line: string): boolean {
  if (
    line.includes('\\frac') ||
    line.includes('\\(') ||
    line.includes('\\[') ||
    line.includes('$$')
  )
    return true;
  const eq = line.indexOf('=');
  if (eq < 0 || line.startsWith('==', eq)) return false;
  // A digit or a single-letter variable on either side of "=" within a few characters.
  const near = line.slice(Math.max(0, eq - 12), eq + 12);
  for (let i = 0; i < near.length; i++) if (isDigit(near.charCodeAt(i))) return true;
  return /(^|[^\p{L}])\p{L}\s*=|=\s*\p{L}([^\p{L}]|$)/u.test(near);
}

/**
 * The shape of an answer. Reads at most the first 16 KB (a derivation shows its structure
 * early; the cost per event stays bounded).
 * @example servedShape('Step 1: x + 2 = 5\nStep 2: x = 3').steps // 2
 */
export function servedShape(text: string): ServedShape {
  const s = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  let lines = 0;
  let steps = 0;
  let math = 0;
  let code = 0;
  let inCode = false;
  let at = 0;
  while (at <= s.length) {
    let end = s.indexOf('\n', at);
    if (end < 0) end = s.length;
    let i = at;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i < end) {
      const line = s.slice(i, end);
      if (line.startsWith('```') || line.startsWith('~~~')) {
        if (!inCode) code++;
        inCode = !inCode;
      } else if (!inCode) {
        lines++;
        // Markdown emphasis or a heading mark before the number ("**Step 1:**", "### 2.").
        let m = 0;
        while (m < line.length && isMark(line.charCodeAt(m))) m++;
        const bare = m === 0 ? line : line.slice(m);
        if (numbered(bare)) steps++;
        if (equation(line)) math++;
      }
    }
    at = end + 1;
  }
  return { chars: s.length, lines, steps, math, code };
}
