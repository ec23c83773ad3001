/**
 * Turning signup reasons into a verdict. Reason weights are treated as independent
 * probabilities of abuse and combined by noisy-OR (1 − Π(1 − wᵢ); Pearl 1988, §4.3.2),
 * so several weak signals add up, no signal alone exceeds its own weight, and the score
 * stays in [0, 1].
 */
import { LEVELS, levelRank, type Level, type Reason, type Verdict } from '../../telemetry/event.js';
import type { HygieneConfig } from '../config.js';

/** noisy-OR of the reason weights, rounded to 3 decimals. */
export function combineWeights(reasons: readonly Reason[]): number {
  let keep = 1;
  for (const r of reasons) keep *= 1 - Math.min(1, Math.max(0, r.weight));
  return Math.round((1 - keep) * 1000) / 1000;
}

/** The level a score reaches under the configured thresholds, capped at `maxLevel`. */
export function levelFor(
  score: number,
  cfg: Pick<HygieneConfig, 'thresholds' | 'maxLevel'>,
): Level {
  const t = cfg.thresholds;
  let level: Level = 'allow';
  if (score >= t.monitor) level = 'monitor';
  if (score >= t.throttle) level = 'throttle';
  if (score >= t.degrade) level = 'degrade';
  if (score >= t.challenge) level = 'challenge';
  return levelRank(level) > levelRank(cfg.maxLevel) ? cfg.maxLevel : level;
}

/** A verdict from reasons; a `country_denied` reason forces `block`. */
export function verdictFrom(
  account: string,
  reasons: Reason[],
  cluster: string | null,
  updatedAt: number,
  cfg: Pick<HygieneConfig, 'thresholds' | 'maxLevel'>,
): Verdict {
  const score = combineWeights(reasons);
  const denied = reasons.some((r) => r.code === 'country_denied');
  const level = denied ? (LEVELS[LEVELS.length - 1] as Level) : levelFor(score, cfg);
  const sorted = [...reasons].sort((a, b) => b.weight - a.weight);
  return { account, score, level, reasons: sorted, cluster, updatedAt };
}
