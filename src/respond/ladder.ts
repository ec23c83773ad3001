/**
 * The enforcement ladder: from the detector's verdict (or an admin's pin, which wins until
 * it is removed or expires) to the action applied to a request. Effects are cumulative:
 * `throttle` scales per-minute limits; `degrade` also transforms the request and withholds
 * reasoning; `challenge` also demands proof of work; `block` refuses with a reference.
 */
import { z } from 'zod';
import { LEVELS, levelRank, type Level, type Verdict } from '../telemetry/event.js';

/** An admin's pin: `PUT /admin/v1/accounts/{id}/level`. */
export interface LevelPin {
  level: Level;
  reason: string;
  /** Epoch ms after which the pin no longer applies. */
  until?: number | undefined;
}

/**
 * Body of `PUT /admin/v1/accounts/{id}/level`: `until` is epoch ms or an ISO 8601 string
 * and must lie in the future (checked by `validatePin`); unknown fields are rejected.
 */
export const levelPinSchema = z
  .object({
    level: z.enum(LEVELS),
    reason: z.string().trim().min(1).max(1000),
    until: z
      .union([
        z.number().int().positive(),
        z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
      ])
      .optional(),
  })
  .strict();

/** Parses a pin body; a past `until` is an error, not a pin that silently never applies. */
export function validatePin(
  body: unknown,
  now = Date.now(),
): { ok: true; value: LevelPin } | { ok: false; error: string } {
  const r = levelPinSchema.safeParse(body);
  if (!r.success)
    return {
      ok: false,
      error: r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    };
  if (r.data.until !== undefined && r.data.until <= now)
    return { ok: false, error: 'until: must be in the future' };
  return { ok: true, value: r.data };
}

/** What the ladder decided for one request. */
export interface LadderDecision {
  action: Level;
  source: 'pin' | 'verdict' | 'default';
  reason: string;
  /** Risk score in [0, 1] (drives challenge difficulty); 1 for a pin. */
  score: number;
  /** Multiplier for per-minute limits (1 below `throttle`). */
  limitScale: number;
  degrade: boolean;
  challenge: boolean;
  block: boolean;
}

/** Inputs of `decideAction`. */
export interface LadderInput {
  verdict?: Verdict | null | undefined;
  pin?: LevelPin | null | undefined;
  now?: number | undefined;
}

function pinActive(pin: LevelPin | null | undefined, now: number): pin is LevelPin {
  return !!pin && (pin.until === undefined || pin.until > now);
}

/**
 * The action for a request. O(1), no I/O.
 * @example decideAction({ verdict, pin }, { throttleFactor: cfg.limits.throttleFactor }).action
 */
export function decideAction(input: LadderInput, opts: { throttleFactor: number }): LadderDecision {
  const now = input.now ?? Date.now();
  let action: Level = 'allow';
  let source: LadderDecision['source'] = 'default';
  let reason = '';
  let score = 0;
  if (pinActive(input.pin, now)) {
    ({ level: action, reason } = input.pin);
    source = 'pin';
    score = Math.max(input.verdict?.score ?? 0, levelRank(action) / (LEVELS.length - 1));
  } else if (input.verdict) {
    action = input.verdict.level;
    source = 'verdict';
    reason = input.verdict.reasons.map((r) => r.code).join(',');
    score = input.verdict.score;
  }
  const rank = levelRank(action);
  return {
    action,
    source,
    reason,
    score: Math.min(1, Math.max(0, score)),
    limitScale: rank >= levelRank('throttle') ? opts.throttleFactor : 1,
    degrade: rank >= levelRank('degrade'),
    challenge: action === 'challenge',
    block: action === 'block',
  };
}
