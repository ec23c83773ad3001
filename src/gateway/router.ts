import type { ModelRoute, UpstreamConfig } from '../config/config.js';
import { MoatError } from '../errors/registry.js';
import type { Protocol, Upstream } from './upstream.js';

/** A model name resolved to the upstream that serves it. */
export interface Resolved {
  upstream: Upstream;
  upstreamModel: string;
  route: ModelRoute;
}

/**
 * Routes a client's model name to an upstream, from the config's `models` list; `*`
 * catches every other name. A real upstream only serves the API it speaks: a model routed
 * to an OpenAI-compatible server is not reachable through /v1/messages.
 */
export class ModelRouter {
  private readonly exact = new Map<string, ModelRoute>();
  private readonly wildcard: ModelRoute | undefined;

  constructor(
    routes: readonly ModelRoute[],
    private readonly upstreams: ReadonlyMap<string, Upstream>,
  ) {
    for (const r of routes) if (r.name !== '*') this.exact.set(r.name, r);
    this.wildcard = routes.find((r) => r.name === '*');
  }

  /** Resolve or throw MOAT_UNKNOWN_MODEL / MOAT_WRONG_API_FOR_MODEL. */
  resolve(model: string, protocol: Protocol): Resolved {
    const route = this.exact.get(model) ?? this.wildcard;
    if (!route) throw new MoatError('MOAT_UNKNOWN_MODEL', model, { param: 'model' });
    const upstream = this.upstreams.get(route.upstream)!;
    if (!upstream.speaks(protocol)) {
      const other =
        protocol === 'openai'
          ? 'POST /v1/messages (Anthropic Messages API)'
          : 'POST /v1/chat/completions (OpenAI Chat Completions API)';
      throw new MoatError(
        'MOAT_WRONG_API_FOR_MODEL',
        `The model "${model}" is served through ${other}; send the request there.`,
        {
          param: 'model',
        },
      );
    }
    return { upstream, upstreamModel: route.upstreamModel ?? model, route };
  }

  /**
   * The route a name takes without the protocol check, or undefined when none does;
   * `exact` is false for a name only the wildcard catches.
   */
  lookup(model: string): (Resolved & { exact: boolean }) | undefined {
    const exact = this.exact.get(model);
    const route = exact ?? this.wildcard;
    if (!route) return undefined;
    const upstream = this.upstreams.get(route.upstream)!;
    return {
      upstream,
      upstreamModel: route.upstreamModel ?? model,
      route,
      exact: exact !== undefined,
    };
  }

  /** Every configured upstream (readiness checks). */
  allUpstreams(): Upstream[] {
    return [...this.upstreams.values()];
  }

  /** Whether a name is served (for validation before auth-heavy work). */
  knows(model: string): boolean {
    return this.exact.has(model) || this.wildcard !== undefined;
  }

  /** The models to list in GET /v1/models (the wildcard is not a model). */
  list(): Array<{
    id: string;
    upstream: string;
    description?: string | undefined;
    kind: UpstreamConfig['kind'];
  }> {
    return [...this.exact.values()].map((r) => ({
      id: r.name,
      upstream: r.upstream,
      description: r.description,
      kind: this.upstreams.get(r.upstream)!.kind,
    }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.upstreams.values()].map((u) => u.close()));
  }
}
