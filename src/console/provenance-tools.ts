import type { MoatConfig } from '../config/config.js';
import { combine, knownAccounts } from '../cli/commands/provenance.js';
import { findWatermarkKey, loadPublicKeys } from '../provenance/keys.js';
import { verifyReceipt } from '../provenance/receipt.js';
import { detectWatermark } from '../provenance/watermark/detect.js';
import { LEXICON_VERSION } from '../provenance/watermark/lexicon.js';

/**
 * The provenance forensics of `moat provenance detect|verify`, as functions of a pasted
 * text for the admin API: the same tests (the master key and, Bonferroni-corrected, the
 * per-account keys of every account that received watermarked text).
 */
export function provenanceTools(config: MoatConfig, env: NodeJS.ProcessEnv) {
  return {
    async detect(text: string) {
      const { alpha, minTrials, accountShare, perAccount } = config.provenance.watermark;
      const master = findWatermarkKey(config.dataDirAbs, config.provenance, env);
      if (!master) {
        return {
          verdict: 'insufficient_evidence',
          pValue: 1,
          trials: 0,
          hits: 0,
          reason: 'no watermark key yet: nothing has been watermarked',
          accounts: [],
          lexiconVersion: LEXICON_VERSION,
        };
      }
      const r = detectWatermark([master], text, { alpha, minTrials });
      const accounts = await knownAccounts(config.dataDirAbs);
      const c = combine(master, accounts, text, r, { alpha, share: perAccount ? accountShare : 0 });
      return {
        verdict: c.verdict,
        pValue: c.pValue,
        trials: r.trials,
        hits: r.hits,
        reason: r.reason,
        accounts: c.matches,
        lexiconVersion: LEXICON_VERSION,
      };
    },
    verify(text: string, receipt: string) {
      const r = verifyReceipt(text, receipt, loadPublicKeys(config.dataDirAbs));
      return r.ok
        ? { ok: true, fields: r.fields }
        : { ok: false, reason: r.reason, fields: r.fields ?? null };
    },
  };
}
