/**
 * Proof of work for API clients, in the format of ALTCHA v1 (altcha.org, "ALTCHA
 * proof-of-work mechanism"), itself a Hashcash-style puzzle (Back, 2002): the server picks
 * a secret number n ≤ maxnumber, sends challenge = hex SHA-256(salt ‖ n) and
 * signature = hex HMAC-SHA-256(secret, challenge); the client searches n. Stateless: the
 * expiry, the account binding and the request binding ride in the salt
 * (`?expires=…&acct=…&req=…`), covered by the signature through the challenge. Verifying
 * costs one SHA-256 and one HMAC.
 *
 * Issue 14: a solution admits only the request it was issued for (`req` = a hash of the
 * account, the route and the canonical body), so one solved puzzle cannot be spent on a
 * different, more valuable request; and, behind config (`respond.challenge.algorithm:
 * scrypt`), a memory-hard variant (Percival's scrypt, RFC 7914, via node:crypto) that a
 * GPU speeds up far less than SHA-256 — see docs/challenge-protocol.md for both costs.
 *
 * Written here rather than with altcha-lib because verification must be synchronous
 * node:crypto (microseconds, no WebCrypto promise per call) and bound to an account.
 * Clients built for ALTCHA v1 can still solve these challenges.
 */
import {
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  randomInt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import type { SpentStore } from './spent.js';
import { leadingZeroBits, parseScryptSalt, scryptOf, type ScryptTarget } from './puzzle.js';
import { MemorySpentStore } from './spent.js';

/** Response header carrying the challenge. */
export const CHALLENGE_HEADER = 'moat-challenge';
/** Request header carrying the solution. */
export const SOLUTION_HEADER = 'moat-challenge-solution';

/** The challenge object (ALTCHA v1 fields; `SCRYPT` adds its parameters to the salt). */
export interface ChallengePayload {
  algorithm: 'SHA-256' | 'SCRYPT';
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
  | 'wrong_request'
  | 'replayed'
  | 'busy';

/** Outcome of verification. */
export type VerifyResult = { ok: true } | { ok: false; reason: ChallengeFailure };

/** Options of the challenger. */
export interface ChallengerOptions {
  /** HMAC key shared by replicas; random per process when empty. */
  secret: string;
  ttlMs?: number;
  minDifficulty?: number;
  maxDifficulty?: number;
  /** `sha256` (ALTCHA v1, the default) or the memory-hard `scrypt` puzzle. */
  algorithm?: 'sha256' | 'scrypt';
  scrypt?: Partial<ScryptPuzzle>;
  spent?: SpentStore;
  clock?: () => number;
}

/** Parameters of the memory-hard puzzle (see docs/challenge-protocol.md). */
export interface ScryptPuzzle {
  /** scrypt cost: N (a power of two), r, p; memory per evaluation is 128·N·r bytes. */
  N: number;
  r: number;
  p: number;
  /** Leading zero bits of the scrypt output at risk score 0 and 1 (expected evaluations 2^bits). */
  minBits: number;
  maxBits: number;
  /**
   * Leading zero bits SHA-256(salt ‖ n) must have before the scrypt output is even
   * computed: the server spends one scrypt per solution only after the client spent
   * 2^prefilterBits hashes, so bogus solutions cannot make it burn memory and CPU.
   */
  prefilterBits: number;
  /** Scrypt verifications running at once in this process; more are refused as `busy`. */
  maxInFlight: number;
}

const DEFAULT_SCRYPT: ScryptPuzzle = {
  N: 16384,
  r: 8,
  p: 1,
  minBits: 1,
  maxBits: 5,
  prefilterBits: 10,
  maxInFlight: 2,
};

/**
 * What a solution is bound to: the account, the route and the request body (canonical
 * JSON, keys sorted, so the client's retry of the same request matches whatever its key
 * order). Returns a short tag carried in the salt.
 * @example const req = requestBinding(account, '/v1/chat/completions', body);
 */
export function requestBinding(account: string, route: string, body: unknown): string {
  let canonical: string;
  try {
    canonical = JSON.stringify(body, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    );
  } catch {
    canonical = randomBytes(16).toString('hex'); // unserialisable: bound to nothing a client can repeat
  }
  const digest = createHash('sha256').update(canonical).digest('hex');
  return createHash('sha256')
    .update(`${account}\u0000${route}\u0000${digest}`)
    .digest('base64url')
    .slice(0, 16);
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
  private readonly scrypt: ScryptPuzzle | undefined;
  private scryptInFlight = 0;

  constructor(opts: ChallengerOptions) {
    this.scrypt = opts.algorithm === 'scrypt' ? { ...DEFAULT_SCRYPT, ...opts.scrypt } : undefined;
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

  /** Leading zero bits asked of the scrypt output at a risk score (scrypt puzzles only). */
  scryptBits(score: number): number {
    const c = this.scrypt ?? DEFAULT_SCRYPT;
    const s = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 1));
    return Math.round(c.minBits + s * (c.maxBits - c.minBits));
  }

  /**
   * A fresh challenge: the header value and the fields to add to the 429 error body.
   * `request` binds it to one request (requestBinding); a solution then admits only that one.
   */
  issueChallenge(opts: { account: string; score: number; request?: string }): {
    header: string;
    body: Record<string, unknown>;
  } {
    const expiresSec = Math.ceil((this.clock() + this.ttlMs) / 1000);
    const base = `${randomBytes(12).toString('hex')}?expires=${expiresSec}&acct=${accountTag(opts.account)}&req=${requestTag(opts.request)}`;
    let payload: ChallengePayload;
    if (this.scrypt) {
      const c = this.scrypt;
      const bits = this.scryptBits(opts.score);
      // Hashcash-style target (Back, 2002): no hidden number, so issuing costs the server nothing.
      const salt = `${base}&alg=scrypt&N=${c.N}&r=${c.r}&p=${c.p}&bits=${bits}&pre=${c.prefilterBits}`;
      const challenge = createHash('sha256').update(salt).digest('hex');
      const maxnumber = 2 ** (bits + c.prefilterBits + 4);
      payload = {
        algorithm: 'SCRYPT',
        challenge,
        maxnumber,
        salt,
        signature: this.sign(challenge),
      };
    } else {
      const maxnumber = this.difficulty(opts.score);
      const n = randomInt(0, maxnumber + 1);
      const challenge = createHash('sha256')
        .update(base + n)
        .digest('hex');
      payload = {
        algorithm: 'SHA-256',
        challenge,
        maxnumber,
        salt: base,
        signature: this.sign(challenge),
      };
    }
    return {
      header: b64(payload),
      body: {
        challenge: {
          ...payload,
          expires: expiresSec * 1000,
          header: CHALLENGE_HEADER,
          solution_header: SOLUTION_HEADER,
        },
      },
    };
  }

  /**
   * The cheap checks only (no replay check, no scrypt): synchronous, a few microseconds.
   * For a scrypt puzzle `ok` means "worth one scrypt evaluation" (verifySolution does it).
   */
  checkSolution(
    account: string,
    headerValue: string,
    request?: string,
  ):
    | { ok: true; solution: SolutionPayload; expiresMs: number; scrypt?: ScryptTarget }
    | { ok: false; reason: ChallengeFailure } {
    const sol = parseSolution(headerValue);
    if (!sol) return { ok: false, reason: 'malformed' };
    const scryptPuzzle = sol.algorithm === 'SCRYPT' && this.scrypt !== undefined;
    if (sol.algorithm !== 'SHA-256' && !scryptPuzzle)
      return { ok: false, reason: 'unsupported_algorithm' };
    const expected = Buffer.from(this.sign(sol.challenge), 'hex');
    const given = Buffer.from(sol.signature, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'bad_signature' };
    const params = SALT_PARAMS.exec(sol.salt);
    let target: ScryptTarget | undefined;
    if (scryptPuzzle) {
      target = parseScryptSalt(sol.salt);
      if (!target || createHash('sha256').update(sol.salt).digest('hex') !== sol.challenge)
        return { ok: false, reason: 'bad_signature' };
      const pre = createHash('sha256')
        .update(sol.salt + sol.number)
        .digest();
      if (leadingZeroBits(pre) < target.pre) return { ok: false, reason: 'wrong_solution' };
    } else if (
      createHash('sha256')
        .update(sol.salt + sol.number)
        .digest('hex') !== sol.challenge
    ) {
      return { ok: false, reason: 'wrong_solution' };
    }
    const expiresMs = Number(params?.[1]) * 1000;
    if (!(expiresMs > this.clock())) return { ok: false, reason: 'expired' };
    if (params?.[2] !== accountTag(account)) return { ok: false, reason: 'wrong_account' };
    if (params?.[3] !== requestTag(request)) return { ok: false, reason: 'wrong_request' };
    return target
      ? { ok: true, solution: sol, expiresMs, scrypt: target }
      : { ok: true, solution: sol, expiresMs };
  }

  /**
   * Full verification: the checks above, then single use (replays are refused), then for
   * a scrypt puzzle the one scrypt evaluation — after the solution is marked spent, so a
   * challenge buys at most one evaluation of server memory and time.
   */
  async verifySolution(
    account: string,
    headerValue: string,
    request?: string,
  ): Promise<VerifyResult> {
    const r = this.checkSolution(account, headerValue, request);
    if (!r.ok) return r;
    if (!r.scrypt) {
      const fresh = await this.spent.markSpent(r.solution.signature, r.expiresMs - this.clock());
      return fresh ? { ok: true } : { ok: false, reason: 'replayed' };
    }
    // Bounded server work: a flood of prefilter-passing candidates queues no scrypt evaluations.
    if (this.scryptInFlight >= this.scrypt!.maxInFlight) return { ok: false, reason: 'busy' };
    this.scryptInFlight++;
    try {
      const fresh = await this.spent.markSpent(r.solution.signature, r.expiresMs - this.clock());
      if (!fresh) return { ok: false, reason: 'replayed' };
      const out = await scryptOf(r.solution.salt, r.solution.number, r.scrypt);
      return leadingZeroBits(out) >= r.scrypt.bits
        ? { ok: true }
        : { ok: false, reason: 'wrong_solution' };
    } finally {
      this.scryptInFlight--;
    }
  }

  private sign(challenge: string): string {
    return createHmac('sha256', this.key).update(challenge).digest('hex');
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const SALT_PARAMS = /\?expires=(\d{1,12})&acct=([\w-]{16})&req=([\w-]{16})(&alg=scrypt&.*)?$/;
/** Short tag of the request binding carried in the salt ('' when unbound). */
function requestTag(request: string | undefined): string {
  return createHash('sha256')
    .update(`req\u0000${request ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
}

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
  if (
    typeof algorithm !== 'string' ||
    typeof challenge !== 'string' ||
    typeof salt !== 'string' ||
    typeof signature !== 'string'
  )
    return null;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) return null;
  if (!HEX64.test(challenge) || !HEX64.test(signature) || salt.length > 512 || !salt.includes('?'))
    return null;
  return { algorithm, challenge, number, salt, signature };
}
