/**
 * A campaign split over two detector partitions, for the evidence-exchange tests (issue 18).
 */
import { chatUser, hydra, mergeByTime, rng, student } from '../../../detect/testdata/traffic.js';
import type { TelemetryEvent } from '../../../telemetry/event.js';
import { accountSlot } from '../../../telemetry/slot.js';

/** `n` account ids alternating between the two partitions of two. */
export function splitIds(prefix: string, n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < n; i++)
    if (accountSlot(`${prefix}${i}`) % 2 === ids.length % 2) ids.push(`${prefix}${i}`);
  return ids;
}

/**
 * A 6-account hydra (12 requests each) split 3 + 3 over two partitions, among honest
 * students and chat users: one detector raises every member to throttle, either half alone
 * only to monitor (the tests check both).
 */
export function splitHydra(seed: number): { events: TelemetryEvent[]; members: string[] } {
  const r = rng(seed);
  const members = splitIds('acct_hydra', 6);
  const h = hydra(r, 'hy', 6, 12).map((e) => ({
    ...e,
    account: members[Number(e.account.slice(2))]!,
  }));
  const honest = [
    student(r, 'acct_s1', 40),
    student(r, 'acct_s2', 40),
    chatUser(r, 'acct_c1', 40),
    chatUser(r, 'acct_c2', 40),
  ];
  return {
    events: mergeByTime(h, ...honest).map((e, i) => ({ ...e, requestId: `x_${i}` })),
    members,
  };
}
