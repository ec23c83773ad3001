import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { detectConfigSchema } from '../detect/config.js';
import { limitsConfigSchema } from '../limits/config.js';
import { respondConfigSchema } from '../respond/config.js';
import { provenanceConfigSchema } from '../provenance/config.js';
import { fingerprintConfigSchema } from '../fingerprint/config.js';
import { identityConfigSchema } from '../identity/config.js';
import { auditConfigSchema } from '../audit/config.js';
import { intelConfigSchema } from '../intel/config.js';

const upstreamSchema = z.object({
  /** Wire protocol the upstream speaks. `demo` is the built-in in-process model. */
  kind: z.enum(['openai', 'anthropic', 'demo']),
  /** Base URL including the version prefix, e.g. http://127.0.0.1:8000/v1 or https://api.anthropic.com/v1. */
  baseUrl: z.url().optional(),
  /** Credential sent upstream; prefer apiKeyEnv so the secret stays out of the file. */
  apiKey: z.string().min(1).optional(),
  /** Name of an environment variable holding the credential. */
  apiKeyEnv: z.string().min(1).optional(),
  /** Time allowed for the upstream's response headers, and between body chunks. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** Extra headers sent upstream (e.g. anthropic-version, OpenAI-Organization). */
  headers: z.record(z.string(), z.string()).default({}),
});

const modelRouteSchema = z.object({
  /** Model name clients send; `*` matches any name not listed elsewhere. */
  name: z.string().min(1),
  upstream: z.string().min(1),
  /** Name sent upstream, when it differs from what clients send. */
  upstreamModel: z.string().min(1).optional(),
  /** Shown in GET /v1/models. */
  description: z.string().optional(),
});

/** Connection limits and timeouts of the HTTP listener (docs/security.md, "Limits"). */
const httpConfigSchema = z
  .object({
    /** Time allowed to receive a request's headers (Node `headersTimeout`); slowloris headers are cut after it. */
    headersTimeoutMs: z.number().int().positive().default(15_000),
    /** Time allowed to receive a whole request, headers and body (Node `requestTimeout`). */
    requestTimeoutMs: z.number().int().positive().default(120_000),
    /** How long an idle keep-alive connection stays open between requests. */
    keepAliveTimeoutMs: z.number().int().positive().default(5_000),
    /**
     * A socket with no traffic either way for this long is closed (a client that stops
     * reading a stream). Keep it above every upstream `timeoutMs`, the longest silence a
     * healthy stream may have.
     */
    idleTimeoutMs: z.number().int().positive().default(180_000),
    /** Most open client connections; more are refused at accept. */
    maxConnections: z.number().int().positive().default(4_096),
    /**
     * After an early error (401, 413, 431…) the rest of the body is read and thrown away, up
     * to this many bytes, so the client finishes sending and reads the answer instead of a
     * reset connection (which SDKs retry); beyond it the connection is closed.
     */
    drainLimitBytes: z
      .number()
      .int()
      .min(0)
      .default(64 * 1024 * 1024),
    /**
     * Body limits by route path prefix, overriding `bodyLimitBytes` (longest prefix wins),
     * e.g. `{ "/admin/v1": 1048576, "/v1/messages": 33554432 }`.
     */
    bodyLimitByRoute: z
      .record(
        z.string().regex(/^\//, 'expected a path starting with /'),
        z.number().int().positive(),
      )
      .default({ '/admin/v1': 1024 * 1024 }),
  })
  .strict()
  .refine((h) => h.headersTimeoutMs <= h.requestTimeoutMs, {
    message: 'headersTimeoutMs must not exceed requestTimeoutMs',
    path: ['headersTimeoutMs'],
  });

/** Where and to whom GET /metrics is served (docs/security.md, "Metrics"). */
const metricsConfigSchema = z
  .object({
    /**
     * `admin-token`: /metrics needs `Authorization: Bearer <admin token>` (per-level account
     * counts tell an attacker when its accounts are promoted). `public`: no token, for a
     * listener only a scraper can reach.
     */
    auth: z.enum(['admin-token', 'public']).default('admin-token'),
    /**
     * Serve /metrics on its own listener at this port (and not on the API listener);
     * unset: on the API listener.
     */
    port: z.number().int().min(0).max(65535).optional(),
    host: z.string().default('127.0.0.1'),
  })
  .strict();

export const configSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8787),
    /** Where the SQLite store, generated secrets and keys live. */
    dataDir: z.string().default('.moat'),
    /** Bearer token for /admin/v1; generated into the data dir when unset. */
    adminToken: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * Secret mixed into API-key hashes (HMAC-SHA256). Replicas sharing a store must share it
     * (MOAT_KEY_PEPPER); generated into the data dir when unset.
     */
    keyPepper: z.string().min(32, 'must be at least 32 characters').optional(),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /**
     * Largest request body, in bytes, on every route without its own limit in
     * `http.bodyLimitByRoute`. Default 32 MiB: what the Anthropic API itself accepts (base64
     * images and documents), so a client never meets a smaller limit here than upstream.
     */
    bodyLimitBytes: z
      .number()
      .int()
      .positive()
      .default(32 * 1024 * 1024),
    maxHeaderCount: z.number().int().positive().default(100),
    /**
     * Deepest nesting of arrays and objects a JSON body may have. Deeper bodies get a 400 at
     * parse time: recursive code (serialisation, token estimates) must never meet one
     * (issue 14: ~7,000 levels made event serialisation throw and erase a whole batch).
     */
    maxJsonDepth: z.number().int().min(8).max(1000).default(64),
    http: httpConfigSchema.prefault({}),
    metrics: metricsConfigSchema.prefault({}),
    /** Addresses of TLS-terminating proxies whose X-Forwarded-For / JA4 headers are trusted. */
    trustedProxies: z.array(z.string()).default([]),
    store: z
      .object({
        kind: z.enum(['sqlite', 'postgres']).default('sqlite'),
        /** postgres://… when kind is postgres. */
        url: z.string().optional(),
        /** PostgreSQL schema holding Moat's tables (several deployments can share a database). */
        schema: z
          .string()
          .regex(/^[a-z_][a-z0-9_]*$/, 'expected a lower-case SQL identifier')
          .default('moat'),
        /** Connections in the process's one PostgreSQL pool, shared by the store, audit, review, intel and canaries. */
        poolMax: z.number().int().min(1).max(200).default(10),
      })
      .prefault({}),
    redis: z
      .object({
        url: z.string().optional(),
        /** Prefix of every Redis key and channel Moat uses (several deployments can share a server). */
        prefix: z.string().default('moat'),
      })
      .prefault({}),
    nats: z
      .object({ url: z.string().optional(), stream: z.string().default('MOAT_EVENTS') })
      .prefault({}),
    upstreams: z
      .record(z.string(), upstreamSchema)
      .default({ demo: { kind: 'demo', timeoutMs: 120_000, headers: {} } }),
    models: z.array(modelRouteSchema).default([
      {
        name: 'moat-demo',
        upstream: 'demo',
        description: 'Built-in demo model (WordNet text, no real model)',
      },
      {
        name: 'moat-demo-reasoner',
        upstream: 'demo',
        description: 'Built-in demo model that also streams reasoning',
      },
    ]),
    demo: z
      .object({
        /** Streaming pace of the demo model; 0 streams as fast as possible. */
        tokensPerSecond: z.number().min(0).default(0),
        /** Typical answer length in tokens. */
        meanTokens: z.number().int().positive().default(220),
      })
      .prefault({}),
    telemetry: z
      .object({
        bufferSize: z.number().int().positive().default(65_536),
        batchSize: z.number().int().positive().default(500),
        flushMs: z.number().int().positive().default(100),
        /** Keep request/response text in stored events (needed by the detector's text signals). */
        storeText: z.boolean().default(true),
        /**
         * Bytes of a refused request's body (403, 429, challenge, block) kept in its event;
         * longer bodies are cut and marked `requestTruncated` (a blocked key cannot fill the disk).
         */
        refusedBodyBytes: z
          .number()
          .int()
          .min(256)
          .default(8 * 1024),
        /** Events older than this many days are deleted (SQLite and PostgreSQL); 0 keeps them forever. */
        retentionDays: z.number().min(0).default(30),
        /** How often the retention sweep runs. */
        retentionSweepMs: z
          .number()
          .int()
          .positive()
          .default(60 * 60 * 1000),
        /** Longest wait for queued events on shutdown before they are counted as dropped. */
        flushTimeoutMs: z.number().int().positive().default(5_000),
      })
      .prefault({}),
    detect: detectConfigSchema.prefault({}),
    limits: limitsConfigSchema.prefault({}),
    respond: respondConfigSchema.prefault({}),
    provenance: provenanceConfigSchema.prefault({}),
    fingerprint: fingerprintConfigSchema.prefault({}),
    identity: identityConfigSchema.prefault({}),
    audit: auditConfigSchema.prefault({}),
    intel: intelConfigSchema.prefault({}),
  })
  .strict();

export type MoatConfig = z.infer<typeof configSchema> & {
  /** Resolved absolute data directory. */
  readonly dataDirAbs: string;
  /** Admin token, from config, env or generated. */
  readonly adminTokenResolved: string;
  /** Whether the admin token was generated on this start (so `serve` prints it). */
  readonly adminTokenGenerated: boolean;
  /** Where the config came from, for messages. */
  readonly source: string;
};
export type UpstreamConfig = z.infer<typeof upstreamSchema>;
export type ModelRoute = z.infer<typeof modelRouteSchema>;

/** A configuration problem, with the path of the bad field and what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Environment variables Moat reads (nothing else reads process.env). */
export const ENV_VARS = {
  MOAT_CONFIG: 'path to the YAML config file',
  MOAT_PORT: 'port to listen on',
  MOAT_HOST: 'address to listen on',
  MOAT_ADMIN_TOKEN: 'bearer token for /admin/v1',
  MOAT_DATA_DIR: 'data directory (SQLite store, generated secrets)',
  MOAT_UPSTREAM_URL: 'one OpenAI-compatible upstream base URL for every model',
  MOAT_UPSTREAM_KEY: 'credential for MOAT_UPSTREAM_URL',
  MOAT_DATABASE_URL: 'postgres://… switches the store to PostgreSQL',
  MOAT_REDIS_URL: 'redis://… switches limiter and verdict cache to Redis',
  MOAT_NATS_URL: 'nats://… switches the event bus to NATS JetStream',
  MOAT_LOG_LEVEL: 'fatal|error|warn|info|debug|trace|silent',
  MOAT_KEY_PEPPER: 'secret for API-key hashes, shared by replicas that share a store',
} as const;

function formatIssues(error: z.ZodError, source: string): string {
  return error.issues
    .map((i) => {
      const path = i.path.length ? i.path.join('.') : '(root)';
      return `  ${path}: ${i.message}`;
    })
    .join('\n')
    .replace(/^/, `invalid configuration in ${source}:\n`);
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur: Record<string, unknown> = obj;
  for (const key of path.slice(0, -1)) {
    const next = cur[key];
    if (typeof next !== 'object' || next === null) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new ConfigError(`${name}: expected an integer, got "${raw}"`);
  return n;
}

/**
 * Read the YAML file (MOAT_CONFIG) and environment overrides, validate with zod, resolve
 * the data directory and admin token, and return one frozen object.
 * Throws ConfigError naming the bad field and what was expected.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  opts: { generateSecrets?: boolean } = {},
): MoatConfig {
  let raw: Record<string, unknown> = {};
  let source = 'defaults';
  const file = env['MOAT_CONFIG'];
  if (file) {
    source = file;
    if (!existsSync(file)) throw new ConfigError(`MOAT_CONFIG: file not found: ${file}`);
    let parsed: unknown;
    try {
      parsed = parseYaml(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file}: not valid YAML: ${(err as Error).message}`);
    }
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError(`${file}: expected a mapping at the top level`);
      }
      raw = parsed as Record<string, unknown>;
    }
  }
  const port = envInt(env, 'MOAT_PORT');
  if (port !== undefined) raw['port'] = port;
  if (env['MOAT_HOST']) raw['host'] = env['MOAT_HOST'];
  if (env['MOAT_ADMIN_TOKEN']) raw['adminToken'] = env['MOAT_ADMIN_TOKEN'];
  if (env['MOAT_DATA_DIR']) raw['dataDir'] = env['MOAT_DATA_DIR'];
  if (env['MOAT_KEY_PEPPER']) raw['keyPepper'] = env['MOAT_KEY_PEPPER'];
  if (env['MOAT_LOG_LEVEL']) raw['logLevel'] = env['MOAT_LOG_LEVEL'];
  if (env['MOAT_DATABASE_URL'])
    setPath(raw, ['store'], { kind: 'postgres', url: env['MOAT_DATABASE_URL'] });
  if (env['MOAT_REDIS_URL']) setPath(raw, ['redis', 'url'], env['MOAT_REDIS_URL']);
  if (env['MOAT_NATS_URL']) setPath(raw, ['nats', 'url'], env['MOAT_NATS_URL']);
  if (env['MOAT_UPSTREAM_URL']) {
    const upstreams = (raw['upstreams'] ?? {}) as Record<string, unknown>;
    upstreams['default'] = {
      kind: 'openai',
      baseUrl: env['MOAT_UPSTREAM_URL'],
      ...(env['MOAT_UPSTREAM_KEY'] ? { apiKey: env['MOAT_UPSTREAM_KEY'] } : {}),
    };
    raw['upstreams'] = upstreams;
    const models = Array.isArray(raw['models']) ? (raw['models'] as unknown[]) : [];
    raw['models'] = [
      ...models.filter((m) => (m as { name?: string }).name !== '*'),
      { name: '*', upstream: 'default' },
    ];
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(formatIssues(result.error, source));
  const cfg = result.data;

  for (const [name, up] of Object.entries(cfg.upstreams)) {
    if (up.kind !== 'demo' && !up.baseUrl) {
      throw new ConfigError(
        `invalid configuration in ${source}:\n  upstreams.${name}.baseUrl: required for kind "${up.kind}"`,
      );
    }
    if (up.apiKeyEnv && !env[up.apiKeyEnv]) {
      throw new ConfigError(
        `upstreams.${name}.apiKeyEnv: environment variable ${up.apiKeyEnv} is not set`,
      );
    }
    if (up.apiKeyEnv) up.apiKey = env[up.apiKeyEnv]!;
  }
  cfg.models.forEach((m, i) => {
    if (!cfg.upstreams[m.upstream]) {
      throw new ConfigError(
        `invalid configuration in ${source}:\n  models.${i}.upstream: "${m.upstream}" is not defined under upstreams (have: ${Object.keys(cfg.upstreams).join(', ')})`,
      );
    }
  });
  if (cfg.store.kind === 'postgres' && !cfg.store.url) {
    throw new ConfigError(
      `invalid configuration in ${source}:\n  store.url: required when store.kind is postgres`,
    );
  }

  const dataDirAbs = resolve(cfg.dataDir);
  let adminTokenResolved = cfg.adminToken ?? '';
  let adminTokenGenerated = false;
  if (!adminTokenResolved) {
    const tokenFile = join(dataDirAbs, 'admin-token');
    if (existsSync(tokenFile)) {
      adminTokenResolved = readFileSync(tokenFile, 'utf8').trim();
    } else if (opts.generateSecrets !== false) {
      mkdirSync(dataDirAbs, { recursive: true, mode: 0o700 });
      adminTokenResolved = `moat_admin_${randomBytes(24).toString('base64url')}`;
      writeFileSync(tokenFile, adminTokenResolved + '\n', { mode: 0o600 });
      adminTokenGenerated = true;
    }
  }
  return deepFreeze({
    ...cfg,
    dataDirAbs,
    adminTokenResolved,
    adminTokenGenerated,
    source,
  }) as MoatConfig;
}

function deepFreeze<T>(obj: T): T {
  if (obj && typeof obj === 'object' && !Object.isFrozen(obj)) {
    Object.freeze(obj);
    for (const v of Object.values(obj)) deepFreeze(v);
  }
  return obj;
}
