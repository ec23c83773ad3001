import type { Incident } from '../review/incident.js';
import { formatCidr, parseCidr } from '../net/ip.js';
import { indicatorHash, stixId } from './ids.js';
import { tlpMarking, TLP2_IDS, type TlpLevel } from './tlp.js';

/** A confirmed campaign to share; only hashed values and IP prefixes leave. */
export interface IntelCampaign {
  /** Local incident id (seeds deterministic STIX ids; not exported). */
  key: string;
  accountCount: number;
  level: string;
  reasonCodes: string[];
  /** 0–100 (STIX confidence scale). */
  confidence: number;
  firstSeen: number;
  lastSeen: number;
  ipPrefixes: string[];
  fingerprints: string[];
  paymentFingerprints: string[];
  templates: string[];
}

/** Options of buildBundle. */
export interface ExportOptions {
  producerName: string;
  tlp: TlpLevel;
  validDays: number;
  now?: number;
}

/** Custom observable types used in patterns for Moat's hashed attributes (STIX 2.1 §11.1: custom object names start with `x-`). */
export const CUSTOM_TYPES = {
  fingerprint: 'x-moat-client-fingerprint',
  payment: 'x-moat-payment-fingerprint',
  template: 'x-moat-prompt-template',
} as const;

/** A confirmed incident as an exportable campaign. Confidence: the detector's score, at least 50 once an analyst confirmed it. */
export function campaignFromIncident(i: Incident): IntelCampaign {
  return {
    key: i.id,
    accountCount: i.accounts.length,
    level: i.level,
    reasonCodes: i.reasons.map((r) => r.code),
    confidence: Math.max(50, Math.min(100, Math.round(i.score * 100))),
    firstSeen: i.openedAt,
    lastSeen: i.updatedAt,
    ipPrefixes: i.indicators.ipPrefixes ?? [],
    fingerprints: i.indicators.fingerprints ?? [],
    paymentFingerprints: i.indicators.paymentFingerprints ?? [],
    templates: i.indicators.templates ?? [],
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Pattern {
  kind: string;
  pattern: string;
  label: string;
}

function patterns(c: IntelCampaign): Pattern[] {
  const out: Pattern[] = [];
  for (const p of c.ipPrefixes) {
    const net = parseCidr(p);
    if (!net) continue; // not a network: never export free text
    const type = net.version === 4 ? 'ipv4-addr' : 'ipv6-addr';
    const text = formatCidr(net);
    // STIX 2.1 §9.5: ISSUBSET tests that an address lies in a CIDR block.
    out.push({
      kind: 'ip',
      pattern: `[${type}:value ISSUBSET '${text}']`,
      label: `IP prefix ${text}`,
    });
  }
  const hashed = (kind: keyof typeof CUSTOM_TYPES, values: string[], label: string) => {
    for (const v of new Set(values.map(indicatorHash)))
      out.push({
        kind,
        pattern: `[${CUSTOM_TYPES[kind]}:sha256 = '${v}']`,
        label: `${label} ${v.slice(0, 12)}…`,
      });
  };
  hashed('fingerprint', c.fingerprints, 'client fingerprint');
  hashed('payment', c.paymentFingerprints, 'payment fingerprint');
  hashed('template', c.templates, 'prompt template');
  return out;
}

function campaignObjects(
  c: IntelCampaign,
  common: Record<string, unknown>,
  opts: ExportOptions,
  now: number,
): Array<Record<string, unknown>> {
  const campaignId = stixId('campaign', c.key);
  const summary = `Capability-extraction campaign: ${c.accountCount} account(s), ladder level ${c.level}; signals: ${c.reasonCodes.join(', ') || 'none recorded'}.`;
  const objects: Array<Record<string, unknown>> = [
    {
      type: 'campaign',
      id: campaignId,
      ...common,
      name: `Distillation campaign ${campaignId.slice(10, 18)}`,
      description: summary,
      first_seen: iso(c.firstSeen),
      last_seen: iso(c.lastSeen),
      objective: 'Harvest model outputs to train a competing model',
      confidence: c.confidence,
    },
  ];
  for (const p of patterns(c)) {
    const id = stixId('indicator', `${c.key}:${p.pattern}`);
    objects.push({
      type: 'indicator',
      id,
      ...common,
      name: `${p.label} used by a distillation campaign`,
      indicator_types: ['malicious-activity'],
      pattern: p.pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: iso(now),
      valid_until: iso(now + opts.validDays * 86_400_000),
      confidence: c.confidence,
      labels: [`moat-${p.kind}`],
    });
    objects.push({
      type: 'relationship',
      id: stixId('relationship', `${id}:${campaignId}`),
      ...common,
      relationship_type: 'indicates',
      source_ref: id,
      target_ref: campaignId,
    });
  }
  return objects;
}

/**
 * A STIX 2.1 bundle for confirmed campaigns: the producer identity, the TLP 2.0
 * marking, one campaign per incident (a summary without account ids), and one
 * indicator per IP prefix or hashed attribute, linked by `indicates` relationships.
 * With nothing to share, the bundle has no `objects` property (STIX 2.1 §8: the
 * list, when present, holds at least one object).
 */
export function buildBundle(
  campaigns: IntelCampaign[],
  opts: ExportOptions,
): Record<string, unknown> {
  const now = opts.now ?? Date.now();
  const bundle: Record<string, unknown> = { type: 'bundle', id: stixId('bundle') };
  if (campaigns.length === 0) return bundle;
  const identityId = stixId('identity', opts.producerName);
  const stamp = iso(now);
  const common = {
    spec_version: '2.1',
    created: stamp,
    modified: stamp,
    created_by_ref: identityId,
    object_marking_refs: [TLP2_IDS[opts.tlp]],
  };
  bundle['objects'] = [
    tlpMarking(opts.tlp),
    {
      type: 'identity',
      id: identityId,
      spec_version: '2.1',
      created: stamp,
      modified: stamp,
      name: opts.producerName,
      identity_class: 'organization',
    },
    ...campaigns.flatMap((c) => campaignObjects(c, common, opts, now)),
  ];
  return bundle;
}
