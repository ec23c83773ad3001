/**
 * Provenance on a served response (issue 6), as the gateway's text stages: the keyed
 * lexical watermark on every choice / content block, a canary woven once, and the switches
 * that decide which apply (issue 15: assembled here, wired by extensions/provenance.ts).
 */
import type { PlantedCanary } from './canary.js';
import { createCanaryWeaver } from './canary-weave.js';
import type { ProvenanceConfig } from './config.js';
import { createWatermarker, watermarkText, type Watermarker } from './watermark/embed.js';

/**
 * A pass-through stage over one response's assistant text: the shape of the gateway's
 * `TextStage` (gateway/stages.ts), which provenance cannot import. `push` gets each text
 * delta of a choice and returns what to send now; `flush` what is held back when the choice
 * ends; `whole` transforms a complete non-streaming text.
 */
export interface TextStage {
  push(choice: number, text: string): string;
  flush(choice: number): string;
  whole(text: string, choice: number): string;
}

/** Watermark every choice / content block of one response, on the stream or whole. */
export function watermarkStage(
  key: Buffer,
  accountKey: Buffer | undefined,
  accountShare: number,
  json: boolean,
): TextStage {
  const opts = { accountKey, accountShare, json };
  const byChoice = new Map<number, Watermarker>();
  const get = (c: number) => {
    let w = byChoice.get(c);
    if (!w) byChoice.set(c, (w = createWatermarker(key, opts)));
    return w;
  };
  return {
    push: (c, text) => get(c).push(text),
    flush: (c) => {
      const w = byChoice.get(c);
      byChoice.delete(c);
      return w ? w.flush() : '';
    },
    whole: (text) => watermarkText(key, text, opts),
  };
}

/** Weave a canary once, into the first choice / text block that carries text. */
export function canaryStage(planted: PlantedCanary, json: boolean): TextStage {
  const weaver = createCanaryWeaver(planted, { json });
  let target: number | undefined;
  const mine = (c: number) => (target ??= c) === c;
  return {
    push: (c, text) => (text && mine(c) ? weaver.push(text) : text),
    flush: (c) => (target === c ? weaver.flush() : ''),
    whole: (text, c) => (mine(c) ? weaver.push(text) + weaver.flush() : text),
  };
}

/**
 * Whether the client asked for JSON output: OpenAI `response_format` json_object /
 * json_schema, Anthropic `output_format` / `output_config.format` json_schema. Only then
 * is JSON kept verbatim (outside its strings); any other value, null included, changes
 * nothing (issue 14: the client does not get to switch the watermark off).
 */
export function wantsJson(protocol: string, body: Record<string, unknown>): boolean {
  const typeOf = (v: unknown) =>
    v && typeof v === 'object' ? (v as { type?: unknown }).type : undefined;
  if (protocol === 'openai') {
    const t = typeOf(body['response_format']);
    return t === 'json_object' || t === 'json_schema';
  }
  const oc = body['output_config'];
  const t =
    typeOf(body['output_format']) ??
    typeOf(oc && typeof oc === 'object' ? (oc as { format?: unknown }).format : undefined);
  return t === 'json_schema';
}

/** Which provenance one response gets. */
export interface ProvenancePlan {
  watermark: boolean;
  receipts: boolean;
  canary: boolean;
  /** Keep JSON output verbatim outside its strings. */
  json: boolean;
}

/**
 * The account's tier overrides, then the global switches. The request cannot turn marking
 * off: a JSON response_format only keeps the JSON itself verbatim (prose inside its strings
 * is marked).
 * @example provenancePlan(cfg, 'enterprise', 'openai', body) // { watermark: false, … } with `tiers.enterprise.watermark: false`
 */
export function provenancePlan(
  cfg: Pick<ProvenanceConfig, 'tiers' | 'watermark' | 'receipts' | 'canary'>,
  tier: string | undefined,
  protocol: string,
  body: Record<string, unknown>,
): ProvenancePlan {
  const t = (tier && cfg.tiers[tier]) || {};
  return {
    watermark: t.watermark ?? cfg.watermark.enabled,
    receipts: t.receipts ?? cfg.receipts.enabled,
    canary: t.canary ?? cfg.canary.enabled,
    json: wantsJson(protocol, body),
  };
}
