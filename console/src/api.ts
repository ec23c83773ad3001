/** The admin API as the console calls it: same origin, session cookie, CSRF header on changes. */

const meta = (name: string) =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
export const csrf = meta('moat-csrf');
export const actor = meta('moat-actor');

/** An error answer of the admin API (`{"error": {"message", "code"}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-moat-csrf'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/admin/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 401) {
    location.assign('/console/login');
    throw new ApiError(401, 'MOAT_ADMIN_UNAUTHORIZED', 'Signed out');
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json as { error?: { message?: string; code?: string } } | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'ERROR', e?.message ?? `HTTP ${res.status}`);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
};

export async function logout(): Promise<void> {
  await fetch('/console/logout', {
    method: 'POST',
    headers: { 'x-moat-csrf': csrf },
    credentials: 'same-origin',
  });
  location.assign('/console/login');
}

export const LEVELS = ['allow', 'monitor', 'throttle', 'degrade', 'challenge', 'block'] as const;
export type Level = (typeof LEVELS)[number];

export interface Reason {
  code: string;
  weight: number;
  detail: string;
}
export interface Verdict {
  account: string;
  score: number;
  level: Level;
  reasons: Reason[];
  cluster: string | null;
  updatedAt: number;
}
export interface Pin {
  level: Level;
  reason: string;
  by: string;
  at: number;
  until: number | null;
}
export interface Account {
  id: string;
  createdAt: number;
  name?: string;
  email?: string;
  tier?: string;
  country?: string;
  route?: string;
  signupIp?: string;
  paymentFingerprint?: string;
  organization?: string;
  verified?: { at: number; by: string; organization?: string; note?: string };
  disabled?: { at: number; by: string; reason: string } | null;
  level: Level;
  score?: number;
}
export interface AccountDetail extends Account {
  verdict: Verdict;
  pin: Pin | null;
  keys: Array<{
    id: string;
    prefix: string;
    name: string | null;
    createdAt: number;
    revokedAt: number | null;
    expiresAt: number | null;
    status: string;
  }>;
  limits: Record<string, number> | null;
}
export interface Incident {
  id: string;
  subject: string;
  accounts: string[];
  cluster: string | null;
  level: Level;
  score: number;
  reasons: Reason[];
  indicators: Record<string, string[] | undefined>;
  status: 'open' | 'acknowledged' | 'escalated' | 'resolved';
  resolution: 'confirmed' | 'false_positive' | null;
  openedAt: number;
  updatedAt: number;
  history: Array<{ at: number; by: string; action: string; note?: string }>;
}
export interface AuditEntry {
  seq: number;
  ts: number;
  actor: string;
  action: string;
  subject: string;
  reason?: string;
  data?: unknown;
  hash: string;
}
