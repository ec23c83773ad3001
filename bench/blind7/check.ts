// Well-formedness check: npx tsx bench/blind7/check.ts DIR
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '.';
  const accounts = new Set<string>();
  for (const line of readFileSync(join(dir, 'accounts.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const a = JSON.parse(line) as { id: string };
    accounts.add(a.id);
  }
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
    accounts: Record<string, unknown>;
    campaigns: { accounts: string[] }[];
  };
  const problems: string[] = [];
  for (const c of labels.campaigns)
    for (const id of c.accounts)
      if (!labels.accounts[id]) problems.push(`campaign member ${id} unlabelled`);
  let n = 0;
  let last = -Infinity;
  const rl = createInterface({ input: createReadStream(join(dir, 'events.jsonl')) });
  const required = [
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
  for await (const line of rl) {
    n++;
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`line ${n}: invalid JSON`);
      continue;
    }
    for (const k of required) if (!(k in e)) problems.push(`line ${n}: missing ${k}`);
    const ts = e['ts'] as number;
    if (ts < last) problems.push(`line ${n}: ts out of order`);
    last = ts;
    const acc = e['account'] as string;
    if (!accounts.has(acc)) problems.push(`line ${n}: account ${acc} not in accounts.jsonl`);
    if (!labels.accounts[acc]) problems.push(`line ${n}: account ${acc} not in labels.json`);
    const req = e['request'] as Record<string, unknown>;
    if (!Array.isArray(req['messages'])) problems.push(`line ${n}: request.messages missing`);
    if (problems.length > 20) break;
  }
  console.log(`${dir}: ${n} events, ${accounts.size} accounts, ${problems.length} problems`);
  for (const p of problems.slice(0, 20)) console.log('  ' + p);
  if (problems.length) process.exitCode = 1;
}

void main();
