import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { evaluate, readTimeline, readVerdicts, type LabelsDoc } from '../../eval/evaluate.js';
import { writeReport } from '../../eval/report.js';
import { LEVELS, type Level } from '../../telemetry/event.js';
import { readFileSync } from 'node:fs';

const usage = `Usage: moat eval --verdicts FILE --labels FILE [--events FILE] [--timeline FILE] --out DIR [--json]

Scores detector verdicts against simulator labels: precision, recall and FPR per level
and per persona/campaign, ROC-AUC; with --events also requests until detection, attacker
yield and benign friction. Writes DIR/eval.json, DIR/report.md and SVG plots.

  --verdicts FILE   verdicts.json from "moat analyze" ({"accounts": [verdict…]})
  --labels FILE     labels.json from "moat simulate"
  --events FILE     events.jsonl the verdicts came from (needed for request-level metrics)
  --timeline FILE   JSONL of verdicts as they changed (exact requests-to-detect);
                    without it the final verdicts stand in (approximation, noted in the report)
  --level LEVEL     headline level: detected = this level or above (default throttle)
  --out DIR         output folder (created)
  --title TEXT      report title
  --json            print eval.json to stdout as well
`;

/** `moat eval`: the evaluation (src/eval). */
export const command: Command = {
  name: 'eval',
  summary: 'Score verdicts against simulator labels; JSON, Markdown and SVG report',
  usage,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        verdicts: { type: 'string' },
        labels: { type: 'string' },
        events: { type: 'string' },
        timeline: { type: 'string' },
        level: { type: 'string' },
        out: { type: 'string' },
        title: { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    if (!values.verdicts || !values.labels || (!values.out && !values.json))
      throw new UsageError('--verdicts, --labels and --out (or --json) are required');
    const level = (values.level ?? 'throttle') as Level;
    if (!LEVELS.includes(level) || level === 'allow')
      throw new UsageError(
        `--level: expected one of ${LEVELS.slice(1).join(', ')}, got "${values.level}"`,
      );
    const labels = JSON.parse(readFileSync(values.labels, 'utf8')) as LabelsDoc;
    if (typeof labels.accounts !== 'object' || labels.accounts === null)
      throw new Error(
        `${values.labels}: expected {"accounts": {id: {malicious, persona, campaign}}}`,
      );
    const result = await evaluate({
      verdicts: readVerdicts(values.verdicts),
      labels,
      level,
      ...(values.events ? { events: values.events } : {}),
      ...(values.timeline ? { timeline: await readTimeline(values.timeline) } : {}),
    });
    if (values.out) writeReport(resolve(values.out), result, values.title);
    if (values.json) ctx.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
      const at = result.byLevel.find((s) => s.level === level);
      const pct = (x: number | null | undefined) =>
        x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(2)}%`;
      ctx.stdout.write(
        `${result.accounts.total} accounts (${result.accounts.malicious} attack). At ${level}+: precision ${pct(at?.precision)}, recall ${pct(at?.recall)}, FPR ${pct(at?.fpr)}; AUC ${result.auc?.toFixed(4) ?? 'n/a'}\n` +
          (result.requestsToDetect
            ? `median requests to detect ${result.requestsToDetect.median ?? 'n/a'} (${result.requestsToDetect.mode}); attacker yield ${pct(result.yield?.share)}; benign friction ${pct(result.friction?.share)}\n`
            : '') +
          result.targets
            .map((t) => `  ${t.met === null ? '?' : t.met ? 'ok  ' : 'MISS'} ${t.name} ${t.target}`)
            .join('\n') +
          `\nWrote ${resolve(values.out ?? '.')}/report.md\n`,
      );
    }
    return 0;
  },
};
