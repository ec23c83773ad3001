/** What the scale-out benchmarks share: their traffic and their `--name N` arguments. */
import { chatUser, harvester, hydra, mergeByTime, rng } from '../../src/detect/testdata/traffic.js';
import type { TelemetryEvent } from '../../src/telemetry/event.js';

/** `--name N` from the command line, else `def`. */
export const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

/** A mixed population, about `n` events: honest chat users, 10 harvesters and a 20-account hydra, each with a request id. */
export function population(n: number): TelemetryEvent[] {
  const r = rng(1);
  const lists: TelemetryEvent[][] = [hydra(r, 'hy', 20, 50)];
  for (let i = 0; i < 10; i++) lists.push(harvester(r, `acct_h${i}`, 300));
  let total = lists.reduce((s, l) => s + l.length, 0);
  for (let i = 0; total < n; i++) {
    const l = chatUser(r, `acct_u${i}`, 10);
    lists.push(l);
    total += l.length;
  }
  return mergeByTime(...lists)
    .slice(0, n)
    .map((e, i) => ({ ...e, requestId: `b_${i}` }));
}
