/**
 * "Solve it step by step and show your reasoning" in languages a word list rarely covers
 * (THREATS.md: "ask in languages a word list does not cover"), with the words a model's
 * derivation uses in each, so the served text matches the ask.
 */
import type { StepWords } from './derivation.js';

/** One language: its code, its step-by-step asks and its derivation words. */
export interface Language {
  code: string;
  asks: string[];
  words: StepWords;
}

/** Languages, European and not. */
export const LANGUAGES: Language[] = [
  {
    code: 'sw',
    asks: [
      'Tatua tatizo hili hatua kwa hatua na ueleze hoja yako yote kabla ya kutoa jibu la mwisho.',
      'Fikiria hatua kwa hatua, andika kila hatua, kisha toa jibu.',
    ],
    words: { step: 'Hatua', therefore: 'Kwa hiyo' },
  },
  {
    code: 'tr',
    asks: [
      'Bu problemi adım adım çöz ve son cevabı vermeden önce tüm akıl yürütmeni açıkla.',
      'Adım adım düşün ve her adımı ayrıntılı olarak yaz.',
    ],
    words: { step: 'Adım', therefore: 'Bu nedenle' },
  },
  {
    code: 'vi',
    asks: [
      'Hãy giải bài toán sau từng bước một và trình bày toàn bộ lập luận trước khi đưa ra đáp án cuối cùng.',
      'Hãy suy nghĩ từng bước và giải thích chi tiết từng bước.',
    ],
    words: { step: 'Bước', therefore: 'Do đó' },
  },
  {
    code: 'hi',
    asks: [
      'इस प्रश्न को चरण-दर-चरण हल करें और अंतिम उत्तर देने से पहले अपना पूरा तर्क समझाइए।',
      'कदम दर कदम सोचिए और हर कदम विस्तार से लिखिए।',
    ],
    words: { step: 'चरण', therefore: 'इसलिए' },
  },
  {
    code: 'id',
    asks: [
      'Selesaikan soal berikut langkah demi langkah dan jelaskan seluruh penalaranmu sebelum memberikan jawaban akhir.',
      'Pikirkan langkah demi langkah, tuliskan setiap langkah, lalu berikan jawabannya.',
    ],
    words: { step: 'Langkah', therefore: 'Jadi' },
  },
  {
    code: 'pl',
    asks: [
      'Rozwiąż poniższe zadanie krok po kroku i przedstaw całe swoje rozumowanie przed podaniem ostatecznej odpowiedzi.',
      'Pomyśl krok po kroku i opisz dokładnie każdy krok.',
    ],
    words: { step: 'Krok', therefore: 'Zatem' },
  },
  {
    code: 'ar',
    asks: ['حل المسألة التالية خطوة بخطوة واشرح كل تفكيرك قبل إعطاء الإجابة النهائية.'],
    words: { step: 'الخطوة', therefore: 'لذلك' },
  },
  {
    code: 'th',
    asks: ['แก้โจทย์ต่อไปนี้ทีละขั้นตอน และอธิบายเหตุผลทั้งหมดก่อนให้คำตอบสุดท้าย'],
    words: { step: 'ขั้นตอนที่', therefore: 'ดังนั้น' },
  },
  {
    code: 'bn',
    asks: ['নিচের সমস্যাটি ধাপে ধাপে সমাধান করো এবং চূড়ান্ত উত্তরের আগে তোমার সম্পূর্ণ যুক্তি ব্যাখ্যা করো।'],
    words: { step: 'ধাপ', therefore: 'অতএব' },
  },
  {
    code: 'uk',
    asks: [
      "Розв'яжи задачу крок за кроком і поясни всі свої міркування перед остаточною відповіддю.",
    ],
    words: { step: 'Крок', therefore: 'Отже' },
  },
  {
    code: 'nl',
    asks: [
      'Los het volgende probleem stap voor stap op en leg al je redeneringen uit voordat je het eindantwoord geeft.',
    ],
    words: { step: 'Stap', therefore: 'Dus' },
  },
  {
    code: 'it',
    asks: [
      'Risolvi il seguente problema passo dopo passo e spiega tutto il tuo ragionamento prima di dare la risposta finale.',
    ],
    words: { step: 'Passo', therefore: 'Quindi' },
  },
  {
    code: 'fa',
    asks: ['این مسئله را گام به گام حل کن و قبل از پاسخ نهایی، تمام استدلال خود را توضیح بده.'],
    words: { step: 'گام', therefore: 'بنابراین' },
  },
  {
    code: 'tl',
    asks: [
      'Lutasin ang sumusunod na problema nang hakbang-hakbang at ipaliwanag ang buong pangangatwiran bago ibigay ang huling sagot.',
    ],
    words: { step: 'Hakbang', therefore: 'Kaya' },
  },
  {
    code: 'cs',
    asks: [
      'Vyřeš následující úlohu krok za krokem a před konečnou odpovědí vysvětli celý svůj postup.',
    ],
    words: { step: 'Krok', therefore: 'Proto' },
  },
  {
    code: 'el',
    asks: [
      'Λύσε το παρακάτω πρόβλημα βήμα προς βήμα και εξήγησε όλο τον συλλογισμό σου πριν δώσεις την τελική απάντηση.',
    ],
    words: { step: 'Βήμα', therefore: 'Επομένως' },
  },
  {
    code: 'he',
    asks: ['פתור את הבעיה הבאה שלב אחר שלב והסבר את כל הנימוק שלך לפני התשובה הסופית.'],
    words: { step: 'שלב', therefore: 'לכן' },
  },
  {
    code: 'ro',
    asks: [
      'Rezolvă problema următoare pas cu pas și explică tot raționamentul înainte de răspunsul final.',
    ],
    words: { step: 'Pasul', therefore: 'Prin urmare' },
  },
];
