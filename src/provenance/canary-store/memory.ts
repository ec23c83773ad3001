import type { Canary, CanaryPlant, CanaryStore } from '../canary-store.js';

/** In-process CanaryStore (tests, and a gateway without a data dir). */
export class MemoryCanaryStore implements CanaryStore {
  private readonly byId = new Map<string, Canary>();
  private readonly planted: CanaryPlant[] = [];
  private readonly seen = new Set<string>();

  async record(canary: Canary, plant: CanaryPlant): Promise<void> {
    if (!this.byId.has(canary.id)) this.byId.set(canary.id, canary);
    this.planted.push(plant);
  }
  async canaries(): Promise<Canary[]> {
    return [...this.byId.values()];
  }
  async plants(account?: string): Promise<CanaryPlant[]> {
    return this.planted.filter((p) => account === undefined || p.account === account);
  }
  async noteAccount(account: string): Promise<void> {
    this.seen.add(account);
  }
  async accounts(): Promise<string[]> {
    return [...this.seen].sort();
  }
  async close(): Promise<void> {}
}
