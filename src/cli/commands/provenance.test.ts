import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { main, makeContext } from '../main.js';
import { provenanceConfigSchema } from '../../provenance/config.js';
import { deriveAccountKey, loadOrCreateKeys } from '../../provenance/keys.js';
import { signReceipt } from '../../provenance/receipt.js';
import { watermarkText } from '../../provenance/watermark/embed.js';
import { createCanaryPlanter } from '../../provenance/canary.js';
import { openCanaryStore } from '../../extensions/canaries.js';
import { LEXICON_PAIRS } from '../../provenance/watermark/lexicon-data.js';
import { LEXICON_VERSION } from '../../provenance/watermark/lexicon.js';

/** Text dense in lexicon words with varied contexts (a fixture; tests never read ../shared). */
function fixtureText(n: number, seed: number): string {
  const fillers = ['the', 'a', 'we', 'it', 'they', 'our', 'some', 'each', 'this', 'one'];
  let s = seed;
  const rnd = (m: number): number => (s = (s * 1103515245 + 12345) % 2 ** 31) % m;
  const words: string[] = [];
  for (let i = 0; i < n; i++)
    words.push(
      fillers[rnd(fillers.length)]! + 'x'.repeat(rnd(3)),
      LEXICON_PAIRS[rnd(LEXICON_PAIRS.length)]![rnd(2)]!,
    );
  return words.join(' ') + '.';
}

async function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(args, makeContext(env, stdout, stderr));
  return { code, out, err };
}

/** A data dir with a fixed watermark key, so the statistical assertions are deterministic. */
/** A suspect endpoint's chat completion carrying `text`. */
function answer(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      choices: [{ message: { content: text } }],
      usage: { completion_tokens: 100 },
    }),
  );
}

function setup(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'moat-cli-prov-'));
  mkdirSync(join(dir, 'provenance'), { recursive: true });
  writeFileSync(join(dir, 'provenance', 'watermark.key'), '5a'.repeat(32) + '\n', { mode: 0o600 });
  return { dir, env: { MOAT_DATA_DIR: dir } };
}

test('provenance detect finds the data dir key without flags; clean text is not an error (issue 6)', async () => {
  const { dir, env } = setup();
  try {
    const keys = loadOrCreateKeys(dir, provenanceConfigSchema.parse({}));
    const store = await openCanaryStore({
      store: { kind: 'sqlite', schema: 'moat', poolMax: 1 },
      dataDirAbs: dir,
    });
    for (const a of ['acct_a', 'acct_b', 'acct_c']) await store.noteAccount(a, 1);
    await store.close();
    const text = fixtureText(300, 1);
    const accountKey = deriveAccountKey(keys.watermarkKey, 'acct_b');
    writeFileSync(join(dir, 'marked.txt'), watermarkText(keys.watermarkKey, text, { accountKey }));
    writeFileSync(join(dir, 'clean.txt'), text);
    const marked = await run(['provenance', 'detect', '--json', join(dir, 'marked.txt')], env);
    assert.equal(marked.code, 0, marked.err);
    const doc = JSON.parse(marked.out) as {
      verdict: string;
      pValue: number;
      trials: number;
      hits: number;
      tokens: number;
      accounts: { account: string }[];
      lexiconVersion: string;
    };
    assert.equal(doc.verdict, 'watermarked');
    assert.equal(doc.lexiconVersion, LEXICON_VERSION, 'the detector says which scheme it used');
    assert.ok(doc.pValue < 1e-4 && doc.tokens > 0 && doc.hits < doc.trials);
    assert.deepEqual(
      doc.accounts.map((a) => a.account),
      ['acct_b'],
    );
    const clean = await run(['provenance', 'detect', join(dir, 'clean.txt')], env);
    assert.equal(clean.code, 0);
    assert.match(clean.out, /^not watermarked/);
    const withKey = await run(
      ['provenance', 'detect', '--json', '--key', 'ab'.repeat(32), join(dir, 'marked.txt')],
      env,
    );
    assert.notEqual((JSON.parse(withKey.out) as { verdict: string }).verdict, 'watermarked');
    const short = await run(['provenance', 'detect', '--json', join(dir, 'nothing.txt')], env);
    assert.equal(short.code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('provenance verify: exit 0 only on a match, reason on stderr otherwise', async () => {
  const { dir, env } = setup();
  try {
    const keys = loadOrCreateKeys(dir, provenanceConfigSchema.parse({}));
    const receipt = signReceipt(keys.signing, 'the answer', {
      account: 'a',
      keyId: 'k',
      model: 'm',
      ts: 1,
      requestId: 'r',
    });
    writeFileSync(join(dir, 't.txt'), 'the answer');
    writeFileSync(join(dir, 'r.txt'), receipt + '\n');
    writeFileSync(join(dir, 'bad.txt'), 'the answer.');
    assert.equal(
      (await run(['provenance', 'verify', '--text', join(dir, 't.txt'), '--receipt', receipt], env))
        .code,
      0,
    );
    assert.equal(
      (
        await run(
          [
            'provenance',
            'verify',
            '--text',
            join(dir, 't.txt'),
            '--receipt',
            '@' + join(dir, 'r.txt'),
          ],
          env,
        )
      ).code,
      0,
    );
    const bad = await run(
      ['provenance', 'verify', '--text', join(dir, 'bad.txt'), '--receipt', receipt],
      env,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.err, /text does not match/);
    const junk = await run(
      ['provenance', 'verify', '--text', join(dir, 't.txt'), '--receipt', 'nonsense'],
      env,
    );
    assert.equal(junk.code, 1);
    assert.match(junk.err, /malformed receipt/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('provenance probe: canary hits, radioactivity, 429 retry, hung request, partial results (issue 6)', async () => {
  const { dir, env } = setup();
  const keys = loadOrCreateKeys(dir, provenanceConfigSchema.parse({}));
  const store = await openCanaryStore({
    store: { kind: 'sqlite', schema: 'moat', poolMax: 1 },
    dataDirAbs: dir,
  });
  const planter = createCanaryPlanter(keys.watermarkKey, store, {
    enabled: true,
    minLevel: 'allow',
    rate: 1,
    perAccount: 1,
  });
  await planter.plant({ account: 'acct_thief', level: 'block', requestId: 'r1', ts: 1 });
  await planter.plant({ account: 'acct_honest', level: 'block', requestId: 'r2', ts: 2 });
  await store.noteAccount('acct_thief', 1);
  await store.noteAccount('acct_honest', 2);
  const [thief] = (await store.canaries()).filter((c) => c.account === 'acct_thief');
  await store.close();
  let calls = 0;
  const thiefKey = deriveAccountKey(keys.watermarkKey, 'acct_thief');
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      calls++;
      if (calls === 1) return void res.writeHead(429, { 'retry-after': '0' }).end('slow down');
      if (calls === 3) return; // hangs: the client's timeout must fire
      const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages[0]!.content;
      const text =
        prompt === thief!.trigger
          ? `It is called ${thief!.secret}.`
          : watermarkText(keys.watermarkKey, fixtureText(60, calls), { accountKey: thiefKey });
      answer(res, text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const out = join(dir, 'probe.json');
    const r = await run(
      [
        'provenance',
        'probe',
        '--suspect',
        url,
        '--model',
        'm',
        '--max-requests',
        '12',
        '--timeout-ms',
        '300',
        '--out',
        out,
      ],
      env,
    );
    assert.equal(r.code, 0, r.err);
    const rep = JSON.parse(readFileSync(out, 'utf8')) as {
      requests: number;
      errors: unknown[];
      complete: boolean;
      implicatedAccounts: string[];
      canaries: { probed: number; hits: { account: string }[] };
      watermark: { verdict: string; pValue: number };
    };
    assert.equal(rep.requests, 12);
    assert.equal(rep.complete, false);
    assert.equal(rep.canaries.hits.length, 1);
    assert.equal(rep.canaries.hits[0]!.account, 'acct_thief');
    assert.equal(rep.watermark.verdict, 'watermarked');
    assert.deepEqual(rep.implicatedAccounts, ['acct_thief']);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('provenance probe against an endpoint that always fails exits 1 with the reason', async () => {
  const { dir, env } = setup();
  loadOrCreateKeys(dir, provenanceConfigSchema.parse({}));
  const server = createServer((_req, res) => void res.writeHead(400).end('bad model'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const r = await run(
      ['provenance', 'probe', '--suspect', url, '--model', 'm', '--max-requests', '3'],
      env,
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /HTTP 400/);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('provenance probe --served EVENTS: scores only served positions, reports counts, skips a malformed line (issue 6)', async () => {
  const { dir, env } = setup();
  const keys = loadOrCreateKeys(dir, provenanceConfigSchema.parse({}));
  const served = [1, 2, 3].map((s) => watermarkText(keys.watermarkKey, fixtureText(80, s)));
  const events = join(dir, 'events.jsonl');
  writeFileSync(
    events,
    [
      JSON.stringify({ ts: 1, account: 'acct_a', response: { text: served[0] } }),
      '{"ts": 2, "account": "acct_a", "respo',
      JSON.stringify({ ts: 3, account: 'acct_b', response: { text: served[1] } }),
      JSON.stringify({ ts: 4, account: 'acct_b', response: { text: served[2] } }),
    ].join('\n') + '\n',
  );
  let calls = 0;
  // The suspect repeats served text and mixes in text it learned elsewhere.
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const i = calls++;
      const text = i % 2 === 0 ? served[(i / 2) % 3]! : fixtureText(80, 100 + i);
      answer(res, text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const base = ['provenance', 'probe', '--suspect', url, '--model', 'm', '--max-requests', '8'];
    const r = await run([...base, '--served', events, '--json'], env);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /skipped .*events\.jsonl line 2: not JSON/);
    const rep = JSON.parse(r.out) as {
      watermark: {
        verdict: string;
        trials: number;
        served: { positions: number; matched: number };
      };
      servedFile: { events: number; lines: number; malformed: number };
    };
    assert.deepEqual(rep.servedFile, { events: 3, lines: 4, malformed: 1 });
    assert.ok(rep.watermark.served.positions > 100);
    assert.ok(
      rep.watermark.served.matched > 0 &&
        rep.watermark.served.matched <= rep.watermark.served.positions,
    );
    assert.ok(rep.watermark.trials <= rep.watermark.served.matched);
    assert.equal(rep.watermark.verdict, 'watermarked');
    calls = 0;
    const plain = await run([...base, '--json'], env);
    const p = JSON.parse(plain.out) as {
      watermark: { trials: number; served?: unknown };
      servedFile?: unknown;
    };
    assert.equal(p.watermark.served, undefined);
    assert.equal(p.servedFile, undefined);
    assert.ok(
      p.watermark.trials > rep.watermark.trials,
      'without --served the clean answers are scored too',
    );
    calls = 0;
    const human = await run([...base, '--served', events], env);
    assert.match(
      human.out,
      /served: \d+ positions from 3 events \(1 malformed lines skipped\); \d+ suspect positions matched/,
    );
    const missing = await run([...base, '--served', join(dir, 'nope.jsonl')], env);
    assert.notEqual(missing.code, 0);
    assert.match(missing.err, /no such file/);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
