import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERRORS, MoatError, errorBody } from './registry.js';

test('every error code is documented in docs/errors.md', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const missing = Object.keys(ERRORS).filter((code) => !doc.includes('`' + code + '`'));
  assert.deepEqual(missing, []);
});

test('error bodies follow the OpenAI and Anthropic shapes', () => {
  const err = new MoatError('MOAT_UNKNOWN_MODEL', 'gpt-x', { param: 'model' });
  assert.deepEqual(errorBody('openai', err), {
    error: {
      message: err.message,
      type: 'invalid_request_error',
      param: 'model',
      code: 'MOAT_UNKNOWN_MODEL',
    },
  });
  const a = errorBody('anthropic', err) as {
    type: string;
    error: { type: string; message: string };
  };
  assert.equal(a.type, 'error');
  assert.equal(a.error.type, 'not_found_error');
  assert.match(a.error.message, /gpt-x/);
  assert.equal(err.status, 404);
});
