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
} from './protocol.js';

const PARAMS = {
  stream: [isBool, 'a boolean'],
  max_tokens: [isInt, 'an integer'],
  temperature: [isNum, 'a number'],
  top_p: [isNum, 'a number'],
  n: [isInt, 'an integer'],
  best_of: [isInt, 'an integer'],
  logprobs: [isInt, 'an integer'],
  echo: [isBool, 'a boolean'],
  suffix: [isStr, 'a string'],
  seed: [isInt, 'an integer'],
  user: [isStr, 'a string'],
  presence_penalty: [isNum, 'a number'],
  frequency_penalty: [isNum, 'a number'],
  logit_bias: [isObj, 'an object mapping token ids to numbers'],
  stream_options: [isObj, 'an object'],
  stop: [
    (v: unknown) => isStr(v) || (isArr(v) && (v as unknown[]).every(isStr)),
    'a string or an array of strings',
  ],
} as const;

const isTokens = (v: unknown) => Array.isArray(v) && v.every((t) => Number.isInteger(t));

/** A prompt is a string, strings, a token array, or token arrays (OpenAI legacy completions). */
function badPrompt(p: unknown): string | null {
  if (typeof p === 'string') return null;
  if (Array.isArray(p) && p.length > 0 && (p.every(isStr) || isTokens(p) || p.every(isTokens)))
    return null;
  return `'prompt' must be a string, an array of strings or of token arrays${p === undefined ? '' : `, got ${describe(p)}`}.`;
}

/** The prompt as chat messages, for readers of telemetry (one user message per prompt). */
export function promptMessages(prompt: unknown): Array<{ role: string; content: string }> {
  const list = Array.isArray(prompt) && prompt.every(isStr) ? (prompt as string[]) : [prompt];
  return list.map((p) => ({ role: 'user', content: typeof p === 'string' ? p : '' }));
}

/** OpenAI legacy Completions (https://platform.openai.com/docs/api-reference/completions). */
export const completionsProtocol: ProtocolAdapter = {
  protocol: 'openai',
  endpoint: 'completions',
  path: '/completions',
  textFields: ['prompt', 'suffix'],

  validate(body) {
    if (typeof body['model'] !== 'string' || body['model'] === '') {
      return { message: "Missing required parameter: 'model' (a string).", param: 'model' };
    }
    const bad = badPrompt(body['prompt']);
    if (bad) return { message: bad, param: 'prompt' };
    const p = checkParams(body, PARAMS);
    if (p) return p;
    const n = body['n'];
    if (typeof n === 'number' && (n < 1 || n > 128))
      return { message: "'n' must be between 1 and 128.", param: 'n' };
    const lp = body['logprobs'];
    if (typeof lp === 'number' && (lp < 0 || lp > 5))
      return { message: "'logprobs' must be between 0 and 5.", param: 'logprobs' };
    return null;
  },

  readJson(json, facts) {
    if (typeof json['id'] === 'string') facts.responseId = json['id'];
    const choices = json['choices'];
    if (Array.isArray(choices)) {
      const texts: string[] = [];
      for (const c of choices as Array<Record<string, unknown>>) {
        if (typeof c?.['text'] === 'string') texts.push(c['text']);
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
      if (c && typeof c['text'] === 'string')
        c['text'] = fn(c['text'], typeof c['index'] === 'number' ? c['index'] : 0);
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
    if (typeof c['text'] !== 'string' || c['text'] === '') return null;
    return {
      text: c['text'],
      choice: typeof c['index'] === 'number' ? c['index'] : 0,
      set: (t) => {
        c['text'] = t;
      },
    };
  },

  flushEvent(template, choice, text) {
    return {
      data: JSON.stringify({
        id: template?.['id'],
        object: 'text_completion',
        created: template?.['created'],
        model: template?.['model'],
        choices: [{ index: choice, text, logprobs: null, finish_reason: null }],
      }),
    };
  },

  eventRequest: (body) => ({ ...body, messages: promptMessages(body['prompt']) }),
};
