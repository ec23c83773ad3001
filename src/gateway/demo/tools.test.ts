import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startGateway, type TestGateway } from '../../test-support/gateway.js';
import { planToolCall } from './tools.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false }));

const WEATHER = {
  type: 'object',
  properties: {
    location: { type: 'string', description: 'City name' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
  },
  required: ['location', 'unit'],
  additionalProperties: false,
};
const SEARCH = {
  type: 'object',
  properties: {
    query: { type: 'string', minLength: 3, maxLength: 50 },
    filters: {
      type: 'object',
      properties: {
        since: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
      },
      required: ['since', 'tags'],
    },
    limit: { type: ['integer', 'null'], exclusiveMinimum: 0 },
    exact: { type: 'boolean' },
    mode: { anyOf: [{ const: 'fast' }, { const: 'deep' }] },
  },
  required: ['query', 'filters', 'limit', 'exact', 'mode'],
};
const openaiTools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: WEATHER,
    },
  },
  {
    type: 'function' as const,
    function: { name: 'search_docs', description: 'Search the documentation', parameters: SEARCH },
  },
];
const anthropicTools = [
  { name: 'get_weather', description: 'Current weather for a city', input_schema: WEATHER },
  { name: 'search_docs', description: 'Search the documentation', input_schema: SEARCH },
] as unknown as Anthropic.Tool[];
const schemaOf: Record<string, object> = { get_weather: WEATHER, search_docs: SEARCH };

function assertValid(name: string, args: string | unknown): void {
  const value: unknown = typeof args === 'string' ? JSON.parse(args) : args;
  const validate = ajv.compile(schemaOf[name]!);
  assert.ok(
    validate(value),
    `${name} ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`,
  );
}

describe('demo tool calls: when the demo calls a tool (issue 16)', () => {
  const user = (content: string) => [{ role: 'user', content }];
  it('forced by tool_choice required / any / a named tool; arguments valid against the schema', () => {
    for (const [protocol, tools, forced] of [
      ['openai', openaiTools, 'required'],
      ['anthropic', anthropicTools, { type: 'any' }],
    ] as const) {
      const call = planToolCall(
        protocol,
        { tools, tool_choice: forced, messages: user('Hello!') },
        1,
      );
      assert.ok(call, protocol);
      assertValid(call.name, call.arguments);
      const named =
        protocol === 'openai'
          ? { type: 'function', function: { name: 'search_docs' } }
          : { type: 'tool', name: 'search_docs' };
      const n = planToolCall(protocol, { tools, tool_choice: named, messages: user('Hello!') }, 1)!;
      assert.equal(n.name, 'search_docs');
      assertValid('search_docs', n.arguments);
    }
  });

  it('auto: only when the last user turn asks; the best-matching tool; prose after a tool result', () => {
    assert.equal(
      planToolCall('openai', { tools: openaiTools, messages: user('Tell me about rivers.') }, 1),
      undefined,
    );
    const w = planToolCall(
      'openai',
      { tools: openaiTools, messages: user('What is the weather in Paris today?') },
      1,
    )!;
    assert.equal(w.name, 'get_weather');
    assert.equal(JSON.parse(w.arguments).location, 'Paris');
    assertValid('get_weather', w.arguments);
    const s = planToolCall(
      'anthropic',
      { tools: anthropicTools, messages: user('Please search the docs for rate limits') },
      1,
    )!;
    assert.equal(s.name, 'search_docs');
    assertValid('search_docs', s.arguments);
    assert.equal(
      planToolCall(
        'openai',
        { tools: openaiTools, tool_choice: 'none', messages: user('Weather in Paris?') },
        1,
      ),
      undefined,
    );
    const afterResult = [
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '18°C' },
    ];
    assert.equal(
      planToolCall('openai', { tools: openaiTools, messages: afterResult }, 1),
      undefined,
    );
    const anthropicAfter = [
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 't1', name: 'get_weather', input: {} }],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: '18°C' }] },
    ];
    assert.equal(
      planToolCall('anthropic', { tools: anthropicTools, messages: anthropicAfter }, 1),
      undefined,
    );
  });
});

describe('demo tool calls through the gateway, read by the official SDKs (issue 16)', () => {
  let gw: TestGateway;
  let openai: OpenAI;
  let anthropic: Anthropic;
  before(async () => {
    gw = await startGateway(undefined);
    const { key } = await gw.newKey('acct_tools');
    openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: gw.url, apiKey: key, maxRetries: 0 });
  });
  after(() => gw.close());

  it('openai: tool_choice required, streaming and not, finish_reason tool_calls', async () => {
    for (const model of ['moat-demo', 'moat-demo-reasoner']) {
      const body = {
        model,
        tools: openaiTools,
        tool_choice: 'required' as const,
        messages: [{ role: 'user' as const, content: 'Weather in Oslo please' }],
      };
      const done = await openai.chat.completions.create(body);
      const c = done.choices[0]!;
      assert.equal(c.finish_reason, 'tool_calls');
      const call = c.message.tool_calls![0]!;
      assert.equal(call.type, 'function');
      assert.equal(call.type === 'function' && call.function.name, 'get_weather');
      if (call.type === 'function') assertValid('get_weather', call.function.arguments);

      const final = await openai.chat.completions.stream(body).finalChatCompletion();
      const s = final.choices[0]!;
      assert.equal(s.finish_reason, 'tool_calls');
      const sc = s.message.tool_calls![0]!;
      assert.ok(sc.type === 'function' && sc.id.startsWith('call_'));
      if (sc.type === 'function') {
        assert.equal(sc.function.name, 'get_weather');
        assertValid('get_weather', sc.function.arguments);
        assert.equal(JSON.parse(sc.function.arguments).location, 'Oslo');
      }
    }
  });

  it('openai: runTools completes an agent loop (call, result, prose answer)', async () => {
    const calls: unknown[] = [];
    const runner = openai.chat.completions.runTools({
      model: 'moat-demo',
      messages: [
        { role: 'user', content: 'What is the weather in Lisbon? Use the get_weather tool.' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather for a city',
            parameters: WEATHER,
            parse: JSON.parse,
            function: (args: unknown) => {
              calls.push(args);
              return { temperature: 21 };
            },
          },
        },
      ],
    });
    const content = await runner.finalContent();
    assert.equal(calls.length, 1);
    assertValid('get_weather', calls[0]);
    assert.ok(content && content.length > 10);
  });

  it('anthropic: tool_choice any, streaming and not, stop_reason tool_use; the tool result gets prose', async () => {
    const messages = [{ role: 'user' as const, content: 'Find the docs about limits' }];
    const done = await anthropic.messages.create({
      model: 'moat-demo',
      max_tokens: 200,
      tools: anthropicTools,
      tool_choice: { type: 'any' },
      messages,
    });
    assert.equal(done.stop_reason, 'tool_use');
    const use = done.content.find((b) => b.type === 'tool_use');
    assert.ok(use && use.type === 'tool_use' && use.id.startsWith('toolu_'));
    assert.equal(use.name, 'search_docs');
    assertValid(use.name, use.input);

    const streamed = await anthropic.messages
      .stream({
        model: 'moat-demo-reasoner',
        max_tokens: 400,
        tools: anthropicTools,
        tool_choice: { type: 'any' },
        messages,
      })
      .finalMessage();
    assert.equal(streamed.stop_reason, 'tool_use');
    assert.equal(streamed.content[0]!.type, 'thinking');
    const su = streamed.content.find((b) => b.type === 'tool_use');
    assert.ok(su && su.type === 'tool_use');
    assertValid(su.name, su.input);

    const answer = await anthropic.messages.create({
      model: 'moat-demo',
      max_tokens: 4000,
      tools: anthropicTools,
      messages: [
        ...messages,
        { role: 'assistant', content: done.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: use.id, content: 'Limits are per account.' },
          ],
        },
      ],
    });
    assert.equal(answer.stop_reason, 'end_turn');
    assert.equal(answer.content[0]!.type, 'text');
  });
});
