/** Writes an evaluation's files: eval.json, report.md and the SVG plots. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalResult, GroupStats } from './evaluate.js';
import { barChart, hbarChart, lineChart } from './svg.js';

const pct = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
const n = (x: number | null | undefined): string =>
  x === null || x === undefined
    ? 'n/a'
    : Number.isInteger(x)
      ? x.toLocaleString('en-US')
      : x.toFixed(1);

/** The plots of a result, by file name. */
export function plots(r: EvalResult): Record<string, string> {
  const out: Record<string, string> = {
    'roc.svg': lineChart({
      title: `ROC (AUC ${r.auc === null ? 'n/a' : r.auc.toFixed(4)})`,
      xLabel: 'false-positive rate (benign accounts)',
      yLabel: 'true-positive rate (attack accounts)',
      series: [{ name: 'detector score', points: r.roc.map((p) => [p.fpr, p.tpr]) }],
      diagonal: true,
    }),
    'persona-fpr.svg': hbarChart({
      title: `Benign accounts flagged at ${r.level}+ (FPR by persona)`,
      xLabel: 'false-positive rate',
      bars: r.personas
        .filter((p) => !p.malicious)
        .map((p) => ({ label: p.name, value: p.rate, note: `${pct(p.rate)} of ${p.accounts}` })),
      max: Math.max(0.01, ...r.personas.filter((p) => !p.malicious).map((p) => p.rate)),
    }),
    'campaign-recall.svg': hbarChart({
      title: `Attack accounts detected at ${r.level}+ (recall by persona)`,
      xLabel: 'recall',
      bars: r.personas
        .filter((p) => p.malicious)
        .map((p) => ({ label: p.name, value: p.rate, note: `${pct(p.rate, 1)} of ${p.accounts}` })),
      max: 1,
      color: '#16a34a',
    }),
  };
  if (r.requestsToDetect)
    out['requests-to-detect.svg'] = barChart({
      title: `Requests served before ${r.level}+ (${r.requestsToDetect.mode})`,
      xLabel: 'requests',
      yLabel: 'attack accounts',
      bars: r.requestsToDetect.histogram.map((h) => ({ label: h.bin, value: h.count })),
    });
  return out;
}

function groupRow(g: GroupStats, levels: string[]): string {
  const flagged = levels.map((l) => String(g.flagged[l] ?? 0)).join(' | ');
  return `| ${g.name}${g.kind && g.kind !== g.name ? ` (${g.kind})` : ''} | ${g.accounts} | ${flagged} | ${pct(g.rate)} | ${n(g.medianRequestsToDetect)} | ${pct(g.throttledShare)} |`;
}

/** One line per shortfall against the targets, by campaign and persona. */
export function failures(r: EvalResult): string[] {
  const out: string[] = [];
  const kind = (c: GroupStats): string => (c.kind && c.kind !== c.name ? ` (${c.kind})` : '');
  for (const c of r.campaigns) {
    if (c.rate < 0.99)
      out.push(
        `- campaign ${c.name}${kind(c)}: ${c.flagged[r.level] ?? 0} of ${c.accounts} accounts detected at ${r.level}+ (${pct(c.rate, 1)}).`,
      );
    if ((c.medianRequestsToDetect ?? 0) > 100)
      out.push(
        `- campaign ${c.name}${kind(c)}: median ${n(c.medianRequestsToDetect)} requests before ${r.level}+.`,
      );
  }
  for (const p of r.personas.filter((x) => !x.malicious)) {
    if (p.rate > 0.001)
      out.push(
        `- honest persona ${p.name}: ${p.flagged[r.level] ?? 0} of ${p.accounts} accounts at ${r.level}+ at the end (FPR ${pct(p.rate)}).`,
      );
    if ((p.throttledShare ?? 0) > 0.001)
      out.push(
        `- honest persona ${p.name}: ${pct(p.throttledShare)} of its requests served at throttle or worse (friction).`,
      );
  }
  return out.length
    ? out
    : [
        'No campaign below 99% recall or above 100 median requests to detect; no honest persona above 0.1% FPR or friction.',
      ];
}

/** The Markdown report. `title` and `commands` describe how the run was made. */
export function markdown(
  r: EvalResult,
  title = 'Moat evaluation',
  commands: string[] = [],
): string {
  const levels = r.byLevel.map((s) => s.level);
  const lines: string[] = [`# ${title}`, ''];
  if (commands.length) lines.push('Commands:', '', '```sh', ...commands, '```', '');
  lines.push(
    `Accounts: ${n(r.accounts.total)} (${n(r.accounts.malicious)} attack, ${n(r.accounts.benign)} benign). Headline level: **${r.level}+**.`,
    '',
  );
  lines.push('## Targets', '', '| metric | target | value | met |', '|---|---|---|---|');
  for (const t of r.targets)
    lines.push(
      `| ${t.name} | ${t.target} | ${t.value === null ? 'n/a' : t.name.startsWith('median') ? n(t.value) : pct(t.value, 3)} | ${t.met === null ? 'n/a' : t.met ? 'yes' : '**no**'} |`,
    );
  lines.push(
    '',
    '## By level',
    '',
    '| level+ | TP | FP | FN | TN | precision | recall | FPR |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const s of r.byLevel)
    lines.push(
      `| ${s.level} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.fpr, 3)} |`,
    );
  lines.push(
    '',
    `ROC-AUC: ${r.auc === null ? 'n/a' : r.auc.toFixed(4)}. Best recall with a score threshold at FPR ≤ ${pct(r.recallAtFpr.maxFpr, 1)}: ${pct(r.recallAtFpr.recall)} (FPR ${pct(r.recallAtFpr.fpr, 3)}, threshold ${r.recallAtFpr.threshold ?? 'n/a'}).`,
    '',
  );
  if (r.requestsToDetect) {
    const d = r.requestsToDetect;
    lines.push(
      `## Requests until detection (${d.level}+, ${d.mode})`,
      '',
      `Detected ${d.detected} attack accounts, ${d.undetected} never. Median ${n(d.median)}, p90 ${n(d.p90)}, mean ${n(d.mean)}.`,
      '',
    );
  }
  if (r.yield && r.friction)
    lines.push(
      `Attacker yield (attack requests served below throttle): ${pct(r.yield.share)} of ${n(r.yield.attackRequests)}. Benign friction (honest requests served at throttle or worse): ${pct(r.friction.share, 3)} of ${n(r.friction.benignRequests)}.`,
      '',
    );
  const head = `| group | accounts | ${levels.join(' | ')} | rate at ${r.level}+ | median requests before ${r.level}+ | requests at throttle+ |`;
  const sep = `|---|---|${levels.map(() => '---|').join('')}---|---|---|`;
  lines.push(
    '## Attack personas (rate = recall)',
    '',
    head,
    sep,
    ...r.personas.filter((p) => p.malicious).map((g) => groupRow(g, levels)),
    '',
  );
  lines.push(
    '## Honest personas (rate = false-positive rate)',
    '',
    head,
    sep,
    ...r.personas.filter((p) => !p.malicious).map((g) => groupRow(g, levels)),
    '',
  );
  lines.push('## Campaigns', '', head, sep, ...r.campaigns.map((g) => groupRow(g, levels)), '');
  lines.push('## Where it fails', '', ...failures(r), '');
  lines.push(
    '',
    '## Plots',
    '',
    '![ROC](roc.svg)',
    '',
    '![FPR by persona](persona-fpr.svg)',
    '',
    '![Recall by attack persona](campaign-recall.svg)',
    '',
  );
  if (r.requestsToDetect) lines.push('![Requests to detect](requests-to-detect.svg)', '');
  if (r.notes.length) lines.push('## Notes', '', ...r.notes.map((x) => `- ${x}`), '');
  return lines.join('\n');
}

/** Write eval.json, report.md and the plots into `dir`; returns the paths written. */
export function writeReport(
  dir: string,
  r: EvalResult,
  title?: string,
  commands?: string[],
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'eval.json': JSON.stringify(r, null, 1) + '\n',
    'report.md': markdown(r, title, commands),
    ...plots(r),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return Object.keys(files).map((f) => join(dir, f));
}
