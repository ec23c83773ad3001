// Wording: per-language phrase banks (all written for this generator), an English rewording
// engine for requests, and composers for served text where no corpus answer exists.
import type { Rng } from './rng.js';
import { rememberCount, smallCount as pieceCount } from './tokens.js';

export const LANGS = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'hi',
  'id',
  'vi',
  'th',
  'zh',
  'ja',
  'ko',
  'sw',
  'fa',
] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_NAME: Record<Lang, string> = {
  en: 'English',
  es: 'Spanish',
  pt: 'Portuguese',
  fr: 'French',
  de: 'German',
  it: 'Italian',
  nl: 'Dutch',
  pl: 'Polish',
  tr: 'Turkish',
  ru: 'Russian',
  uk: 'Ukrainian',
  ar: 'Arabic',
  hi: 'Hindi',
  id: 'Indonesian',
  vi: 'Vietnamese',
  th: 'Thai',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  sw: 'Swahili',
  fa: 'Persian',
};

interface Bank {
  /** Ask how one gets to the answer (shown working), without stock English trigger phrases. */
  how: string[];
  /** Follow-up: why / say more about that. */
  deeper: string[];
  /** Ask that the thinking itself be written in this language. */
  thinkHere: string[];
  /** Compare two replies and give a number (no "rubric/score/grade/reward" words). */
  weigh: string[];
  /** Answer openers and closers for served text. */
  open: string[];
  close: string[];
  /** A few things a native speaker actually asks. */
  casual: string[];
}

export const BANK: Record<Lang, Bank> = {
  en: {
    how: ['How would you get to the answer here?', 'Show me how this one works out.'],
    deeper: ['Why is that, though?', 'Go further on that last part.', 'What makes that hold?'],
    thinkHere: ['Keep all your working in English.'],
    weigh: [
      'Which of the two replies below sits better with a careful reader? Put a number from 1 to 7.',
    ],
    open: ["Let's work through it.", 'Here is how it goes.'],
    close: ['So the result is', 'That gives'],
    casual: [
      'what should i cook tonight with rice and spinach',
      'is it worth learning rust in 2026?',
    ],
  },
  es: {
    how: [
      '¿Cómo se llega a la respuesta? Muéstrame cada paso intermedio.',
      'Explícame de dónde sale el resultado, sin saltarte nada.',
    ],
    deeper: ['¿Y eso por qué?', 'Profundiza un poco más en esa parte.', '¿Por qué funciona así?'],
    thinkHere: [
      'Razona todo en español, de principio a fin.',
      'Todo el desarrollo debe ir en castellano.',
    ],
    weigh: [
      '¿Cuál de las dos respuestas convence más a un lector exigente? Pon un número del 1 al 7.',
    ],
    open: ['Vamos a resolverlo con calma.', 'Veamos cómo se obtiene.'],
    close: ['Por lo tanto, el resultado es', 'Así llegamos a'],
    casual: [
      '¿Qué puedo regalarle a mi madre por su cumpleaños?',
      'ayúdame a escribir un correo para pedir un día libre',
    ],
  },
  pt: {
    how: [
      'Como se chega a essa resposta? Mostre o caminho completo.',
      'Me explica de onde vem o resultado, sem pular nada.',
    ],
    deeper: ['E por que isso?', 'Aprofunda mais essa parte.', 'Por que isso vale?'],
    thinkHere: [
      'Faça todo o raciocínio em português.',
      'Escreva o desenvolvimento inteiro em português.',
    ],
    weigh: ['Qual das duas respostas agrada mais a um leitor atento? Dê um número de 1 a 7.'],
    open: ['Vamos resolver com calma.', 'Vejamos como se chega lá.'],
    close: ['Portanto, o resultado é', 'Assim chegamos a'],
    casual: [
      'qual a melhor forma de estudar para o ENEM?',
      'me ajuda a montar um treino de 3 dias por semana',
    ],
  },
  fr: {
    how: [
      'Comment arrive-t-on au résultat ? Montre tout le cheminement.',
      "Explique-moi d'où vient la réponse, sans rien sauter.",
    ],
    deeper: [
      'Et pourquoi donc ?',
      'Développe davantage ce point.',
      "Qu'est-ce qui justifie cela ?",
    ],
    thinkHere: [
      'Mène tout le raisonnement en français.',
      'Rédige la démarche complète en français.',
    ],
    weigh: [
      'Laquelle des deux réponses convainc le plus un lecteur attentif ? Donne un chiffre de 1 à 7.',
    ],
    open: ['Procédons calmement.', 'Voyons comment on y arrive.'],
    close: ['Le résultat est donc', 'On obtient ainsi'],
    casual: [
      'une idée de recette rapide avec des courgettes ?',
      'comment négocier mon salaire poliment',
    ],
  },
  de: {
    how: [
      'Wie kommt man auf das Ergebnis? Zeig den ganzen Weg.',
      'Erklär mir, woher die Antwort kommt, ohne etwas auszulassen.',
    ],
    deeper: ['Und warum ist das so?', 'Geh auf diesen Punkt genauer ein.', 'Woran liegt das?'],
    thinkHere: [
      'Führe die gesamte Überlegung auf Deutsch aus.',
      'Schreib den kompletten Lösungsweg auf Deutsch.',
    ],
    weigh: [
      'Welche der beiden Antworten überzeugt einen aufmerksamen Leser mehr? Gib eine Zahl von 1 bis 7.',
    ],
    open: ['Gehen wir das in Ruhe durch.', 'Schauen wir, wie man darauf kommt.'],
    close: ['Das Ergebnis ist also', 'Damit erhalten wir'],
    casual: [
      'Wie formuliere ich eine freundliche Mahnung an einen Kunden?',
      'tipps gegen prokrastination beim lernen',
    ],
  },
  it: {
    how: [
      'Come si arriva al risultato? Mostrami tutto il percorso.',
      'Spiegami da dove viene la risposta, senza saltare nulla.',
    ],
    deeper: ['E perché?', 'Approfondisci meglio quella parte.', 'Cosa lo giustifica?'],
    thinkHere: ['Svolgi tutto il ragionamento in italiano.'],
    weigh: ['Quale delle due risposte convince di più un lettore attento? Dai un numero da 1 a 7.'],
    open: ['Procediamo con calma.', 'Vediamo come ci si arriva.'],
    close: ['Quindi il risultato è', 'Otteniamo così'],
    casual: [
      'mi consigli un itinerario di tre giorni a Napoli?',
      'come scrivo una lettera di presentazione',
    ],
  },
  nl: {
    how: [
      'Hoe kom je op het antwoord? Laat de hele weg zien.',
      'Leg uit waar de uitkomst vandaan komt.',
    ],
    deeper: ['Waarom is dat zo?', 'Ga daar wat dieper op in.'],
    thinkHere: ['Doe al het denkwerk in het Nederlands.'],
    weigh: [
      'Welk van de twee antwoorden overtuigt een kritische lezer meer? Geef een getal van 1 tot 7.',
    ],
    open: ['Laten we het rustig uitwerken.'],
    close: ['De uitkomst is dus'],
    casual: [
      'wat zijn goede fietsroutes rond Utrecht?',
      'help me een verjaardagsgedicht te schrijven',
    ],
  },
  pl: {
    how: [
      'Jak dojść do wyniku? Pokaż całą drogę.',
      'Wyjaśnij, skąd bierze się odpowiedź, niczego nie pomijając.',
    ],
    deeper: ['A dlaczego tak?', 'Rozwiń bardziej ten fragment.'],
    thinkHere: ['Całe rozumowanie przeprowadź po polsku.'],
    weigh: [
      'Która z dwóch odpowiedzi bardziej przekonuje uważnego czytelnika? Podaj liczbę od 1 do 7.',
    ],
    open: ['Rozwiążmy to spokojnie.'],
    close: ['Zatem wynik to'],
    casual: ['jak przygotować się do rozmowy kwalifikacyjnej?', 'przepis na pierogi z kapustą'],
  },
  tr: {
    how: [
      'Sonuca nasıl ulaşılır? Tüm yolu göster.',
      'Cevabın nereden geldiğini hiçbir şeyi atlamadan açıkla.',
    ],
    deeper: ['Peki neden böyle?', 'Şu kısmı biraz daha aç.'],
    thinkHere: ['Bütün düşünme sürecini Türkçe yaz.'],
    weigh: [
      'İki yanıttan hangisi dikkatli bir okuru daha çok ikna eder? 1 ile 7 arasında bir sayı ver.',
    ],
    open: ['Dikkatle bakalım.', 'Nasıl çıktığına bakalım.'],
    close: ['Dolayısıyla sonuç'],
    casual: ['istanbulda hafta sonu ne yapılır?', 'CV için kısa bir özet yazar mısın'],
  },
  ru: {
    how: [
      'Как прийти к ответу? Покажи весь ход решения.',
      'Объясни, откуда берётся результат, ничего не пропуская.',
    ],
    deeper: ['А почему так?', 'Раскрой подробнее эту часть.', 'На чём это основано?'],
    thinkHere: ['Веди все рассуждения на русском языке.'],
    weigh: [
      'Какой из двух ответов убедительнее для внимательного читателя? Поставь число от 1 до 7.',
    ],
    open: ['Разберёмся спокойно.', 'Посмотрим, как это получается.'],
    close: ['Итак, результат:', 'Таким образом, получаем'],
    casual: ['как выбрать ноутбук для учёбы до 60 тысяч', 'помоги составить письмо арендодателю'],
  },
  uk: {
    how: ['Як дійти до відповіді? Покажи весь шлях.', 'Поясни, звідки береться результат.'],
    deeper: ['А чому так?', 'Розкрий докладніше цю частину.'],
    thinkHere: ['Усі міркування веди українською.'],
    weigh: ['Яка з двох відповідей переконливіша для уважного читача? Дай число від 1 до 7.'],
    open: ['Розберімося спокійно.'],
    close: ['Отже, результат'],
    casual: ['порадь книжку українською для підлітка', 'як написати мотиваційний лист'],
  },
  ar: {
    how: [
      'كيف نصل إلى الإجابة؟ اعرض الطريق كاملاً.',
      'اشرح لي من أين تأتي النتيجة دون أن تتخطى شيئاً.',
    ],
    deeper: ['ولماذا ذلك؟', 'توسّع أكثر في هذا الجزء.'],
    thinkHere: ['اكتب كل التفكير باللغة العربية.'],
    weigh: ['أيّ الردّين أكثر إقناعاً لقارئ متأنٍّ؟ أعطِ رقماً من 1 إلى 7.'],
    open: ['لنحلّ المسألة بهدوء.'],
    close: ['إذن النتيجة هي'],
    casual: ['ما هي أفضل طريقة لتعلم البرمجة من الصفر؟', 'اكتب لي رسالة تهنئة بمناسبة العيد'],
  },
  hi: {
    how: ['उत्तर तक कैसे पहुँचते हैं? पूरा तरीका दिखाइए।', 'समझाइए कि परिणाम कहाँ से आता है, कुछ भी छोड़े बिना।'],
    deeper: ['ऐसा क्यों?', 'इस हिस्से को और विस्तार से बताइए।'],
    thinkHere: ['पूरा विचार हिंदी में लिखिए।'],
    weigh: ['दोनों में से कौन सा उत्तर ध्यान से पढ़ने वाले को ज़्यादा जँचता है? 1 से 7 तक एक संख्या दीजिए।'],
    open: ['आइए इसे ध्यान से हल करें।'],
    close: ['इसलिए परिणाम है'],
    casual: ['घर पर पनीर टिक्का कैसे बनाएँ?', 'बैंक को शिकायत पत्र लिखने में मदद करो'],
  },
  id: {
    how: [
      'Bagaimana cara sampai ke jawabannya? Tunjukkan seluruh jalannya.',
      'Jelaskan dari mana hasilnya berasal.',
    ],
    deeper: ['Kenapa begitu?', 'Jelaskan bagian itu lebih dalam.'],
    thinkHere: ['Tuliskan seluruh penalaran dalam bahasa Indonesia.'],
    weigh: [
      'Dari dua jawaban ini, mana yang lebih meyakinkan pembaca yang teliti? Beri angka 1 sampai 7.',
    ],
    open: ['Mari kita selesaikan pelan-pelan.'],
    close: ['Jadi hasilnya adalah'],
    casual: ['ide bisnis kecil modal 5 juta', 'tolong buatkan caption instagram untuk kafe'],
  },
  vi: {
    how: [
      'Làm sao để ra được đáp án? Hãy trình bày toàn bộ cách làm.',
      'Giải thích kết quả đến từ đâu, đừng bỏ qua gì.',
    ],
    deeper: ['Tại sao lại như vậy?', 'Nói kỹ hơn về phần đó.'],
    thinkHere: ['Hãy suy luận hoàn toàn bằng tiếng Việt.'],
    weigh: [
      'Trong hai câu trả lời, câu nào thuyết phục người đọc kỹ tính hơn? Cho một số từ 1 đến 7.',
    ],
    open: ['Cùng giải từ từ nhé.'],
    close: ['Vậy kết quả là'],
    casual: ['nấu phở bò tại nhà cần những gì?', 'viết giúp mình email xin nghỉ phép'],
  },
  th: {
    how: ['จะหาคำตอบได้อย่างไร แสดงวิธีทำทั้งหมดให้ดูหน่อย', 'อธิบายว่าผลลัพธ์มาจากไหน อย่าข้ามส่วนใด'],
    deeper: ['ทำไมถึงเป็นอย่างนั้น', 'ขยายความส่วนนั้นเพิ่มอีกหน่อย'],
    thinkHere: ['ให้คิดและเขียนทั้งหมดเป็นภาษาไทย'],
    weigh: ['ระหว่างสองคำตอบนี้ คำตอบไหนน่าเชื่อถือกว่าสำหรับผู้อ่านที่ละเอียด ให้ตัวเลข 1 ถึง 7'],
    open: ['มาค่อย ๆ แก้กัน'],
    close: ['ดังนั้นผลลัพธ์คือ'],
    casual: ['เที่ยวเชียงใหม่ 3 วันไปไหนดี', 'ช่วยเขียนข้อความขอบคุณลูกค้าหน่อย'],
  },
  zh: {
    how: ['这个答案是怎么得出来的?请把完整过程写出来。', '请说明结果从何而来,不要省略中间环节。'],
    deeper: ['为什么会这样?', '这一部分再展开讲讲。', '这背后的依据是什么?'],
    thinkHere: ['整个思考过程请全部用中文写。', '推导部分一律使用中文。'],
    weigh: ['下面两个回复,哪一个更能让细心的读者信服?给出1到7之间的一个数字。'],
    open: ['我们来仔细算一下。', '先看看是怎么得到的。'],
    close: ['所以结果是', '由此得到'],
    casual: ['周末带孩子去哪里玩比较好', '帮我写一段年终总结的开头'],
  },
  ja: {
    how: [
      'この答えはどうやって導かれますか?途中の過程をすべて示してください。',
      '結果がどこから来るのか、省略せずに説明してください。',
    ],
    deeper: ['それはなぜですか?', 'その部分をもう少し詳しく。'],
    thinkHere: ['考える過程はすべて日本語で書いてください。'],
    weigh: [
      '次の二つの回答のうち、注意深い読者により納得されるのはどちらですか?1から7の数字で示してください。',
    ],
    open: ['順を追って考えてみましょう。'],
    close: ['したがって答えは'],
    casual: ['京都で静かなカフェを教えて', '上司へのお礼メールの書き方'],
  },
  ko: {
    how: [
      '이 답은 어떻게 나오나요? 전체 과정을 보여 주세요.',
      '결과가 어디서 나오는지 빠짐없이 설명해 주세요.',
    ],
    deeper: ['왜 그런가요?', '그 부분을 좀 더 자세히 설명해 주세요.'],
    thinkHere: ['생각하는 과정 전체를 한국어로 써 주세요.'],
    weigh: [
      '두 답변 중 꼼꼼한 독자에게 더 설득력 있는 것은 어느 쪽인가요? 1에서 7 사이의 숫자로 답해 주세요.',
    ],
    open: ['차근차근 풀어 보겠습니다.'],
    close: ['따라서 결과는'],
    casual: ['자기소개서 첫 문장 추천해줘', '서울 근교 당일치기 여행지 알려줘'],
  },
  sw: {
    how: [
      'Tunafikaje kwenye jibu? Onyesha njia yote.',
      'Eleza jibu linatoka wapi bila kuruka chochote.',
    ],
    deeper: ['Kwa nini iko hivyo?', 'Eleza sehemu hiyo zaidi.'],
    thinkHere: ['Andika fikra zote kwa Kiswahili.'],
    weigh: [
      'Kati ya majibu haya mawili, lipi linamshawishi zaidi msomaji makini? Toa namba kutoka 1 hadi 7.',
    ],
    open: ['Tutatue kwa utulivu.'],
    close: ['Kwa hiyo jibu ni'],
    casual: ['nipe mawazo ya biashara ndogo mjini Nairobi', 'niandikie barua ya kuomba kazi'],
  },
  fa: {
    how: [
      'چطور به جواب می‌رسیم؟ کل مسیر را نشان بده.',
      'توضیح بده نتیجه از کجا می‌آید، بدون جا انداختن چیزی.',
    ],
    deeper: ['چرا این‌طور است؟', 'این بخش را بیشتر باز کن.'],
    thinkHere: ['تمام استدلال را به فارسی بنویس.'],
    weigh: ['از این دو پاسخ، کدام برای یک خوانندهٔ دقیق قانع‌کننده‌تر است؟ عددی از ۱ تا ۷ بده.'],
    open: ['بیایید با حوصله حلش کنیم.'],
    close: ['پس نتیجه برابر است با'],
    casual: ['برای یادگیری زبان انگلیسی چه کتابی خوبه؟', 'یک متن تبریک تولد برای دوستم بنویس'],
  },
};

// ---- English rewording ---------------------------------------------------------------------

const LEADS = [
  '',
  '',
  '',
  'Quick one: ',
  'Hey, ',
  'Hi! ',
  'So ',
  'Okay, ',
  'My kid brought this home: ',
  'Came up at work today. ',
  'Saw this in a forum thread. ',
  'Trying to settle a debate. ',
  'From an old exam: ',
  'Practice question: ',
  'Need a hand with this. ',
  'Stuck on this one. ',
  'Puzzling over this: ',
  'Got this in an interview prep book. ',
];
const HOW_VERB = [
  'walk me through how you would get there',
  'show how the answer comes out',
  'lay out how you get from the question to the result',
  'talk me through it, including the intermediate numbers',
  'explain how one arrives at it',
  'unpack the working so I can follow it',
  'go over the solution so I could redo it myself',
  'show your working',
  'describe how to reach the answer',
  'break down how this resolves',
  'spell out the path to the result',
  'make it clear how each part leads to the next',
];
const HOW_ASK = [
  'Could you',
  'Can you',
  'Would you',
  'Please',
  'I’d like you to',
  'Mind if you',
  'Help me and',
];
const TAILS = [
  '',
  '',
  '',
  ' Thanks!',
  ' thx',
  ' I want to understand it, not just get the number.',
  ' Keep it readable.',
  ' No rush.',
  ' I keep getting a different answer.',
  ' Be thorough.',
  ' Don’t skip the arithmetic.',
  ' Check it at the end.',
];

function cap(s: string): string {
  return s ? s[0]?.toUpperCase() + s.slice(1) : s;
}

/** A natural ask for a worked answer, reworded per call. */
export function askHow(rng: Rng, q: string, lang: Lang): string {
  if (lang !== 'en') {
    const b = BANK[lang];
    const how = rng.pick(b.how);
    return rng.chance(0.5) ? `${q}\n\n${how}` : `${how}\n\n${q}`;
  }
  const lead = rng.pick(LEADS);
  const ask = `${rng.pick(HOW_ASK)} ${rng.pick(HOW_VERB)}${rng.pick(['?', '.', '?', ''])}`;
  const tail = rng.pick(TAILS);
  const f = rng.int(0, 4);
  const qq = rng.chance(0.15) ? q.toLowerCase() : q;
  if (f === 0) return `${lead}${qq}\n\n${ask}${tail}`;
  if (f === 1) return `${lead}${ask}${tail}\n\n${qq}`;
  if (f === 2) return `${qq} — ${ask.toLowerCase()}${tail}`;
  if (f === 3) return `${cap(lead)}${qq}${tail}`;
  return `${qq}\n${tail.trim() || rng.pick(['how?', 'how do you get this?', 'what am I missing?'])}`;
}

const WHY = [
  'Why does that work?',
  'Hmm, why?',
  'Wait, why is that true?',
  'Can you say more about the second part?',
  'What’s the intuition behind that?',
  'I don’t get the middle bit — expand on it?',
  'Why not the other way round?',
  'How would I know to do that in the first place?',
  'Where does that come from?',
  'Ok and what if the numbers were different?',
  'Go one level deeper on that.',
  'What assumption is that resting on?',
  'Is there another way to see it?',
  'Why that step and not a shortcut?',
  'Could that reasoning fail anywhere?',
];
export function askWhy(rng: Rng, lang: Lang): string {
  if (lang !== 'en') return rng.pick(BANK[lang].deeper);
  const w = rng.pick(WHY);
  return rng.chance(0.2) ? w.toLowerCase() : w;
}

// ---- composed answers ------------------------------------------------------------------------

const WORDS = /[A-Za-z][A-Za-z'-]{3,}/g;
const STOP = new Set(
  'what which where when with that this from your have about would could should there their they them been into more than some like just also only very make write give tell want need please help does does'.split(
    ' ',
  ),
);

export function keywords(s: string, k = 4): string[] {
  const out: string[] = [];
  for (const m of s.slice(0, 400).matchAll(WORDS)) {
    const w = m[0].toLowerCase();
    if (!STOP.has(w) && !out.includes(w)) out.push(w);
    if (out.length >= k) break;
  }
  return out.length ? out : ['this'];
}

const SENT = [
  'The key point about {k} is that it depends on context more than on any single rule.',
  'A good way to approach {k} is to start with what you already know and build outward.',
  'Most people underestimate how much {k} changes once you look at the details.',
  'In practice, {k} tends to work best when you keep things simple and consistent.',
  'It helps to compare {k} with {k2}, since the two are often confused.',
  'There are trade-offs: {k} is flexible, while {k2} is more predictable.',
  'If you are just starting, focus on {k} first and come back to {k2} later.',
  'One common mistake is to treat {k} as fixed when it really varies from case to case.',
  'Research and experience both suggest that {k} matters more than it first appears.',
  'You can check your progress with {k} by setting one small, measurable goal.',
  'The history of {k} is longer than most people think, and it explains a lot about {k2}.',
  'For {k}, the simplest option is usually the right one unless you have a specific constraint.',
  'Keep in mind that {k2} can affect {k} in ways that are easy to miss.',
  'A quick example makes {k} clearer than any definition.',
  'Overall, {k} is manageable once you break it into smaller pieces.',
];

const SENT_PARTS = SENT.map((s) => s.split(/( \{k2?\})/).filter(Boolean));

/**
 * Prose of about `target` tokens about the prompt's topic. The token count is computed
 * while composing, from tokenizer counts of each piece at boundaries where the tokenizer's
 * pre-tokenisation splits anyway (before a space+word, after a newline run), and registered
 * so the response's count is exact without re-tokenising.
 */
export function composeProse(rng: Rng, prompt: string, target: number, bullets = false): string {
  const ks = keywords(prompt, 6);
  const pieces: string[] = [];
  let tokens = 0;
  let inPara = 0;
  let paraLen = rng.int(3, 5);
  while (tokens < target) {
    const tpl = rng.pick(SENT_PARTS);
    let lead = '';
    if (pieces.length) {
      const sep = inPara === 0 ? '\n\n' : bullets ? '\n' : ' ';
      if (sep === ' ') lead = ' ';
      else {
        // newlines join the previous piece: the tokenizer merges "." with a newline run
        const last = pieces.pop() as string;
        tokens -= pieceCount(last);
        pieces.push(last + sep);
        tokens += pieceCount(last + sep);
      }
    }
    if (bullets && rng.chance(0.5)) lead = '- ';
    tpl.forEach((p, i) => {
      let text = p.replace('{k}', rng.pick(ks)).replace('{k2}', rng.pick(ks));
      if (i === 0) text = lead + text;
      pieces.push(text);
      tokens += pieceCount(text);
    });
    inPara++;
    if (inPara >= paraLen) {
      inPara = 0;
      paraLen = rng.int(3, 5);
    }
  }
  const out = pieces.join('');
  rememberCount(out, tokens);
  return out;
}

/** A short structured output (JSON) for pipelines. */
export function composeJson(rng: Rng, fields: Record<string, () => unknown>): string {
  const o: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) o[k] = f();
  return rng.chance(0.8) ? JSON.stringify(o) : JSON.stringify(o, null, 2);
}

/** Wrap a corpus derivation as a served answer in a language. */
export function servedWorked(
  rng: Rng,
  lang: Lang,
  derivation: string,
  final: string,
  long = false,
): string {
  const b = BANK[lang];
  const head = rng.pick(b.open);
  const mid = long
    ? `${derivation}\n\n${lang === 'en' ? 'Checking: substituting back confirms each intermediate value.' : (derivation.split('\n')[0] ?? '')}`
    : derivation;
  return `${head}\n\n${mid}\n\n${rng.pick(b.close)} ${final || '(see above)'}.`;
}

export function codeAnswer(rng: Rng, solution: string, prompt: string): string {
  const lead = rng.pick([
    'Here is a straightforward implementation:',
    'This does it:',
    'A simple approach:',
    'You can solve it like this:',
  ]);
  const explain = composeProse(rng, prompt, rng.int(40, 140));
  return `${lead}\n\n\`\`\`python\n${solution.trim()}\n\`\`\`\n\n${explain}`;
}

export function typo(rng: Rng, s: string): string {
  if (s.length < 12 || !rng.chance(0.3)) return s;
  const i = rng.int(1, s.length - 2);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}
