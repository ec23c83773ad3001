/**
 * Procedurally generated word problems with their worked solutions, in English and seven other
 * languages. They give every family an unlimited, never-repeating supply of questions that has
 * real answers, with or without the shared corpora.
 */
import type { Rng } from './rng.js';

/** A question with a worked solution. */
export interface Worked {
  q: string;
  steps: string[];
  answer: string;
  topic: string;
}

const NAMES = ['Maya', 'Tomás', 'Aisha', 'Kenji', 'Lena', 'Omar', 'Priya', 'Jonah', 'Zara', 'Ivan'];
const ITEMS: [string, string][] = [
  ['notebook', 'notebooks'],
  ['pencil case', 'pencil cases'],
  ['mango', 'mangoes'],
  ['bus ticket', 'bus tickets'],
  ['packet of seeds', 'packets of seeds'],
  ['coffee', 'coffees'],
];

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

type Gen = (rng: Rng) => Worked;

const english: Gen[] = [
  (rng) => {
    const who = rng.pick(NAMES);
    const [a1, a2] = rng.pick(ITEMS);
    const [b1, b2] = rng.pick(ITEMS.filter((i) => i[0] !== a1));
    const na = rng.int(2, 9);
    const pa = rng.int(2, 15);
    const nb = rng.int(2, 6);
    const pb = rng.int(3, 20);
    const total = na * pa + nb * pb;
    const bill = Math.ceil((total + 1) / 50) * 50;
    return {
      topic: 'arithmetic',
      q: `${who} buys ${na} ${na > 1 ? a2 : a1} at $${pa} each and ${nb} ${nb > 1 ? b2 : b1} at $${pb} each, and pays with a $${bill} note. How much change does ${who} get?`,
      steps: [
        `Cost of the ${a2}: ${na} × $${pa} = $${na * pa}.`,
        `Cost of the ${b2}: ${nb} × $${pb} = $${nb * pb}.`,
        `Total spent: $${na * pa} + $${nb * pb} = $${total}.`,
        `Change: $${bill} − $${total} = $${bill - total}.`,
      ],
      answer: `$${bill - total}`,
    };
  },
  (rng) => {
    const d1 = rng.int(20, 180);
    const v1 = rng.pick([30, 40, 45, 60, 80]);
    const d2 = rng.int(10, 120);
    const v2 = rng.pick([20, 50, 60, 90]);
    const t = d1 / v1 + d2 / v2;
    const avg = (d1 + d2) / t;
    return {
      topic: 'rates',
      q: `A cyclist-turned-driver covers ${d1} km at ${v1} km/h and then ${d2} km at ${v2} km/h. What is the average speed for the whole trip?`,
      steps: [
        `Time for the first part: ${d1} / ${v1} = ${fmt(d1 / v1)} h.`,
        `Time for the second part: ${d2} / ${v2} = ${fmt(d2 / v2)} h.`,
        `Total distance: ${d1} + ${d2} = ${d1 + d2} km; total time: ${fmt(t)} h.`,
        `Average speed = total distance / total time = ${d1 + d2} / ${fmt(t)} ≈ ${fmt(avg)} km/h.`,
      ],
      answer: `about ${fmt(avg)} km/h`,
    };
  },
  (rng) => {
    const p = rng.int(20, 400);
    const d = rng.pick([10, 15, 20, 25, 30, 40]);
    const t = rng.pick([5, 7, 8, 10, 12, 20]);
    const after = p * (1 - d / 100);
    const fin = after * (1 + t / 100);
    return {
      topic: 'percentages',
      q: `A jacket costs $${p}. It is discounted by ${d}% and then a ${t}% sales tax is added. What is the final price?`,
      steps: [
        `Discount: ${d}% of $${p} = $${fmt((p * d) / 100)}.`,
        `Price after discount: $${p} − $${fmt((p * d) / 100)} = $${fmt(after)}.`,
        `Tax: ${t}% of $${fmt(after)} = $${fmt((after * t) / 100)}.`,
        `Final price: $${fmt(after)} + $${fmt((after * t) / 100)} = $${fmt(fin)}.`,
      ],
      answer: `$${fmt(fin)}`,
    };
  },
  (rng) => {
    const a = rng.int(2, 12);
    let b = rng.int(2, 12);
    if (b === a) b++;
    const together = (a * b) / (a + b);
    return {
      topic: 'work rates',
      q: `One pump fills a tank in ${a} hours and a second pump fills it in ${b} hours. How long do they take working together?`,
      steps: [
        `Rate of the first pump: 1/${a} tank per hour.`,
        `Rate of the second pump: 1/${b} tank per hour.`,
        `Combined rate: 1/${a} + 1/${b} = ${a + b}/${a * b} tank per hour.`,
        `Time = 1 ÷ (${a + b}/${a * b}) = ${a * b}/${a + b} ≈ ${fmt(together)} hours.`,
      ],
      answer: `${a * b}/${a + b} hours (≈ ${fmt(together)} h)`,
    };
  },
  (rng) => {
    const b = rng.int(4, 20);
    const k = rng.int(2, 5);
    const n = rng.int(2, 12);
    const s = k * b + b + 2 * n;
    return {
      topic: 'algebra',
      q: `A mother is ${k} times as old as her son. In ${n} years the sum of their ages will be ${s}. How old is the son now?`,
      steps: [
        `Let the son's age be x, so the mother is ${k}x.`,
        `In ${n} years: (x + ${n}) + (${k}x + ${n}) = ${s}.`,
        `${k + 1}x + ${2 * n} = ${s}, so ${k + 1}x = ${s - 2 * n}.`,
        `x = ${s - 2 * n} / ${k + 1} = ${b}.`,
      ],
      answer: `${b} years old`,
    };
  },
  (rng) => {
    const w = rng.int(3, 30);
    const k = rng.int(1, 15);
    const per = 2 * (w + w + k);
    return {
      topic: 'geometry',
      q: `A rectangle's length is ${k} cm more than its width and its perimeter is ${per} cm. Find its area.`,
      steps: [
        `Let the width be w; the length is w + ${k}.`,
        `Perimeter: 2(w + w + ${k}) = ${per}, so 4w + ${2 * k} = ${per}.`,
        `4w = ${per - 2 * k}, w = ${w} cm, length = ${w + k} cm.`,
        `Area = ${w} × ${w + k} = ${w * (w + k)} cm².`,
      ],
      answer: `${w * (w + k)} cm²`,
    };
  },
  (rng) => {
    const a = rng.int(1, 20);
    const d = rng.int(2, 9);
    const n = rng.int(8, 40);
    const last = a + (n - 1) * d;
    return {
      topic: 'sequences',
      q: `An arithmetic sequence starts at ${a} and increases by ${d} each term. What is the sum of its first ${n} terms?`,
      steps: [
        `The ${n}th term is ${a} + (${n} − 1) × ${d} = ${last}.`,
        `The sum of an arithmetic series is n(first + last)/2.`,
        `S = ${n} × (${a} + ${last}) / 2 = ${(n * (a + last)) / 2}.`,
      ],
      answer: String((n * (a + last)) / 2),
    };
  },
  (rng) => {
    const r = rng.int(3, 9);
    const b = rng.int(2, 9);
    const t = r + b;
    const num = r * (r - 1);
    const den = t * (t - 1);
    const g = gcd(num, den);
    return {
      topic: 'probability',
      q: `A bag holds ${r} red and ${b} blue marbles. Two are drawn without replacement. What is the probability that both are red?`,
      steps: [
        `P(first red) = ${r}/${t}.`,
        `After one red is removed, P(second red) = ${r - 1}/${t - 1}.`,
        `P(both red) = ${r}/${t} × ${r - 1}/${t - 1} = ${num}/${den} = ${num / g}/${den / g}.`,
      ],
      answer: `${num / g}/${den / g}`,
    };
  },
  (rng) => {
    const p = rng.pick([1000, 2500, 5000, 8000, 12000]);
    const r = rng.pick([3, 4, 5, 6, 7]);
    const y = rng.int(2, 6);
    const a = p * Math.pow(1 + r / 100, y);
    return {
      topic: 'finance',
      q: `$${p} is invested at ${r}% interest compounded yearly. How much is it worth after ${y} years?`,
      steps: [
        `Compound interest: A = P(1 + r)^t.`,
        `A = ${p} × (1.${String(r).padStart(2, '0')})^${y}.`,
        `(1.${String(r).padStart(2, '0')})^${y} ≈ ${(a / p).toFixed(4)}.`,
        `A ≈ ${p} × ${(a / p).toFixed(4)} = $${fmt(a)}.`,
      ],
      answer: `$${fmt(a)}`,
    };
  },
  (rng) => {
    const x = rng.int(2, 7);
    const y = rng.int(2, 7);
    const unit = rng.int(3, 40);
    const total = (x + y) * unit;
    return {
      topic: 'ratios',
      q: `Two partners split a profit of $${total} in the ratio ${x}:${y}. How much does each receive?`,
      steps: [
        `Total parts: ${x} + ${y} = ${x + y}.`,
        `One part is worth $${total} / ${x + y} = $${unit}.`,
        `First partner: ${x} × $${unit} = $${x * unit}; second: ${y} × $${unit} = $${y * unit}.`,
      ],
      answer: `$${x * unit} and $${y * unit}`,
    };
  },
];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A fresh English word problem with its worked steps. */
export function englishProblem(rng: Rng): Worked {
  return rng.pick(english)(rng);
}

/** Words a language needs to state and solve the four multilingual problem kinds. */
interface Lang {
  code: string;
  name: string;
  /** Currency unit multiplier so prices look local (shillings, naira). */
  unit: number;
  step: string;
  answer: string;
  shop: (who: string, n: number, p: number, m: number, q: number, bill: number) => string;
  shopSteps: [string, string, string];
  speed: (d: number, t: number) => string;
  speedStep: string;
  tank: (a: number, b: number) => string;
  tankSteps: [string, string];
  percent: (p: number, d: number) => string;
  percentSteps: [string, string];
  /** Ways of asking for the worked solution, in the language itself. */
  asks: string[];
}

/** Spanish, Portuguese, Indonesian, Vietnamese, Swahili, Tagalog, Bengali and Yoruba. */
export const LANGS: Lang[] = [
  {
    code: 'es',
    unit: 1,
    name: 'Spanish',
    step: 'Paso',
    answer: 'Respuesta',
    shop: (w, n, p, m, q, b) =>
      `${w} compra ${n} cuadernos a ${p} pesos cada uno y ${m} bolígrafos a ${q} pesos cada uno. Paga con un billete de ${b} pesos. ¿Cuánto cambio recibe?`,
    shopSteps: ['Costo de los cuadernos', 'Costo de los bolígrafos', 'Cambio'],
    speed: (d, t) => `Un tren recorre ${d} km en ${t} horas. ¿Cuál es su velocidad media?`,
    speedStep: 'Velocidad = distancia ÷ tiempo',
    tank: (a, b) =>
      `Un grifo llena un tanque en ${a} horas y otro en ${b} horas. ¿Cuánto tardan juntos?`,
    tankSteps: ['Ritmo combinado', 'Tiempo total'],
    percent: (p, d) =>
      `Un par de zapatos cuesta ${p} euros y tiene un descuento del ${d}%. ¿Cuál es el precio final?`,
    percentSteps: ['Descuento', 'Precio final'],
    asks: [
      '¿Me puedes mostrar cómo se llega al resultado?',
      'Explícame cada parte del cálculo, por favor.',
      'No entiendo de dónde sale la respuesta, ¿me lo desarrollas?',
      'Resuélvelo mostrando todo el procedimiento.',
    ],
  },
  {
    code: 'pt',
    unit: 1,
    name: 'Portuguese',
    step: 'Passo',
    answer: 'Resposta',
    shop: (w, n, p, m, q, b) =>
      `${w} comprou ${n} cadernos a R$${p} cada e ${m} canetas a R$${q} cada. Pagou com uma nota de R$${b}. Quanto recebeu de troco?`,
    shopSteps: ['Custo dos cadernos', 'Custo das canetas', 'Troco'],
    speed: (d, t) => `Um ônibus percorre ${d} km em ${t} horas. Qual é a velocidade média?`,
    speedStep: 'Velocidade = distância ÷ tempo',
    tank: (a, b) =>
      `Uma torneira enche um tanque em ${a} horas e outra em ${b} horas. Juntas, quanto tempo levam?`,
    tankSteps: ['Taxa combinada', 'Tempo total'],
    percent: (p, d) =>
      `Uma camisa custa R$${p} e está com ${d}% de desconto. Qual é o preço final?`,
    percentSteps: ['Desconto', 'Preço final'],
    asks: [
      'Pode mostrar como chegar ao resultado?',
      'Me explica o raciocínio de cada etapa?',
      'Resolva mostrando todas as contas.',
    ],
  },
  {
    code: 'id',
    unit: 1,
    name: 'Indonesian',
    step: 'Langkah',
    answer: 'Jawaban',
    shop: (w, n, p, m, q, b) =>
      `${w} membeli ${n} buku tulis seharga Rp${p}.000 per buah dan ${m} pulpen seharga Rp${q}.000 per buah. Ia membayar dengan uang Rp${b}.000. Berapa uang kembaliannya?`,
    shopSteps: ['Harga buku tulis', 'Harga pulpen', 'Kembalian'],
    speed: (d, t) =>
      `Sebuah mobil menempuh jarak ${d} km dalam ${t} jam. Berapa kecepatan rata-ratanya?`,
    speedStep: 'Kecepatan = jarak ÷ waktu',
    tank: (a, b) =>
      `Keran A mengisi bak dalam ${a} jam dan keran B dalam ${b} jam. Berapa lama jika keduanya dibuka bersamaan?`,
    tankSteps: ['Laju gabungan', 'Waktu total'],
    percent: (p, d) => `Harga sepatu Rp${p}.000 dengan diskon ${d}%. Berapa harga setelah diskon?`,
    percentSteps: ['Potongan', 'Harga akhir'],
    asks: [
      'Tolong tunjukkan cara mengerjakannya.',
      'Bagaimana cara mendapatkan jawabannya? Jelaskan setiap bagian.',
      'Kerjakan dengan menuliskan semua perhitungannya.',
    ],
  },
  {
    code: 'vi',
    unit: 1,
    name: 'Vietnamese',
    step: 'Bước',
    answer: 'Đáp số',
    shop: (w, n, p, m, q, b) =>
      `${w} mua ${n} quyển vở, mỗi quyển ${p} nghìn đồng, và ${m} cây bút, mỗi cây ${q} nghìn đồng. ${w} trả ${b} nghìn đồng. Hỏi được thối lại bao nhiêu?`,
    shopSteps: ['Tiền vở', 'Tiền bút', 'Tiền thối lại'],
    speed: (d, t) =>
      `Một xe máy đi được ${d} km trong ${t} giờ. Hỏi vận tốc trung bình là bao nhiêu?`,
    speedStep: 'Vận tốc = quãng đường ÷ thời gian',
    tank: (a, b) =>
      `Vòi thứ nhất chảy đầy bể trong ${a} giờ, vòi thứ hai trong ${b} giờ. Hai vòi cùng chảy thì bao lâu đầy bể?`,
    tankSteps: ['Mỗi giờ hai vòi chảy được', 'Thời gian đầy bể'],
    percent: (p, d) =>
      `Một chiếc áo giá ${p} nghìn đồng, được giảm ${d}%. Giá sau khi giảm là bao nhiêu?`,
    percentSteps: ['Số tiền được giảm', 'Giá sau khi giảm'],
    asks: [
      'Giải chi tiết giúp mình với.',
      'Bạn trình bày lời giải đầy đủ được không?',
      'Làm sao ra được kết quả này? Giải thích từng phần nhé.',
    ],
  },
  {
    code: 'sw',
    unit: 100,
    name: 'Swahili',
    step: 'Hatua',
    answer: 'Jibu',
    shop: (w, n, p, m, q, b) =>
      `${w} alinunua madaftari ${n} kwa shilingi ${p} kila moja na kalamu ${m} kwa shilingi ${q} kila moja. Alilipa shilingi ${b}. Alirudishiwa chenji kiasi gani?`,
    shopSteps: ['Gharama ya madaftari', 'Gharama ya kalamu', 'Chenji'],
    speed: (d, t) => `Basi linasafiri kilomita ${d} kwa saa ${t}. Kasi yake ya wastani ni ipi?`,
    speedStep: 'Kasi = umbali ÷ muda',
    tank: (a, b) =>
      `Bomba la kwanza linajaza tangi kwa saa ${a} na la pili kwa saa ${b}. Yakifunguliwa pamoja yatachukua muda gani?`,
    tankSteps: ['Kasi ya pamoja', 'Muda wote'],
    percent: (p, d) =>
      `Shati linauzwa shilingi ${p} na lina punguzo la asilimia ${d}. Bei ya mwisho ni ngapi?`,
    percentSteps: ['Punguzo', 'Bei ya mwisho'],
    asks: [
      'Tafadhali nionyeshe jinsi ya kupata jibu.',
      'Eleza kila sehemu ya hesabu hii.',
      'Nisaidie kutatua swali hili kwa kuonyesha hesabu zote.',
    ],
  },
  {
    code: 'tl',
    unit: 1,
    name: 'Tagalog',
    step: 'Hakbang',
    answer: 'Sagot',
    shop: (w, n, p, m, q, b) =>
      `Bumili si ${w} ng ${n} kuwaderno na tig-₱${p} at ${m} ballpen na tig-₱${q}. Nagbayad siya ng ₱${b}. Magkano ang sukli niya?`,
    shopSteps: ['Halaga ng kuwaderno', 'Halaga ng ballpen', 'Sukli'],
    speed: (d, t) =>
      `Ang isang jeep ay bumiyahe ng ${d} km sa loob ng ${t} oras. Ano ang karaniwang bilis nito?`,
    speedStep: 'Bilis = layo ÷ oras',
    tank: (a, b) =>
      `Napupuno ng unang gripo ang tangke sa loob ng ${a} oras at ng ikalawa sa ${b} oras. Gaano katagal kung sabay silang bubuksan?`,
    tankSteps: ['Pinagsamang bilis', 'Kabuuang oras'],
    percent: (p, d) =>
      `Ang sapatos ay nagkakahalaga ng ₱${p} at may ${d}% na diskwento. Magkano ang huling presyo?`,
    percentSteps: ['Diskwento', 'Huling presyo'],
    asks: [
      'Paano po makukuha ang sagot? Ipakita ang solusyon.',
      'Pakipaliwanag ang bawat bahagi ng kompyutasyon.',
      'Lutasin ito at ipakita lahat ng kalkulasyon.',
    ],
  },
  {
    code: 'bn',
    unit: 1,
    name: 'Bengali',
    step: 'ধাপ',
    answer: 'উত্তর',
    shop: (w, n, p, m, q, b) =>
      `${w} ${p} টাকা দরে ${n}টি খাতা এবং ${q} টাকা দরে ${m}টি কলম কিনল। সে ${b} টাকার নোট দিল। সে কত টাকা ফেরত পাবে?`,
    shopSteps: ['খাতার দাম', 'কলমের দাম', 'ফেরত'],
    speed: (d, t) => `একটি ট্রেন ${t} ঘণ্টায় ${d} কিমি যায়। এর গড় গতিবেগ কত?`,
    speedStep: 'গতিবেগ = দূরত্ব ÷ সময়',
    tank: (a, b) =>
      `একটি নল ${a} ঘণ্টায় এবং অন্যটি ${b} ঘণ্টায় একটি ট্যাংক পূর্ণ করে। দুটি একসাথে খুললে কত সময় লাগবে?`,
    tankSteps: ['একসাথে প্রতি ঘণ্টায়', 'মোট সময়'],
    percent: (p, d) => `একটি জামার দাম ${p} টাকা, ${d}% ছাড় দেওয়া হলো। এখন দাম কত?`,
    percentSteps: ['ছাড়', 'শেষ দাম'],
    asks: ['অনুগ্রহ করে পুরো সমাধানটি দেখাও।', 'উত্তরটি কীভাবে এলো, প্রতিটি অংশ বুঝিয়ে দাও।'],
  },
  {
    code: 'yo',
    unit: 10,
    name: 'Yoruba',
    step: 'Ìgbésẹ̀',
    answer: 'Ìdáhùn',
    shop: (w, n, p, m, q, b) =>
      `${w} ra ìwé ${n} ní náírà ${p} kọ̀ọ̀kan àti gègé ${m} ní náírà ${q} kọ̀ọ̀kan. Ó san náírà ${b}. Èló ni ṣẹ́ńjì rẹ̀?`,
    shopSteps: ['Iye owó ìwé', 'Iye owó gègé', 'Ṣẹ́ńjì'],
    speed: (d, t) => `Ọkọ̀ kan rin kìlómítà ${d} ní wákàtí ${t}. Kí ni ìyára àròpín rẹ̀?`,
    speedStep: 'Ìyára = ijìnnà ÷ àkókò',
    tank: (a, b) =>
      `Ẹ̀rọ omi kìíní ń kún àgbá ní wákàtí ${a}, èkejì ní wákàtí ${b}. Tí a bá ṣí méjèèjì pọ̀, ìgbà wo ni yóò kún?`,
    tankSteps: ['Ìyára àpapọ̀', 'Àkókò lápapọ̀'],
    percent: (p, d) => `Bàtà kan jẹ́ náírà ${p}, wọ́n sì dín ${d}% kù. Èló ni iye rẹ̀ báyìí?`,
    percentSteps: ['Ìdínkù', 'Iye tuntun'],
    asks: ['Jọ̀wọ́ fi bí a ṣe rí ìdáhùn hàn mí.', 'Ṣàlàyé apá kọ̀ọ̀kan ìṣirò yìí.'],
  },
];

/** A word problem written in another language, with its worked solution in that language. */
export function foreignProblem(rng: Rng, lang: Lang): Worked {
  const who = rng.pick(['Amina', 'Juan', 'Siti', 'Minh', 'Baraka', 'Rina', 'Tunde', 'Ana']);
  const kind = rng.int(0, 3);
  const S = lang.step;
  if (kind === 0) {
    const n = rng.int(2, 9);
    const p = rng.int(2, 15) * lang.unit;
    const m = rng.int(2, 6);
    const q = rng.int(2, 12) * lang.unit;
    const t = n * p + m * q;
    const b = Math.ceil((t + 1) / (50 * lang.unit)) * 50 * lang.unit;
    const [s1, s2, s3] = lang.shopSteps;
    return {
      topic: 'arithmetic',
      q: lang.shop(who, n, p, m, q, b),
      steps: [
        `${S} 1: ${s1}: ${n} × ${p} = ${n * p}`,
        `${S} 2: ${s2}: ${m} × ${q} = ${m * q}`,
        `${S} 3: ${n * p} + ${m * q} = ${t}`,
        `${S} 4: ${s3}: ${b} − ${t} = ${b - t}`,
      ],
      answer: `${lang.answer}: ${b - t}`,
    };
  }
  if (kind === 1) {
    const t = rng.int(2, 8);
    const v = rng.int(25, 95);
    return {
      topic: 'rates',
      q: lang.speed(v * t, t),
      steps: [`${S} 1: ${lang.speedStep}`, `${S} 2: ${v * t} ÷ ${t} = ${v}`],
      answer: `${lang.answer}: ${v} km/h`,
    };
  }
  if (kind === 2) {
    const a = rng.int(2, 9);
    const b = a + rng.int(1, 6);
    const [s1, s2] = lang.tankSteps;
    return {
      topic: 'work rates',
      q: lang.tank(a, b),
      steps: [
        `${S} 1: ${s1}: 1/${a} + 1/${b} = ${a + b}/${a * b}`,
        `${S} 2: ${s2}: 1 ÷ ${a + b}/${a * b} = ${a * b}/${a + b} ≈ ${fmt((a * b) / (a + b))}`,
      ],
      answer: `${lang.answer}: ${fmt((a * b) / (a + b))}`,
    };
  }
  const p = rng.int(10, 90) * 10 * lang.unit;
  const d = rng.pick([10, 15, 20, 25, 30]);
  const [s1, s2] = lang.percentSteps;
  return {
    topic: 'percentages',
    q: lang.percent(p, d),
    steps: [
      `${S} 1: ${s1}: ${p} × ${d}/100 = ${fmt((p * d) / 100)}`,
      `${S} 2: ${s2}: ${p} − ${fmt((p * d) / 100)} = ${fmt(p - (p * d) / 100)}`,
    ],
    answer: `${lang.answer}: ${fmt(p - (p * d) / 100)}`,
  };
}
