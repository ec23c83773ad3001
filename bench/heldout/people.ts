/**
 * Who sends traffic: countries and their time zones and languages, names and e-mail
 * addresses, network addresses (home lines, mobile carriers, clouds, office NATs,
 * residential proxy pools) and payment fingerprints.
 */
import type { Rng } from './rng.js';
import type { Lang } from './lexicon.js';

/** A country a customer is in: ISO code, UTC offset in hours, a common language. */
export interface Country {
  code: string;
  tz: number;
  lang: Lang;
  w: number;
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', tz: -5, lang: 'en', w: 16 },
  { code: 'US', tz: -8, lang: 'en', w: 9 },
  { code: 'US', tz: -6, lang: 'en', w: 5 },
  { code: 'CA', tz: -5, lang: 'en', w: 3 },
  { code: 'GB', tz: 0, lang: 'en', w: 6 },
  { code: 'IE', tz: 0, lang: 'en', w: 1 },
  { code: 'DE', tz: 1, lang: 'de', w: 5 },
  { code: 'FR', tz: 1, lang: 'fr', w: 4 },
  { code: 'ES', tz: 1, lang: 'es', w: 3 },
  { code: 'IT', tz: 1, lang: 'it', w: 2 },
  { code: 'NL', tz: 1, lang: 'nl', w: 2 },
  { code: 'PL', tz: 1, lang: 'pl', w: 2 },
  { code: 'CZ', tz: 1, lang: 'cs', w: 1 },
  { code: 'HU', tz: 1, lang: 'hu', w: 1 },
  { code: 'RO', tz: 2, lang: 'ro', w: 1 },
  { code: 'GR', tz: 2, lang: 'el', w: 1 },
  { code: 'UA', tz: 2, lang: 'uk', w: 1 },
  { code: 'IL', tz: 2, lang: 'he', w: 1 },
  { code: 'TR', tz: 3, lang: 'tr', w: 2 },
  { code: 'KE', tz: 3, lang: 'sw', w: 1 },
  { code: 'TZ', tz: 3, lang: 'sw', w: 0.5 },
  { code: 'NG', tz: 1, lang: 'en', w: 2 },
  { code: 'EG', tz: 2, lang: 'en', w: 1 },
  { code: 'AE', tz: 4, lang: 'en', w: 1 },
  { code: 'IN', tz: 5.5, lang: 'hi', w: 7 },
  { code: 'PK', tz: 5, lang: 'en', w: 1.5 },
  { code: 'BD', tz: 6, lang: 'bn', w: 1 },
  { code: 'ID', tz: 7, lang: 'id', w: 3 },
  { code: 'VN', tz: 7, lang: 'vi', w: 2 },
  { code: 'TH', tz: 7, lang: 'th', w: 1 },
  { code: 'MY', tz: 8, lang: 'ms', w: 1 },
  { code: 'SG', tz: 8, lang: 'en', w: 1.5 },
  { code: 'PH', tz: 8, lang: 'tl', w: 2 },
  { code: 'TW', tz: 8, lang: 'zh', w: 1 },
  { code: 'HK', tz: 8, lang: 'zh', w: 1 },
  { code: 'JP', tz: 9, lang: 'ja', w: 3 },
  { code: 'KR', tz: 9, lang: 'ko', w: 2 },
  { code: 'AU', tz: 10, lang: 'en', w: 2 },
  { code: 'BR', tz: -3, lang: 'pt', w: 4 },
  { code: 'AR', tz: -3, lang: 'es', w: 1 },
  { code: 'MX', tz: -6, lang: 'es', w: 2 },
  { code: 'CO', tz: -5, lang: 'es', w: 1 },
  // Persian speakers reach the API from where they live and work.
  { code: 'DE', tz: 1, lang: 'fa', w: 0.4 },
  { code: 'CA', tz: -5, lang: 'fa', w: 0.4 },
  { code: 'AM', tz: 4, lang: 'fa', w: 0.3 },
];
const COUNTRY_W = COUNTRIES.map((c) => [c, c.w] as const);

export function pickCountry(rng: Rng, only?: readonly string[]): Country {
  if (!only) return rng.weighted(COUNTRY_W);
  const sub = COUNTRY_W.filter(([c]) => only.includes(c.code));
  return rng.weighted(sub.length > 0 ? sub : COUNTRY_W);
}

const FIRST = [
  'james',
  'maria',
  'wei',
  'aisha',
  'lucas',
  'sofia',
  'arjun',
  'fatima',
  'noah',
  'emma',
  'hiro',
  'yuki',
  'minjun',
  'seoyeon',
  'olu',
  'chinwe',
  'diego',
  'camila',
  'ivan',
  'olga',
  'mehmet',
  'elif',
  'tran',
  'linh',
  'budi',
  'siti',
  'juan',
  'ana',
  'pierre',
  'claire',
  'jonas',
  'lena',
  'marco',
  'giulia',
  'piotr',
  'kasia',
  'amir',
  'sara',
  'david',
  'rachel',
  'kwame',
  'amara',
  'ravi',
  'priya',
  'joao',
  'beatriz',
  'ahmed',
  'layla',
  'thomas',
  'julia',
  'mateo',
  'valentina',
  'kenji',
  'aiko',
  'daniel',
  'chloe',
  'samuel',
  'grace',
  'omar',
  'nadia',
  'erik',
  'ingrid',
  'pablo',
  'lucia',
  'andrei',
  'elena',
  'jakub',
  'zofia',
  'reza',
  'maryam',
  'paolo',
  'chiara',
  'kofi',
  'ama',
  'rahul',
  'ananya',
];
const LAST = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'silva',
  'rossi',
  'patel',
  'ali',
  'johnson',
  'muller',
  'tanaka',
  'sato',
  'kim',
  'park',
  'adeyemi',
  'okafor',
  'hernandez',
  'lopez',
  'petrov',
  'ivanova',
  'yilmaz',
  'demir',
  'nguyen',
  'pham',
  'santoso',
  'wijaya',
  'martin',
  'dubois',
  'schmidt',
  'weber',
  'bianchi',
  'ferrari',
  'kowalski',
  'nowak',
  'hosseini',
  'rahimi',
  'cohen',
  'levi',
  'mensah',
  'boateng',
  'sharma',
  'gupta',
  'costa',
  'santos',
  'hassan',
  'ibrahim',
  'brown',
  'wilson',
  'fernandez',
  'torres',
  'suzuki',
  'watanabe',
  'lee',
  'choi',
  'anderson',
  'taylor',
  'novak',
  'horvat',
];
const MAIL = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
];

/** A person's name parts. */
export function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST), rng.pick(LAST)];
}

/** A personal e-mail address. */
export function personalEmail(rng: Rng, name = personName(rng)): string {
  const [f, l] = name;
  const local = rng.weighted<string>([
    [`${f}.${l}`, 4],
    [`${f}${l}${rng.int(1, 99)}`, 3],
    [`${f[0]}${l}`, 2],
    [`${f}_${l}${rng.int(70, 2005)}`, 1],
  ]);
  return `${local}@${rng.pick(MAIL)}`;
}

/** An address at an organisation's own domain. */
export function workEmail(rng: Rng, domain: string): string {
  const [f, l] = personName(rng);
  return rng.chance(0.7) ? `${f}.${l}@${domain}` : `${f[0]}${l}@${domain}`;
}

/** A card (or bank account) fingerprint as a payment processor reports it. */
export function cardFingerprint(rng: Rng): string {
  return rng.b62(16);
}

/** Allocates network addresses; /24s handed out are never reused by accident. */
export class Net {
  private readonly used = new Set<string>();
  /** A few big cloud ranges (/16) that many pipelines, honest or not, run from. */
  private readonly clouds: string[];

  constructor(private readonly rng: Rng) {
    this.clouds = Array.from({ length: 8 }, () => this.free16());
  }

  private free16(): string {
    for (;;) {
      const a = this.rng.int(3, 223);
      if (
        a === 10 ||
        a === 127 ||
        a === 100 ||
        a === 169 ||
        a === 172 ||
        a === 192 ||
        a === 198 ||
        a === 203
      )
        continue;
      return `${a}.${this.rng.int(0, 255)}`;
    }
  }

  /** A fresh /24 ("a.b.c"), optionally inside a given /16. */
  prefix(in16?: string): string {
    for (;;) {
      const p = `${in16 ?? this.free16()}.${this.rng.int(0, 255)}`;
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }

  /** A fresh /24 in one of the shared cloud ranges. */
  cloud(): string {
    return this.prefix(this.rng.pick(this.clouds));
  }

  /** A host in a /24. */
  host(prefix: string, rng: Rng): string {
    return `${prefix}.${rng.int(2, 254)}`;
  }

  /** A home connection: one IPv4 host, or an IPv6 /64 on some carriers. */
  home(rng: Rng): string {
    if (rng.chance(0.12))
      return `2a0${rng.int(1, 9)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}::${rng.hex(3)}`;
    return this.host(this.prefix(), rng);
  }
}

/** A pool of residential proxy exits: many /24s, one picked per session or request. */
export class ProxyPool {
  readonly prefixes: string[];

  constructor(
    net: Net,
    size: number,
    private readonly rng: Rng,
  ) {
    this.prefixes = Array.from({ length: size }, () => net.prefix());
  }

  exit(rng: Rng = this.rng): string {
    return `${rng.pick(this.prefixes)}.${rng.int(2, 254)}`;
  }
}
