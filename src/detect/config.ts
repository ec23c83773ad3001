import { z } from 'zod';

const unit = () => z.number().min(0).max(1);

/** Weights of the evidence terms; each is the most that term alone contributes (noisy-OR). */
const weightsSchema = z
  .object({
    /**
     * Core: what is being harvested. `reasoning`: asks for written-out reasoning, by word
     * stems in ten languages (phrases.ts): off by default (issue 13). What a harvest takes is the derivation served (`reasoningServed`,
     * any language, any place in the prompt); the ask adds no campaign on the tuning
     * generator and raises the people who ask for steps every time (students, benchmark
     * vendors). An operator may weigh it again here.
     */
    reasoning: unit().default(0),
    /**
     * Asks to grade or rate, by the same stems: off by default (issue 13). What a grader
     * campaign takes is the grades served (`grades`, any language): on tuning seeds 1–2 they
     * caught grader-abuse 10/10 and 10/10 (the stems 6/10 and 10/10), and the stems' words
     * ("score", "rate", "safe") are everyday words no list covers in every language.
     */
    grader: unit().default(0),
    /**
     * Asks for many diverse instructions or data items, by the same stems: off by default
     * (issue 13); on tuning seeds 1–2 it changed no family's count (taxonomy-sweep was raised 5
     * requests later without it).
     */
    datagen: unit().default(0),
    longOutput: unit().default(0.45),
    reasoningServed: unit().default(0.8),
    judgements: unit().default(0.6),
    /**
     * Grades served: answers that give a score on a scale ("7/10") or a judge's bracketed
     * verdict ("[[8]]"), in any language (telemetry/served.ts). At 0.8, honest judge services
     * that share a public judge prompt were raised on tuning seeds 1–2; at 0.7 the detector
     * test's reward-model campaign (one account, five days of judgements) stayed at 0.497; at
     * 0.6 grader-abuse was caught later (requests to detect 52 → 164).
     */
    grades: unit().default(0.75),
    substream: unit().default(0.8),
    harvestLength: unit().default(0.8),
    agentEnvironments: unit().default(0.7),
    /**
     * Agent episodes run round the clock at a harness's rate (score.ts agentEpisodesStrength):
     * scores alone up to 0.85 of its weight (throttle), as agent_environments does.
     */
    agentEpisodes: unit().default(0.7),
    /**
     * Code solutions or agent work served with no night's rest (score.ts sleeplessStrength):
     * scores alone up to 0.85 of its weight (throttle), as agentEpisodes does.
     */
    sleepless: unit().default(0.7),
    logitSweep: unit().default(0.95),
    /** Amplifiers: how it is being harvested. */
    templateReuse: unit().default(0.25),
    novelty: unit().default(0.3),
    sharedTemplate: unit().default(0.6),
    /**
     * Frames another account sent first over items nobody else sent (score.ts shared_harness):
     * amplifies past the automation cap.
     */
    sharedHarness: unit().default(0.5),
    coverageSweep: unit().default(0.35),
    singleTurn: unit().default(0.25),
    timing: unit().default(0.3),
    focus: unit().default(0.35),
    volumeAge: unit().default(0.35),
    signupRoute: unit().default(0.15),
    modelPivot: unit().default(0.3),
    sampling: unit().default(0.15),
    /**
     * A rotating egress: most requests from a network prefix the account had not used before
     * (a residential-proxy pool). Infrastructure evidence, not automation: it amplifies
     * past the automation cap, and it takes away a paying customer's standing.
     */
    rotation: unit().default(0.35),
    /** A browser User-Agent over a client that is not a browser (features.ts spoofedClient). */
    spoof: unit().default(0.25),
    cluster: unit().default(0.5),
  })
  .prefault({});

/** Score cut-offs of the levels; a level is left only when the score falls `hysteresis` below its cut-off. */
const levelsSchema = z
  .object({
    monitor: unit().default(0.35),
    throttle: unit().default(0.5),
    degrade: unit().default(0.65),
    challenge: unit().default(0.8),
    block: unit().default(0.93),
    hysteresis: unit().default(0.05),
  })
  .prefault({});

/** Configuration of the detect module (the `detect:` section of the YAML). Every field has a default. */
export const detectConfigSchema = z.object({
  weights: weightsSchema,
  levels: levelsSchema,
  /**
   * The most the automation amplifiers together (template reuse, coverage, novelty, single
   * turns, machine timing, sampling) can amplify core evidence: every honest integration is
   * automated, so automation alone keeps an account below throttle.
   */
  automationCap: unit().default(0.5),
  /** A paying account this many days old counts as established (its amplified evidence × 0.75). */
  establishedDays: z.number().positive().default(60),
  /** Half-life of every per-account and per-cluster counter, in hours of event time. */
  halfLifeHours: z
    .number()
    .positive()
    .default(7 * 24),
  /** Requests at which an account's evidence counts fully (confidence n / (n + k)). */
  confidenceRequests: z.number().positive().default(6),
  /**
   * An evaluation harness runs a benchmark "in a burst, then silence" (THREATS.md): its
   * temperature-0, short-answer shape damps the amplifiers. An account whose prompts are
   * mostly grading asks loses the damping once its traffic spans more than this many hours:
   * a reward-model campaign has the same shape, for days.
   */
  evalBurstHours: z.number().positive().default(24),
  /**
   * Hours of event time between behavioural-kin sweeps of a live detector (kin.ts): quiet
   * accounts most of whose nearest accounts by behaviour were raised are raised to throttle.
   * 0: only when a run settles (`moat analyze` sweeps once, at the end, with or without
   * --workers).
   */
  kinSweepHours: z.number().min(0).default(1),
  /** A verdict is re-emitted when its score moves at least this much without a level change. */
  materialChange: unit().default(0.05),
  /** IPv4 / IPv6 prefix lengths that count as "the same network" for linking. */
  ipv4Prefix: z.number().int().min(8).max(32).default(24),
  ipv6Prefix: z.number().int().min(16).max(128).default(48),
  /** Entries kept in the cross-account template index (bounded memory). */
  templateIndexSize: z.number().int().positive().default(200_000),
  /** A template shared by more accounts than this is treated as common phrasing, not a link. */
  templateLinkMaxAccounts: z.number().int().positive().default(5_000),
  /** Hours after its first appearance during which a model counts as newly released. */
  newModelWindowHours: z.number().positive().default(48),
  /** Entries kept in the cross-account timing-band index (bounded memory). */
  timingIndexSize: z.number().int().positive().default(50_000),
  /** Synchronized-timing links (timing.ts): width of a time bucket, in seconds. */
  timingBucketSeconds: z.number().positive().default(60),
  /** Active buckets each account needs before it can be timing-linked. */
  timingMinBuckets: z.number().int().positive().default(16),
  /** Estimated Jaccard of two accounts' active buckets needed for a timing link. */
  timingMinJaccard: unit().default(0.5),
  /** …and how many times the Jaccard of two independent accounts it must reach. */
  timingChanceFactor: z.number().positive().default(5),
  /** …with the shared buckets spread over at least this many distinct hours. */
  timingMinHours: z.number().int().positive().default(4),
  /** Behavioural links: accounts created within the same window of this many hours can be linked by request shape. */
  shapeWindowHours: z.number().positive().default(72),
  /**
   * Signup cohorts: accounts of one signup window that drive the model with the same request
   * shape but present different clients are linked once this many of them, each with 8+
   * requests, are nearly all harvest (a harness run over accounts that rotate SDKs and
   * User-Agents; issue 13).
   */
  cohortMinAccounts: z.number().int().min(2).default(4),
  /**
   * Distinct token ids a logit_bias may name over an account's life before its changes count
   * as a sweep: a classifier's fixed label set names a handful.
   */
  labelSetTokens: z.number().int().positive().default(40),
  /** Largest cluster the union-find will grow (bounds the cost of raising members). */
  maxClusterSize: z.number().int().positive().default(20_000),
});

/** Parsed `detect:` configuration. */
export type DetectConfig = z.infer<typeof detectConfigSchema>;
