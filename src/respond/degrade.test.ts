import { test } from 'node:test';
import assert from 'node:assert/strict';
import { respondConfigSchema } from './config.js';
import {
  allowedParams,
  createReasoningStripper,
  degradeRequest,
  stripReasoningJson,
} from './degrade.js';

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
  assert.deepEqual(out, {
    model: 'm',
    messages: [],
    n: 1,
    max_tokens: 1024,
    reasoning_effort: 'low',
  });
  assert.equal(body.n, 8, 'input untouched');
  const noCap = degradeRequest('openai', { model: 'm', messages: [] }, cfg);
  assert.equal(noCap['max_completion_tokens'], 1024);
  const small = degradeRequest(
    'openai',
    { max_completion_tokens: 50, reasoning_effort: 'high' },
    { ...cfg, reasoningEffort: 'remove' },
  );
  assert.deepEqual(small, { max_completion_tokens: 50 });
});

test('degrade: Anthropic request loses thinking and max_tokens is capped', () => {
  const out = degradeRequest(
    'anthropic',
    {
      model: 'c',
      max_tokens: 64_000,
      thinking: { type: 'enabled', budget_tokens: 32_000 },
      messages: [],
    },
    cfg,
  );
  assert.deepEqual(out, { model: 'c', max_tokens: 1024, messages: [] });
});

test('issue 14: degrade keeps only allow-listed request parameters (vLLM extensions, top_k, thinking, unknown fields dropped)', () => {
  const vllm = {
    model: 'm',
    messages: [{ role: 'assistant', content: 'x', reasoning_content: 'prefill', prefix: true }],
    temperature: 0.2,
    tools: [{ type: 'function', function: { name: 'f' } }],
    stream: true,
    stream_options: { include_usage: true, continuous_usage_stats: true },
    prompt_logprobs: 5,
    return_tokens_as_token_ids: true,
    allowed_token_ids: [1, 2],
    chat_template_kwargs: { enable_thinking: true },
    thinking: { type: 'enabled' },
    best_of: 4,
    use_beam_search: true,
    top_k: 1,
    guided_json: {},
    invented_next_year: 1,
  };
  assert.deepEqual(degradeRequest('openai', vllm, cfg), {
    model: 'm',
    messages: [{ role: 'assistant', content: 'x' }],
    temperature: 0.2,
    tools: [{ type: 'function', function: { name: 'f' } }],
    stream: true,
    stream_options: { include_usage: true },
    max_completion_tokens: 1024,
  });
  const an = degradeRequest(
    'anthropic',
    {
      model: 'c',
      max_tokens: 10,
      system: 's',
      messages: [{ role: 'user', content: 'hi', cache: 1 }],
      top_k: 1,
      thinking: { type: 'enabled' },
      service_tier: 'x',
      metadata: { user_id: 'u' },
    },
    cfg,
  );
  assert.deepEqual(an, {
    model: 'c',
    max_tokens: 10,
    system: 's',
    messages: [{ role: 'user', content: 'hi' }],
    metadata: { user_id: 'u' },
  });
});

test('issue 14: the allow-list is configurable per level and API; challenge falls back to degrade', () => {
  const c = respondConfigSchema.parse({
    degrade: {
      allow: {
        degrade: { openai: ['model', 'messages', 'seed'] },
        challenge: { openai: ['model', 'messages'] },
      },
    },
  }).degrade;
  const body = { model: 'm', messages: [], seed: 1, temperature: 1 };
  assert.deepEqual(degradeRequest('openai', body, c, 'degrade'), {
    model: 'm',
    messages: [],
    seed: 1,
    max_completion_tokens: 1024,
  });
  assert.deepEqual(degradeRequest('openai', body, c, 'challenge'), {
    model: 'm',
    messages: [],
    max_completion_tokens: 1024,
  });
  assert.deepEqual(
    allowedParams(c, 'anthropic', 'challenge'),
    allowedParams(c, 'anthropic', 'degrade'),
  );
  assert.throws(() =>
    respondConfigSchema.parse({ degrade: { allow: { degrade: { openai: 'model' } } } }),
  );
  assert.throws(() => respondConfigSchema.parse({ degrade: { allow: { block: {} } } }));
});

test('issue 14: logprobs, prompt_logprobs, provider fields and unknown reasoning fields are withheld from JSON bodies', () => {
  const oa: Record<string, any> = {
    id: 'x',
    object: 'chat.completion',
    prompt_logprobs: [null, { '1': { logprob: -1 } }],
    prompt_token_ids: [1, 2],
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'hi',
          reasoning_content: 'r',
          thinking_blocks: [{ type: 'thinking' }],
          provider_specific_fields: { reasoning: 'r' },
          reasoning_details: [],
        },
        logprobs: { content: [{ token: 'hi', logprob: -0.1, top_logprobs: [] }] },
        token_ids: [5],
        stop_reason: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
  stripReasoningJson('openai', oa);
  assert.deepEqual(oa, {
    id: 'x',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'hi' },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
  const an: Record<string, any> = {
    id: 'm',
    type: 'message',
    content: [
      { type: 'thinking', thinking: 's' },
      { type: 'text', text: 'hi', reasoning: 'x' },
      { type: 'future_block', data: 1 },
    ],
    thinking: 'top-level',
    stop_reason: 'end_turn',
  };
  stripReasoningJson('anthropic', an);
  assert.deepEqual(an, {
    id: 'm',
    type: 'message',
    content: [{ type: 'text', text: 'hi' }],
    stop_reason: 'end_turn',
  });
});

test('issue 14: stream chunks lose logprobs, prompt_logprobs and unknown delta fields', () => {
  const strip = createReasoningStripper('openai');
  const first = {
    id: 'x',
    object: 'chat.completion.chunk',
    prompt_logprobs: [null],
    choices: [
      { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
    ],
  };
  assert.deepEqual(strip(undefined, first), {
    id: 'x',
    object: 'chat.completion.chunk',
    choices: [
      { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
    ],
  });
  const withLp = {
    id: 'x',
    choices: [
      {
        index: 0,
        delta: { content: 'a', thinking_blocks: [], provider_specific_fields: { reasoning: 'r' } },
        logprobs: { content: [{ token: 'a' }] },
        finish_reason: null,
      },
    ],
  };
  assert.deepEqual(strip(undefined, withLp), {
    id: 'x',
    choices: [{ index: 0, delta: { content: 'a' }, logprobs: null, finish_reason: null }],
  });
  assert.equal(
    strip(undefined, {
      id: 'x',
      choices: [
        { index: 0, delta: { provider_specific_fields: { reasoning: 'r' } }, finish_reason: null },
      ],
    }),
    null,
  );
  const an = createReasoningStripper('anthropic');
  assert.equal(
    an('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'future_reasoning', x: 1 },
    }),
    null,
  );
  assert.equal(
    an('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'future_delta', x: 1 },
    }),
    null,
  );
  assert.deepEqual(
    an('content_block_start', {
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'text', text: '' },
    }),
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  );
  assert.equal(
    an('content_block_delta', {
      type: 'content_block_delta',
      index: 1,
      delta: { type: 'thinking_delta', thinking: 'x' },
    }),
    null,
    'a reasoning delta in a text block is withheld too',
  );
});

test('degrade: reasoning is withheld from non-streaming bodies', () => {
  const oa = {
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'hi',
          reasoning_content: 'secret',
          reasoning: 'secret',
        },
      },
    ],
  };
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
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: 'x',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  assert.deepEqual(
    strip(undefined, chunk({ role: 'assistant', content: '' })),
    chunk({ role: 'assistant', content: '' }),
  );
  assert.equal(strip(undefined, chunk({ reasoning_content: 'think' })), null);
  assert.equal(strip(undefined, chunk({ reasoning: 'think' })), null);
  assert.deepEqual(
    strip(undefined, chunk({ content: 'a', reasoning_content: 'b' })),
    chunk({ content: 'a' }),
  );
  assert.deepEqual(strip(undefined, chunk({}, 'stop')), chunk({}, 'stop'));
  const usage = { id: 'x', choices: [], usage: { total_tokens: 3 } };
  assert.deepEqual(strip(undefined, usage), usage);
});

test('degrade: Anthropic stream drops thinking blocks and renumbers later blocks (issue 4)', () => {
  const strip = createReasoningStripper('anthropic');
  const events: Array<[string, Record<string, unknown>]> = [
    ['message_start', { type: 'message_start', message: { content: [] } }],
    [
      'content_block_start',
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
    ],
    [
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
    ],
    [
      'content_block_delta',
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 's' } },
    ],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'content_block_start',
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
    ],
    [
      'content_block_delta',
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'hi' } },
    ],
    ['content_block_stop', { type: 'content_block_stop', index: 1 }],
    [
      'content_block_start',
      {
        type: 'content_block_start',
        index: 2,
        content_block: { type: 'redacted_thinking', data: 'x' },
      },
    ],
    ['content_block_stop', { type: 'content_block_stop', index: 2 }],
    [
      'content_block_start',
      {
        type: 'content_block_start',
        index: 3,
        content_block: { type: 'tool_use', id: 't', name: 'f', input: {} },
      },
    ],
    [
      'content_block_delta',
      {
        type: 'content_block_delta',
        index: 3,
        delta: { type: 'input_json_delta', partial_json: '{}' },
      },
    ],
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
