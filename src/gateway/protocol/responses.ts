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
import { scanResponsesDelta } from './event-scan.js';

/**
 * OpenAI Responses (https://platform.openai.com/docs/api-reference/responses): `input` (a
 * string or a list of items) in, `output` items out; streamed as typed events
 * (`response.created`, `response.output_text.delta`, `response.output_text.done`,
 * `response.completed`…). The assistant text is the `output_text` parts of `message` items;
 * a stream's choice is the item's `output_index`.
 */

type Json = Record<string, unknown>;

const PARAMS = {
  stream: [isBool, 'a boolean'],
  instructions: [isStr, 'a string'],
  max_output_tokens: [isInt, 'an integer'],
  max_tool_calls: [isInt, 'an integer'],
  temperature: [isNum, 'a number'],
  top_p: [isNum, 'a number'],
  top_logprobs: [isInt, 'an integer'],
  tools: [isArr, 'an array'],
  tool_choice: [(v: unknown) => isStr(v) || isObj(v), 'a string or an object'],
  parallel_tool_calls: [isBool, 'a boolean'],
  text: [isObj, 'an object'],
  reasoning: [isObj, 'an object'],
  metadata: [isObj, 'an object'],
  store: [isBool, 'a boolean'],
  background: [isBool, 'a boolean'],
  previous_response_id: [isStr, 'a string'],
  include: [(v: unknown) => isArr(v) && (v as unknown[]).every(isStr), 'an array of strings'],
  truncation: [isStr, 'a string'],
  user: [isStr, 'a string'],
  service_tier: [isStr, 'a string'],
  stream_options: [isObj, 'an object'],
} as const;

const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);

const typeOf = (name: string | undefined, data: Json) =>
  (data['type'] as string | undefined) ?? name;

/** The text of a content value: a string, or its text parts (`input_text`, `output_text`, `text`). */
function partsText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return (content as Json[])
    .map((p) => (typeof p?.['text'] === 'string' ? p['text'] : ''))
    .join('');
}

/** The input as chat messages for telemetry readers: instructions as system, each message item, tool outputs as tool. */
export function inputMessages(body: Json): Array<{ role: string; content: string }> {
  const out: Array<{ role: string; content: string }> = [];
  if (typeof body['instructions'] === 'string')
    out.push({ role: 'system', content: body['instructions'] });
  const input = body['input'];
  if (typeof input === 'string') out.push({ role: 'user', content: input });
  else if (Array.isArray(input)) {
    for (const item of input as Json[]) {
      if (!isObj(item)) continue;
      if (typeof item['role'] === 'string')
        out.push({ role: item['role'], content: partsText(item['content']) });
      else if (item['type'] === 'function_call_output')
        out.push({
          role: 'tool',
          content:
            typeof item['output'] === 'string'
              ? item['output']
              : JSON.stringify(item['output'] ?? ''),
        });
    }
  }
  return out;
}

function readUsage(u: unknown, facts: ResponseFacts): void {
  if (!isObj(u)) return;
  const usage = u as Json;
  if (typeof usage['input_tokens'] === 'number') facts.inputTokens = usage['input_tokens'];
  if (typeof usage['output_tokens'] === 'number') facts.outputTokens = usage['output_tokens'];
  const d = usage['output_tokens_details'] as Json | undefined;
  if (typeof d?.['reasoning_tokens'] === 'number' && d['reasoning_tokens'] > 0)
    facts.reasoningTokens = d['reasoning_tokens'];
}

/** Usage, finish reason and reasoning served, from a whole response object. */
function readResponse(r: Json, facts: ResponseFacts, withText: boolean): void {
  if (typeof r['id'] === 'string') facts.responseId = r['id'];
  readUsage(r['usage'], facts);
  let tool = false;
  let text = '';
  const output = Array.isArray(r['output']) ? (r['output'] as Json[]) : [];
  for (const item of output) {
    if (item?.['type'] === 'function_call') tool = true;
    else if (item?.['type'] === 'message' && withText) text += outputText(item);
    else if (item?.['type'] === 'reasoning' && facts.reasoningTokens === undefined) {
      const chars = partsText(item['summary']).length + partsText(item['content']).length;
      if (chars) facts.reasoningChars = (facts.reasoningChars ?? 0) + chars;
    }
  }
  if (withText) facts.text = text;
  const status = r['status'];
  const incomplete = (r['incomplete_details'] as Json | null | undefined)?.['reason'];
  facts.finishReason = tool
    ? 'tool_calls'
    : status === 'completed'
      ? 'stop'
      : typeof incomplete === 'string'
        ? incomplete
        : typeof status === 'string'
          ? status
          : facts.finishReason;
}

function outputText(item: Json): string {
  const content = Array.isArray(item['content']) ? (item['content'] as Json[]) : [];
  return content
    .map((p) => (p?.['type'] === 'output_text' && typeof p['text'] === 'string' ? p['text'] : ''))
    .join('');
}

/** Replace the output_text of a message item with `text` when it has exactly one such part. */
function setItemText(item: unknown, text: string | undefined): boolean {
  if (text === undefined || !isObj(item) || (item as Json)['type'] !== 'message') return false;
  const parts =
    ((item as Json)['content'] as Json[] | undefined)?.filter(
      (p) => p?.['type'] === 'output_text',
    ) ?? [];
  if (parts.length !== 1 || parts[0]!['text'] === text) return false;
  parts[0]!['text'] = text;
  return true;
}

/** After its items' texts changed: the convenience `output_text`, when the upstream sent one. */
function syncOutputText(r: Json): void {
  if (typeof r['output_text'] !== 'string' || !Array.isArray(r['output'])) return;
  r['output_text'] = (r['output'] as Json[])
    .map((i) => (i?.['type'] === 'message' ? outputText(i) : ''))
    .join('');
}

export const responsesProtocol: ProtocolAdapter = {
  protocol: 'openai',
  endpoint: 'responses',
  path: '/responses',
  textFields: ['input', 'instructions'],

  validate(body) {
    if (typeof body['model'] !== 'string' || body['model'] === '') {
      return { message: "Missing required parameter: 'model' (a string).", param: 'model' };
    }
    const input = body['input'];
    if (input === undefined) {
      if (
        body['previous_response_id'] === undefined &&
        body['prompt'] === undefined &&
        body['conversation'] === undefined
      ) {
        return {
          message: "Missing required parameter: 'input' (a string or an array of input items).",
          param: 'input',
        };
      }
    } else if (typeof input !== 'string' && !Array.isArray(input)) {
      return {
        message: `'input' must be a string or an array of input items, got ${describe(input)}.`,
        param: 'input',
      };
    } else if (Array.isArray(input)) {
      const i = input.findIndex((x) => !isObj(x));
      if (i >= 0)
        return {
          message: `'input[${i}]' must be an object, got ${describe(input[i])}.`,
          param: `input[${i}]`,
        };
    }
    return checkParams(body, PARAMS);
  },

  readJson(json, facts) {
    readResponse(json, facts, true);
  },

  mapJsonText(json, fn) {
    const output = json['output'];
    if (!Array.isArray(output)) return;
    (output as Json[]).forEach((item, i) => {
      if (item?.['type'] !== 'message' || !Array.isArray(item['content'])) return;
      for (const p of item['content'] as Json[])
        if (p?.['type'] === 'output_text' && typeof p['text'] === 'string')
          p['text'] = fn(p['text'], i);
    });
    syncOutputText(json);
  },

  readEvent(name, data, facts) {
    const type = typeOf(name, data);
    switch (type) {
      case 'response.created':
      case 'response.in_progress': {
        const r = data['response'] as Json | undefined;
        if (typeof r?.['id'] === 'string') facts.responseId = r['id'];
        return null;
      }
      case 'response.output_text.delta': {
        if (typeof data['delta'] !== 'string' || data['delta'] === '') return null;
        return {
          text: data['delta'],
          choice: typeof data['output_index'] === 'number' ? data['output_index'] : 0,
          set: (t) => {
            data['delta'] = t;
          },
        };
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (typeof data['delta'] === 'string')
          facts.reasoningChars = (facts.reasoningChars ?? 0) + data['delta'].length;
        return null;
      default:
        if (type && TERMINAL.has(type) && isObj(data['response']))
          readResponse(data['response'] as Json, facts, false);
        return null;
    }
  },

  endsChoice(name, data) {
    return typeOf(name, data) === 'response.output_text.done' &&
      typeof data['output_index'] === 'number'
      ? data['output_index']
      : undefined;
  },

  flushEvent(template, choice, text) {
    // A last delta of the item the held-back text belongs to. It repeats the previous delta's
    // sequence_number: there is no integer between it and the `done` event's.
    const t = template?.['output_index'] === choice ? template : undefined;
    const data = {
      type: 'response.output_text.delta',
      ...(t
        ? {
            sequence_number: t['sequence_number'],
            item_id: t['item_id'],
            content_index: t['content_index'] ?? 0,
          }
        : { content_index: 0 }),
      output_index: choice,
      delta: text,
      logprobs: [],
    };
    return { event: 'response.output_text.delta', data: JSON.stringify(data) };
  },

  isTerminator(name, data) {
    const type = typeOf(name, data);
    return type !== undefined && TERMINAL.has(type);
  },

  finalizeEvent(name, data, served) {
    const type = typeOf(name, data);
    const at = typeof data['output_index'] === 'number' ? data['output_index'] : 0;
    switch (type) {
      case 'response.output_text.done': {
        const text = served(at);
        if (text === undefined || data['text'] === text) return false;
        data['text'] = text;
        return true;
      }
      case 'response.content_part.done': {
        const part = data['part'] as Json | undefined;
        const text = served(at);
        if (part?.['type'] !== 'output_text' || text === undefined || part['text'] === text)
          return false;
        part['text'] = text;
        return true;
      }
      case 'response.output_item.done':
        return setItemText(data['item'], served(at));
      default: {
        if (!type || !TERMINAL.has(type) || !isObj(data['response'])) return false;
        const r = data['response'] as Json;
        const output = Array.isArray(r['output']) ? (r['output'] as unknown[]) : [];
        let changed = false;
        output.forEach((item, i) => {
          if (setItemText(item, served(i))) changed = true;
        });
        if (changed) syncOutputText(r);
        return changed;
      }
    }
  },

  eventRequest: (body) => ({ ...body, messages: inputMessages(body) }),

  scanEvent: (name, raw) =>
    name === undefined || name === 'response.output_text.delta'
      ? scanResponsesDelta(raw)
      : undefined,
};
