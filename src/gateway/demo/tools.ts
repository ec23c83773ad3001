import type { Protocol } from '../upstream.js';
import { fnv1a } from '../../hash/fnv.js';

/**
 * Tool use by the demo model: when a request offers tools and either forces one
 * (OpenAI `tool_choice: "required"` or a named function, Anthropic `{type: "any"}` or
 * `{type: "tool"}`) or leaves the choice to the model and the last user turn asks for one
 * (it names a tool, or its words match a tool's name or description), the demo answers with
 * one call whose arguments satisfy the tool's JSON Schema. A turn that carries a tool's
 * result is answered in prose, so an agent loop ends.
 */

type Json = Record<string, unknown>;

/** The tool call the demo makes. */
export interface DemoToolCall {
  /** `call_…` (OpenAI) or `toolu_…` (Anthropic), derived from the request. */
  id: string;
  name: string;
  /** The arguments as a JSON object string, valid against the tool's schema. */
  arguments: string;
}

interface Tool {
  name: string;
  description: string;
  schema: Json;
}

/** The function tools of a request, in one shape (OpenAI `function` tools, Anthropic custom tools). */
function toolsOf(protocol: Protocol, body: Json): Tool[] {
  const raw = Array.isArray(body['tools']) ? (body['tools'] as unknown[]) : [];
  const out: Tool[] = [];
  for (const t of raw) {
    if (!t || typeof t !== 'object') continue;
    const o = t as Json;
    const f = protocol === 'openai' ? (o['function'] as Json | undefined) : o;
    if (!f || typeof f['name'] !== 'string') continue;
    // Anthropic server tools (web_search, bash…) have a `type` and no input_schema: not ours to call.
    const schema = protocol === 'openai' ? f['parameters'] : f['input_schema'];
    if (protocol === 'anthropic' && schema === undefined) continue;
    out.push({
      name: f['name'],
      description: typeof f['description'] === 'string' ? f['description'] : '',
      schema:
        schema && typeof schema === 'object'
          ? (schema as Json)
          : { type: 'object', properties: {} },
    });
  }
  return out;
}

/** What the request's `tool_choice` asks: none, auto, any tool, or one named tool. */
function choiceOf(
  protocol: Protocol,
  body: Json,
): { mode: 'none' | 'auto' | 'any' } | { mode: 'named'; name: string } {
  const c = body['tool_choice'];
  if (protocol === 'openai') {
    if (c === 'none') return { mode: 'none' };
    if (c === 'required') return { mode: 'any' };
    if (c && typeof c === 'object') {
      const f = (c as Json)['function'] as Json | undefined;
      if (typeof f?.['name'] === 'string') return { mode: 'named', name: f['name'] };
    }
    return { mode: 'auto' };
  }
  const t = c && typeof c === 'object' ? (c as Json)['type'] : undefined;
  if (t === 'none') return { mode: 'none' };
  if (t === 'any') return { mode: 'any' };
  if (t === 'tool' && typeof (c as Json)['name'] === 'string')
    return { mode: 'named', name: (c as Json)['name'] as string };
  return { mode: 'auto' };
}

/** The last message, and whether it carries a tool's result (then the model answers in prose). */
function lastTurn(protocol: Protocol, body: Json): { text: string; toolResult: boolean } {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as Json[]) : [];
  const last = messages.at(-1);
  if (!last) return { text: '', toolResult: false };
  if (protocol === 'openai' && (last['role'] === 'tool' || last['role'] === 'function'))
    return { text: '', toolResult: true };
  const content = last['content'];
  if (typeof content === 'string') return { text: content, toolResult: false };
  if (!Array.isArray(content)) return { text: '', toolResult: false };
  let text = '';
  let toolResult = false;
  for (const b of content as Json[]) {
    if (b?.['type'] === 'tool_result') toolResult = true;
    else if (typeof b?.['text'] === 'string') text += `${b['text']} `;
  }
  return { text, toolResult };
}

const words = (s: string): string[] => s.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? [];
const ASKS = /\b(use|call|invoke|run)\b.{0,40}\b(tool|function)s?\b|\btools?\b/i;

/** How well a prompt matches a tool: its name said outright counts most, then shared words. */
function score(tool: Tool, prompt: string, promptWords: Set<string>): number {
  let s = prompt.toLowerCase().includes(tool.name.toLowerCase()) ? 10 : 0;
  const nameWords = tool.name.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).flatMap(words);
  for (const w of new Set(nameWords)) if (promptWords.has(w)) s += 3;
  for (const w of new Set(words(tool.description))) if (promptWords.has(w) && w.length > 3) s += 1;
  return s;
}

/**
 * The call the demo makes to this request, or undefined when it answers in prose.
 * @example planToolCall('openai', { tools: [{ type: 'function', function: { name: 'get_weather', parameters } }], tool_choice: 'required', messages }, 7)
 */
export function planToolCall(
  protocol: Protocol,
  body: Json,
  seed: number,
): DemoToolCall | undefined {
  const tools = toolsOf(protocol, body);
  if (tools.length === 0) return undefined;
  const choice = choiceOf(protocol, body);
  if (choice.mode === 'none') return undefined;
  const turn = lastTurn(protocol, body);
  let tool: Tool | undefined;
  if (choice.mode === 'named') tool = tools.find((t) => t.name === choice.name);
  else {
    // A forced choice still calls after a tool result (the API would); auto answers it in prose.
    if (choice.mode === 'auto' && turn.toolResult) return undefined;
    const promptWords = new Set(words(turn.text));
    const ranked = tools
      .map((t) => ({ t, s: score(t, turn.text, promptWords) }))
      .sort((a, b) => b.s - a.s);
    const best = ranked[0]!;
    if (choice.mode === 'any') tool = best.t;
    else if (
      best.s >= 3 ||
      (best.s > 0 && ASKS.test(turn.text)) ||
      (ASKS.test(turn.text) && tools.length === 1)
    )
      tool = best.t;
  }
  if (!tool) return undefined;
  const args = valueFor(tool.schema, { prompt: turn.text, name: '', depth: 0 });
  const h = fnv1a(tool.name, seed).toString(16).padStart(8, '0');
  return {
    id: protocol === 'openai' ? `call_demo${h}` : `toolu_demo${h}`,
    name: tool.name,
    arguments: JSON.stringify(args && typeof args === 'object' && !Array.isArray(args) ? args : {}),
  };
}

interface Want {
  prompt: string;
  /** The property name the value is for (a hint: location, query, email…). */
  name: string;
  depth: number;
}

const firstOf = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);

/** A value valid against a JSON Schema (the subset tool schemas use), drawn from the prompt where it can be. */
function valueFor(schema: unknown, want: Want): unknown {
  if (!schema || typeof schema !== 'object') return {};
  const s = schema as Json;
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  const alt = firstOf(s['anyOf']) ?? firstOf(s['oneOf']);
  if (alt !== undefined) return valueFor(alt, want);
  if (Array.isArray(s['allOf']) && s['allOf'].length > 0) {
    return valueFor(Object.assign({}, ...(s['allOf'] as Json[])), want);
  }
  const types = Array.isArray(s['type'])
    ? (s['type'] as string[]).filter((t) => t !== 'null')
    : [s['type']];
  const type = (types[0] as string | undefined) ?? (s['properties'] ? 'object' : 'string');
  switch (type) {
    case 'object':
      return objectFor(s, want);
    case 'array': {
      if (want.depth > 6) return [];
      const n = typeof s['minItems'] === 'number' ? Math.max(1, s['minItems']) : 1;
      const max = typeof s['maxItems'] === 'number' ? s['maxItems'] : n;
      return Array.from({ length: Math.min(n, max, 8) }, () =>
        valueFor(s['items'], { ...want, depth: want.depth + 1 }),
      );
    }
    case 'integer':
    case 'number':
      return numberFor(s, want, type === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return stringFor(s, want);
  }
}

function objectFor(s: Json, want: Want): Json {
  if (want.depth > 6) return {};
  const props = (
    s['properties'] && typeof s['properties'] === 'object' ? s['properties'] : {}
  ) as Json;
  const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
  const out: Json = {};
  // Required properties always; optional ones too (a model fills what it can), up to a dozen.
  const names = Object.keys(props);
  for (const name of [
    ...names.filter((n) => required.has(n)),
    ...names.filter((n) => !required.has(n)).slice(0, 12),
  ]) {
    out[name] = valueFor(props[name], { ...want, name, depth: want.depth + 1 });
  }
  return out;
}

function numberFor(s: Json, want: Want, integer: boolean): number {
  const found = want.prompt.match(/-?\d+(?:\.\d+)?/)?.[0];
  let v = found !== undefined ? Number(found) : typeof s['default'] === 'number' ? s['default'] : 1;
  const min =
    typeof s['minimum'] === 'number'
      ? s['minimum']
      : typeof s['exclusiveMinimum'] === 'number'
        ? s['exclusiveMinimum'] + (integer ? 1 : 0.5)
        : undefined;
  const max =
    typeof s['maximum'] === 'number'
      ? s['maximum']
      : typeof s['exclusiveMaximum'] === 'number'
        ? s['exclusiveMaximum'] - (integer ? 1 : 0.5)
        : undefined;
  if (min !== undefined && v < min) v = min;
  if (max !== undefined && v > max) v = max;
  if (integer)
    v = min !== undefined && Math.ceil(v) > (max ?? Infinity) ? Math.floor(v) : Math.ceil(v);
  return v;
}

/** Proper nouns of the prompt (capitalised words not opening a sentence): places, names. */
function properNouns(prompt: string): string[] {
  const out: string[] = [];
  const re = /(?<![.!?]\s|^)\b([A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)*)/g;
  for (const m of prompt.matchAll(re)) if (m[1] !== 'I') out.push(m[1]!);
  return out;
}

function stringFor(s: Json, want: Want): string {
  const format = s['format'];
  const today = new Date().toISOString();
  let v: string;
  if (format === 'date') v = today.slice(0, 10);
  else if (format === 'date-time') v = today;
  else if (format === 'time') v = today.slice(11, 19);
  else if (format === 'email') v = 'user@example.com';
  else if (format === 'uri' || format === 'url') v = 'https://example.com/';
  else if (format === 'uuid') v = '00000000-0000-4000-8000-000000000000';
  else if (typeof s['default'] === 'string') v = s['default'];
  else {
    const nouns = properNouns(want.prompt);
    const content = words(want.prompt).filter((w) => w.length > 3);
    const isPlace = /location|city|place|country|region|address|destination|origin/i.test(
      want.name,
    );
    const isName = /name|person|user|author|title/i.test(want.name);
    if ((isPlace || isName) && nouns.length > 0) v = nouns[0]!;
    else if (/query|search|question|text|prompt|input|message|content/i.test(want.name))
      v = want.prompt.trim().slice(0, 200) || 'example';
    else v = nouns[0] ?? content.slice(0, 3).join(' ');
    if (!v) v = 'example';
  }
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : Infinity;
  if (v.length > max) v = v.slice(0, max);
  // `pattern` is not honoured: the demo cannot construct a match for any regular expression.
  while (v.length < min) v += 'x';
  return v;
}
