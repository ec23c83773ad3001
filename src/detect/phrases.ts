/**
 * Intent families of a prompt, robust to paraphrase and language: a family fires when
 * the prompt holds words from two or more *concepts* (e.g. "reasoning" and "make it
 * explicit"), each concept a list of stems in English, Spanish, French, German,
 * Portuguese, Italian, Chinese, Japanese, Russian and Korean. No single fixed phrase
 * decides; a paraphrase keeps the concepts even when it changes every word order.
 * Phrasing reported in THREATS.md (reasoning-trace harvesting, model as grader,
 * "safe" rewrites) and the Alpaca instruction-generation prompt shaped the concepts.
 */

import { CHAR_CLASS, CJK, OTHER, WORD } from './text.js';

const C = {
  think: 1,
  step: 2,
  explicit: 4,
  explain: 8,
  score: 16,
  target: 32,
  scale: 64,
  rewrite: 128,
  safe: 256,
  make: 512,
  set: 1024,
  prefer: 2048,
} as const;

/** Stems per concept; `\b` is added around short ASCII stems that would match inside words. */
const STEMS: Record<keyof typeof C, string[]> = {
  think: [
    'reasoning',
    'reason through',
    'reason about',
    'reason carefully',
    'your thinking',
    'thinking process',
    'thought process',
    'chain of thought',
    'chain-of-thought',
    'internal monologue',
    'inner monologue',
    'your thoughts',
    'think through',
    'razonamiento',
    'razona',
    'pensamiento',
    'raisonnement',
    'raisonne',
    'réflexion',
    'begründung',
    'denkprozess',
    'gedankengang',
    'überlegung',
    'raciocínio',
    'raciocinio',
    'ragionamento',
    'ragiona',
    // The logic behind an answer, or thinking aloud, is the same ask in other words.
    'your logic',
    'logic behind',
    'think out loud',
    'thinking out loud',
    'think aloud',
    'thinking aloud',
    'how you got',
    'how you arrived',
    'how you reached',
    'gets you there',
    'tu lógica',
    'tu logica',
    'ta logique',
    'deine logik',
    'sua lógica',
    'tua logica',
    'en voz alta',
    'à voix haute',
    'laut denken',
    '逻辑',
    '思考の過程',
    'ход рассуждений',
    '논리',
    '推理',
    '思考过程',
    '思路',
    '思维',
    '推論',
    '思考プロセス',
    '考え方',
    'рассужд',
    'ход мысл',
    '추론',
    '사고 과정',
  ],
  step: [
    'step by step',
    'step-by-step',
    'each step',
    'every step',
    'show your work',
    'intermediate step',
    'each stage',
    'one step at a time',
    'paso a paso',
    'cada paso',
    'étape par étape',
    'etape par etape',
    'chaque étape',
    'schritt für schritt',
    'schritt-für-schritt',
    'jeden schritt',
    'passo a passo',
    'cada passo',
    'passo dopo passo',
    '一步一步',
    '逐步',
    '分步',
    '每一步',
    'ステップバイステップ',
    '段階的',
    'шаг за шагом',
    'пошагов',
    '단계별',
    '단계적',
  ],
  explicit: [
    'write out',
    'spell out',
    'lay out',
    'set out',
    'out loud',
    'aloud',
    'articulate',
    'in detail',
    'detailed',
    'explicit',
    'before answering',
    'before you answer',
    'before giving',
    'walk me through',
    'verbose',
    'detallad',
    'détaill',
    'ausführlich',
    'dettagliat',
    '详细',
    '詳しく',
    '詳細',
    'подробн',
    '자세히',
  ],
  explain: [
    'explain',
    'explanation',
    'justify',
    'derive',
    'derivation',
    'explica',
    'expliqu',
    'erklär',
    'erklar',
    'spiega',
    '解释',
    '説明',
    '解説',
    'объясн',
    '설명',
  ],
  score: [
    'score',
    'rate',
    'rating',
    'grade',
    'grading',
    'grader',
    'evaluate',
    'assess',
    'judge',
    'critique',
    'puntúa',
    'puntua',
    'califica',
    'evalúa',
    'evalua',
    'évalue',
    'évaluer',
    'noter',
    'bewerte',
    'benote',
    'avalie',
    'avalia',
    'pontua',
    'valuta',
    '评分',
    '打分',
    '评估',
    '评价',
    '採点',
    '評価',
    'оцени',
    '평가',
    '채점',
  ],
  target: [
    'response',
    'answer',
    'output',
    'completion',
    'candidate',
    'submission',
    'assistant',
    'respuesta',
    'réponse',
    'reponse',
    'antwort',
    'resposta',
    'risposta',
    '回答',
    '答案',
    '回复',
    '応答',
    'ответ',
    '답변',
    '응답',
  ],
  scale: [
    'on a scale',
    'scale of',
    'out of 10',
    '1-10',
    '1 to 10',
    '1 to 5',
    'from 1',
    '1-5',
    '/10',
    'rubric',
    'reward',
    'en una escala',
    'sur une échelle',
    'auf einer skala',
    'numa escala',
    'su una scala',
    'une note',
    'punktzahl',
    'puntuación',
    'nota de',
    'voto da',
    '分制',
    '满分',
    '评分标准',
    'по шкале',
    'балл',
    '점 척도',
    '점수',
    // Rating scales and the axes reward models are asked to score on (helpful, harmless,
    // honest: Askell et al. 2021; MT-Bench-style judges, Zheng et al. 2023).
    'likert',
    'point scale',
    'helpfulness',
    'harmlessness',
    'harmfulness',
    'honesty',
    'factuality',
    'coherence',
    'fluency',
  ],
  rewrite: [
    'rewrite',
    'rephrase',
    'reword',
    'reescrib',
    'reformula',
    'réécri',
    'reecri',
    'umschreib',
    'umformulier',
    'reescrev',
    'riscriv',
    '改写',
    '重写',
    '書き直',
    'перепиш',
    '다시 작성',
  ],
  safe: [
    'harmless',
    'non-harmful',
    'sanitiz',
    'segura',
    'seguro',
    'inofensiv',
    'sans danger',
    'sûre',
    'harmlos',
    'sicur',
    '安全',
    '無害',
    'безопас',
    '안전',
  ],
  make: [
    'come up with',
    'generate',
    'brainstorm',
    'produce',
    'create',
    'genera',
    'génère',
    'générer',
    'propose',
    'erzeuge',
    'erstelle',
    'gere',
    'crie',
    '生成',
    '提出',
    '作成',
    'сгенерир',
    'придума',
    '생성',
  ],
  set: [
    'diverse',
    'dataset',
    'training data',
    'task instructions',
    'synthetic',
    'diversos',
    'diversas',
    'verschiedene',
    'vielfältige',
    '多样',
    '多様',
    'разнообраз',
    '다양한',
    'seed tasks',
  ],
  // Preference labelling, the other way a reward model is trained: which of two responses
  // is better. Only "which …" and labelled-pair forms: "a better answer", "the preferred
  // output format" or "in response and" are ordinary asks and prose.
  prefer: [
    'which response',
    'which completion',
    'which reply',
    'which output',
    'which of the two',
    'pairwise',
    'preferred response',
    'preferred answer',
    'preferred completion',
    'human preference',
    'preference label',
    'response a:',
    'response b:',
    'assistant a:',
    'assistant b:',
    'cuál respuesta',
    'qué respuesta',
    'quelle réponse',
    'laquelle des deux',
    'welche antwort',
    'qual resposta',
    'quale risposta',
    '哪个回答',
    '哪个回复',
    'どちらの回答',
    'какой ответ',
    '어느 답변',
  ],
};

const SHORT = /^[a-z0-9 -]{1,6}$/;

interface Stem {
  text: string;
  bits: number;
  /** Matched only as a whole word (a short ASCII stem, like \b…\b). */
  whole: boolean;
}

/**
 * Hash of text[from, to) — the same FNV-1a the scanner computes on the fly, kept signed
 * (Math.imul's result) so the table keys and lookups are small integers, not heap numbers.
 */
function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * One bit per (hash mod 2^16) of every key in the stem tables below: a word whose bit is
 * clear matches no stem, so the per-word Map lookups (most words match nothing) are
 * skipped — a Bloom filter with one hash function (Bloom 1970).
 */
const FILTER_BITS = 1 << 16;
const filter = new Uint32Array(FILTER_BITS >>> 5);
const maybe = (h: number): boolean =>
  (filter[(h & (FILTER_BITS - 1)) >>> 5]! & (1 << (h & 31))) !== 0;

function put(map: Map<number, Stem[]>, key: number, stem: Stem): void {
  filter[(key & (FILTER_BITS - 1)) >>> 5]! |= 1 << (key & 31);
  const list = map.get(key);
  if (list) list.push(stem);
  else map.set(key, [stem]);
}

/**
 * Stem tables, keyed so that a single pass over the words finds every candidate:
 * whole short words (matched exactly, like \b…\b) and phrases (both by their first word,
 * in one table: one lookup per word), word prefixes (by the hash of their first 2, 3 or 4
 * characters) and CJK stems (by first character).
 */
const words = new Map<number, Stem[]>();
const prefix = [new Map<number, Stem[]>(), new Map<number, Stem[]>(), new Map<number, Stem[]>()];
const cjk = new Map<number, Stem[]>();
for (const [concept, stems] of Object.entries(STEMS) as Array<[keyof typeof C, string[]]>) {
  for (const text of stems) {
    let w = 0;
    while (w < text.length && CHAR_CLASS[text.charCodeAt(w)] === WORD) w++;
    const whole = w === text.length && SHORT.test(text);
    const stem = { text, bits: C[concept], whole };
    if (w === 0) put(cjk, text.charCodeAt(0), stem);
    else if (w < text.length || whole) put(words, hashOf(text, 0, w), stem);
    else {
      const k = Math.min(4, text.length);
      put(prefix[k - 2]!, hashOf(text, 0, k), stem);
    }
  }
}

/** Bits of the stems in `list` found at `at`; a whole-word stem must also be the word there (`wordLen` long). */
function match(list: Stem[] | undefined, lower: string, at: number, wordLen: number): number {
  if (!list) return 0;
  let bits = 0;
  for (const s of list) {
    if (s.whole && s.text.length !== wordLen) continue;
    if (lower.startsWith(s.text, at)) bits |= s.bits;
  }
  return bits;
}

/** Bitmask of the concepts present in (already lower-cased) text: one pass, no allocation. */
export function concepts(lower: string): number {
  const cls = CHAR_CLASS;
  let mask = 0;
  let i = 0;
  const n = lower.length;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const k = cls[c];
    if (k === CJK) {
      mask |= match(cjk.get(c), lower, i, 0);
      i++;
      continue;
    }
    if (k === OTHER) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5 | 0;
    if (c < 0x80) {
      // ASCII prefix stems are all 7+ characters (shorter ones match whole words), so a word
      // starting with an ASCII letter needs only the 4-character prefix table, looked up
      // between the word's first four characters and the rest.
      const four = Math.min(n, start + 4);
      while (i < four) {
        const d = lower.charCodeAt(i);
        if (cls[d] !== WORD) break;
        h = Math.imul(h ^ d, 0x01000193);
        i++;
      }
      if (i - start === 4) {
        if (maybe(h)) mask |= match(prefix[2]!.get(h), lower, start, 0);
        while (i < n) {
          const d = lower.charCodeAt(i);
          if (cls[d] !== WORD) break;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
        }
      }
    } else {
      // Words starting with a non-ASCII letter also need the 2- and 3-character prefix tables.
      while (i < n) {
        const d = lower.charCodeAt(i);
        if (cls[d] !== WORD) break;
        h = Math.imul(h ^ d, 0x01000193);
        i++;
        const len = i - start;
        if (len <= 4 && len >= 2 && maybe(h))
          mask |= match(prefix[len - 2]!.get(h), lower, start, 0);
      }
    }
    if (maybe(h)) mask |= match(words.get(h), lower, start, i - start);
  }
  return mask;
}

/** Most system prompts remembered by systemConcepts; past that the memo starts over. */
const SYSTEM_MEMO_SIZE = 1024;
const systemMemo = new Map<string, number>();

/**
 * concepts() of a system prompt's first 240 characters, lower-cased. An application sends
 * the same system prompt with every request, so the masks are memoised by text (the Map
 * hashes and compares it natively, far faster than scanning it); a pure function's memo,
 * bounded, so no result depends on what it holds.
 */
export function systemConcepts(system: string): number {
  const s = system.length > 240 ? system.slice(0, 240) : system;
  let mask = systemMemo.get(s);
  if (mask === undefined) {
    mask = concepts(s.toLowerCase());
    if (systemMemo.size >= SYSTEM_MEMO_SIZE) systemMemo.clear();
    // Kept as a fresh copy: a slice (of a long prompt, or of the line it was parsed from)
    // would keep the whole text it was cut from alive.
    systemMemo.set([...s].join(''), mask);
  }
  return mask;
}

function has(mask: number, bits: number): boolean {
  return (mask & bits) === bits;
}

/** Which intent families a prompt expresses. */
export interface Intent {
  /** Asks for the model's reasoning to be written out. */
  reasoning: boolean;
  /** Uses the model as a grader / reward model, or asks for "safe" rewrites. */
  grader: boolean;
  /** Asks for many diverse instructions or data items (instruction harvesting). */
  datagen: boolean;
}

const REASONING = C.think | C.step | C.explicit | C.explain;
const GRADER = C.score | C.scale | C.rewrite | C.safe | C.prefer;
/**
 * A rating scale given as a range ("on a 1-7 scale", "1 to 100 point scale") or a score
 * "out of 7": looked for only beside a grading verb, and never a bare range ("evaluate the
 * integral from 0 to 3" is arithmetic, not grading).
 */
const RATING_RANGE =
  /(?:^|[^\d.])[01] ?(?:-|–|—|to) ?(?:[2-9]|10|100)(?:[- ]points?)? scale|\bout of (?:[2-9]|10|100)(?!\d|\.\d)/;
const DATAGEN = C.make | C.set;

/**
 * Score a prompt (system text + last user text) into intent families. A family needs the
 * user turn to carry at least one of its concepts: a system prompt is the operator's fixed
 * frame for every request (an organisation's "reply with lists" assistant, say) and alone
 * says nothing about what each request asks for; it can complete an ask the user turn makes.
 */
export function intentOf(system: string, user: string): Intent {
  const u = user.length > 600 ? user.slice(0, 360) + '\n' + user.slice(-240) : user;
  const um = concepts(u.toLowerCase());
  // Concepts never span the newline that used to join the two, so the masks simply OR.
  const mask = system ? um | systemConcepts(system) : um;
  return {
    // Writing the reasoning out: a reasoning word with a step-wise / explicit / explain word,
    // or step-wise phrasing with an explain or explicit word ("explain step by step", "be
    // explicit about each step").
    reasoning:
      (um & REASONING) !== 0 &&
      ((has(mask, C.think) && (mask & (C.step | C.explicit | C.explain)) !== 0) ||
        has(mask, C.step | C.explain) ||
        has(mask, C.step | C.explicit)),
    // Grading: a grading verb with a scale or rubric ("final score" alone is not grading), a
    // rating range, or a choice between responses.
    grader:
      (um & GRADER) !== 0 &&
      (has(mask, C.score | C.scale) ||
        has(mask, C.rewrite | C.safe) ||
        has(mask, C.prefer | C.target) ||
        ((um & C.score) !== 0 && RATING_RANGE.test(u))),
    datagen: (um & DATAGEN) !== 0 && has(mask, C.make | C.set),
  };
}
