/**
 * Quota windows in UTC: the day number (days since the epoch) and the month number
 * (year·12 + month0), with the epoch ms at which each window ends. The Lua script computes
 * the same from Redis TIME with Howard Hinnant's `civil_from_days`/`days_from_civil`
 * ("chrono-Compatible Low-Level Date Algorithms"), since Redis Lua has no date library.
 */

const DAY_MS = 86_400_000;

/** The UTC day window containing `now`. */
export function dayWindow(now: number): { id: number; endMs: number } {
  const id = Math.floor(now / DAY_MS);
  return { id, endMs: (id + 1) * DAY_MS };
}

/** The UTC calendar-month window containing `now`. */
export function monthWindow(now: number): { id: number; endMs: number } {
  const d = new Date(Math.floor(now / DAY_MS) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { id: y * 12 + m, endMs: Date.UTC(y, m + 1, 1) };
}
