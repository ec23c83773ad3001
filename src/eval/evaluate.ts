/**
 * The evaluation: verdicts (final, or a timeline of level changes) against the simulator's
 * labels. Account-level precision/recall/FPR per level and per persona/campaign, ROC-AUC,
 * and — when the events are given — requests until detection, attacker yield and benign
 * friction (replay.ts). Targets are those of issue 3.
 */
import { readFileSync } from 'node:fs';
import { LEVELS, levelRank, type Level } from '../telemetry/event.js';
import {
  allLevels,
  quantile,
  recallAtFpr,
  rocAuc,
  rocCurve,
  thin,
  type LevelStats,
  type RocPoint,
  type Scored,
} from './metrics.js';
import {
  fileLines,
  normalizeTimeline,
  replay,
  type AccountReplay,
  type TimelineEntry,
} from './replay.js';

/** labels.json as the simulator writes it (extra fields ignored). */
export interface LabelsDoc {
  seed?: number;
  accounts: Record<string, { malicious: boolean; persona: string; campaign: string | null }>;
  campaigns?: { id: string; kind: string; accounts: number }[];
}

/** A verdict as read from verdicts.json or a timeline. */
export interface VerdictLike {
  account: string;
  score: number;
  level: Level;
  updatedAt?: number;
}

/** Per persona or campaign. */
export interface GroupStats {
  name: string;
  kind?: string;
  malicious: boolean;
  accounts: number;
  /** Accounts at or above each level (monitor … block). */
  flagged: Record<string, number>;
  /** flagged at the headline level / accounts: recall for campaigns, FPR for honest personas. */
  rate: number;
  medianRequestsToDetect?: number | null;
  /** Share of this group's requests served at throttle or worse. */
  throttledShare?: number | null;
}

/** Requests-until-detection summary. */
export interface RtdStats {
  /** timeline: exact; final: the final verdict assumed in force from its updatedAt (an upper bound when levels only rise). */
  mode: 'timeline' | 'final';
  level: Level;
  detected: number;
  undetected: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  histogram: { bin: string; count: number }[];
}

/** The evaluation result (eval.json). */
export interface EvalResult {
  level: Level;
  accounts: { total: number; malicious: number; benign: number; unlabelledVerdicts: number };
  byLevel: LevelStats[];
  auc: number | null;
  recallAtFpr: { maxFpr: number; recall: number; fpr: number; threshold: number | null };
  roc: RocPoint[];
  personas: GroupStats[];
  campaigns: GroupStats[];
  requestsToDetect: RtdStats | null;
  yield: { attackRequests: number; fullFidelity: number; share: number | null } | null;
  friction: { benignRequests: number; throttledOrWorse: number; share: number | null } | null;
  targets: { name: string; target: string; value: number | null; met: boolean | null }[];
  notes: string[];
}

/** What to evaluate. */
export interface EvalOptions {
  verdicts: VerdictLike[];
  labels: LabelsDoc;
  /** events.jsonl path, for requests-to-detect, yield and friction. */
  events?: string;
  /** Timeline of verdicts (JSONL path), for exact requests-to-detect. */
  timeline?: VerdictLike[];
  /** The headline level: an account is "detected" at this level or above (default throttle). */
  level?: Level;
  maxFpr?: number;
}

/** Read verdicts.json ({accounts: [...]}) or a bare array. */
export function readVerdicts(path: string): VerdictLike[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as
    { accounts?: VerdictLike[] } | VerdictLike[];
  const list = Array.isArray(doc) ? doc : doc.accounts;
  if (!Array.isArray(list)) throw new Error(`${path}: expected {"accounts": [verdict…]}`);
  return list;
}

/** Read a JSONL verdict timeline (one verdict per line, any order). */
export async function readTimeline(path: string): Promise<VerdictLike[]> {
  const out: VerdictLike[] = [];
  for await (const line of fileLines(path))
    if (line.trim()) out.push(JSON.parse(line) as VerdictLike);
  return out;
}

const BINS: [number, string][] = [
  [1, '≤1'],
  [5, '2-5'],
  [10, '6-10'],
  [25, '11-25'],
  [50, '26-50'],
  [100, '51-100'],
  [250, '101-250'],
  [500, '251-500'],
  [1000, '501-1k'],
  [Infinity, '>1k'],
];

function scoredAccounts(opts: EvalOptions): { items: Scored[]; unlabelled: number } {
  const byAccount = new Map(opts.verdicts.map((v) => [v.account, v]));
  const items: Scored[] = Object.entries(opts.labels.accounts).map(([account, l]) => {
    const v = byAccount.get(account);
    return {
      account,
      malicious: l.malicious,
      persona: l.persona,
      campaign: l.campaign,
      score: v?.score ?? 0,
      level: v?.level ?? 'allow',
    };
  });
  const unlabelled = opts.verdicts.filter((v) => !(v.account in opts.labels.accounts)).length;
  return { items, unlabelled };
}

function groupStats(
  name: string,
  members: Scored[],
  level: Level,
  replays: Map<string, AccountReplay> | null,
  kind?: string,
): GroupStats {
  const flagged: Record<string, number> = {};
  for (const l of LEVELS.slice(1))
    flagged[l] = members.filter((m) => levelRank(m.level) >= levelRank(l)).length;
  const g: GroupStats = {
    name,
    malicious: members[0]?.malicious ?? false,
    accounts: members.length,
    flagged,
    rate: (flagged[level] ?? 0) / Math.max(1, members.length),
  };
  if (kind) g.kind = kind;
  if (replays) {
    const rtd = members
      .map((m) => replays.get(m.account)?.reachedAfter[levelRank(level)])
      .filter((x): x is number => typeof x === 'number');
    g.medianRequestsToDetect = quantile(rtd, 0.5);
    let all = 0;
    let thr = 0;
    for (const m of members) {
      const r = replays.get(m.account);
      if (!r) continue;
      all += r.requests;
      thr += r.servedAt.slice(levelRank('throttle')).reduce((a, b) => a + b, 0);
    }
    g.throttledShare = all ? thr / all : null;
  }
  return g;
}

function groupBy(items: Scored[], key: (s: Scored) => string | null): Map<string, Scored[]> {
  const m = new Map<string, Scored[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return new Map([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function rtdStats(
  items: Scored[],
  replays: Map<string, AccountReplay>,
  level: Level,
  mode: RtdStats['mode'],
): RtdStats {
  const rank = levelRank(level);
  const values: number[] = [];
  let undetected = 0;
  for (const it of items) {
    if (!it.malicious) continue;
    const v = replays.get(it.account)?.reachedAfter[rank];
    if (typeof v === 'number') values.push(v);
    else undetected++;
  }
  const histogram = BINS.map(([hi, bin], i) => {
    const lo = i === 0 ? -Infinity : (BINS[i - 1] as [number, string])[0];
    return { bin, count: values.filter((v) => v > lo && v <= hi).length };
  });
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  return {
    mode,
    level,
    detected: values.length,
    undetected,
    median: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    mean,
    histogram,
  };
}

function servedShares(
  items: Scored[],
  replays: Map<string, AccountReplay>,
): Pick<EvalResult, 'yield' | 'friction'> {
  const thr = levelRank('throttle');
  let attack = 0;
  let full = 0;
  let benign = 0;
  let hurt = 0;
  for (const it of items) {
    const r = replays.get(it.account);
    if (!r) continue;
    const below = r.servedAt.slice(0, thr).reduce((a, b) => a + b, 0);
    if (it.malicious) {
      attack += r.requests;
      full += below;
    } else {
      benign += r.requests;
      hurt += r.requests - below;
    }
  }
  return {
    yield: { attackRequests: attack, fullFidelity: full, share: attack ? full / attack : null },
    friction: {
      benignRequests: benign,
      throttledOrWorse: hurt,
      share: benign ? hurt / benign : null,
    },
  };
}

function targets(r: EvalResult): EvalResult['targets'] {
  const at = r.byLevel.find((s) => s.level === r.level);
  const t = (
    name: string,
    target: string,
    value: number | null | undefined,
    ok: (v: number) => boolean,
  ) => ({
    name,
    target,
    value: value ?? null,
    met: value === null || value === undefined ? null : ok(value),
  });
  return [
    t(`recall at ${r.level}+`, '≥ 0.99', at?.recall, (v) => v >= 0.99),
    t(`benign FPR at ${r.level}+`, '≤ 0.001', at?.fpr, (v) => v <= 0.001),
    t('median requests to detect', '≤ 100', r.requestsToDetect?.median, (v) => v <= 100),
    t('benign friction (requests at throttle+)', '≤ 0.001', r.friction?.share, (v) => v <= 0.001),
  ];
}

/** One simulated run to evaluate (several runs are pooled, account ids kept apart). */
export interface EvalRun {
  verdicts: VerdictLike[];
  labels: LabelsDoc;
  events?: string;
  timeline?: VerdictLike[];
}

async function prepare(
  run: EvalRun,
  notes: string[],
): Promise<{ items: Scored[]; unlabelled: number; replays: Map<string, AccountReplay> | null }> {
  const { items, unlabelled } = scoredAccounts(run);
  if (!run.events) {
    notes.push(
      'No events given: requests-to-detect, attacker yield and benign friction are not computed.',
    );
    return { items, unlabelled, replays: null };
  }
  if (!run.timeline)
    notes.push(
      'No verdict timeline given: each final verdict is assumed in force from its updatedAt; requests-to-detect, yield and friction are approximations.',
    );
  const source = run.timeline ?? run.verdicts.filter((v) => v.level !== 'allow');
  const entries: TimelineEntry[] = source
    .filter((v) => typeof v.updatedAt === 'number')
    .map((v) => ({ account: v.account, level: v.level, updatedAt: v.updatedAt as number }));
  const res = await replay(fileLines(run.events), normalizeTimeline(entries));
  if (res.badLines) notes.push(`${res.badLines} event lines without ts/account were skipped.`);
  return { items, unlabelled, replays: res.accounts };
}

/** Run the evaluation over one or more runs (pooled: with several runs, ids are prefixed with the run's seed, "101:acct_…"). */
export async function evaluateRuns(
  runs: EvalRun[],
  level: Level = 'throttle',
  maxFpr = 0.001,
): Promise<EvalResult> {
  const notes: string[] = [];
  const items: Scored[] = [];
  let unlabelled = 0;
  let replays: Map<string, AccountReplay> | null = new Map();
  const campaignKinds = new Map<string, string>();
  for (const [k, run] of runs.entries()) {
    const p = await prepare(run, notes);
    const tag = String(run.labels.seed ?? k);
    const id = (a: string): string => (runs.length === 1 ? a : `${tag}:${a}`);
    for (const it of p.items)
      items.push({
        ...it,
        account: id(it.account),
        campaign: it.campaign === null ? null : id(it.campaign),
      });
    for (const c of run.labels.campaigns ?? []) campaignKinds.set(id(c.id), c.kind);
    unlabelled += p.unlabelled;
    if (p.replays && replays) for (const [a, r] of p.replays) replays.set(id(a), r);
    else replays = null;
  }
  const mode: RtdStats['mode'] = runs.every((r) => r.timeline) ? 'timeline' : 'final';
  const curve = rocCurve(items);
  const best = recallAtFpr(curve, maxFpr);
  const result: EvalResult = {
    level,
    accounts: {
      total: items.length,
      malicious: items.filter((i) => i.malicious).length,
      benign: items.filter((i) => !i.malicious).length,
      unlabelledVerdicts: unlabelled,
    },
    byLevel: allLevels(items),
    auc: rocAuc(items),
    recallAtFpr: {
      maxFpr,
      recall: best.tpr,
      fpr: best.fpr,
      threshold: Number.isFinite(best.threshold) ? best.threshold : null,
    },
    roc: thin(curve, 300).map((p) => ({
      ...p,
      threshold: Number.isFinite(p.threshold) ? p.threshold : 1e9,
    })),
    personas: [...groupBy(items, (s) => s.persona)].map(([name, ms]) =>
      groupStats(name, ms, level, replays),
    ),
    campaigns: [...groupBy(items, (s) => s.campaign)].map(([name, ms]) =>
      groupStats(name, ms, level, replays, campaignKinds.get(name)),
    ),
    requestsToDetect: replays ? rtdStats(items, replays, level, mode) : null,
    yield: null,
    friction: null,
    targets: [],
    notes: [...new Set(notes)],
  };
  if (replays) Object.assign(result, servedShares(items, replays));
  result.targets = targets(result);
  return result;
}

/** Run the evaluation of one run. */
export async function evaluate(opts: EvalOptions): Promise<EvalResult> {
  const run: EvalRun = { verdicts: opts.verdicts, labels: opts.labels };
  if (opts.events) run.events = opts.events;
  if (opts.timeline) run.timeline = opts.timeline;
  return evaluateRuns([run], opts.level, opts.maxFpr);
}
