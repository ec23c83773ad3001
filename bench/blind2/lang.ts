/**
 * Non-English text written for this generator: everyday chats in widely used languages,
 * short business sentences with translations, and worked-solution phrasing in
 * languages that keyword lists built around the ten largest web languages miss.
 */
import type { Rng } from './rng.js';

export interface ChatPair {
  lang: string;
  user: string;
  assistant: string;
}

export const CHATS: readonly ChatPair[] = [
  {
    lang: 'es',
    user: '¿Qué puedo cocinar esta noche con pollo, arroz y pimientos?',
    assistant:
      'Una buena opción es un arroz con pollo sencillo: dora el pollo en trozos, añade cebolla y pimiento picados, luego el arroz y el doble de caldo. Cocina a fuego bajo unos 20 minutos con la olla tapada. Si prefieres algo más rápido, saltea todo como un arroz frito con un poco de salsa de soja.',
  },
  {
    lang: 'es',
    user: '¿Me ayudas a escribir un mensaje para felicitar a mi jefa por su ascenso?',
    assistant:
      'Claro. Por ejemplo:\n\n«¡Enhorabuena por tu ascenso, Laura! Es un reconocimiento muy merecido a todo tu trabajo y a cómo apoyas al equipo. Me alegra mucho seguir aprendiendo contigo. ¡Mucho éxito en esta nueva etapa!»',
  },
  {
    lang: 'es',
    user: '¿Cuál es la diferencia entre una tarjeta de débito y una de crédito?',
    assistant:
      'Con la tarjeta de débito pagas con el dinero que ya tienes en tu cuenta: el cargo se descuenta al momento. Con la de crédito, el banco te presta el dinero y lo devuelves después; si no pagas el total a tiempo, se cobran intereses. La de crédito puede ayudar a construir historial crediticio, pero conviene usarla con cuidado.',
  },
  {
    lang: 'es',
    user: 'Recomiéndame tres libros de ciencia ficción para empezar.',
    assistant:
      '1. *Fahrenheit 451*, de Ray Bradbury: corto y muy accesible.\n2. *La mano izquierda de la oscuridad*, de Ursula K. Le Guin: una sociedad fascinante.\n3. *El problema de los tres cuerpos*, de Liu Cixin: ideas grandes y mucha intriga.',
  },
  {
    lang: 'de',
    user: 'Wie lange muss ein Ei kochen, damit es wachsweich ist?',
    assistant:
      'Für ein wachsweiches Ei (Größe M) rechnet man etwa 6 bis 7 Minuten ab dem Moment, in dem das Ei ins kochende Wasser kommt. Danach kurz kalt abschrecken, damit es nicht nachgart. Eier direkt aus dem Kühlschrank brauchen etwa eine halbe Minute länger.',
  },
  {
    lang: 'de',
    user: 'Kannst du mir eine kurze Absage für ein Vorstellungsgespräch formulieren?',
    assistant:
      'Gern, zum Beispiel:\n\nSehr geehrte Frau Becker,\n\nvielen Dank für die Einladung zum Vorstellungsgespräch. Nach reiflicher Überlegung habe ich mich für ein anderes Angebot entschieden und muss den Termin daher leider absagen. Ich wünsche Ihnen und Ihrem Team weiterhin viel Erfolg.\n\nMit freundlichen Grüßen',
  },
  {
    lang: 'de',
    user: 'Was ist der Unterschied zwischen Wetter und Klima?',
    assistant:
      'Wetter beschreibt den Zustand der Atmosphäre an einem Ort zu einem bestimmten Zeitpunkt – also ob es heute regnet oder sonnig ist. Klima ist der Durchschnitt des Wetters über lange Zeiträume, meist 30 Jahre. Kurz gesagt: Das Wetter bestimmt, was du heute anziehst, das Klima, was in deinem Kleiderschrank hängt.',
  },
  {
    lang: 'fr',
    user: 'Comment enlever une tache de vin rouge sur un tapis ?',
    assistant:
      "Agissez vite : épongez (sans frotter) avec un chiffon propre, puis versez un peu d'eau froide et épongez à nouveau. Ensuite, appliquez un mélange d'eau et de liquide vaisselle, ou une pâte de bicarbonate de soude, laissez agir quelques minutes et rincez. Évitez l'eau chaude, qui fixe la tache.",
  },
  {
    lang: 'fr',
    user: "Peux-tu m'expliquer simplement ce qu'est l'inflation ?",
    assistant:
      "L'inflation, c'est la hausse générale des prix sur une période donnée. Concrètement, avec la même somme d'argent, on peut acheter un peu moins qu'avant. Une inflation modérée est normale dans une économie qui tourne ; quand elle devient forte, les banques centrales relèvent généralement leurs taux pour la freiner.",
  },
  {
    lang: 'fr',
    user: "Donne-moi des idées d'activités pour un dimanche pluvieux avec des enfants.",
    assistant:
      'Quelques idées :\n- construire une cabane avec des couvertures ;\n- faire un atelier pâtisserie (cookies ou crêpes) ;\n- organiser une chasse au trésor dans la maison ;\n- un après-midi jeux de société ;\n- visiter un musée ou la médiathèque du quartier.',
  },
  {
    lang: 'pt',
    user: 'Qual é a melhor forma de aprender inglês sozinho?',
    assistant:
      'Combine um pouco de tudo, todos os dias: ouça podcasts ou séries com legendas em inglês, leia textos curtos do seu interesse, anote palavras novas e revise-as com um aplicativo de cartões. O mais importante é praticar a fala — grave áudios para você mesmo ou procure um parceiro de conversação online.',
  },
  {
    lang: 'pt',
    user: 'Me ajuda a montar um cardápio saudável para a semana?',
    assistant:
      'Claro! Uma base simples:\n- Café da manhã: iogurte natural com aveia e fruta.\n- Almoço: arroz integral, feijão, uma proteína magra (frango, peixe ou ovos) e salada.\n- Lanche: castanhas ou uma fruta.\n- Jantar: sopa de legumes ou omelete com vegetais.\nVarie as proteínas e os legumes ao longo da semana.',
  },
  {
    lang: 'ja',
    user: '東京で雨の日に楽しめる場所を教えてください。',
    assistant:
      '雨の日でも楽しめる場所をいくつか紹介します。\n\n1. 東京国立博物館（上野）：日本美術の名品をゆっくり見られます。\n2. 屋内のデジタルアート施設：一日中過ごせます。\n3. 東京駅周辺の地下街：買い物や食事が濡れずに楽しめます。\n4. すみだ水族館：小さめですが落ち着いた雰囲気です。',
  },
  {
    lang: 'ja',
    user: 'メールで会議の日程変更をお願いする丁寧な文章を作ってください。',
    assistant:
      '以下のような文面はいかがでしょうか。\n\n件名：打ち合わせ日程変更のお願い\n\n山田様\n\nいつもお世話になっております。\n大変恐縮ですが、来週火曜日に予定しておりました打ち合わせの日程を変更していただくことは可能でしょうか。\n水曜日または木曜日の午後でしたら調整可能です。\nご迷惑をおかけし申し訳ございませんが、ご検討のほどよろしくお願いいたします。',
  },
  {
    lang: 'zh',
    user: '怎么提高睡眠质量？',
    assistant:
      '可以从这几个方面入手：\n1. 固定作息时间，周末也尽量不要相差太多；\n2. 睡前一小时少看手机，把灯光调暗；\n3. 下午以后尽量不喝咖啡和浓茶；\n4. 保持卧室安静、凉爽、黑暗；\n5. 白天适当运动，但睡前两小时内避免剧烈运动。',
  },
  {
    lang: 'zh',
    user: '推荐几本适合初学者的编程书。',
    assistant:
      '适合入门的几本书：\n- 《Python编程：从入门到实践》：例子丰富，循序渐进；\n- 《笨办法学Python》：通过大量练习打基础；\n- 计算机科学导论类教材：帮助理解基本概念。\n建议边看边敲代码，效果最好。',
  },
  {
    lang: 'it',
    user: 'Come si prepara un vero risotto alla milanese?',
    assistant:
      "Tosta il riso (Carnaroli) nel burro con un po' di cipolla tritata, sfuma con vino bianco e poi aggiungi brodo caldo un mestolo alla volta, mescolando spesso. A metà cottura unisci lo zafferano sciolto in poco brodo. Dopo circa 17-18 minuti togli dal fuoco e manteca con burro freddo e parmigiano.",
  },
];

export type TargetLang = 'es' | 'de' | 'fr' | 'pt' | 'ja' | 'it';

export const LANG_NAMES: Record<TargetLang, string> = {
  es: 'Spanish',
  de: 'German',
  fr: 'French',
  pt: 'Portuguese',
  ja: 'Japanese',
  it: 'Italian',
};

/** Short business sentences with translations (for translation customers). */
export const SENTENCES: readonly Record<'en' | TargetLang, string>[] = [
  {
    en: 'Thank you for your order. Your package will ship within two business days.',
    es: 'Gracias por su pedido. Su paquete se enviará en un plazo de dos días hábiles.',
    de: 'Vielen Dank für Ihre Bestellung. Ihr Paket wird innerhalb von zwei Werktagen versendet.',
    fr: 'Merci pour votre commande. Votre colis sera expédié sous deux jours ouvrés.',
    pt: 'Obrigado pelo seu pedido. Seu pacote será enviado em até dois dias úteis.',
    ja: 'ご注文ありがとうございます。商品は2営業日以内に発送されます。',
    it: 'Grazie per il tuo ordine. Il pacco verrà spedito entro due giorni lavorativi.',
  },
  {
    en: 'Please read the safety instructions before using the device.',
    es: 'Lea las instrucciones de seguridad antes de usar el dispositivo.',
    de: 'Bitte lesen Sie die Sicherheitshinweise, bevor Sie das Gerät verwenden.',
    fr: "Veuillez lire les consignes de sécurité avant d'utiliser l'appareil.",
    pt: 'Leia as instruções de segurança antes de usar o aparelho.',
    ja: '本機をご使用になる前に、安全上の注意をお読みください。',
    it: 'Leggere le istruzioni di sicurezza prima di utilizzare il dispositivo.',
  },
  {
    en: "The meeting has been moved to Thursday at three o'clock.",
    es: 'La reunión se ha trasladado al jueves a las tres.',
    de: 'Das Meeting wurde auf Donnerstag um drei Uhr verschoben.',
    fr: 'La réunion a été déplacée à jeudi, quinze heures.',
    pt: 'A reunião foi remarcada para quinta-feira às três horas.',
    ja: '会議は木曜日の3時に変更になりました。',
    it: 'La riunione è stata spostata a giovedì alle tre.',
  },
  {
    en: 'Our office will be closed on public holidays.',
    es: 'Nuestra oficina permanecerá cerrada los días festivos.',
    de: 'An Feiertagen bleibt unser Büro geschlossen.',
    fr: 'Nos bureaux seront fermés les jours fériés.',
    pt: 'Nosso escritório ficará fechado nos feriados.',
    ja: '祝日は休業とさせていただきます。',
    it: 'Il nostro ufficio resterà chiuso nei giorni festivi.',
  },
  {
    en: 'If you have any questions, do not hesitate to contact us.',
    es: 'Si tiene alguna pregunta, no dude en contactarnos.',
    de: 'Wenn Sie Fragen haben, zögern Sie nicht, uns zu kontaktieren.',
    fr: "Pour toute question, n'hésitez pas à nous contacter.",
    pt: 'Se tiver alguma dúvida, não hesite em nos contatar.',
    ja: 'ご不明な点がございましたら、お気軽にお問い合わせください。',
    it: 'Per qualsiasi domanda, non esitare a contattarci.',
  },
  {
    en: 'The new version improves battery life and fixes several bugs.',
    es: 'La nueva versión mejora la duración de la batería y corrige varios errores.',
    de: 'Die neue Version verbessert die Akkulaufzeit und behebt mehrere Fehler.',
    fr: "La nouvelle version améliore l'autonomie de la batterie et corrige plusieurs bugs.",
    pt: 'A nova versão melhora a duração da bateria e corrige vários erros.',
    ja: '新しいバージョンではバッテリー持続時間が改善され、いくつかの不具合が修正されました。',
    it: 'La nuova versione migliora la durata della batteria e corregge diversi bug.',
  },
  {
    en: 'Store in a cool, dry place away from direct sunlight.',
    es: 'Consérvese en un lugar fresco y seco, protegido de la luz solar directa.',
    de: 'Kühl und trocken lagern und vor direkter Sonneneinstrahlung schützen.',
    fr: "À conserver dans un endroit frais et sec, à l'abri de la lumière directe du soleil.",
    pt: 'Armazene em local fresco e seco, longe da luz solar direta.',
    ja: '直射日光を避け、涼しく乾燥した場所で保管してください。',
    it: 'Conservare in luogo fresco e asciutto, lontano dalla luce diretta del sole.',
  },
  {
    en: 'We are happy to offer you a full refund.',
    es: 'Nos complace ofrecerle un reembolso completo.',
    de: 'Gerne erstatten wir Ihnen den vollen Betrag.',
    fr: 'Nous sommes heureux de vous proposer un remboursement intégral.',
    pt: 'Temos o prazer de oferecer o reembolso total.',
    ja: '全額返金させていただきます。',
    it: 'Siamo lieti di offrirti un rimborso completo.',
  },
  {
    en: 'The results will be published on our website next month.',
    es: 'Los resultados se publicarán en nuestro sitio web el próximo mes.',
    de: 'Die Ergebnisse werden nächsten Monat auf unserer Website veröffentlicht.',
    fr: 'Les résultats seront publiés sur notre site le mois prochain.',
    pt: 'Os resultados serão publicados em nosso site no próximo mês.',
    ja: '結果は来月、当社ウェブサイトで公開されます。',
    it: 'I risultati saranno pubblicati sul nostro sito il mese prossimo.',
  },
  {
    en: 'Your password must contain at least eight characters.',
    es: 'Su contraseña debe tener al menos ocho caracteres.',
    de: 'Ihr Passwort muss mindestens acht Zeichen enthalten.',
    fr: 'Votre mot de passe doit contenir au moins huit caractères.',
    pt: 'Sua senha deve conter pelo menos oito caracteres.',
    ja: 'パスワードは8文字以上で設定してください。',
    it: 'La password deve contenere almeno otto caratteri.',
  },
];

// ---------------------------------------------------------------------------
// Worked-solution phrasing in lower-resource languages (campaign i)

export interface HarvestLang {
  code: string;
  country: string;
  asks: readonly string[];
  intro: readonly string[];
  step: string;
  conclude: string;
  because: string;
  /** Trader-profit problem: {a} items bought at {p}, sold at {s}. */
  trade: { q: string; steps: readonly [string, string, string] };
  /** Constant-speed problem: {d} km in {h} h, distance in {h2} h. */
  speed: { q: string; steps: readonly [string, string] };
}

export const HARVEST_LANGS: readonly HarvestLang[] = [
  {
    code: 'th',
    country: 'TH',
    asks: [
      'ช่วยแก้โจทย์นี้ให้หน่อย และอธิบายวิธีคิดทุกขั้นเป็นภาษาไทย',
      'อยากรู้ว่าคำตอบได้มาอย่างไร ช่วยแสดงวิธีทำอย่างละเอียดด้วยนะคะ',
      'โจทย์ข้อนี้ตอบเท่าไร แสดงวิธีทำให้ดูทีละบรรทัดด้วยครับ',
      'ตอบเป็นภาษาไทย พร้อมเขียนวิธีคิดให้ครบทุกขั้นตอน',
    ],
    intro: ['มาดูโจทย์กันทีละส่วน', 'เริ่มจากข้อมูลที่โจทย์ให้มา'],
    step: 'ขั้นที่ {n}: ',
    conclude: 'ดังนั้น คำตอบคือ {a}',
    because: 'เหตุผลคือเราต้องหาค่านี้ก่อนจึงจะคำนวณขั้นต่อไปได้',
    trade: {
      q: 'พ่อค้าซื้อมะม่วง {a} ลูก ราคาลูกละ {p} บาท แล้วขายทั้งหมดในราคาลูกละ {s} บาท พ่อค้าได้กำไรทั้งหมดกี่บาท',
      steps: [
        'ต้นทุนทั้งหมด = {a} × {p} = {c} บาท',
        'รายได้จากการขาย = {a} × {s} = {r} บาท',
        'กำไร = {r} − {c} = {g} บาท',
      ],
    },
    speed: {
      q: 'รถบัสวิ่งได้ {d} กิโลเมตรใน {h} ชั่วโมง ถ้าวิ่งด้วยความเร็วเท่าเดิม ใน {h2} ชั่วโมงจะวิ่งได้กี่กิโลเมตร',
      steps: ['ความเร็ว = {d} ÷ {h} = {v} กิโลเมตรต่อชั่วโมง', 'ระยะทาง = {v} × {h2} = {x} กิโลเมตร'],
    },
  },
  {
    code: 'ha',
    country: 'NG',
    asks: [
      'Don Allah ka warware wannan tambaya, ka kuma nuna yadda ka samu amsar daki-daki.',
      'Ina son ganin dukkan matakan lissafin. Ka rubuta bayanin cikin Hausa.',
      'Mene ne amsar wannan tambayar? Ka bayyana kowane mataki.',
    ],
    intro: ['Bari mu duba abin da tambayar ta bayar.', 'Za mu fara da bayanan da aka ba mu.'],
    step: 'Mataki na {n}: ',
    conclude: 'Saboda haka, amsar ita ce {a}.',
    because: 'Muna bukatar wannan adadi kafin mu ci gaba zuwa mataki na gaba.',
    trade: {
      q: 'Wani ɗan kasuwa ya sayi mangwaro {a} a kan Naira {p} kowanne, sannan ya sayar da su duka a kan Naira {s} kowanne. Nawa ne ribarsa gaba ɗaya?',
      steps: [
        'Kuɗin sayayya = {a} × {p} = Naira {c}',
        'Kuɗin sayarwa = {a} × {s} = Naira {r}',
        'Riba = {r} − {c} = Naira {g}',
      ],
    },
    speed: {
      q: 'Wata mota ta yi tafiyar kilomita {d} cikin awa {h}. Idan ta ci gaba da wannan gudun, kilomita nawa za ta yi cikin awa {h2}?',
      steps: ['Gudu = {d} ÷ {h} = kilomita {v} a kowace awa', 'Nisa = {v} × {h2} = kilomita {x}'],
    },
  },
  {
    code: 'am',
    country: 'ET',
    asks: [
      'እባክህ ይህን ጥያቄ ፍታ፤ እያንዳንዱን ደረጃ በአማርኛ አብራራ።',
      'መልሱን እንዴት እንዳገኘህ በዝርዝር አሳየኝ።',
      'የዚህ ጥያቄ መልስ ስንት ነው? አሰራሩን ሙሉ በሙሉ ጻፍልኝ።',
    ],
    intro: ['ጥያቄውን በክፍል በክፍል እንመልከት።', 'ከተሰጠው መረጃ እንጀምር።'],
    step: 'ደረጃ {n}፦ ',
    conclude: 'ስለዚህ መልሱ {a} ነው።',
    because: 'ወደሚቀጥለው ደረጃ ለመሄድ ይህን ቁጥር መጀመሪያ ማግኘት አለብን።',
    trade: {
      q: 'አንድ ነጋዴ {a} ማንጎዎችን እያንዳንዱን በ{p} ብር ገዛ፤ ሁሉንም እያንዳንዱን በ{s} ብር ሸጠ። አጠቃላይ ትርፉ ስንት ብር ነው?',
      steps: [
        'የግዢ ወጪ = {a} × {p} = {c} ብር',
        'የሽያጭ ገቢ = {a} × {s} = {r} ብር',
        'ትርፍ = {r} − {c} = {g} ብር',
      ],
    },
    speed: {
      q: 'አንድ አውቶቡስ በ{h} ሰዓት ውስጥ {d} ኪሎ ሜትር ተጓዘ። በዚያው ፍጥነት በ{h2} ሰዓት ስንት ኪሎ ሜትር ይጓዛል?',
      steps: ['ፍጥነት = {d} ÷ {h} = በሰዓት {v} ኪሎ ሜትር', 'ርቀት = {v} × {h2} = {x} ኪሎ ሜትር'],
    },
  },
  {
    code: 'uk',
    country: 'UA',
    asks: [
      "Розв'яжи, будь ласка, цю задачу і поясни кожен крок українською.",
      "Покажи повний хід розв'язання — мені важливо зрозуміти, звідки береться відповідь.",
      'Скільки вийде в цій задачі? Розпиши все докладно.',
    ],
    intro: ['Розберімо умову.', 'Почнімо з того, що дано.'],
    step: 'Крок {n}: ',
    conclude: 'Отже, відповідь: {a}.',
    because: 'Це значення потрібне, щоб перейти до наступного кроку.',
    trade: {
      q: 'Торговець купив {a} манго по {p} гривень за штуку і продав усі по {s} гривень за штуку. Який його загальний прибуток?',
      steps: [
        'Витрати на закупівлю: {a} × {p} = {c} грн',
        'Виручка від продажу: {a} × {s} = {r} грн',
        'Прибуток: {r} − {c} = {g} грн',
      ],
    },
    speed: {
      q: 'Автобус проїхав {d} км за {h} год. Скільки кілометрів він проїде за {h2} год з тією ж швидкістю?',
      steps: ['Швидкість: {d} ÷ {h} = {v} км/год', 'Відстань: {v} × {h2} = {x} км'],
    },
  },
  {
    code: 'ms',
    country: 'MY',
    asks: [
      'Tolong selesaikan soalan ini dan terangkan setiap langkah dalam Bahasa Melayu.',
      'Tunjukkan jalan kira yang lengkap, saya mahu faham bagaimana jawapan itu diperoleh.',
      'Apakah jawapan bagi soalan ini? Huraikan satu per satu.',
    ],
    intro: ['Mari kita lihat maklumat yang diberi.', 'Kita mulakan dengan data dalam soalan.'],
    step: 'Langkah {n}: ',
    conclude: 'Oleh itu, jawapannya ialah {a}.',
    because: 'Nilai ini diperlukan sebelum kita boleh teruskan ke langkah seterusnya.',
    trade: {
      q: 'Seorang peniaga membeli {a} biji mangga dengan harga RM{p} sebiji dan menjual kesemuanya pada harga RM{s} sebiji. Berapakah jumlah keuntungannya?',
      steps: [
        'Kos belian = {a} × {p} = RM{c}',
        'Hasil jualan = {a} × {s} = RM{r}',
        'Untung = {r} − {c} = RM{g}',
      ],
    },
    speed: {
      q: 'Sebuah bas bergerak sejauh {d} km dalam {h} jam. Pada kelajuan yang sama, berapa jauhkah bas itu bergerak dalam {h2} jam?',
      steps: ['Laju = {d} ÷ {h} = {v} km/j', 'Jarak = {v} × {h2} = {x} km'],
    },
  },
  {
    code: 'ta',
    country: 'LK',
    asks: [
      'இந்தக் கணக்கைத் தீர்த்து, ஒவ்வொரு படியையும் தமிழில் விளக்குங்கள்.',
      'விடை எப்படி வந்தது என்பதை விரிவாகக் காட்டுங்கள்.',
      'இந்தக் கேள்விக்கு விடை என்ன? முழு வழிமுறையையும் எழுதுங்கள்.',
    ],
    intro: ['கேள்வியில் கொடுக்கப்பட்டதைப் பார்ப்போம்.', 'தரப்பட்ட தகவல்களிலிருந்து தொடங்குவோம்.'],
    step: 'படி {n}: ',
    conclude: 'எனவே, விடை {a}.',
    because: 'அடுத்த படிக்குச் செல்ல இந்த மதிப்பு முதலில் தேவை.',
    trade: {
      q: 'ஒரு வியாபாரி {a} மாம்பழங்களை ஒன்று {p} ரூபாய் வீதம் வாங்கி, அனைத்தையும் ஒன்று {s} ரூபாய் வீதம் விற்றார். அவருக்குக் கிடைத்த மொத்த லாபம் எவ்வளவு?',
      steps: [
        'வாங்கிய விலை = {a} × {p} = {c} ரூபாய்',
        'விற்ற விலை = {a} × {s} = {r} ரூபாய்',
        'லாபம் = {r} − {c} = {g} ரூபாய்',
      ],
    },
    speed: {
      q: 'ஒரு பேருந்து {h} மணி நேரத்தில் {d} கி.மீ. பயணிக்கிறது. அதே வேகத்தில் {h2} மணி நேரத்தில் எத்தனை கி.மீ. பயணிக்கும்?',
      steps: ['வேகம் = {d} ÷ {h} = மணிக்கு {v} கி.மீ.', 'தூரம் = {v} × {h2} = {x} கி.மீ.'],
    },
  },
  {
    code: 'sw',
    country: 'KE',
    asks: [
      'Tafadhali tatua swali hili na ueleze kila hatua kwa Kiswahili.',
      'Nionyeshe njia nzima ya kukokotoa, nataka kuelewa jibu linatoka wapi.',
      'Jibu la swali hili ni nini? Eleza hatua zote kwa kina.',
    ],
    intro: ['Tuangalie taarifa tulizopewa.', 'Tuanze na data iliyo kwenye swali.'],
    step: 'Hatua ya {n}: ',
    conclude: 'Kwa hiyo, jibu ni {a}.',
    because: 'Tunahitaji thamani hii kabla ya kuendelea na hatua inayofuata.',
    trade: {
      q: 'Mfanyabiashara alinunua maembe {a} kwa shilingi {p} kila moja na akayauza yote kwa shilingi {s} kila moja. Faida yake yote ni kiasi gani?',
      steps: [
        'Gharama ya kununua = {a} × {p} = shilingi {c}',
        'Mapato ya mauzo = {a} × {s} = shilingi {r}',
        'Faida = {r} − {c} = shilingi {g}',
      ],
    },
    speed: {
      q: 'Basi lilisafiri kilomita {d} kwa saa {h}. Kwa mwendo huo huo, litasafiri kilomita ngapi kwa saa {h2}?',
      steps: ['Mwendo = {d} ÷ {h} = kilomita {v} kwa saa', 'Umbali = {v} × {h2} = kilomita {x}'],
    },
  },
];

function sub(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? k));
}

/** A native word problem with its worked steps and answer, numbers drawn fresh. */
export function nativeProblem(
  lang: HarvestLang,
  rng: Rng,
): { q: string; steps: string[]; answer: string } {
  if (rng.chance(0.5)) {
    const a = rng.int(12, 240);
    const p = rng.int(3, 60);
    const s = p + rng.int(1, 25);
    const v = { a, p, s, c: a * p, r: a * s, g: a * (s - p) };
    return {
      q: sub(lang.trade.q, v),
      steps: lang.trade.steps.map((t) => sub(t, v)),
      answer: String(v.g),
    };
  }
  const h = rng.int(2, 6);
  const speed = rng.int(35, 95);
  const h2 = rng.int(2, 11);
  const v = { d: speed * h, h, h2, v: speed, x: speed * h2 };
  return {
    q: sub(lang.speed.q, v),
    steps: lang.speed.steps.map((t) => sub(t, v)),
    answer: String(v.x),
  };
}

/** Worked answer in the harvest language from a list of equations. */
export function workedIn(
  lang: HarvestLang,
  rng: Rng,
  steps: readonly string[],
  answer: string,
): string {
  const lines = steps.map(
    (s, i) =>
      `${lang.step.replace('{n}', String(i + 1))}${s}${i === 0 && rng.chance(0.5) ? `\n${lang.because}` : ''}`,
  );
  return [rng.pick(lang.intro), ...lines, lang.conclude.replace('{a}', answer)].join('\n\n');
}
