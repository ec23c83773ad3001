import type { FastifyPluginAsync } from 'fastify';
import { MoatError } from '../errors/registry.js';
import type { PolicyStore } from './store.js';
import type { SlaTracker } from './sla.js';

/** Options of the policy routes plugin. */
export interface PolicyRoutesOptions {
  policy: PolicyStore;
  sla?: SlaTracker | undefined;
}

/**
 * Admin routes for policy as code, registered under the admin prefix behind its auth
 * hook: GET /policy (in force, with its SHA-256), POST /policy/reload (audited; a bad
 * file is refused with every problem and the old policy stays), GET /policy/sla.
 */
export const policyRoutes: FastifyPluginAsync<PolicyRoutesOptions> = async (app, opts) => {
  app.get('/policy', async () => ({ version: opts.policy.version, policy: opts.policy.policy }));
  app.post('/policy/reload', async (req) => {
    const h = req.headers['x-moat-actor'];
    const r = await opts.policy.reload(typeof h === 'string' && h ? h : 'admin');
    if (!r.ok) throw new MoatError('MOAT_INVALID_REQUEST', r.error);
    return {
      version: opts.policy.version,
      tiers: Object.keys(r.value.tiers),
      contracts: r.value.contracts.map((c) => c.id),
    };
  });
  app.get('/policy/sla', async () => ({ tiers: opts.sla?.report() ?? [] }));
};
