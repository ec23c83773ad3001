import { allowVerdict, levelRank, type Level, type Verdict } from '../telemetry/event.js';
import type { LevelPin } from '../store/store.js';

/**
 * The hot path's view of every account's current verdict and admin pin: O(1) reads from
 * memory. The detector (or, with several replicas, a Redis subscription) writes into it.
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly pins = new Map<string, LevelPin>();

  put(v: Verdict): void {
    this.verdicts.set(v.account, v);
  }

  /** The detector's verdict, or allow when none exists yet. */
  verdict(account: string, now = Date.now()): Verdict {
    return this.verdicts.get(account) ?? allowVerdict(account, now);
  }

  setPin(account: string, pin: LevelPin | undefined): void {
    if (pin) this.pins.set(account, pin);
    else this.pins.delete(account);
  }

  pin(account: string, now = Date.now()): LevelPin | undefined {
    const p = this.pins.get(account);
    if (p && p.until !== null && p.until <= now) {
      this.pins.delete(account);
      return undefined;
    }
    return p;
  }

  /** The level in force: an unexpired pin wins over the detector. */
  level(account: string, now = Date.now()): Level {
    return this.pin(account, now)?.level ?? this.verdicts.get(account)?.level ?? 'allow';
  }

  /** Counts per level, for the metrics gauge. */
  counts(): Record<Level, number> {
    const c: Record<string, number> = { allow: 0, monitor: 0, throttle: 0, degrade: 0, challenge: 0, block: 0 };
    for (const v of this.verdicts.values()) c[v.level] = (c[v.level] ?? 0) + 1;
    return c as Record<Level, number>;
  }

  /** Whether `level` is at least `min`. */
  static atLeast(level: Level, min: Level): boolean {
    return levelRank(level) >= levelRank(min);
  }
}
