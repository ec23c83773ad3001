/**
 * Account metadata (DESIGN.md "Account record"): signup route, email, signup address,
 * payment fingerprint, country, tier. Campaign accounts are fresh, sign up through
 * low-friction credit programmes more often, share payment methods, and sometimes use
 * disposable-looking or throwaway addresses (THREATS.md, "Shared infrastructure").
 */
import type { Rng } from './prng.js';

const DAY = 86_400_000;
const FIRST = [
  'alex',
  'maria',
  'wei',
  'fatima',
  'john',
  'priya',
  'lucas',
  'sofia',
  'kenji',
  'amara',
  'omar',
  'elena',
  'david',
  'chloe',
  'ivan',
  'nina',
  'samuel',
  'yuki',
  'carlos',
  'hana',
];
const LAST = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'mueller',
  'rossi',
  'silva',
  'kim',
  'nguyen',
  'dubois',
  'ivanova',
  'patel',
  'okafor',
  'tanaka',
  'lopez',
  'jensen',
];
const WEBMAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'hotmail.com'];
const UNIS = ['stateu.edu', 'techinst.edu', 'uni-nord.de', 'ucity.ac.uk', 'polytech.fr'];
const THROWAWAY = [
  'tmpinbox.net',
  'quickmail.top',
  'dropbox-mail.cc',
  'burnermx.xyz',
  'mailnow.icu',
  'fastsign.site',
];
const COUNTRIES: [string, number][] = [
  ['US', 30],
  ['GB', 6],
  ['DE', 6],
  ['IN', 10],
  ['BR', 5],
  ['FR', 4],
  ['JP', 4],
  ['CN', 3],
  ['KR', 3],
  ['CA', 4],
  ['SG', 2],
  ['NG', 2],
  ['ES', 3],
  ['PL', 2],
  ['AU', 2],
];

/** Kinds of email address. */
export type EmailStyle = 'personal' | 'work' | 'student' | 'throwaway' | 'alias' | 'random';

/** An email address in a style. */
export function email(rng: Rng, style: EmailStyle, domain?: string): string {
  const f = rng.pick(FIRST);
  const l = rng.pick(LAST);
  switch (style) {
    case 'work':
      return `${f}.${l}@${domain ?? 'example-corp.com'}`;
    case 'student':
      return `${f[0]}${l}${rng.int(10, 99)}@${rng.pick(UNIS)}`;
    case 'throwaway':
      return `${rng.hex(8)}@${rng.pick(THROWAWAY)}`;
    case 'alias':
      return `${f}${l}+${rng.int(1, 999)}@gmail.com`;
    case 'random':
      return `${rng.hex(4)}${f}${rng.int(100, 9999)}@${rng.pick(WEBMAIL)}`;
    case 'personal':
      return rng.chance(0.5)
        ? `${f}.${l}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(WEBMAIL)}`
        : `${f}${l[0]}${rng.int(1, 999)}@${rng.pick(WEBMAIL)}`;
  }
}

/** An account record as written to accounts.jsonl (createdAt as ISO 8601). */
export interface SimAccount {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint?: string;
  country: string;
  tier: string;
  route: string;
  /** The provider checked who the customer is (KYC, a signed order form). */
  verified?: boolean;
  /** A contract that licenses the use, e.g. "synthetic-data" (outputs may train models). */
  contract?: string;
}

/** What an account record is built from. */
export interface AccountSpec {
  id: string;
  /** Age at the simulation start, in days (may be fractional; 0 = signed up at start). */
  ageDays: number;
  email: string;
  signupIp: string;
  payment: string | undefined;
  route: string;
  tier: string;
  country?: string;
  verified?: boolean;
  contract?: string;
}

/** The account record for a spec. */
export function accountRecord(rng: Rng, start: number, s: AccountSpec): SimAccount {
  const rec: SimAccount = {
    id: s.id,
    createdAt: new Date(start - Math.round(s.ageDays * DAY)).toISOString(),
    email: s.email,
    signupIp: s.signupIp,
    country: s.country ?? rng.weighted(COUNTRIES),
    tier: s.tier,
    route: s.route,
  };
  if (s.payment !== undefined) rec.paymentFingerprint = s.payment;
  if (s.verified !== undefined) rec.verified = s.verified;
  if (s.contract !== undefined) rec.contract = s.contract;
  return rec;
}

/** A payment-method fingerprint. */
export function paymentFingerprint(rng: Rng): string {
  return `pf_${rng.hex(16)}`;
}

/** Age of an honest account: mostly months to years, some brand new. */
export function benignAge(rng: Rng): number {
  return rng.chance(0.08) ? rng.float() * 3 : Math.min(1500, rng.lognormal(200, 1));
}

/** Age of a campaign account: days old at most. */
export function campaignAge(rng: Rng): number {
  return rng.chance(0.85) ? rng.float() * 4 : rng.float() * 60;
}
