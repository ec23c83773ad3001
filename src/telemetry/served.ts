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
 * headings of every language that writes numerals as digits. A grade is a number over a
 * scale's top (4, 5, 7, 10 or 100) or a judge's bracketed verdict, the forms rubric and
 * pairwise judge prompts ask for (MT-Bench's "[[rating]]", Zheng et al. 2023, arXiv
 * 2306.05685), in whatever language the justification around it is written.
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
  /**
   * Lines that give a grade: a mark on a scale ("7/10", "Correctness (3/4)", "4.5 / 5") on a
   * line without an equation, or a judge's bracketed verdict ("[[8]]", "[[A]]"). Absent in
   * events written before it was measured.
   */
  grades?: number;
  /**
   * 1 when the answer closes on a final-answer line after an explanation — "Final answer:
   * (E)", "Respuesta: 42", "#### 18", "\\boxed{7}", "… is (B)." — the rationale-then-label form
   * rationale distillation collects (Hsieh et al. 2023, arXiv 2305.02301), else 0. Absent in
   * events written before it was measured.
   */
  answers?: number;
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

/** The tops of the scales grades are given on ("x/4" rubric items, "x/5", "x/7", "x/10", "x/100"). */
function isScaleTop(v: number): boolean {
  return v === 4 || v === 5 || v === 7 || v === 10 || v === 100;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A judge's bracketed verdict at `i` ("[[" found there): a number up to 3 digits (one decimal) or one letter. */
function bracketVerdict(line: string, i: number): boolean {
  let j = i + 2;
  while (line.charCodeAt(j) === 32) j++;
  const c = line.charCodeAt(j);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) j++;
  else {
    const n = scoreAt(line, j);
    if (n === 0) return false;
    j += n;
  }
  while (line.charCodeAt(j) === 32) j++;
  return line.startsWith(']]', j);
}

/** A grade on a scale around the "/" at `k`: "7/10", "3.5 / 5", "85/100"; not a date, a path or a larger fraction. */
function scaleGrade(line: string, k: number): boolean {
  let a = k - 1;
  while (a >= 0 && line.charCodeAt(a) === 32) a--;
  let s = a;
  let dot = -1;
  while (s >= 0 && (isAsciiDigit(line.charCodeAt(s)) || (line.charCodeAt(s) === 46 && dot < 0))) {
    if (line.charCodeAt(s) === 46) dot = s;
    s--;
  }
  // The score: 1-3 digits, maybe one decimal ("4.5"), not the tail of a longer number or path.
  if (s === a || !isAsciiDigit(line.charCodeAt(s + 1)) || !isAsciiDigit(line.charCodeAt(a)))
    return false;
  if (a - s > (dot < 0 ? 3 : 6)) return false;
  const before = s >= 0 ? line.charCodeAt(s) : -1;
  if (before === 47 || before === 46 || before === 44) return false; // "/", ".", ","
  let b = k + 1;
  while (line.charCodeAt(b) === 32) b++;
  let e = b;
  while (e < line.length && e - b < 4 && isAsciiDigit(line.charCodeAt(e))) e++;
  if (e === b || isAsciiDigit(line.charCodeAt(e))) return false;
  const top = Number(line.slice(b, e));
  const after = line.charCodeAt(e);
  // A date (1/5/2024), a path, or a decimal top ("7/10.5") is not a grade.
  if (after === 47 || (after === 46 && isAsciiDigit(line.charCodeAt(e + 1)))) return false;
  return isScaleTop(top) && Number(line.slice(s + 1, a + 1)) <= top;
}

/** The length of a score at `i`: 1–3 digits, maybe one decimal ("7", "4.5", "85"); 0 for none. */
function scoreAt(line: string, i: number): number {
  let j = i;
  while (j < line.length && j - i < 3 && isAsciiDigit(line.charCodeAt(j))) j++;
  if (j === i) return 0;
  if (line.charCodeAt(j) === 46 && isAsciiDigit(line.charCodeAt(j + 1))) j += 2;
  return isAsciiDigit(line.charCodeAt(j)) ? 0 : j - i;
}

/**
 * A one-member JSON object holding a score, on a line of its own: `{"score": 5}`, `{"rating":
 * 4.5}` — what judge prompts that ask for machine-readable output get, whatever the key's
 * language.
 */
function jsonScore(line: string): boolean {
  if (line.length > 48 || line.charCodeAt(0) !== 123 || !line.endsWith('}')) return false;
  if (line.includes(',')) return false;
  const colon = line.indexOf(':');
  if (colon < 3 || line.charCodeAt(colon - 1) !== 34) return false;
  let i = colon + 1;
  while (line.charCodeAt(i) === 32) i++;
  const n = scoreAt(line, i);
  if (n === 0) return false;
  i += n;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length - 1;
}

/** Prometheus's "[RESULT] 4" verdict (Kim et al. 2023, arXiv 2310.08491). */
function resultVerdict(line: string): boolean {
  const i = line.indexOf('[RESULT]');
  if (i < 0) return false;
  let j = i + 8;
  while (line.charCodeAt(j) === 32) j++;
  return scoreAt(line, j) > 0;
}

/**
 * Characters of a line a grade on a scale may sit in: a verdict and its reasons in one
 * paragraph ("Reply 1 is better. Scores: reply 1 — 6/10, reply 2 — 1/10. Reply 1 answers …").
 */
const MAX_GRADE_LINE = 320;

/** Whether a line gives a grade (ServedShape.grades). */
function gradeLine(line: string): boolean {
  for (let i = line.indexOf('[['); i >= 0; i = line.indexOf('[[', i + 2))
    if (bracketVerdict(line, i)) return true;
  if (line.charCodeAt(0) === 123 && jsonScore(line)) return true;
  if (resultVerdict(line)) return true;
  // A score in a sentence of prose or a rubric line, not a fraction in a computation.
  if (line.length > MAX_GRADE_LINE || line.includes('=')) return false;
  for (let k = line.indexOf('/'); k >= 0; k = line.indexOf('/', k + 1))
    if (scaleGrade(line, k)) return true;
  return false;
}

/**
 * A line that is a label and a score, "X: 8", "Helpfulness: 4", "Antwort B: 7.5": one row of a
 * scorecard (servedShape counts two such rows in a row, in a short answer, as a grade).
 */
function labelScore(line: string): boolean {
  if (line.length > 40) return false;
  const colon = line.indexOf(':');
  if (colon < 1 || colon > MAX_CARD_LABEL || isAsciiDigit(line.charCodeAt(0))) return false;
  let i = colon + 1;
  while (line.charCodeAt(i) === 32) i++;
  const n = scoreAt(line, i);
  if (n === 0 || Number(line.slice(i, i + n)) > 100) return false;
  i += n;
  while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 42) i++;
  return i === line.length;
}

const MAX_CARD_LABEL = 20;
/** Words a verdict-first answer gives after its number, at least (a reason, not a bare label). */
const VERDICT_WORDS = 8;
/** Lines an answer may have for its label-score rows to be a scorecard, not data in prose. */
const MAX_CARD_LINES = 8;

/** A line that is a bare score ("9", "4.5"): a grade when a justification follows it. */
function bareScore(line: string): boolean {
  // Emphasis and spaces around it only: "1." and "2)" are list items.
  let a = 0;
  let b = line.length;
  while (a < b && (line.charCodeAt(a) === 42 || isSpace(line.charCodeAt(a)))) a++;
  while (b > a && (line.charCodeAt(b - 1) === 42 || isSpace(line.charCodeAt(b - 1)))) b--;
  const n = scoreAt(line, a);
  return n > 0 && a + n === b && Number(line.slice(a, b)) <= 100;
}

const MAX_LABEL = 32;
const MAX_VALUE = 32;

/** Count the space-separated words of `s` (at most `max + 1`). */
function words(s: string, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n <= max; i++) {
    const sp = isSpace(s.charCodeAt(i));
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

/** Strip Markdown emphasis, a trailing stop and spaces from both ends. */
function bareLine(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && isMark(line.charCodeAt(a))) a++;
  for (;;) {
    const c = line.charCodeAt(b - 1);
    if (b > a && (c === 42 || c === 46 || c === 0x3002 || c === 36 || isSpace(c))) b--;
    else break;
  }
  return line.slice(a, b);
}

/**
 * Whether a line states a final answer: a short label, a colon, a short value ("Final answer:
 * (E)", "Jibu: 42", "答案：12"); GSM8K's "#### 18"; a LaTeX "\\boxed{…}"; or a sentence that
 * ends on a parenthesised option letter ("… is (B).").
 */
function answerLine(line: string): boolean {
  if (line.startsWith('####') || line.includes('\\boxed{')) return true;
  const bare = bareLine(line);
  if (bare.length === 0 || bare.length > 120) return false;
  let colon = -1;
  for (let i = 0; i < bare.length && i <= MAX_LABEL; i++) {
    const c = bare.charCodeAt(i);
    if (c === 58 || c === 0xff1a) {
      colon = i;
      break;
    }
  }
  if (colon > 0) {
    const label = bareLine(bare.slice(0, colon));
    const value = bareLine(bare.slice(colon + 1));
    if (
      label.length > 0 &&
      words(label, 3) <= 3 &&
      value.length > 0 &&
      value.length <= MAX_VALUE &&
      words(value, 3) <= 3
    )
      return true;
  }
  // "(A)" … "(E)" at the end.
  const n = bare.length;
  if (n >= 3 && bare.charCodeAt(n - 1) === 41 && bare.charCodeAt(n - 3) === 40) {
    const c = bare.charCodeAt(n - 2);
    return (c >= 65 && c <= 69) || (c >= 97 && c <= 101);
  }
  return false;
}

/** Characters of explanation a final-answer line must follow to count (ServedShape.answers). */
const EXPLAINED = 150;

/**
 * The shape of an answer. Reads at most the first 16 KB (a derivation shows its structure
 * early; the cost per event stays bounded).
 * @example servedShape('Step 1: x + 2 = 5\nStep 2: x = 3').steps // 2
 */
export function servedShape(text: string): Required<ServedShape> {
  const s = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  let lines = 0;
  let steps = 0;
  let math = 0;
  let code = 0;
  let grades = 0;
  let inCode = false;
  let at = 0;
  // The last line of prose and where it started: a final answer closes the answer.
  let lastStart = -1;
  let lastEnd = -1;
  // The first line a bare score (a grader's "9" before its justification).
  let firstBare = false;
  // Label-score rows in a row, and runs of two or more (a scorecard: "X: 8", "Y: 5").
  let cardRows = 0;
  let cards = 0;
  // The first line opens on a number ("4. …", "Reply 1. …"): a verdict first, when nothing else is numbered.
  let firstNumbered = false;
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
        lastStart = -1;
      } else if (!inCode) {
        lines++;
        // Markdown emphasis or a heading mark before the number ("**Step 1:**", "### 2.").
        let m = 0;
        while (m < line.length && isMark(line.charCodeAt(m))) m++;
        const bare = m === 0 ? line : line.slice(m);
        const step = numbered(bare);
        if (step) {
          steps++;
          if (lines === 1) firstNumbered = true;
        }
        if (equation(line)) math++;
        if (gradeLine(line)) grades++;
        else if (lines === 1) firstBare = bareScore(line);
        // (Not a numbered step's value, "Step 1: 79", under its answer line: a derivation's.)
        if (!step && labelScore(bare)) {
          if (++cardRows === 2) cards++;
        } else cardRows = 0;
        lastStart = i;
        lastEnd = end;
      }
    }
    at = end + 1;
  }
  // A bare score first, then the justification (G-Eval's and many rubric prompts' form).
  if (firstBare && lines >= 2) grades++;
  // A short answer of scores per option or criterion is a grader's card; not beside code (a
  // worked example's "Input: 3" / "Output: 6") nor in a long answer's data.
  if (cards > 0 && code === 0 && lines <= MAX_CARD_LINES) grades += cards;
  // A verdict, then why, in a line or two: "6. It answers the question and stays accurate",
  // "Reply 1. The first reply treats the person with more care". A list has a second item, a
  // derivation its equations.
  if (
    grades === 0 &&
    firstNumbered &&
    steps === 1 &&
    lines <= 2 &&
    code === 0 &&
    math === 0 &&
    words(s, VERDICT_WORDS) >= VERDICT_WORDS
  )
    grades++;
  const answers =
    !inCode && lastStart >= EXPLAINED && lines >= 2 && answerLine(s.slice(lastStart, lastEnd))
      ? 1
      : 0;
  return { chars: s.length, lines, steps, math, code, grades, answers };
}
