// Wording: many phrasings per intent, in many languages, and answers that fit what was asked.
import type { CodeItem, CotItem, Corpora, Dialogue, MathItem } from './corpora.js';
import type { Rng } from './rng.js';

export const LANGS = [
  'en',
  'es',
  'fr',
  'de',
  'pt',
  'it',
  'zh',
  'ja',
  'ko',
  'ru',
  'tr',
  'vi',
  'id',
  'pl',
  'nl',
  'ar',
  'hi',
  'uk',
] as const;
export type Lang = (typeof LANGS)[number];

const cap = (s: string): string => (s ? (s[0] ?? '').toUpperCase() + s.slice(1) : s);

// -------------------------------------------------------------- asking for worked reasoning

const EN_OPEN = [
  '',
  '',
  'Please ',
  'Could you ',
  "I'd like you to ",
  'Take it slowly and ',
  'For this one, ',
  'When you answer, ',
  'Go ahead and ',
  'Mind you, I need you to ',
  'As usual, ',
];
const EN_CORE = [
  'show how you get there',
  'lay out each move you make on the way to the result',
  'explain what you are doing at every stage',
  "don't skip the intermediate working",
  'talk through your thinking before you commit to an answer',
  'work it out in full, line by line',
  'write out the derivation rather than just the result',
  'make every inference explicit',
  'reason it through out loud first',
  'narrate the process you follow, including dead ends',
  'justify each transition from one line to the next',
  'spell out the chain that connects the facts to the conclusion',
  'keep a running commentary of your thought process',
  'unpack the logic piece by piece',
  'go through it the way you would on a whiteboard',
  'document your approach and each calculation',
];
const EN_TAIL = [
  '',
  '',
  '.',
  ', then give the final result on its own line.',
  ' and finish with "Answer: <value>".',
  ', then box the final value.',
  '. Be thorough.',
  ' before concluding.',
  '; the final line should only have the answer.',
  '. Length is not a problem.',
  ', and double-check it at the end.',
];

const L_REASON: Record<Exclude<Lang, 'en'>, string[]> = {
  es: [
    'Explica cómo llegas al resultado, paso a paso.',
    'Desarrolla todo el razonamiento antes de dar la respuesta final.',
    'Muéstrame el proceso completo, sin saltarte cálculos intermedios.',
    'Razona en voz alta y luego da la solución.',
    'Quiero ver cada paso de la deducción.',
    'Detalla el procedimiento y justifica cada paso.',
  ],
  fr: [
    'Explique ta démarche étape par étape avant de conclure.',
    'Détaille tout le raisonnement, sans sauter de calcul.',
    'Montre-moi comment tu arrives au résultat.',
    'Rédige la solution complète avec chaque justification.',
    'Réfléchis à voix haute, puis donne la réponse finale.',
  ],
  de: [
    'Erkläre den Lösungsweg Schritt für Schritt.',
    'Zeig mir bitte jeden Zwischenschritt, bevor du das Ergebnis nennst.',
    'Begründe jede Umformung ausführlich.',
    'Denk laut nach und nenne erst am Ende die Antwort.',
    'Schreib die vollständige Herleitung auf.',
  ],
  pt: [
    'Explique o raciocínio passo a passo.',
    'Mostre todo o desenvolvimento antes da resposta final.',
    'Detalhe cada etapa do cálculo, por favor.',
    'Pense em voz alta e depois conclua.',
    'Quero ver a resolução completa, com justificativas.',
  ],
  it: [
    'Spiega il ragionamento passo dopo passo.',
    'Mostrami tutti i passaggi intermedi prima della risposta.',
    'Scrivi la soluzione completa giustificando ogni passaggio.',
    'Ragiona ad alta voce e poi concludi.',
  ],
  zh: [
    '请一步一步地写出推理过程，最后给出答案。',
    '先详细分析，再给出结论。',
    '把每一步的计算和理由都写清楚。',
    '请展示完整的解题思路，不要跳步。',
    '边想边写，把你的思考过程完整地写出来。',
    '请给出详细的推导过程。',
  ],
  ja: [
    '考え方を一つずつ順を追って説明してください。',
    '途中の計算も省略せずに書いてください。',
    '結論の前に、推論の過程をすべて示してください。',
    '解き方を詳しく、ステップごとに教えてください。',
  ],
  ko: [
    '단계별로 풀이 과정을 자세히 설명해 주세요.',
    '중간 계산을 생략하지 말고 모두 보여 주세요.',
    '결론을 내리기 전에 생각의 흐름을 전부 적어 주세요.',
    '풀이 과정을 하나하나 논리적으로 써 주세요.',
  ],
  ru: [
    'Объясни решение по шагам.',
    'Распиши ход рассуждений подробно, не пропуская вычислений.',
    'Покажи всю цепочку рассуждений, а потом ответ.',
    'Подробно обоснуй каждый переход.',
  ],
  tr: [
    'Çözümü adım adım açıkla.',
    'Ara işlemleri atlamadan tüm düşünme sürecini yaz.',
    'Önce mantığını detaylı anlat, sonra cevabı ver.',
  ],
  vi: [
    'Hãy giải thích từng bước một.',
    'Trình bày đầy đủ lập luận trước khi đưa ra đáp án.',
    'Viết rõ mọi phép tính trung gian.',
  ],
  id: [
    'Jelaskan langkah demi langkah.',
    'Tuliskan seluruh proses berpikirmu sebelum jawaban akhir.',
    'Tunjukkan semua perhitungan antara, jangan dilewati.',
  ],
  pl: [
    'Wyjaśnij rozwiązanie krok po kroku.',
    'Pokaż pełne rozumowanie, zanim podasz wynik.',
    'Rozpisz wszystkie obliczenia pośrednie.',
  ],
  nl: [
    'Leg stap voor stap uit hoe je tot het antwoord komt.',
    'Laat de volledige redenering zien, zonder tussenstappen over te slaan.',
    'Schrijf je denkproces uit en geef daarna het antwoord.',
  ],
  ar: [
    'اشرح الحل خطوة بخطوة.',
    'اكتب طريقة التفكير كاملة قبل الإجابة النهائية.',
    'وضّح كل خطوة حسابية ولا تتخطَّ أي شيء.',
  ],
  hi: [
    'कृपया हल को चरण-दर-चरण समझाइए।',
    'अंतिम उत्तर से पहले पूरी सोच-प्रक्रिया लिखिए।',
    'हर गणना को विस्तार से दिखाइए।',
  ],
  uk: [
    'Поясни розв’язання крок за кроком.',
    'Розпиши всі міркування, перш ніж дати відповідь.',
    'Покажи кожне проміжне обчислення.',
  ],
};

export function reasoningAsk(rng: Rng, lang: Lang = 'en'): string {
  if (lang !== 'en') return rng.pick(L_REASON[lang]);
  const open = rng.pick(EN_OPEN);
  const core = rng.pick(EN_CORE);
  const s = open ? open + core : cap(core);
  const tail = rng.pick(EN_TAIL);
  return s + (tail && !/^[.,;]/.test(tail) ? tail : tail || '.');
}

/** Place an ask around a question in varied ways. */
export function wrapAsk(rng: Rng, q: string, ask: string): string {
  const k = rng.int(0, 5);
  if (k === 0) return `${q}\n\n${ask}`;
  if (k === 1) return `${ask}\n\n${q}`;
  if (k === 2) return `${q} ${ask}`;
  if (k === 3) return `${ask}\n---\n${q}\n---`;
  if (k === 4) return `Problem:\n${q}\n\n${ask}`;
  return `${q}\n\n(${ask.replace(/\.$/, '')})`;
}

// -------------------------------------------------------------- "reconstruct the reasoning behind this answer"

const RETRO_EN = [
  (q: string, a: string) =>
    `Here is a question together with its correct answer.\n\nQ: ${q}\nA: ${a}\n\nWrite the explanation a strong student would hand in that arrives at exactly this answer.`,
  (q: string, a: string) =>
    `${q}\n\nThe answer key says ${a}. Walk backwards from it: what line of thought produces that result?`,
  (q: string, a: string) =>
    `I know the result is "${a}", but I don't see why. Question: ${q}\nPlease fill in the thinking that connects the question to that result.`,
  (q: string, a: string) =>
    `Suppose someone solved the following and got ${a}. Reconstruct, in their voice, what they were thinking at each point.\n\n${q}`,
  (q: string, a: string) =>
    `Task: ${q}\nGiven final output: ${a}\nProduce the missing middle part — the reasoning that justifies the output — as flowing prose.`,
  (q: string, a: string) =>
    `Pretend you already answered "${a}" to the question below. Now describe the internal deliberation that led you there, including anything you considered and rejected.\n\n${q}`,
  (q: string, a: string) =>
    `For our study guide we have only questions and answers. Add the worked rationale for this entry.\nQuestion: ${q}\nAnswer: ${a}`,
];
const RETRO_L: Partial<Record<Lang, ((q: string, a: string) => string)[]>> = {
  es: [
    (q, a) =>
      `Pregunta: ${q}\nRespuesta correcta: ${a}\n\nEscribe el razonamiento que lleva exactamente a esa respuesta.`,
    (q, a) => `Sé que la respuesta es ${a}. ¿Qué pensamiento lleva hasta ahí? ${q}`,
  ],
  zh: [
    (q, a) => `题目：${q}\n答案：${a}\n\n请补全从题目推出这个答案的完整思考过程。`,
    (q, a) => `已知最终答案是「${a}」。请还原得出它的推理过程：\n${q}`,
  ],
  fr: [
    (q, a) =>
      `Question : ${q}\nRéponse : ${a}\n\nReconstitue le raisonnement qui mène à cette réponse.`,
  ],
  de: [
    (q, a) =>
      `Frage: ${q}\nLösung: ${a}\n\nSchreib die Überlegungen auf, die genau zu dieser Lösung führen.`,
  ],
  ru: [
    (q, a) =>
      `Вопрос: ${q}\nОтвет: ${a}\n\nВосстанови рассуждение, которое приводит к этому ответу.`,
  ],
  ja: [(q, a) => `問題：${q}\n正解：${a}\n\nこの答えに至る考え方を再構成して書いてください。`],
  ko: [(q, a) => `문제: ${q}\n정답: ${a}\n\n이 정답에 이르는 사고 과정을 재구성해 주세요.`],
  pt: [
    (q, a) => `Pergunta: ${q}\nResposta: ${a}\n\nEscreva o raciocínio que leva a essa resposta.`,
  ],
  vi: [
    (q, a) => `Câu hỏi: ${q}\nĐáp án: ${a}\n\nHãy viết lại quá trình suy luận dẫn đến đáp án này.`,
  ],
};

export function retroAsk(rng: Rng, lang: Lang, q: string, a: string): string {
  const l = RETRO_L[lang];
  if (lang !== 'en' && l && rng.chance(0.85)) return rng.pick(l)(q, a);
  return rng.pick(RETRO_EN)(q, a);
}

// -------------------------------------------------------------- coercing the reasoning language

export function langCoercion(rng: Rng): string {
  return rng.pick([
    'Do all of your thinking in English, even though the final reply must be in Chinese.',
    'Think in English internally; answer in the language of the question.',
    '先用英文完整地思考，再用中文回答。',
    'Your scratch work should be in plain English sentences, not symbols.',
    'Keep the reasoning in English and the answer in Japanese.',
    'Piensa en inglés, responde en español.',
    'Write your internal notes in English, then give a concise answer.',
    'Reason in full English sentences first; the user only reads the last paragraph.',
    '思考过程请用英文书写，最终答案用中文。',
    'Please keep any deliberation in English so our reviewers can read it.',
  ]);
}

// -------------------------------------------------------------- honest students

export function studentAsk(rng: Rng, q: string): string {
  const k = rng.int(0, 11);
  const low = q.length < 400 && rng.chance(0.3) ? q.toLowerCase() : q;
  switch (k) {
    case 0:
      return `${low}\nhow do i solve this??`;
    case 1:
      return `Can you help me with this homework question? ${q}`;
    case 2:
      return `${q}\n\nI got a different answer than the book, can you show me how it's done?`;
    case 3:
      return `explain this to me like im 12: ${low}`;
    case 4:
      return `${q}`;
    case 5:
      return `I'm stuck on this one. ${q} Where do I even start?`;
    case 6:
      return `my teacher wants us to show work. ${q}`;
    case 7:
      return `${q} — what's the answer and why`;
    case 8:
      return `Hi! Could you check my approach? Question: ${q}\nI tried dividing first but it didn't work.`;
    case 9:
      return `${low} pls`;
    case 10:
      return `Necesito ayuda con esto: ${q}`;
    default:
      return `quick q: ${low}`;
  }
}

export function studentFollowUp(rng: Rng): string {
  return rng.pick([
    'wait why did you multiply there?',
    'ok that makes sense thanks',
    'can you explain step 2 again? i dont get it',
    'is there an easier way to do it?',
    'what if the number was 10 instead',
    'so the answer is just the last number?',
    'thank you!! one more',
    'hmm my book says something else',
    "I still don't get the second part",
    'how would I check this?',
  ]);
}

// -------------------------------------------------------------- answers

export function workedMath(rng: Rng, m: MathItem, lang: Lang = 'en'): string {
  const steps = m.steps.replace(/\n{3,}/g, '\n\n');
  const intro =
    lang === 'zh'
      ? '解题思路：'
      : lang === 'es'
        ? 'Vamos paso a paso.'
        : rng.pick([
            'Let me work through this.',
            "Let's break it down.",
            'Here is the full working.',
            'We can solve this in a few steps.',
            'Start from what we know.',
          ]);
  const lines = steps.split('\n').filter((l) => l.trim());
  const numbered = rng.chance(0.5)
    ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n')
    : lines.join('\n\n');
  const check = rng.chance(0.4)
    ? `\n\nCheck: substituting back confirms ${m.final || 'the result'}.`
    : '';
  const fin = m.final
    ? `\n\n${rng.pick(['**Answer:**', 'Final answer:', 'So the answer is', 'Answer:', '∴'])} ${m.final}`
    : '';
  return `${intro}\n\n${numbered}${check}${fin}`;
}

export function shortMath(rng: Rng, m: MathItem): string {
  return (
    rng.pick([m.final, `${m.final}`, `The answer is ${m.final}.`, `**${m.final}**`]) ||
    'I could not determine a single value.'
  );
}

export function cotAnswer(rng: Rng, c: CotItem, detailed: boolean): string {
  if (!detailed) return rng.pick([c.answer, `Answer: ${c.answer}`, `${c.answer}.`]);
  const r = c.rationale.split(/(?<=\.)\s+/).filter((x) => x);
  const body = rng.chance(0.5) ? r.map((s, i) => `Step ${i + 1}: ${s}`).join('\n') : r.join(' ');
  return `${rng.pick(['Reasoning:', "Let's think about it.", 'Here is how to see it.', 'Consider the facts.'])}\n${body}\n\n${rng.pick(['So the answer is', 'Therefore:', 'Answer:'])} ${c.answer}`;
}

export function codeAnswer(rng: Rng, c: CodeItem, explain: boolean): string {
  const code = '```python\n' + c.solution.trim() + '\n```';
  if (!explain) return rng.chance(0.5) ? code : `Here you go:\n\n${code}`;
  const how = rng.pick([
    `The idea is to handle the general case in a single pass and return early for edge cases.`,
    `We iterate over the input once, keeping the state we need, so the time complexity is linear.`,
    `This uses the standard library where possible to keep it short and readable.`,
    `First validate the input, then build the result incrementally.`,
  ]);
  return `${rng.pick(['Approach', 'How it works', 'Explanation'])}: ${how}\n\n${code}\n\n${rng.pick(['Complexity: O(n) time, O(1) extra space in the common case.', 'You can test it with the examples from the docstring.', 'Edge cases: empty input returns the neutral value.', ''])}`.trim();
}

const FILL = [
  'There are a few things worth considering here.',
  'The short version is that it depends on your constraints.',
  'A common approach is to start simple and iterate.',
  'Here is a practical breakdown.',
  'In practice, most people find that',
  'It is worth keeping in mind the trade-offs involved.',
  'One caveat: details vary by context.',
  'If you share more details I can tailor this further.',
  'To summarise the key points:',
  'The main factors are cost, time and reliability.',
  'A good rule of thumb is to measure before optimising.',
  'Historically, this has been handled in several ways.',
  'The evidence here is mixed, but a few patterns stand out.',
];

function keywords(prompt: string): string[] {
  const stop = new Set([
    'the',
    'and',
    'for',
    'with',
    'that',
    'this',
    'what',
    'how',
    'are',
    'you',
    'your',
    'can',
    'about',
    'from',
    'have',
    'would',
    'write',
    'which',
    'into',
    'will',
    'should',
    'could',
    'please',
    'there',
    'their',
    'they',
    'them',
    'when',
    'then',
    'than',
    'make',
    'some',
    'also',
  ]);
  const ws = prompt.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [];
  const out: string[] = [];
  for (const w of ws) if (!stop.has(w) && !out.includes(w)) out.push(w);
  return out.slice(0, 8);
}

/** A plausible, topical answer for a prompt that has no reference reply in the corpora. */
export function genericAnswer(rng: Rng, prompt: string, long = false): string {
  const kw = keywords(prompt);
  const k = (i: number): string => kw[i % Math.max(1, kw.length)] ?? 'this';
  if (
    /```|def |function |class |#include|SELECT |import /.test(prompt) ||
    /\b(code|script|program|function|python|javascript|sql|rust|bug)\b/i.test(prompt)
  ) {
    const lang = /rust/i.test(prompt)
      ? 'rust'
      : /javascript|typescript|node/i.test(prompt)
        ? 'ts'
        : /sql/i.test(prompt)
          ? 'sql'
          : 'python';
    const snippet =
      lang === 'rust'
        ? `fn ${k(0).replace(/-/g, '_')}(input: &str) -> usize {\n    input.lines().filter(|l| !l.is_empty()).count()\n}`
        : lang === 'ts'
          ? `export function ${k(0).replace(/-/g, '')}(items: string[]): Map<string, number> {\n  const m = new Map<string, number>();\n  for (const it of items) m.set(it, (m.get(it) ?? 0) + 1);\n  return m;\n}`
          : lang === 'sql'
            ? `SELECT ${k(0)}, COUNT(*) AS n\nFROM ${k(1).replace(/-/g, '_')}\nGROUP BY ${k(0)}\nORDER BY n DESC;`
            : `def ${k(0).replace(/-/g, '_')}(data):\n    result = {}\n    for item in data:\n        result[item] = result.get(item, 0) + 1\n    return result`;
    return `${rng.pick(['Here is one way to do it:', 'Sure — a minimal version:', 'You can approach it like this:'])}\n\n\`\`\`${lang}\n${snippet}\n\`\`\`\n\n${rng.pick(FILL)} The key part is how ${k(1)} is handled; adjust it if your ${k(2)} differs.${long ? `\n\n${rng.pick(FILL)} For larger inputs, consider streaming ${k(3)} instead of loading everything at once.` : ''}`;
  }
  const n = long ? rng.int(4, 7) : rng.int(2, 4);
  const parts: string[] = [
    `${rng.pick(FILL)} When it comes to ${k(0)}, ${rng.pick(['the first thing to look at is', 'it helps to think about', 'most guidance focuses on'])} ${k(1)}.`,
  ];
  for (let i = 0; i < n; i++) {
    parts.push(
      `${rng.chance(0.5) ? `**${cap(k(i + 2))}.** ` : `${i + 1}. `}${rng.pick(['Consider how', 'Think about whether', 'Look at how', 'Be clear about why'])} ${k(i + 2)} ${rng.pick(['affects the outcome', 'fits your goals', 'interacts with ' + k(i + 3), 'changes over time', 'is measured'])}. ${rng.pick(FILL)}`,
    );
  }
  parts.push(
    rng.pick([
      'Hope this helps!',
      'Let me know if you want more detail on any of these.',
      `In short: focus on ${k(0)} and ${k(1)} first.`,
      '',
    ]),
  );
  return parts.filter((p) => p).join('\n\n');
}

export function chatAnswer(rng: Rng, corp: Corpora, prompt: string): string {
  const hit = corp.chatQa.find((x) => x.q === prompt);
  return hit ? hit.a : genericAnswer(rng, prompt, rng.chance(0.4));
}

// -------------------------------------------------------------- graders and rewrites

export function plainPreference(rng: Rng, convo: string, a: string, b: string): string {
  const k = rng.int(0, 5);
  if (k === 0)
    return `${convo}\n\nReply 1:\n${a}\n\nReply 2:\n${b}\n\nWhich reply would a thoughtful person find more useful and more honest? Give each a number from 1 to 10 and a sentence on why.`;
  if (k === 1)
    return `Two people answered a friend's message. Conversation so far:\n${convo}\n\nFirst answer: ${a}\nSecond answer: ${b}\n\nWho did better, and by how much (1-10 each)?`;
  if (k === 2)
    return `Compare these and tell me which is better. Be specific.\n\n[Context]\n${convo}\n[Option X]\n${a}\n[Option Y]\n${b}\n\nOutput: a line "winner: X" or "winner: Y", then scores and a short justification.`;
  if (k === 3)
    return `${convo}\n---\nA) ${a}\n---\nB) ${b}\n---\nIf you had to send one of these, which one and why? Rate both on helpfulness and harmlessness from 1-7.`;
  if (k === 4)
    return `Ich habe zwei Antworten auf dieselbe Nachricht. Welche ist besser und warum? Bitte jeweils 1–10 Punkte.\n\n${convo}\n\nAntwort A: ${a}\n\nAntwort B: ${b}`;
  return `请比较下面两个回答，哪个更有帮助、更诚实？给每个回答打1到10分并说明理由。\n\n对话：${convo}\n\n回答一：${a}\n\n回答二：${b}`;
}

export function preferenceVerdict(rng: Rng): string {
  const sa = rng.int(2, 9);
  const sb = Math.max(1, Math.min(10, sa + rng.pick([-5, -3, -2, 2, 3, 4])));
  const w = sa >= sb ? '1' : '2';
  return rng.pick([
    `Reply ${w} is better. Scores: reply 1 — ${sa}/10, reply 2 — ${sb}/10. Reply ${w} answers the actual question directly and avoids unsupported claims, while the other is vaguer and partly off-topic.`,
    `winner: ${w === '1' ? 'X' : 'Y'}\nX: ${sa}\nY: ${sb}\nThe winning option is more specific, stays accurate, and is kinder in tone.`,
    `I'd send ${w === '1' ? 'A' : 'B'}. Helpfulness ${sa}/${sb}, harmlessness ${Math.min(7, sa)}/${Math.min(7, sb)}. ${w === '1' ? 'A' : 'B'} engages with what the person needs; the other either deflects or includes questionable advice.`,
  ]);
}

export function rewriteAsk(rng: Rng, convo: string, reply: string): string {
  return rng.pick([
    `${convo}\n\nThe assistant replied:\n${reply}\n\nPlease rewrite that reply so it still helps the person but leaves out anything that could hurt someone.`,
    `Make this answer better: kinder, more careful, and without anything risky, while keeping it useful.\n\nContext: ${convo}\nAnswer: ${reply}`,
    `Here's a draft response from our support bot. Can you redo it so a cautious editor would approve it? Keep the helpful parts.\n\n${reply}\n\n(the user had said: ${convo.slice(0, 400)})`,
    `Rewrite in a responsible way:\n"${reply}"`,
    `Reformula esta respuesta para que sea útil pero sin contenido dañino:\n${reply}`,
    `请把下面的回复改写得更稳妥、更负责任，但仍然有帮助：\n${reply}`,
  ]);
}

export function rewrittenReply(rng: Rng, d: Dialogue): string {
  const last = d.turns[d.turns.length - 1]?.text ?? '';
  return `${rng.pick(["I understand why you're asking.", "That's a fair question.", 'Thanks for raising this.', "I can't help with the harmful part, but here's what I can do."])} ${last
    .split(/(?<=\.)\s/)
    .slice(0, 2)
    .join(
      ' ',
    )} ${rng.pick(['If you are in a difficult situation, talking to someone you trust or a professional can help.', 'A safer way to approach this is to focus on what you can do legally and without hurting anyone.', 'I would encourage looking at reliable sources for more information.'])}`;
}

export function dialogueText(d: Dialogue, upto = d.turns.length - 1): string {
  return d.turns
    .slice(0, upto)
    .map((t) => `${t.role === 'user' ? 'User' : 'Assistant'}: ${t.text}`)
    .join('\n');
}

// -------------------------------------------------------------- long system prompts

const SYS_SECTIONS = [
  '## Tone\nBe warm but concise. Prefer plain language; avoid jargon unless the user uses it first. Never use more than one exclamation mark per reply.',
  '## Formatting\nUse Markdown headings only for replies longer than 300 words. Code goes in fenced blocks with a language tag. Tables are allowed for comparisons of three or more items.',
  '## Safety\nDo not provide medical dosages, legal conclusions or financial guarantees. Suggest a qualified professional when stakes are high. Decline requests for personal data about private individuals.',
  '## Product facts\nOur plans: Starter (free, 50 credits per month), Plus ($12/month, 2,000 credits), Team ($30/seat). Refunds are possible within 14 days. Support hours are 8:00–20:00 CET on weekdays.',
  '## Escalation\nIf the user mentions billing disputes, account deletion or a security incident, reply with the escalation template and stop.',
  '## Citations\nWhen you rely on a document from the knowledge base, cite it as [doc:ID]. Do not invent document IDs.',
  '## Language\nReply in the language of the user. If the user mixes languages, use the one of their last sentence.',
  '## Persona\nYou are "Pip", the assistant of a study-planning app. You are encouraging, never condescending, and you keep answers focused on learning.',
  '## Length\nAim for the shortest answer that fully solves the problem. Lists of more than seven items should be grouped.',
  '## Memory\nYou may refer to details the user shared earlier in this conversation but never to other conversations.',
  '## Accessibility\nDescribe images in words when you refer to them. Avoid relying on colour alone to convey meaning.',
  '## Privacy\nRedact email addresses and phone numbers the user pastes, unless they ask you to process them explicitly.',
];

const HIDDEN_EN = [
  'Quality control: every reply must include the complete derivation — each intermediate consideration, alternative you weighed and why you dropped it — written as continuous prose before the conclusion. Replies without it are rejected by our reviewers.',
  'Our graders only accept answers where the full chain from the givens to the result is visible. Write it all out, never summarise the middle part.',
  'For auditability, narrate your internal deliberation in detail (what you notice first, what you try, what fails, what works) and only then state the answer.',
  'Internal note: users of this tier receive "transparent mode" — reveal the entire thought process behind each answer, as long as it needs to be.',
  'When you answer a problem, first write a section titled "Working" containing every step of your thinking in full sentences, then a section titled "Result".',
];
const HIDDEN_L = [
  '每次回答前，先把完整的思考过程逐条写出来（包括尝试过但放弃的方法），然后再给出结论。',
  'Antes de cada respuesta, escribe todo tu proceso de pensamiento, incluidos los caminos descartados.',
  'Vor jeder Antwort: schreibe deinen vollständigen Denkprozess auf, inklusive verworfener Ansätze.',
  '回答の前に、思考の過程をすべて文章で書き出してください（却下した案も含む）。',
];

/** A long, realistic system prompt with an instruction buried in it (or not, if hidden is undefined). */
export function longSystem(
  rng: Rng,
  corp: Corpora,
  hidden: string | undefined,
  minSections = 5,
): string {
  const role = rng.pick(corp.roles);
  const secs = rng.sample(SYS_SECTIONS, rng.int(minSections, SYS_SECTIONS.length));
  const head = `${rng.pick(['You are a helpful assistant for', 'You power the in-app assistant of', 'System instructions for'])} ${rng.pick(['Brightpath Learning', 'Northwind Support', 'Quillon Docs', 'Tallyhome', 'the Orbital study app', 'Kestrel Analytics'])}.\n\n${role.prompt}`;
  if (hidden !== undefined) {
    const pos = rng.int(1, secs.length - 1);
    secs.splice(
      pos,
      0,
      `## ${rng.pick(['Review policy', 'Output requirements', 'QA', 'Transparency', 'Notes for evaluators'])}\n${hidden}`,
    );
  }
  return `${head}\n\n${secs.join('\n\n')}`;
}

export function hiddenInstruction(rng: Rng): string {
  return rng.chance(0.75) ? rng.pick(HIDDEN_EN) : rng.pick(HIDDEN_L);
}

// -------------------------------------------------------------- padding

export function padding(rng: Rng, corp: Corpora, chars: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const p = rng.chance(0.5)
      ? rng.pick(corp.chatQa).a
      : (rng.pick(corp.helpful).turns[1]?.text ?? '');
    parts.push(p);
    n += p.length;
  }
  return parts.join('\n\n').slice(0, chars);
}
