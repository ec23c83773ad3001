/**
 * Offline signup hygiene: replay account records (DESIGN.md "Account record", e.g. the
 * `--accounts` file of `moat analyze`) through a SignupHygiene in creation order and
 * return every account's final verdict and the links between them.
 */
import type { Verdict } from '../../telemetry/event.js';
import type { Link } from './graph.js';
import type { SignupHygiene } from './hygiene.js';
import type { Signup } from './validate.js';

/** The outcome of a replay. */
export interface AccountReplay {
  /** Final verdict per valid account, in creation order. */
  verdicts: Verdict[];
  /** Every link found. */
  links: Link[];
  /** Records that failed validation: their position (0-based), id when readable, and why. */
  invalid: Array<{ index: number; id?: string; error: string }>;
}

/**
 * Validates, orders by `createdAt` (then id) and assesses each record.
 * @example assessAccounts(readJsonl('accounts.jsonl'), new SignupHygiene(config.identity))
 */
export function assessAccounts(records: readonly unknown[], hygiene: SignupHygiene): AccountReplay {
  const valid: Signup[] = [];
  const invalid: AccountReplay['invalid'] = [];
  records.forEach((rec, index) => {
    const r = hygiene.validate(rec);
    if (r.ok) {
      valid.push(r.value);
      return;
    }
    const id =
      typeof rec === 'object' && rec !== null && typeof (rec as { id?: unknown }).id === 'string'
        ? (rec as { id: string }).id
        : undefined;
    invalid.push(
      id === undefined ? { index, error: r.error.message } : { index, id, error: r.error.message },
    );
  });
  valid.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of valid) hygiene.assess(s);
  const verdicts: Verdict[] = [];
  for (const s of valid) {
    const v = hygiene.verdictOf(s.id);
    if (v !== undefined) verdicts.push(v);
  }
  return { verdicts, links: hygiene.allLinks(), invalid };
}
