import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MoatError } from '../errors/registry.js';
import { Challenger } from './challenge.js';
import { solveChallenge } from './client.js';
import { respondConfigSchema } from './config.js';
import {
  MAX_CHOICES,
  checkChallenge,
  degradePlan,
  promptEstimate,
  requestedChoices,
  requestedMaxTokens,
  settledTokens,
  worstCaseTokens,
} from './enforce.js';

const invalid = (param: string) => (err: unknown) =>
  err instanceof MoatError &&
  err.code === 'MOAT_INVALID_REQUEST' &&
  err.message.includes(`'${param}'`);

test('enforce: the prompt estimate counts every text field at ≈4 characters per token', () => {
  assert.equal(promptEstimate({}), 0);
  assert.equal(promptEstimate({ messages: [{ role: 'user', content: 'abcdefgh' }] }), 3); // 'user' + 8 characters
  assert.equal(
    promptEstimate({ system: 'abcd', prompt: 'abcd', input: ['abcd'], instructions: 'abcd' }),
    4,
  );
});

test('enforce: max tokens — the first field present, bounded', () => {
  assert.equal(requestedMaxTokens({}), undefined);
  assert.equal(requestedMaxTokens({ max_tokens: 50, max_output_tokens: 9 }), 50);
  assert.equal(requestedMaxTokens({ max_completion_tokens: 7, max_tokens: 50 }), 7);
  assert.throws(() => requestedMaxTokens({ max_tokens: 0 }), invalid('max_tokens'));
  assert.throws(
    () => requestedMaxTokens({ max_output_tokens: 10_000_001 }),
    invalid('max_output_tokens'),
  );
});

test('enforce: choices are the larger of n and best_of, within 1..128', () => {
  assert.equal(requestedChoices({}), 1);
  assert.equal(requestedChoices({ n: 3, best_of: 5 }), 5);
  assert.equal(requestedChoices({ n: null }), 1);
  assert.throws(() => requestedChoices({ n: MAX_CHOICES + 1 }), invalid('n'));
  assert.throws(() => requestedChoices({ best_of: 1.5 }), invalid('best_of'));
});

test('enforce: issue 14 — the worst case multiplies every choice by its max output tokens', () => {
  const clientBody = { prompt: 'x'.repeat(40), n: 4, best_of: 8, max_tokens: 100 };
  // Degrade dropped best_of: what goes upstream counts.
  const upstreamBody = { prompt: 'x'.repeat(40), n: 4, max_tokens: 100 };
  assert.equal(
    worstCaseTokens({ endpoint: 'completions', clientBody, upstreamBody }),
    10 + 4 * 100,
  );
  assert.equal(
    worstCaseTokens({ endpoint: 'completions', clientBody, upstreamBody: clientBody }),
    10 + 8 * 100,
  );
  // No maximum named: 1024 per choice; embeddings generate nothing.
  assert.equal(
    worstCaseTokens({ endpoint: 'chat.completions', clientBody: {}, upstreamBody: {} }),
    1024,
  );
  assert.equal(
    worstCaseTokens({ endpoint: 'embeddings', clientBody: { input: 'abcd' }, upstreamBody: {} }),
    1,
  );
});

test('enforce: a served request is charged what it used, a failed one nothing', () => {
  assert.equal(settledTokens(200, { inputTokens: 10, outputTokens: 5, text: '' }), 15);
  assert.equal(settledTokens(200, { text: 'abcdefgh' }), 2);
  assert.equal(settledTokens(502, { inputTokens: 10, outputTokens: 5, text: 'abc' }), 0);
});

test('enforce: degrade keeps each API its own allow-list and withholds reasoning', () => {
  const cfg = respondConfigSchema.parse({}).degrade;
  const chat = degradePlan(
    'chat.completions',
    'openai',
    { model: 'm', messages: [], logprobs: true, max_tokens: 5000 },
    cfg,
    'degrade',
  );
  assert.equal(chat.body['logprobs'], undefined);
  assert.equal(chat.body['max_tokens'], cfg.maxTokens);
  assert.equal(chat.eventStages.length, 1);
  assert.equal(chat.jsonStages.length, 1);
  const responses = degradePlan(
    'responses',
    'openai',
    { model: 'm', input: 'hi', top_logprobs: 5 },
    cfg,
    'degrade',
  );
  assert.equal(responses.body['input'], 'hi');
  const embeddings = degradePlan(
    'embeddings',
    'openai',
    { model: 'm', input: 'hi' },
    cfg,
    'challenge',
  );
  assert.deepEqual(embeddings.eventStages, []);
});

test('enforce: a challenge solution admits only the request it was issued for', async () => {
  const pow = new Challenger({
    secret: 'test-secret-test-secret-test-secret',
    minDifficulty: 50,
    maxDifficulty: 500,
  });
  const req = {
    account: 'acct_1',
    url: '/v1/chat/completions?x=1',
    body: { messages: [] },
    score: 0,
  };
  const none = await checkChallenge(pow, { ...req, solution: undefined });
  assert.equal(none.solved, false);
  assert.ok(!none.solved && !none.attempted && none.error.code === 'MOAT_CHALLENGE_REQUIRED');
  const header = (none as { error: MoatError }).error.headers?.['moat-challenge'];
  assert.equal(typeof header, 'string');
  const solution = await solveChallenge(header as string);
  assert.ok(solution);
  const other = await checkChallenge(pow, {
    ...req,
    body: { messages: [{ role: 'user', content: 'else' }] },
    solution,
  });
  assert.ok(!other.solved && other.attempted);
  assert.deepEqual(await checkChallenge(pow, { ...req, solution }), { solved: true });
});
