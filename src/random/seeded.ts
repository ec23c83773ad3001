/**
 * The one seeded random source outside the simulator (issue 15): the demo model's
 * sentence picks and the tests' traffic generators. mulberry32 (Tommy Ettinger, public
 * domain): 32-bit state, only 32-bit integer arithmetic, so the same seed gives the same
 * stream on every platform. Never used for anything secret. The simulator's forkable
 * streams are `sim/prng.ts`.
 */

/** Uniform draws in [0, 1). */
export type Rng = () => number;

/**
 * A generator of uniform draws in [0, 1) from a 32-bit seed.
 * @example const r = seeded(42); r() // 0.6011037519201636, the same on every run
 */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
