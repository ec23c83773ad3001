/**
 * Checks a telemetry event against the DESIGN.md contract in each API's own shape. Used by
 * the simulator's tests; also handy for checking any events file by hand.
 */

const OPENAI_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const OPENAI_FINISH = new Set(['stop', 'length', 'tool_calls', 'content_filter']);
const ANTHROPIC_FINISH = new Set(['end_turn', 'max_tokens', 'tool_use', 'stop_sequence']);
const BLOCK_TYPES = new Set(['text', 'image', 'tool_use', 'tool_result']);

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkOpenAI(req: Record<string, unknown>, problems: string[]): void {
  for (const m of req['messages'] as unknown[]) {
    if (!isObj(m) || !OPENAI_ROLES.has(m['role'] as string))
      problems.push(`bad chat message role ${JSON.stringify(isObj(m) ? m['role'] : m)}`);
    else if (m['role'] === 'tool' && typeof m['tool_call_id'] !== 'string')
      problems.push('tool message without tool_call_id');
    else if (
      m['content'] !== null &&
      typeof m['content'] !== 'string' &&
      !Array.isArray(m['content'])
    )
      problems.push('chat content neither string, array nor null');
  }
  if ('system' in req) problems.push('chat.completions body has a top-level system');
}

function checkAnthropic(req: Record<string, unknown>, problems: string[]): void {
  if (typeof req['max_tokens'] !== 'number') problems.push('messages body without max_tokens');
  const sys = req['system'];
  if (sys !== undefined && typeof sys !== 'string' && !Array.isArray(sys))
    problems.push('system neither string nor blocks');
  for (const m of req['messages'] as unknown[]) {
    if (!isObj(m) || (m['role'] !== 'user' && m['role'] !== 'assistant')) {
      problems.push(`bad messages role ${JSON.stringify(isObj(m) ? m['role'] : m)}`);
      continue;
    }
    const c = m['content'];
    if (typeof c === 'string') continue;
    if (!Array.isArray(c)) problems.push('content neither string nor blocks');
    else
      for (const b of c)
        if (!isObj(b) || !BLOCK_TYPES.has(b['type'] as string))
          problems.push('unknown content block');
  }
}

/** Problems with `e` as a telemetry event; empty when it matches the contract. */
export function validateEvent(e: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof e['ts'] !== 'number') problems.push('ts is not a number');
  for (const k of ['account', 'key', 'model', 'ip', 'userAgent', 'ja4', 'action'])
    if (typeof e[k] !== 'string') problems.push(`${k} is not a string`);
  if (!Array.isArray(e['headerOrder'])) problems.push('headerOrder is not an array');
  if (e['status'] !== 200) problems.push('status is not 200');
  const req = e['request'];
  if (!isObj(req) || !Array.isArray(req['messages']))
    return [...problems, 'request.messages missing'];
  const endpoint = e['endpoint'];
  if (endpoint === 'chat.completions') checkOpenAI(req, problems);
  else if (endpoint === 'messages') checkAnthropic(req, problems);
  else problems.push(`unknown endpoint ${String(endpoint)}`);
  const res = e['response'];
  if (!isObj(res)) return [...problems, 'response missing'];
  if (typeof res['text'] !== 'string') problems.push('response.text is not a string');
  for (const k of ['inputTokens', 'outputTokens', 'latencyMs'])
    if (typeof res[k] !== 'number' || (res[k] as number) < 0)
      problems.push(`response.${k} invalid`);
  const finish = res['finishReason'] as string;
  if (!(endpoint === 'messages' ? ANTHROPIC_FINISH : OPENAI_FINISH).has(finish))
    problems.push(`finishReason ${finish} does not fit ${String(endpoint)}`);
  return problems;
}
