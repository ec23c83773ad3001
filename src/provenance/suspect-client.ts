/**
 * A minimal OpenAI-compatible chat client for probing a suspect model: per-request
 * timeout, retries with exponential backoff on network errors, 429 and 5xx (honouring
 * Retry-After), and a clear error otherwise.
 */

/** One completion from the suspect. */
export interface SuspectAnswer {
  text: string;
  /** Completion tokens as reported by the endpoint, else estimated from words. */
  tokens: number;
}

/** How to reach the suspect. */
export interface SuspectClientOptions {
  /** Base URL including the version prefix, e.g. http://host:8000/v1 (…/chat/completions also accepted). */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs: number;
  retries: number;
  maxTokens?: number | undefined;
  /** Base backoff in ms (doubles per retry); tests set it low. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Sends one user prompt and returns the answer. */
export type SuspectClient = (prompt: string) => Promise<SuspectAnswer>;

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

function endpoint(url: string): string {
  const u = url.replace(/\/+$/, '');
  return u.endsWith('/chat/completions') ? u : `${u}/chat/completions`;
}

function retryAfterMs(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.min(60_000, secs * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.min(60_000, Math.max(0, t - Date.now()));
}

function parseAnswer(body: unknown): SuspectAnswer {
  const b = body as {
    choices?: { message?: { content?: unknown } }[];
    usage?: { completion_tokens?: unknown };
  };
  const content = b?.choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw new Error('suspect response has no choices[0].message.content string');
  const reported = b.usage?.completion_tokens;
  const tokens =
    typeof reported === 'number'
      ? reported
      : Math.ceil(content.split(/\s+/).filter(Boolean).length * 1.3);
  return { text: content, tokens };
}

/** Build a client for an OpenAI-compatible /chat/completions endpoint. */
export function createSuspectClient(opts: SuspectClientOptions): SuspectClient {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = opts.backoffMs ?? 500;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.apiKey) headers['authorization'] = `Bearer ${opts.apiKey}`;
  return async (prompt) => {
    const body = JSON.stringify({
      model: opts.model,
      messages: [{ role: 'user', content: prompt }],
      ...(opts.maxTokens ? { max_tokens: opts.maxTokens } : {}),
    });
    let lastError = 'no attempt made';
    for (let attempt = 0; attempt <= opts.retries; attempt++) {
      let wait = backoff * 2 ** attempt;
      try {
        const res = await fetch(endpoint(opts.url), {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        if (res.ok) return parseAnswer(await res.json());
        lastError = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
        if (!RETRYABLE.has(res.status)) break;
        wait = retryAfterMs(res) ?? wait;
      } catch (err) {
        const e = err as Error;
        lastError = e.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : e.message;
        if (e.message.startsWith('suspect response')) break;
      }
      if (attempt < opts.retries) await sleep(wait);
    }
    throw new Error(lastError);
  };
}
