// Text helpers: plausible served answers built around the corpora, wording
// variation, and the multilingual phrase banks used by several personas.
import type { CodeItem, Corpus, MathItem } from './corpus.js';
import type { Rng } from './rng.js';

const STOP = new Set(
  'about above after again against also because been before being below between both could does doing down during each from further have having here into itself just more most other over same should some such than that their them then there these they this those through under until very what when where which while whom why will with would your yours you please write explain give make tell using like want need help thanks thank compare example concrete think really sure something things'.split(
    ' ',
  ),
);

export function keywords(text: string, k = 4): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []) {
    if (STOP.has(w) || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
    if (out.length >= k) break;
  }
  return out;
}

function cap(s: string): string {
  return s ? (s[0] ?? '').toUpperCase() + s.slice(1) : s;
}

export function firstLine(text: string, max = 90): string {
  const line = (text.split('\n').find((l) => l.trim()) ?? text).trim();
  return line.length > max ? `${line.slice(0, max).replace(/\s+\S*$/, '')}…` : line;
}

/** Gsm8k-style solution lines, LaTeX solutions, or a built-up derivation when the source has none. */
export function workedSolution(
  rng: Rng,
  m: MathItem,
  style: 'tutor' | 'plain' | 'terse' | 'headed',
): string {
  const lines = m.solution
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (style === 'terse') {
    const last = lines[lines.length - 1] ?? '';
    return lines.length > 1 && rng.chance(0.5) ? `${last}\n\nAnswer: ${m.answer}` : `${m.answer}`;
  }
  if (lines.length === 0) {
    const kw = keywords(m.q, 3);
    const body = [
      `Let's set up what the problem gives us${kw.length ? ` about ${kw.join(', ')}` : ''}.`,
      `Write the condition as an equation and simplify both sides.`,
      `Checking small cases shows the pattern holds, so we can apply it in general.`,
      `Substituting back confirms the value satisfies every condition in the statement.`,
    ];
    return `${body.join('\n\n')}\n\n**Answer:** ${m.answer}`;
  }
  if (style === 'tutor') {
    const intro = rng.pick([
      "Let's work through this carefully.",
      "Sure! Let's break this problem down.",
      "Here's how to solve it.",
      "Great question — let's go piece by piece.",
    ]);
    const steps = lines.map((l, i) => `**Step ${i + 1}:** ${l}`);
    return `${intro}\n\n${steps.join('\n\n')}\n\n**Final answer:** ${m.answer}`;
  }
  if (style === 'headed') {
    return `### Solution\n\n${lines.join('\n\n')}\n\n### Answer\n\n$${m.answer}$`;
  }
  return `${lines.join('\n')}\n\nSo the answer is ${m.answer}.`;
}

export function codeAnswer(
  rng: Rng,
  item: CodeItem,
  style: 'full' | 'code-only' | 'review',
): string {
  const code = item.solution.trim();
  if (style === 'code-only') return '```python\n' + code + '\n```';
  const intro = rng.pick([
    `Here's a straightforward implementation of \`${item.name}\`:`,
    `You can do this in a few lines:`,
    `One clean way to write it:`,
    `Sure — here's a function that does that.`,
  ]);
  const explain = rng.pick([
    `It runs in a single pass, so it's linear in the size of the input.`,
    `The helper keeps the logic readable; you could inline it if you prefer.`,
    `Edge cases such as an empty input are handled by the initial checks.`,
    `If you need it to handle very large inputs, consider an iterative version to avoid deep recursion.`,
  ]);
  const tests =
    item.tests.length && item.src === 'mbpp' && rng.chance(0.6)
      ? `\n\nQuick check:\n\n\`\`\`python\n${item.tests.slice(0, 3).join('\n')}\n\`\`\``
      : '';
  const review =
    style === 'review'
      ? `\n\n**How it works**\n\n1. ${explain}\n2. The return value matches the examples in the prompt.\n3. Each branch is covered by the tests above.`
      : `\n\n${explain}`;
  return `${intro}\n\n\`\`\`python\n${code}\n\`\`\`${review}${tests}`;
}

/** A generic but well-formed assistant answer about the prompt's subject. */
export function prose(
  rng: Rng,
  c: Corpus,
  prompt: string,
  targetTokens: number,
  kind = 'general',
): string {
  if (kind === 'code' && c.code.length) {
    const item = rng.pick(c.code);
    return codeAnswer(rng, item, rng.chance(0.4) ? 'review' : 'full');
  }
  const kw = keywords(prompt, 6);
  const topic = kw[0] ?? 'this';
  const parts: string[] = [];
  const opener = rng.pick([
    `Good question. Here's an overview of ${topic}.`,
    `Here's what you need to know about ${topic}.`,
    `There are a few angles to ${topic} worth separating.`,
    `Short answer: it depends, but here is how I'd think about ${topic}.`,
    `Sure! Below is a breakdown.`,
    `Happy to help with that.`,
  ]);
  parts.push(opener);
  let budget = targetTokens * 4 - opener.length;
  const listy = rng.chance(0.55);
  let i = 0;
  const used = new Set<string>();
  const index = sentenceIndex(c);
  const relevant = (j: number): string => {
    // a corpus sentence that mentions one of the prompt's words, else an on-topic template
    const w = kw[j % Math.max(1, kw.length)] ?? 'this';
    const pool = index.get(w) ?? [];
    if (pool.length && rng.chance(0.5)) {
      for (let k = 0; k < 4; k++) {
        const cand = rng.pick(pool);
        if (!used.has(cand)) {
          used.add(cand);
          return cand;
        }
      }
    }
    const other = kw[(j + 1 + rng.int(0, 3)) % Math.max(1, kw.length)] ?? 'the details';
    return cap(
      rng
        .pick(TOPIC_SENTENCES)
        .replace(/\{a\}/g, w)
        .replace(/\{b\}/g, other === w ? 'the details' : other),
    );
  };
  while (budget > 0 && i < 14) {
    const s1 = relevant(i);
    const s2 = relevant(i + 2);
    const head = cap(kw[i % Math.max(1, kw.length)] ?? 'consideration');
    const block = listy ? `${i + 1}. **${head}** — ${s1} ${s2}` : `${s1} ${s2}`;
    parts.push(block);
    budget -= block.length;
    i++;
  }
  parts.push(
    rng.pick([
      "Let me know if you'd like more detail on any of these.",
      'Hope this helps!',
      `In short, the right choice for ${topic} depends on your constraints.`,
      'If you share more about your situation I can tailor this.',
    ]),
  );
  return parts.join('\n\n');
}

const TOPIC_SENTENCES = [
  "the key thing with {a} is to be clear about what you're optimising for before comparing options.",
  'most people find that {a} matters more than {b} in practice, although both deserve attention.',
  'a common mistake is to treat {a} and {b} as if they were the same thing.',
  "if you're just starting with {a}, begin with the simplest version and add complexity only when you need it.",
  "it's worth checking how {a} interacts with {b}; that's usually where surprises come from.",
  "there's no single right answer for {a}, but the trade-offs are fairly clear.",
  'with {a}, consistency usually matters more than getting every detail perfect on day one.',
  'look at {a} from a few angles: cost, time, and what happens if it goes wrong.',
  'for {a}, a concrete example usually helps more than an abstract rule.',
  '{a} can vary a lot depending on context, so treat any rule of thumb as a starting point.',
  'when {b} is involved, the details of {a} change somewhat.',
  'one useful way to think about {a} is as a series of small decisions rather than one big one.',
  'you can usually tell whether {a} is working by watching {b} over a few weeks.',
  'writing down what you tried with {a} makes it much easier to improve later.',
  "if {a} feels overwhelming, split it into the parts you control and the parts you don't.",
  'the research on {a} is more mixed than popular articles suggest.',
  '{a} tends to go wrong at the edges, so test the unusual cases first.',
];

const INDEX = new WeakMap<Corpus, Map<string, string[]>>();
function sentenceIndex(c: Corpus): Map<string, string[]> {
  let m = INDEX.get(c);
  if (m) return m;
  m = new Map();
  for (const s of c.assistantSentences) {
    for (const w of new Set(s.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? [])) {
      if (STOP.has(w)) continue;
      const list = m.get(w);
      if (list) {
        if (list.length < 200) list.push(s);
      } else m.set(w, [s]);
    }
  }
  INDEX.set(c, m);
  return m;
}

/** An answer to a follow-up about a math problem, grounded in its solution. */
export function mathFollow(rng: Rng, m: MathItem, question: string, c: Corpus): string {
  const lines = m.solution
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const pickLine = (): string =>
    lines.length ? rng.pick(lines) : `the final step that gives ${m.answer}`;
  const q = question.toLowerCase();
  if (/another|other way|different way|quicker|faster/.test(q))
    return `Yes — you can also work backwards from what's being asked.\n\n${
      lines.length > 1
        ? [...lines]
            .reverse()
            .map((l, i) => `${i + 1}. ${l}`)
            .join('\n')
        : `Start from ${m.answer} and check it against each condition.`
    }\n\nBoth routes land on ${m.answer}; the forward version is usually easier to write up, the backward one is a good check.`;
  if (/wrong|mistake|trip/.test(q))
    return `The step most people get wrong is this one:\n\n> ${pickLine()}\n\nIt's easy to ${rng.pick(['apply the operation to the wrong quantity', 'forget to include the starting amount', 'mix up the order of subtraction', 'drop a unit when converting'])}. If you slow down there and label each number with what it represents, the rest follows, and you get ${m.answer}.`;
  if (/check|sure|sceptic|skeptic|convince|confirm/.test(q))
    return `To be sure, plug the result back in:\n\n${lines.slice(-2).join('\n') || m.answer}\n\nEverything is consistent with the conditions in the problem, and a rough estimate gives the same order of magnitude, so ${m.answer} holds up.`;
  if (/similar|make up|practi[cs]e/.test(q)) {
    const other = rng.pick(c.math);
    return `Here's one like it:\n\n**Problem:** ${other.q}\n\n**Solution:**\n${other.solution || 'Set up the quantities the same way as before.'}\n\n**Answer:** ${other.answer}`;
  }
  if (/summar|general|method|insight|key/.test(q))
    return `The general method:\n\n1. Identify exactly what the question asks for.\n2. Name each quantity given and how they relate.\n3. Combine them one relation at a time (here: ${firstLine(pickLine(), 80)}).\n4. Sanity-check the result — here ${m.answer}.\n\nThe key insight is that each sentence of the problem turns into one small calculation.`;
  if (/why|don't get|dont get|understand|mean/.test(q))
    return `Good question. In this line:\n\n> ${pickLine()}\n\nwe're combining the two amounts the problem gives us, because the question asks for the total effect of both. Think of it as answering a smaller question first, then using that answer in the next line. That's how we end up at ${m.answer}.`;
  return `Sure. ${lines.length ? `The important part is: ${pickLine()}` : ''} Putting it together gives ${m.answer}.`;
}

export function tidy(rng: Rng, s: string): string {
  // Small human variation: casing, trailing punctuation, occasional typo.
  let out = s;
  if (rng.chance(0.15)) out = out.toLowerCase();
  if (rng.chance(0.1)) out = out.replace(/[.!?]$/, '');
  if (rng.chance(0.08)) {
    const i = rng.int(1, Math.max(1, out.length - 2));
    out = out.slice(0, i) + out.slice(i + 1);
  }
  return out;
}

// ---------------------------------------------------------------- languages

export interface Lang {
  code: string;
  name: string;
  asks: string[]; // "solve and explain each step in <lang>" phrasings
  reconstruct: string; // "here is the answer {A}; write the thinking that leads to it"
  step: string;
  final: string;
  conn: string[];
  countries: string[];
  lowResource: boolean;
}

export const LANGS: Lang[] = [
  {
    code: 'sw',
    name: 'Swahili',
    asks: [
      'Tatua swali hili na ueleze kila hatua ya mawazo yako kwa Kiswahili.',
      'Nieleze jinsi unavyofikia jibu, hatua kwa hatua, kwa lugha ya Kiswahili.',
      'Jibu kwa Kiswahili. Onyesha hesabu zote na sababu ya kila hatua kabla ya jibu la mwisho.',
    ],
    reconstruct:
      'Jibu sahihi ni {A}. Andika kwa Kiswahili mawazo yote yanayoongoza kwenye jibu hili, kana kwamba unayafikiria mwenyewe.',
    step: 'Hatua',
    final: 'Kwa hiyo, jibu ni',
    conn: ['Kwanza,', 'Kisha,', 'Baada ya hapo,', 'Tunajua kwamba', 'Hii inamaanisha'],
    countries: ['KE'],
    lowResource: true,
  },
  {
    code: 'yo',
    name: 'Yoruba',
    asks: [
      'Yanju ibeere yii ki o si salaye gbogbo igbese ero re ni ede Yoruba.',
      'Fi han mi bi o se de idahun naa, ni igbese kookan, ni Yoruba.',
      'Dahun ni ede Yoruba. Ko gbogbo isiro ati idi fun igbese kookan sile.',
    ],
    reconstruct: 'Idahun to tọ ni {A}. Ko ero ti o yori si idahun yii sile ni ede Yoruba.',
    step: 'Igbese',
    final: 'Nitorina, idahun ni',
    conn: ['Akoko,', 'Lehin naa,', 'A mo pe', 'Eyi tumo si pe'],
    countries: ['NG'],
    lowResource: true,
  },
  {
    code: 'ha',
    name: 'Hausa',
    asks: [
      'Warware wannan tambaya kuma ka bayyana kowane mataki na tunaninka da Hausa.',
      'Nuna mini yadda ka isa ga amsar, mataki-mataki, da harshen Hausa.',
    ],
    reconstruct: 'Amsar daidai ita ce {A}. Rubuta tunanin da ya kai ga wannan amsa da Hausa.',
    step: 'Mataki',
    final: 'Saboda haka, amsar ita ce',
    conn: ['Da farko,', 'Sannan,', 'Mun san cewa', 'Wannan yana nufin'],
    countries: ['NG'],
    lowResource: true,
  },
  {
    code: 'am',
    name: 'Amharic',
    asks: [
      'ይህንን ጥያቄ ፍታ እና እያንዳንዱን የአስተሳሰብ ደረጃ በአማርኛ አብራራ።',
      'መልሱ ላይ እንዴት እንደደረስክ ደረጃ በደረጃ በአማርኛ አሳየኝ።',
      'በአማርኛ መልስ። ከመጨረሻው መልስ በፊት ሁሉንም ስሌቶችና ምክንያቶች ጻፍ።',
    ],
    reconstruct: 'ትክክለኛው መልስ {A} ነው። ወደዚህ መልስ የሚያደርሰውን አስተሳሰብ በአማርኛ ጻፍ።',
    step: 'ደረጃ',
    final: 'ስለዚህ መልሱ',
    conn: ['በመጀመሪያ፣', 'ከዚያ፣', 'እናውቃለን', 'ይህ ማለት'],
    countries: ['ET'],
    lowResource: true,
  },
  {
    code: 'zu',
    name: 'Zulu',
    asks: [
      'Xazulula lo mbuzo bese uchaza isinyathelo ngasinye sokucabanga kwakho ngesiZulu.',
      'Ngikhombise ukuthi ufike kanjani empendulweni, isinyathelo ngesinyathelo, ngesiZulu.',
    ],
    reconstruct: 'Impendulo efanele ithi {A}. Bhala ngesiZulu ukucabanga okuholela kule mpendulo.',
    step: 'Isinyathelo',
    final: 'Ngakho-ke, impendulo ithi',
    conn: ['Okokuqala,', 'Bese,', 'Siyazi ukuthi', 'Lokhu kusho ukuthi'],
    countries: ['ZA'],
    lowResource: true,
  },
  {
    code: 'tl',
    name: 'Tagalog',
    asks: [
      'Lutasin ang tanong na ito at ipaliwanag ang bawat hakbang ng iyong pag-iisip sa Tagalog.',
      'Ipakita mo kung paano mo nakuha ang sagot, isa-isang hakbang, sa wikang Filipino.',
      'Sumagot sa Tagalog. Isulat ang lahat ng kalkulasyon at ang dahilan ng bawat hakbang bago ang huling sagot.',
    ],
    reconstruct:
      'Ang tamang sagot ay {A}. Isulat sa Tagalog ang pag-iisip na humahantong sa sagot na ito.',
    step: 'Hakbang',
    final: 'Kaya, ang sagot ay',
    conn: ['Una,', 'Pagkatapos,', 'Alam natin na', 'Ibig sabihin nito'],
    countries: ['PH'],
    lowResource: true,
  },
  {
    code: 'bn',
    name: 'Bengali',
    asks: [
      'এই প্রশ্নটির সমাধান করো এবং তোমার চিন্তার প্রতিটি ধাপ বাংলায় ব্যাখ্যা করো।',
      'তুমি কীভাবে উত্তরে পৌঁছালে তা ধাপে ধাপে বাংলায় দেখাও।',
      'বাংলায় উত্তর দাও। চূড়ান্ত উত্তরের আগে সব হিসাব ও প্রতিটি ধাপের কারণ লেখো।',
    ],
    reconstruct: 'সঠিক উত্তর হলো {A}। এই উত্তরে পৌঁছানোর চিন্তাধারা বাংলায় লেখো।',
    step: 'ধাপ',
    final: 'সুতরাং, উত্তর হলো',
    conn: ['প্রথমে,', 'তারপর,', 'আমরা জানি যে', 'এর মানে'],
    countries: ['BD'],
    lowResource: true,
  },
  {
    code: 'ne',
    name: 'Nepali',
    asks: [
      'यो प्रश्न हल गर्नुहोस् र आफ्नो सोचाइको हरेक चरण नेपालीमा व्याख्या गर्नुहोस्।',
      'तपाईं उत्तरमा कसरी पुग्नुभयो, चरणबद्ध रूपमा नेपालीमा देखाउनुहोस्।',
    ],
    reconstruct: 'सही उत्तर {A} हो। यो उत्तरसम्म पुग्ने सोच नेपालीमा लेख्नुहोस्।',
    step: 'चरण',
    final: 'त्यसैले, उत्तर हो',
    conn: ['पहिले,', 'त्यसपछि,', 'हामीलाई थाहा छ कि', 'यसको अर्थ'],
    countries: ['NP'],
    lowResource: true,
  },
  {
    code: 'km',
    name: 'Khmer',
    asks: [
      'ដោះស្រាយសំណួរនេះ ហើយពន្យល់ជំហាននីមួយៗនៃការគិតរបស់អ្នកជាភាសាខ្មែរ។',
      'បង្ហាញខ្ញុំពីរបៀបដែលអ្នកទទួលបានចម្លើយ មួយជំហានម្តងៗ ជាភាសាខ្មែរ។',
    ],
    reconstruct: 'ចម្លើយត្រឹមត្រូវគឺ {A}។ សរសេរការគិតដែលនាំទៅដល់ចម្លើយនេះជាភាសាខ្មែរ។',
    step: 'ជំហាន',
    final: 'ដូច្នេះ ចម្លើយគឺ',
    conn: ['ដំបូង', 'បន្ទាប់មក', 'យើងដឹងថា', 'នេះមានន័យថា'],
    countries: ['KH'],
    lowResource: true,
  },
  {
    code: 'cy',
    name: 'Welsh',
    asks: [
      "Datryswch y cwestiwn hwn ac esboniwch bob cam o'ch rhesymu yn Gymraeg.",
      'Dangoswch i mi sut y daethoch at yr ateb, gam wrth gam, yn Gymraeg.',
    ],
    reconstruct:
      "Yr ateb cywir yw {A}. Ysgrifennwch yn Gymraeg y meddwl sy'n arwain at yr ateb hwn.",
    step: 'Cam',
    final: 'Felly, yr ateb yw',
    conn: ['Yn gyntaf,', 'Yna,', 'Gwyddom fod', 'Mae hyn yn golygu'],
    countries: ['GB'],
    lowResource: true,
  },
  {
    code: 'is',
    name: 'Icelandic',
    asks: [
      'Leystu þetta dæmi og útskýrðu hvert skref í hugsun þinni á íslensku.',
      'Sýndu mér hvernig þú komst að svarinu, skref fyrir skref, á íslensku.',
    ],
    reconstruct: 'Rétta svarið er {A}. Skrifaðu á íslensku hugsunina sem leiðir að þessu svari.',
    step: 'Skref',
    final: 'Þess vegna er svarið',
    conn: ['Fyrst,', 'Síðan,', 'Við vitum að', 'Þetta þýðir að'],
    countries: ['IS'],
    lowResource: true,
  },
  {
    code: 'id',
    name: 'Indonesian',
    asks: [
      'Selesaikan soal ini dan jelaskan setiap langkah pemikiranmu dalam bahasa Indonesia.',
      'Tunjukkan bagaimana kamu sampai pada jawabannya, langkah demi langkah, dalam bahasa Indonesia.',
    ],
    reconstruct:
      'Jawaban yang benar adalah {A}. Tuliskan pemikiran yang mengarah ke jawaban ini dalam bahasa Indonesia.',
    step: 'Langkah',
    final: 'Jadi, jawabannya adalah',
    conn: ['Pertama,', 'Kemudian,', 'Kita tahu bahwa', 'Artinya'],
    countries: ['ID'],
    lowResource: false,
  },
  {
    code: 'vi',
    name: 'Vietnamese',
    asks: [
      'Giải bài toán này và giải thích từng bước suy luận của bạn bằng tiếng Việt.',
      'Hãy cho tôi thấy bạn đi đến đáp án như thế nào, từng bước một, bằng tiếng Việt.',
    ],
    reconstruct:
      'Đáp án đúng là {A}. Hãy viết bằng tiếng Việt quá trình suy nghĩ dẫn đến đáp án này.',
    step: 'Bước',
    final: 'Vậy đáp án là',
    conn: ['Đầu tiên,', 'Sau đó,', 'Ta biết rằng', 'Điều này có nghĩa là'],
    countries: ['VN'],
    lowResource: false,
  },
  {
    code: 'pt',
    name: 'Portuguese',
    asks: [
      'Resolva este problema e explique cada passo do seu raciocínio em português.',
      'Mostre como você chegou à resposta, passo a passo, em português.',
    ],
    reconstruct:
      'A resposta correta é {A}. Escreva em português o raciocínio que leva a essa resposta.',
    step: 'Passo',
    final: 'Portanto, a resposta é',
    conn: ['Primeiro,', 'Depois,', 'Sabemos que', 'Isso significa que'],
    countries: ['BR'],
    lowResource: false,
  },
];

const EQ = /[$\d][\d.,$]*(?:\s*[-+*/x×÷]\s*[$\d(][\d.,$)]*)+\s*=\s*[$\d][\d.,$]*/g;

/** A worked answer in another language: connective prose in that language around the source's arithmetic. */
export function foreignWorked(rng: Rng, lang: Lang, m: MathItem): string {
  const eqs = m.solution.match(EQ) ?? [];
  const steps: string[] = [];
  const list = eqs.length ? eqs : [m.answer];
  list.forEach((eq, i) => {
    const conn = lang.conn[i % lang.conn.length] ?? '';
    steps.push(`${lang.step} ${i + 1}: ${conn} ${eq.trim()}.`);
  });
  if (steps.length < 3)
    steps.push(`${lang.step} ${steps.length + 1}: ${rng.pick(lang.conn)} ${m.answer}.`);
  return `${steps.join('\n')}\n\n${lang.final} ${m.answer}.`;
}

// ---------------------------------------------------------------- misc generators

export function fakePath(rng: Rng): string {
  const dir = rng.pick([
    'src',
    'lib',
    'app',
    'pkg',
    'internal',
    'services',
    'utils',
    'core',
    'api',
  ]);
  const sub = rng.pick([
    '',
    'handlers/',
    'models/',
    'db/',
    'auth/',
    'billing/',
    'parsers/',
    'jobs/',
  ]);
  const name = rng.pick([
    'client',
    'worker',
    'schema',
    'router',
    'cache',
    'session',
    'export',
    'report',
    'queue',
    'metrics',
    'config',
    'invoice',
  ]);
  const ext = rng.pick(['.py', '.py', '.ts', '.ts', '.go', '.rs', '.js']);
  return `${dir}/${sub}${name}${ext}`;
}

export function pytestOutput(rng: Rng, passed: number, failed: number, name: string): string {
  const dur = rng.float(0.2, 9).toFixed(2);
  if (failed === 0)
    return `============================= test session starts ==============================\ncollected ${passed} items\n\ntests/test_${name}.py ${'.'.repeat(Math.min(passed, 40))} [100%]\n\n============================== ${passed} passed in ${dur}s ==============================`;
  return `============================= test session starts ==============================\ncollected ${passed + failed} items\n\ntests/test_${name}.py ${'.'.repeat(Math.min(passed, 30))}${'F'.repeat(failed)} [100%]\n\n=================================== FAILURES ===================================\n___________________________ test_${name}_edge_case ___________________________\n\n    def test_${name}_edge_case():\n>       assert ${name}([]) == []\nE       AssertionError: assert None == []\n\ntests/test_${name}.py:${rng.int(12, 140)}: AssertionError\n=========================== short test summary info ============================\nFAILED tests/test_${name}.py::test_${name}_edge_case - AssertionError\n========================= ${failed} failed, ${passed} passed in ${dur}s =========================`;
}

export function diffFor(rng: Rng, path: string, code: string): string {
  const lines = code.split('\n').slice(0, 14);
  const start = rng.int(10, 300);
  const body = lines
    .map((l, i) => (i % 5 === 2 ? `-${l.replace(/\s+$/, '')} # old\n+${l}` : ` ${l}`))
    .join('\n');
  return `diff --git a/${path} b/${path}\nindex ${rng.hex(7)}..${rng.hex(7)} 100644\n--- a/${path}\n+++ b/${path}\n@@ -${start},${lines.length} +${start},${lines.length + 1} @@\n${body}`;
}
