/**
 * Per-request features: everything the detector reads from one event, computed once.
 */
import type { TelemetryEvent } from '../telemetry/event.js';
import { servedShape, type ServedShape } from '../telemetry/served.js';
import { normalizeRequest, stoppedAtCap } from './normalize.js';
import { intentOf, type Intent } from './phrases.js';
import { fnv1a, hash16 } from '../hash/fnv.js';
import { mix32, templateKeys, type TemplateKeys } from './text.js';
import { prefixOf } from '../net/ip.js';

/** Features of one request. */
export interface EventFeatures {
  intent: Intent;
  keys: TemplateKeys;
  singleTurn: boolean;
  usesTools: boolean;
  hasResponse: boolean;
  longOutput: boolean;
  /** A harvest-length answer: at least 1,500 tokens, within a conversation's first turns. */
  harvestLength: boolean;
  capHit: boolean;
  inTokens: number;
  outTokens: number;
  logprobs: boolean;
  /** Hash of the logit_bias map (0 = none). */
  biasHash: number;
  multiSample: boolean;
  temp0: boolean;
  highTemp: boolean;
  /**
   * The answer served was a derivation, judged on what was served and not on how it was
   * asked: an answer laid out as enumerated steps and equations. (Reasoning tokens are the
   * model's habit, not the client's ask: a reasoning model spends them on every answer.)
   */
  derivation: boolean;
  /**
   * A judgement served for a long input: a few tokens (a score, a label, "A") in answer to a
   * prompt of 150+ tokens — what a rubric grader or a preference labeller returns, in any
   * language. Classifiers look the same; only the account's economics tell them apart.
   */
  verdictAnswer: boolean;
  /**
   * A grade served: an answer that gives a score on a scale or a judge's bracketed verdict
   * (served.ts `grades`), and is not a derivation — what a rubric grader or a reward-model
   * labeller returns, in any language. An honest judge service serves the same; only the
   * account's economics tell them apart.
   */
  gradeReport: boolean;
  /**
   * A rationale served: an explanation that closes on a final-answer line (served.ts
   * `answers`), not a derivation, outside tool loops — the rationale-and-label pairs that
   * rationale distillation trains on (Hsieh et al. 2023, arXiv 2305.02301), in any language.
   */
  rationale: boolean;
  /** Reasoning tokens served beside the answer. */
  reasoningTokens: number;
  /** Hashes of the token ids logit_bias names (empty when none). */
  biasTokens: number[];
  /** Order-free hash of those token ids (0: none): the same set whatever the values. */
  biasSet: number;
  /** Hash of the end-user id the application sent (0: none). */
  endUser: number;
  /** Hash of the tool set the request defines (normalize.ts toolset), 0 when none. */
  toolset: number;
  /** Sub-stream of the account this request belongs to: its system prompt and end user. */
  substream: number;
  /**
   * Sub-stream by harness: the system prompt and what the request asks of the model (model,
   * sampling, output cap: normalize.ts `harness`), 0 without a system prompt. An application's
   * features each call the model their own way; a harvest slipped in under its system prompt
   * calls it another way, whatever end-user ids it sends.
   */
  harnessStream: number;
  /** Hash of the request's shape (normalize.ts) and client (User-Agent, header order). */
  shape: number;
  /** Hash of what the request's harness asks of the model, whatever client sent it (normalize.ts `harness`). */
  harness: number;
  /** Asks for a harvest: reasoning, grader or data-generation phrasing, or a harvest-length answer. */
  suspect: boolean;
  /** Any core evidence of this request: `suspect`, or a derivation, a grade or a rationale served. */
  harvest: boolean;
  /** A single-turn answer that was a code solution (a fenced block, no tools): a capability a harvest takes too. */
  solution: boolean;
  /** The first request of an agent episode: tools, and no assistant turn yet. */
  episodeStart: boolean;
  /** The client claims a browser its request does not come from (spoofedClient). */
  spoofed: boolean;
}

/**
 * The served shape of an event's answer: the gateway's measurement, else measured on the
 * stored text. A measurement written before grades were counted takes them from the stored
 * text when there is one (0 otherwise).
 */
export function servedOf(ev: TelemetryEvent): ServedShape | undefined {
  const r = ev.response;
  if (!r) return undefined;
  const s = r.served as ServedShape | undefined;
  const text = typeof r.text === 'string' && r.text ? r.text : undefined;
  if (
    s !== null &&
    typeof s === 'object' &&
    typeof s.steps === 'number' &&
    typeof s.math === 'number'
  ) {
    if ((typeof s.grades === 'number' && typeof s.answers === 'number') || text === undefined)
      return s;
    const measured = servedShape(text);
    return { ...s, grades: s.grades ?? measured.grades, answers: measured.answers };
  }
  return text !== undefined ? servedShape(text) : undefined;
}

/**
 * An answer that is a derivation: ≥ 3 enumerated steps with a setup or conclusion line or an
 * equation, ≥ 3 equation lines, or two of each.
 * Withholding exactly these is what cuts a distilled student's gains
 * (arXiv 2603.07835), so they are what a harvester collects.
 */
export function isDerivation(s: ServedShape | undefined): boolean {
  if (!s) return false;
  // Steps need a line of their own beside them (a setup or a conclusion) or an equation: a
  // bare numbered list is a list of items (variations, options), not a derivation.
  return (
    (s.steps >= 3 && (s.lines > s.steps || s.math >= 1)) ||
    s.math >= 3 ||
    (s.steps >= 2 && s.math >= 2)
  );
}

/** Joined header orders by array: the offline reader hands every record of a client the same frozen array (scan.ts). */
const joinedOrders = new WeakMap<readonly unknown[], string>();

/** A header order joined with commas ('' without one), once per frozen array the offline reader shares. */
export function headerOrderKey(order: unknown): string {
  if (!Array.isArray(order)) return '';
  if (!Object.isFrozen(order)) return order.join(',');
  let key = joinedOrders.get(order);
  if (key === undefined) joinedOrders.set(order, (key = order.join(',')));
  return key;
}

/** "prefix|client" network key of an event for linking, '' when it carries no usable IP. */
export function netKeyOf(ev: TelemetryEvent, v4Bits: number, v6Bits: number): string {
  // One prefix rule with the gateway, hygiene and intel (net/ip.ts; issue 15).
  const prefix = prefixOf(ev.ip, v4Bits, v6Bits);
  if (!prefix) return '';
  if (typeof ev.fingerprint === 'string' && ev.fingerprint) return prefix + '|' + ev.fingerprint;
  // The client: JA4, User-Agent and header order, '|'-joined.
  return (
    prefix +
    '|' +
    (ev.ja4 ?? '') +
    '|' +
    (ev.userAgent ?? '') +
    '|' +
    headerOrderKey(ev.headerOrder)
  );
}

/**
 * A network+client key as the detector's indexes hold it: 64 bits (hash16) in hex.
 * Fixed-length in an index of up to templateIndexSize keys, and what a detector partition
 * publishes to the others (issue 18: hashed keys, not addresses and clients).
 */
export function netDigest(key: string): string {
  return key ? hash16(key) : '';
}

const NONE: number[] = [];

const BROWSER_UA = /\b(?:Chrome|Firefox|Safari|Edg|OPR)\/\d/;

/**
 * Whether a request's User-Agent claims a browser that did not send it: a script that sets a
 * browser's User-Agent over its own HTTP stack (THREATS.md: hydra traffic made to look like
 * ordinary users). A browser's fetch() always sends the Fetch Metadata headers
 * (`Sec-Fetch-Mode`, `Sec-Fetch-Site`: W3C Fetch Metadata Request Headers; Chrome 76+, Firefox
 * 90+, Safari 16.4+) and offers HTTP/2 over TLS, so a browser User-Agent with a header order
 * that lacks both, or a JA4 whose ALPN is not h2/h3 (FoxIO JA4: characters 9–10 of its first
 * part, "00" for none), is another client. Unknown when the event carries neither.
 */
export function spoofedClient(ua: unknown, headerOrder: unknown, ja4: unknown): boolean {
  if (typeof ua !== 'string' || !ua.startsWith('Mozilla/5.0') || !BROWSER_UA.test(ua)) return false;
  if (Array.isArray(headerOrder) && headerOrder.length >= 3) {
    let fetchMetadata = false;
    for (const h of headerOrder)
      if (typeof h === 'string' && (h === 'sec-fetch-mode' || h === 'sec-fetch-site')) {
        fetchMetadata = true;
        break;
      }
    if (!fetchMetadata) return true;
  }
  if (typeof ja4 === 'string' && ja4.length >= 10 && (ja4[0] === 't' || ja4[0] === 'q')) {
    const alpn = ja4.slice(8, 10);
    return alpn !== 'h2' && alpn !== 'h3';
  }
  return false;
}

/** Compute the features of one event. */
export function featuresOf(ev: TelemetryEvent): EventFeatures {
  const req = normalizeRequest(ev);
  const intent = intentOf(req.system, req.lastUser);
  const res = ev.response;
  const inTokens = res?.inputTokens ?? 0;
  const outTokens = res?.outputTokens ?? 0;
  const capHit =
    res !== undefined &&
    (stoppedAtCap(res.finishReason) ||
      (req.maxTokens !== null && req.maxTokens > 0 && outTokens >= 0.97 * req.maxTokens));
  const biasHash = req.logitBias ? fnv1a(req.logitBias) || 1 : 0;
  const singleTurn = req.userTurns <= 1 && req.assistantTurns === 0;
  // Absolute length: a ratio to the input is the client's to set (padding, agent context).
  // A coding agent's long answers come deep in a session, not on its first turns.
  const harvestLength = outTokens >= 1500 && req.assistantTurns <= 2;
  const hasResponse = res !== undefined && ev.status < 400;
  const reasoningTokens =
    hasResponse && typeof res.reasoningTokens === 'number' && res.reasoningTokens > 0
      ? res.reasoningTokens
      : 0;
  const shape = hasResponse ? servedOf(ev) : undefined;
  const derivation = isDerivation(shape);
  const gradeReport = !derivation && (shape?.grades ?? 0) > 0 && !req.usesTools;
  const rationale = !derivation && !gradeReport && (shape?.answers ?? 0) > 0 && !req.usesTools;
  const verdictAnswer =
    hasResponse && outTokens > 0 && outTokens <= 12 && inTokens >= 150 && !req.usesTools;
  const endUser = req.endUser ? fnv1a(req.endUser) || 1 : 0;
  const system = fnv1a(req.system.length > 512 ? req.system.slice(0, 512) : req.system);
  const harness = fnv1a(req.harness);
  let biasTokens: number[] = NONE;
  let biasSet = 0;
  if (req.biasTokens.length) {
    biasTokens = new Array<number>(req.biasTokens.length);
    for (let i = 0; i < req.biasTokens.length; i++) {
      biasTokens[i] = fnv1a(req.biasTokens[i]!) | 0;
      biasSet = (biasSet + mix32(biasTokens[i]!)) | 0;
    }
  }
  const client = (ev.userAgent ?? '') + '|' + headerOrderKey(ev.headerOrder);
  return {
    intent,
    keys: templateKeys(req.lastUser),
    singleTurn,
    usesTools: req.usesTools,
    hasResponse,
    longOutput: outTokens >= 700,
    harvestLength,
    capHit,
    inTokens,
    outTokens,
    logprobs: req.logprobs,
    biasHash,
    multiSample: req.n > 1,
    temp0: req.temperature === 0,
    highTemp: req.temperature !== null && req.temperature >= 1,
    derivation,
    verdictAnswer,
    gradeReport,
    rationale,
    reasoningTokens,
    biasTokens,
    biasSet,
    endUser,
    toolset: req.toolset ? fnv1a(req.toolset) || 1 : 0,
    substream: (system ^ endUser) | 0 || 1,
    harnessStream: req.system ? (system ^ mix32(harness)) | 0 || 1 : 0,
    shape: fnv1a(req.shape + '|' + client) | 0 || 1,
    harness: harness | 0 || 1,
    suspect: intent.reasoning || intent.grader || intent.datagen || harvestLength,
    harvest:
      intent.reasoning ||
      intent.grader ||
      intent.datagen ||
      harvestLength ||
      derivation ||
      gradeReport ||
      rationale,
    solution: singleTurn && !req.usesTools && (shape?.code ?? 0) > 0,
    episodeStart: req.usesTools && req.assistantTurns === 0,
    spoofed: spoofedClient(ev.userAgent, ev.headerOrder, ev.ja4),
  };
}
