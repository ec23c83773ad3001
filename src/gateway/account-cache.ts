import type { LimitOverrides, Store } from '../store/store.js';

/** What the hot path needs to know about an account besides its verdict. */
export interface AccountInfo {
  tier: string | undefined;
  verified: boolean;
  limits: LimitOverrides | undefined;
  createdAt: number;
}

interface Entry {
  info: AccountInfo | undefined;
  expires: number;
}

/**
 * Account tier, verification and limit overrides, cached in memory: one store read per
 * account per `ttlMs`, dropped at once when the admin API changes them in this process.
 */
export class AccountCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 10_000,
    private readonly max = 200_000,
  ) {}

  /** Cached info, or undefined when it must be loaded with `load`. */
  peek(account: string, now = Date.now()): AccountInfo | undefined {
    const e = this.entries.get(account);
    return e && e.expires > now ? e.info : undefined;
  }

  async get(account: string, now = Date.now()): Promise<AccountInfo | undefined> {
    const e = this.entries.get(account);
    if (e && e.expires > now) return e.info;
    const [acct, limits] = await Promise.all([
      this.store.getAccount(account),
      this.store.getLimits(account),
    ]);
    const info = acct
      ? {
          tier: acct.tier,
          verified: acct.verified !== undefined,
          limits,
          createdAt: acct.createdAt,
        }
      : undefined;
    if (this.entries.size >= this.max) {
      const first = this.entries.keys().next();
      if (!first.done) this.entries.delete(first.value);
    }
    this.entries.set(account, { info, expires: now + this.ttlMs });
    return info;
  }

  invalidate(account: string): void {
    this.entries.delete(account);
  }
}
