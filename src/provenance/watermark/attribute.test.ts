import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveAccountKey } from '../keys.js';
import { attributeAccounts } from './attribute.js';
import { scanPositions, scorePositions } from './detect.js';
import { watermarkText } from './embed.js';
import { LEXICON_PAIRS } from './lexicon-data.js';

const master = Buffer.alloc(32, 0x5a);

/** Text dense in lexicon words with varied contexts. */
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

test('issue 15: attributeAccounts names the account a text was served to, scored on its layer only', () => {
  const accounts = ['acct_a', 'acct_b', 'acct_c', 'acct_d'];
  const text = fixtureText(400, 7);
  const served = watermarkText(master, text, {
    accountKey: deriveAccountKey(master, 'acct_b'),
    accountShare: 0.5,
  });
  const { positions } = scanPositions(served);
  const found = attributeAccounts(master, accounts, positions, { share: 0.5, alpha: 1e-4 });
  assert.deepEqual(
    found.map((m) => m.account),
    ['acct_b'],
  );
  // The master key's positions are noise for the account key: scoring them too is weaker.
  const everywhere = scorePositions([deriveAccountKey(master, 'acct_b')], positions, 0).perKey[0]!;
  assert.ok(found[0]!.pValue < everywhere.pValue * accounts.length);
  assert.ok(found[0]!.trials < positions.length && found[0]!.hits === found[0]!.trials);
  // Clean text and a zero share attribute nothing.
  const clean = scanPositions(text).positions;
  assert.deepEqual(attributeAccounts(master, accounts, clean, { share: 0.5, alpha: 1e-4 }), []);
  assert.deepEqual(attributeAccounts(master, accounts, positions, { share: 0, alpha: 1e-4 }), []);
});
