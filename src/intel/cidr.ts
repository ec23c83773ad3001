/** An IPv4 or IPv6 network: family, base address as a bigint, prefix length. */
export interface Cidr {
  family: 4 | 6;
  base: bigint;
  bits: number;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

function parseV6(s: string): bigint | undefined {
  let text = s.toLowerCase();
  const v4tail = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let tail: string[] = [];
  if (v4tail) {
    const v = parseV4(v4tail[1]!);
    if (v === undefined) return undefined;
    tail = [((v >> 16n) & 0xffffn).toString(16), (v & 0xffffn).toString(16)];
    text = text.slice(0, -v4tail[1]!.length - 1) + (text.endsWith('::' + v4tail[1]) ? ':' : '');
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = [...head, ...rest, ...tail];
  const fill = 8 - head.length - rest.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const all = [
    ...head,
    ...Array<string>(halves.length === 2 ? fill : 0).fill('0'),
    ...rest,
    ...tail,
  ];
  if (all.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/**
 * Parse `203.0.113.0/24`, `2001:db8::/32` or a single address (a /32 or /128).
 * Host bits are cleared, as STIX ISSUBSET comparisons assume.
 */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, len, extra] = text.trim().split('/');
  if (!addr || extra !== undefined) return undefined;
  const family = addr.includes(':') ? 6 : 4;
  const value = family === 4 ? parseV4(addr) : parseV6(addr);
  if (value === undefined) return undefined;
  const width = family === 4 ? 32 : 128;
  const bits = len === undefined ? width : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(bits >= 0 && bits <= width)) return undefined;
  const mask = ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return { family, base: value & mask, bits };
}

/** True when network `inner` lies within `outer` (an address is a /32 or /128 network). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.bits < outer.bits) return false;
  const width = outer.family === 4 ? 32 : 128;
  const shift = BigInt(width - outer.bits);
  return inner.base >> shift === outer.base >> shift;
}

/** Canonical text of a network (`a.b.c.d/n`; IPv6 as eight hex groups). */
export function formatCidr(c: Cidr): string {
  if (c.family === 4) {
    const o = [24n, 16n, 8n, 0n].map((s) => ((c.base >> s) & 0xffn).toString());
    return `${o.join('.')}/${c.bits}`;
  }
  const g: string[] = [];
  for (let i = 7; i >= 0; i--) g.push(((c.base >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `${g.join(':')}/${c.bits}`;
}
