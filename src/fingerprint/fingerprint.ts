/**
 * Client fingerprints from a live request, on the hot path: one pass over the raw
 * headers, no allocation beyond the result, never throws. The combined id recognises
 * the same client software behind different keys; the IP prefix groups a network.
 */
import type { FingerprintConfig } from './config.js';
import { bodyShape } from './body-shape.js';
import { hash8, hash16, memoized } from './hash.js';
import { compileCidrs, formatIp, ipPrefix, parseIp, type ParsedIp } from '../net/ip.js';
import { classifyClient, type StainlessHeaders } from './user-agent.js';

/** What the gateway knows about a request when it fingerprints it. */
export interface FingerprintInput {
  /** Node's `req.rawHeaders`: alternating name/value, original casing and order. */
  rawHeaders: readonly string[];
  /** `req.httpVersion`, e.g. '1.1' or '2.0'. */
  httpVersion: string;
  /** The socket peer (`req.socket.remoteAddress`). */
  remoteAddress: string;
  /** Top-level JSON body keys in the order the client sent them. */
  bodyKeys?: readonly string[] | undefined;
  /** The parsed JSON body. */
  body?: Record<string, unknown> | undefined;
}

/** A client fingerprint and its components (DESIGN.md telemetry `ip`, `userAgent`, `ja4`, `headerOrder`, `fingerprint`). */
export interface Fingerprint {
  /** Client address: the peer, or the first untrusted X-Forwarded-For hop behind trusted proxies; '' when unparseable. */
  ip: string;
  /** `/24` (IPv4) or `/48` (IPv6) network of `ip`, as CIDR text. */
  ipPrefix: string;
  userAgent: string;
  uaFamily: string;
  /** e.g. `openai-node/4.56.0`, `anthropic-python/0.34.2`, `python-requests/2.31.0`; '' when unknown. */
  sdk: string;
  /** Lower-cased header names in arrival order (proxy-added headers left out). */
  headerOrder: string[];
  /** Hash of the per-header casing pattern (l lower, T Title-Case, U UPPER, m mixed). */
  headerCasing: string;
  /** Key order and explicitly-default parameters, see body-shape.ts. */
  bodyShape: string;
  httpVersion: string;
  /** JA4 TLS fingerprint, only when set by a trusted proxy. */
  ja4?: string;
  /** Combined short hash of the configured `idParts`. */
  id: string;
  /** Short string form of every component, for the telemetry event's `fingerprintParts`. */
  parts: Record<string, string>;
}

interface Compiled {
  trusted: (ip: ParsedIp) => boolean;
  volatile: ReadonlySet<string>;
  ja4Header: string;
  xffHeader: string;
  v4Bits: number;
  v6Bits: number;
  idParts: readonly string[];
  maxHeaders: number;
}

const compiledCache = new WeakMap<FingerprintConfig, Compiled>();
// Process-wide memos: the same inputs always give the same hash, whatever the config.
const hashOrder = memoized(hash8);
const hashCasing = memoized(hash8);
const hashShape = memoized(hash8);
const hashId = memoized(hash16);

function compile(cfg: FingerprintConfig): Compiled {
  let c = compiledCache.get(cfg);
  if (c !== undefined) return c;
  const trust = compileCidrs(cfg.trustedProxies);
  c = {
    trusted: trust.contains,
    volatile: new Set([...cfg.volatileHeaders, cfg.ja4Header, cfg.forwardedForHeader]),
    ja4Header: cfg.ja4Header,
    xffHeader: cfg.forwardedForHeader,
    v4Bits: cfg.ipv4PrefixBits,
    v6Bits: cfg.ipv6PrefixBits,
    idParts: cfg.idParts,
    maxHeaders: cfg.maxHeaders,
  };
  compiledCache.set(cfg, c);
  return c;
}

// JA4 `a` section (protocol, TLS version, SNI, cipher and extension counts, ALPN) then
// two 12-hex truncated SHA-256 sections (FoxIO JA4 spec, "JA4: TLS Client Fingerprint").
const JA4_RE = /^[tqd][0-9a-z]{2}[di]\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/;
const MAX_VALUE = 512;

function casingClass(name: string): string {
  let upper = 0;
  let lower = 0;
  let titleOk = true;
  let segStart = true;
  const n = Math.min(name.length, 64);
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const isUp = c >= 65 && c <= 90;
    const isLow = c >= 97 && c <= 122;
    if (isUp) upper++;
    if (isLow) lower++;
    if (segStart && isLow) titleOk = false;
    if (!segStart && isUp) titleOk = false;
    segStart = c === 45;
  }
  if (upper === 0) return 'l';
  if (lower === 0) return 'U';
  return titleOk ? 'T' : 'm';
}

interface HeaderScan {
  order: string[];
  casing: string;
  ua: string;
  xff: string;
  ja4: string;
  stainless: StainlessHeaders;
}

function clip(v: string): string {
  return v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v;
}

// X-Forwarded-For is read from the right (the hops trusted proxies appended), so a long
// one keeps its tail: a client padding the header must not push those hops out.
function clipLeft(v: string): string {
  return v.length > MAX_VALUE * 2 ? v.slice(v.length - MAX_VALUE * 2) : v;
}

function scanHeaders(raw: readonly string[], c: Compiled): HeaderScan {
  const s: HeaderScan = { order: [], casing: '', ua: '', xff: '', ja4: '', stainless: {} };
  const n = Math.min(raw.length, c.maxHeaders * 2);
  for (let i = 0; i + 1 < n; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    const lower = name.length > 64 ? name.slice(0, 64).toLowerCase() : name.toLowerCase();
    if (lower === c.xffHeader) s.xff = clipLeft(s.xff === '' ? value : `${s.xff},${value}`);
    // The last copy wins: a proxy that appends instead of overwriting adds its own after the client's.
    else if (lower === c.ja4Header) s.ja4 = clip(value);
    else if (lower === 'user-agent') s.ua = s.ua === '' ? clip(value).trim() : s.ua;
    else if (lower.startsWith('x-stainless-')) readStainless(s.stainless, lower, value);
    if (c.volatile.has(lower)) continue;
    s.order.push(lower);
    s.casing += casingClass(name);
  }
  return s;
}

function readStainless(st: StainlessHeaders, lower: string, value: string): void {
  const v = value.length > 64 ? value.slice(0, 64) : value;
  if (lower === 'x-stainless-lang') st.lang = v;
  else if (lower === 'x-stainless-package-version') st.packageVersion = v;
  else if (lower === 'x-stainless-runtime') st.runtime = v;
  else if (lower === 'x-stainless-runtime-version') st.runtimeVersion = v;
}

/**
 * The client address: X-Forwarded-For is walked right to left, skipping trusted
 * proxies, only when the socket peer itself is trusted; the first untrusted hop is the
 * client. A malformed entry stops the walk at the last trusted hop (it cannot be
 * attributed to anyone further out).
 */
function clientIp(
  peer: ParsedIp | null,
  xff: string,
  c: Compiled,
): { ip: ParsedIp | null; viaTrusted: boolean } {
  if (peer === null || !c.trusted(peer)) return { ip: peer, viaTrusted: false };
  let client: ParsedIp = peer;
  if (xff !== '') {
    const hops = xff.split(',');
    for (let i = hops.length - 1; i >= 0 && i >= hops.length - 32; i--) {
      const hop = parseIp(hops[i]);
      if (hop === null) break;
      client = hop;
      if (!c.trusted(hop)) break;
    }
  }
  return { ip: client, viaTrusted: true };
}

function combinedId(parts: Record<string, string>, idParts: readonly string[]): string {
  let key = '';
  for (const p of idParts) key += `${p}=${parts[p] ?? ''}\n`;
  return hashId(key);
}

function build(input: FingerprintInput, c: Compiled): Fingerprint {
  const raw = Array.isArray(input.rawHeaders) ? input.rawHeaders : [];
  const scan = scanHeaders(raw, c);
  const peer = parseIp(input.remoteAddress);
  const { ip, viaTrusted } = clientIp(peer, scan.xff, c);
  const client = classifyClient(scan.ua, scan.stainless);
  const shape = bodyShape(input.bodyKeys, input.body);
  const httpVersion = typeof input.httpVersion === 'string' ? input.httpVersion.slice(0, 8) : '';
  const ja4 = viaTrusted && JA4_RE.test(scan.ja4) ? scan.ja4 : undefined;
  const headerCasing = hashCasing(scan.casing);
  const parts: Record<string, string> = {
    ipPrefix: ip === null ? '' : ipPrefix(ip, c.v4Bits, c.v6Bits),
    uaFamily: client.family,
    sdk: client.sdk,
    runtime: client.runtime,
    headerOrder: hashOrder(scan.order.join(',')),
    headerCasing,
    bodyShape: shape === '' ? '' : hashShape(shape),
    httpVersion,
    ja4: ja4 ?? '',
  };
  // A JA4 header from an untrusted peer is a client trying to pick its own TLS identity.
  if (!viaTrusted && scan.ja4 !== '') parts.ja4Spoofed = '1';
  const fp: Fingerprint = {
    ip: ip === null ? '' : formatIp(ip),
    ipPrefix: parts.ipPrefix as string,
    userAgent: scan.ua,
    uaFamily: client.family,
    sdk: client.sdk,
    headerOrder: scan.order,
    headerCasing,
    bodyShape: shape,
    httpVersion,
    id: combinedId(parts, c.idParts),
    parts,
  };
  if (ja4 !== undefined) fp.ja4 = ja4;
  return fp;
}

/**
 * Fingerprints one request. Cheap (a few µs; see bench/fingerprint.ts) and total: odd,
 * duplicated, huge or missing headers and invalid addresses give a fingerprint with
 * empty components, never an exception.
 * @example
 * const fp = computeFingerprint(
 *   { rawHeaders: req.rawHeaders, httpVersion: req.httpVersion, remoteAddress: req.socket.remoteAddress ?? '', body },
 *   config.fingerprint);
 * event.fingerprint = fp.id; event.fingerprintParts = fp.parts;
 */
export function computeFingerprint(input: FingerprintInput, cfg: FingerprintConfig): Fingerprint {
  try {
    return build(input, compile(cfg));
  } catch {
    // Unreachable by design (the fuzz test guards it); a fingerprint must never fail a request.
    return {
      ip: '',
      ipPrefix: '',
      userAgent: '',
      uaFamily: 'error',
      sdk: '',
      headerOrder: [],
      headerCasing: '',
      bodyShape: '',
      httpVersion: '',
      id: hash16('error'),
      parts: { error: '1' },
    };
  }
}

/**
 * A fingerprint function with the config compiled once (trusted-proxy matcher, header
 * sets). Prefer this in the gateway: `computeFingerprint` caches per config object, so
 * a config rebuilt per request (e.g. merging the server's top-level `trustedProxies`)
 * would recompile every time.
 * @example
 * const fingerprint = createFingerprinter({ ...config.fingerprint,
 *   trustedProxies: [...config.trustedProxies, ...config.fingerprint.trustedProxies] });
 * const fp = fingerprint({ rawHeaders: req.rawHeaders, httpVersion: req.httpVersion, remoteAddress: req.socket.remoteAddress ?? '' });
 */
export function createFingerprinter(
  cfg: FingerprintConfig,
): (input: FingerprintInput) => Fingerprint {
  const frozen = { ...cfg };
  compile(frozen);
  return (input) => computeFingerprint(input, frozen);
}

/**
 * Lower-cased names of incoming headers the gateway must remove before forwarding a
 * request upstream: the JA4 header (whoever sent it — upstream must never see a
 * client-chosen TLS identity) and the configured `stripHeaders`.
 */
export function headersToStrip(cfg: FingerprintConfig): ReadonlySet<string> {
  return new Set([cfg.ja4Header, ...cfg.stripHeaders]);
}

/** The telemetry-event fields a fingerprint fills (DESIGN.md "Telemetry event"). */
export function fingerprintEventFields(fp: Fingerprint): {
  ip: string;
  userAgent: string;
  headerOrder: string[];
  fingerprint: string;
  fingerprintParts: Record<string, string>;
  ja4?: string;
} {
  const f = {
    ip: fp.ip,
    userAgent: fp.userAgent,
    headerOrder: fp.headerOrder,
    fingerprint: fp.id,
    fingerprintParts: fp.parts,
  };
  return fp.ja4 === undefined ? f : { ...f, ja4: fp.ja4 };
}
