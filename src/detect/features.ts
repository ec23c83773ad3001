/**
 * Per-request features: everything the detector reads from one event, computed once.
 */
import type { TelemetryEvent } from '../telemetry/event.js';
import { normalizeRequest, stoppedAtCap } from './normalize.js';
import { intentOf, type Intent } from './phrases.js';
import { fnv1a, templateKeys, type TemplateKeys } from './text.js';

/** Features of one request. */
export interface EventFeatures {
  intent: Intent;
  keys: TemplateKeys;
  singleTurn: boolean;
  usesTools: boolean;
  hasResponse: boolean;
  longOutput: boolean;
  /** A harvest-length answer: at least 1,500 tokens and 8× the prompt. */
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
  /** Any core intent: reasoning, grader or data-generation phrasing, or a harvest-length answer. */
  suspect: boolean;
}

/**
 * An IPv4 address written the usual way (four dot-separated runs of 1–3 decimal digits,
 * each at most 255) as a 32-bit number; -1 for any other text, which ipPrefix then reads
 * the general way.
 * @example quickV4('203.0.113.7') // 3405803783
 */
export function quickV4(ip: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48);
      digits++;
    } else if (c === 46 && digits > 0 && part <= 255 && dots < 3) {
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  return dots === 3 && digits > 0 && part <= 255 ? n * 256 + part : -1;
}

/** The /24 (IPv4) or /48 (IPv6) network of an address, '' when unparseable. */
export function ipPrefix(ip: string | undefined, v4Bits: number, v6Bits: number): string {
  if (!ip) return '';
  let n = quickV4(ip);
  if (n < 0 && ip.includes('.') && !ip.includes(':')) {
    // Anything Number() accepts per part ("010", " 1", "0x1f", ""), as before the quick path.
    const parts = ip.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return '';
    n = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  }
  if (n >= 0) {
    const masked = v4Bits >= 32 ? n : (n & ~((1 << (32 - v4Bits)) - 1)) >>> 0;
    return `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${v4Bits}`;
  }
  const groups = expandV6(ip);
  if (!groups) return '';
  const keep = Math.ceil(v6Bits / 16);
  return groups.slice(0, keep).join(':') + `::/${v6Bits}`;
}

function expandV6(ip: string): string[] | null {
  const [head, tail, extra] = ip.split('::');
  if (extra !== undefined) return null;
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  if (fill < 0) return null;
  const all = [...h, ...new Array<string>(fill).fill('0'), ...t];
  if (all.length !== 8 || all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** "prefix|client" network key of an event for linking, '' when it carries no usable IP. */
export function netKeyOf(ev: TelemetryEvent, v4Bits: number, v6Bits: number): string {
  const prefix = ipPrefix(ev.ip, v4Bits, v6Bits);
  if (!prefix) return '';
  if (typeof ev.fingerprint === 'string' && ev.fingerprint) return prefix + '|' + ev.fingerprint;
  // The client: JA4, User-Agent and header order, '|'-joined.
  return prefix + '|' + (ev.ja4 ?? '') + '|' + (ev.userAgent ?? '') + '|' + (Array.isArray(ev.headerOrder) ? ev.headerOrder.join(',') : '');
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
    (stoppedAtCap(res.finishReason) || (req.maxTokens !== null && req.maxTokens > 0 && outTokens >= 0.97 * req.maxTokens));
  const biasHash = req.logitBias ? fnv1a(req.logitBias) || 1 : 0;
  const harvestLength = outTokens >= 1500 && outTokens >= 8 * Math.max(1, inTokens);
  return {
    intent,
    keys: templateKeys(req.lastUser),
    singleTurn: req.userTurns <= 1 && req.assistantTurns === 0,
    usesTools: req.usesTools,
    hasResponse: res !== undefined && ev.status < 400,
    longOutput: outTokens >= 300 && outTokens >= 3 * Math.max(1, inTokens),
    harvestLength,
    capHit,
    inTokens,
    outTokens,
    logprobs: req.logprobs,
    biasHash,
    multiSample: req.n > 1,
    temp0: req.temperature === 0,
    highTemp: req.temperature !== null && req.temperature >= 1,
    suspect: intent.reasoning || intent.grader || intent.datagen || harvestLength,
  };
}
