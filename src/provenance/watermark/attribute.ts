import { deriveAccountKey } from '../keys.js';
import { scorePositions, type Position } from './detect.js';
import { PositionPrf } from './prf.js';

/** One account whose derived key matches a text. */
export interface AccountMatch {
  account: string;
  /** Exact p-value of the account key on its layer, Bonferroni-corrected over the accounts tried. */
  pValue: number;
  /** Account-layer positions holding the account key's choice. */
  hits: number;
  /** Account-layer positions scored. */
  trials: number;
}

/** Options of attributeAccounts. */
export interface AttributeOptions {
  /** `provenance.watermark.accountShare`: the share of positions that follow the account key. */
  share: number;
  /** Corrected p-values below it are reported. */
  alpha: number;
}

/**
 * Which accounts' derived keys match a text, scored only where the account key chose:
 * createWatermarker gives a position to the account key when the master key's `layer`
 * bits fall below `share`, so the other positions carry the master key's choice and are
 * noise for any account key. The layer bits are disjoint from the choice bits (prf.ts), so
 * under the null (a text not served to the account) each selected position still holds the
 * account key's choice with probability exactly 1/k and the binomial test stays exact;
 * dropping the noise roughly doubles the evidence per token (issue 15). Bonferroni over
 * the accounts tried, so thousands of accounts cannot make one match by chance.
 * @example attributeAccounts(master, ['acct_a', 'acct_b'], scanPositions(text).positions, { share: 0.5, alpha: 1e-4 })
 */
export function attributeAccounts(
  master: Buffer,
  accounts: readonly string[],
  positions: readonly Position[],
  opts: AttributeOptions,
): AccountMatch[] {
  if (accounts.length === 0 || opts.share <= 0) return [];
  const prf = new PositionPrf(master);
  const layer = positions.filter((p) => prf.bits(p.context, p.group, p.k).layer < opts.share);
  if (layer.length === 0) return [];
  const r = scorePositions(
    accounts.map((a) => deriveAccountKey(master, a)),
    layer,
    0,
  );
  return r.perKey
    .map((k, i) => ({
      account: accounts[i]!,
      pValue: Math.min(1, k.pValue * accounts.length),
      hits: k.hits,
      trials: k.trials,
    }))
    .filter((m) => m.pValue < opts.alpha)
    .sort((a, b) => a.pValue - b.pValue);
}
