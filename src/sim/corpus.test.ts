import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataCorpus } from './corpus.js';
import { builtinCorpus } from './builtin-corpus.js';
import { main, makeContext } from '../cli/main.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'corpora');

test('reads every corpus format of the shared data layout (fixture copy)', () => {
  const c = loadDataCorpus(fixtures);
  assert.equal(c.source, 'data');
  assert.ok(c.chat.includes('How do tides work?'));
  assert.ok(c.chat.includes('Describe a rainy afternoon in a city.'));
  assert.ok(c.chat.some((p) => p.startsWith('Fix the grammar') && p.includes('He go to school')));
  assert.ok(c.chat.includes('Can you recommend a board game for four players?'));
  assert.ok(c.dialogs.some((d) => d.length === 2 && d[1] === 'Now make it funnier.'));
  assert.ok(c.dialogs.some((d) => d[1] === 'Something shorter?'));
  assert.ok(c.replies.some((r) => r.startsWith('Python is a friendly')));
  assert.ok(c.replies.some((r) => r.startsWith('Many groups enjoy')));
  assert.equal(c.hard.length, 2);
  assert.equal(c.roles.length, 1);
  assert.match(c.roles[0] as string, /"nearby" ones first\.\nKeep it short\./);
  assert.deepEqual(
    c.math.map((m) => m.q.slice(0, 8)),
    ['Ana has ', 'Compute '],
  );
  assert.ok(
    c.cot.some((x) => x.q.includes('\n- (A) honey') && x.a.endsWith('So the answer is (A).')),
  );
  assert.equal(c.code.length, 2);
  assert.deepEqual(
    c.benchmarks.map((b) => [b.name, b.items.length]),
    [
      ['gsm8k', 1],
      ['humaneval', 1],
      ['mbpp', 1],
      ['mcq', 1],
    ],
  );
  assert.match(c.instructionGen, /20 diverse task/);
});

test('the built-in corpus has every pool', () => {
  const c = builtinCorpus();
  for (const k of [
    'chat',
    'dialogs',
    'hard',
    'roles',
    'math',
    'cot',
    'code',
    'seeds',
    'replies',
    'docs',
    'benchmarks',
  ] as const)
    assert.ok(c[k].length > 0, k);
});

test('moat simulate CLI writes the three files; usage errors exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-simcli-'));
  try {
    let out = '';
    const ctx = {
      ...makeContext({}),
      stdout: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: () => true } as unknown as NodeJS.WritableStream,
      isTTY: false,
    };
    const code = await main(
      ['simulate', '--seed', '2', '--events', '1000', '--out', dir, '--data', fixtures, '--json'],
      ctx,
    );
    assert.equal(code, 0);
    const summary = JSON.parse(out) as { events: number; accounts: number };
    assert.equal(summary.events, 1000);
    assert.equal(
      readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n').length,
      1000,
    );
    assert.equal(
      readFileSync(join(dir, 'accounts.jsonl'), 'utf8').trimEnd().split('\n').length,
      summary.accounts,
    );
    assert.equal(
      (JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { seed: number }).seed,
      2,
    );
    assert.equal(await main(['simulate', '--events', '10', '--out', dir], ctx), 2);
    assert.equal(await main(['simulate', '--seed', '1', '--events', 'x', '--out', dir], ctx), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
