import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { entryHash, nextEntry, type AuditEntry } from './entry.js';
import { verifyEntries } from './verify.js';
import { loadOrCreateSigner } from './signer.js';
import { canonicalJson } from './canonical.js';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      nextEntry(out[i - 1], { actor: 'a', action: 'x', subject: `s${i}`, data: { i } }, 1000 + i),
    );
  return out;
}

const kinds = (r: Awaited<ReturnType<typeof verifyEntries>>) =>
  r.problems.map((p) => [p.kind, p.position]);

test('canonical JSON sorts keys and drops undefined (RFC 8785 style)', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 1, y: 2 } }),
    '{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":1}}',
  );
});

test('an intact chain verifies', async () => {
  const r = await verifyEntries(chain(10));
  assert.equal(r.ok, true);
  assert.equal(r.entries, 10);
  assert.equal(r.lastSeq, 10);
});

test('two swapped entries are reported as reordered at their position', async () => {
  const c = chain(6);
  [c[2], c[3]] = [c[3]!, c[2]!];
  assert.deepEqual(kinds(await verifyEntries(c)), [['reordered', 4]]);
});

test('a forged entry slipped in with a valid self-hash is reported as inserted', async () => {
  const c = chain(6);
  const forged = nextEntry(c[2], { actor: 'evil', action: 'x', subject: 'y' }, 5);
  c.splice(3, 0, forged);
  assert.deepEqual(kinds(await verifyEntries(c)), [['inserted', 4]]);
});

test('an edited and re-hashed entry is reported at its own position', async () => {
  const c = chain(6);
  const e = { ...c[2]!, reason: 'covered up' };
  c[2] = { ...e, hash: entryHash(e) };
  assert.deepEqual(kinds(await verifyEntries(c)), [['modified', 3]]);
});

test('a history rewritten and re-chained from some point is caught by a signed checkpoint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-verify-'));
  try {
    const signer = loadOrCreateSigner(join(dir, 'k.pem'));
    const c = chain(8);
    const cp = signer.sign(6, c[5]!.hash, 9999);
    const forged = chain(8).map((e) => e);
    forged[2] = { ...forged[2]!, reason: 'rewritten' };
    for (let i = 2; i < forged.length; i++)
      forged[i] = nextEntry(forged[i - 1], forged[i]!, forged[i]!.ts);
    const clean = await verifyEntries(forged);
    assert.equal(clean.ok, true, 'a re-chained log looks fine without checkpoints');
    const r = await verifyEntries(forged, { checkpoints: [cp], complete: true });
    assert.deepEqual(kinds(r), [['checkpoint', 6]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed lines are reported with their position', async () => {
  const c: unknown[] = chain(3);
  c.splice(1, 0, { seq: 'x' });
  const r = await verifyEntries(c);
  assert.equal(r.problems[0]?.kind, 'malformed');
  assert.equal(r.problems[0]?.position, 2);
});

test('any single deletion, modification, insertion or swap is detected (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 3, max: 30 }),
      fc.nat(),
      fc.constantFrom('delete', 'modify', 'insert', 'swap'),
      async (n, at, op) => {
        const c: AuditEntry[] = chain(n);
        const i = at % (n - 1);
        if (op === 'delete') c.splice(i, 1);
        if (op === 'modify') c[i] = { ...c[i]!, subject: 'tampered' };
        if (op === 'insert')
          c.splice(i + 1, 0, nextEntry(c[i], { actor: 'e', action: 'x', subject: 'y' }, 1));
        if (op === 'swap') [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
        const r = await verifyEntries(c);
        // Deleting the first entry of a range is indistinguishable from a range that starts later.
        if (op === 'delete' && i === 0) return;
        assert.equal(r.ok, false, `${op} at ${i} of ${n} not detected`);
      },
    ),
    { numRuns: 200 },
  );
});
