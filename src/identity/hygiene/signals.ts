/**
 * The signup's own risk reasons: email hygiene, route and country policy, and
 * sliding-window velocity per shared key. Pure functions over the config and the
 * recent-signup indexes; the class in hygiene.ts wires them together.
 */
import type { Reason } from '../../telemetry/event.js';
import type { HygieneConfig } from '../config.js';
import type { DisposableDomains } from './disposable.js';
import type { ParsedEmail } from './email.js';
import type { RecentEntry, RecentIndex } from './recent.js';
import type { Signup } from './validate.js';

/** Reason codes this module emits. */
export const SIGNUP_REASONS = [
  'disposable_email',
  'plus_address',
  'numbered_local_part',
  'malformed_email',
  'email_pattern_velocity',
  'ip_prefix_velocity',
  'payment_velocity',
  'fingerprint_velocity',
  'signup_route',
  'country_policy',
  'country_denied',
  'signup_cluster',
] as const;

/** Human duration for reason details (1h, 30d, 10min). */
export function span(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}min`;
  return `${Math.round(ms / 1000)}s`;
}

/** Reasons from the address alone. */
export function emailReasons(
  email: ParsedEmail,
  disposable: DisposableDomains,
  cfg: HygieneConfig['email'],
): Reason[] {
  const out: Reason[] = [];
  const listed = disposable.match(email.domain);
  if (listed !== null && cfg.disposableWeight > 0) {
    out.push({
      code: 'disposable_email',
      weight: cfg.disposableWeight,
      detail: `${email.domain} is a disposable email domain (${listed} is listed)`,
    });
  }
  if (email.plusTag !== null && cfg.plusAddressWeight > 0) {
    out.push({
      code: 'plus_address',
      weight: cfg.plusAddressWeight,
      detail: `address carries a "+${email.plusTag.slice(0, 32)}" tag; ${email.baseLocal}@${email.domain} receives it`,
    });
  }
  if (email.number !== null && email.pattern !== null && cfg.numberedLocalWeight > 0) {
    out.push({
      code: 'numbered_local_part',
      weight: cfg.numberedLocalWeight,
      detail: `local part is numbered (${email.pattern})`,
    });
  }
  return out;
}

/** Route and country policy reasons. */
export function policyReasons(s: Signup, cfg: HygieneConfig): Reason[] {
  const out: Reason[] = [];
  if (s.route !== undefined) {
    const w = cfg.routes[s.route] ?? cfg.unknownRouteWeight;
    const known = s.route in cfg.routes;
    if (w > 0)
      out.push({
        code: 'signup_route',
        weight: w,
        detail: known
          ? `signed up through the ${s.route} route`
          : `signed up through an unlisted route "${s.route}"`,
      });
  }
  if (s.country !== undefined) {
    if (cfg.deniedCountries.includes(s.country)) {
      out.push({
        code: 'country_denied',
        weight: 1,
        detail: `signups from ${s.country} are refused by policy`,
      });
    } else {
      const w = cfg.countries[s.country] ?? 0;
      if (w > 0)
        out.push({
          code: 'country_policy',
          weight: w,
          detail: `country ${s.country} carries policy weight ${w}`,
        });
    }
  }
  return out;
}

/** A velocity signal: its index, its rule, and the key this signup has in it. */
export interface VelocityCheck {
  code:
    'ip_prefix_velocity' | 'payment_velocity' | 'fingerprint_velocity' | 'email_pattern_velocity';
  index: RecentIndex;
  rule: { windowMs: number; max: number; weight: number };
  key: string | undefined;
  /** What the key is, for the detail ("from 198.51.100.0/24"). */
  label: string;
  /** Which earlier entries count (email sequences: numbers close together). */
  counts?: (e: RecentEntry) => boolean;
}

/** Earlier entries under the check's key inside its window that count. */
export function windowEntries(c: VelocityCheck, ts: number): RecentEntry[] {
  if (c.key === undefined) return [];
  const within = c.index.within(c.key, ts, c.rule.windowMs);
  return c.counts === undefined ? within : within.filter(c.counts);
}

/** A reason when this signup makes more than `max` under one key inside the window. */
export function velocityReason(c: VelocityCheck, ts: number): Reason | null {
  if (c.key === undefined || c.rule.weight <= 0) return null;
  const earlier = windowEntries(c, ts).length;
  const count = earlier + 1;
  if (count <= c.rule.max) return null;
  // The index keeps only the newest entries per key: a full list means "at least".
  const atLeast = earlier >= c.index.perKey ? 'at least ' : '';
  return {
    code: c.code,
    weight: c.rule.weight,
    detail: `${atLeast}${count} signups ${c.label} within ${span(c.rule.windowMs)} (more than ${c.rule.max})`,
  };
}
