import { z } from 'zod';
import type { Store, StoredAccount } from '../store/store.js';
import { LEVELS, levelRank, type Level, type Verdict } from '../telemetry/event.js';

/** Query of `GET /admin/v1/accounts`: filters, then a page of at most `limit` matches after `after`. */
export const accountSearchQuery = z
  .object({
    level: z.enum(LEVELS).optional().describe('exactly this level in force (pins included)'),
    minLevel: z.enum(LEVELS).optional().describe('this level or above'),
    tier: z.string().min(1).max(64).optional(),
    minScore: z.coerce.number().min(0).max(1).optional().describe("the detector's score, 0-1"),
    createdAfter: z.string().optional().describe('epoch ms or ISO 8601, inclusive'),
    createdBefore: z.string().optional().describe('epoch ms or ISO 8601, exclusive'),
    organization: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('organization given at signup or verified'),
    disabled: z.enum(['true', 'false']).optional(),
    q: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('substring of the id, name or email (case-insensitive)'),
    after: z.string().max(256).optional().describe('the `next` of the previous page'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export type AccountSearch = z.infer<typeof accountSearchQuery>;

/** An account as listed: the record plus its level and score now. */
export type ListedAccount = StoredAccount & { level: Level; score: number };

/** Most accounts read from the store for one page of matches (a bound on one request's work). */
const MAX_SCANNED = 200_000;

/**
 * Filter accounts page by page in id order: the store pages by id, the verdict cache gives
 * level and score. Returns the matches and the id to continue after (null at the end, or
 * when MAX_SCANNED accounts were read without filling the page — `next` then resumes).
 */
export async function searchAccounts(
  store: Store,
  verdictOf: (account: string) => { verdict: Verdict; level: Level },
  q: AccountSearch,
  times: { createdAfter: number | undefined; createdBefore: number | undefined },
): Promise<{ data: ListedAccount[]; next: string | null }> {
  const data: ListedAccount[] = [];
  const needle = q.q?.toLowerCase();
  let after = q.after;
  let scanned = 0;
  for (;;) {
    const page = await store.listAccounts({ limit: 1000, ...(after ? { after } : {}) });
    for (const a of page) {
      after = a.id;
      scanned++;
      const { verdict, level } = verdictOf(a.id);
      if (matches(a, level, verdict.score, q, times, needle)) {
        data.push({ ...a, level, score: verdict.score });
        if (data.length === q.limit) return { data, next: a.id };
      }
    }
    if (page.length < 1000) return { data, next: null };
    if (scanned >= MAX_SCANNED) return { data, next: after ?? null };
  }
}

function matches(
  a: StoredAccount,
  level: Level,
  score: number,
  q: AccountSearch,
  times: { createdAfter: number | undefined; createdBefore: number | undefined },
  needle: string | undefined,
): boolean {
  if (q.level && level !== q.level) return false;
  if (q.minLevel && levelRank(level) < levelRank(q.minLevel)) return false;
  if (q.tier && a.tier !== q.tier) return false;
  if (q.minScore !== undefined && score < q.minScore) return false;
  if (times.createdAfter !== undefined && a.createdAt < times.createdAfter) return false;
  if (times.createdBefore !== undefined && a.createdAt >= times.createdBefore) return false;
  if (
    q.organization &&
    a['organization'] !== q.organization &&
    a.verified?.organization !== q.organization
  )
    return false;
  if (
    q.disabled &&
    (a['disabled'] !== undefined && a['disabled'] !== null) !== (q.disabled === 'true')
  )
    return false;
  if (needle) {
    const hay = `${a.id}\n${a.name ?? ''}\n${a.email ?? ''}`.toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}
