/**
 * `moat/client`: a fetch wrapper that solves Moat's proof-of-work challenges. When a
 * response is a 429 carrying a `moat-challenge` header, it solves the puzzle (ALTCHA v1:
 * find n with hex SHA-256(salt ‖ n) = challenge, n ≤ maxnumber; or the memory-hard
 * `SCRYPT` puzzle) and retries the same request — a solution admits only the request it
 * was issued for — with `moat-challenge-solution`. Any other response passes through untouched.
 * The protocol is documented in docs/challenge-protocol.md.
 *
 * @example
 * import OpenAI from 'openai';
 * import { withMoatChallenges } from 'moat/client';
 * const client = new OpenAI({ baseURL: 'https://gateway/v1', fetch: withMoatChallenges() });
 */
import { createHash } from 'node:crypto';
import { leadingZeroBits, parseScryptSalt, scryptOf } from './puzzle.js';

/** The fetch signature this wrapper takes and returns. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of `withMoatChallenges`. */
export interface MoatClientOptions {
  /** Challenges solved for one request before giving up and returning the 429; default 3. */
  maxChallenges?: number;
  /** Refuse challenges harder than this `maxnumber` (return the 429 instead); default 50,000,000. */
  maxDifficulty?: number;
  /** Refuse scrypt puzzles needing more than this many expected scrypt evaluations; default 256. */
  maxScryptEvaluations?: number;
}

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

function decodeChallenge(header: string): Challenge | null {
  try {
    const v = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Partial<Challenge>;
    if (
      (v.algorithm !== 'SHA-256' && v.algorithm !== 'SCRYPT') ||
      typeof v.challenge !== 'string' ||
      typeof v.salt !== 'string'
    )
      return null;
    if (typeof v.signature !== 'string' || typeof v.maxnumber !== 'number') return null;
    return v as Challenge;
  } catch {
    return null;
  }
}

/**
 * Solves a `moat-challenge` header value and returns the `moat-challenge-solution` value,
 * or null when the challenge is malformed, unsolvable or harder than `maxDifficulty`.
 * Yields to the event loop every 20,000 hashes.
 */
export async function solveChallenge(
  header: string,
  maxDifficulty = 50_000_000,
  maxScryptEvaluations = 256,
): Promise<string | null> {
  const c = decodeChallenge(header);
  if (!c || c.maxnumber > Math.max(maxDifficulty, 2 ** 40)) return null;
  const found = (n: number) =>
    Buffer.from(
      JSON.stringify({
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      }),
    ).toString('base64url');
  if (c.algorithm === 'SCRYPT') {
    const t = parseScryptSalt(c.salt);
    if (!t || 2 ** t.bits > maxScryptEvaluations) return null;
    for (let n = 0; n <= c.maxnumber; n++) {
      // The cheap SHA-256 prefilter first; only its survivors cost a scrypt evaluation.
      if (
        leadingZeroBits(
          createHash('sha256')
            .update(c.salt + n)
            .digest(),
        ) < t.pre
      )
        continue;
      if (leadingZeroBits(await scryptOf(c.salt, n, t)) >= t.bits) return found(n);
    }
    return null;
  }
  if (c.maxnumber > maxDifficulty) return null;
  for (let start = 0; start <= c.maxnumber; start += 20_000) {
    const end = Math.min(c.maxnumber, start + 19_999);
    for (let n = start; n <= end; n++) {
      if (
        createHash('sha256')
          .update(c.salt + n)
          .digest('hex') === c.challenge
      )
        return found(n);
    }
    await new Promise((r) => setImmediate(r));
  }
  return null;
}

/**
 * Wraps `fetchImpl` (default: the global fetch) so challenges are solved transparently.
 * Request bodies are replayed on retry, so pass them as strings, buffers or
 * URLSearchParams (as the official OpenAI and Anthropic SDKs do), not as one-shot streams.
 */
export function withMoatChallenges(
  fetchImpl: FetchLike = globalThis.fetch,
  opts: MoatClientOptions = {},
): FetchLike {
  const maxChallenges = opts.maxChallenges ?? 3;
  return async (input, init) => {
    // A Request's body can be read once: keep a pristine copy for retries.
    const original = input instanceof Request ? input.clone() : input;
    let res = await fetchImpl(input, init);
    for (let i = 0; i < maxChallenges; i++) {
      const header = res.status === 429 ? res.headers.get('moat-challenge') : null;
      if (!header) return res;
      const solution = await solveChallenge(header, opts.maxDifficulty, opts.maxScryptEvaluations);
      if (!solution) return res;
      await res.body?.cancel().catch(() => undefined);
      const headers = new Headers(
        init?.headers ?? (original instanceof Request ? original.headers : undefined),
      );
      headers.set('moat-challenge-solution', solution);
      const next = original instanceof Request ? original.clone() : original;
      res = await fetchImpl(next, { ...init, headers });
    }
    return res;
  };
}
