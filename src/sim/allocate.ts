/**
 * How a run's malicious accounts are split into campaigns: every fixed-share kind gets its
 * smallest campaign first (so all appear once there is room), then up to its share; the
 * hydra families (classic, low-and-slow, reworded, scattered) take the rest, about 55%, because
 * reported campaigns put most of their accounts into hydra clusters (THREATS.md, "Scale").
 */
import { CAMPAIGN_KINDS, HYDRA } from './campaigns.js';
import type { CampaignKind } from './campaign-kind.js';
import { EVASIVE_KINDS, LOWSLOW_HYDRA, REWORD_HYDRA, SCATTER_HYDRA } from './evasive-campaigns.js';
import type { Rng } from './prng.js';

/** Kinds that take a share of the malicious accounts. */
export const FIXED_KINDS: CampaignKind[] = [...CAMPAIGN_KINDS, ...EVASIVE_KINDS];

/** Hydra families, which share what the fixed kinds leave. */
export const HYDRA_KINDS: CampaignKind[] = [HYDRA, LOWSLOW_HYDRA, REWORD_HYDRA, SCATTER_HYDRA];

/** One campaign of a run: its kind and size. */
export interface Alloc {
  kind: CampaignKind;
  size: number;
}

/** Split `total` accounts of `kind` into campaigns of its size range (a short remainder joins the last). */
function split(rng: Rng, kind: CampaignKind, total: number, out: Alloc[]): void {
  const [lo, hi] = kind.size;
  while (total > 0) {
    let size = Math.min(total, rng.int(lo, hi));
    if (total - size < lo) size = total;
    out.push({ kind, size });
    total -= size;
  }
}

function hydras(rng: Rng, r: number, out: Alloc[]): void {
  if (r <= 0) return;
  if (r < 20) {
    // Too few for a hydra: one more reasoning-harvest campaign.
    out.push({ kind: CAMPAIGN_KINDS[1] as CampaignKind, size: r });
    return;
  }
  let reword = 0;
  let lowslow = 0;
  let scatter = 0;
  if (r >= 40) {
    reword = Math.max(8, Math.round(r * 0.15));
    scatter = Math.max(8, Math.round(r * 0.15));
    lowslow = Math.max(LOWSLOW_HYDRA.size[0], Math.round(r * 0.3));
  }
  // The classic hydra keeps at least 20: first from the low-and-slow share, then without a scattered one.
  let classic = r - reword - lowslow - scatter;
  if (classic < 20) lowslow -= Math.min(lowslow - LOWSLOW_HYDRA.size[0], 20 - classic);
  classic = r - reword - lowslow - scatter;
  if (classic < 20) {
    scatter = 0;
    classic = r - reword - lowslow;
  }
  split(rng, HYDRA, classic, out);
  split(rng, LOWSLOW_HYDRA, lowslow, out);
  split(rng, REWORD_HYDRA, reword, out);
  split(rng, SCATTER_HYDRA, scatter, out);
}

/** Split `m` malicious accounts into campaigns (sizes add up to `m`; none empty). */
export function allocateCampaigns(rng: Rng, m: number): Alloc[] {
  const reserve = m >= 75 ? Math.max(40, Math.round(m * 0.55)) : m >= 40 ? 20 : 0;
  const budget = m - reserve;
  const mins = FIXED_KINDS.reduce((n, k) => n + k.size[0], 0);
  // Not room for every kind: a random selection of them, different per seed.
  const kinds = budget < mins ? rng.shuffle([...FIXED_KINDS]) : FIXED_KINDS;
  const totals = new Map<CampaignKind, number>();
  let left = budget;
  for (const kind of kinds) {
    if (left < kind.size[0]) continue;
    totals.set(kind, kind.size[0]);
    left -= kind.size[0];
  }
  // Then what is left, in proportion to how far each kind is below its share of the budget.
  const share = FIXED_KINDS.reduce((n, k) => n + k.share, 0);
  const deficit = kinds.map((k) => {
    const have = totals.get(k);
    return have === undefined ? 0 : Math.max(0, Math.round((budget * k.share) / share) - have);
  });
  const wanted = deficit.reduce((a, b) => a + b, 0);
  const scale = wanted > left ? left / wanted : 1;
  kinds.forEach((k, i) => {
    const add = Math.floor((deficit[i] as number) * scale);
    if (add > 0) totals.set(k, (totals.get(k) as number) + add);
    left -= add;
  });
  const out: Alloc[] = [];
  for (const kind of kinds) split(rng, kind, totals.get(kind) ?? 0, out);
  hydras(rng, reserve + left, out);
  return out;
}
