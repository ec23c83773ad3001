import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { policySchema, type Policy } from './schema.js';

/** `{ok, value}` or `{ok: false, error}`: a policy, or every problem with its path. */
export type PolicyResult = { ok: true; value: Policy } | { ok: false; error: string };

function formatIssues(err: z.ZodError, source: string): string {
  const lines = err.issues.map(
    (i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
  );
  return `invalid policy in ${source}:\n${lines.join('\n')}`;
}

/**
 * Parse and validate policy YAML. Errors name the file, the path of each bad field and
 * what was expected (`tiers.free.limits.requestsPerMinute: Too small: expected number to be >0`),
 * or the line and column of a YAML syntax error.
 */
export function parsePolicy(text: string, source = 'policy'): PolicyResult {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    return { ok: false, error: `${source}: not valid YAML${where}: ${e.message.split('\n')[0]}` };
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: `${source}: expected a mapping at the top level` };
  const r = policySchema.safeParse(raw);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: formatIssues(r.error, source) };
}

/** The policy in force when no file is configured: one default tier, no contracts. */
export function defaultPolicy(): Policy {
  return policySchema.parse({ version: 1 });
}
