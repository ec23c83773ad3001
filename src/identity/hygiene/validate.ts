/**
 * Validation of signup metadata (what `POST /admin/v1/accounts` receives). Each problem
 * names its field and says what was wrong and what is expected; the gateway answers
 * 400 MOAT_INVALID_REQUEST with `error.message`. Unknown fields are ignored (DESIGN.md).
 */
import { parseIp } from '../../net/ip.js';
import { parseEmail } from './email.js';

/** Signup metadata after validation; `createdAt` is epoch ms. */
export interface Signup {
  id: string;
  createdAt: number;
  email?: string | undefined;
  signupIp?: string | undefined;
  paymentFingerprint?: string | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string | undefined;
  /** Signup path: self-serve, enterprise, education, research, startup-credits… (lower case). */
  route?: string | undefined;
  /** Client fingerprint id (the fingerprint module's, or the signup page's device id). */
  clientFingerprint?: string | undefined;
  /** An organisation verification is on record. */
  verified?: boolean | undefined;
}

/** One field problem. */
export interface SignupIssue {
  field: string;
  message: string;
}

/** Validation outcome in zod's safeParse shape; `error.message` is one sentence per issue. */
export type SignupValidation =
  { ok: true; value: Signup } | { ok: false; error: { message: string; issues: SignupIssue[] } };

// Plausible signup times: from 2000-01-01 to 2100-01-01.
const MIN_MS = 946_684_800_000;
const MAX_MS = 4_102_444_800_000;
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function show(v: unknown): string {
  const s = typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Epoch ms from a number or an ISO 8601 string, or the reason it is not one. */
export function parseTimestamp(
  v: unknown,
): { ok: true; value: number } | { ok: false; error: string } {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, error: `${show(v)} is not a finite number` };
    if (v >= 946_684_800 && v < 4_102_444_800) {
      return {
        ok: false,
        error: `${show(v)} looks like epoch seconds; send epoch milliseconds or an ISO 8601 string`,
      };
    }
    if (v < MIN_MS || v >= MAX_MS)
      return { ok: false, error: `${show(v)} is outside 2000–2100 as epoch milliseconds` };
    return { ok: true, value: Math.trunc(v) };
  }
  if (typeof v === 'string') {
    const ms = ISO_8601.test(v.trim()) ? Date.parse(v.trim()) : NaN;
    if (Number.isNaN(ms))
      return {
        ok: false,
        error: `${show(v)} is not an ISO 8601 timestamp (e.g. 2026-01-31T12:00:00Z)`,
      };
    if (ms < MIN_MS || ms >= MAX_MS) return { ok: false, error: `${show(v)} is outside 2000–2100` };
    return { ok: true, value: ms };
  }
  return { ok: false, error: 'must be an ISO 8601 string or epoch milliseconds' };
}

type Rec = Record<string, unknown>;

function optString(o: Rec, field: string, max: number, issues: SignupIssue[]): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    issues.push({ field, message: `must be a non-empty string, got ${show(v)}` });
    return undefined;
  }
  if (v.length > max) {
    issues.push({ field, message: `is longer than ${max} characters` });
    return undefined;
  }
  return v.trim();
}

function checkIp(o: Rec, issues: SignupIssue[]): string | undefined {
  const raw = optString(o, 'signupIp', 64, issues);
  if (raw === undefined) return undefined;
  if (parseIp(raw) === null) {
    issues.push({ field: 'signupIp', message: `${show(raw)} is not an IPv4 or IPv6 address` });
    return undefined;
  }
  return raw;
}

function checkEmail(o: Rec, issues: SignupIssue[]): string | undefined {
  if (o.email === undefined || o.email === null) return undefined;
  const r = parseEmail(o.email);
  if (!r.ok) {
    issues.push({
      field: 'email',
      message: `${r.error}; expected an address like name@example.com`,
    });
    return undefined;
  }
  return r.value.address;
}

function checkCountry(o: Rec, issues: SignupIssue[]): string | undefined {
  const raw = optString(o, 'country', 8, issues);
  if (raw === undefined) return undefined;
  if (!/^[a-z]{2}$/i.test(raw)) {
    issues.push({
      field: 'country',
      message: `${show(raw)} is not an ISO 3166-1 alpha-2 code (e.g. US, DE, JP)`,
    });
    return undefined;
  }
  return raw.toUpperCase();
}

function checkRoute(o: Rec, issues: SignupIssue[]): string | undefined {
  const raw = optString(o, 'route', 64, issues);
  if (raw === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(raw)) {
    issues.push({
      field: 'route',
      message: `${show(raw)} must be a name of letters, digits, ".", "_" or "-" (e.g. self-serve, education)`,
    });
    return undefined;
  }
  return raw.toLowerCase();
}

function checkCore(
  o: Rec,
  issues: SignupIssue[],
): { id: string | undefined; createdAt: number | undefined; verified: boolean | undefined } {
  const id = optString(o, 'id', 200, issues);
  if (id === undefined && !issues.some((i) => i.field === 'id'))
    issues.push({ field: 'id', message: 'is required' });
  let createdAt: number | undefined;
  if (o.createdAt === undefined || o.createdAt === null)
    issues.push({
      field: 'createdAt',
      message: 'is required (ISO 8601 string or epoch milliseconds)',
    });
  else {
    const t = parseTimestamp(o.createdAt);
    if (t.ok) createdAt = t.value;
    else issues.push({ field: 'createdAt', message: t.error });
  }
  let verified: boolean | undefined;
  if (o.verified !== undefined && o.verified !== null) {
    if (typeof o.verified === 'boolean') verified = o.verified;
    else
      issues.push({ field: 'verified', message: `must be true or false, got ${show(o.verified)}` });
  }
  return { id, createdAt, verified };
}

/**
 * Validates signup metadata.
 * @example validateSignup({ id: 'a1', createdAt: '2026-01-31T12:00:00Z', email: 'bob@@x.com' })
 * // { ok: false, error: { message: 'email: "bob@@x.com" has more than one "@"; expected …', issues: [...] } }
 */
export function validateSignup(input: unknown): SignupValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const issues = [{ field: '(body)', message: 'must be a JSON object of signup metadata' }];
    return {
      ok: false,
      error: { message: '(body): must be a JSON object of signup metadata', issues },
    };
  }
  const o = input as Rec;
  const issues: SignupIssue[] = [];
  const { id, createdAt, verified } = checkCore(o, issues);
  const value: Signup = {
    id: id ?? '',
    createdAt: createdAt ?? 0,
    email: checkEmail(o, issues),
    signupIp: checkIp(o, issues),
    paymentFingerprint: optString(o, 'paymentFingerprint', 256, issues),
    country: checkCountry(o, issues),
    route: checkRoute(o, issues),
    clientFingerprint: optString(o, 'clientFingerprint', 256, issues),
    verified,
  };
  if (issues.length > 0) {
    return {
      ok: false,
      error: { message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues },
    };
  }
  return { ok: true, value };
}
