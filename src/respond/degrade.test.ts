import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondConfigSchema } from './config.js';
import { createReasoningStripper, degradeRequest, stripReasoningJson } from './degrade.js';

const cfg = respondConfigSchema.parse({}).degrade;

test('degrade: OpenAI request loses logprobs, logit_bias, n > 1, reasoning, and is capped', () => {
  const body = {
    model: 'm',
    messages: [],
    logprobs: true,
    top_logprobs: 20,
    logit_bias: { '50256': -100 },
    n: 8,
    max_tokens: 10 ** 9,
    reasoning_effort: 'high',
    include_reasoning: true,
  };
  const out = degradeRequest('openai', body, cfg);
  assert.deepEqual(out, { model: 'm', messages: [], n: 1, max_tokens: 1024, reasoning_effort: 'low' });
  assert.equal(body.n, 8, 'input untouched');
  const noCap = degradeRequest('openai', { model: 'm', messages: [] }, cfg);
  assert.equal(noCap['max_completion_tokens'], 1024);
  const small = degradeRequest('openai', { max_completion_tokens: 50, reasoning_effort: 'high' }, { ...cfg, reasoningEffort: 'remove' });
  assert.deepEqual(small, { max_completion_tokens: 50 });
});

test('degrade: Anthropic request loses thinking and max_tokens is capped', () => {
  const out = degradeRequest('anthropic', { model: 'c', max_tokens: 64_000, thinking: { type: 'enabled', budget_tokens: 32_000 }, messages: [] }, cfg);
  assert.deepEqual(out, { model: 'c', max_tokens: 1024, messages: [] });
});

test('degrade: reasoning is withheld from non-streaming bodies', () => {
  const oa = { choices: [{ index: 0, message: { role: 'assistant', content: 'hi', reasoning_content: 'secret', reasoning: 'secret' } }] };
  stripReasoningJson('openai', oa);
  assert.deepEqual(oa.choices[0]!.message, { role: 'assistant', content: 'hi' });
  const an = {
    content: [
      { type: 'thinking', thinking: 'secret', signature: 's' },
      { type: 'redacted_thinking', data: 'x' },
      { type: 'text', text: 'hi' },
    ],
  };
  stripReasoningJson('anthropic', an);
  assert.deepEqual(an.content, [{ type: 'text', text: 'hi' }]);
});

test('degrade: OpenAI stream drops reasoning deltas and keeps content, role and finish chunks', () => {
  const strip = createReasoningStripper('openai');
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id: 'x', choices: [{ index: 0, delta, finish_reason: finish }] });
  assert.deepEqual(strip(undefined, chunk({ role: 'assistant', content: '' })), chunk({ role: 'assistant', content: '' }));
  assert.equal(strip(undefined, chunk({ reasoning_content: 'think' })), null);
  assert.equal(strip(undefined, chunk({ reasoning: 'think' })), null);
  assert.deepEqual(strip(undefined, chunk({ content: 'a', reasoning_content: 'b' })), chunk({ content: 'a' }));
  assert.deepEqual(strip(undefined, chunk({}, 'stop')), chunk({}, 'stop'));
  const usage = { id: 'x', choices: [], usage: { total_tokens: 3 } };
  assert.deepEqual(strip(undefined, usage), usage);
});

test('degrade: Anthropic stream drops thinking blocks and renumbers later blocks (issue 4)', () => {
  const strip = createReasoningStripper('anthropic');
  const events: Array<[string, Record<string, unknown>]> = [
    ['message_start', { type: 'message_start', message: { content: [] } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 's' } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'hi' } }],
    ['content_block_stop', { type: 'content_block_stop', index: 1 }],
    ['content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'redacted_thinking', data: 'x' } }],
    ['content_block_stop', { type: 'content_block_stop', index: 2 }],
    ['content_block_start', { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 't', name: 'f', input: {} } }],
    ['content_block_delta', { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } }],
    ['content_block_stop', { type: 'content_block_stop', index: 3 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' } }],
    ['message_stop', { type: 'message_stop' }],
  ];
  const out = events.map(([e, d]) => strip(e, d)).filter((d) => d !== null);
  assert.deepEqual(
    out.map((d) => [d['type'], d['index']]),
    [
      ['message_start', undefined],
      ['content_block_start', 0],
      ['content_block_delta', 0],
      ['content_block_stop', 0],
      ['content_block_start', 1],
      ['content_block_delta', 1],
      ['content_block_stop', 1],
      ['message_delta', undefined],
      ['message_stop', undefined],
    ],
  );
});
