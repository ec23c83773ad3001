/**
 * The one IP module (issue 15): address parsing, network prefixes and CIDR matching for
 * the gateway (client addresses, trusted proxies), fingerprints, signup hygiene, the
 * detector's network keys and shared intel. Pure, written for the hot path: no
 * exceptions, no regular expressions, IPv4-mapped IPv6 (`::ffff:a.b.c.d`, RFC 4291
 * §2.5.5.2) folded to IPv4 so one client is one address whichever socket family saw it.
 */

/** A parsed address: 4 bytes for IPv4, 16 for IPv6. */
export interface ParsedIp {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
}

/** A parsed CIDR block (`10.0.0.0/8`, `2001:db8::/32`, or a single address). */
export interface Cidr {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
  readonly bits: number;
}

function parseIpv4(s: string, out: Uint8Array, at: number): boolean {
  let part = 0;
  let digits = 0;
  let idx = at;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || idx >= at + 4) return false;
      out[idx++] = part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      // Leading zeros are ambiguous (octal in some parsers); reject like node:net does.
      if (digits > 0 && part === 0) return false;
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return false;
    } else {
      return false;
    }
  }
  return idx === at + 4;
}

function parseHextet(s: string): number {
  if (s.length === 0 || s.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

function fillGroups(groups: string[], out: Uint8Array, from: number, allowV4Tail: boolean): number {
  let pos = from;
  for (let g = 0; g < groups.length; g++) {
    const grp = groups[g] as string;
    if (allowV4Tail && g === groups.length - 1 && grp.includes('.')) {
      if (pos + 4 > 16 || !parseIpv4(grp, out, pos)) return -1;
      pos += 4;
      continue;
    }
    const v = parseHextet(grp);
    if (v < 0 || pos + 2 > 16) return -1;
    out[pos++] = v >> 8;
    out[pos++] = v & 0xff;
  }
  return pos;
}

function parseIpv6(raw: string): Uint8Array | null {
  const pct = raw.indexOf('%');
  const s = pct >= 0 ? raw.slice(0, pct) : raw;
  if (s.length < 2 || s.length > 45) return null;
  const out = new Uint8Array(16);
  const dbl = s.indexOf('::');
  if (dbl < 0) {
    return fillGroups(s.split(':'), out, 0, true) === 16 ? out : null;
  }
  if (s.indexOf('::', dbl + 1) >= 0) return null;
  const head = s.slice(0, dbl);
  const tail = s.slice(dbl + 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const tmp = new Uint8Array(16);
  const headEnd = fillGroups(headGroups, out, 0, false);
  if (headEnd < 0) return null;
  const tailLen = fillGroups(tailGroups, tmp, 0, true);
  // "::" stands for at least one zero group.
  if (tailLen < 0 || headEnd + tailLen > 14) return null;
  out.set(tmp.subarray(0, tailLen), 16 - tailLen);
  return out;
}

function isV4Mapped(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

/**
 * Parses an IPv4 or IPv6 address (zone id dropped, IPv4-mapped folded to IPv4).
 * Returns null for anything else; never throws.
 * @example parseIp('::ffff:203.0.113.7') // { version: 4, bytes: [203,0,113,7] }
 */
export function parseIp(input: unknown): ParsedIp | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > 64) return null;
  let s = input.trim();
  // "[2001:db8::1]" and "[2001:db8::1]:443" as some proxies write them.
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return null;
    s = s.slice(1, end);
  }
  // Fast path for the form an IPv6 socket reports IPv4 peers in.
  if (s.length <= 22 && s.startsWith('::ffff:') && s.indexOf('.') > 0) {
    const out = new Uint8Array(4);
    if (parseIpv4(s.slice(7), out, 0)) return { version: 4, bytes: out };
  }
  if (s.includes(':')) {
    const b = parseIpv6(s);
    if (b === null) {
      // "203.0.113.7:51234" — an IPv4 address with a port.
      const colon = s.indexOf(':');
      if (s.indexOf(':', colon + 1) < 0 && s.indexOf('.') > 0) return parseIp(s.slice(0, colon));
      return null;
    }
    if (isV4Mapped(b)) return { version: 4, bytes: b.slice(12) };
    return { version: 6, bytes: b };
  }
  const out = new Uint8Array(4);
  return parseIpv4(s, out, 0) ? { version: 4, bytes: out } : null;
}

/** Canonical text of a parsed address (IPv6 in RFC 5952 compressed form). */
export function formatIp(ip: ParsedIp): string {
  const b = ip.bytes;
  if (ip.version === 4) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] as number) << 8) | (b[i + 1] as number));
  // RFC 5952 §4.2: compress the longest run of ≥ 2 zero groups, the first if tied.
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(':');
  return `${hex.slice(0, bestAt).join(':')}::${hex.slice(bestAt + bestLen).join(':')}`;
}

function maskBytes(bytes: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] = keep === 0 ? 0 : (bytes[i] as number) & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

/**
 * The network prefix of an address as CIDR text.
 * @example ipPrefix(parseIp('203.0.113.7')!, 24, 48) // '203.0.113.0/24'
 */
export function ipPrefix(ip: ParsedIp, v4Bits: number, v6Bits: number): string {
  const bits = ip.version === 4 ? v4Bits : v6Bits;
  return `${formatIp({ version: ip.version, bytes: maskBytes(ip.bytes, bits) })}/${bits}`;
}

/**
 * An IPv4 address in plain dotted decimal (1–3 digits a part, no leading zeros, as
 * parseIp reads it) as a 32-bit number without allocating; -1 for any other text.
 */
function dottedV4(s: string): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && digits < 3 && !(digits === 1 && part === 0)) {
      part = part * 10 + (c - 48);
      digits++;
    } else if (c === 46 && digits > 0 && part <= 255 && dots < 3) {
      n = n * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  return dots === 3 && digits > 0 && part <= 255 ? n * 256 + part : -1;
}

/**
 * The network prefix of an address given as text, as CIDR text; '' when it is not an
 * address. Plain IPv4 takes a path that allocates nothing (the detector keys every event).
 * @example prefixOf('::ffff:203.0.113.7', 24, 48) // '203.0.113.0/24'
 */
export function prefixOf(text: string | undefined, v4Bits: number, v6Bits: number): string {
  if (!text) return '';
  const n = dottedV4(text);
  if (n < 0) {
    const ip = parseIp(text);
    return ip === null ? '' : ipPrefix(ip, v4Bits, v6Bits);
  }
  const masked = v4Bits >= 32 ? n : v4Bits <= 0 ? 0 : (n & ~((1 << (32 - v4Bits)) - 1)) >>> 0;
  return `${masked >>> 24}.${(masked >>> 16) & 255}.${(masked >>> 8) & 255}.${masked & 255}/${v4Bits}`;
}

/** Parses `addr` or `addr/bits` (host bits cleared); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (ip === null) return null;
  const max = ip.version === 4 ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const b = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b)) return null;
    bits = Number(b);
    // An IPv4-mapped block (::ffff:10.0.0.0/104) folds to its IPv4 length.
    if (ip.version === 4 && text.includes(':')) bits -= 96;
    if (bits < 0 || bits > max) return null;
  }
  return { version: ip.version, bytes: maskBytes(ip.bytes, bits), bits };
}

/** True when `ip` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, ip: ParsedIp): boolean {
  if (cidr.version !== ip.version) return false;
  const full = cidr.bits >> 3;
  for (let i = 0; i < full; i++) if (cidr.bytes[i] !== ip.bytes[i]) return false;
  const rest = cidr.bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((ip.bytes[full] as number) & mask) === cidr.bytes[full];
}

/** True when network `inner` lies within network `outer` (an address is a /32 or /128). */
export function cidrWithin(outer: Cidr, inner: Cidr): boolean {
  return inner.bits >= outer.bits && cidrContains(outer, inner);
}

/** Canonical CIDR text of a network (`203.0.113.0/24`, `2001:db8::/32`). */
export function formatCidr(c: Cidr): string {
  return `${formatIp(c)}/${c.bits}`;
}

/**
 * A matcher over a list of trusted addresses/CIDRs. Malformed entries are reported in
 * `invalid` (config validation rejects them before this is ever built).
 */
export function compileCidrs(list: readonly string[]): {
  contains: (ip: ParsedIp) => boolean;
  invalid: string[];
} {
  const blocks: Cidr[] = [];
  const invalid: string[] = [];
  for (const entry of list) {
    const c = parseCidr(entry.trim());
    if (c === null) invalid.push(entry);
    else blocks.push(c);
  }
  return { contains: (ip) => blocks.some((b) => cidrContains(b, ip)), invalid };
}
