/**
 * Wording in many languages: how people ask for a worked solution, ask "why?", name a
 * step or an answer, and a handful of everyday requests per language. The ten large
 * European/Asian languages are here (ordinary users write in them), and so are many
 * more: Swahili, Tagalog, Vietnamese, Turkish, Polish, Indonesian, Hindi, Persian, Thai,
 * Ukrainian, Dutch, Romanian, Czech, Hungarian, Bengali, Hebrew, Greek, Malay.
 */

export type Lang =
  | 'en'
  | 'es'
  | 'fr'
  | 'de'
  | 'pt'
  | 'it'
  | 'zh'
  | 'ja'
  | 'ru'
  | 'ko'
  | 'sw'
  | 'tl'
  | 'vi'
  | 'tr'
  | 'pl'
  | 'id'
  | 'hi'
  | 'fa'
  | 'th'
  | 'uk'
  | 'nl'
  | 'ro'
  | 'cs'
  | 'hu'
  | 'bn'
  | 'he'
  | 'el'
  | 'ms';

/** The ten languages most word lists cover. */
export const BIG: readonly Lang[] = ['en', 'es', 'fr', 'de', 'pt', 'it', 'zh', 'ja', 'ru', 'ko'];
/** Languages outside that set. */
export const WIDER: readonly Lang[] = [
  'sw',
  'tl',
  'vi',
  'tr',
  'pl',
  'id',
  'hi',
  'fa',
  'th',
  'uk',
  'nl',
  'ro',
  'cs',
  'hu',
  'bn',
  'he',
  'el',
  'ms',
];

/** Per-language wording. */
export interface Words {
  step: string;
  answer: string;
  so: string;
  /** Asking for a worked, stepwise solution. */
  steps: string[];
  /** "Why?" follow-ups that need no knowledge of the previous answer. */
  why: string[];
  /** Asking the model to answer (and so to reason) in this language. */
  answerIn: string;
  /** Everyday requests. */
  chat: string[];
  /** Opening of a helpful everyday answer. */
  sure: string;
}

export const WORDS: Record<Lang, Words> = {
  en: {
    sure: 'Sure! Here are a few suggestions:',
    step: 'Step',
    answer: 'Answer',
    so: 'So',
    steps: [
      'Explain step by step how to solve this.',
      'Can you solve this step by step?',
      'Please show your work so I can follow.',
      'How do I solve this? I need to understand the method, not just the answer.',
      'how do you do this? show the steps',
      'I need the steps for this one',
      'explain how to get the answer pls',
      'Can you explain this step by step?',
      'solve and explain please',
      "I don't get how to solve this, can you explain?",
      'what are the steps to solve this',
      'Can you break this down for me?',
    ],
    why: ['Why?', 'Why is that?', 'But why?'],
    answerIn: '',
    chat: [],
  },
  es: {
    sure: '¡Claro! Aquí tienes algunas ideas:',
    step: 'Paso',
    answer: 'Respuesta',
    so: 'Por lo tanto',
    steps: [
      'Explícame paso a paso cómo se resuelve.',
      'Resuélvelo paso a paso, por favor.',
      '¿Me ayudas a resolver esto paso a paso?',
    ],
    why: ['¿Por qué?', '¿Y por qué pasa eso?', '¿Por qué es así?'],
    answerIn: 'Responde en español.',
    chat: [
      '¿Qué puedo cocinar esta noche con arroz, pollo y pimientos?',
      'Escribe un correo formal para pedir una prórroga del plazo de entrega del proyecto.',
      '¿Cuál es la diferencia entre un fondo indexado y un ETF?',
      'Dame ideas para el cumpleaños de mi hija de 8 años.',
      'Resume en tres puntos las causas de la Primera Guerra Mundial.',
    ],
  },
  fr: {
    sure: 'Bien sûr ! Voici quelques pistes :',
    step: 'Étape',
    answer: 'Réponse',
    so: 'Donc',
    steps: [
      'Explique-moi étape par étape comment résoudre ce problème.',
      'Peux-tu résoudre ceci étape par étape ?',
    ],
    why: ['Pourquoi ?', 'Et pourquoi est-ce le cas ?', "Qu'est-ce qui explique ça ?"],
    answerIn: 'Réponds en français.',
    chat: [
      'Comment rédiger une lettre de motivation pour un stage en marketing ?',
      'Quelle est la meilleure façon de conserver des herbes fraîches ?',
      'Traduis cette phrase en anglais : « Je serai en retard à la réunion de demain. »',
      'Donne-moi un programme de course à pied pour débutant sur 6 semaines.',
      'Quels sont les avantages et les inconvénients du télétravail ?',
    ],
  },
  de: {
    sure: 'Gern! Hier ein paar Vorschläge:',
    step: 'Schritt',
    answer: 'Antwort',
    so: 'Also',
    steps: [
      'Erklär mir Schritt für Schritt, wie man das löst.',
      'Kannst du das bitte Schritt für Schritt vorrechnen?',
    ],
    why: ['Warum?', 'Und warum ist das so?', 'Wieso eigentlich?'],
    answerIn: 'Antworte auf Deutsch.',
    chat: [
      'Wie formuliere ich eine höfliche Absage auf eine Einladung?',
      'Was ist der Unterschied zwischen Brutto und Netto beim Gehalt?',
      'Schreib mir einen kurzen Geburtstagsgruß für meine Kollegin.',
      'Welche Pflanzen eignen sich für einen schattigen Balkon?',
      'Wie kann ich in Excel doppelte Einträge entfernen?',
    ],
  },
  pt: {
    sure: 'Claro! Aqui vão algumas sugestões:',
    step: 'Passo',
    answer: 'Resposta',
    so: 'Portanto',
    steps: ['Me explica passo a passo como resolver isso.', 'Resolva passo a passo, por favor.'],
    why: ['Por quê?', 'E por que isso acontece?'],
    answerIn: 'Responda em português.',
    chat: [
      'Como faço para calcular juros compostos no Excel?',
      'Escreva uma mensagem de agradecimento para um cliente.',
      'Quais são os melhores exercícios para dor nas costas?',
      'Me dá uma receita de bolo de cenoura sem lactose.',
      'Qual a diferença entre CLT e PJ?',
    ],
  },
  it: {
    sure: 'Certo! Ecco alcuni suggerimenti:',
    step: 'Passo',
    answer: 'Risposta',
    so: 'Quindi',
    steps: ['Spiegami passo dopo passo come si risolve.', 'Risolvilo passo per passo, per favore.'],
    why: ['Perché?', 'E perché succede?'],
    answerIn: 'Rispondi in italiano.',
    chat: [
      'Come posso migliorare il mio curriculum per un lavoro in banca?',
      "Scrivi una breve poesia sul mare d'inverno.",
      'Quali documenti servono per rinnovare il passaporto?',
      'Consigliami tre libri di fantascienza per iniziare.',
      'Come si fa il lievito madre in casa?',
    ],
  },
  zh: {
    sure: '当然可以！以下是一些建议：',
    step: '第{n}步',
    answer: '答案',
    so: '因此',
    steps: ['请一步一步地讲解怎么解这道题。', '请分步解答下面的问题。'],
    why: ['为什么？', '为什么会这样？', '这是什么原因？'],
    answerIn: '请用中文回答。',
    chat: [
      '帮我写一封请假邮件，理由是家里有事。',
      '推荐几本适合初学者的Python书。',
      '北京三天旅游怎么安排比较好？',
      '怎么提高英语口语？',
      '番茄炒蛋怎么做才好吃？',
    ],
  },
  ja: {
    sure: 'もちろんです。いくつか提案します：',
    step: 'ステップ',
    answer: '答え',
    so: 'したがって',
    steps: ['この問題の解き方をステップごとに教えてください。', '順を追って解いてください。'],
    why: ['なぜですか？', 'どうしてそうなるのですか？'],
    answerIn: '日本語で答えてください。',
    chat: [
      '取引先へのお礼メールの文面を考えてください。',
      '東京で雨の日に楽しめる場所を教えて。',
      'Pythonでリストの重複を削除する方法は？',
      '週末に作れる簡単な作り置きレシピを教えて。',
      '転職の面接でよく聞かれる質問は何ですか？',
    ],
  },
  ru: {
    sure: 'Конечно! Вот несколько вариантов:',
    step: 'Шаг',
    answer: 'Ответ',
    so: 'Следовательно',
    steps: ['Объясни по шагам, как это решить.', 'Реши, пожалуйста, пошагово.'],
    why: ['Почему?', 'А почему так?'],
    answerIn: 'Отвечай по-русски.',
    chat: [
      'Как написать заявление на отпуск?',
      'Посоветуй фильм на вечер, что-нибудь лёгкое.',
      'Чем отличается ИП от ООО?',
      'Как быстро выучить таблицу умножения с ребёнком?',
      'Составь план тренировок на неделю для начинающего.',
    ],
  },
  ko: {
    sure: '물론이죠! 몇 가지 제안드릴게요:',
    step: '단계',
    answer: '답',
    so: '따라서',
    steps: ['이 문제를 단계별로 풀어 주세요.', '풀이 과정을 차근차근 알려 주세요.'],
    why: ['왜 그런가요?', '그 이유가 뭔가요?'],
    answerIn: '한국어로 답해 주세요.',
    chat: [
      '자기소개서 첫 문장을 어떻게 쓰면 좋을까요?',
      '서울에서 가볼 만한 전시회 추천해 주세요.',
      '엑셀에서 VLOOKUP 사용법 알려줘.',
      '다이어트 식단 일주일치 짜 줘.',
      '고양이가 밥을 안 먹을 때 어떻게 해야 하나요?',
    ],
  },
  sw: {
    sure: 'Bila shaka! Haya ni baadhi ya mapendekezo:',
    step: 'Hatua',
    answer: 'Jibu',
    so: 'Kwa hiyo',
    steps: [
      'Eleza hatua kwa hatua jinsi ya kupata jibu.',
      'Tatua swali hili hatua kwa hatua.',
      'Nionyeshe kila hatua hadi kufikia jibu.',
    ],
    why: ['Kwa nini?', 'Kwa nini iko hivyo?', 'Nini kinasababisha hilo?'],
    answerIn: 'Jibu kwa Kiswahili.',
    chat: [
      'Nipe ushauri wa jinsi ya kuanzisha biashara ndogo ya mboga.',
      'Niandikie barua ya kuomba kazi ya uhasibu.',
      'Ni vyakula gani vina protini nyingi kwa bei nafuu?',
      'Eleza tofauti kati ya mvua za masika na vuli.',
      'Nisaidie kupanga bajeti ya mwezi kwa familia ya watu wanne.',
    ],
  },
  tl: {
    sure: 'Sige! Narito ang ilang mungkahi:',
    step: 'Hakbang',
    answer: 'Sagot',
    so: 'Kaya',
    steps: [
      'Ipaliwanag nang hakbang-hakbang kung paano makukuha ang sagot.',
      'Lutasin ito nang sunud-sunod na hakbang.',
    ],
    why: ['Bakit?', 'Bakit ganoon?', 'Ano ang dahilan niyan?'],
    answerIn: 'Sumagot sa Tagalog.',
    chat: [
      'Paano magluto ng adobong manok na malambot?',
      'Gumawa ka ng maikling talumpati para sa pagtatapos.',
      'Ano ang mga requirements sa pagkuha ng passport?',
      'Magbigay ng tips para makatipid sa kuryente.',
      'Isulat mo ang liham ng paghingi ng paumanhin sa kaibigan.',
    ],
  },
  vi: {
    sure: 'Được chứ! Dưới đây là một vài gợi ý:',
    step: 'Bước',
    answer: 'Đáp án',
    so: 'Vậy',
    steps: [
      'Hãy giải thích từng bước cách tìm ra đáp án.',
      'Giải bài này từng bước giúp mình.',
      'Trình bày lời giải chi tiết từng bước.',
    ],
    why: ['Tại sao?', 'Tại sao lại như vậy?', 'Vì sao thế?'],
    answerIn: 'Trả lời bằng tiếng Việt.',
    chat: [
      'Viết giúp mình email xin nghỉ phép ba ngày.',
      'Nấu phở bò tại nhà cần những nguyên liệu gì?',
      'Gợi ý lịch trình du lịch Đà Lạt 3 ngày 2 đêm.',
      'Làm sao để học tiếng Anh giao tiếp hiệu quả?',
      'So sánh iPhone và Samsung tầm giá 15 triệu.',
    ],
  },
  tr: {
    sure: 'Tabii! İşte birkaç öneri:',
    step: 'Adım',
    answer: 'Cevap',
    so: 'Dolayısıyla',
    steps: ['Cevaba nasıl ulaşıldığını adım adım açıkla.', 'Bu soruyu adım adım çözer misin?'],
    why: ['Neden?', 'Peki bu neden böyle?', 'Bunun sebebi ne?'],
    answerIn: 'Türkçe cevap ver.',
    chat: [
      'İş başvurusu için kısa bir ön yazı yazar mısın?',
      'Evde kolay mercimek çorbası tarifi verir misin?',
      'Kira artış oranı nasıl hesaplanır?',
      'Kapadokya gezisi için öneriler neler?',
      "Excel'de iki sütunu nasıl karşılaştırırım?",
    ],
  },
  pl: {
    sure: 'Jasne! Oto kilka propozycji:',
    step: 'Krok',
    answer: 'Odpowiedź',
    so: 'Zatem',
    steps: ['Wyjaśnij krok po kroku, jak dojść do odpowiedzi.', 'Rozwiąż to krok po kroku.'],
    why: ['Dlaczego?', 'A dlaczego tak jest?', 'Z czego to wynika?'],
    answerIn: 'Odpowiedz po polsku.',
    chat: [
      'Napisz krótkie podziękowanie dla nauczycielki na koniec roku.',
      'Jak rozliczyć PIT za wynajem mieszkania?',
      'Podaj przepis na pierogi ruskie.',
      'Co warto zobaczyć w Krakowie w jeden dzień?',
      'Jak przygotować się do rozmowy kwalifikacyjnej w IT?',
    ],
  },
  id: {
    sure: 'Tentu! Berikut beberapa saran:',
    step: 'Langkah',
    answer: 'Jawaban',
    so: 'Jadi',
    steps: [
      'Jelaskan langkah demi langkah bagaimana mendapatkan jawabannya.',
      'Tolong kerjakan soal ini langkah demi langkah.',
      'Bantu jawab soal ini beserta caranya, langkah per langkah.',
    ],
    why: ['Kenapa?', 'Kenapa begitu?', 'Apa alasannya?'],
    answerIn: 'Jawab dalam bahasa Indonesia.',
    chat: [
      'Buatkan caption Instagram untuk jualan kue kering.',
      'Bagaimana cara membuat rendang yang empuk?',
      'Tolong buatkan surat lamaran kerja untuk posisi admin.',
      'Apa saja tempat wisata di Yogyakarta yang wajib dikunjungi?',
      'Bagaimana cara menghitung zakat penghasilan?',
    ],
  },
  hi: {
    sure: 'ज़रूर! यहाँ कुछ सुझाव हैं:',
    step: 'चरण',
    answer: 'उत्तर',
    so: 'इसलिए',
    steps: [
      'कृपया उत्तर तक पहुँचने की प्रक्रिया चरण-दर-चरण समझाइए।',
      'इस सवाल को स्टेप बाय स्टेप हल करके दिखाइए।',
    ],
    why: ['ऐसा क्यों?', 'यह ऐसा क्यों होता है?'],
    answerIn: 'हिंदी में उत्तर दीजिए।',
    chat: [
      'छुट्टी के लिए आवेदन पत्र लिख दीजिए।',
      'घर पर पनीर बटर मसाला कैसे बनाएं?',
      'म्यूचुअल फंड और एफडी में क्या अंतर है?',
      'बच्चों के लिए एक छोटी नैतिक कहानी सुनाइए।',
      'सरकारी नौकरी की तैयारी कैसे शुरू करें?',
    ],
  },
  fa: {
    sure: 'حتماً! چند پیشنهاد:',
    step: 'مرحله',
    answer: 'پاسخ',
    so: 'بنابراین',
    steps: [
      'لطفاً مرحله به مرحله توضیح بده که چطور به جواب می‌رسیم.',
      'این سؤال را قدم به قدم حل کن.',
    ],
    why: ['چرا؟', 'چرا این‌طور است؟'],
    answerIn: 'به فارسی پاسخ بده.',
    chat: [
      'یک متن تبریک تولد برای دوستم بنویس.',
      'چطور قورمه‌سبزی خوشمزه درست کنم؟',
      'برای مصاحبه کاری چه سؤالاتی را باید آماده کنم؟',
      'چند کتاب خوب برای یادگیری برنامه‌نویسی پیشنهاد بده.',
      'تفاوت بیمه عمر و بیمه درمان چیست؟',
    ],
  },
  th: {
    sure: 'ได้เลย! นี่คือคำแนะนำบางส่วน:',
    step: 'ขั้นตอนที่',
    answer: 'คำตอบ',
    so: 'ดังนั้น',
    steps: ['ช่วยอธิบายทีละขั้นตอนว่าได้คำตอบมาอย่างไร', 'ช่วยแก้โจทย์นี้แบบทีละขั้นหน่อย'],
    why: ['ทำไม', 'ทำไมถึงเป็นแบบนั้น'],
    answerIn: 'ตอบเป็นภาษาไทย',
    chat: [
      'ช่วยเขียนอีเมลลาป่วยถึงหัวหน้าให้หน่อย',
      'แนะนำที่เที่ยวเชียงใหม่ช่วงหน้าหนาว',
      'วิธีทำต้มยำกุ้งน้ำข้น',
      'ออมเงินเดือนละ 5,000 บาท ควรลงทุนอะไรดี',
      'ช่วยแต่งกลอนวันแม่สั้นๆ',
    ],
  },
  uk: {
    sure: 'Звісно! Ось кілька порад:',
    step: 'Крок',
    answer: 'Відповідь',
    so: 'Отже',
    steps: ['Поясни крок за кроком, як отримати відповідь.', 'Розв’яжи це покроково, будь ласка.'],
    why: ['Чому?', 'А чому так?'],
    answerIn: 'Відповідай українською.',
    chat: [
      'Напиши привітання з днем народження для колеги.',
      'Як приготувати справжній борщ?',
      'Які документи потрібні для відкриття ФОП?',
      'Порадь книжки для підлітка 14 років.',
      'Як скласти резюме без досвіду роботи?',
    ],
  },
  nl: {
    sure: 'Natuurlijk! Hier zijn een paar suggesties:',
    step: 'Stap',
    answer: 'Antwoord',
    so: 'Dus',
    steps: [
      'Leg stap voor stap uit hoe je tot het antwoord komt.',
      'Kun je dit stap voor stap oplossen?',
    ],
    why: ['Waarom?', 'Waarom is dat zo?'],
    answerIn: 'Antwoord in het Nederlands.',
    chat: [
      'Schrijf een korte motivatiebrief voor een bijbaan in de supermarkt.',
      'Hoe maak ik stamppot boerenkool?',
      'Wat is het verschil tussen een annuïteitenhypotheek en een lineaire hypotheek?',
      'Geef tips om beter te slapen.',
      'Welke fietsroute is mooi in Zeeland?',
    ],
  },
  ro: {
    sure: 'Sigur! Iată câteva sugestii:',
    step: 'Pasul',
    answer: 'Răspuns',
    so: 'Deci',
    steps: ['Explică pas cu pas cum se ajunge la răspuns.', 'Rezolvă problema pas cu pas.'],
    why: ['De ce?', 'De ce este așa?'],
    answerIn: 'Răspunde în română.',
    chat: [
      'Scrie-mi un mesaj de mulțumire pentru un profesor.',
      'Cum fac sarmale ca la bunica?',
      'Ce acte îmi trebuie pentru permisul de conducere?',
      'Recomandă-mi un traseu montan pentru începători.',
      'Cum calculez impozitul pe chirie?',
    ],
  },
  cs: {
    sure: 'Jasně! Tady je pár návrhů:',
    step: 'Krok',
    answer: 'Odpověď',
    so: 'Tedy',
    steps: [
      'Vysvětli krok za krokem, jak se dostat k odpovědi.',
      'Vyřeš to prosím postupně krok za krokem.',
    ],
    why: ['Proč?', 'A proč to tak je?'],
    answerIn: 'Odpověz česky.',
    chat: [
      'Napiš krátký e-mail s omluvou za zpoždění.',
      'Jak upéct kynuté buchty?',
      'Co je lepší, hypotéka s fixací na 3 nebo 5 let?',
      'Doporuč výlet na víkend v jižních Čechách.',
      'Jak naučit psa chodit na vodítku?',
    ],
  },
  hu: {
    sure: 'Persze! Íme néhány javaslat:',
    step: 'Lépés',
    answer: 'Válasz',
    so: 'Tehát',
    steps: [
      'Magyarázd el lépésről lépésre, hogyan jutunk el a válaszhoz.',
      'Oldd meg lépésenként, kérlek.',
    ],
    why: ['Miért?', 'És ez miért van így?'],
    answerIn: 'Magyarul válaszolj.',
    chat: [
      'Írj egy rövid köszönőlevelet a csapatnak.',
      'Hogyan kell gulyáslevest főzni?',
      'Mit érdemes megnézni Budapesten egy nap alatt?',
      'Milyen kérdésekre számítsak egy állásinterjún?',
      'Hogyan spórolhatok a fűtésszámlán?',
    ],
  },
  bn: {
    sure: 'অবশ্যই! এখানে কয়েকটি পরামর্শ:',
    step: 'ধাপ',
    answer: 'উত্তর',
    so: 'সুতরাং',
    steps: ['ধাপে ধাপে ব্যাখ্যা করো কীভাবে উত্তর পাওয়া যায়।', 'এই অঙ্কটি ধাপে ধাপে সমাধান করে দাও।'],
    why: ['কেন?', 'এমন কেন হয়?'],
    answerIn: 'বাংলায় উত্তর দাও।',
    chat: [
      'ছুটির জন্য একটি দরখাস্ত লিখে দাও।',
      'ইলিশ মাছের ঝোল কীভাবে রান্না করব?',
      'চাকরির ইন্টারভিউতে কী ধরনের প্রশ্ন আসে?',
      'বাচ্চাদের জন্য একটি ছোট গল্প লেখো।',
      'অনলাইনে ব্যবসা শুরু করার উপায় কী?',
    ],
  },
  he: {
    sure: 'בטח! הנה כמה הצעות:',
    step: 'שלב',
    answer: 'תשובה',
    so: 'לכן',
    steps: ['הסבר שלב אחר שלב איך מגיעים לתשובה.', 'תפתור את זה צעד אחר צעד בבקשה.'],
    why: ['למה?', 'ולמה זה כך?'],
    answerIn: 'ענה בעברית.',
    chat: [
      'תכתוב לי מייל קצר לבעל הבית על תיקון הדוד.',
      'איך מכינים שקשוקה טובה?',
      'מה ההבדל בין קרן השתלמות לקופת גמל?',
      'תמליץ על מסלול טיול בצפון לשבת.',
      'איך מתכוננים לראיון עבודה בהייטק?',
    ],
  },
  el: {
    sure: 'Φυσικά! Ιδού μερικές προτάσεις:',
    step: 'Βήμα',
    answer: 'Απάντηση',
    so: 'Άρα',
    steps: [
      'Εξήγησε βήμα προς βήμα πώς φτάνουμε στην απάντηση.',
      'Λύσε το βήμα βήμα, σε παρακαλώ.',
    ],
    why: ['Γιατί;', 'Και γιατί συμβαίνει αυτό;'],
    answerIn: 'Απάντησε στα ελληνικά.',
    chat: [
      'Γράψε μου ένα σύντομο email για άδεια από τη δουλειά.',
      'Πώς φτιάχνω μουσακά;',
      'Ποια νησιά αξίζει να δω τον Ιούνιο;',
      'Πώς κάνω φορολογική δήλωση για ενοίκια;',
      'Πρότεινέ μου βιβλία για να μάθω προγραμματισμό.',
    ],
  },
  ms: {
    sure: 'Boleh! Berikut beberapa cadangan:',
    step: 'Langkah',
    answer: 'Jawapan',
    so: 'Jadi',
    steps: [
      'Terangkan langkah demi langkah bagaimana mendapat jawapan.',
      'Tolong selesaikan soalan ini langkah demi langkah.',
    ],
    why: ['Kenapa?', 'Kenapa jadi begitu?'],
    answerIn: 'Jawab dalam bahasa Melayu.',
    chat: [
      'Tolong tulis surat cuti sakit kepada majikan.',
      'Macam mana nak masak nasi lemak yang sedap?',
      'Apa beza ASB dan Tabung Haji?',
      'Cadangkan tempat percutian di Langkawi.',
      'Bagaimana nak mula berniaga secara online?',
    ],
  },
};

/** "Step n" in a language. */
export function stepLabel(lang: Lang, n: number): string {
  const w = WORDS[lang].step;
  return w.includes('{n}') ? w.replace('{n}', String(n)) : `${w} ${n}`;
}

/** UI strings a localisation team sends for translation, with reference translations. */
export const UI_STRINGS: readonly { en: string; t: Partial<Record<Lang, string>> }[] = [
  {
    en: 'Save changes',
    t: {
      es: 'Guardar cambios',
      fr: 'Enregistrer les modifications',
      de: 'Änderungen speichern',
      pt: 'Salvar alterações',
      ja: '変更を保存',
      id: 'Simpan perubahan',
      tr: 'Değişiklikleri kaydet',
      pl: 'Zapisz zmiany',
      vi: 'Lưu thay đổi',
    },
  },
  {
    en: 'Your order has shipped',
    t: {
      es: 'Tu pedido ha sido enviado',
      fr: 'Votre commande a été expédiée',
      de: 'Ihre Bestellung wurde versandt',
      pt: 'Seu pedido foi enviado',
      ja: 'ご注文の商品を発送しました',
      id: 'Pesanan Anda telah dikirim',
      tr: 'Siparişiniz kargoya verildi',
      pl: 'Twoje zamówienie zostało wysłane',
      vi: 'Đơn hàng của bạn đã được gửi đi',
    },
  },
  {
    en: 'Forgot your password?',
    t: {
      es: '¿Olvidaste tu contraseña?',
      fr: 'Mot de passe oublié ?',
      de: 'Passwort vergessen?',
      pt: 'Esqueceu sua senha?',
      ja: 'パスワードをお忘れですか？',
      id: 'Lupa kata sandi?',
      tr: 'Şifrenizi mi unuttunuz?',
      pl: 'Nie pamiętasz hasła?',
      vi: 'Quên mật khẩu?',
    },
  },
  {
    en: 'Free shipping on orders over $50',
    t: {
      es: 'Envío gratis en pedidos de más de 50 $',
      fr: 'Livraison gratuite dès 50 $ d’achat',
      de: 'Kostenloser Versand ab 50 $',
      pt: 'Frete grátis em pedidos acima de US$ 50',
      ja: '50ドル以上のご注文で送料無料',
      id: 'Gratis ongkir untuk pesanan di atas $50',
      tr: '50 $ üzeri siparişlerde ücretsiz kargo',
      pl: 'Darmowa dostawa przy zamówieniach powyżej 50 $',
      vi: 'Miễn phí vận chuyển cho đơn hàng trên 50 $',
    },
  },
  {
    en: 'Are you sure you want to delete this file?',
    t: {
      es: '¿Seguro que quieres eliminar este archivo?',
      fr: 'Voulez-vous vraiment supprimer ce fichier ?',
      de: 'Möchten Sie diese Datei wirklich löschen?',
      pt: 'Tem certeza de que deseja excluir este arquivo?',
      ja: 'このファイルを削除してもよろしいですか？',
      id: 'Yakin ingin menghapus file ini?',
      tr: 'Bu dosyayı silmek istediğinizden emin misiniz?',
      pl: 'Czy na pewno chcesz usunąć ten plik?',
      vi: 'Bạn có chắc muốn xóa tệp này không?',
    },
  },
  {
    en: 'Your subscription renews on {date}',
    t: {
      es: 'Tu suscripción se renueva el {date}',
      fr: 'Votre abonnement sera renouvelé le {date}',
      de: 'Ihr Abo verlängert sich am {date}',
      pt: 'Sua assinatura será renovada em {date}',
      ja: 'サブスクリプションは{date}に更新されます',
      id: 'Langganan Anda diperpanjang pada {date}',
      tr: 'Aboneliğiniz {date} tarihinde yenilenir',
      pl: 'Twoja subskrypcja odnowi się {date}',
      vi: 'Gói đăng ký của bạn sẽ gia hạn vào {date}',
    },
  },
  {
    en: 'Add to cart',
    t: {
      es: 'Añadir al carrito',
      fr: 'Ajouter au panier',
      de: 'In den Warenkorb',
      pt: 'Adicionar ao carrinho',
      ja: 'カートに入れる',
      id: 'Tambah ke keranjang',
      tr: 'Sepete ekle',
      pl: 'Dodaj do koszyka',
      vi: 'Thêm vào giỏ hàng',
    },
  },
  {
    en: 'We could not process your payment. Please try another card.',
    t: {
      es: 'No pudimos procesar tu pago. Prueba con otra tarjeta.',
      fr: 'Nous n’avons pas pu traiter votre paiement. Veuillez essayer une autre carte.',
      de: 'Ihre Zahlung konnte nicht verarbeitet werden. Bitte versuchen Sie eine andere Karte.',
      pt: 'Não foi possível processar seu pagamento. Tente outro cartão.',
      ja: 'お支払いを処理できませんでした。別のカードをお試しください。',
      id: 'Pembayaran Anda tidak dapat diproses. Silakan coba kartu lain.',
      tr: 'Ödemeniz işlenemedi. Lütfen başka bir kart deneyin.',
      pl: 'Nie udało się przetworzyć płatności. Spróbuj innej karty.',
      vi: 'Không thể xử lý thanh toán của bạn. Vui lòng thử thẻ khác.',
    },
  },
  {
    en: 'Invite your team',
    t: {
      es: 'Invita a tu equipo',
      fr: 'Invitez votre équipe',
      de: 'Team einladen',
      pt: 'Convide sua equipe',
      ja: 'チームを招待',
      id: 'Undang tim Anda',
      tr: 'Ekibinizi davet edin',
      pl: 'Zaproś swój zespół',
      vi: 'Mời nhóm của bạn',
    },
  },
  {
    en: 'Last updated {n} minutes ago',
    t: {
      es: 'Última actualización hace {n} minutos',
      fr: 'Dernière mise à jour il y a {n} minutes',
      de: 'Zuletzt aktualisiert vor {n} Minuten',
      pt: 'Atualizado há {n} minutos',
      ja: '{n}分前に更新',
      id: 'Terakhir diperbarui {n} menit lalu',
      tr: 'Son güncelleme {n} dakika önce',
      pl: 'Ostatnia aktualizacja {n} minut temu',
      vi: 'Cập nhật {n} phút trước',
    },
  },
  {
    en: 'Download the app',
    t: {
      es: 'Descarga la aplicación',
      fr: 'Téléchargez l’application',
      de: 'App herunterladen',
      pt: 'Baixe o aplicativo',
      ja: 'アプリをダウンロード',
      id: 'Unduh aplikasinya',
      tr: 'Uygulamayı indirin',
      pl: 'Pobierz aplikację',
      vi: 'Tải ứng dụng',
    },
  },
  {
    en: 'Your session has expired. Please sign in again.',
    t: {
      es: 'Tu sesión ha caducado. Vuelve a iniciar sesión.',
      fr: 'Votre session a expiré. Veuillez vous reconnecter.',
      de: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
      pt: 'Sua sessão expirou. Faça login novamente.',
      ja: 'セッションの有効期限が切れました。もう一度サインインしてください。',
      id: 'Sesi Anda telah berakhir. Silakan masuk lagi.',
      tr: 'Oturumunuzun süresi doldu. Lütfen tekrar giriş yapın.',
      pl: 'Sesja wygasła. Zaloguj się ponownie.',
      vi: 'Phiên của bạn đã hết hạn. Vui lòng đăng nhập lại.',
    },
  },
];
