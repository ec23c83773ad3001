import { deriveAccountKey } from './keys.js';
import { revealsCanary } from './canary.js';
import type { Canary } from './canary-store.js';
import type { SuspectClient } from './suspect-client.js';
import type { ServedPositions } from './watermark/served.js';
import {
  PositionVotes,
  positionId,
  scanPositions,
  scorePositions,
  type WatermarkDetection,
} from './watermark/detect.js';

/** Inputs of a suspect-model probe. */
export interface ProbeInput {
  client: SuspectClient;
  masterKey: Buffer;
  /** Accounts whose derived keys are tested for attribution. */
  accounts: string[];
  canaries: Canary[];
  /** Prompts for the radioactivity test; default: a built-in set of open questions. */
  prompts?: string[];
  maxRequests: number;
  maxTokens: number;
  alpha: number;
  minTrials: number;
  /**
   * Positions of the text actually served (`--served`, from telemetry): when given, only
   * these are scored (the filter setting of Sander et al. 2024; see ServedPositions).
   */
  served?: ServedPositions;
  /** Stop after this many consecutive failed requests (endpoint down); default 5. */
  maxConsecutiveErrors?: number;
  onProgress?: (done: number, total: number, note: string) => void;
  /** Called after every request with the report so far (to save partial results). */
  onPartial?: (report: ProbeReport) => void;
}

/** A canary the suspect revealed. */
export interface CanaryHit {
  canaryId: string;
  account: string;
  secret: string;
  trigger: string;
  answer: string;
}

/** What a probe found. */
export interface ProbeReport {
  requests: number;
  tokens: number;
  errors: { prompt: string; error: string }[];
  /** False when the budget or errors stopped the probe before every prompt was sent. */
  complete: boolean;
  stoppedBecause?: string;
  canaries: { probed: number; hits: CanaryHit[] };
  watermark: WatermarkDetection & {
    accounts: { account: string; pValue: number; hits: number; trials: number }[];
    /**
     * With a served set: distinct served positions loaded, and distinct suspect positions
     * (prompt contexts excluded) among them — trials can be fewer (tied votes are dropped).
     */
    served?: { positions: number; matched: number };
  };
  implicatedAccounts: string[];
}

const TOPICS = [
  'how vaccines train the immune system',
  'why the sky is blue',
  'how compound interest works',
  'the causes of the French Revolution',
  'how to choose a programming language for a project',
  'the water cycle',
  'how a bill becomes law',
  'the history of the printing press',
  'how to prepare for a job interview',
  'the basics of photosynthesis',
  'how neural networks learn',
  'the pros and cons of remote work',
  'how to start running safely',
  'how plate tectonics shapes continents',
  'how to write a persuasive essay',
  'the role of enzymes in digestion',
  'how encryption protects messages',
  'how to budget a monthly income',
  'what causes inflation',
  'how bees communicate',
  'the importance of sleep',
  'how airplanes stay in the air',
  'how to learn a new language',
  'the life cycle of a star',
];
const ASKS = [
  'Explain {t} in a few paragraphs.',
  'Write a short, clear overview of {t}.',
  'What should a beginner know about {t}?',
];

/** The built-in radioactivity prompts (72 open questions). */
export function defaultProbePrompts(): string[] {
  return ASKS.flatMap((a) => TOPICS.map((t) => a.replace('{t}', t)));
}

interface Work {
  prompt: string;
  canary?: Canary;
}

/**
 * Probe a suspect model: ask every canary's trigger question, then score its answers to
 * open prompts for the watermark with the radioactivity protocol of Sander et al. 2024
 * (arXiv 2402.14904): one trial per distinct (context, group) position across all
 * generations (the alternative the suspect over-uses there, see PositionVotes), positions
 * that occur in the prompts skipped, exact binomial test (null hit rate 1/k per position).
 * With `served`, only positions of the text actually served are scored (Sander et al.'s
 * "filter" setting; see ServedPositions). Stops at the request or token budget, or after
 * repeated failures, and reports what it has.
 */
export async function runProbe(input: ProbeInput): Promise<ProbeReport> {
  const prompts = input.prompts ?? defaultProbePrompts();
  const work: Work[] = [
    ...input.canaries.map((c) => ({ prompt: c.trigger, canary: c })),
    ...prompts.map((prompt) => ({ prompt })),
  ];
  const exclude = new Set<string>();
  for (const w of work)
    for (const p of scanPositions(w.prompt).positions) exclude.add(positionId(p));
  const votes = new PositionVotes();
  const keys = [
    input.masterKey,
    ...input.accounts.map((a) => deriveAccountKey(input.masterKey, a)),
  ];
  const hits: CanaryHit[] = [];
  const report = (): ProbeReport => summarize(input, keys, votes, hits, state);
  const state = {
    requests: 0,
    tokens: 0,
    words: 0,
    errors: [] as ProbeReport['errors'],
    probed: 0,
    complete: false,
    stoppedBecause: undefined as string | undefined,
  };
  let consecutive = 0;
  const total = Math.min(work.length, input.maxRequests);
  for (const w of work) {
    if (state.requests >= input.maxRequests) {
      state.stoppedBecause = `request budget (${input.maxRequests}) reached`;
      break;
    }
    if (state.tokens >= input.maxTokens) {
      state.stoppedBecause = `token budget (${input.maxTokens}) reached`;
      break;
    }
    state.requests++;
    try {
      const answer = await input.client(w.prompt);
      consecutive = 0;
      state.tokens += answer.tokens;
      if (w.canary) {
        state.probed++;
        if (revealsCanary(answer.text, w.canary)) {
          hits.push({
            canaryId: w.canary.id,
            account: w.canary.account,
            secret: w.canary.secret,
            trigger: w.prompt,
            answer: answer.text.slice(0, 500),
          });
        }
      }
      state.words += votes.add(answer.text, exclude);
    } catch (err) {
      state.errors.push({ prompt: w.prompt, error: (err as Error).message });
      if (++consecutive >= (input.maxConsecutiveErrors ?? 5)) {
        state.stoppedBecause = `${consecutive} consecutive errors, last: ${(err as Error).message}`;
        break;
      }
    }
    input.onProgress?.(state.requests, total, `${votes.size} contexts, ${hits.length} canary hits`);
    input.onPartial?.(report());
  }
  state.complete = state.stoppedBecause === undefined;
  return report();
}

function summarize(
  input: ProbeInput,
  keys: Buffer[],
  votes: PositionVotes,
  hits: CanaryHit[],
  s: {
    requests: number;
    tokens: number;
    errors: ProbeReport['errors'];
    probed: number;
    complete: boolean;
    stoppedBecause: string | undefined;
  },
): ProbeReport {
  // The master key decides; account keys only attribute, Bonferroni-corrected over accounts.
  // With a served set, only served positions are scored: membership depends on the served
  // text alone, never on the suspect's choice there, so the test stays exact (Sander et
  // al. 2024, arXiv 2402.14904, "filter" setting).
  const served = input.served;
  let matched = 0;
  const positions = votes.majority(
    served &&
      ((id) => {
        const kept = served.has(id);
        if (kept) matched++;
        return kept;
      }),
  );
  const detection = scorePositions([keys[0]!], positions, s.tokens, {
    alpha: input.alpha,
    minTrials: input.minTrials,
  });
  const n = Math.max(1, input.accounts.length);
  // Each account's key is scored where that account was served (or several were).
  const perAccount = served
    ? input.accounts.map(
        (a, i) =>
          scorePositions([keys[i + 1]!], votes.majority(served.forAccount(a)), s.tokens).perKey[0]!,
      )
    : scorePositions(keys.slice(1), positions, s.tokens).perKey;
  const accounts = input.accounts.map((account, i) => {
    const k = perAccount[i]!;
    return { account, pValue: Math.min(1, k.pValue * n), hits: k.hits, trials: k.trials };
  });
  const implicated = new Set(hits.map((h) => h.account));
  if (detection.verdict === 'watermarked')
    for (const a of accounts) if (a.pValue < input.alpha) implicated.add(a.account);
  return {
    requests: s.requests,
    tokens: s.tokens,
    errors: s.errors,
    complete: s.complete,
    ...(s.stoppedBecause ? { stoppedBecause: s.stoppedBecause } : {}),
    canaries: { probed: s.probed, hits },
    watermark: {
      ...detection,
      accounts,
      ...(served ? { served: { positions: served.size, matched } } : {}),
    },
    implicatedAccounts: [...implicated].sort(),
  };
}
