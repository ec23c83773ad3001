import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';
import type { CommandContext } from '../command.js';
import { loadConfig } from '../../config/config.js';
import { levelRank, type Level } from '../../telemetry/event.js';
import * as g from '../../detect/testdata/traffic.js';

function ctx(dir: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const env = { MOAT_DATA_DIR: join(dir, 'data') };
  const c: CommandContext = {
    config: () => loadConfig(env),
    env,
    stdout: out,
    stderr: err,
    isTTY: false,
  };
  return { c, out: () => stdout, err: () => stderr };
}

function fixture(dir: string): { events: string; accounts: string } {
  const r = g.rng(41);
  const evs = g.mergeByTime(
    g.chatUser(r, 'chat', 40),
    g.harvester(r, 'harv', 200),
    g.hydra(r, 'hy', 8, 15),
  );
  const lines = evs.map((e) => JSON.stringify(e));
  lines.splice(5, 0, 'this is not json', '{"ts":1,"request":{"messages":[]}}');
  const events = join(dir, 'events.jsonl');
  writeFileSync(events, lines.join('\n') + '\n');
  const accounts = join(dir, 'accounts.jsonl');
  writeFileSync(
    accounts,
    JSON.stringify({ id: 'harv', createdAt: '2026-01-04T00:00:00Z', route: 'startup-credits' }) +
      '\n',
  );
  return { events, accounts };
}

test('moat analyze: writes verdicts and clusters, reports malformed lines by number (issue 3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-analyze-'));
  try {
    const f = fixture(dir);
    const out = join(dir, 'verdicts.json');
    const t = ctx(dir);
    const code = await main(
      ['analyze', '--events', f.events, '--accounts', f.accounts, '--out', out, '--json'],
      t.c,
    );
    assert.equal(code, 0, t.err());
    assert.match(t.err(), /line 6: not valid JSON/);
    assert.match(t.err(), /line 7: missing "account"/);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      accounts: Array<{ account: string; level: string; cluster: string | null }>;
      clusters: Array<{ id: string; accounts: string[]; reasons: unknown[] }>;
    };
    const byId = new Map(doc.accounts.map((v) => [v.account, v]));
    assert.equal(byId.get('chat')!.level, 'allow');
    assert.notEqual(byId.get('harv')!.level, 'allow');
    assert.ok(doc.clusters.some((c) => c.accounts.includes('hy0') && c.accounts.includes('hy7')));
    const summary = JSON.parse(t.out()) as { events: number; malformed: number; accounts: number };
    assert.equal(summary.malformed, 2);
    assert.equal(summary.accounts, doc.accounts.length);

    // Same result from a gzipped log; same input → same verdicts.
    const gz = join(dir, 'events.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(f.events)));
    const out2 = join(dir, 'verdicts2.json');
    assert.equal(
      await main(['analyze', '--events', gz, '--accounts', f.accounts, '--out', out2], ctx(dir).c),
      0,
    );
    assert.deepEqual(JSON.parse(readFileSync(out2, 'utf8')), doc);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat analyze: fails when most lines are malformed, and needs --events', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-analyze-'));
  try {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      'a\nb\nc\n' + JSON.stringify(g.event({ ts: 1, account: 'x', user: 'hi' })) + '\n',
    );
    const t = ctx(dir);
    assert.equal(await main(['analyze', '--events', bad, '--out', join(dir, 'o.json')], t.c), 1);
    assert.match(t.err(), /3 of 4 lines are malformed/);
    assert.equal(await main(['analyze'], ctx(dir).c), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat analyze --timeline: every verdict change, ending at the final verdicts (issue 3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-analyze-'));
  try {
    const f = fixture(dir);
    const out = join(dir, 'verdicts.json');
    const tl = join(dir, 'timeline.jsonl');
    assert.equal(
      await main(['analyze', '--events', f.events, '--out', out, '--timeline', tl], ctx(dir).c),
      0,
    );
    const changes = readFileSync(tl, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { account: string; level: string; updatedAt: number });
    assert.ok(changes.length > 1);
    const last = new Map(changes.map((c) => [c.account, c.level]));
    const final = JSON.parse(readFileSync(out, 'utf8')) as {
      accounts: Array<{ account: string; level: string }>;
    };
    for (const [account, level] of last) {
      assert.equal(
        level,
        final.accounts.find((v) => v.account === account)!.level,
        `${account}: the last change is the final verdict`,
      );
    }
    assert.equal(
      changes.find((c) => c.account === 'harv' && c.level !== 'allow') !== undefined,
      true,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat analyze --workers: a bad value is a usage error; 2 detects the same accounts as 1, each at most a level apart (issue 13)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-analyze-'));
  try {
    const f = fixture(dir);
    const out = join(dir, 'verdicts.json');
    for (const bad of ['0', '-1', '1.5', 'two', '', '65']) {
      const t = ctx(dir);
      assert.equal(
        await main(['analyze', '--events', f.events, '--out', out, '--workers', bad], t.c),
        2,
        `--workers ${bad}`,
      );
      // ('-1' reads as a flag to parseArgs, which names --workers too.)
      assert.match(
        t.err(),
        bad === '-1'
          ? /'--workers' argument is ambiguous/
          : /--workers: expected a whole number from 1 to 64/,
      );
    }
    const t = ctx(dir);
    assert.equal(
      await main(
        [
          'analyze',
          '--events',
          f.events,
          '--out',
          out,
          '--workers',
          '2',
          '--timeline',
          join(dir, 'tl.jsonl'),
        ],
        t.c,
      ),
      2,
    );
    assert.match(t.err(), /--timeline needs --workers 1/);

    const levels = async (workers: string) => {
      const file = join(dir, `v${workers}.json`);
      const c = ctx(dir);
      assert.equal(
        await main(
          [
            'analyze',
            '--events',
            f.events,
            '--accounts',
            f.accounts,
            '--out',
            file,
            '--workers',
            workers,
            '--json',
          ],
          c.c,
        ),
        0,
        c.err(),
      );
      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        accounts: Array<{ account: string; level: string }>;
        clusters: Array<{ accounts: string[] }>;
      };
      const summary = JSON.parse(c.out()) as { malformed: number; events: number };
      return {
        levels: Object.fromEntries(doc.accounts.map((v) => [v.account, v.level])),
        doc,
        summary,
        err: c.err(),
      };
    };
    const one = await levels('1');
    const two = await levels('2');
    // The same accounts detected, each at most a level apart: the shared-frame counters are per
    // thread (README, "moat analyze --workers"), so an account whose frames another thread's
    // accounts sent first may sit a level apart.
    assert.deepEqual(Object.keys(two.levels).sort(), Object.keys(one.levels).sort());
    const detected = (ls: Record<string, string>) =>
      Object.keys(ls)
        .filter((a) => levelRank(ls[a] as Level) >= levelRank('throttle'))
        .sort();
    assert.deepEqual(detected(two.levels), detected(one.levels));
    for (const [a, l] of Object.entries(one.levels))
      assert.ok(
        Math.abs(levelRank(two.levels[a] as Level) - levelRank(l as Level)) <= 1,
        `${a}: ${l} with one thread, ${two.levels[a]} with two`,
      );
    assert.equal(two.levels['chat'], 'allow');
    assert.deepEqual(two.summary.malformed, one.summary.malformed);
    assert.equal(two.err, one.err, 'the same malformed lines are reported');
    assert.ok(
      two.doc.clusters.some((c) => c.accounts.includes('hy0') && c.accounts.includes('hy7')),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
