import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditQuery } from '../audit/routes.js';

/**
 * What the OpenAPI document says about one admin route, given as the route's
 * `config.openapi`: the zod schemas here are the ones its handler validates with, so the
 * document cannot drift from the checks.
 * @example admin.post('/accounts', { config: { openapi: { summary: 'Create an account', body: accountBody } } }, handler)
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** A z.object of the query parameters. */
  query?: z.ZodObject;
  /** Status of a success (default 200). */
  status?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDoc;
  }
}

/**
 * Summaries of admin routes that other modules mount without `config.openapi` (review,
 * audit, policy, usage, intel): listed with their summary so the document covers every route.
 */
const KNOWN: Record<string, string> = {
  'GET /admin/v1/incidents': 'List review incidents (status, account, resolution, limit)',
  'GET /admin/v1/incidents/labels': 'Labels from resolved incidents (for evaluation)',
  'GET /admin/v1/incidents/{id}': 'One incident',
  'POST /admin/v1/incidents/{id}/ack': 'Acknowledge an incident {note?, by?}',
  'POST /admin/v1/incidents/{id}/escalate': 'Escalate an incident {note?, by?}',
  'POST /admin/v1/incidents/{id}/resolve': 'Resolve an incident {resolution, note?, by?, exempt?}',
  'GET /admin/v1/audit': 'Audit log entries in a time range, oldest or newest first',
  'GET /admin/v1/audit/verify': 'Verify the hash-chained audit log',
  'GET /admin/v1/policy': 'The contract and tier policy in force',
  'POST /admin/v1/policy/reload': 'Reload the policy file',
  'GET /admin/v1/policy/sla': "Friction against each tier's SLA",
  'GET /admin/v1/accounts/{id}/usage':
    'Signed usage report of an account (from, to, format=json|csv)',
  'GET /admin/v1/organizations/{id}/usage':
    'Signed usage report of every account of an organization (from, to, format=json|csv)',
  'POST /admin/v1/intel/reload':
    'Load indicators imported into the store (after `moat intel import`) now',
};

/** Query schemas of those routes, where their module exports the schema it validates with. */
const KNOWN_QUERY: Record<string, z.ZodObject> = {
  'GET /admin/v1/audit': auditQuery,
};

interface Collected {
  method: string;
  path: string;
  doc: RouteDoc | undefined;
}

/** `/accounts/:id/keys` → `/accounts/{id}/keys`, with the parameter names. */
function openApiPath(url: string): { path: string; params: string[] } {
  const params: string[] = [];
  const path = url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: path.length > 1 ? path.replace(/\/$/, '') : path, params };
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client sends. */
function schemaOf(s: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function queryParameters(q: z.ZodObject | undefined): Array<Record<string, unknown>> {
  if (!q) return [];
  return Object.entries(q.shape).map(([name, s]) => {
    const schema = schemaOf(s as z.ZodType);
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: !(s as z.ZodType).safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR = {
  description:
    'An error: `{"error": {"message", "type", "param", "code"}}` with a stable code (docs/errors.md)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/**
 * Collect the routes registered on `scope` from now on (its children's too) and return a
 * function that builds the OpenAPI 3.1 document of them.
 */
export function collectOpenApi(
  scope: FastifyInstance,
  info: { title: string; version: string },
): () => Record<string, unknown> {
  const routes: Collected[] = [];
  scope.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      routes.push({ method: m.toLowerCase(), path: r.url ?? r.path, doc: r.config?.openapi });
    }
  });
  let built: Record<string, unknown> | undefined;
  return () => (built ??= build(routes, info));
}

function build(
  routes: Collected[],
  info: { title: string; version: string },
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const { path, params } = openApiPath(r.path);
    const summary =
      r.doc?.summary ??
      KNOWN[`${r.method.toUpperCase()} ${path}`] ??
      `${r.method.toUpperCase()} ${path}`;
    const op: Record<string, unknown> = {
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary,
      ...(r.doc?.description ? { description: r.doc.description } : {}),
      parameters: [
        ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...queryParameters(r.doc?.query ?? KNOWN_QUERY[`${r.method.toUpperCase()} ${path}`]),
      ],
      responses: {
        [String(r.doc?.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: {} } },
        },
        '400': ERROR,
        '401': ERROR,
        '404': ERROR,
      },
    };
    if (r.doc?.body) {
      op['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: schemaOf(r.doc.body) } },
      };
    }
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'The Moat admin API. Every route needs `Authorization: Bearer $MOAT_ADMIN_TOKEN`.',
    },
    security: [{ adminToken: [] }],
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                message: { type: 'string' },
                type: { type: 'string' },
                param: { type: ['string', 'null'] },
                code: { type: 'string' },
              },
              required: ['message', 'type', 'code'],
            },
          },
          required: ['error'],
        },
      },
    },
    paths,
  };
}
