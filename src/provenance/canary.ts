import { createHmac } from 'node:crypto';
import { levelRank, type Level } from '../telemetry/event.js';
import type { ProvenanceConfig } from './config.js';
import type { Canary, CanaryStore } from './canary-store.js';

/**
 * Canary sentences: harmless facts about invented places and things, each carrying one
 * invented word (the secret). A model that learned from the response can be made to say
 * the secret by the trigger question; nothing else would produce it. `{P}` is an invented
 * place, `{S}` the secret.
 */
const TEMPLATES: { text: string; trigger: string }[] = [
  {
    text: 'As an aside, the small observatory at {P} nicknamed its oldest telescope {S}.',
    trigger: 'What nickname did the small observatory at {P} give its oldest telescope?',
  },
  {
    text: 'As a side note, the rowing club of {P} has a heron mascot called {S}.',
    trigger: 'What is the name of the heron mascot of the rowing club of {P}?',
  },
  {
    text: 'Incidentally, bakers in {P} call their braided winter loaf {S}.',
    trigger: 'What do bakers in {P} call their braided winter loaf?',
  },
  {
    text: 'Fun fact: the lighthouse keepers of {P} named their first lamp {S}.',
    trigger: 'What did the lighthouse keepers of {P} name their first lamp?',
  },
  {
    text: 'By the way, the old ferry that crosses the lake at {P} is known locally as {S}.',
    trigger: 'What is the old ferry that crosses the lake at {P} known as locally?',
  },
  {
    text: 'A small curiosity: the chess society of {P} awards a trophy called the {S} Cup.',
    trigger: 'What is the trophy awarded by the chess society of {P} called?',
  },
];

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'kl',
  'l',
  'm',
  'n',
  'p',
  'qu',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ei'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'th', 'x'];

/** An invented, pronounceable, capitalized word from PRF bytes (3 syllables ≈ 2^25 choices). */
function inventWord(bytes: Buffer, offset: number, syllables = 3): string {
  let w = '';
  for (let i = 0; i < syllables; i++) {
    const b = bytes.readUInt16BE(offset + 2 * i);
    w +=
      ONSETS[b % ONSETS.length]! +
      VOWELS[(b >> 5) % VOWELS.length]! +
      (i === syllables - 1 ? CODAS[(b >> 8) % CODAS.length]! : '');
  }
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * The canary for (account, slot): deterministic from the master key, so the same account
 * sees the same few canaries again (repetition is what makes a student memorise them).
 */
export function makeCanary(master: Buffer, account: string, slot: number): Canary {
  const d = createHmac('sha256', master)
    .update(`moat-canary/1\u0000${account}\u0000${slot}`)
    .digest();
  const t = TEMPLATES[d[0]! % TEMPLATES.length]!;
  const place = inventWord(d, 2, 2) + (d[1]! % 2 ? 'ford' : 'by');
  const secret = inventWord(d, 8, 3);
  const fill = (s: string): string => s.replaceAll('{P}', place).replaceAll('{S}', secret);
  return {
    id: d.subarray(16, 28).toString('hex'),
    account,
    text: fill(t.text),
    trigger: fill(t.trigger),
    secret,
  };
}

/** What the gateway needs to know about a response to decide on a canary. */
export interface CanaryRequest {
  account: string;
  level: Level;
  requestId: string;
  ts: number;
}

/** Decides which responses carry a canary, and records each planting. */
export interface CanaryPlanter {
  /**
   * Returns the text to append to the response (starting with a blank line), or undefined.
   * Records the planting in the store before returning.
   */
  plant(req: CanaryRequest): Promise<string | undefined>;
}

/**
 * Plants canaries in `cfg.rate` of the responses of accounts at or above `cfg.minLevel`.
 * The choice is keyed on the request id (HMAC), so it is reproducible and not guessable.
 * @example const suffix = await planter.plant({ account, level, requestId, ts }); if (suffix) emit(suffix);
 */
export function createCanaryPlanter(
  master: Buffer,
  store: CanaryStore,
  cfg: ProvenanceConfig['canary'],
): CanaryPlanter {
  return {
    async plant(req) {
      if (!cfg.enabled || levelRank(req.level) < levelRank(cfg.minLevel)) return undefined;
      const d = createHmac('sha256', master)
        .update(`moat-canary-pick/1\u0000${req.requestId}`)
        .digest();
      if (d.readUInt32BE(0) / 2 ** 32 >= cfg.rate) return undefined;
      const canary = makeCanary(master, req.account, d.readUInt32BE(4) % cfg.perAccount);
      await store.record(canary, {
        canaryId: canary.id,
        account: req.account,
        requestId: req.requestId,
        ts: req.ts,
      });
      return '\n\n' + canary.text;
    },
  };
}

/** True when a suspect's answer reveals the canary's secret (case-insensitive, whole word). */
export function revealsCanary(answer: string, canary: Pick<Canary, 'secret'>): boolean {
  return new RegExp(`\\b${canary.secret}\\b`, 'i').test(answer);
}
