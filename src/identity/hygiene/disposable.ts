/**
 * Disposable (throwaway) email domains. The base list is the community-maintained
 * disposable-email-domains blocklist, shipped on npm as `disposable-email-domains-js`
 * (CC0; `npm update` refreshes it); operators add their own domains inline or in a
 * file, and can exempt domains a list names wrongly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where the extra domains come from (the `identity.hygiene.email` section). */
export interface DisposableSources {
  disposableListFile?: string | undefined;
  disposableDomains: readonly string[];
  allowDomains: readonly string[];
}

function packagedList(): string[] {
  const list: unknown = require('disposable-email-domains-js/dist/dict/disposable_email_blocklist.json');
  return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [];
}

/** Parses a list file: one domain per line, `#` starts a comment, blank lines ignored. */
export function parseDomainList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const d = line.replace(/#.*/, '').trim().toLowerCase();
    if (d !== '') out.push(d);
  }
  return out;
}

/** A set of disposable domains; a subdomain of a listed domain is disposable too. */
export class DisposableDomains {
  readonly #domains: Set<string>;
  readonly #allow: Set<string>;

  /** Builds from explicit lists (tests) — see `load` for the configured sources. */
  constructor(domains: Iterable<string>, allow: Iterable<string> = []) {
    this.#domains = new Set([...domains].map((d) => d.toLowerCase()));
    this.#allow = new Set([...allow].map((d) => d.toLowerCase()));
  }

  /**
   * The packaged list plus the configured extras. A configured file that cannot be read
   * stops start-up with the path and the reason.
   */
  static load(src: DisposableSources): DisposableDomains {
    const domains = packagedList();
    if (src.disposableListFile !== undefined) {
      let text: string;
      try {
        text = readFileSync(src.disposableListFile, 'utf8');
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(
          `identity.hygiene.email.disposableListFile: cannot read ${src.disposableListFile}: ${why}`,
        );
      }
      domains.push(...parseDomainList(text));
    }
    domains.push(...src.disposableDomains);
    return new DisposableDomains(domains, src.allowDomains);
  }

  /** Number of listed domains. */
  get size(): number {
    return this.#domains.size;
  }

  /** The listed domain `domain` falls under, or null. */
  match(domain: string): string | null {
    let d = domain.toLowerCase();
    for (;;) {
      if (this.#allow.has(d)) return null;
      if (this.#domains.has(d)) return d;
      const dot = d.indexOf('.');
      if (dot < 0) return null;
      d = d.slice(dot + 1);
    }
  }
}
