import type { Store, StoredAccount } from '../store/store.js';
import {
  levelRank,
  type Level,
  type Reason,
  type TelemetryEvent,
  type Verdict,
} from '../telemetry/event.js';
import { prefixOf } from '../net/ip.js';

/** A campaign as the console lists it: the accounts whose verdicts name one cluster. */
export interface ClusterSummary {
  id: string;
  accounts: Array<{ id: string; score: number; level: Level }>;
  /** The highest level and score among its members. */
  level: Level;
  maxScore: number;
  /** Reason codes across members, most frequent first, with how many members carry each. */
  reasons: Array<{ code: string; members: number; detail: string }>;
}

/** Group stored verdicts by their cluster; largest risk first. */
export function summarizeClusters(verdicts: readonly Verdict[]): ClusterSummary[] {
  const by = new Map<string, Verdict[]>();
  for (const v of verdicts)
    if (v.cluster) (by.get(v.cluster) ?? by.set(v.cluster, []).get(v.cluster)!).push(v);
  const out: ClusterSummary[] = [];
  for (const [id, members] of by) {
    members.sort((a, b) => b.score - a.score);
    const codes = new Map<string, { members: number; detail: string }>();
    for (const m of members) {
      for (const r of m.reasons) {
        const c = codes.get(r.code);
        if (c) c.members++;
        else codes.set(r.code, { members: 1, detail: r.detail });
      }
    }
    const top = members[0]!;
    out.push({
      id,
      accounts: members.map((m) => ({ id: m.account, score: m.score, level: m.level })),
      level: members.reduce<Level>(
        (l, m) => (levelRank(m.level) > levelRank(l) ? m.level : l),
        'allow',
      ),
      maxScore: top.score,
      reasons: [...codes]
        .map(([code, c]) => ({ code, ...c }))
        .sort((a, b) => b.members - a.members),
    });
  }
  return out.sort((a, b) => b.maxScore - a.maxScore || b.accounts.length - a.accounts.length);
}

/** One account's keys that can link it to another: network, client, payment, templates. */
interface LinkKeys {
  keys: Map<string, string>;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  prompts: string[];
  models: Set<string>;
}

/** The IPv4 /24 or IPv6 /48 a request came from (what a proxy pool or one host shares); '' when not an address. */
function ipPrefix(ip: string): string {
  // The one prefix rule (net/ip.ts; issue 15): masked, mapped IPv6 read as IPv4.
  return prefixOf(ip, 24, 48);
}

/** First user text of a request (string content or the first text block). */
export function promptText(e: TelemetryEvent): string {
  for (const m of e.request.messages as Array<{ role?: string; content?: unknown }>) {
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      const t = (m.content as Array<{ type?: string; text?: unknown }>).find(
        (b) => b?.type === 'text' && typeof b.text === 'string',
      );
      if (t) return t.text as string;
    }
  }
  return '';
}

/**
 * A prompt's frame: its first words with digits and quoted or long items masked, so two
 * fillings of one template give the same frame.
 */
export function templateFrame(text: string): string {
  const words = text.replace(/\d+/g, '#').split(/\s+/).filter(Boolean).slice(0, 6);
  return words.length >= 3 ? words.join(' ').toLowerCase() : '';
}

function linkKeys(account: StoredAccount | undefined, events: TelemetryEvent[]): LinkKeys {
  const keys = new Map<string, string>();
  const put = (kind: string, value: unknown) => {
    if (typeof value === 'string' && value) keys.set(`${kind}:${value}`, kind);
  };
  put('payment', account?.paymentFingerprint);
  if (account?.signupIp) put('signup-network', ipPrefix(account.signupIp));
  const out: LinkKeys = {
    keys,
    requests: events.length,
    inputTokens: 0,
    outputTokens: 0,
    prompts: [],
    models: new Set(),
  };
  for (const e of events) {
    if (e.ip) put('network', ipPrefix(e.ip));
    put('ja4', e.ja4);
    put('client', e.fingerprint);
    put('template', templateFrame(promptText(e)));
    out.inputTokens += e.response?.inputTokens ?? 0;
    out.outputTokens += e.response?.outputTokens ?? 0;
    out.prompts.push(promptText(e));
    out.models.add(e.model);
  }
  return out;
}

/** A cluster as a graph: members, the links between them with their evidence, coverage and volume. */
export interface ClusterGraph {
  id: string;
  nodes: Array<{
    id: string;
    score: number;
    level: Level;
    tier: string | null;
    requests: number;
    tokens: number;
  }>;
  edges: Array<{ source: string; target: string; kinds: string[]; evidence: string[] }>;
  reasons: Reason[];
  volume: { requests: number; inputTokens: number; outputTokens: number };
  /** How much distinct ground the members' prompts cover together, and each alone on average. */
  coverage: {
    prompts: number;
    distinctPrompts: number;
    templates: number;
    models: string[];
    overlap: number;
  };
}

/** How many of an account's recent events the graph reads (bounds one request's work). */
const EVENTS_PER_MEMBER = 300;
/** Most members drawn; a larger cluster shows its riskiest members. */
export const MAX_GRAPH_NODES = 80;

/** Build the graph of one cluster from its members' account records and recent events. */
export async function clusterGraph(
  store: Store,
  summary: ClusterSummary,
  verdicts: ReadonlyMap<string, Verdict>,
): Promise<ClusterGraph> {
  const members = summary.accounts.slice(0, MAX_GRAPH_NODES);
  const info = new Map<string, LinkKeys>();
  const nodes: ClusterGraph['nodes'] = [];
  for (const m of members) {
    const account = await store.getAccount(m.id);
    const events: TelemetryEvent[] = [];
    for await (const e of store.events({ account: m.id, limit: EVENTS_PER_MEMBER })) events.push(e);
    const k = linkKeys(account, events);
    info.set(m.id, k);
    nodes.push({
      id: m.id,
      score: m.score,
      level: m.level,
      tier: account?.tier ?? null,
      requests: k.requests,
      tokens: k.inputTokens + k.outputTokens,
    });
  }
  // Shared keys → edges: each pair of members sharing a key is linked, with the kinds shared.
  const holders = new Map<string, string[]>();
  for (const [id, k] of info)
    for (const key of k.keys.keys()) (holders.get(key) ?? holders.set(key, []).get(key)!).push(id);
  const pairs = new Map<string, { kinds: Set<string>; evidence: string[] }>();
  for (const [key, ids] of holders) {
    if (ids.length < 2 || ids.length > 40) continue;
    const kind = key.slice(0, key.indexOf(':'));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const p = `${ids[i]}\n${ids[j]}`;
        const e = pairs.get(p) ?? pairs.set(p, { kinds: new Set(), evidence: [] }).get(p)!;
        e.kinds.add(kind);
        if (e.evidence.length < 6) e.evidence.push(`${kind}: ${key.slice(kind.length + 1)}`);
      }
    }
  }
  const edges = [...pairs].map(([p, e]) => {
    const [source, target] = p.split('\n') as [string, string];
    return { source, target, kinds: [...e.kinds].sort(), evidence: e.evidence };
  });
  const all = [...info.values()];
  const distinct = new Set(all.flatMap((k) => k.prompts));
  const perMember = all.reduce((s, k) => s + new Set(k.prompts).size, 0);
  const templates = new Set(
    all.flatMap((k) => [...k.keys].filter(([, kind]) => kind === 'template').map(([key]) => key)),
  );
  const top = verdicts.get(members[0]?.id ?? '');
  return {
    id: summary.id,
    nodes,
    edges,
    reasons: top?.reasons ?? [],
    volume: {
      requests: all.reduce((s, k) => s + k.requests, 0),
      inputTokens: all.reduce((s, k) => s + k.inputTokens, 0),
      outputTokens: all.reduce((s, k) => s + k.outputTokens, 0),
    },
    coverage: {
      prompts: all.reduce((s, k) => s + k.prompts.length, 0),
      distinctPrompts: distinct.size,
      templates: templates.size,
      models: [...new Set(all.flatMap((k) => [...k.models]))].sort(),
      // Share of members' distinct prompts that another member also sent (0: a coordinated sweep splits the work).
      overlap: perMember === 0 ? 0 : Math.max(0, 1 - distinct.size / perMember),
    },
  };
}
