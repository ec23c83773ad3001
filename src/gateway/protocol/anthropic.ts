import {
  checkParams,
  describe,
  isArr,
  isBool,
  isInt,
  isNum,
  isObj,
  isStr,
  type ProtocolAdapter,
  type ResponseFacts,
} from './protocol.js';
import { scanAnthropicDelta } from './event-scan.js';

const PARAMS = {
  model: [isStr, 'a string'],
  stream: [isBool, 'a boolean'],
  max_tokens: [isInt, 'an integer'],
  temperature: [isNum, 'a number'],
  top_p: [isNum, 'a number'],
  top_k: [isInt, 'an integer'],
  system: [(v: unknown) => isStr(v) || isArr(v), 'a string or an array of text blocks'],
  stop_sequences: [
    (v: unknown) => isArr(v) && (v as unknown[]).every(isStr),
    'an array of strings',
  ],
  tools: [isArr, 'an array'],
  tool_choice: [isObj, 'an object'],
  metadata: [isObj, 'an object'],
  thinking: [isObj, 'an object'],
} as const;

/** Anthropic Messages (https://docs.anthropic.com/en/api/messages). */
export const anthropicProtocol: ProtocolAdapter = {
  protocol: 'anthropic',
  endpoint: 'messages',

  validate(body) {
    if (typeof body['model'] !== 'string' || body['model'] === '') {
      return { message: 'model: Field required (a string).', param: 'model' };
    }
    if (body['max_tokens'] === undefined)
      return { message: 'max_tokens: Field required (an integer ≥ 1).', param: 'max_tokens' };
    const messages = body['messages'];
    if (!Array.isArray(messages) || messages.length === 0) {
      return {
        message: `messages: must be a non-empty array of {role, content} objects${messages === undefined ? '' : `, got ${describe(messages)}`}.`,
        param: 'messages',
      };
    }
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i] as Record<string, unknown> | null;
      if (!isObj(m))
        return {
          message: `messages.${i}: must be an object, got ${describe(m)}.`,
          param: `messages.${i}`,
        };
      if (m!['role'] !== 'user' && m!['role'] !== 'assistant') {
        return {
          message: `messages.${i}.role: must be "user" or "assistant".`,
          param: `messages.${i}.role`,
        };
      }
      const c = m!['content'];
      if (typeof c !== 'string' && !Array.isArray(c)) {
        return {
          message: `messages.${i}.content: must be a string or an array of content blocks.`,
          param: `messages.${i}.content`,
        };
      }
    }
    const bad = checkParams(body, PARAMS);
    if (bad) return bad;
    if ((body['max_tokens'] as number) < 1)
      return { message: 'max_tokens: must be at least 1.', param: 'max_tokens' };
    return null;
  },

  readJson(json, facts) {
    if (typeof json['id'] === 'string') facts.responseId = json['id'];
    const content = json['content'];
    if (Array.isArray(content)) {
      let text = '';
      for (const b of content as Array<Record<string, unknown>>) {
        if (b?.['type'] === 'text' && typeof b['text'] === 'string') text += b['text'];
        else if (b?.['type'] === 'thinking' && typeof b['thinking'] === 'string')
          facts.reasoningChars = (facts.reasoningChars ?? 0) + b['thinking'].length;
      }
      facts.text = text;
    }
    if (typeof json['stop_reason'] === 'string') facts.finishReason = json['stop_reason'];
    readUsage(json['usage'], facts);
  },

  mapJsonText(json, fn) {
    const content = json['content'];
    if (!Array.isArray(content)) return;
    (content as Array<Record<string, unknown>>).forEach((b, i) => {
      if (b?.['type'] === 'text' && typeof b['text'] === 'string') b['text'] = fn(b['text'], i);
    });
  },

  readEvent(name, data, facts) {
    const type = (data['type'] as string | undefined) ?? name;
    switch (type) {
      case 'message_start': {
        const message = data['message'] as Record<string, unknown> | undefined;
        if (typeof message?.['id'] === 'string') facts.responseId = message['id'];
        readUsage(message?.['usage'], facts);
        return null;
      }
      case 'message_delta': {
        const d = data['delta'] as Record<string, unknown> | undefined;
        if (typeof d?.['stop_reason'] === 'string') facts.finishReason = d['stop_reason'];
        readUsage(data['usage'], facts);
        return null;
      }
      case 'content_block_delta': {
        const d = data['delta'] as Record<string, unknown> | undefined;
        if (d?.['type'] === 'thinking_delta' && typeof d['thinking'] === 'string')
          facts.reasoningChars = (facts.reasoningChars ?? 0) + d['thinking'].length;
        if (d?.['type'] !== 'text_delta' || typeof d['text'] !== 'string' || d['text'] === '')
          return null;
        return {
          text: d['text'],
          choice: typeof data['index'] === 'number' ? data['index'] : 0,
          set: (t) => {
            d['text'] = t;
          },
        };
      }
      default:
        return null;
    }
  },

  // Named events of another kind are never text deltas worth a scan (the parser reads them).
  scanEvent: (name, raw) =>
    name === undefined || name === 'content_block_delta' ? scanAnthropicDelta(raw) : undefined,
};

function readUsage(u: unknown, facts: ResponseFacts): void {
  if (!u || typeof u !== 'object') return;
  const usage = u as Record<string, unknown>;
  if (typeof usage['input_tokens'] === 'number') facts.inputTokens = usage['input_tokens'];
  if (typeof usage['output_tokens'] === 'number') facts.outputTokens = usage['output_tokens'];
}
