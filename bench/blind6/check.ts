// Well-formedness check: npx tsx bench/blind6/check.ts DIR
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
const dir = process.argv[2] ?? '.';
const accts = new Set(
  readFileSync(join(dir, 'accounts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id as string),
);
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
let n = 0,
  bad = 0,
  unsorted = 0,
  missing = 0,
  prev = -Infinity;
const need = [
  'ts',
  'account',
  'key',
  'requestId',
  'ip',
  'userAgent',
  'ja4',
  'headerOrder',
  'endpoint',
  'model',
  'request',
  'response',
  'status',
  'action',
];
const fam = new Map<string, number>();
const rl = createInterface({
  input: createReadStream(join(dir, 'events.jsonl')),
  crlfDelay: Infinity,
});
for await (const line of rl) {
  n++;
  let e: any;
  try {
    e = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  for (const k of need)
    if (e[k] === undefined) {
      bad++;
      break;
    }
  if (!e.request?.messages) bad++;
  if (e.ts < prev) unsorted++;
  prev = e.ts;
  if (!accts.has(e.account) || !labels.accounts[e.account]) missing++;
  const f = labels.accounts[e.account]?.family ?? '?';
  fam.set(f, (fam.get(f) ?? 0) + 1);
}
const labelIds = Object.keys(labels.accounts);
const mal = labelIds.filter((id) => labels.accounts[id].malicious).length;
const campOk = labels.campaigns.every((c: any) =>
  c.accounts.every(
    (id: string) => labels.accounts[id]?.malicious && labels.accounts[id].campaign === c.id,
  ),
);
console.log(
  JSON.stringify({
    events: n,
    badLines: bad,
    unsorted,
    unknownAccount: missing,
    accounts: accts.size,
    labelled: labelIds.length,
    allLabelled: labelIds.every((id) => accts.has(id)) && labelIds.length === accts.size,
    malicious: mal,
    campaigns: labels.campaigns.length,
    campaignsConsistent: campOk,
    families: fam.size,
  }),
);
