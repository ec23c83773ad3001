/**
 * Phrase banks in thirteen languages besides English: how people ask for help with a problem,
 * how a worked answer is laid out, follow-up questions, and a few everyday questions with short
 * answers. Honest users and campaigns both draw from here; wording alone never decides a label.
 */

export interface LangPack {
  code: string;
  name: string;
  /** Worked-answer vocabulary. */
  step: string;
  first: string;
  next: string;
  answerIs: string;
  check: string;
  approach: string;
  pitfall: string;
  verified: string;
  /** An ordinary learner asking for help; {q} is the problem. */
  help: string[];
  /** Requests for a fully narrated solution path, worded in many ways; {q} is the problem. */
  narrate: string[];
  /** Follow-ups in a conversation about a solution. */
  follow: string[];
  /** Asks the reply (and its working) to be written in this language: used with any problem. */
  inLang: string;
  everyday: [string, string][];
}

export const LANGS: LangPack[] = [
  {
    code: 'es',
    name: 'Spanish',
    step: 'Paso',
    first: 'Primero,',
    next: 'Luego,',
    answerIs: 'Por lo tanto, la respuesta es',
    check: 'Comprobación:',
    approach: 'Planteamiento:',
    pitfall: 'Un error frecuente es confundir qué cantidad se pide; conviene releer el enunciado.',
    verified: 'Al sustituir de nuevo, los valores cuadran.',
    help: [
      '¿Me ayudas con este ejercicio? {q}',
      'No entiendo cómo resolver esto: {q}',
      'Hola, tengo tarea y me atoré aquí: {q}',
    ],
    narrate: [
      '{q}\n\nCuéntame cómo lo vas pensando mientras lo resuelves, incluso lo que descartarías.',
      'Quiero ver el camino completo, no solo el resultado. {q}',
      '{q}\nExplica cada decisión que tomas y por qué es válida antes de dar el número final.',
      'Resuélvelo como si lo hicieras en la pizarra delante de la clase, sin saltarte nada: {q}',
    ],
    follow: [
      '¿Por qué es válido el segundo paso?',
      '¿Habría otra forma de llegar al mismo resultado?',
      '¿Qué revisarías primero si dudaras de la respuesta?',
    ],
    inLang: 'Responde en español, también el razonamiento.',
    everyday: [
      [
        '¿Qué puedo cocinar con arroz, huevos y espinacas?',
        'Puedes hacer un arroz salteado: sofríe ajo, añade las espinacas hasta que se ablanden, incorpora el arroz cocido y al final los huevos batidos. Sazona con sal, pimienta y un poco de salsa de soja.',
      ],
      [
        'Escribe un correo breve para pedir un día libre el viernes.',
        'Asunto: Solicitud de día libre\n\nHola Laura:\n\nQuería pedirte el viernes 13 como día libre por un asunto personal. Dejaré mis tareas al día y avisaré al equipo. ¡Gracias!\n\nUn saludo,\nCarlos',
      ],
      [
        '¿Cuál es la diferencia entre "por" y "para"?',
        '"Para" indica finalidad, destino o plazo ("es para ti", "para el lunes"). "Por" indica causa, medio, intercambio o duración ("por la lluvia", "por teléfono", "por dos horas").',
      ],
    ],
  },
  {
    code: 'pt',
    name: 'Portuguese',
    step: 'Passo',
    first: 'Primeiro,',
    next: 'Em seguida,',
    answerIs: 'Portanto, a resposta é',
    check: 'Verificação:',
    approach: 'Abordagem:',
    pitfall: 'Um erro comum é usar o valor errado do enunciado; vale reler a pergunta.',
    verified: 'Substituindo de volta, tudo confere.',
    help: [
      'Pode me ajudar com essa questão? {q}',
      'Não consegui resolver, alguém explica? {q}',
      'Estou estudando para a prova e travei nisso: {q}',
    ],
    narrate: [
      '{q}\n\nMostre o raciocínio do começo ao fim, inclusive as ideias que você testaria e abandonaria.',
      'Me interessa mais o caminho do que a resposta. {q}',
      '{q}\nJustifique cada etapa antes de chegar ao resultado final.',
      'Faça como um professor resolvendo no quadro, sem pular etapas: {q}',
    ],
    follow: [
      'Por que a segunda etapa está certa?',
      'Dá para resolver de outro jeito?',
      'Como você conferiria esse resultado?',
    ],
    inLang: 'Responda em português, incluindo o raciocínio.',
    everyday: [
      [
        'Quais são dicas para dormir melhor?',
        'Mantenha horários regulares, evite telas uma hora antes de deitar, reduza cafeína depois das 15h, deixe o quarto escuro e fresco e faça alguma atividade física durante o dia.',
      ],
      [
        'Me explica o que é inflação de forma simples.',
        'Inflação é o aumento geral dos preços ao longo do tempo. Com ela, o mesmo dinheiro compra menos coisas do que antes. É medida por índices como o IPCA.',
      ],
      ['Escreva uma legenda curta para uma foto de praia.', 'Sol, sal e zero pressa. 🌊☀️'],
    ],
  },
  {
    code: 'fr',
    name: 'French',
    step: 'Étape',
    first: "D'abord,",
    next: 'Ensuite,',
    answerIs: 'Donc, la réponse est',
    check: 'Vérification :',
    approach: 'Démarche :',
    pitfall: "Une erreur classique consiste à mal lire la grandeur demandée ; relisez l'énoncé.",
    verified: 'En remplaçant, on retrouve bien les données.',
    help: [
      "Tu peux m'aider avec cet exercice ? {q}",
      'Je ne vois pas comment faire : {q}',
      "J'ai un devoir pour demain et je bloque ici : {q}",
    ],
    narrate: [
      '{q}\n\nDéroule ton raisonnement au fil de la résolution, y compris les pistes que tu écarterais.',
      "Ce qui m'intéresse, c'est le cheminement complet. {q}",
      '{q}\nJustifie chaque étape avant de donner le résultat.',
      'Résous-le comme au tableau devant la classe, sans rien sauter : {q}',
    ],
    follow: [
      'Pourquoi la deuxième étape est-elle valable ?',
      'Y a-t-il une autre méthode ?',
      'Comment vérifierais-tu ce résultat ?',
    ],
    inLang: 'Réponds en français, raisonnement compris.',
    everyday: [
      [
        'Comment enlever une tache de vin rouge sur un tapis ?',
        "Épongez sans frotter, saupoudrez de sel ou de bicarbonate pour absorber, puis nettoyez avec un mélange d'eau froide et de liquide vaisselle. Rincez et séchez avec un linge propre.",
      ],
      [
        'Propose-moi trois idées de sortie pour un dimanche pluvieux à Lyon.',
        "Le musée des Confluences, une séance au cinéma Comoedia, ou un brunch suivi d'une balade couverte dans les traboules du Vieux-Lyon.",
      ],
      [
        'Quelle est la différence entre « a » et « à » ?',
        '« a » est le verbe avoir (on peut le remplacer par « avait »), « à » est une préposition (« je vais à Paris »).',
      ],
    ],
  },
  {
    code: 'de',
    name: 'German',
    step: 'Schritt',
    first: 'Zuerst',
    next: 'Danach',
    answerIs: 'Also lautet die Antwort',
    check: 'Probe:',
    approach: 'Ansatz:',
    pitfall:
      'Ein häufiger Fehler ist, die gesuchte Größe zu verwechseln; die Aufgabe nochmal lesen hilft.',
    verified: 'Beim Einsetzen passt alles zusammen.',
    help: [
      'Kannst du mir bei dieser Aufgabe helfen? {q}',
      'Ich komme hier nicht weiter: {q}',
      'Hausaufgabe, ich verstehe den Lösungsweg nicht: {q}',
    ],
    narrate: [
      '{q}\n\nBeschreib beim Lösen, was dir durch den Kopf geht – auch Ansätze, die du verwerfen würdest.',
      'Mich interessiert der ganze Weg, nicht nur das Ergebnis. {q}',
      '{q}\nBegründe jeden Schritt, bevor du zum Endergebnis kommst.',
      'Rechne es vor wie an der Tafel, ohne Abkürzungen: {q}',
    ],
    follow: [
      'Warum ist der zweite Schritt zulässig?',
      'Gibt es einen anderen Lösungsweg?',
      'Wie würdest du das Ergebnis überprüfen?',
    ],
    inLang: 'Antworte auf Deutsch, auch beim Lösungsweg.',
    everyday: [
      [
        'Wie lange muss ein Ei kochen, damit es wachsweich ist?',
        'Für ein mittelgroßes Ei aus dem Kühlschrank etwa 6 bis 7 Minuten in sprudelnd kochendem Wasser, danach kurz kalt abschrecken.',
      ],
      [
        'Formuliere eine höfliche Absage für ein Vorstellungsgespräch.',
        'Sehr geehrte Frau Becker,\n\nvielen Dank für die Einladung. Nach reiflicher Überlegung habe ich mich für eine andere Stelle entschieden und sage das Gespräch daher ab. Ich wünsche Ihnen viel Erfolg bei der Besetzung.\n\nMit freundlichen Grüßen\nJonas Weber',
      ],
      [
        'Was ist der Unterschied zwischen "seit" und "seid"?',
        '"Seit" bezieht sich auf Zeit ("seit Montag"), "seid" ist eine Form von "sein" ("ihr seid müde").',
      ],
    ],
  },
  {
    code: 'it',
    name: 'Italian',
    step: 'Passo',
    first: 'Prima,',
    next: 'Poi,',
    answerIs: 'Quindi la risposta è',
    check: 'Verifica:',
    approach: 'Impostazione:',
    pitfall: 'Un errore tipico è confondere la grandezza richiesta; conviene rileggere il testo.',
    verified: 'Sostituendo, i conti tornano.',
    help: [
      'Mi aiuti con questo esercizio? {q}',
      'Non riesco a risolverlo: {q}',
      'Domani ho la verifica e non capisco questo: {q}',
    ],
    narrate: [
      '{q}\n\nRaccontami il ragionamento mentre lo risolvi, comprese le strade che scarteresti.',
      'Mi interessa il percorso completo, non solo il risultato. {q}',
      '{q}\nMotiva ogni passaggio prima di arrivare al risultato.',
      'Risolvilo come alla lavagna, senza saltare passaggi: {q}',
    ],
    follow: [
      'Perché il secondo passaggio è corretto?',
      "C'è un altro modo per arrivarci?",
      'Come verificheresti il risultato?',
    ],
    inLang: 'Rispondi in italiano, anche nel ragionamento.',
    everyday: [
      [
        'Che cosa posso vedere a Bologna in un giorno?',
        'Piazza Maggiore e la Basilica di San Petronio, le Due Torri (salendo sulla Torre degli Asinelli), il Quadrilatero per il pranzo e, al tramonto, il portico di San Luca.',
      ],
      [
        'Scrivi un messaggio di auguri per un collega che va in pensione.',
        'Caro Paolo, grazie per tutti questi anni di lavoro insieme e per i tuoi consigli sempre preziosi. Goditi il meritato riposo! Un abbraccio da tutto l’ufficio.',
      ],
      [
        'Quando si usa il congiuntivo?',
        'Dopo verbi di opinione, desiderio, dubbio o emozione ("penso che sia", "spero che venga") e dopo alcune congiunzioni come "benché" e "affinché".',
      ],
    ],
  },
  {
    code: 'id',
    name: 'Indonesian',
    step: 'Langkah',
    first: 'Pertama,',
    next: 'Selanjutnya,',
    answerIs: 'Jadi, jawabannya adalah',
    check: 'Pengecekan:',
    approach: 'Pendekatan:',
    pitfall:
      'Kesalahan yang sering terjadi adalah salah membaca besaran yang ditanyakan; baca ulang soalnya.',
    verified: 'Jika disubstitusikan kembali, hasilnya sesuai.',
    help: [
      'Bisa bantu soal ini? {q}',
      'Saya bingung cara mengerjakannya: {q}',
      'Kak, tolong jelaskan soal PR ini ya: {q}',
    ],
    narrate: [
      '{q}\n\nCeritakan jalan pikiranmu selama menyelesaikannya, termasuk cara yang akan kamu tinggalkan.',
      'Saya lebih tertarik pada prosesnya daripada jawabannya. {q}',
      '{q}\nJelaskan alasan setiap langkah sebelum memberi hasil akhir.',
      'Kerjakan seperti guru di papan tulis, tanpa melewatkan langkah: {q}',
    ],
    follow: [
      'Kenapa langkah kedua itu benar?',
      'Apakah ada cara lain untuk menyelesaikannya?',
      'Bagaimana cara memeriksa jawabannya?',
    ],
    inLang: 'Jawab dalam bahasa Indonesia, termasuk penalarannya.',
    everyday: [
      [
        'Resep nasi goreng sederhana untuk dua orang?',
        'Tumis bawang merah, bawang putih, dan cabai, masukkan telur dan orak-arik, lalu tambahkan dua piring nasi, kecap manis, garam, dan sedikit merica. Aduk rata dan sajikan dengan kerupuk.',
      ],
      [
        'Apa bedanya "di" sebagai awalan dan kata depan?',
        'Sebagai awalan, "di" ditulis serangkai dengan kata kerja ("dimakan"). Sebagai kata depan yang menunjukkan tempat, ditulis terpisah ("di rumah").',
      ],
      [
        'Buatkan ucapan ulang tahun untuk ibu.',
        'Selamat ulang tahun, Ibu! Terima kasih atas cinta dan doa yang tak pernah putus. Semoga selalu sehat dan bahagia.',
      ],
    ],
  },
  {
    code: 'vi',
    name: 'Vietnamese',
    step: 'Bước',
    first: 'Trước hết,',
    next: 'Tiếp theo,',
    answerIs: 'Vậy đáp án là',
    check: 'Kiểm tra:',
    approach: 'Hướng giải:',
    pitfall: 'Lỗi thường gặp là nhầm đại lượng cần tìm; nên đọc lại đề bài.',
    verified: 'Thay ngược lại thấy khớp với đề.',
    help: [
      'Giúp mình bài này với: {q}',
      'Mình không hiểu cách giải bài này: {q}',
      'Bài tập về nhà, mình bị kẹt ở đây: {q}',
    ],
    narrate: [
      '{q}\n\nHãy trình bày suy nghĩ của bạn trong lúc giải, kể cả những hướng bạn sẽ bỏ.',
      'Mình quan tâm đến cả quá trình chứ không chỉ kết quả. {q}',
      '{q}\nGiải thích lý do của từng bước trước khi đưa ra kết quả.',
      'Giải như thầy cô trên bảng, không bỏ bước nào: {q}',
    ],
    follow: [
      'Tại sao bước thứ hai lại đúng?',
      'Có cách giải nào khác không?',
      'Bạn sẽ kiểm tra kết quả như thế nào?',
    ],
    inLang: 'Trả lời bằng tiếng Việt, kể cả phần lập luận.',
    everyday: [
      [
        'Làm sao để học từ vựng tiếng Anh hiệu quả?',
        'Học theo chủ đề, dùng thẻ ghi nhớ lặp lại ngắt quãng, đặt câu với từ mới và ôn lại sau 1, 3 và 7 ngày.',
      ],
      [
        'Gợi ý món ăn sáng nhanh gọn.',
        'Bánh mì trứng ốp la, cháo yến mạch với chuối, hoặc xôi đậu xanh mua sẵn hâm nóng.',
      ],
      [
        'Viết lời chúc mừng sinh nhật cho bạn thân.',
        'Chúc mừng sinh nhật bạn yêu! Chúc bạn tuổi mới thật nhiều sức khỏe, niềm vui và luôn giữ nụ cười thật tươi nhé!',
      ],
    ],
  },
  {
    code: 'tr',
    name: 'Turkish',
    step: 'Adım',
    first: 'Önce',
    next: 'Sonra',
    answerIs: 'Dolayısıyla cevap',
    check: 'Kontrol:',
    approach: 'Yaklaşım:',
    pitfall: 'Sık yapılan hata, istenen büyüklüğü karıştırmaktır; soruyu tekrar okumak gerekir.',
    verified: 'Yerine koyunca sonuç tutuyor.',
    help: [
      'Bu soruda yardım eder misin? {q}',
      'Bunu nasıl çözeceğimi anlamadım: {q}',
      'Ödevimde takıldım: {q}',
    ],
    narrate: [
      '{q}\n\nÇözerken aklından geçenleri anlat, eleyeceğin yolları da.',
      'Sonuçtan çok yolun tamamını görmek istiyorum. {q}',
      '{q}\nSonuca varmadan önce her adımı gerekçelendir.',
      'Tahtada çözer gibi, hiçbir adımı atlamadan çöz: {q}',
    ],
    follow: [
      'İkinci adım neden geçerli?',
      'Başka bir çözüm yolu var mı?',
      'Sonucu nasıl kontrol edersin?',
    ],
    inLang: 'Türkçe cevap ver, akıl yürütmeyi de Türkçe yaz.',
    everyday: [
      [
        'İstanbul’da bir günde nereleri gezebilirim?',
        'Sultanahmet’te Ayasofya ve Sultanahmet Camii, ardından Kapalıçarşı, öğleden sonra Eminönü’nden Boğaz turu ve akşam Karaköy’de yemek.',
      ],
      [
        'Kısa bir izin dilekçesi yazar mısın?',
        'Sayın Müdürüm,\n\n15 Mart tarihinde ailevi bir nedenle bir günlük izin kullanmak istiyorum. Gereğini arz ederim.\n\nSaygılarımla,\nElif Yılmaz',
      ],
      [
        '"de/da" ne zaman ayrı yazılır?',
        'Bağlaç olan "de/da" ayrı yazılır ("ben de geldim"); bulunma hâli eki olan "-de/-da" bitişik yazılır ("evde").',
      ],
    ],
  },
  {
    code: 'pl',
    name: 'Polish',
    step: 'Krok',
    first: 'Najpierw',
    next: 'Następnie',
    answerIs: 'Zatem odpowiedź to',
    check: 'Sprawdzenie:',
    approach: 'Podejście:',
    pitfall: 'Częsty błąd to pomylenie szukanej wielkości; warto przeczytać treść jeszcze raz.',
    verified: 'Po podstawieniu wszystko się zgadza.',
    help: [
      'Pomożesz mi z tym zadaniem? {q}',
      'Nie wiem, jak to rozwiązać: {q}',
      'Zadanie domowe, utknąłem tutaj: {q}',
    ],
    narrate: [
      '{q}\n\nOpowiedz, co myślisz w trakcie rozwiązywania, także o drogach, które byś odrzucił.',
      'Bardziej interesuje mnie droga niż wynik. {q}',
      '{q}\nUzasadnij każdy krok, zanim podasz wynik.',
      'Rozwiąż to jak przy tablicy, bez pomijania kroków: {q}',
    ],
    follow: [
      'Dlaczego drugi krok jest poprawny?',
      'Czy da się to rozwiązać inaczej?',
      'Jak sprawdziłbyś ten wynik?',
    ],
    inLang: 'Odpowiedz po polsku, łącznie z rozumowaniem.',
    everyday: [
      [
        'Jak przygotować się do rozmowy kwalifikacyjnej?',
        'Poznaj firmę i opis stanowiska, przygotuj 3–4 przykłady swoich osiągnięć, przećwicz odpowiedzi na typowe pytania i przygotuj własne pytania do rekrutera.',
      ],
      [
        'Przepis na szybką zupę pomidorową?',
        'Podsmaż cebulę i czosnek, dodaj puszkę pomidorów i litr bulionu, gotuj 15 minut, zmiksuj, dopraw solą, pieprzem i odrobiną śmietany.',
      ],
      [
        'Kiedy piszemy "nie" łącznie z przymiotnikiem?',
        'Zwykle łącznie ("niedobry"), chyba że przymiotnik jest w stopniu wyższym lub najwyższym ("nie lepszy") albo występuje przeciwstawienie ("nie duży, lecz mały").',
      ],
    ],
  },
  {
    code: 'ja',
    name: 'Japanese',
    step: 'ステップ',
    first: 'まず、',
    next: '次に、',
    answerIs: 'よって、答えは',
    check: '確認：',
    approach: '方針：',
    pitfall: '求める量を取り違えるのがよくある間違いです。問題文を読み直しましょう。',
    verified: '代入して確かめると条件を満たします。',
    help: [
      'この問題を手伝ってもらえますか？ {q}',
      '解き方がわかりません：{q}',
      '宿題で詰まっています。{q}',
    ],
    narrate: [
      '{q}\n\n解きながら考えていることを、途中で捨てる方針も含めて書いてください。',
      '答えよりも、そこに至る道筋全体を知りたいです。{q}',
      '{q}\n最終的な答えの前に、各段階の根拠を説明してください。',
      '黒板で解説するように、一つも飛ばさずに解いてください：{q}',
    ],
    follow: [
      '2番目のステップはなぜ成り立つのですか？',
      '別の解き方はありますか？',
      '答えをどうやって確かめますか？',
    ],
    inLang: '日本語で、考え方も含めて答えてください。',
    everyday: [
      [
        '週末に東京で雨の日でも楽しめる場所は？',
        'チームラボ・プラネッツ、東京国立博物館、サンシャイン水族館、または渋谷スクランブルスクエアの展望施設がおすすめです。',
      ],
      [
        '上司に送る遅刻連絡のメールを書いてください。',
        '件名：本日の出社について\n\n山田部長\n\nおはようございます。電車の遅延により、30分ほど遅れて出社いたします。ご迷惑をおかけし申し訳ありません。\n\n佐藤',
      ],
      [
        '「ありがとう」と「ありがとうございます」の違いは？',
        '「ありがとう」は友人や家族などに使うくだけた言い方で、「ありがとうございます」は目上の人や仕事の場面で使う丁寧な言い方です。',
      ],
    ],
  },
  {
    code: 'ko',
    name: 'Korean',
    step: '단계',
    first: '먼저,',
    next: '다음으로,',
    answerIs: '따라서 답은',
    check: '검산:',
    approach: '풀이 방향:',
    pitfall: '구하는 값을 헷갈리는 실수가 많으니 문제를 다시 읽어 보세요.',
    verified: '다시 대입하면 조건이 맞습니다.',
    help: [
      '이 문제 좀 도와줄 수 있어요? {q}',
      '어떻게 푸는지 모르겠어요: {q}',
      '숙제인데 여기서 막혔어요. {q}',
    ],
    narrate: [
      '{q}\n\n푸는 동안 어떤 생각을 하는지, 버릴 방법까지 포함해서 적어 주세요.',
      '답보다 거기까지 가는 과정 전체가 궁금해요. {q}',
      '{q}\n최종 답을 내기 전에 각 단계의 근거를 설명해 주세요.',
      '칠판에서 설명하듯이 한 단계도 빼먹지 말고 풀어 주세요: {q}',
    ],
    follow: [
      '두 번째 단계는 왜 성립하나요?',
      '다른 풀이 방법도 있나요?',
      '답을 어떻게 검산하나요?',
    ],
    inLang: '한국어로, 풀이 과정까지 한국어로 답해 주세요.',
    everyday: [
      [
        '부산 1박 2일 여행 코스 추천해 줘.',
        '첫날은 해운대와 동백섬, 저녁에는 광안리 야경을 보고, 둘째 날은 감천문화마을과 자갈치시장을 둘러보는 코스를 추천합니다.',
      ],
      [
        '회의 일정 변경을 요청하는 짧은 메일을 써 줘.',
        '안녕하세요, 김 팀장님. 목요일 오후 회의를 금요일 오전 10시로 옮길 수 있을지 여쭙고자 합니다. 가능 여부 알려 주시면 감사하겠습니다. 이민준 드림',
      ],
      [
        '"되"와 "돼"는 어떻게 구분해?',
        '"되어"로 바꿔 말이 되면 "돼", 안 되면 "되"를 씁니다. 예: "안 돼요"(안 되어요), "되고 싶다".',
      ],
    ],
  },
  {
    code: 'zh',
    name: 'Chinese',
    step: '步骤',
    first: '首先，',
    next: '接着，',
    answerIs: '所以答案是',
    check: '检验：',
    approach: '思路：',
    pitfall: '常见错误是把所求的量弄混，建议重新读一遍题目。',
    verified: '代回原题，条件都满足。',
    help: ['能帮我看看这道题吗？{q}', '这题我不会做：{q}', '作业卡在这里了：{q}'],
    narrate: [
      '{q}\n\n请边解边说出你的想法，包括你会放弃的思路。',
      '比起答案，我更想看到完整的推导过程。{q}',
      '{q}\n给出最终结果之前，请说明每一步的依据。',
      '像老师在黑板上讲解一样，一步都不要省略：{q}',
    ],
    follow: ['为什么第二步成立？', '还有别的解法吗？', '你会怎样检验这个答案？'],
    inLang: '请用中文回答，推理过程也用中文。',
    everyday: [
      [
        '周末在台北有什么适合带小孩去的地方？',
        '可以去台北市立动物园、儿童新乐园、科学教育馆，或者大安森林公园野餐。',
      ],
      [
        '帮我写一段请假的微信消息。',
        '王经理您好，我明天上午需要去医院复诊，想请半天假，下午两点前回公司。工作已和同事交接好，谢谢！',
      ],
      [
        '“的”“地”“得”怎么区分？',
        '“的”用在名词前（美丽的花），“地”用在动词前（慢慢地走），“得”用在动词后补充程度（跑得快）。',
      ],
    ],
  },
  {
    code: 'ru',
    name: 'Russian',
    step: 'Шаг',
    first: 'Сначала',
    next: 'Затем',
    answerIs: 'Следовательно, ответ',
    check: 'Проверка:',
    approach: 'Идея решения:',
    pitfall: 'Частая ошибка — перепутать искомую величину; стоит перечитать условие.',
    verified: 'При подстановке всё сходится.',
    help: [
      'Помоги, пожалуйста, с задачей: {q}',
      'Не понимаю, как это решать: {q}',
      'Домашка, застрял вот здесь: {q}',
    ],
    narrate: [
      '{q}\n\nРассказывай, о чём думаешь по ходу решения, включая варианты, которые отбросишь.',
      'Мне важнее весь ход решения, чем ответ. {q}',
      '{q}\nОбоснуй каждый шаг, прежде чем дать итоговый результат.',
      'Реши как у доски, ничего не пропуская: {q}',
    ],
    follow: [
      'Почему второй шаг верен?',
      'Есть ли другой способ решения?',
      'Как бы ты проверил ответ?',
    ],
    inLang: 'Отвечай по-русски, рассуждения тоже по-русски.',
    everyday: [
      [
        'Как быстро выучить таблицу умножения с ребёнком?',
        'Начните с простых столбиков (на 2, 5 и 10), используйте карточки и игры, повторяйте понемногу каждый день и объясняйте, что умножение — это сложение одинаковых чисел.',
      ],
      [
        'Напиши короткое поздравление коллеге с днём рождения.',
        'Поздравляем с днём рождения! Желаем здоровья, вдохновения, интересных проектов и отличного настроения каждый день!',
      ],
      [
        'Чем отличается "тся" от "ться"?',
        'Задайте вопрос к глаголу: если в вопросе есть мягкий знак ("что делать?"), пишется "ться"; если нет ("что делает?") — "тся".',
      ],
    ],
  },
];

export const LANG_BY_CODE: Record<string, LangPack> = Object.fromEntries(
  LANGS.map((l) => [l.code, l]),
);

/** Parallel sentences for the translation workload: en plus six targets. */
export const PARALLEL: Record<string, string>[] = [
  {
    en: 'Your order has shipped and should arrive within three business days.',
    es: 'Tu pedido ha sido enviado y debería llegar en un plazo de tres días hábiles.',
    de: 'Ihre Bestellung wurde versandt und sollte innerhalb von drei Werktagen eintreffen.',
    fr: 'Votre commande a été expédiée et devrait arriver sous trois jours ouvrés.',
    pt: 'Seu pedido foi enviado e deve chegar em até três dias úteis.',
    it: 'Il tuo ordine è stato spedito e dovrebbe arrivare entro tre giorni lavorativi.',
    ja: 'ご注文の商品は発送済みで、3営業日以内に到着する予定です。',
  },
  {
    en: 'To reset your password, click the link in the email we just sent you.',
    es: 'Para restablecer tu contraseña, haz clic en el enlace del correo que te acabamos de enviar.',
    de: 'Um Ihr Passwort zurückzusetzen, klicken Sie auf den Link in der E-Mail, die wir Ihnen gerade gesendet haben.',
    fr: "Pour réinitialiser votre mot de passe, cliquez sur le lien de l'e-mail que nous venons de vous envoyer.",
    pt: 'Para redefinir sua senha, clique no link do e-mail que acabamos de enviar.',
    it: "Per reimpostare la password, fai clic sul link nell'email che ti abbiamo appena inviato.",
    ja: 'パスワードを再設定するには、お送りしたメールのリンクをクリックしてください。',
  },
  {
    en: 'The jacket is water-resistant, lightweight and folds into its own pocket.',
    es: 'La chaqueta es resistente al agua, ligera y se pliega dentro de su propio bolsillo.',
    de: 'Die Jacke ist wasserabweisend, leicht und lässt sich in ihre eigene Tasche falten.',
    fr: 'La veste est déperlante, légère et se range dans sa propre poche.',
    pt: 'A jaqueta é resistente à água, leve e pode ser dobrada dentro do próprio bolso.',
    it: 'La giacca è idrorepellente, leggera e si ripiega nella sua stessa tasca.',
    ja: 'このジャケットは撥水性があり軽量で、自身のポケットに収納できます。',
  },
  {
    en: 'We are sorry for the inconvenience and have refunded the delivery fee.',
    es: 'Lamentamos las molestias y hemos reembolsado el coste del envío.',
    de: 'Wir entschuldigen uns für die Unannehmlichkeiten und haben die Versandkosten erstattet.',
    fr: 'Nous sommes désolés pour la gêne occasionnée et avons remboursé les frais de livraison.',
    pt: 'Pedimos desculpas pelo transtorno e reembolsamos a taxa de entrega.',
    it: 'Ci scusiamo per il disagio e abbiamo rimborsato le spese di consegna.',
    ja: 'ご不便をおかけして申し訳ございません。配送料を返金いたしました。',
  },
  {
    en: 'Check-in opens at 3 pm; late arrivals should contact reception in advance.',
    es: 'El registro de entrada comienza a las 15:00; si llegas tarde, avisa a recepción con antelación.',
    de: 'Der Check-in beginnt um 15 Uhr; bei später Anreise bitte vorab die Rezeption kontaktieren.',
    fr: "L'enregistrement commence à 15 h ; en cas d'arrivée tardive, veuillez prévenir la réception.",
    pt: 'O check-in começa às 15h; em caso de chegada tardia, avise a recepção com antecedência.',
    it: 'Il check-in inizia alle 15; in caso di arrivo tardivo contattare prima la reception.',
    ja: 'チェックインは午後3時からです。到着が遅れる場合は事前にフロントへご連絡ください。',
  },
  {
    en: 'This update improves battery life and fixes a bug that caused the app to freeze.',
    es: 'Esta actualización mejora la duración de la batería y corrige un error que bloqueaba la aplicación.',
    de: 'Dieses Update verbessert die Akkulaufzeit und behebt einen Fehler, durch den die App einfror.',
    fr: "Cette mise à jour améliore l'autonomie et corrige un bug qui figeait l'application.",
    pt: 'Esta atualização melhora a duração da bateria e corrige um erro que travava o aplicativo.',
    it: "Questo aggiornamento migliora l'autonomia della batteria e corregge un bug che bloccava l'app.",
    ja: 'このアップデートでバッテリー持続時間が向上し、アプリがフリーズする不具合が修正されました。',
  },
  {
    en: 'Please keep your receipt; returns are accepted within thirty days.',
    es: 'Conserva el ticket; se aceptan devoluciones en un plazo de treinta días.',
    de: 'Bitte bewahren Sie den Kassenbon auf; Rückgaben sind innerhalb von dreißig Tagen möglich.',
    fr: 'Veuillez conserver votre ticket ; les retours sont acceptés sous trente jours.',
    pt: 'Guarde o comprovante; as devoluções são aceitas em até trinta dias.',
    it: 'Conserva lo scontrino; i resi sono accettati entro trenta giorni.',
    ja: 'レシートは保管してください。返品は30日以内に受け付けます。',
  },
  {
    en: 'The meeting has been moved to Thursday at ten in the small conference room.',
    es: 'La reunión se ha trasladado al jueves a las diez en la sala de reuniones pequeña.',
    de: 'Das Meeting wurde auf Donnerstag um zehn Uhr im kleinen Besprechungsraum verlegt.',
    fr: 'La réunion est déplacée à jeudi, dix heures, dans la petite salle de conférence.',
    pt: 'A reunião foi transferida para quinta-feira às dez, na sala de reuniões pequena.',
    it: 'La riunione è stata spostata a giovedì alle dieci nella saletta riunioni.',
    ja: '会議は木曜日の10時、小会議室に変更になりました。',
  },
  {
    en: 'Store the product in a cool, dry place away from direct sunlight.',
    es: 'Conserva el producto en un lugar fresco y seco, lejos de la luz solar directa.',
    de: 'Lagern Sie das Produkt kühl und trocken, vor direktem Sonnenlicht geschützt.',
    fr: "Conservez le produit dans un endroit frais et sec, à l'abri de la lumière directe du soleil.",
    pt: 'Armazene o produto em local fresco e seco, longe da luz solar direta.',
    it: 'Conservare il prodotto in luogo fresco e asciutto, lontano dalla luce diretta del sole.',
    ja: '直射日光を避け、涼しく乾燥した場所で保管してください。',
  },
  {
    en: 'Your subscription will renew automatically unless you cancel before the end of the month.',
    es: 'Tu suscripción se renovará automáticamente salvo que la canceles antes de fin de mes.',
    de: 'Ihr Abonnement verlängert sich automatisch, sofern Sie nicht vor Monatsende kündigen.',
    fr: 'Votre abonnement sera renouvelé automatiquement sauf résiliation avant la fin du mois.',
    pt: 'Sua assinatura será renovada automaticamente, a menos que você cancele antes do fim do mês.',
    it: "L'abbonamento si rinnoverà automaticamente a meno che tu non disdica prima della fine del mese.",
    ja: '月末までに解約しない限り、サブスクリプションは自動的に更新されます。',
  },
  {
    en: 'Our support team is available Monday to Friday, from nine to six.',
    es: 'Nuestro equipo de soporte está disponible de lunes a viernes, de nueve a seis.',
    de: 'Unser Support-Team ist montags bis freitags von neun bis achtzehn Uhr erreichbar.',
    fr: 'Notre équipe d’assistance est disponible du lundi au vendredi, de 9 h à 18 h.',
    pt: 'Nossa equipe de suporte atende de segunda a sexta, das nove às dezoito.',
    it: 'Il nostro team di assistenza è disponibile dal lunedì al venerdì, dalle nove alle diciotto.',
    ja: 'サポートチームの対応時間は、月曜日から金曜日の9時から18時までです。',
  },
  {
    en: 'Mix the flour and sugar, then add the eggs one at a time.',
    es: 'Mezcla la harina y el azúcar y añade los huevos de uno en uno.',
    de: 'Mehl und Zucker vermischen, dann die Eier einzeln hinzufügen.',
    fr: 'Mélangez la farine et le sucre, puis ajoutez les œufs un à un.',
    pt: 'Misture a farinha e o açúcar e depois acrescente os ovos um a um.',
    it: 'Mescola la farina e lo zucchero, poi aggiungi le uova una alla volta.',
    ja: '小麦粉と砂糖を混ぜ、卵を1個ずつ加えます。',
  },
];
