import { LEVELS, levelRank, type Level, type Reason, type Verdict } from '../telemetry/event.js';
import type { Tier } from './tiers.js';

/**
 * The verdict the ladder applies to an account of `tier` (issue 15), from the detector's
 * (or signup hygiene's) raw verdict, `undefined` when there is none yet:
 * - no verdict yet: the tier's `initialLevel`;
 * - above the tier's `maxAutomaticLevel`: held there (a `review_cap` reason says so) —
 *   only a person's pin goes higher, after review.
 * Pure and O(1): it runs on every request, so a policy reload changes it at once.
 * @example decideAction({ verdict: tierVerdict(cache.peek(a), a, table.get(tier), now), pin }, opts)
 */
export function tierVerdict(
  raw: Verdict | undefined,
  account: string,
  tier: Tier,
  now: number,
): Verdict {
  const { initialLevel, maxAutomaticLevel } = tier.ladder;
  const v: Verdict = raw ?? {
    account,
    score: 0,
    level: initialLevel,
    reasons:
      initialLevel === 'allow'
        ? []
        : [
            {
              code: 'tier_initial_level',
              weight: 0,
              detail: `accounts of tier ${tier.name} start at ${initialLevel}`,
            },
          ],
    cluster: null,
    updatedAt: now,
  };
  if (levelRank(v.level) <= levelRank(maxAutomaticLevel)) return v;
  return {
    ...v,
    level: maxAutomaticLevel,
    reasons: [
      ...v.reasons,
      {
        code: 'review_cap',
        weight: 0,
        detail: `${v.level} held at ${maxAutomaticLevel} until a person decides (tier ${tier.name}: maxAutomaticLevel)`,
      },
    ],
  };
}

/**
 * The level at which a verdict about an account of `tier` opens a review incident: the
 * tier's `reviewAt`, or the first level above `maxAutomaticLevel` when that is lower — a
 * verdict held back by the cap waits for a person, so a person must hear of it.
 */
export function reviewLevel(tier: Tier): Level {
  const above = LEVELS[levelRank(tier.ladder.maxAutomaticLevel) + 1];
  return above !== undefined && levelRank(above) < levelRank(tier.ladder.reviewAt)
    ? above
    : tier.ladder.reviewAt;
}

/**
 * A verdict after governance (issue 7), before it takes effect: reasons the account is
 * exempt from leave it (with none left it is allow); shared-indicator reasons join it (at
 * least monitor); then a contract breach's level floor applies. `floor` gives the level
 * the account's contracts require for the adjusted verdict (`PolicyStore.breachFor` then
 * `PolicyStore.withFloor`).
 * @example governedVerdict(v, { exempt: policy.exemptionsFor(a, now), shared: flags.get(a, now), floor: (x) => x.level })
 */
export function governedVerdict(
  v: Verdict,
  g: { exempt: readonly string[]; shared: Reason[] | undefined; floor: (v: Verdict) => Level },
): Verdict {
  let out = v;
  const { exempt, shared } = g;
  if (exempt.length && v.reasons.some((r) => exempt.includes(r.code))) {
    const reasons = v.reasons.filter((r) => !exempt.includes(r.code));
    out = reasons.length ? { ...v, reasons } : { ...v, reasons, score: 0, level: 'allow' };
  }
  if (shared && !out.reasons.some((r) => r.code === 'shared_indicator')) {
    out = {
      ...out,
      reasons: [...out.reasons, ...shared],
      level: levelRank(out.level) < levelRank('monitor') ? 'monitor' : out.level,
    };
  }
  const floored = g.floor(out);
  return floored === out.level ? out : { ...out, level: floored };
}
