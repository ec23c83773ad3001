// Text helpers: a token estimate close to a BPE tokenizer's, and the answers a model would
// serve for each kind of request (worked solutions, code, labels, verdicts, chat replies).
import type { CodeItem, CotItem, Corpus, MathItem } from './corpus.js';
import type { Rng } from './rng.js';

/** Rough BPE count: ~4 ASCII chars a token, accented Latin ~2, other scripts ~1 a char. */
export function tokens(text: string): number {
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    t += c < 128 ? 0.26 : c < 0x250 ? 0.55 : c < 0x3000 ? 0.95 : 1.3;
  }
  return Math.max(1, Math.round(t));
}

/** Cut text to about n tokens (what a max_tokens stop serves). */
export function truncateTokens(text: string, n: number): string {
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    t += c < 128 ? 0.26 : c < 0x250 ? 0.55 : c < 0x3000 ? 0.95 : 1.3;
    if (t >= n) return text.slice(0, i);
  }
  return text;
}

export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars).replace(/\s+\S*$/, '')}…`;
}

const OPENERS_MATH = [
  'Let’s work through it.',
  'Here is how to solve it.',
  'We can break this into a few pieces.',
  'Start with what we know.',
  'Let me set this up carefully.',
  '',
];

/** A worked solution with numbered steps and a final-answer line. */
export function workedMath(m: MathItem, r: Rng, style: 'steps' | 'prose' | 'brief'): string {
  const steps = m.steps.length ? m.steps : [`Working from the given values we get ${m.final}.`];
  if (style === 'brief') {
    return `${steps[steps.length - 1] ?? ''}\n\nAnswer: ${m.final}`.trim();
  }
  const out: string[] = [];
  const o = r.pick(OPENERS_MATH);
  if (o) out.push(o);
  if (style === 'steps') {
    steps.forEach((s, i) => out.push(`**Step ${i + 1}.** ${s}`));
    out.push(
      r.pick([
        `**Final answer:** ${m.final}`,
        `The answer is **${m.final}**.`,
        `Answer: ${m.final}`,
        `So the result is $\\boxed{${m.final}}$.`,
      ]),
    );
  } else {
    out.push(steps.join(' '));
    out.push(`Therefore the answer is ${m.final}.`);
  }
  return out.join('\n\n');
}

export function cotAnswer(c: CotItem, r: Rng, withReasoning: boolean): string {
  if (!withReasoning) return r.chance(0.5) ? c.answer : `The answer is ${c.answer}.`;
  return `${c.rationale}\n\n${r.pick(['So the answer is', 'Therefore, the answer is', 'Answer:'])} ${c.answer}`;
}

export function codeAnswer(c: CodeItem, r: Rng, corpus: Corpus, explain: boolean): string {
  const parts: string[] = [];
  if (explain || r.chance(0.6))
    parts.push(
      r.pick([
        `Here’s an implementation of \`${c.entry}\`:`,
        `You can do this in a few lines:`,
        `One straightforward way to write \`${c.entry}\`:`,
        `Here is a solution:`,
      ]),
    );
  parts.push('```python\n' + c.solution.trim() + '\n```');
  if (explain) {
    parts.push(`**How it works**\n\n${r.sample(corpus.sentences, 2).join(' ')}`);
    parts.push(
      r.pick([
        `The function runs in linear time in the size of the input.`,
        `Edge cases such as empty input are handled by the early return.`,
        `You can check it with a few asserts before wiring it into the rest of your code.`,
      ]),
    );
  }
  return parts.join('\n\n');
}

const TOPIC_STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'and',
  'in',
  'on',
  'for',
  'me',
  'you',
  'i',
  'is',
  'what',
  'how',
  'can',
  'please',
  'write',
  'explain',
]);

export function topicOf(prompt: string): string {
  const words = prompt
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !TOPIC_STOP.has(w.toLowerCase()))
    .slice(0, 6);
  return words.join(' ') || 'this';
}

/** A plausible assistant reply composed from corpus sentences, shaped by the ask. */
export function composeReply(prompt: string, r: Rng, corpus: Corpus, length: number): string {
  const p = prompt.toLowerCase();
  const topic = topicOf(prompt);
  const sentences = (n: number): string => r.sample(corpus.sentences, n).join(' ');
  if (/\b(code|function|script|python|sql|javascript|program|regex|bug)\b/.test(p)) {
    const c = r.pick(r.chance(0.5) ? corpus.mbpp : corpus.humaneval);
    return `${sentences(1)}\n\n\`\`\`python\n${c.solution.trim()}\n\`\`\`\n\n${sentences(Math.max(1, length - 2))}`;
  }
  if (/\b(poem|haiku|story|song|lyrics)\b/.test(p)) {
    return Array.from({ length: Math.max(2, length) }, () => sentences(2)).join('\n\n');
  }
  if (r.chance(0.45) && length >= 4) {
    const bullets = Array.from({ length: Math.min(7, length) }, () => `- ${sentences(1)}`);
    return `${r.pick(['Here are some points on', 'A few things to consider about', 'Good question about'])} ${topic}:\n\n${bullets.join('\n')}\n\n${sentences(1)}`;
  }
  const paras: string[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(length / 3)); i++)
    paras.push(sentences(Math.min(3, length)));
  return paras.join('\n\n');
}

// ---------- languages outside the biggest ten, for step-by-step asks ----------

export interface Lang {
  code: string;
  name: string;
  country: string;
  asks: string[];
  step: string;
  so: string;
  intro: string;
}

export const LANGS: Lang[] = [
  {
    code: 'yo',
    name: 'Yoruba',
    country: 'NG',
    asks: [
      'Jọ̀wọ́ yanjú ìbéèrè yìí ní ìgbésẹ̀-ìgbésẹ̀, kí o sì ṣàlàyé èrò rẹ ní èdè Yorùbá.',
      'Ṣe àlàyé bí o ṣe dé ìdáhùn náà, ìgbésẹ̀ kọ̀ọ̀kan, ní Yorùbá.',
      'Fi gbogbo ìrònú rẹ hàn kí o tó fún mi ní ìdáhùn ìkẹyìn.',
    ],
    step: 'Ìgbésẹ̀',
    so: 'Nítorí náà, ìdáhùn ni',
    intro: 'Ẹ jẹ́ ká wo ìbéèrè yìí dáadáa.',
  },
  {
    code: 'bn',
    name: 'Bengali',
    country: 'BD',
    asks: [
      'এই সমস্যাটি ধাপে ধাপে সমাধান করুন এবং আপনার যুক্তি বাংলায় ব্যাখ্যা করুন।',
      'প্রতিটি ধাপ দেখিয়ে উত্তরটি কীভাবে পেলেন তা বাংলায় লিখুন।',
      'চূড়ান্ত উত্তর দেওয়ার আগে পুরো চিন্তাপ্রক্রিয়া বাংলায় লিখে দেখান।',
    ],
    step: 'ধাপ',
    so: 'অতএব, উত্তর হল',
    intro: 'চলুন প্রশ্নটি ধাপে ধাপে দেখি।',
  },
  {
    code: 'vi',
    name: 'Vietnamese',
    country: 'VN',
    asks: [
      'Hãy giải bài toán này từng bước và giải thích lập luận của bạn bằng tiếng Việt.',
      'Trình bày chi tiết cách làm, mỗi bước một dòng, rồi cho đáp án cuối cùng.',
      'Giải thích vì sao ra được kết quả, viết đầy đủ các bước suy luận.',
    ],
    step: 'Bước',
    so: 'Vậy đáp án là',
    intro: 'Ta cùng phân tích đề bài.',
  },
  {
    code: 'tr',
    name: 'Turkish',
    country: 'TR',
    asks: [
      'Bu problemi adım adım çöz ve akıl yürütmeni Türkçe açıkla.',
      'Her adımı ayrı ayrı yazarak sonuca nasıl ulaştığını göster.',
      'Cevabı vermeden önce tüm düşünme sürecini ayrıntılı olarak yaz.',
    ],
    step: 'Adım',
    so: 'Dolayısıyla cevap',
    intro: 'Soruyu birlikte inceleyelim.',
  },
  {
    code: 'pl',
    name: 'Polish',
    country: 'PL',
    asks: [
      'Rozwiąż to zadanie krok po kroku i wyjaśnij swoje rozumowanie po polsku.',
      'Pokaż każdy etap obliczeń, a na końcu podaj wynik.',
      'Opisz dokładnie tok myślenia, zanim podasz ostateczną odpowiedź.',
    ],
    step: 'Krok',
    so: 'Zatem odpowiedź to',
    intro: 'Przeanalizujmy treść zadania.',
  },
  {
    code: 'hi',
    name: 'Hindi',
    country: 'IN',
    asks: [
      'इस प्रश्न को चरण-दर-चरण हल करें और अपना तर्क हिंदी में समझाएँ।',
      'हर चरण लिखकर बताइए कि उत्तर तक कैसे पहुँचे।',
      'अंतिम उत्तर देने से पहले अपनी पूरी सोच विस्तार से लिखिए।',
    ],
    step: 'चरण',
    so: 'इसलिए उत्तर है',
    intro: 'आइए प्रश्न को ध्यान से देखें।',
  },
  {
    code: 'sw',
    name: 'Swahili',
    country: 'KE',
    asks: [
      'Tatua swali hili hatua kwa hatua na ueleze hoja zako kwa Kiswahili.',
      'Onyesha kila hatua ya hesabu kabla ya kutoa jibu la mwisho.',
      'Eleza kwa kina jinsi ulivyofikiri hadi kupata jibu.',
    ],
    step: 'Hatua',
    so: 'Kwa hiyo, jibu ni',
    intro: 'Tuchambue swali hili.',
  },
  {
    code: 'tl',
    name: 'Tagalog',
    country: 'PH',
    asks: [
      'Lutasin ang problemang ito nang hakbang-hakbang at ipaliwanag ang iyong pangangatwiran sa Tagalog.',
      'Ipakita ang bawat hakbang bago ibigay ang huling sagot.',
      'Isulat nang buo kung paano mo narating ang sagot.',
    ],
    step: 'Hakbang',
    so: 'Kaya ang sagot ay',
    intro: 'Suriin natin ang tanong.',
  },
];

/** The worked solution in the asked language (equations stay as they are). */
export function workedMathIn(lang: Lang, m: MathItem): string {
  const out = [lang.intro];
  m.steps.forEach((s, i) => {
    const eqs = s.match(/[$\d][^a-zA-Z]*[=][^a-zA-Z]*\d/g);
    out.push(`${lang.step} ${i + 1}: ${eqs ? eqs.join('; ') : s}`);
  });
  out.push(`${lang.so} ${m.final}.`);
  return out.join('\n');
}

// ---------- reworded asks: no fixed phrasing, no common trigger words ----------

const RW_OPEN = [
  '',
  'Quick one.',
  'Stuck on this.',
  'Got this from a worksheet.',
  'My friend and I disagree on this:',
  'Could you take a look?',
  'Hey,',
  'Need a hand here.',
  'From a practice set I’m doing:',
  'This came up at work today.',
  'Been staring at this for a while.',
  'Sanity check please.',
  'Not sure I set this up right.',
];
const RW_ASK = [
  'walk me through how you get there',
  'show me how you’d get to the result, one line at a time',
  'how do you get from the question to the number?',
  'go through it slowly so I can follow',
  'lay out each part of the calculation',
  'I want to see the whole path, not only the result',
  'break it down for me',
  'what does each stage of the working look like?',
  'show all the intermediate values',
  'could you go through it piece by piece',
  'tell me how each number comes about',
  'explain it like you would to a classmate',
];
const RW_CLOSE = ['', 'Thanks!', 'thx', 'Cheers.', 'Appreciate it.', '🙏', 'ty', 'Much obliged.'];

export function reword(q: string, r: Rng): string {
  const open = r.pick(RW_OPEN);
  let ask = r.pick(RW_ASK);
  if (r.chance(0.3)) ask = ask[0]!.toUpperCase() + ask.slice(1);
  const close = r.pick(RW_CLOSE);
  const body = r.chance(0.2) ? q.replace(/\s+/g, ' ').toLowerCase() : q;
  const layout = r.int(0, 3);
  const parts =
    layout === 0
      ? [open, body, `${ask}${r.pick(['.', '?', '', '!'])}`, close]
      : layout === 1
        ? [open, `${ask}:`, body, close]
        : layout === 2
          ? [`${body}`, `— ${ask}`]
          : [open, `"${body}"`, ask, close];
  return parts.filter(Boolean).join(r.pick(['\n\n', ' ', '\n']));
}

// ---------- first names for e-mail addresses ----------

export const FIRST = [
  'james',
  'maria',
  'wei',
  'priya',
  'ahmed',
  'sofia',
  'liam',
  'yuki',
  'olu',
  'anna',
  'carlos',
  'fatima',
  'noah',
  'mei',
  'ivan',
  'zara',
  'lucas',
  'aisha',
  'tom',
  'elena',
  'raj',
  'chloe',
  'ben',
  'nadia',
  'kofi',
  'lena',
  'diego',
  'hana',
  'sam',
  'irene',
  'minh',
  'emre',
  'kasia',
  'arjun',
  'grace',
  'jonas',
  'amara',
  'felix',
  'nora',
  'omar',
];
export const LAST = [
  'smith',
  'garcia',
  'chen',
  'patel',
  'khan',
  'rossi',
  'murphy',
  'tanaka',
  'adeyemi',
  'novak',
  'silva',
  'ali',
  'brown',
  'wang',
  'petrov',
  'hussain',
  'martin',
  'okafor',
  'lee',
  'fischer',
  'sharma',
  'dubois',
  'kim',
  'nguyen',
  'yilmaz',
  'kowalski',
  'mensah',
  'schmidt',
  'lopez',
  'mwangi',
  'das',
  'cohen',
  'park',
  'jones',
  'haddad',
  'berg',
];
