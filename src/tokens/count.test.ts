import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { countTokens } from './count.js';

test('issue 15: one countTokens — exact o200k under 32 KiB, a prefix estimate above', () => {
  assert.equal(countTokens(''), 0);
  const text = 'The quick brown fox jumps over the lazy dog. ';
  assert.equal(countTokens(text), o200k(text));
  const huge = text.repeat(5000);
  const exact = o200k(huge);
  assert.ok(Math.abs(countTokens(huge) - exact) / exact < 0.01, `${countTokens(huge)} vs ${exact}`);
});
