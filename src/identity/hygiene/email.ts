/**
 * Email validation and normalisation for signup hygiene. The accepted syntax is the
 * RFC 5321 §4.1.2 / RFC 5322 §3.4.1 dot-atom form with the §4.5.3.1 length limits;
 * quoted local parts, comments and address literals are refused because no real
 * signup needs them and they are favourite parser-differential tricks.
 */

/** An address split into the parts hygiene reasons about. */
export interface ParsedEmail {
  /** Lower-cased address as given. */
  address: string;
  local: string;
  domain: string;
  /** Local part with any `+tag` removed (and dots removed where the provider ignores them). */
  baseLocal: string;
  /** The `+tag`, when present. */
  plusTag: string | null;
  /** `baseLocal` with every digit replaced by `#`, plus `@domain`; null when it says nothing (no letters). */
  pattern: string | null;
  /** Value of the last digit run in `baseLocal` (user017 → 17); null when none. */
  number: number | null;
}

/** A parse result in zod's safeParse shape. */
export type EmailResult = { ok: true; value: ParsedEmail } | { ok: false; error: string };

// Providers that deliver a.lice@ and alice@ to one inbox: a classic way to mint many
// "different" addresses from one account.
const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const ATEXT = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

function checkLocal(local: string): string | null {
  if (local.length === 0) return 'the part before "@" is empty';
  if (local.length > 64) return 'the part before "@" is longer than 64 characters';
  if (local.startsWith('"')) return 'quoted local parts are not accepted';
  if (local.startsWith('.') || local.endsWith('.'))
    return 'the part before "@" starts or ends with a dot';
  if (local.includes('..')) return 'the part before "@" has two dots in a row';
  for (const atom of local.split('.')) {
    if (!ATEXT.test(atom))
      return `the part before "@" contains a character not allowed in an address`;
  }
  return null;
}

function checkDomain(domain: string): string | null {
  if (domain.length === 0) return 'the domain after "@" is missing';
  if (domain.startsWith('['))
    return 'address literals ([1.2.3.4]) are not accepted; use a domain name';
  if (domain.length > 253) return 'the domain is longer than 253 characters';
  if (/[^\x00-\x7f]/.test(domain)) return 'write internationalised domains in punycode (xn--…)';
  const labels = domain.split('.');
  if (labels.length < 2) return `the domain "${domain}" has no top-level domain (e.g. example.com)`;
  for (const l of labels) {
    if (!LABEL.test(l))
      return `the domain label "${l}" is empty, too long, or has characters other than letters, digits and inner hyphens`;
  }
  if (!TLD.test(labels[labels.length - 1] as string))
    return `"${labels[labels.length - 1]}" is not a valid top-level domain`;
  return null;
}

function patternOf(
  baseLocal: string,
  domain: string,
): { pattern: string | null; number: number | null } {
  const masked = baseLocal.replace(/\d/g, '#');
  const runs = baseLocal.match(/\d+/g);
  const last = runs === null ? null : (runs[runs.length - 1] as string);
  const number = last === null ? null : Number(last.slice(-12));
  // All-digit local parts (QQ numbers, phone numbers) are how many people's addresses
  // look: a pattern needs a stem of at least two letters to mean anything.
  const letters = masked.replace(/[^a-z]/g, '').length;
  return { pattern: letters >= 2 ? `${masked}@${domain}` : null, number };
}

/**
 * Validates and normalises an email address, with an error that says what is wrong.
 * @example parseEmail('User.017+promo@Gmail.com')
 * // ok; baseLocal 'user017', plusTag 'promo', pattern 'user###@gmail.com', number 17
 */
export function parseEmail(input: unknown): EmailResult {
  if (typeof input !== 'string') return { ok: false, error: 'must be a string' };
  const address = input.trim().toLowerCase();
  if (address.length === 0) return { ok: false, error: 'is empty' };
  if (address.length > 254) return { ok: false, error: 'is longer than 254 characters' };
  const at = address.lastIndexOf('@');
  if (at < 0) return { ok: false, error: `"${clipForMessage(input)}" has no "@"` };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.includes('@') && !local.startsWith('"'))
    return { ok: false, error: `"${clipForMessage(input)}" has more than one "@"` };
  const problem = checkLocal(local) ?? checkDomain(domain);
  if (problem !== null) return { ok: false, error: `"${clipForMessage(input)}": ${problem}` };
  const plus = local.indexOf('+');
  const plusTag = plus >= 0 ? local.slice(plus + 1) : null;
  let baseLocal = plus >= 0 ? local.slice(0, plus) : local;
  if (DOTLESS_DOMAINS.has(domain)) baseLocal = baseLocal.replace(/\./g, '');
  if (baseLocal.length === 0)
    return { ok: false, error: `"${clipForMessage(input)}": nothing before the "+"` };
  return {
    ok: true,
    value: { address, local, domain, baseLocal, plusTag, ...patternOf(baseLocal, domain) },
  };
}

function clipForMessage(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
