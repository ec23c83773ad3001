// Text banks written for blind11: names and domains, other-language prompts and replies, and
// small compositional generators for documents that pipelines process (tickets, reviews,
// résumés, product briefs, stories, diffs, knowledge-base articles).
import type { Rng } from './rng.js';

export const FIRST = [
  'james',
  'maria',
  'wei',
  'aisha',
  'lucas',
  'sofia',
  'arjun',
  'yuki',
  'olga',
  'mateo',
  'emma',
  'noah',
  'li',
  'fatima',
  'daniel',
  'hannah',
  'ravi',
  'chloe',
  'omar',
  'elena',
  'kenji',
  'amara',
  'jonas',
  'priya',
  'diego',
  'nora',
  'tariq',
  'mei',
  'ivan',
  'grace',
  'samuel',
  'zara',
  'leon',
  'ana',
  'hiro',
  'nadia',
  'felix',
  'ines',
  'kwame',
  'julia',
  'minh',
  'sara',
  'tomasz',
  'layla',
  'ethan',
  'camila',
  'jin',
  'aylin',
  'pablo',
  'freya',
];
export const LAST = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'muller',
  'rossi',
  'patel',
  'tanaka',
  'ivanova',
  'lopez',
  'johnson',
  'kim',
  'nguyen',
  'silva',
  'dubois',
  'kowalski',
  'ahmed',
  'schmidt',
  'wang',
  'singh',
  'brown',
  'park',
  'costa',
  'yilmaz',
  'sato',
  'novak',
  'hassan',
  'martin',
  'okafor',
  'lee',
  'walker',
  'fischer',
  'moreau',
  'santos',
  'cohen',
  'ali',
  'popescu',
  'berg',
  'reyes',
  'zhang',
];
export const CONSUMER_DOMAINS: [string, number][] = [
  ['gmail.com', 50],
  ['outlook.com', 10],
  ['yahoo.com', 6],
  ['icloud.com', 6],
  ['hotmail.com', 5],
  ['proton.me', 3],
  ['gmx.de', 1.5],
  ['web.de', 1],
  ['qq.com', 1.5],
  ['163.com', 1],
  ['naver.com', 1],
  ['yandex.ru', 1],
  ['mail.ru', 0.8],
  ['orange.fr', 0.8],
  ['libero.it', 0.5],
];
export const EDU_DOMAINS = [
  'cs.stateuniv.edu',
  'mail.northfield.edu',
  'student.lakeside.ac.uk',
  'uni-halberg.de',
  'stud.techuniv.nl',
  'alumni.westbrook.edu',
  'g.riverton.edu',
  'ens.univ-marais.fr',
  'connect.harborview.edu.au',
  'mails.tsinghai-tech.edu.cn',
  'kaist-like.ac.kr',
  'iit-sample.ac.in',
  'umail.pinecrest.edu',
  'student.uni-kessel.at',
  'live.eastgate.ac.uk',
  'usp-sample.br',
];
export const DISPOSABLE = [
  'mailinator.com',
  'guerrillamail.com',
  'tempmail.dev',
  'sharklasers.com',
];

const SYL = [
  'lo',
  'ra',
  'vi',
  'ne',
  'ta',
  'ko',
  'mi',
  'sa',
  'du',
  'pe',
  'zo',
  'ri',
  'ka',
  'ly',
  'fo',
  'bri',
  'ca',
  'ven',
];
const WORDS = [
  'north',
  'bright',
  'stack',
  'loop',
  'pixel',
  'cedar',
  'harbor',
  'quant',
  'lumen',
  'vector',
  'atlas',
  'orbit',
  'signal',
  'maple',
  'forge',
  'delta',
  'nimbus',
  'sparrow',
  'tidal',
  'ember',
  'crest',
  'mosaic',
];

export function brand(r: Rng): string {
  return r.chance(0.5)
    ? r.pick(WORDS) + r.pick(WORDS)
    : r.pick(SYL) + r.pick(SYL) + (r.chance(0.5) ? r.pick(SYL) : '');
}

export function companyDomain(r: Rng): string {
  return brand(r) + r.pick(['.com', '.io', '.ai', '.co', '.dev', '.app', '.tech', '.de', '.co.uk']);
}

export function personEmail(
  r: Rng,
  domain: string,
  style: 'plain' | 'digits' | 'dotted' = 'plain',
): string {
  const f = r.pick(FIRST);
  const l = r.pick(LAST);
  let local: string;
  if (style === 'digits') local = `${f}${l}${r.int(10, 9999)}`;
  else if (style === 'dotted') local = `${f}.${l}${r.chance(0.5) ? r.int(1, 99) : ''}`;
  else
    local = r.pick([
      `${f}.${l}`,
      `${f}${l}`,
      `${f[0]}${l}`,
      `${f}_${l}`,
      `${f}${r.int(1, 99)}`,
      `${l}.${f}`,
    ]);
  return `${local}@${domain}`;
}

// ---------------------------------------------------------------------------------------------
// Other languages

export interface Lang {
  code: string;
  name: string;
  countries: string[];
  chat: string[];
  reply: string[];
  homework: string[]; // honest: "{p}" is the problem
  harvest: string[]; // campaign wording: "{p}" is the problem
  solve: string; // "here is the solution" in this language
}

export const LANGS: Lang[] = [
  {
    code: 'es',
    solve: 'Veamos la solución con detalle.',
    name: 'Spanish',
    countries: ['ES', 'MX'],
    chat: [
      '¿Qué me recomiendas para mejorar mi pronunciación en inglés?',
      'Escribe un correo formal para pedir una reunión con mi jefe la próxima semana.',
      '¿Cuál es la diferencia entre una tarjeta de crédito y una de débito?',
      'Dame ideas para una cena vegetariana fácil para seis personas.',
      'Explícame cómo funciona la inflación con un ejemplo sencillo.',
      '¿Cómo puedo organizar mejor mi tiempo si trabajo y estudio a la vez?',
      'Resume en pocas líneas la historia de la independencia de México.',
      'Necesito un poema corto para el cumpleaños de mi abuela.',
      '¿Qué debo revisar antes de firmar un contrato de alquiler?',
      'Tradúceme este mensaje al inglés de forma natural: "Gracias por tu paciencia, te respondo mañana".',
    ],
    reply: [
      'Claro, aquí tienes algunas ideas que pueden ayudarte.',
      'Lo más importante es empezar con pasos pequeños y ser constante.',
      'Depende un poco de tu situación, pero en general conviene comparar varias opciones.',
      'Un buen punto de partida es anotar lo que ya sabes y lo que te falta por averiguar.',
      'Si tienes dudas, consulta con un profesional antes de tomar una decisión definitiva.',
      'Espero que esto te sirva; si quieres, puedo darte más detalles sobre cualquier punto.',
      'En resumen, la clave está en planificar con tiempo y revisar los resultados.',
      'Otra opción es pedir recomendaciones a personas que ya hayan pasado por lo mismo.',
    ],
    homework: [
      'Hola, no entiendo este problema de mi tarea, ¿me lo explicas? {p}',
      '¿Me ayudas a resolver esto? Lo intenté pero me sale otro resultado: {p}',
      'Mi hijo tiene este ejercicio y no sé cómo explicárselo: {p}',
    ],
    harvest: [
      'Resuelve el siguiente problema desarrollando todo el razonamiento intermedio; cada paso debe justificarse antes de pasar al siguiente. Al final, escribe la respuesta en una línea aparte.\n\n{p}',
      'Actúa como un profesor universitario muy minucioso. Piensa en voz alta y en detalle, luego redacta la solución completa.\nEnunciado: {p}',
      'Analiza el enunciado, enumera los datos, plantea la estrategia y desarrolla cada cálculo sin omitir nada.\n{p}',
      'Primero razona en inglés con todo detalle y después escribe la solución completa en español.\n{p}',
    ],
  },
  {
    code: 'pt',
    solve: 'Vamos à resolução completa.',
    name: 'Portuguese',
    countries: ['BR'],
    chat: [
      'Como faço para começar a investir com pouco dinheiro?',
      'Me ajuda a escrever uma mensagem de agradecimento para um colega que está saindo da empresa?',
      'Quais são os principais pontos turísticos de Salvador?',
      'Explique de forma simples o que é uma API.',
      'Quero uma receita de bolo de cenoura sem glúten.',
      'Como posso melhorar meu currículo para vagas de tecnologia?',
      'Qual a diferença entre MEI e microempresa?',
      'Faça um resumo do livro Dom Casmurro em um parágrafo.',
    ],
    reply: [
      'Claro! Vou te explicar de um jeito bem direto.',
      'O primeiro passo é entender qual é o seu objetivo principal.',
      'Vale a pena comparar as opções antes de decidir.',
      'Em geral, a recomendação é começar devagar e ir ajustando com o tempo.',
      'Se quiser, posso detalhar melhor qualquer um desses pontos.',
      'Lembre-se de que cada caso é diferente, então adapte as sugestões à sua realidade.',
    ],
    homework: [
      'Oi, pode me explicar como resolver essa questão? {p}',
      'Não consegui chegar na resposta certa dessa atividade: {p}',
    ],
    harvest: [
      'Resolva o problema abaixo mostrando todo o raciocínio, etapa por etapa, justificando cada decisão. Termine com a resposta final em uma linha separada.\n\n{p}',
      'Pense com calma e escreva todo o seu processo de pensamento antes da resposta.\nProblema: {p}',
      'Explique minuciosamente a estratégia, faça todos os cálculos intermediários e verifique o resultado no final.\n{p}',
    ],
  },
  {
    code: 'fr',
    solve: 'Voici la résolution détaillée.',
    name: 'French',
    countries: ['FR'],
    chat: [
      'Peux-tu me proposer un programme de révision pour le bac en trois semaines ?',
      'Rédige une lettre de motivation courte pour un stage en marketing.',
      'Quelle est la différence entre un CDD et un CDI ?',
      'Donne-moi une recette simple de ratatouille.',
      'Explique-moi le fonctionnement de la photosynthèse simplement.',
      'Comment négocier poliment une augmentation de salaire ?',
      'Quels livres me conseilles-tu pour apprendre la philosophie ?',
      'Corrige les fautes de ce texte : "Je suis aller au marché hier et j\'ai acheter des pommes."',
    ],
    reply: [
      'Bien sûr, voici quelques pistes pour commencer.',
      'Le plus important est de rester régulier et de ne pas tout vouloir faire en même temps.',
      'Cela dépend un peu de votre situation, mais voici les grandes lignes.',
      "Vous pouvez aussi demander conseil à quelqu'un qui a déjà fait la démarche.",
      "N'hésitez pas si vous voulez que je détaille un point en particulier.",
      'En résumé, il faut bien préparer en amont et vérifier chaque étape.',
    ],
    homework: [
      "Bonjour, je ne comprends pas cet exercice, tu peux m'expliquer ? {p}",
      "Comment on résout ça ? J'ai essayé mais je bloque : {p}",
    ],
    harvest: [
      'Résous le problème suivant en détaillant tout le raisonnement intermédiaire ; chaque étape doit être justifiée. Donne la réponse finale sur une ligne séparée.\n\n{p}',
      'Réfléchis à voix haute de manière exhaustive, puis rédige la solution complète.\nÉnoncé : {p}',
      'Identifie les données, expose la méthode, puis effectue chaque calcul sans en sauter aucun.\n{p}',
    ],
  },
  {
    code: 'de',
    solve: 'Hier ist der vollständige Lösungsweg.',
    name: 'German',
    countries: ['DE'],
    chat: [
      'Kannst du mir helfen, eine höfliche Absage für ein Vorstellungsgespräch zu schreiben?',
      'Was ist der Unterschied zwischen einer GmbH und einer UG?',
      'Gib mir Tipps für eine Radtour an der Mosel mit Kindern.',
      'Erkläre mir, wie eine Wärmepumpe funktioniert.',
      'Wie kann ich meine Steuererklärung am besten vorbereiten?',
      'Schreibe eine kurze Geburtstagskarte für meinen Kollegen.',
      'Welche Vor- und Nachteile hat ein Elektroauto im Winter?',
      'Fasse die wichtigsten Punkte der DSGVO in fünf Sätzen zusammen.',
    ],
    reply: [
      'Gern, hier sind ein paar Vorschläge.',
      'Am wichtigsten ist, dass du dir zuerst einen Überblick verschaffst.',
      'Das hängt etwas von deiner Situation ab, aber grundsätzlich gilt Folgendes.',
      'Es lohnt sich, mehrere Angebote zu vergleichen, bevor du dich entscheidest.',
      'Wenn du möchtest, kann ich auf einzelne Punkte genauer eingehen.',
      'Kurz gesagt: gut planen, Schritt für Schritt vorgehen und am Ende alles noch einmal prüfen.',
    ],
    homework: [
      'Hallo, kannst du mir diese Aufgabe erklären? Ich verstehe sie nicht: {p}',
      'Wie rechnet man das? Ich komme auf ein anderes Ergebnis als im Lösungsheft: {p}',
    ],
    harvest: [
      'Löse die folgende Aufgabe und lege dabei den vollständigen Gedankengang offen; begründe jeden Zwischenschritt. Gib das Ergebnis am Ende in einer eigenen Zeile an.\n\n{p}',
      'Denke ausführlich laut nach und schreibe anschließend die komplette Lösung auf.\nAufgabe: {p}',
    ],
  },
  {
    code: 'zh',
    solve: '下面给出完整的解题过程。',
    name: 'Chinese',
    countries: ['CN', 'SG', 'TW', 'HK'],
    chat: [
      '帮我写一段周末去杭州两日游的行程安排。',
      '如何提高英语口语？有没有比较实用的方法？',
      '请解释一下什么是区块链，用通俗的话说。',
      '我想给客户写一封道歉邮件，因为发货延迟了，帮我起草一下。',
      '推荐几本适合初学者的理财书。',
      '怎样才能养成早睡早起的习惯？',
      '请把下面这句话翻译成英文：“我们下周再讨论这个问题。”',
      '帮我想几个咖啡店的名字，要简短好记。',
      '公司年会需要一个三分钟的开场白，帮我写一下。',
      '孩子不爱写作业，家长应该怎么沟通？',
    ],
    reply: [
      '好的，下面是一些建议，供你参考。',
      '最重要的是先明确目标，然后一步一步来。',
      '具体情况还要看你的实际需求，不过一般来说可以从以下几个方面入手。',
      '如果还有不清楚的地方，可以继续问我。',
      '建议你先做一个简单的计划，再根据实际情况调整。',
      '总的来说，坚持和复盘是最关键的两点。',
      '另外，也可以参考身边有经验的人的做法。',
    ],
    homework: [
      '这道题我不太会，能帮我讲一下吗？{p}',
      '老师布置的作业，我算出来的答案和书上不一样：{p}',
    ],
    harvest: [
      '请对下面的题目给出完整、详细的推理过程，每一步都要写清楚依据，不要跳步。最后单独一行写出答案。\n\n{p}',
      '你是一位严谨的竞赛教练。请先用英文进行充分、细致的思考，然后用中文写出完整的解题过程。\n题目：{p}',
      '请先分析题意、列出已知条件，再说明解题思路，最后逐步计算并检验结果。\n{p}',
      '把你解决这个问题时的全部思考过程原原本本地写出来，包括尝试过但放弃的方法。\n{p}',
    ],
  },
  {
    code: 'ja',
    solve: '以下に解答の過程を示します。',
    name: 'Japanese',
    countries: ['JP'],
    chat: [
      '来週の会議の議事録テンプレートを作ってください。',
      '京都で紅葉がきれいな場所を教えてください。',
      '上司へのお礼のメールを丁寧な敬語で書いてください。',
      'Pythonとは何か、初心者向けに説明してください。',
      '一人暮らしで節約するコツを教えて。',
      '猫が夜中に鳴く理由は何ですか？',
      '英語のプレゼンで使える表現をいくつか教えてください。',
    ],
    reply: [
      'はい、いくつかのポイントをまとめました。',
      'まずは目的をはっきりさせることが大切です。',
      '状況によって異なりますが、一般的には次の方法がおすすめです。',
      '無理をせず、少しずつ続けることがコツです。',
      'ほかにも気になる点があれば、お気軽にお聞きください。',
      'まとめると、準備と見直しが成功の鍵になります。',
    ],
    homework: [
      'この問題の解き方がわかりません。教えてもらえますか？{p}',
      '宿題なんですが、答えが合いません：{p}',
    ],
    harvest: [
      '次の問題について、途中の考え方をすべて省略せずに書き出し、各ステップの根拠を示してください。最後に答えを一行で示してください。\n\n{p}',
      'まず英語で詳細に思考し、その後日本語で完全な解答を書いてください。\n問題：{p}',
    ],
  },
  {
    code: 'ko',
    solve: '풀이 과정은 다음과 같습니다.',
    name: 'Korean',
    countries: ['KR'],
    chat: [
      '부산 2박 3일 여행 코스를 추천해 주세요.',
      '회사 동료에게 보낼 감사 메시지를 써 주세요.',
      '주식과 채권의 차이를 쉽게 설명해 줄래?',
      '자기소개서 첫 문장을 인상적으로 쓰는 방법이 궁금해요.',
      '집에서 할 수 있는 간단한 운동 루틴을 알려줘.',
      '김치찌개 맛있게 끓이는 법 알려주세요.',
      '영어 회화 실력을 빨리 늘리는 방법이 있을까요?',
    ],
    reply: [
      '네, 몇 가지 방법을 정리해 드릴게요.',
      '가장 중요한 것은 꾸준히 하는 것입니다.',
      '상황에 따라 다르지만 일반적으로는 다음과 같은 방법을 추천합니다.',
      '처음에는 작은 목표부터 시작해 보세요.',
      '더 궁금한 점이 있으면 언제든지 물어보세요.',
      '요약하자면, 계획을 세우고 결과를 점검하는 것이 핵심입니다.',
    ],
    homework: ['이 문제 어떻게 푸는지 설명해 줄 수 있어요? {p}', '숙제인데 답이 안 맞아요: {p}'],
    harvest: [
      '다음 문제를 풀 때 중간 추론 과정을 하나도 생략하지 말고 모두 서술하세요. 각 단계의 근거를 밝히고, 마지막 줄에 답을 쓰세요.\n\n{p}',
      '먼저 영어로 충분히 자세하게 생각한 뒤, 한국어로 완전한 풀이를 작성하세요.\n문제: {p}',
      '문제를 분석하고 조건을 정리한 다음, 풀이 전략과 모든 계산 과정을 단계별로 보여 주세요.\n{p}',
    ],
  },
  {
    code: 'ru',
    solve: 'Ниже приведено подробное решение.',
    name: 'Russian',
    countries: ['RU', 'UA'],
    chat: [
      'Помоги составить резюме для позиции аналитика данных.',
      'Какие достопримечательности стоит посмотреть в Казани за два дня?',
      'Объясни простыми словами, что такое машинное обучение.',
      'Напиши вежливое письмо арендодателю о поломке отопления.',
      'Как правильно готовиться к собеседованию на английском?',
      'Посоветуй несколько книг по истории Европы.',
      'Чем отличается ИП от ООО?',
    ],
    reply: [
      'Конечно, вот несколько рекомендаций.',
      'Самое главное — заранее определить цель и двигаться к ней постепенно.',
      'Многое зависит от вашей ситуации, но в целом можно начать со следующего.',
      'Если что-то останется непонятным, спрашивайте — разберём подробнее.',
      'Имеет смысл сравнить несколько вариантов, прежде чем принимать решение.',
      'Коротко говоря: планирование, регулярность и проверка результата.',
    ],
    homework: [
      'Помогите, пожалуйста, разобраться с задачей, не понимаю решение: {p}',
      'У меня не сходится ответ в этой задаче: {p}',
    ],
    harvest: [
      'Реши задачу, подробно расписав весь ход рассуждений; каждый переход обоснуй. В конце отдельной строкой укажи ответ.\n\n{p}',
      'Сначала подробно порассуждай на английском, затем изложи полное решение на русском.\nЗадача: {p}',
      'Разбери условие, выпиши данные, опиши стратегию и выполни все вычисления без пропусков.\n{p}',
    ],
  },
  {
    code: 'ar',
    solve: 'إليك الحل بالتفصيل.',
    name: 'Arabic',
    countries: ['AE', 'EG'],
    chat: [
      'اكتب لي رسالة شكر لزميل ساعدني في مشروع العمل.',
      'ما هي أفضل طريقة لتعلم البرمجة من الصفر؟',
      'اشرح لي الفرق بين الادخار والاستثمار.',
      'اقترح عليّ برنامجًا لزيارة دبي في ثلاثة أيام.',
      'كيف أحضّر لمقابلة عمل باللغة الإنجليزية؟',
      'ما فوائد المشي اليومي للصحة؟',
    ],
    reply: [
      'بالتأكيد، إليك بعض الأفكار المفيدة.',
      'الأهم هو أن تبدأ بخطوات صغيرة وتستمر عليها.',
      'يعتمد ذلك على ظروفك، لكن بشكل عام يمكنك البدء بما يلي.',
      'إذا كان لديك أي سؤال آخر فلا تتردد في طرحه.',
      'باختصار، التخطيط الجيد والمراجعة المستمرة هما مفتاح النجاح.',
    ],
    homework: ['ممكن تشرح لي حل هذه المسألة؟ {p}', 'لم أفهم هذا التمرين من الواجب: {p}'],
    harvest: [
      'حل المسألة التالية مع كتابة كل خطوات التفكير بالتفصيل وتبرير كل خطوة، ثم اكتب الجواب النهائي في سطر منفصل.\n\n{p}',
      'فكّر أولاً بالإنجليزية بشكل مفصل، ثم اكتب الحل الكامل بالعربية.\nالمسألة: {p}',
    ],
  },
  {
    code: 'vi',
    solve: 'Dưới đây là lời giải chi tiết.',
    name: 'Vietnamese',
    countries: ['VN'],
    chat: [
      'Gợi ý cho mình lịch trình du lịch Đà Nẵng 3 ngày.',
      'Làm sao để học tiếng Anh giao tiếp hiệu quả?',
      'Viết giúp mình một email xin nghỉ phép gửi quản lý.',
      'Giải thích đơn giản về lạm phát là gì.',
      'Cách nấu phở bò tại nhà như thế nào?',
    ],
    reply: [
      'Được chứ, dưới đây là một vài gợi ý cho bạn.',
      'Điều quan trọng nhất là xác định rõ mục tiêu ngay từ đầu.',
      'Tùy vào hoàn cảnh của bạn, nhưng nhìn chung bạn có thể bắt đầu như sau.',
      'Nếu còn thắc mắc, bạn cứ hỏi thêm nhé.',
      'Tóm lại, hãy lập kế hoạch cụ thể và kiên trì thực hiện.',
    ],
    homework: ['Bài này làm thế nào vậy, giải thích giúp mình với: {p}'],
    harvest: [
      'Hãy giải bài toán sau, trình bày đầy đủ toàn bộ quá trình suy luận, giải thích lý do của từng bước. Dòng cuối ghi đáp án.\n\n{p}',
      'Hãy suy nghĩ thật chi tiết bằng tiếng Anh trước, sau đó viết lời giải hoàn chỉnh bằng tiếng Việt.\nĐề bài: {p}',
    ],
  },
  {
    code: 'id',
    solve: 'Berikut penyelesaiannya secara lengkap.',
    name: 'Indonesian',
    countries: ['ID'],
    chat: [
      'Tolong buatkan rencana belajar bahasa Inggris selama satu bulan.',
      'Apa perbedaan antara saham dan reksa dana?',
      'Bantu saya menulis caption Instagram untuk toko kue saya.',
      'Rekomendasi tempat wisata di Yogyakarta untuk keluarga?',
      'Bagaimana cara membuat CV yang menarik untuk fresh graduate?',
    ],
    reply: [
      'Tentu, berikut beberapa saran yang bisa dicoba.',
      'Yang paling penting adalah konsisten dan mulai dari langkah kecil.',
      'Tergantung kebutuhan Anda, tetapi secara umum langkahnya seperti ini.',
      'Kalau masih ada yang kurang jelas, silakan tanya lagi.',
      'Singkatnya, buat rencana yang jelas lalu evaluasi hasilnya secara rutin.',
    ],
    homework: ['Kak, soal ini cara ngerjainnya gimana ya? {p}'],
    harvest: [
      'Selesaikan soal berikut dengan menuliskan seluruh proses penalaran secara rinci dan jelaskan alasan setiap langkah. Tulis jawaban akhir di baris terpisah.\n\n{p}',
      'Pikirkan secara mendalam dalam bahasa Inggris terlebih dahulu, lalu tulis penyelesaian lengkap dalam bahasa Indonesia.\nSoal: {p}',
    ],
  },
  {
    code: 'tr',
    solve: 'Çözüm aşağıda adım adım verilmiştir.',
    name: 'Turkish',
    countries: ['TR'],
    chat: [
      'İstanbul’da iki günde gezilecek yerleri önerir misin?',
      'İş görüşmesi için kendimi nasıl tanıtmalıyım?',
      'Kira sözleşmesinde nelere dikkat etmeliyim?',
      'Basit bir mercimek çorbası tarifi verir misin?',
      'Yapay zekâ nedir, kısaca anlatır mısın?',
    ],
    reply: [
      'Tabii, işte birkaç öneri.',
      'En önemlisi hedefinizi netleştirip adım adım ilerlemek.',
      'Durumunuza göre değişir ama genel olarak şu adımlarla başlayabilirsiniz.',
      'Başka bir sorunuz olursa çekinmeden sorabilirsiniz.',
      'Kısacası iyi bir plan ve düzenli kontrol başarının anahtarıdır.',
    ],
    homework: ['Bu soruyu nasıl çözeceğimi anlatır mısın? {p}'],
    harvest: [
      'Aşağıdaki problemi çözerken tüm akıl yürütme sürecini ayrıntılı biçimde yaz ve her adımı gerekçelendir. Son satırda cevabı ver.\n\n{p}',
      'Önce İngilizce olarak ayrıntılı düşün, ardından çözümün tamamını Türkçe yaz.\nProblem: {p}',
    ],
  },
  {
    code: 'hi',
    solve: 'नीचे पूरा हल दिया गया है।',
    name: 'Hindi',
    countries: ['IN'],
    chat: [
      'मुझे एक छोटा सा भाषण लिखकर दो जो स्कूल के वार्षिक समारोह में बोला जा सके।',
      'घर पर योग शुरू करने के लिए कुछ आसान आसन बताइए।',
      'म्यूचुअल फंड और फिक्स्ड डिपॉज़िट में क्या अंतर है?',
      'गोवा घूमने के लिए तीन दिन का प्लान बनाइए।',
    ],
    reply: [
      'ज़रूर, यहाँ कुछ उपयोगी सुझाव दिए गए हैं।',
      'सबसे ज़रूरी है कि आप छोटे कदमों से शुरुआत करें और नियमित रहें।',
      'यह आपकी स्थिति पर निर्भर करता है, लेकिन सामान्य तौर पर आप ऐसे शुरू कर सकते हैं।',
      'अगर कोई और सवाल हो तो ज़रूर पूछिए।',
    ],
    homework: ['यह सवाल कैसे हल करें, समझा दीजिए: {p}'],
    harvest: [
      'नीचे दिए गए प्रश्न को हल करते समय अपनी पूरी सोच की प्रक्रिया विस्तार से लिखिए और हर चरण का कारण बताइए। अंत में उत्तर अलग पंक्ति में लिखिए।\n\n{p}',
    ],
  },
];

export function langByCode(code: string): Lang {
  const l = LANGS.find((x) => x.code === code);
  if (!l) throw new Error('unknown language ' + code);
  return l;
}

/** A reply of roughly `sentences` sentences in the given language. */
export function langReply(r: Rng, l: Lang, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    out.push(r.pick(l.reply));
    if (i % 3 === 2) out.push('\n\n');
  }
  return out.join(l.code === 'zh' || l.code === 'ja' ? '' : ' ').replace(/ \n\n /g, '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Documents for pipelines

const PRODUCTS = [
  'wireless earbuds',
  'standing desk',
  'espresso machine',
  'running shoes',
  'air purifier',
  'robot vacuum',
  'yoga mat',
  'electric kettle',
  'mechanical keyboard',
  'baby monitor',
  'smart thermostat',
  'hiking backpack',
  'phone case',
  'office chair',
  'cast iron pan',
  'projector',
  'e-reader',
  'dash cam',
  'water bottle',
  'gaming headset',
];
const ISSUES = [
  'stopped charging after two weeks',
  'arrived with a cracked panel',
  'was charged twice on my card',
  'never received the tracking number',
  'keeps disconnecting from wifi',
  'is missing the power adapter',
  'makes a loud rattling noise',
  'does not match the size on the website',
  'the app will not let me log in',
  'the refund has not appeared after ten days',
  'the wrong colour was delivered',
  'the warranty form fails to submit',
];
const TONES = [
  'Hi, ',
  'Hello team, ',
  'This is really frustrating. ',
  'Good morning, ',
  'To whom it may concern, ',
  'hey - ',
  'Urgent: ',
  '',
];

export function supportTicket(r: Rng): string {
  const p = r.pick(PRODUCTS);
  const order = `#${r.int(100000, 999999)}`;
  const days = r.int(2, 30);
  const parts = [
    `${r.pick(TONES)}I ordered the ${p} (order ${order}) ${days} days ago and it ${r.pick(ISSUES)}.`,
  ];
  if (r.chance(0.6))
    parts.push(
      r.pick([
        'I already tried restarting it and resetting to factory settings.',
        'I contacted you last week and nobody answered.',
        'I have attached photos of the box.',
        'This was supposed to be a gift.',
        'I would like a replacement rather than a refund if possible.',
        'Please cancel the rest of my subscription as well.',
      ]),
    );
  if (r.chance(0.5))
    parts.push(
      r.pick([
        'Can you tell me what my options are?',
        'How long will this take to resolve?',
        'Please call me back, my number is on the account.',
        'I expect a full refund.',
        'Thanks in advance for your help.',
      ]),
    );
  if (r.chance(0.4)) parts.push(`— ${r.pick(FIRST)[0]!.toUpperCase()}${r.pick(FIRST).slice(1)}`);
  return parts.join(' ');
}

export function productReview(r: Rng): string {
  const p = r.pick(PRODUCTS);
  const stars = r.int(1, 5);
  const good = [
    'build quality is solid',
    'setup took five minutes',
    'battery lasts all day',
    'looks great on my desk',
    'customer service was quick',
    'very good value for the price',
  ];
  const bad = [
    'instructions are confusing',
    'it is louder than expected',
    'the strap broke quickly',
    'shipping took forever',
    'the app is buggy',
    'smaller than the photos suggest',
  ];
  const s: string[] = [
    `${stars}/5 stars. Bought this ${p} ${r.pick(['last month', 'for my partner', 'after reading reviews', 'on sale', 'to replace an old one'])}.`,
  ];
  const ng = stars >= 4 ? 2 : stars === 3 ? 1 : 0;
  for (const g of r.sample(good, ng + r.int(0, 1))) s.push(`The ${g}.`);
  for (const b of r.sample(bad, 3 - ng)) s.push(`On the downside, the ${b}.`);
  s.push(
    r.pick([
      'Would buy again.',
      'Returned it.',
      'Still deciding.',
      'Recommended with caveats.',
      'Not worth it.',
    ]),
  );
  return s.join(' ');
}

const DEPTS = [
  'finance',
  'engineering',
  'marketing',
  'sales',
  'operations',
  'legal',
  'support',
  'design',
];

export function meetingNotes(r: Rng): string {
  const who = r.sample(FIRST, r.int(3, 6)).map((n) => n[0]!.toUpperCase() + n.slice(1));
  const lines = [
    `Meeting: ${r.pick(DEPTS)} weekly sync — ${r.pick(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} ${r.int(1, 28)}/${r.int(1, 12)}`,
    `Attendees: ${who.join(', ')}`,
    '',
  ];
  const topics = [
    'Q3 budget variance is 4% over plan, mostly cloud spend',
    'vendor contract renewal due end of month',
    'hiring: two open roles, one offer out',
    'launch date moved by one week because of QA findings',
    'customer escalation from a large account about latency',
    'migration to the new billing system is 70% complete',
    'security review flagged outdated dependencies',
    'office move planning, need headcount by Friday',
    'OKR check-in: churn target at risk',
  ];
  for (const t of r.sample(topics, r.int(3, 6))) {
    lines.push(
      `- ${t}. ${r.pick(who)} to follow up${r.chance(0.5) ? ` by ${r.pick(['Friday', 'next week', 'EOD', 'the 15th'])}` : ''}.`,
    );
  }
  return lines.join('\n');
}

export function invoiceText(r: Rng): string {
  const vendor = brand(r);
  const items = r.int(1, 5);
  const lines = [
    `INVOICE ${r.pick(['INV', 'F', 'RG', 'A'])}-${r.int(1000, 99999)}`,
    `From: ${vendor[0]!.toUpperCase()}${vendor.slice(1)} ${r.pick(['Ltd', 'GmbH', 'LLC', 'SAS', 'Inc.'])}`,
    `Date: 2026-0${r.int(1, 2)}-${String(r.int(1, 28)).padStart(2, '0')}   Due: net ${r.pick([15, 30, 45])}`,
  ];
  let total = 0;
  for (let i = 0; i < items; i++) {
    const q = r.int(1, 20);
    const u = r.int(5, 900);
    total += q * u;
    lines.push(
      `${r.pick(['Consulting hours', 'License seat', 'Hosting', 'Support plan', 'Hardware', 'Training session'])}  x${q}  @ ${u}.00`,
    );
  }
  lines.push(`Total due: ${total}.00 ${r.pick(['USD', 'EUR', 'GBP'])}`);
  return lines.join('\n');
}

export function contractClause(r: Rng): string {
  const party = ['the Supplier', 'the Customer', 'the Licensee', 'the Contractor'];
  return [
    `${r.int(1, 18)}.${r.int(1, 9)} ${r.pick(['Termination', 'Confidentiality', 'Liability', 'Payment', 'Warranty', 'Data Protection'])}.`,
    `${r.pick(party)} shall ${r.pick(['notify', 'indemnify', 'reimburse', 'provide written notice to'])} ${r.pick(party)} within ${r.int(5, 90)} days ${r.pick(['of any breach', 'of receiving an invoice', 'after the effective date', 'of becoming aware of an incident'])}.`,
    r.pick([
      'Liability under this clause is limited to the fees paid in the preceding twelve months.',
      'This obligation survives termination of the Agreement.',
      'Either party may terminate for convenience with sixty days notice.',
      'Personal data shall be processed only on documented instructions.',
    ]),
  ].join(' ');
}

export function newsParagraph(r: Rng, replies: readonly string[]): string {
  // Use real prose from the corpus as an "article" body.
  const base = r.pick(replies);
  return base.length > 2400 ? base.slice(0, 2400) : base;
}

// ---------------------------------------------------------------------------------------------
// Résumés, ads, stories, code diffs, knowledge base, UI strings

const ROLES = [
  'Software Engineer',
  'Data Analyst',
  'Product Manager',
  'Registered Nurse',
  'Sales Associate',
  'Accountant',
  'UX Designer',
  'Warehouse Supervisor',
  'Marketing Coordinator',
  'DevOps Engineer',
  'Teacher',
  'Customer Success Manager',
];
const SKILLS = [
  'Python',
  'SQL',
  'Excel',
  'Kubernetes',
  'Figma',
  'Salesforce',
  'Tableau',
  'Java',
  'patient care',
  'inventory management',
  'public speaking',
  'Spanish',
  'React',
  'AWS',
  'budgeting',
  'SEO',
  'Go',
  'team leadership',
];
const SCHOOLS = [
  'State University',
  'City College',
  'Institute of Technology',
  'Community College',
  'Polytechnic',
  'School of Business',
];

export function resume(r: Rng): string {
  const name = `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
  const role = r.pick(ROLES);
  const years = r.int(0, 18);
  const lines = [
    name,
    `${role} | ${r.int(0, 1) ? 'Remote' : cap(r.pick(['austin', 'leeds', 'pune', 'toronto', 'berlin', 'manila', 'lagos']))}`,
    '',
  ];
  lines.push(
    `SUMMARY: ${role} with ${years} years of experience in ${r.sample(SKILLS, 2).join(' and ')}.`,
  );
  lines.push('EXPERIENCE');
  let y = 2025;
  for (let i = 0; i < r.int(1, 4); i++) {
    const len = r.int(1, 5);
    lines.push(`- ${r.pick(ROLES)}, ${cap(brand(r))} (${y - len}–${i === 0 ? 'present' : y})`);
    lines.push(
      `  ${r.pick(['Led', 'Built', 'Managed', 'Reduced', 'Improved', 'Launched'])} ${r.pick(['a team of ' + r.int(2, 12), 'the reporting pipeline', 'onboarding time by ' + r.int(10, 60) + '%', 'quarterly revenue by ' + r.int(5, 40) + '%', 'a migration to the cloud', 'customer satisfaction scores'])}.`,
    );
    y -= len;
  }
  lines.push('EDUCATION');
  lines.push(
    `- ${r.pick(['B.Sc.', 'B.A.', 'M.Sc.', 'MBA', 'Associate', 'Diploma'])}, ${cap(brand(r))} ${r.pick(SCHOOLS)}, ${y - r.int(0, 3)}`,
  );
  lines.push(`SKILLS: ${r.sample(SKILLS, r.int(3, 7)).join(', ')}`);
  return lines.join('\n');
}

function cap(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function adBrief(r: Rng): { product: string; audience: string; brief: string } {
  const product = r.pick(PRODUCTS);
  const audience = r.pick([
    'busy parents',
    'college students',
    'remote workers',
    'first-time homeowners',
    'gamers',
    'runners over 40',
    'small business owners',
    'pet owners',
  ]);
  const usp = r.pick([
    'half the price of the leading brand',
    'made from recycled materials',
    'ships in 24 hours',
    'two-year warranty',
    'designed by physiotherapists',
    'works with every phone',
  ]);
  return {
    product,
    audience,
    brief: `Product: ${cap(brand(r))} ${product}\nAudience: ${audience}\nKey benefit: ${usp}\nTone: ${r.pick(['playful', 'premium', 'urgent', 'friendly', 'minimal'])}\nChannel: ${r.pick(['Google search ads', 'Instagram story', 'Facebook feed', 'email subject lines', 'LinkedIn sponsored post'])}`,
  };
}

export function adVariants(r: Rng, product: string, k: number): string {
  const openers = [
    'Meet your new favourite',
    'Finally, a',
    'Say hello to the',
    'Upgrade to a',
    'The only',
    'Why settle? Get the',
  ];
  const closers = [
    'Shop now.',
    'Limited stock.',
    'Free returns.',
    'Try it risk-free.',
    'Order today.',
    'See why thousands switched.',
  ];
  const out: string[] = [];
  for (let i = 1; i <= k; i++) out.push(`${i}. ${r.pick(openers)} ${product}. ${r.pick(closers)}`);
  return out.join('\n');
}

const ANIMALS = [
  'fox',
  'otter',
  'rabbit',
  'owl',
  'turtle',
  'bear cub',
  'hedgehog',
  'penguin',
  'squirrel',
  'goat',
];
const PLACES = [
  'forest',
  'harbour town',
  'snowy mountain',
  'garden',
  'old library',
  'farm',
  'river bank',
  'city park',
];

export function storyPassage(r: Rng): string {
  const a = r.pick(ANIMALS);
  const b = r.pick(ANIMALS);
  const pl = r.pick(PLACES);
  const s = [
    `In the ${pl} there lived a ${a} who was ${r.pick(['curious about everything', 'afraid of the dark', 'always late', 'very good at building things', 'shy around strangers'])}.`,
    `One ${r.pick(['morning', 'rainy afternoon', 'windy evening', 'winter day'])}, the ${a} discovered ${r.pick(['a map hidden under a stone', 'a lost kite stuck in a tree', 'a door that had never been opened', 'a letter addressed to nobody'])}.`,
    `Its friend the ${b} ${r.pick(['thought it was a terrible idea', 'offered to help immediately', 'was too busy at first', 'had seen something similar before'])}, and together they ${r.pick(['set off before lunch', 'argued about what to do', 'asked the oldest tree for advice', 'made a plan on the back of a leaf'])}.`,
    `Notwithstanding the considerable obstacles, ${r.pick(['the journey demanded perseverance and ingenuity', 'their collaboration proved remarkably effective', 'they encountered numerous unexpected complications'])}.`,
    `By the time the sun went down, the ${a} understood that ${r.pick(['being brave does not mean not being scared', 'friends make hard things easier', 'asking for help is a strength', 'patience pays off'])}.`,
  ];
  return s.join(' ');
}

export interface Diff {
  path: string;
  text: string;
}

export function codeDiff(r: Rng, source: string): Diff {
  const lines = source.split('\n').slice(0, 40);
  const path = `${r.pick(['src', 'lib', 'app', 'pkg', 'services'])}/${r.pick(['utils', 'core', 'api', 'handlers', 'models', 'jobs'])}/${r.pick(['parse', 'compute', 'helpers', 'sync', 'validate', 'report'])}.py`;
  const start = r.int(1, Math.max(1, lines.length - 3));
  const out = [
    `diff --git a/${path} b/${path}`,
    `index ${r.hex(7)}..${r.hex(7)} 100644`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${start},${lines.length} +${start},${lines.length + 2} @@`,
  ];
  const edit = r.int(0, Math.max(0, lines.length - 1));
  lines.forEach((l, i) => {
    if (i === edit) {
      out.push('-' + l);
      out.push(
        '+' + l.replace(/\b([a-z]{3,})\b/, (m) => m + '_' + r.pick(['new', 'v2', 'safe', 'tmp'])),
      );
      out.push(
        '+' +
          l.replace(
            /\S.*$/,
            r.pick([
              '# TODO: handle empty input',
              'if not data: return None',
              'logger.debug("checkpoint")',
              'assert result is not None',
            ]),
          ),
      );
    } else out.push(' ' + l);
  });
  return { path, text: out.join('\n') };
}

export function kbArticle(r: Rng, product: string): string {
  return [
    `## ${cap(product)}: ${r.pick(['Resetting your device', 'Billing and refunds', 'Warranty coverage', 'Connecting to the app', 'Shipping times', 'Cancelling a subscription'])}`,
    `To ${r.pick(['reset the device', 'request a refund', 'file a warranty claim', 'pair the app', 'check delivery status', 'cancel'])}, ${r.pick(['open Settings > Account', 'hold the power button for 10 seconds', 'visit the Orders page', 'contact support with your order number'])}.`,
    `${r.pick(['Refunds are processed within 5–7 business days.', 'The warranty covers manufacturing defects for 24 months.', 'Standard shipping takes 3–5 days; express is next day.', 'Subscriptions can be cancelled at any time without a fee.'])}`,
    `${r.pick(['Items must be returned in original packaging.', 'Accidental damage is not covered.', 'Orders to islands may take longer.', 'Prorated refunds are not available for annual plans.'])}`,
  ].join('\n');
}

export const UI_STRINGS = [
  'Save changes',
  'Your session has expired. Please sign in again.',
  'Add to cart',
  'Forgot password?',
  'We could not process your payment.',
  'Upload a file or drag it here',
  'Notifications',
  'Delete account permanently',
  'You have {count} unread messages',
  'Free shipping on orders over {amount}',
  'Search products, brands and more',
  'Your order is on its way!',
  'Enable two-factor authentication',
  'Terms of Service',
  'Try again later',
  'Invite teammates',
  'Export as CSV',
  'This field is required',
  'Last updated {date}',
  'Continue with Google',
];
