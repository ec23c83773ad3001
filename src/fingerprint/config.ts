import { z } from 'zod';
import { parseCidr } from '../net/ip.js';

const cidrList = z.array(z.string()).superRefine((list, ctx) => {
  list.forEach((entry, i) => {
    if (parseCidr(entry.trim()) === null) {
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `"${entry}" is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32)`,
      });
    }
  });
});

/** The fingerprint components that can make up the combined id. */
export const FINGERPRINT_ID_PARTS = [
  'ipPrefix',
  'uaFamily',
  'sdk',
  'runtime',
  'headerOrder',
  'headerCasing',
  'bodyShape',
  'httpVersion',
  'ja4',
] as const;

/** Configuration of the fingerprint module (the `fingerprint:` section of the YAML). Every field has a default. */
export const fingerprintConfigSchema = z.object({
  /**
   * Addresses/CIDRs of TLS-terminating proxies whose X-Forwarded-For and JA4 headers are
   * believed. Empty: the socket peer is the client and both headers are ignored. The
   * gateway may pass the server's top-level `trustedProxies` here.
   */
  trustedProxies: cidrList.default([]),
  /** Header a trusted proxy puts the client's JA4 TLS fingerprint in. */
  ja4Header: z.string().min(1).toLowerCase().default('x-ja4'),
  /** Header a trusted proxy appends the client address to. */
  forwardedForHeader: z.string().min(1).toLowerCase().default('x-forwarded-for'),
  /** Prefix length that groups IPv4 clients (one /24 ≈ one NAT or small network). */
  ipv4PrefixBits: z.number().int().min(8).max(32).default(24),
  /** Prefix length that groups IPv6 clients (/48 ≈ one site). */
  ipv6PrefixBits: z.number().int().min(16).max(128).default(48),
  /** Headers a proxy adds or that vary per request; left out of header order and casing. */
  volatileHeaders: z
    .array(z.string().toLowerCase())
    .default([
      'x-forwarded-for',
      'x-forwarded-proto',
      'x-forwarded-host',
      'x-forwarded-port',
      'forwarded',
      'x-real-ip',
      'via',
      'x-request-id',
      'x-amzn-trace-id',
      'traceparent',
      'tracestate',
      'cf-connecting-ip',
      'cf-ray',
      'content-length',
    ]),
  /**
   * Incoming headers the gateway must not forward upstream, on top of the JA4 header
   * (which is always stripped): client claims about the network path.
   */
  stripHeaders: z
    .array(z.string().toLowerCase())
    .default(['x-forwarded-for', 'forwarded', 'x-real-ip']),
  /** Components hashed into the combined id. The IP prefix is left out so one client on rotating addresses keeps one id. */
  idParts: z
    .array(z.enum(FINGERPRINT_ID_PARTS))
    .default([
      'uaFamily',
      'sdk',
      'runtime',
      'headerOrder',
      'headerCasing',
      'bodyShape',
      'httpVersion',
      'ja4',
    ]),
  /** At most this many headers are examined (bounds the cost of a hostile request). */
  maxHeaders: z.number().int().positive().default(64),
});

export type FingerprintConfig = z.infer<typeof fingerprintConfigSchema>;
