import {
  checkParams,
  describe,
  isArr,
  isBool,
  isInt,
  isNum,
  isObj,
  isStr,
  readOpenAiUsage,
  type ProtocolAdapter,
  type ResponseFacts,
} from './protocol.js';
import { scanChatChunk } from './event-scan.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

const PARAMS = {
  model: [isStr, 'a string'],
  stream: [isBool, 'a boolean'],
  temperature: [isNum, 'a number'],
  top_p: [isNum, 'a number'],
  n: [isInt, 'an integer'],
  max_tokens: [isInt, 'an integer'],
  max_completion_tokens: [isInt, 'an integer'],
  presence_penalty: [isNum, 'a number'],
  frequency_penalty: [isNum, 'a number'],
  logprobs: [isBool, 'a boolean'],
  top_logprobs: [isInt, 'an integer'],
  logit_bias: [isObj, 'an object mapping token ids to numbers'],
  seed: [isInt, 'an integer'],
  user: [isStr, 'a string'],
  tools: [isArr, 'an array'],
  stream_options: [isObj, 'an object'],
  response_format: [isObj, 'an object'],
  stop: [
    (v: unknown) => isStr(v) || (isArr(v) && (v as unknown[]).every(isStr)),
    'a string or an array of strings',
  ],
} as const;

/** OpenAI Chat Completions (https://platform.openai.com/docs/api-reference/chat). */
export const openaiProtocol: ProtocolAdapter = {
  protocol: 'openai',
  endpoint: 'chat.completions',

  validate(body) {
    if (typeof body['model'] !== 'string' || body['model'] === '') {
      return { message: "Missing required parameter: 'model' (a string).", param: 'model' };
    }
    const messages = body['messages'];
    if (!Array.isArray(messages) || messages.length === 0) {
      return {
        message: `'messages' must be a non-empty array of {role, content} objects${messages === undefined ? '' : `, got ${describe(messages)}`}.`,
        param: 'messages',
      };
    }
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as Record<string, unknown> | null;
      if (!isObj(m))
        return {
          message: `'messages[${i}]' must be an object, got ${describe(m)}.`,
          param: `messages[${i}]`,
        };
      if (typeof m!['role'] !== 'string' || !ROLES.has(m!['role'])) {
        return {
          message: `'messages[${i}].role' must be one of ${[...ROLES].join(', ')}.`,
          param: `messages[${i}].role`,
        };
      }
      const c = m!['content'];
      if (c !== undefined && c !== null && typeof c !== 'string' && !Array.isArray(c)) {
        return {
          message: `'messages[${i}].content' must be a string or an array of content parts.`,
          param: `messages[${i}].content`,
        };
      }
    }
    const bad = checkParams(body, PARAMS);
    if (bad) return bad;
    const n = body['n'];
    if (typeof n === 'number' && (n < 1 || n > 128))
      return { message: "'n' must be between 1 and 128.", param: 'n' };
    return null;
  },

  readJson(json, facts) {
    if (typeof json['id'] === 'string') facts.responseId = json['id'];
    const choices = json['choices'];
    if (Array.isArray(choices)) {
      const texts: string[] = [];
      for (const c of choices as Array<Record<string, unknown>>) {
        const msg = c?.['message'] as Record<string, unknown> | undefined;
        if (typeof msg?.['content'] === 'string') texts.push(msg['content']);
        addReasoning(msg?.['reasoning_content'] ?? msg?.['reasoning'], facts);
        if (facts.finishReason === null && typeof c?.['finish_reason'] === 'string')
          facts.finishReason = c['finish_reason'];
      }
      facts.text = texts.join('');
    }
    readOpenAiUsage(json, facts);
  },

  mapJsonText(json, fn) {
    const choices = json['choices'];
    if (!Array.isArray(choices)) return;
    for (const c of choices as Array<Record<string, unknown>>) {
      const msg = c?.['message'] as Record<string, unknown> | undefined;
      if (msg && typeof msg['content'] === 'string')
        msg['content'] = fn(msg['content'], (c['index'] as number) ?? 0);
    }
  },

  readEvent(_name, data, facts) {
    if (facts.responseId === undefined && typeof data['id'] === 'string')
      facts.responseId = data['id'];
    if (data['usage']) readOpenAiUsage(data, facts);
    const choices = data['choices'];
    if (!Array.isArray(choices) || choices.length === 0) return null;
    const c = choices[0] as Record<string, unknown>;
    if (typeof c['finish_reason'] === 'string') facts.finishReason = c['finish_reason'];
    const delta = c['delta'] as Record<string, unknown> | undefined;
    if (delta) addReasoning(delta['reasoning_content'] ?? delta['reasoning'], facts);
    const text = delta?.['content'];
    if (typeof text !== 'string' || text === '') return null;
    return {
      text,
      choice: typeof c['index'] === 'number' ? c['index'] : 0,
      set: (t) => {
        delta!['content'] = t;
      },
    };
  },

  scanEvent: (_name, raw, facts) => scanChatChunk(raw, facts),
};

/** Reasoning text served beside the answer (vLLM/DeepSeek `reasoning_content`, OpenRouter `reasoning`). */
function addReasoning(v: unknown, facts: ResponseFacts): void {
  if (typeof v === 'string' && v) facts.reasoningChars = (facts.reasoningChars ?? 0) + v.length;
}
