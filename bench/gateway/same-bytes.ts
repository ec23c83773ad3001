/**
 * Equivalence check for gateway cost work (issue 19): this tree and a git revision serve the
 * same requests from the same data (one data dir copied: same watermark and signing keys,
 * account and API key) and must answer with the same bytes. The upstream double serves a
 * seeded corpus — lexicon words (so the watermark rewrites), contractions, non-ASCII text,
 * emoji, code, line breaks — as JSON and as OpenAI streams cut at random byte offsets
 * (inside events and inside UTF-8 characters) with several events per read at times.
 *
 * Compared: JSON bodies and stream bytes exactly, after blanking what differs by design
 * between two processes (request ids, the `Date` header, receipts' `ts` and `requestId`,
 * their signatures and batch proofs); each receipt must verify against its own process's
 * public key and sign the same text digest, account, key id and model.
 *
 *   npx tsx bench/gateway/same-bytes.ts --baseline 135236e [--requests 400] [--seed 1]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LEXICON_PAIRS } from '../../src/provenance/watermark/lexicon-data.js';
import { keysFromJwks, verifyReceipt } from '../../src/provenance/index.js';
import { seeded } from '../../src/random/seeded.js';
import { compileMoat, compileMoatAt, freePort, stopChild, waitUp } from './contenders.js';

const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string', default: 'HEAD' },
    requests: { type: 'string', default: '400' },
    seed: { type: 'string', default: '1' },
  },
});
const ADMIN = 'same-bytes-admin-token-0123456789abcdef';

const EXTRA = [
  "don't",
  "can't",
  "it's",
  'café',
  'naïve',
  'Straße',
  '🦀',
  '日本語の文',
  'x = 1;',
  '"quoted"',
  '{"k": [1, 2]}',
  'the',
  'and',
  'of',
  'a',
  'river',
  'valley',
  '\n',
  '\n\n',
  '- item',
  '1.',
  '\\',
  '\t',
];

function corpusText(r: () => number): string {
  const words: string[] = [];
  const n = 5 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    if (r() < 0.45) {
      const g = LEXICON_PAIRS[Math.floor(r() * LEXICON_PAIRS.length)]!;
      let w = g[Math.floor(r() * g.length)]!;
      if (r() < 0.1) w = w[0]!.toUpperCase() + w.slice(1);
      words.push(w + (r() < 0.1 ? '.' : r() < 0.05 ? ',' : ''));
    } else words.push(EXTRA[Math.floor(r() * EXTRA.length)]!);
  }
  return words.join(' ');
}

/** The OpenAI stream of `text`: deltas of 1–12 characters, then finish, usage when asked, [DONE]. */
function streamBytes(text: string, usage: boolean, r: () => number): Buffer {
  const base = { id: 'chatcmpl-same', object: 'chat.completion.chunk', created: 1, model: 'm' };
  const ev = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
  let out = ev({
    ...base,
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  });
  const chars = [...text];
  for (let i = 0; i < chars.length;) {
    const k = 1 + Math.floor(r() * 12);
    const content = chars.slice(i, i + k).join('');
    i += k;
    out += ev({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
  }
  out += ev({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  if (usage)
    out += ev({
      ...base,
      choices: [],
      usage: { prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 },
    });
  return Buffer.from(out + 'data: [DONE]\n\n');
}

/** Write `bytes` in pieces cut at random offsets, a turn of the event loop between them. */
function writeCut(res: ServerResponse, bytes: Buffer, r: () => number): void {
  const cuts: number[] = [];
  for (let at = 0; at < bytes.length;) {
    at += 1 + Math.floor(r() * (r() < 0.3 ? 8 : 400));
    cuts.push(Math.min(at, bytes.length));
  }
  let from = 0;
  const step = () => {
    const to = cuts.shift();
    if (to === undefined || res.destroyed) return void res.end();
    res.write(bytes.subarray(from, to));
    from = to;
    setImmediate(step);
  };
  step();
}

/** The upstream double: the corpus text named by the last user message (`case N`). */
async function startUpstream(seed: number): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"object":"list","data":[{"id":"m","object":"model"}]}');
      }
      const body = JSON.parse(Buffer.concat(parts).toString()) as {
        messages: Array<{ content: string }>;
        stream?: boolean;
        stream_options?: { include_usage?: boolean };
      };
      const n = Number(/case (\d+)/.exec(body.messages.at(-1)!.content)![1]);
      const r = seeded(seed * 1_000_003 + n);
      const text = corpusText(r);
      if (body.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        return writeCut(res, streamBytes(text, body.stream_options?.include_usage === true, r), r);
      }
      const json = JSON.stringify({
        id: 'chatcmpl-same',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 },
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(json);
    });
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}/v1`, close: () => server.close() };
}

interface Gateway {
  root: string;
  child: ChildProcess;
}

async function startGateway(launcher: string, dataDir: string, upstream: string): Promise<Gateway> {
  const port = await freePort();
  const child = spawn(process.execPath, [launcher, 'serve'], {
    env: {
      ...process.env,
      MOAT_PORT: String(port),
      MOAT_HOST: '127.0.0.1',
      MOAT_DATA_DIR: dataDir,
      MOAT_ADMIN_TOKEN: ADMIN,
      MOAT_UPSTREAM_URL: upstream,
      MOAT_CONFIG: '',
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const root = `http://127.0.0.1:${port}`;
  await waitUp(`${root}/healthz`, 30_000);
  return { root, child };
}

/** Blank what two processes differ in by design; return the receipts found. */
function normalise(text: string): { text: string; receipts: string[] } {
  const receipts: string[] = [];
  const out = text
    .replace(/: moat-receipt (\{.*\})\n/g, (_m, json: string) => {
      const r = JSON.parse(json) as { receipt: string; choice?: number };
      receipts.push(r.receipt);
      return `: moat-receipt {choice ${String(r.choice)}}\n`;
    })
    .replace(/req_[0-9a-z]+/g, 'req_X');
  return { text: out, receipts };
}

/** Receipt fields that must match between builds (ts, requestId, signature and proof may not). */
function receiptKey(receipt: string, text: string, keys: ReturnType<typeof keysFromJwks>): string {
  const check = verifyReceipt(text, receipt, keys);
  if (!check.ok) throw new Error(`receipt does not verify: ${check.reason}`);
  const f = check.fields;
  return JSON.stringify([f.sha256, f.account, f.keyId, f.model, f.choice ?? null]);
}

/** The text a client accumulates from an OpenAI stream (choice 0). */
function streamedText(body: string): string {
  let t = '';
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const ev = JSON.parse(line.slice(6)) as {
      choices?: Array<{ delta?: { content?: string } }>;
    };
    t += ev.choices?.[0]?.delta?.content ?? '';
  }
  return t;
}

async function main(): Promise<void> {
  const n = Number(args.requests);
  const seed = Number(args.seed);
  const upstream = await startUpstream(seed);
  const mine = compileMoat(join(tmpdir(), 'moat-same-bytes'));
  const theirs = compileMoatAt(args.baseline, join(tmpdir(), 'moat-bench-ref'));
  // One data dir, made by the baseline, copied for both: same keys, account and API key.
  const made = mkdtempSync(join(tmpdir(), 'moat-same-bytes-data-'));
  const setup = await startGateway(theirs, made, upstream.url);
  const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
  await fetch(`${setup.root}/admin/v1/accounts`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ id: 'same', tier: 'free' }),
  });
  await fetch(`${setup.root}/admin/v1/accounts/same/limits`, {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({ requestsPerMinute: 1e9, tokensPerMinute: 1e11, tokensPerDay: 1e12 }),
  });
  const { key } = (await (
    await fetch(`${setup.root}/admin/v1/accounts/same/keys`, {
      method: 'POST',
      headers: admin,
      body: '{}',
    })
  ).json()) as { key: string };
  await stopChild(setup.child);
  const dirs = [0, 1].map((i) => {
    const d = mkdtempSync(join(tmpdir(), `moat-same-bytes-${i}-`));
    cpSync(made, d, { recursive: true });
    return d;
  });
  const gateways = [
    await startGateway(theirs, dirs[0]!, upstream.url),
    await startGateway(mine, dirs[1]!, upstream.url),
  ];
  const jwks = await Promise.all(
    gateways.map(async (g) =>
      keysFromJwks(
        (await (await fetch(`${g.root}/.well-known/moat-keys`)).json()) as Parameters<
          typeof keysFromJwks
        >[0],
      ),
    ),
  );
  let same = 0;
  let marked = 0;
  const diffs: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const stream = i % 2 === 1;
      const body = JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `case ${i}` }],
        ...(stream ? { stream: true } : {}),
        ...(stream && i % 4 === 3 ? { stream_options: { include_usage: true } } : {}),
      });
      const answers = await Promise.all(
        gateways.map(async (g, gi) => {
          const res = await fetch(`${g.root}/v1/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
          });
          const raw = await res.text();
          const { text, receipts } = normalise(raw);
          const header = res.headers.get('moat-receipt');
          if (header) receipts.push(header);
          const served = stream
            ? streamedText(raw)
            : ((JSON.parse(raw) as { choices: Array<{ message: { content: string } }> }).choices[0]
                ?.message.content ?? '');
          return {
            status: res.status,
            served,
            text,
            receipts: receipts.map((r) => receiptKey(r, served, jwks[gi]!)),
          };
        }),
      );
      const [a, b] = answers as [(typeof answers)[0], (typeof answers)[0]];
      // The upstream's own text, to count the answers the watermark rewrote.
      if (b.served !== corpusText(seeded(seed * 1_000_003 + i))) marked++;
      if (a.status === b.status && a.text === b.text && a.receipts.join() === b.receipts.join())
        same++;
      else if (diffs.length < 3)
        diffs.push(`case ${i}:\n--- ${args.baseline}\n${a.text}\n--- this tree\n${b.text}`);
    }
  } finally {
    for (const g of gateways) await stopChild(g.child);
    upstream.close();
  }
  process.stdout.write(
    `${same}/${n} responses identical (${args.baseline} against this tree; JSON and streams alternate; the watermark rewrote ${marked})\n`,
  );
  for (const d of diffs) process.stdout.write(`${d}\n`);
  if (same !== n) process.exitCode = 1;
}

await main();
