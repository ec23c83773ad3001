/**
 * The memory-hard puzzle's arithmetic, shared by the server (challenge.ts) and the client
 * helper (client.ts): leading-zero-bit targets over SHA-256 and scrypt (RFC 7914).
 */
import { scrypt } from 'node:crypto';

/** Leading zero bits of a buffer. */
export function leadingZeroBits(b: Uint8Array): number {
  let n = 0;
  for (const byte of b) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** The scrypt evaluation of a candidate (also used by the client solver). */
export function scryptOf(
  salt: string,
  n: number,
  c: Pick<ScryptTarget, 'N' | 'r' | 'p'>,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      salt + n,
      'moat-pow/1',
      32,
      { N: c.N, r: c.r, p: c.p, maxmem: 256 * c.N * c.r * c.p + (1 << 20) },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export const SCRYPT_PARAMS =
  /&alg=scrypt&N=(\d{1,7})&r=(\d{1,3})&p=(\d{1,2})&bits=(\d{1,2})&pre=(\d{1,2})$/;

/** The scrypt target a (signed) salt states. */
export interface ScryptTarget {
  N: number;
  r: number;
  p: number;
  bits: number;
  pre: number;
}

/** The scrypt parameters of a salt, or undefined when it is not a scrypt puzzle. */
export function parseScryptSalt(salt: string): ScryptTarget | undefined {
  const m = SCRYPT_PARAMS.exec(salt);
  if (!m) return undefined;
  const [N, r, p, bits, pre] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { N, r, p, bits, pre };
}
