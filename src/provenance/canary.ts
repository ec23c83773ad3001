import { createHmac } from 'node:crypto';
import { levelRank, type Level } from '../telemetry/event.js';
import type { ProvenanceConfig } from './config.js';
import type { Canary, CanaryStore } from './canary-store.js';

/**
 * Canary facts: harmless statements about invented places and things, each carrying one
 * invented word (the secret). A model that learned from the response can be made to say
 * the secret by the trigger question; nothing else would produce it.
 *
 * Issue 14: the six fixed sentences after a blank line that one regex removed are gone.
 * A canary is now composed from keyed choices — who (GROUPS), what (THINGS), how it is
 * said (VERBS, FORMS), an optional opener (OPENERS) and an invented place and secret — so
 * the sentence shapes are many (≈ 20 × 24 × 6 × 5 × 16 before the invented words) and
 * which one an account gets depends on the master key (HMAC-SHA256), not on public text.
 * The planter then weaves it between two sentences of the answer (canary-weave.ts)
 * rather than after it.
 */
const GROUPS = [
  'the rowing club',
  'the lighthouse keepers',
  'the bakers',
  'the chess society',
  'the beekeepers',
  'the village choir',
  'the ferry crew',
  'the glassblowers',
  'the weavers',
  'the harbour pilots',
  'the orchard growers',
  'the bell ringers',
  'the cheesemakers',
  'the stargazers',
  'the potters',
  'the fishermen',
  'the quarry workers',
  'the schoolteachers',
  'the cartographers',
  'the shepherds',
];
const THINGS = [
  'oldest telescope',
  'first lamp',
  'braided winter loaf',
  'heron mascot',
  'largest bell',
  'annual trophy',
  'red sailboat',
  'favourite walking trail',
  'spring festival',
  'copper kettle',
  'oldest oak tree',
  'lucky anchor',
  'village clock',
  'smallest bridge',
  'autumn cider',
  'weather vane',
  'tapestry',
  'river ford',
  'signal flag',
  'stone well',
  'harvest dance',
  'blue lantern',
  'wooden ferry',
  'garden maze',
];
const VERBS = [
  'call',
  'have long called',
  'still call',
  'affectionately call',
  'named',
  'nicknamed',
];
const OPENERS = [
  '',
  '',
  '',
  '',
  'Incidentally, ',
  'As it happens, ',
  'Locally, ',
  'On a related note, ',
  'Curiously, ',
  'By the way, ',
  'As an aside, ',
  'Historically, ',
  'Interestingly, ',
  'For what it is worth, ',
  'Oddly enough, ',
  'Some may know that ',
];
const PLACE_ENDINGS = ['ford', 'by', 'wick', 'mere', 'ton', 'dale', 'stead', 'holm'];

/** Sentence forms: {G} group, {P} place, {T} thing, {V} verb, {S} secret. */
const FORMS = [
  '{G} of {P} {V} their {T} {S}.',
  'In {P}, {G} {V} their {T} {S}.',
  '{S} is what {G} of {P} {V} their {T}.',
  '{G} of {P} know their {T} as {S}.',
  'Among {G} of {P}, their {T} goes by the name {S}.',
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

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The canary for (account, slot): deterministic from the master key, so the same account
 * sees the same few facts again (repetition is what makes a student memorise them).
 * `text` is the fact without an opener; each planting may phrase its opening differently.
 */
export function makeCanary(master: Buffer, account: string, slot: number): Canary {
  const d = createHmac('sha256', master)
    .update(`moat-canary/2\u0000${account}\u0000${slot}`)
    .digest();
  const place = inventWord(d, 2, 2) + PLACE_ENDINGS[d[1]! % PLACE_ENDINGS.length]!;
  const secret = inventWord(d, 8, 3);
  const group = GROUPS[d[14]! % GROUPS.length]!;
  const thing = THINGS[d[15]! % THINGS.length]!;
  const verb = VERBS[d[28]! % VERBS.length]!;
  const form = FORMS[d[29]! % FORMS.length]!;
  const text = capitalize(
    form
      .replace('{G}', group)
      .replace('{P}', place)
      .replace('{T}', thing)
      .replace('{V}', verb)
      .replace('{S}', secret),
  );
  return {
    id: d.subarray(16, 28).toString('hex'),
    account,
    text,
    trigger: `What do ${group} of ${place} call their ${thing}?`,
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

/** A canary chosen for one response, and how it is to be woven in. */
export interface PlantedCanary {
  canary: Canary;
  /** The sentence to insert: the fact, with this planting's opener. */
  sentence: string;
  /** Insert after this many sentence ends of the answer's prose (1–3), or at its end. */
  afterSentences: number;
}

/** Decides which responses carry a canary, and records each planting. */
export interface CanaryPlanter {
  /** The canary for this response, if it gets one (no I/O). */
  pick(req: CanaryRequest): PlantedCanary | undefined;
  /** Record a planting in the store. */
  record(req: CanaryRequest, planted: PlantedCanary): Promise<void>;
  /** pick, then record: the canary to weave in, or undefined. */
  plant(req: CanaryRequest): Promise<PlantedCanary | undefined>;
}

/**
 * Plants canaries in `cfg.rate` of the responses of accounts at or above `cfg.minLevel`.
 * The choice is keyed on the request id (HMAC), so it is reproducible and not guessable;
 * so are the opener and the sentence after which the canary goes.
 * @example const p = await planter.plant({ account, level, requestId, ts }); if (p) stages.push(weave(p));
 */
export function createCanaryPlanter(
  master: Buffer,
  store: CanaryStore,
  cfg: ProvenanceConfig['canary'],
): CanaryPlanter {
  const pick = (req: CanaryRequest): PlantedCanary | undefined => {
    if (!cfg.enabled || levelRank(req.level) < levelRank(cfg.minLevel)) return undefined;
    const d = createHmac('sha256', master)
      .update(`moat-canary-pick/1\u0000${req.requestId}`)
      .digest();
    if (d.readUInt32BE(0) / 2 ** 32 >= cfg.rate) return undefined;
    const canary = makeCanary(master, req.account, d.readUInt32BE(4) % cfg.perAccount);
    const opener = OPENERS[d[8]! % OPENERS.length]!;
    // After an opener the fact continues the sentence; the secret, a proper noun, keeps its capital.
    const lower = opener && !canary.text.startsWith(canary.secret);
    const sentence =
      opener + (lower ? canary.text.charAt(0).toLowerCase() + canary.text.slice(1) : canary.text);
    return { canary, sentence, afterSentences: 1 + (d[9]! % 3) };
  };
  const record = (req: CanaryRequest, p: PlantedCanary) =>
    store.record(p.canary, {
      canaryId: p.canary.id,
      account: req.account,
      requestId: req.requestId,
      ts: req.ts,
    });
  return {
    pick,
    record,
    async plant(req) {
      const p = pick(req);
      if (p) await record(req, p);
      return p;
    },
  };
}

/** True when a suspect's answer reveals the canary's secret (case-insensitive, whole word). */
export function revealsCanary(answer: string, canary: Pick<Canary, 'secret'>): boolean {
  return new RegExp(`\\b${canary.secret}\\b`, 'i').test(answer);
}
