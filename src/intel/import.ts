import { z } from 'zod';
import { formatCidr, parseCidr } from '../net/ip.js';
import { CUSTOM_TYPES } from './export.js';
import type { IndicatorKind, SharedIndicator } from './indicators.js';
import { tlpOf } from './tlp.js';

/** Limits on what an import accepts. */
export interface ImportLimits {
  maxBytes: number;
  maxObjects: number;
  /** Shortest IPv4 prefix accepted (default 8): a broader network flags far too many accounts. */
  minIpv4Prefix?: number;
  /** Shortest IPv6 prefix accepted (default 32). */
  minIpv6Prefix?: number;
}

/** What a peer's bundle yielded. */
export interface ImportSummary {
  bundleId: string;
  objects: number;
  indicators: number;
  /** Indicators whose patterns hold nothing Moat can match (file hashes, domains, AND-combined patterns…). */
  unmatchable: number;
  revoked: number;
  shared: SharedIndicator[];
}

/** `{ok, value}` or `{ok: false, error}` (STYLE.md: expected outcomes are values). */
export type ImportResult = { ok: true; value: ImportSummary } | { ok: false; error: string };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const timestamp = z.string().regex(TIMESTAMP, 'a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)');

// STIX 2.1 §2.9 (identifier) and §3.1 (type names: 3–250 chars of a-z, 0-9, hyphen).
const stixObject = z
  .object({
    type: z.string().regex(/^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/, 'a STIX type name'),
    id: z.string().max(300),
  })
  .loose()
  .refine((o) => new RegExp(`^${o.type}--${UUID}$`).test(o.id), {
    message: 'must be "<type>--<UUID>"',
    path: ['id'],
  });

const indicatorSchema = z
  .object({
    pattern: z.string().min(1).max(100_000),
    pattern_type: z.string().min(1),
    valid_from: timestamp,
    valid_until: timestamp.optional(),
    confidence: z.number().int().min(0).max(100).optional(),
    revoked: z.boolean().optional(),
    created_by_ref: z
      .string()
      .regex(new RegExp(`^identity--${UUID}$`), 'must be "identity--<UUID>"')
      .optional(),
    // STIX 2.1 §7.2.2: identifiers of marking-definition objects, nothing else.
    object_marking_refs: z
      .array(
        z
          .string()
          .regex(
            new RegExp(`^marking-definition--${UUID}$`),
            'must be "marking-definition--<UUID>"',
          ),
      )
      .max(100)
      .optional(),
  })
  .loose();

const bundleSchema = z
  .object({
    type: z.literal('bundle', { error: 'must be "bundle"' }),
    id: z.string().regex(new RegExp(`^bundle--${UUID}$`), 'must be "bundle--<UUID>"'),
    objects: z.array(z.unknown()).min(1, 'objects, when present, must not be empty').optional(),
  })
  .loose();

function issue(err: z.ZodError, prefix: string): string {
  const i = err.issues[0]!;
  return `${prefix}${i.path.length ? (prefix ? '.' : '') + i.path.join('.') : ''}: ${i.message}`;
}

const COMPARISON = /^\s*([a-z0-9-]+):([A-Za-z0-9_.'-]+)\s+(=|ISSUBSET)\s+'((?:[^'\\]|\\.)*)'\s*$/;
const KIND_OF: Record<string, IndicatorKind> = {
  [`${CUSTOM_TYPES.fingerprint}:sha256`]: 'fingerprint',
  [`${CUSTOM_TYPES.payment}:sha256`]: 'payment',
  [`${CUSTOM_TYPES.template}:sha256`]: 'template',
};

/**
 * Matchable values of a STIX pattern: a single observation of comparisons joined by
 * OR (STIX 2.1 §9), each an ipv4/ipv6 address or network, or one of Moat's hashed
 * attributes. AND, qualifiers and multi-observation patterns are not matched alone.
 */
export function patternValues(pattern: string): Array<{ kind: IndicatorKind; value: string }> {
  const m = /^\s*\[(.*)\]\s*$/s.exec(pattern);
  if (!m || m[1]!.includes('[') || /\bAND\b/.test(m[1]!)) return [];
  const out: Array<{ kind: IndicatorKind; value: string }> = [];
  for (const part of m[1]!.split(/\s+OR\s+/)) {
    const c = COMPARISON.exec(part);
    if (!c) return [];
    const [, type, path, , raw] = c as unknown as [string, string, string, string, string];
    const value = raw.replace(/\\(.)/g, '$1');
    if ((type === 'ipv4-addr' || type === 'ipv6-addr') && path === 'value') {
      const net = parseCidr(value);
      if (net) out.push({ kind: 'ip', value: formatCidr(net) });
    } else if (KIND_OF[`${type}:${path}`] && /^[0-9a-fA-F]{64}$/.test(value)) {
      out.push({ kind: KIND_OF[`${type}:${path}`]!, value: value.toLowerCase() });
    }
  }
  return out;
}

/** An IP value broader than the limits allow. */
export function tooBroad(
  v: { kind: IndicatorKind; value: string },
  limits: Pick<ImportLimits, 'minIpv4Prefix' | 'minIpv6Prefix'>,
): boolean {
  if (v.kind !== 'ip') return false;
  const net = parseCidr(v.value);
  if (!net) return false;
  return (
    net.bits < (net.version === 4 ? (limits.minIpv4Prefix ?? 8) : (limits.minIpv6Prefix ?? 32))
  );
}

function sourceNames(objects: Array<Record<string, unknown>>): Map<string, string> {
  const names = new Map<string, string>();
  for (const o of objects)
    if (o['type'] === 'identity' && typeof o['name'] === 'string')
      names.set(o['id'] as string, o['name']);
  return names;
}

function validateObjects(objects: unknown[]): string | Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < objects.length; i++) {
    const r = stixObject.safeParse(objects[i]);
    if (!r.success) return issue(r.error, `objects[${i}]`);
    if (r.data.type === 'indicator') {
      const ind = indicatorSchema.safeParse(r.data);
      if (!ind.success) return issue(ind.error, `objects[${i}] (${r.data.id})`);
    }
    out.push(r.data);
  }
  return out;
}

/**
 * Parse and check a peer's STIX 2.1 bundle: size and object-count limits first, then
 * JSON, the bundle envelope, every object's type and id, and every indicator's required
 * properties (STIX 2.1 §4.7: pattern, pattern_type, valid_from). Returns the matchable
 * indicators, or the first problem with its path.
 */
export function parseBundle(text: string, limits: ImportLimits): ImportResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes)
    return {
      ok: false,
      error: `bundle is ${bytes} bytes; the limit is ${limits.maxBytes} (intel.maxImportBytes)`,
    };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  const b = bundleSchema.safeParse(doc);
  if (!b.success) return { ok: false, error: `not a STIX 2.1 bundle: ${issue(b.error, '')}` };
  const raw = b.data.objects ?? [];
  if (raw.length > limits.maxObjects)
    return {
      ok: false,
      error: `bundle has ${raw.length} objects; the limit is ${limits.maxObjects} (intel.maxImportObjects)`,
    };
  const objects = validateObjects(raw);
  if (typeof objects === 'string') return { ok: false, error: objects };
  const names = sourceNames(objects);
  const summary: ImportSummary = {
    bundleId: b.data.id,
    objects: objects.length,
    indicators: 0,
    unmatchable: 0,
    revoked: 0,
    shared: [],
  };
  for (const [i, o] of objects.entries()) {
    if (o['type'] !== 'indicator') continue;
    summary.indicators++;
    const ind = indicatorSchema.parse(o);
    if (ind.revoked) {
      summary.revoked++;
      continue;
    }
    const values = ind.pattern_type === 'stix' ? patternValues(ind.pattern) : [];
    if (values.length === 0) summary.unmatchable++;
    const broad = values.find((v) => tooBroad(v, limits));
    if (broad) {
      return {
        ok: false,
        error: `objects[${i}] (${String(o['id'])}): IP network ${broad.value} is broader than the shortest prefix accepted (IPv4 /${limits.minIpv4Prefix ?? 8}, IPv6 /${limits.minIpv6Prefix ?? 32}; intel.minIpv4Prefix / intel.minIpv6Prefix): it would flag far too many accounts. Ask the producer for narrower networks.`,
      };
    }
    const by = ind.created_by_ref;
    const tlp = (ind.object_marking_refs ?? []).map(tlpOf).find((t) => t !== undefined) ?? null;
    for (const v of values) {
      summary.shared.push({
        stixId: o['id'] as string,
        ...v,
        confidence: ind.confidence ?? 50,
        validUntil: ind.valid_until ? Date.parse(ind.valid_until) : null,
        source: (by && names.get(by)) ?? by ?? 'unknown producer',
        tlp,
      });
    }
  }
  return { ok: true, value: summary };
}
