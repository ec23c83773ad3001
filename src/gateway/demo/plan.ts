import type { Protocol } from '../upstream.js';
import { fnv1a } from '../../hash/fnv.js';
import {
  answerLength,
  composeAnswer,
  composeReasoning,
  composeGrade,
  composeSteps,
  rng,
  topicIds,
} from './compose.js';
import { loadCorpus } from './corpus.js';
import type { Corpus } from './corpus.js';
import { planToolCall, type DemoToolCall } from './tools.js';

/** The slice of gpt-tokenizer the demo needs (o200k_base, loaded lazily). */
export interface Tokenizer {
  encode(text: string): number[];
  decode(tokens: number[]): string;
}

/** How one choice of a demo answer ended (`tool`: with a tool call). */
export type DemoFinish = 'stop' | 'length' | 'stop_sequence' | 'tool';

/** One generated choice, with exact token counts. */
export interface DemoChoice {
  reasoning: string;
  text: string;
  reasoningTokens: number;
  textTokens: number;
  finish: DemoFinish;
  /** The stop sequence that ended the text, when `finish` is stop_sequence. */
  stopSequence: string | null;
  /** The tool call this choice makes instead of text (finish `tool`); see tools.ts. */
  toolCall?: DemoToolCall | undefined;
}

/** What the demo model will say to one request, decided before anything is sent. */
export interface DemoPlan {
  promptTokens: number;
  choices: DemoChoice[];
  /** Seed the plan was drawn from, also used for ids. */
  seed: number;
}

/** Pace and length knobs of the demo model (the top-level `demo:` config section). */
export interface DemoConfig {
  tokensPerSecond: number;
  meanTokens: number;
}

interface Loaded {
  corpus: Corpus;
  tok: Tokenizer;
}
let loaded: Promise<Loaded> | undefined;

/** Load the WordNet corpus and the tokenizer once; call at start-up to keep the first request fast. */
export function preloadDemo(): Promise<Loaded> {
  loaded ??= Promise.all([loadCorpus(), import('gpt-tokenizer')]).then(([corpus, t]) => ({
    corpus,
    tok: { encode: (s: string) => t.encode(s), decode: (ids: number[]) => t.decode(ids) },
  }));
  return loaded;
}

type Json = Record<string, unknown>;

/** The text of a message `content`: a string, or the text of its text-like blocks. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content))
    return content === undefined || content === null ? '' : JSON.stringify(content);
  let out = '';
  for (const part of content as Json[]) {
    if (typeof part['text'] === 'string') out += part['text'];
    else if (part['type'] === 'tool_result') out += contentText(part['content']);
    else if (part['type'] === 'tool_use') out += JSON.stringify(part['input'] ?? {});
  }
  return out;
}

/**
 * Prompt tokens, counted the way OpenAI's cookbook ("How to count tokens with tiktoken")
 * does for chat models: 3 per message + role + content (+1 for a name), +3 to prime the
 * reply. Anthropic requests are counted the same way with their top-level `system` first;
 * Anthropic's own tokenizer is not public, so this is an o200k approximation.
 */
export function countPrompt(
  tok: Tokenizer,
  protocol: Protocol,
  body: Json,
): { tokens: number; text: string } {
  let tokens = 3;
  let text = '';
  if (protocol === 'anthropic' && body['system'] !== undefined) {
    const s = contentText(body['system']);
    tokens += 3 + tok.encode(s).length;
    text += s;
  }
  const messages = Array.isArray(body['messages']) ? (body['messages'] as Json[]) : [];
  for (const m of messages) {
    const c = contentText(m['content']);
    tokens +=
      3 + tok.encode(String(m['role'] ?? '')).length + tok.encode(c).length + (m['name'] ? 1 : 0);
    text += `\n${c}`;
  }
  return { tokens, text };
}

function stopsOf(protocol: Protocol, body: Json): string[] {
  const raw = protocol === 'openai' ? body['stop'] : body['stop_sequences'];
  if (typeof raw === 'string') return raw ? [raw] : [];
  return Array.isArray(raw)
    ? raw.filter((s): s is string => typeof s === 'string' && s.length > 0)
    : [];
}

function maxTokensOf(protocol: Protocol, body: Json): number {
  const v =
    protocol === 'openai'
      ? (body['max_completion_tokens'] ?? body['max_tokens'])
      : body['max_tokens'];
  return typeof v === 'number' && v >= 0 ? Math.floor(v) : Number.POSITIVE_INFINITY;
}

/** Cut `text` at the earliest stop sequence. */
function applyStops(text: string, stops: string[]): { text: string; stop: string | null } {
  let at = -1;
  let stop: string | null = null;
  for (const s of stops) {
    const i = text.indexOf(s);
    if (i >= 0 && (at < 0 || i < at)) [at, stop] = [i, s];
  }
  return at < 0 ? { text, stop: null } : { text: text.slice(0, at), stop };
}

function makeChoice(
  l: Loaded,
  seed: number,
  cfg: DemoConfig,
  topic: number[],
  reasoner: boolean,
  limits: { max: number; stops: string[] },
  layout: Layout,
): DemoChoice {
  const r = rng(seed);
  const target = answerLength(r, cfg.meanTokens);
  let reasoning = reasoner ? composeReasoning(l.corpus, r, Math.round(target / 2), topic) : '';
  let rTok = reasoning ? l.tok.encode(reasoning) : [];
  const draft =
    layout === 'steps'
      ? composeSteps(l.corpus, r, target, topic)
      : typeof layout === 'number'
        ? composeGrade(l.corpus, r, layout, topic)
        : composeAnswer(l.corpus, r, target, topic);
  const cut = applyStops(draft, limits.stops);
  let text = cut.text;
  let tTok = l.tok.encode(text);
  let finish: DemoFinish = cut.stop ? 'stop_sequence' : 'stop';
  if (rTok.length >= limits.max) {
    rTok = rTok.slice(0, limits.max);
    reasoning = l.tok.decode(rTok);
    [text, tTok, finish] = ['', [], 'length'];
  } else if (rTok.length + tTok.length > limits.max) {
    tTok = tTok.slice(0, limits.max - rTok.length);
    text = l.tok.decode(tTok);
    finish = 'length';
  }
  return {
    reasoning,
    text,
    reasoningTokens: rTok.length,
    textTokens: tTok.length,
    finish,
    stopSequence: finish === 'stop_sequence' ? cut.stop : null,
  };
}

/** A choice that calls a tool: the reasoner thinks briefly first; no text. */
function toolChoice(
  l: Loaded,
  seed: number,
  topic: number[],
  reasoner: boolean,
  call: DemoToolCall,
): DemoChoice {
  const reasoning = reasoner ? composeReasoning(l.corpus, rng(seed), 40, topic) : '';
  return {
    reasoning,
    text: '',
    reasoningTokens: reasoning ? l.tok.encode(reasoning).length : 0,
    textTokens: l.tok.encode(call.name).length + l.tok.encode(call.arguments).length + 4,
    finish: 'tool',
    stopSequence: null,
    toolCall: call,
  };
}

/** A prompt that asks for the working (the demo model's instruction following; English only). */
const STEPWISE =
  /step[ -]by[ -]step|\breasoning\b|show (your|the|all) work|\bderivation\b|every (intermediate )?step/i;
/** A prompt that asks for a grade on a scale: "rate … from 1 to 10", "score it out of 5" (English only). */
const GRADING =
  /\b(?:rate|score|grade)\b[^.?!\n]{0,80}?(?:\b[01] ?(?:-|to|–) ?(5|7|10|100)\b|\bout of (5|7|10|100)\b)/i;

/** How the demo model lays an answer out: prose, numbered steps, or a grade on a scale of that top. */
type Layout = 'prose' | 'steps' | number;

/** The layout a prompt's tail asks for. */
function layoutOf(tail: string): Layout {
  const g = GRADING.exec(tail);
  if (g) return Number(g[1] ?? g[2]);
  return STEPWISE.test(tail) ? 'steps' : 'prose';
}

/**
 * Decide the whole answer to one request. Reproducible: the seed is a hash of the model and
 * prompt, mixed with the request's `seed` when given, else with `counter` (so repeated
 * prompts vary) unless `temperature` is 0 (so they do not).
 */
export async function planAnswer(
  protocol: Protocol,
  body: Json,
  cfg: DemoConfig,
  counter: number,
): Promise<DemoPlan> {
  const l = await preloadDemo();
  const prompt = countPrompt(l.tok, protocol, body);
  const model = String(body['model'] ?? '');
  const mix =
    typeof body['seed'] === 'number' ? body['seed'] : body['temperature'] === 0 ? 0 : counter;
  const seed = fnv1a(`${mix}`, fnv1a(prompt.text, fnv1a(model)));
  const n =
    protocol === 'openai' && typeof body['n'] === 'number'
      ? Math.max(1, Math.min(16, Math.floor(body['n'])))
      : 1;
  const tail = prompt.text.slice(-2000);
  const topic = topicIds(l.corpus, tail);
  const limits = { max: maxTokensOf(protocol, body), stops: stopsOf(protocol, body) };
  const reasoner = model.includes('reasoner');
  // Asked to work step by step, the demo model numbers its steps, as models do; asked to rate
  // something on a scale, it gives the grade and a reason.
  const layout = layoutOf(tail);
  const call = planToolCall(protocol, body, seed);
  const choices = Array.from({ length: n }, (_, i) =>
    call
      ? toolChoice(l, (seed + Math.imul(i, 0x9e3779b9)) >>> 0, topic, reasoner, call)
      : makeChoice(
          l,
          (seed + Math.imul(i, 0x9e3779b9)) >>> 0,
          cfg,
          topic,
          reasoner,
          limits,
          layout,
        ),
  );
  return { promptTokens: prompt.tokens, choices, seed };
}
