/**
 * Proof of work for API clients, in the format of ALTCHA v1 (altcha.org, "ALTCHA
 * proof-of-work mechanism"), itself a Hashcash-style puzzle (Back, 2002): the server picks
 * a secret number n ≤ maxnumber, sends challenge = hex SHA-256(salt ‖ n) and
 * signature = hex HMAC-SHA-256(secret, challenge); the client searches n. Stateless: the
 * expiry and the account binding ride in the salt (`?expires=…&acct=…`), covered by the
 * signature through the challenge. Verifying costs one SHA-256 and one HMAC.
 *
 * Written here rather than with altcha-lib because verification must be synchronous
 * node:crypto (microseconds, no WebCrypto promise per call) and bound to an account.
 * Clients built for ALTCHA v1 can still solve these challenges.
 */
import { createHash, createHmac, createSecretKey, randomBytes, randomInt, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { SpentStore } from './spent.js';
import { MemorySpentStore } from './spent.js';

/** Response header carrying the challenge. */
export const CHALLENGE_HEADER = 'moat-challenge';
/** Request header carrying the solution. */
export const SOLUTION_HEADER = 'moat-challenge-solution';

/** The challenge object (ALTCHA v1 fields). */
export interface ChallengePayload {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** The solution object (ALTCHA v1 fields). */
export interface SolutionPayload {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/** Why a solution was refused. */
export type ChallengeFailure =
  | 'malformed'
  | 'unsupported_algorithm'
  | 'bad_signature'
  | 'wrong_solution'
  | 'expired'
  | 'wrong_account'
  | 'replayed';

/** Outcome of verification. */
export type VerifyResult = { ok: true } | { ok: false; reason: ChallengeFailure };

/** Options of the challenger. */
export interface ChallengerOptions {
  /** HMAC key shared by replicas; random per process when empty. */
  secret: string;
  ttlMs?: number;
  minDifficulty?: number;
  maxDifficulty?: number;
  spent?: SpentStore;
  clock?: () => number;
}

function b64(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/** Short, non-reversible account binding carried in the salt. */
function accountTag(account: string): string {
  return createHash('sha256').update(account).digest('base64url').slice(0, 16);
}

/**
 * Issues and verifies challenges.
 * @example
 * const pow = new Challenger({ secret: cfg.respond.challenge.secret, spent: new RedisSpentStore(redis) });
 * const { header, body } = pow.issueChallenge({ account, score });
 * throw new MoatError('MOAT_CHALLENGE_REQUIRED', '', { headers: { [CHALLENGE_HEADER]: header }, extra: body });
 */
export class Challenger {
  private readonly key: KeyObject;
  private readonly ttlMs: number;
  private readonly min: number;
  private readonly max: number;
  private readonly spent: SpentStore;
  private readonly clock: () => number;

  constructor(opts: ChallengerOptions) {
    this.key = createSecretKey(opts.secret ? Buffer.from(opts.secret) : randomBytes(32));
    this.ttlMs = opts.ttlMs ?? 300_000;
    this.min = opts.minDifficulty ?? 20_000;
    this.max = Math.max(this.min, opts.maxDifficulty ?? 2_000_000);
    this.spent = opts.spent ?? new MemorySpentStore();
    this.clock = opts.clock ?? Date.now;
  }

  /** `maxnumber` for a risk score in [0, 1]: geometric between min and max difficulty. */
  difficulty(score: number): number {
    const s = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 1));
    return Math.round(this.min * (this.max / this.min) ** s);
  }

  /** A fresh challenge: the header value and the fields to add to the 429 error body. */
  issueChallenge(opts: { account: string; score: number }): { header: string; body: Record<string, unknown> } {
    const maxnumber = this.difficulty(opts.score);
    const expiresSec = Math.ceil((this.clock() + this.ttlMs) / 1000);
    const salt = `${randomBytes(12).toString('hex')}?expires=${expiresSec}&acct=${accountTag(opts.account)}`;
    const n = randomInt(0, maxnumber + 1);
    const challenge = createHash('sha256').update(salt + n).digest('hex');
    const payload: ChallengePayload = { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: this.sign(challenge) };
    return {
      header: b64(payload),
      body: { challenge: { ...payload, expires: expiresSec * 1000, header: CHALLENGE_HEADER, solution_header: SOLUTION_HEADER } },
    };
  }

  /** The cryptographic checks only (no replay check): synchronous, a few microseconds. */
  checkSolution(account: string, headerValue: string): { ok: true; solution: SolutionPayload; expiresMs: number } | { ok: false; reason: ChallengeFailure } {
    const sol = parseSolution(headerValue);
    if (!sol) return { ok: false, reason: 'malformed' };
    if (sol.algorithm !== 'SHA-256') return { ok: false, reason: 'unsupported_algorithm' };
    const expected = Buffer.from(this.sign(sol.challenge), 'hex');
    const given = Buffer.from(sol.signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    if (createHash('sha256').update(sol.salt + sol.number).digest('hex') !== sol.challenge) return { ok: false, reason: 'wrong_solution' };
    const params = SALT_PARAMS.exec(sol.salt);
    const expiresMs = Number(params?.[1]) * 1000;
    if (!(expiresMs > this.clock())) return { ok: false, reason: 'expired' };
    if (params?.[2] !== accountTag(account)) return { ok: false, reason: 'wrong_account' };
    return { ok: true, solution: sol, expiresMs };
  }

  /** Full verification: the checks above, then single use (replays are refused). */
  async verifySolution(account: string, headerValue: string): Promise<VerifyResult> {
    const r = this.checkSolution(account, headerValue);
    if (!r.ok) return r;
    const fresh = await this.spent.markSpent(r.solution.signature, r.expiresMs - this.clock());
    return fresh ? { ok: true } : { ok: false, reason: 'replayed' };
  }

  private sign(challenge: string): string {
    return createHmac('sha256', this.key).update(challenge).digest('hex');
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const SALT_PARAMS = /\?expires=(\d{1,12})&acct=([\w-]{16})$/;

/** Decodes a solution header (base64 or base64url JSON); null when anything is off. */
export function parseSolution(headerValue: string): SolutionPayload | null {
  if (headerValue.length > 4096) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(headerValue.trim(), 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const { algorithm, challenge, number, salt, signature } = o;
  if (typeof algorithm !== 'string' || typeof challenge !== 'string' || typeof salt !== 'string' || typeof signature !== 'string') return null;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) return null;
  if (!HEX64.test(challenge) || !HEX64.test(signature) || salt.length > 512 || !salt.includes('?')) return null;
  return { algorithm, challenge, number, salt, signature };
}
