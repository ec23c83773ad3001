import { checkParams, describe, isInt, isStr, type ProtocolAdapter } from './protocol.js';

/** OpenAI's own bound on inputs per request. */
export const MAX_EMBEDDING_INPUTS = 2048;

const PARAMS = {
  dimensions: [isInt, 'an integer'],
  user: [isStr, 'a string'],
  encoding_format: [(v: unknown) => v === 'float' || v === 'base64', '"float" or "base64"'],
} as const;

const isTokens = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((t) => Number.isInteger(t));

function badInput(input: unknown): string | null {
  if (typeof input === 'string') return input === '' ? "'input' must not be empty." : null;
  if (!Array.isArray(input) || input.length === 0) {
    return `'input' must be a non-empty string or array of strings or token arrays${input === undefined ? '' : `, got ${describe(input)}`}.`;
  }
  if (input.length > MAX_EMBEDDING_INPUTS)
    return `'input' holds ${input.length} items; at most ${MAX_EMBEDDING_INPUTS} are accepted.`;
  if (
    input.every((s) => typeof s === 'string' && s !== '') ||
    isTokens(input) ||
    input.every(isTokens)
  )
    return null;
  return "'input' items must all be non-empty strings, or all token arrays.";
}

/** The inputs as chat messages, for readers of telemetry (one user message per text input). */
function inputMessages(input: unknown): Array<{ role: string; content: string }> {
  const list = Array.isArray(input) && input.every(isStr) ? (input as string[]) : [input];
  return list.map((s) => ({ role: 'user', content: typeof s === 'string' ? s : '' }));
}

/**
 * OpenAI Embeddings (https://platform.openai.com/docs/api-reference/embeddings). Never
 * streamed; the answer carries vectors, not text, so no text stage changes it and the
 * event's `response.outputTokens` is 0.
 */
export const embeddingsProtocol: ProtocolAdapter = {
  protocol: 'openai',
  endpoint: 'embeddings',
  path: '/embeddings',
  streams: false,
  textFields: ['input'],

  validate(body) {
    if (typeof body['model'] !== 'string' || body['model'] === '') {
      return { message: "Missing required parameter: 'model' (a string).", param: 'model' };
    }
    const bad = badInput(body['input']);
    if (bad) return { message: bad, param: 'input' };
    const p = checkParams(body, PARAMS);
    if (p) return p;
    const d = body['dimensions'];
    if (typeof d === 'number' && (d < 1 || d > 65_536))
      return { message: "'dimensions' must be between 1 and 65536.", param: 'dimensions' };
    return null;
  },

  readJson(json, facts) {
    const u = json['usage'] as Record<string, unknown> | undefined;
    if (typeof u?.['prompt_tokens'] === 'number') facts.inputTokens = u['prompt_tokens'];
    facts.outputTokens = 0;
    facts.finishReason = 'stop';
  },

  mapJsonText() {
    // Vectors, not text.
  },

  readEvent() {
    return null;
  },

  eventRequest: (body) => ({ ...body, messages: inputMessages(body['input']) }),
};
