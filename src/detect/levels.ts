/**
 * Score → ladder level with hysteresis: a level is entered at its cut-off and left only
 * when the score falls `hysteresis` below it, so a score hovering at a boundary does not
 * flap between levels.
 */
import { LEVELS, levelRank, type Level } from '../telemetry/event.js';
import type { DetectConfig } from './config.js';

function cutoff(level: Level, cfg: DetectConfig['levels']): number {
  return level === 'allow' ? 0 : cfg[level];
}

/** The level for `score` given the level held before. */
export function levelFor(score: number, previous: Level, cfg: DetectConfig['levels']): Level {
  let up: Level = 'allow';
  for (const l of LEVELS) if (score >= cutoff(l, cfg)) up = l;
  if (levelRank(up) >= levelRank(previous)) return up;
  // Going down: hold each level until the score is clearly below its cut-off.
  let held: Level = 'allow';
  for (const l of LEVELS)
    if (levelRank(l) <= levelRank(previous) && score >= cutoff(l, cfg) - cfg.hysteresis) held = l;
  return levelRank(held) > levelRank(up) ? held : up;
}
