import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { MoatApp } from '../gateway/app.js';
import { LEVELS, type Verdict } from '../telemetry/event.js';
import { eachAccount } from '../store/store.js';
import { clusterGraph, summarizeClusters } from './clusters.js';
import { provenanceTools } from './provenance-tools.js';
import type { TrafficRecorder, VerdictHistory } from './traffic.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/** What the console's admin routes read. */
export interface ConsoleApiDeps {
  core: Core;
  traffic: TrafficRecorder;
  history: VerdictHistory;
  env: NodeJS.ProcessEnv;
}

const overviewQuery = z
  .object({
    minutes: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60)
      .describe('how far back the traffic series goes'),
    top: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();
const timelineQuery = z
  .object({
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    samples: z.coerce.number().int().min(0).max(200).default(20),
  })
  .strict();
const volumeQuery = z
  .object({
    accounts: z
      .string()
      .min(1)
      .max(100_000)
      .describe('comma-separated account ids (at most 1,000)'),
  })
  .strict();
const clustersQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(1000).default(100) })
  .strict();
const detectBody = z
  .object({ text: z.string().min(1, 'paste the text to test').max(2_000_000) })
  .strict();
const verifyBody = z
  .object({ text: z.string().max(2_000_000), receipt: z.string().min(1).max(10_000) })
  .strict();

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const path = [where, ...i.path].join('.');
  throw new MoatError('MOAT_INVALID_REQUEST', `${path}: ${i.message}`, { param: path });
}

async function allAccountsCount(core: Core): Promise<number> {
  let n = 0;
  for await (const _ of eachAccount(core.store)) n++;
  return n;
}

/**
 * The admin routes the analyst console reads beyond the account, key, audit and review
 * routes: an overview, an account's risk timeline and volume, campaigns as graphs, and the
 * provenance tools (watermark detection with attribution, receipt verification).
 */
export function consoleApi(deps: ConsoleApiDeps) {
  const { core, traffic, history } = deps;
  const tools = provenanceTools(core.config, deps.env);
  const verdictMap = async () => {
    const list = await core.store.listVerdicts({ minLevel: 'allow', limit: 1_000_000 });
    return new Map<string, Verdict>(list.map((v) => [v.account, v]));
  };

  return async (admin: FastifyInstance) => {
    admin.get(
      '/overview',
      {
        config: {
          openapi: {
            summary:
              'Console overview: traffic per minute, accounts per level, top risk scores, upstream health',
            query: overviewQuery,
          },
        },
      },
      async (req) => {
        const q = parse(overviewQuery, req.query, 'query');
        const now = Date.now();
        const total = await allAccountsCount(core);
        const byLevel = core.verdicts.counts();
        const judged = Object.values(byLevel).reduce((s, n) => s + n, 0);
        byLevel.allow += Math.max(0, total - judged);
        const top = (await core.store.listVerdicts({ minLevel: 'allow', limit: 1_000_000 }))
          .sort((a, b) => b.score - a.score)
          .slice(0, q.top)
          .map((v) => ({
            account: v.account,
            score: v.score,
            level: core.verdicts.level(v.account, now),
            detectorLevel: v.level,
            cluster: v.cluster,
            reason: v.reasons[0] ?? null,
            volume: traffic.volume(v.account),
          }));
        return {
          generatedAt: now,
          accounts: { total, byLevel, levels: LEVELS },
          traffic: { bucketMs: 60_000, buckets: traffic.series(now - q.minutes * 60_000, now) },
          top,
          upstreams: core.upstreamHealth?.() ?? {},
        };
      },
    );

    admin.get(
      '/accounts/:id/timeline',
      {
        config: {
          openapi: {
            summary: "An account's risk over time, its traffic per hour and sample prompts",
            query: timelineQuery,
          },
        },
      },
      async (req) => {
        const { id } = req.params as { id: string };
        const q = parse(timelineQuery, req.query, 'query');
        if (!(await core.store.getAccount(id)))
          throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
        const since = Date.now() - q.hours * 3_600_000;
        const hours = new Map<
          number,
          { t: number; requests: number; tokens: number; actions: Record<string, number> }
        >();
        const samples: Array<{
          ts: number;
          model: string;
          action: string;
          request: unknown;
          response: string;
        }> = [];
        const network = new Map<string, number>();
        for await (const e of core.store.events({ account: id, since, limit: 10_000 })) {
          const t = Math.floor(e.ts / 3_600_000) * 3_600_000;
          const h =
            hours.get(t) ?? hours.set(t, { t, requests: 0, tokens: 0, actions: {} }).get(t)!;
          h.requests++;
          h.tokens += (e.response?.inputTokens ?? 0) + (e.response?.outputTokens ?? 0);
          h.actions[e.action] = (h.actions[e.action] ?? 0) + 1;
          for (const [kind, v] of [
            ['ip', e.ip],
            ['ja4', e.ja4],
            ['userAgent', e.userAgent],
            ['fingerprint', e.fingerprint],
          ] as const) {
            if (typeof v === 'string' && v)
              network.set(`${kind}\n${v}`, (network.get(`${kind}\n${v}`) ?? 0) + 1);
          }
          samples.push({
            ts: e.ts,
            model: e.model,
            action: e.action,
            request: e.request,
            response: (e.response?.text ?? '').slice(0, 600),
          });
          if (samples.length > q.samples) samples.shift();
        }
        return {
          account: id,
          risk: history.of(id),
          traffic: [...hours.values()].sort((a, b) => a.t - b.t),
          samples,
          network: [...network]
            .map(([k, n]) => ({
              kind: k.slice(0, k.indexOf('\n')),
              value: k.slice(k.indexOf('\n') + 1),
              requests: n,
            }))
            .sort((a, b) => b.requests - a.requests)
            .slice(0, 50),
          volume: traffic.volume(id),
        };
      },
    );

    admin.get(
      '/volume',
      {
        config: {
          openapi: {
            summary: 'Requests and tokens per account since the server started',
            query: volumeQuery,
          },
        },
      },
      async (req) => {
        const q = parse(volumeQuery, req.query, 'query');
        const ids = q.accounts.split(',').filter(Boolean);
        if (ids.length > 1000)
          throw new MoatError('MOAT_INVALID_REQUEST', 'query.accounts: at most 1,000 ids', {
            param: 'query.accounts',
          });
        return { data: Object.fromEntries(ids.map((id) => [id, traffic.volume(id)])) };
      },
    );

    admin.get(
      '/clusters',
      {
        config: {
          openapi: {
            summary: 'Campaigns: clusters of linked accounts with their members, level and reasons',
            query: clustersQuery,
          },
        },
      },
      async (req) => {
        const q = parse(clustersQuery, req.query, 'query');
        return { data: summarizeClusters([...(await verdictMap()).values()]).slice(0, q.limit) };
      },
    );

    admin.get(
      '/clusters/:id',
      {
        config: {
          openapi: {
            summary:
              'One campaign as a graph: members, links with their evidence, coverage and volume',
          },
        },
      },
      async (req) => {
        const { id } = req.params as { id: string };
        const verdicts = await verdictMap();
        const summary = summarizeClusters([...verdicts.values()]).find((c) => c.id === id);
        if (!summary) throw new MoatError('MOAT_NOT_FOUND', `No cluster "${id}".`);
        return clusterGraph(core.store, summary, verdicts);
      },
    );

    admin.post(
      '/provenance/detect',
      {
        config: {
          openapi: {
            summary:
              "Test a text for Moat's watermark and attribute it to the accounts it was served to",
            body: detectBody,
          },
        },
      },
      async (req) => {
        const b = parse(detectBody, req.body, 'body');
        return tools.detect(b.text);
      },
    );

    admin.post(
      '/provenance/verify',
      {
        config: {
          openapi: {
            summary: 'Check a text against a moat-receipt header value',
            body: verifyBody,
          },
        },
      },
      async (req) => {
        const b = parse(verifyBody, req.body, 'body');
        return tools.verify(b.text, b.receipt);
      },
    );
  };
}
