/**
 * Block references: a short code an honest customer can quote to support. It is derived
 * from the account and the UTC day, so support can recompute it (`matchesBlockReference`)
 * and grep the gateway's logs for it.
 */
import { createHash } from 'node:crypto';

function day(now: number): string {
  return new Date(now).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `MOAT-20260615-3F9A1C07`: the UTC date, then 8 hex digits of SHA-256(account|date).
 * @example new MoatError('MOAT_ACCOUNT_BLOCKED', blockReference(account, Date.now()))
 */
export function blockReference(account: string, now: number): string {
  const d = day(now);
  const h = createHash('sha256').update(`${account}|${d}`).digest('hex').slice(0, 8).toUpperCase();
  return `MOAT-${d}-${h}`;
}

/** Whether `ref` is the block reference of `account` (on the day written in it). */
export function matchesBlockReference(ref: string, account: string): boolean {
  const m = /^MOAT-(\d{4})(\d{2})(\d{2})-[0-9A-F]{8}$/.exec(ref.trim().toUpperCase());
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) && blockReference(account, t) === ref.trim().toUpperCase();
}
