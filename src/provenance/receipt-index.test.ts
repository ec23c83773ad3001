import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReceiptIndex, type ReceiptRecord } from './receipt-index.js';

const NOW = 20_000;
const rec = (i: number, responseId: string | undefined, at = 1_000 + i): ReceiptRecord => ({
  account: 'acct_1',
  requestId: `req_${i}`,
  responseId,
  model: 'm',
  receipts: [{ receipt: `r${i}` }],
  at,
});

test('the index keeps the latest max×2 ids, oldest out first, whatever ids the upstream reuses (issue 19)', () => {
  const index = new ReceiptIndex({ max: 3, ttlMs: 1e9 });
  // An upstream that sends the same response id every time (the bench mock does).
  for (let i = 1; i <= 5000; i++) index.put(rec(i, 'chatcmpl-same'));
  assert.equal(index.size, 6);
  assert.equal(
    index.get('chatcmpl-same', 'acct_1', NOW)?.requestId,
    'req_5000',
    'a reused id keeps the latest',
  );
  for (let i = 4996; i <= 5000; i++) assert.ok(index.get(`req_${i}`, 'acct_1', NOW), `req_${i}`);
  assert.equal(index.get('req_4995', 'acct_1', NOW), undefined);
  // Distinct response ids: two entries per response, the three latest responses kept.
  for (let i = 5001; i <= 9000; i++) index.put(rec(i, `chatcmpl-${i}`));
  assert.equal(index.size, 6);
  for (let i = 8998; i <= 9000; i++) {
    assert.equal(index.get(`req_${i}`, 'acct_1', NOW)?.receipts[0]?.receipt, `r${i}`);
    assert.equal(index.get(`chatcmpl-${i}`, 'acct_1', NOW)?.requestId, `req_${i}`);
  }
  assert.equal(index.get('req_8997', 'acct_1', NOW), undefined);
  assert.equal(index.get('req_9000', 'acct_2', NOW), undefined, 'another account gets nothing');
});

test('expired records leave on the next put and on lookup', () => {
  const index = new ReceiptIndex({ max: 100, ttlMs: 1_000 });
  index.put(rec(1, 'chatcmpl-1', 0));
  index.put(rec(2, 'chatcmpl-2', 500));
  assert.equal(index.get('req_1', 'acct_1', 900)?.requestId, 'req_1');
  index.put(rec(3, undefined, 1_200));
  assert.equal(index.size, 3, 'req_1 and its response id expired at 1,200');
  assert.equal(index.get('req_2', 'acct_1', 1_600), undefined, 'expired on lookup');
  assert.equal(index.get('req_3', 'acct_1', 1_600)?.requestId, 'req_3');
});
