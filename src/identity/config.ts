import { z } from 'zod';
import { LEVELS } from '../telemetry/event.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const weight = z.number().min(0).max(1);

/** Default signup-route weights. */
const DEFAULT_ROUTES: Record<string, number> = {
  'self-serve': 0,
  enterprise: 0,
  education: 0.1,
  research: 0.1,
  'startup-credits': 0.15,
};

/** One sliding-window velocity rule: more than `max` signups sharing a key within `windowMs` adds `weight`. */
const velocityRule = (windowMs: number, max: number, w: number) =>
  z
    .object({
      windowMs: z.number().int().positive().default(windowMs),
      max: z.number().int().min(1).default(max),
      weight: weight.default(w),
    })
    .prefault({});

/** A link rule: signups sharing a key within `windowMs` are linked to the `maxLinks` most recent others. */
const linkRule = (windowMs: number) =>
  z
    .object({
      enabled: z.boolean().default(true),
      windowMs: z.number().int().positive().default(windowMs),
    })
    .prefault({});

const hygieneSchema = z
  .object({
    email: z
      .object({
        /** Optional file of extra disposable domains, one per line (`#` comments), read at start. */
        disposableListFile: z.string().optional(),
        /** Extra disposable domains given inline. */
        disposableDomains: z.array(z.string().toLowerCase()).default([]),
        /** Domains never treated as disposable even when a list names them. */
        allowDomains: z.array(z.string().toLowerCase()).default([]),
        disposableWeight: weight.default(0.35),
        plusAddressWeight: weight.default(0.05),
        /** An address that fails validation reached assess() (the admin API rejects these first). */
        malformedWeight: weight.default(0.2),
        /** A local part ending in a digit run (user001) — weak alone; the pattern's velocity is the strong signal. */
        numberedLocalWeight: weight.default(0.05),
        /** Numbers further apart than this do not count as one sequence (user001 vs user950). */
        sequenceSpan: z.number().int().positive().default(100),
        /** Domains whose numbered local parts are normal (student or employee numbers) and never form a pattern. */
        patternExemptDomains: z.array(z.string().toLowerCase()).default([]),
      })
      .prefault({}),
    /** Prefix lengths that group signup addresses (one /24 ≈ one NAT; /48 ≈ one IPv6 site). */
    ipv4PrefixBits: z.number().int().min(8).max(32).default(24),
    ipv6PrefixBits: z.number().int().min(16).max(128).default(48),
    velocity: z
      .object({
        /** Per IP prefix (/24, /48): weak, because campuses and offices share one NAT. */
        ipPrefix: velocityRule(HOUR, 20, 0.1),
        /** Per payment fingerprint: one card behind many accounts. */
        payment: velocityRule(30 * DAY, 2, 0.45),
        /** Per client fingerprint id (fingerprint module or the signup page's device id). */
        clientFingerprint: velocityRule(DAY, 5, 0.3),
        /** Per email pattern: local part with digit runs masked, plus the domain (user#@example.com). */
        emailPattern: velocityRule(DAY, 2, 0.35),
        /** Keys tracked per signal; the least recently used key is forgotten beyond this. */
        maxKeys: z.number().int().positive().default(100_000),
      })
      .prefault({}),
    links: z
      .object({
        payment: linkRule(90 * DAY),
        fingerprint: linkRule(7 * DAY),
        /** Same IP prefix AND same window; a prefix alone never links (shared NATs). */
        ipPrefixWindow: linkRule(10 * 60_000),
        /** Minimum signups from one prefix inside the window before co-location links anyone. */
        ipPrefixMinBurst: z.number().int().min(2).default(3),
        /** Co-location links only a signup that also carries another risk signal (a throwaway email, a shared card, a sequence). */
        ipPrefixNeedsCorroboration: z.boolean().default(true),
        emailPattern: linkRule(DAY),
        /** Each new signup links to at most this many earlier accounts per shared key (bounds the graph; a chain still connects a fleet). */
        maxLinksPerKey: z.number().int().min(1).default(3),
        /** Accounts kept in the linked-account graph; the oldest are forgotten beyond this. */
        maxAccounts: z.number().int().positive().default(200_000),
        /** A signup cluster is flagged when it has at least this many accounts and one flagged member. */
        clusterMinSize: z.number().int().min(2).default(3),
        /** Reason weight given to every member of a flagged signup cluster. */
        clusterWeight: weight.default(0.35),
        /** Cluster members examined when propagating (bounds work per signup). */
        maxClusterScan: z.number().int().positive().default(1_000),
      })
      .prefault({}),
    /** Signup route → weight. Education, research and startup-credit programmes are the routes reported as most abused. */
    routes: z
      .record(z.string().toLowerCase(), weight)
      // Listed routes are merged over the defaults, so naming one does not drop the others.
      .transform((r) => ({ ...DEFAULT_ROUTES, ...r }))
      .default(DEFAULT_ROUTES),
    /** Weight of a route not listed in `routes`. */
    unknownRouteWeight: weight.default(0.05),
    /** ISO 3166-1 alpha-2 country → weight. */
    countries: z.record(z.string().toUpperCase(), weight).default({}),
    /** Countries where signup is refused outright (level `block`). */
    deniedCountries: z.array(z.string().toUpperCase()).default([]),
    /** Lowest score for each level; scores combine reason weights by noisy-OR. */
    thresholds: z
      .object({
        monitor: weight.default(0.3),
        throttle: weight.default(0.6),
        degrade: weight.default(0.8),
        challenge: weight.default(0.9),
      })
      .prefault({}),
    /** Highest level signup evidence alone may reach (denied countries excepted). */
    maxLevel: z.enum(LEVELS).default('challenge'),
    /** Limit tier recommended to the gateway by verification state. */
    tiers: z
      .object({
        unverified: z.string().default('unverified'),
        verified: z.string().default('standard'),
      })
      .prefault({}),
  })
  .prefault({});

/** Configuration of the identity module (the `identity:` section of the YAML). Every field has a default. */
export const identityConfigSchema = z.object({
  /** Signup hygiene: risk at account creation and the linked-account graph. */
  hygiene: hygieneSchema,
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
/** The `identity.hygiene` section. */
export type HygieneConfig = IdentityConfig['hygiene'];
