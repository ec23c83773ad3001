import { closeSync, openSync, writeSync } from 'node:fs';
// Accounts, schedules, the event writer and response builders.
import type { Corpus, MathItem, CodeItem, CotItem } from './corpus.js';
import { DAY, HOUR, MIN, MODELS, Rng, drawIp, tokens } from './lib.js';
import type { Client, Country, Net } from './lib.js';

export type Tier = 'unverified' | 'free' | 'pro' | 'enterprise';
export interface Account {
  id: string;
  keys: string[];
  createdAt: number;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: Country;
  tz: number;
  tier: Tier;
  route: string;
  malicious: boolean;
  persona: string;
  family: string;
  campaign: string | null;
  client: Client;
  net: Net;
  sticky: { cur: string };
  rng: Rng;
}

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
export type Msg =
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string;
      tool?: { id: string; name: string; args: Record<string, unknown> };
    }
  | { role: 'tool'; id: string; name: string; content: string };

export interface Call {
  model: string;
  system?: string;
  msgs: Msg[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  tools?: ToolDef[];
  resp: string;
  toolCall?: { name: string; args: Record<string, unknown> };
  reasoning?: number; // reasoning tokens
  outTokens?: number;
  status?: number;
  metadata?: Record<string, string>;
  client?: Client;
}

export interface World {
  start: number;
  end: number;
  days: number;
  release: number; // corvid-4 release ts
  corpus: Corpus;
}

export class Sink {
  ts: number[] = [];
  offs: number[] = [];
  lens: number[] = [];
  private pending: string[] = [];
  private pos = 0;
  private fd = -1;
  perFamily = new Map<string, number>();
  private reqSeq = 0;
  constructor(
    private readonly world: World,
    private readonly seed: number,
  ) {}

  /** Events are spooled to `path` in generation order; `flush` writes what is pending. */
  open(path: string): void {
    this.fd = openSync(path, 'w');
  }
  flush(): void {
    if (this.pending.length && this.fd >= 0) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
  }
  close(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  emit(a: Account, ts: number, c: Call): void {
    const w = this.world;
    if (ts < w.start || ts >= w.end || ts < a.createdAt) return;
    if (c.model === MODELS.next && ts < w.release) c.model = MODELS.main;
    const rng = a.rng;
    const cl = c.client ?? a.client;
    const ip = drawIp(rng, a.net, a.sticky);
    let inText = c.system ?? '';
    for (const m of c.msgs)
      inText += m.content.length > 20000 ? m.content.slice(0, 20000) : m.content;
    let inputTokens = tokens(inText) + c.msgs.length * 4;
    if (c.tools) inputTokens += c.tools.length * 90;
    let text = c.resp;
    let out = c.outTokens ?? tokens(text);
    if (c.toolCall) out += 20 + Math.round(JSON.stringify(c.toolCall.args).length / 4);
    let finish: 'stop' | 'length' | 'tool' = c.toolCall ? 'tool' : 'stop';
    if (c.max_tokens !== undefined && out > c.max_tokens) {
      text = text.slice(0, Math.max(1, Math.round((text.length * c.max_tokens) / out)));
      out = c.max_tokens;
      finish = 'length';
    }
    const n = c.n ?? 1;
    out *= n;
    let reasoning = 0;
    if (c.model === MODELS.think) reasoning = c.reasoning ?? Math.round(rng.logNormal(900, 0.7));
    else if (c.model === MODELS.next && c.reasoning) reasoning = c.reasoning;
    const speed =
      c.model === MODELS.mini
        ? 150
        : c.model === MODELS.think
          ? 65
          : c.model === MODELS.next
            ? 85
            : 75;
    const latencyMs = Math.round(
      rng.logNormal(420, 0.35) + ((out / n + reasoning) / speed) * 1000 + inputTokens / 40,
    );
    const status = c.status ?? 200;
    const ant = cl.endpoint === 'messages';
    const request: Record<string, unknown> = { model: c.model };
    if (ant) {
      if (c.system !== undefined) {
        request['system'] =
          c.system.length > 1500 && rng.chance(0.5)
            ? [{ type: 'text', text: c.system, cache_control: { type: 'ephemeral' } }]
            : c.system;
      }
      request['messages'] = toAnthropic(c.msgs);
      request['max_tokens'] = c.max_tokens ?? 4096;
      if (c.temperature !== undefined) request['temperature'] = c.temperature;
      if (c.top_p !== undefined) request['top_p'] = c.top_p;
      if (c.tools)
        request['tools'] = c.tools.map((t) => ({
          name: t.name,
          description: t.description,
          input_schema: t.parameters,
        }));
      if (c.stream) request['stream'] = true;
      if (c.metadata) request['metadata'] = { user_id: c.metadata['user'] ?? '' };
    } else {
      const msgs = toOpenAI(c.msgs);
      if (c.system !== undefined)
        msgs.unshift({
          role: c.model === MODELS.think && rng.chance(0.5) ? 'developer' : 'system',
          content: c.system,
        });
      request['messages'] = msgs;
      if (c.temperature !== undefined) request['temperature'] = c.temperature;
      if (c.top_p !== undefined) request['top_p'] = c.top_p;
      if (c.max_tokens !== undefined)
        request[c.model === MODELS.think ? 'max_completion_tokens' : 'max_tokens'] = c.max_tokens;
      if (c.n !== undefined) request['n'] = c.n;
      if (c.stream !== undefined) request['stream'] = c.stream;
      if (c.logprobs !== undefined) request['logprobs'] = c.logprobs;
      if (c.top_logprobs !== undefined) request['top_logprobs'] = c.top_logprobs;
      if (c.logit_bias !== undefined) request['logit_bias'] = c.logit_bias;
      if (c.tools) request['tools'] = c.tools.map((t) => ({ type: 'function', function: t }));
      if (c.metadata) request['user'] = c.metadata['user'] ?? '';
    }
    const response: Record<string, unknown> =
      status === 200
        ? {
            text: text.length > 6000 ? text.slice(0, 6000) : text,
            inputTokens,
            outputTokens: out,
            finishReason: ant
              ? { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use' }[finish]
              : { stop: 'stop', length: 'length', tool: 'tool_calls' }[finish],
            latencyMs,
          }
        : {
            text: '',
            inputTokens,
            outputTokens: 0,
            finishReason: 'error',
            latencyMs: Math.round(rng.logNormal(150, 0.5)),
          };
    if (status === 200 && reasoning) response['reasoningTokens'] = reasoning;
    if (status === 200 && c.toolCall)
      response['toolCalls'] = [{ name: c.toolCall.name, arguments: c.toolCall.args }];
    this.reqSeq++;
    const ev = {
      ts: Math.round(ts),
      account: a.id,
      key: a.keys.length > 1 ? rng.pick(a.keys) : a.keys[0],
      requestId: `req_${(this.seed % 9973).toString(36)}${this.reqSeq.toString(36).padStart(7, '0')}${rng.b36(6)}`,
      ip,
      userAgent: cl.userAgent,
      ja4: cl.ja4,
      headerOrder: cl.headerOrder,
      endpoint: cl.endpoint,
      model: c.model,
      request,
      response,
      status,
      action: 'allow',
    };
    const line = JSON.stringify(ev) + '\n';
    const len = Buffer.byteLength(line);
    this.ts.push(ev.ts);
    this.offs.push(this.pos);
    this.lens.push(len);
    this.pos += len;
    this.pending.push(line);
    if (this.pending.length >= 2000) this.flush();
    this.perFamily.set(a.family, (this.perFamily.get(a.family) ?? 0) + 1);
  }
}

function toOpenAI(msgs: Msg[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const m of msgs) {
    if (m.role === 'tool') out.push({ role: 'tool', tool_call_id: m.id, content: m.content });
    else if (m.role === 'assistant' && m.tool) {
      out.push({
        role: 'assistant',
        content: m.content || null,
        tool_calls: [
          {
            id: m.tool.id,
            type: 'function',
            function: { name: m.tool.name, arguments: JSON.stringify(m.tool.args) },
          },
        ],
      });
    } else out.push({ role: m.role, content: m.content });
  }
  return out;
}
function toAnthropic(msgs: Msg[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const m of msgs) {
    if (m.role === 'tool') {
      const block = { type: 'tool_result', tool_use_id: m.id, content: m.content };
      const prev = out[out.length - 1];
      if (prev && prev['role'] === 'user' && Array.isArray(prev['content']))
        (prev['content'] as unknown[]).push(block);
      else out.push({ role: 'user', content: [block] });
    } else if (m.role === 'assistant' && m.tool) {
      const content: unknown[] = [];
      if (m.content) content.push({ type: 'text', text: m.content });
      content.push({ type: 'tool_use', id: m.tool.id, name: m.tool.name, input: m.tool.args });
      out.push({ role: 'assistant', content });
    } else out.push({ role: m.role, content: m.content });
  }
  return out;
}

// ------------------------------------------------------------ schedules

export type Profile = 'office' | 'evening' | 'student' | 'flat' | 'night' | 'mixed';
const PROFILES: Record<Profile, number[]> = {
  office: [
    0.6, 0.3, 0.2, 0.15, 0.15, 0.3, 0.8, 2, 5, 8, 9, 9, 7, 8, 9, 9, 8, 6, 4, 3, 2.5, 2, 1.5, 1,
  ],
  evening: [
    3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 3, 3, 3, 3.5, 4, 5, 6, 7, 7, 6, 4.5,
  ],
  student: [
    2, 1, 0.4, 0.2, 0.2, 0.3, 0.6, 1.5, 2, 2, 2.5, 2.5, 3, 3.5, 4, 5, 6, 6.5, 6, 6.5, 7, 6, 4.5, 3,
  ],
  flat: Array.from({ length: 24 }, () => 1),
  night: [6, 7, 7, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 2, 3, 4, 5, 5.5],
  mixed: [
    1.5, 1, 0.6, 0.4, 0.4, 0.6, 1, 2, 4, 5.5, 6, 6, 5.5, 6, 6, 6, 5.5, 5, 4.5, 4.5, 4.5, 4, 3, 2,
  ],
};

/** A UTC timestamp on `day` whose local hour follows `profile`. */
export function localTime(rng: Rng, w: World, day: number, tz: number, profile: Profile): number {
  const weights = PROFILES[profile];
  const hour = rng.weighted(weights.map((x, i) => [i, x] as const));
  return w.start + day * DAY + (hour - tz) * HOUR + rng.next() * HOUR;
}

export function isWeekend(w: World, ts: number, tz: number): boolean {
  const d = new Date(ts + tz * HOUR).getUTCDay();
  return d === 0 || d === 6;
}

/** Human sessions: returns arrays of timestamps, one array per session. */
export function humanSessions(
  rng: Rng,
  w: World,
  tz: number,
  profile: Profile,
  sessionsPerDay: number,
  reqPerSession: number,
  gapMedianS = 70,
  weekendFactor = 0.5,
  activeDays?: number[],
): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < w.days; d++) {
    if (activeDays && !activeDays.includes(d)) continue;
    let rate = sessionsPerDay * rng.logNormal(1, 0.4);
    if (isWeekend(w, w.start + d * DAY + 12 * HOUR, tz)) rate *= weekendFactor;
    let k = Math.floor(rate) + (rng.chance(rate - Math.floor(rate)) ? 1 : 0);
    while (k-- > 0) {
      let t = localTime(rng, w, d, tz, profile);
      const n = Math.max(1, Math.round(rng.logNormal(reqPerSession, 0.6)));
      const s: number[] = [];
      for (let i = 0; i < n; i++) {
        s.push(t);
        t += rng.logNormal(gapMedianS, 0.8) * 1000;
      }
      out.push(s);
    }
  }
  return out;
}

export function steady(
  rng: Rng,
  from: number,
  to: number,
  intervalMs: number,
  jitter = 0.1,
): number[] {
  const out: number[] = [];
  let t = from + rng.next() * intervalMs;
  while (t < to) {
    out.push(t);
    t += intervalMs * (1 + rng.normal(0, jitter));
    if (out.length > 200000) break;
  }
  return out;
}

// ----------------------------------------------------------- responses

export function mathSolution(
  rng: Rng,
  m: MathItem,
  style: 'steps' | 'terse' | 'tutor' = 'steps',
): string {
  const lines = m.solution.split('\n').filter((l) => l.trim());
  if (style === 'terse') return `The answer is ${m.answer || lastNumber(m.solution)}.`;
  const intro = rng.pick([
    "Let's work through it.",
    "Here's how to solve it:",
    'We can set this up step by step.',
    'Let me break this down.',
    '',
  ]);
  const bold = rng.chance(0.5);
  const body = lines
    .map((l, i) => (bold ? `**Step ${i + 1}.** ${l}` : `${i + 1}. ${l}`))
    .join('\n\n');
  const ans = m.answer || lastNumber(m.solution);
  const tail =
    style === 'tutor'
      ? `\n\nSo the answer is **${ans}**. Want me to show another way to check it?`
      : `\n\n**Answer:** ${ans}`;
  return (intro ? intro + '\n\n' : '') + body + tail;
}
function lastNumber(s: string): string {
  const m = s.match(/-?\d[\d,.]*/g);
  return m ? (m[m.length - 1] ?? '') : '';
}
export function cotAnswer(rng: Rng, c: CotItem, lang?: Lang): string {
  if (lang) {
    return `${lang.reason}\n\n${c.rationale}\n\n${lang.answer}: ${c.answer}`;
  }
  return rng.pick([
    `${c.rationale} So the answer is ${c.answer}.`,
    `Reasoning: ${c.rationale}\n\nAnswer: ${c.answer}`,
    `Let's think it through. ${c.rationale}\n\nTherefore: **${c.answer}**`,
  ]);
}
export function codeAnswer(rng: Rng, c: CodeItem, explain: boolean): string {
  const code = '```python\n' + c.code.trim() + '\n```';
  if (!explain) return code;
  const pre = rng.pick([
    `Here's an implementation of \`${c.name}\`:`,
    `You can do this with a short function:`,
    `One straightforward approach:`,
    `Sure — here's a clean version:`,
  ]);
  const post = rng.pick([
    `\n\nThe function runs in linear time over the input.`,
    c.tests[0] ? `\n\nQuick check:\n\n\`\`\`python\n${c.tests[0]}\n\`\`\`` : '',
    `\n\n**How it works:** it iterates once, keeping track of the intermediate result, and returns it at the end.`,
    '',
  ]);
  return `${pre}\n\n${code}${post}`;
}
export function chatReply(rng: Rng, corpus: Corpus): string {
  return rng.pick(corpus.replies);
}

/** A phrase from an answer that a reader would ask about. */
export function phraseFrom(rng: Rng, text: string): string {
  const words = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*#`$\\{}]/g, '')
    .split(/\s+/)
    .filter((x) => x.length > 0);
  if (words.length < 4) return words.join(' ') || 'that';
  let i = rng.int(0, Math.max(0, words.length - 4));
  for (let k = 0; k < 6 && (words[i] ?? '').length < 4; k++)
    i = rng.int(0, Math.max(0, words.length - 4));
  return words
    .slice(i, i + rng.int(2, 4))
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
}

// ------------------------------------------------------------ languages

export interface Lang {
  code: string;
  asks: string[];
  reason: string;
  step: string;
  answer: string;
  low: boolean;
}
export const LANGS: Lang[] = [
  {
    code: 'sw',
    step: 'Hatua',
    low: true,
    reason: 'Hebu tufikirie hatua kwa hatua.',
    answer: 'Jibu',
    asks: [
      'Tatua swali hili na uonyeshe kila hatua ya kufikiri kwako, kwa Kiswahili:',
      'Nieleze jinsi ya kufikia jibu, hatua moja baada ya nyingine:',
      'Fikiria kwa makini kisha andika mchakato mzima wa mawazo yako:',
    ],
  },
  {
    code: 'yo',
    step: 'Ìgbésẹ̀',
    low: true,
    reason: 'Jẹ ká ronú lórí rẹ̀ ní ìgbésẹ̀ kọ̀ọ̀kan.',
    answer: 'Ìdáhùn',
    asks: [
      'Yanjú ìbéèrè yìí, kí o sì ṣàlàyé ìgbésẹ̀ kọ̀ọ̀kan ní èdè Yorùbá:',
      'Ṣàlàyé bí o ṣe dé ìdáhùn náà:',
    ],
  },
  {
    code: 'ha',
    step: 'Mataki',
    low: true,
    reason: 'Bari mu yi tunani mataki-mataki.',
    answer: 'Amsa',
    asks: [
      'Warware wannan tambaya kuma ka bayyana kowane mataki na tunaninka da Hausa:',
      'Nuna yadda ka kai ga amsar, mataki bayan mataki:',
    ],
  },
  {
    code: 'am',
    step: 'ደረጃ',
    low: true,
    reason: 'ደረጃ በደረጃ እናስብ።',
    answer: 'መልስ',
    asks: ['ይህንን ጥያቄ ፍታ፤ እያንዳንዱን የአስተሳሰብ ደረጃ በአማርኛ አብራራ፦', 'መልሱ ላይ እንዴት እንደደረስክ በዝርዝር ግለጽ፦'],
  },
  {
    code: 'zu',
    step: 'Isinyathelo',
    low: true,
    reason: 'Ake sicabange isinyathelo ngesinyathelo.',
    answer: 'Impendulo',
    asks: [
      'Xazulula lo mbuzo bese uchaza zonke izinyathelo zokucabanga kwakho ngesiZulu:',
      'Ngichazele ukuthi ufike kanjani empendulweni:',
    ],
  },
  {
    code: 'ne',
    step: 'चरण',
    low: true,
    reason: 'चरणबद्ध रूपमा सोचौं।',
    answer: 'उत्तर',
    asks: [
      'यो प्रश्न हल गर्नुहोस् र आफ्नो सोचाइको हरेक चरण नेपालीमा लेख्नुहोस्:',
      'उत्तरसम्म कसरी पुग्नुभयो, विस्तारमा बताउनुहोस्:',
    ],
  },
  {
    code: 'bn',
    step: 'ধাপ',
    low: false,
    reason: 'চলো ধাপে ধাপে ভাবি।',
    answer: 'উত্তর',
    asks: [
      'এই প্রশ্নটির সমাধান করো এবং প্রতিটি চিন্তার ধাপ বাংলায় লেখো:',
      'কীভাবে উত্তরে পৌঁছালে, বিস্তারিত ব্যাখ্যা করো:',
    ],
  },
  {
    code: 'tl',
    step: 'Hakbang',
    low: true,
    reason: 'Pag-isipan natin ito nang hakbang-hakbang.',
    answer: 'Sagot',
    asks: [
      'Lutasin ito at ipaliwanag ang bawat hakbang ng iyong pag-iisip sa Tagalog:',
      'Ipakita kung paano mo narating ang sagot:',
    ],
  },
  {
    code: 'cy',
    step: 'Cam',
    low: true,
    reason: 'Gadewch i ni feddwl gam wrth gam.',
    answer: 'Ateb',
    asks: [
      "Datryswch hwn ac esboniwch bob cam o'ch rhesymu yn Gymraeg:",
      'Dangoswch sut y daethoch at yr ateb:',
    ],
  },
  {
    code: 'eu',
    step: 'Urratsa',
    low: true,
    reason: 'Pentsa dezagun urratsez urrats.',
    answer: 'Erantzuna',
    asks: [
      'Ebatzi galdera hau eta azaldu zure arrazoibidearen urrats bakoitza euskaraz:',
      'Erakutsi nola iritsi zaren erantzunera:',
    ],
  },
  {
    code: 'id',
    step: 'Langkah',
    low: false,
    reason: 'Mari kita pikirkan langkah demi langkah.',
    answer: 'Jawaban',
    asks: [
      'Selesaikan soal ini dan jelaskan setiap langkah penalaranmu:',
      'Tolong uraikan cara berpikirmu sampai ke jawabannya:',
    ],
  },
  {
    code: 'vi',
    step: 'Bước',
    low: false,
    reason: 'Hãy suy nghĩ từng bước.',
    answer: 'Đáp án',
    asks: [
      'Giải bài này và trình bày từng bước suy luận của bạn:',
      'Hãy giải thích chi tiết bạn đi đến đáp án như thế nào:',
    ],
  },
  {
    code: 'ko',
    step: '단계',
    low: false,
    reason: '단계별로 생각해 봅시다.',
    answer: '정답',
    asks: [
      '이 문제를 풀고 사고 과정을 단계별로 자세히 적어 주세요:',
      '답에 도달한 과정을 한국어로 설명해 주세요:',
    ],
  },
];

export const MINUTE = MIN;
