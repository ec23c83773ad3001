import type { CheckpointSigner } from '../audit/signer.js';
import type { UsageReport } from './report.js';

/** A rendered, signed report: the exact bytes and an Ed25519 signature over them. */
export interface SignedReport {
  body: Buffer;
  contentType: string;
  /** Detached Ed25519 signature (RFC 8032) over `body`, base64. */
  signature: string;
  keyId: string;
  /** Signer's public key, DER SPKI base64 (check it against the operator's published key). */
  publicKey: string;
}

// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
function cell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The report as CSV in long form, `section,item,metric,value`, one fact per row, so a
 * spreadsheet can pivot it: totals, per-model usage, actions, levels and level changes.
 */
export function usageCsv(r: UsageReport): string {
  const rows: Array<Array<string | number | null>> = [['section', 'item', 'metric', 'value']];
  rows.push(
    ['report', r.subject.kind, 'id', r.subject.id],
    ['report', 'period', 'from', r.period.from],
    ['report', 'period', 'to', r.period.to],
    ['report', 'generated', 'at', r.generatedAt],
  );
  for (const [k, v] of Object.entries(r.totals)) rows.push(['totals', 'all', k, v]);
  for (const m of r.models)
    for (const k of ['requests', 'inputTokens', 'outputTokens'] as const)
      rows.push(['model', m.model, k, m[k]]);
  for (const [k, v] of Object.entries(r.actions)) rows.push(['actions', k, 'count', v]);
  for (const [k, v] of Object.entries(r.byAction)) rows.push(['by_action', k, 'count', v]);
  for (const a of r.accounts)
    rows.push(
      ['level', a, 'at_start', r.levels.atStart[a] ?? null],
      ['level', a, 'current', r.levels.current[a] ?? null],
    );
  for (const c of r.levels.changes)
    rows.push([
      'level_change',
      c.account,
      new Date(c.ts).toISOString(),
      `${c.from ?? ''}->${c.to ?? 'unpinned'} by ${c.actor}${c.reason ? `: ${c.reason}` : ''}`,
    ]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Render a report as JSON or CSV and sign the exact bytes. */
export function signReport(
  r: UsageReport,
  format: 'json' | 'csv',
  signer: CheckpointSigner,
): SignedReport {
  const body = Buffer.from(
    format === 'csv' ? usageCsv(r) : JSON.stringify(r, null, 2) + '\n',
    'utf8',
  );
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    signature: signer.signBytes(body),
    keyId: signer.keyId,
    publicKey: signer.publicKeyDer,
  };
}

/** The `moat-signature` header value of a signed report. */
export function signatureHeader(s: SignedReport): string {
  return `ed25519; keyid=${s.keyId}; sig=${s.signature}`;
}
