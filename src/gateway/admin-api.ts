/**
 * The admin API's contract with the gateway (issue 15): what the gateway hands the admin
 * routes it is given (`AppOptions.admin`, console/'s `consoleAdmin` in `moat serve`) and the
 * hooks extensions attach to admin actions. The gateway owns the contract; console/
 * implements it, so the gateway never imports console/.
 */
import type { FastifyInstance } from 'fastify';
import type { KeyService } from '../identity/keys.js';
import type { Store, StoredAccount } from '../store/store.js';
import type { Verdict } from '../telemetry/event.js';
import type { VerdictCache } from './verdict-cache.js';

/** Hooks other modules attach to admin actions (hygiene, detector, audit…). */
export interface AdminHooks {
  /** Runs after an account is stored; may return the initial risk verdict (signup hygiene). */
  accountCreated?(account: StoredAccount): Promise<Verdict | undefined> | Verdict | undefined;
  /** Audit trail of every admin action. */
  audit?(entry: {
    actor: string;
    action: string;
    subject: string;
    reason?: string | undefined;
    data?: unknown;
  }): void | Promise<void>;
  /** A pin/unpin happened (so caches and replicas can follow). */
  pinChanged?(account: string): void | Promise<void>;
  /** Limits were changed for an account. */
  limitsChanged?(account: string): void | Promise<void>;
  /** An organisation verification was recorded. */
  accountVerified?(account: string): void | Promise<void>;
}

/** What the admin routes are built from. */
export interface AdminDeps {
  adminToken: string;
  /** More admin routes (review queue, audit, usage…), mounted behind the same auth. */
  plugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
  store: Store;
  keys: KeyService;
  verdicts: VerdictCache;
  hooks: AdminHooks;
  /** Puts verdicts into effect (cache, store, replicas, watchers). */
  applyVerdicts: (v: Verdict[]) => void;
}
