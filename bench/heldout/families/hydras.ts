/**
 * Hydras: traffic load-balanced over many quiet accounts. A 200-account hydra with no
 * stock words and every request reworded; two 100-account reasoning hydras (one shares a
 * set of phrasings, one rewords everything); and a dormant fleet that wakes together when
 * a new model ships.
 */
import { client, type Client } from '../clients.js';
import { HOUR, MIN } from '../clock.js';
import { ProxyPool } from '../people.js';
import { campaignBank, reconstruct, reworded } from '../reword.js';
import type { Rng } from '../rng.js';
import { REASONING_MIX, itemOf, plain, promptText, worked, type Kind } from '../tasks.js';
import type { HEvent, Params } from '../wire.js';
import {
  Actor,
  MODELS,
  keysFor,
  thinkModel,
  type Account,
  type CampaignOut,
  type Family,
  type World,
} from '../world.js';
import { fleet, pipelineTimes, shiftTimes } from './fleet.js';

const isCode = (k: Kind) => k === 'code' || k === 'humaneval';

interface HarvestStyle {
  /** Compose the prompt for an item. */
  prompt: (rng: Rng, text: string, kind: Kind, answer: string | undefined) => string;
  mix: readonly (readonly [Kind, number])[];
  lengthScale: number;
  /** Share of cover traffic: ordinary chat requests mixed in to look like a normal customer. */
  decoy?: number;
}

/** One hydra member: its own times, the campaign's style, the member's pinned settings. */
function member(
  w: World,
  rng: Rng,
  a: { rec: Account['record'] },
  times: number[],
  actor: Actor,
  style: HarvestStyle,
  campaign: string,
  kind: string,
  pivot: [number, number],
  only?: string,
): Account {
  const temperature = rng.pick([0.6, 0.7, 0.8, 1]);
  const cap = rng.pick([4096, 8192, 8192, 16000]);
  const thinkShare = rng.range(0.55, 0.85);
  const modelAt = (ts: number): string =>
    only ?? (rng.chance(thinkShare) ? thinkModel(w, ts, rng, pivot[0], pivot[1]) : MODELS.pro);
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      if (style.decoy && rng.chance(style.decoy)) {
        const item = itemOf(w.corpus, 'chat', rng);
        yield actor.send(
          ts,
          {
            model: rng.chance(0.5) ? MODELS.flash : MODELS.pro,
            params: { temperature },
            turns: [{ role: 'user', text: item.q }],
          },
          plain(item, 'chat', rng),
          rng,
        );
        continue;
      }
      const k = rng.weighted(style.mix);
      const item = itemOf(w.corpus, k, rng);
      const text = style.prompt(rng, promptText(item, k), k, item.answer);
      const model = modelAt(ts);
      const p: Params = { temperature, max_tokens: cap };
      if (model.includes('think') && actor.client.api === 'openai') p.newCap = true;
      yield actor.send(
        ts,
        { model, params: p, turns: [{ role: 'user', text }] },
        worked(item, k, 'en', rng, style.lengthScale),
        rng,
      );
    }
  };
  return { record: a.rec, label: { malicious: true, persona: kind, campaign }, events };
}

/** The 200-account hydra: ~30 requests a day each, reworded every time, through residential proxies. */
function quietHydra(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'hydra-quiet-1';
  const recs = fleet(w, rng, n, {
    waves: 5,
    age: [2, 35],
    routes: [
      ['self-serve', 6],
      ['startup-credits', 2.5],
      ['education', 1.5],
    ],
    cardShare: 0.35,
    cards: 20,
    domainShare: 0.2,
  });
  const pool = new ProxyPool(w.net, 1500, rng);
  const harness: Client = client(rng, 'openai-python');
  const bank = campaignBank(rng, 0.8);
  const style: HarvestStyle = {
    prompt: (r, text, k, answer) =>
      answer && !isCode(k) && r.chance(0.2)
        ? reconstruct(r, text, answer)
        : reworded(r, text, { code: isCode(k), bank }),
    mix: REASONING_MIX,
    lengthScale: 1.5,
    decoy: 0.08,
  };
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const created = Date.parse(a.rec.createdAt);
    const times = shiftTimes(
      r,
      Math.max(w.start, created + r.range(1, 8) * HOUR),
      w.end,
      r.range(24, 36) * w.volume,
      r.int(2, 3),
    );
    let exit = pool.exit(r);
    let sessionEnd = 0;
    const actor = new Actor(a.rec.id, keysFor(w, 1), harness, (rr, ts) => {
      // A sticky proxy session of 10–40 minutes, then a new exit.
      if (ts > sessionEnd) {
        exit = pool.exit(rr);
        sessionEnd = ts + rr.range(10, 40) * MIN;
      }
      return exit;
    });
    return member(w, r, a, times, actor, style, id, 'hydra-quiet', [0.5, 0.6]);
  });
  return { accounts, campaigns: [{ id, kind: 'hydra-quiet', accounts: accounts.length }] };
}

const SHARED_TEMPLATES = [
  'Reason through the following problem carefully and show every step before giving the final answer.\n\n{q}',
  '{q}\n\nThink it over step by step and write out your full chain of thought.',
  'Problem: {q}\nProvide a thorough solution with all intermediate work shown.',
  'You are an expert tutor. Solve:\n{q}\nShow all work.',
  "{q}\n\nLet's work this out in a careful, methodical way to be sure we have the right result.",
  'Solve the problem below. Before the final line, list each deduction on its own line.\n\n{q}',
  "Question: {q}\nFormat: numbered deductions, then 'Final:' and the result.",
  '{q}\n\nGo through it methodically and make every inference visible.',
  'Here is a problem. {q} Please work it through from first principles.',
  'Carefully solve the following and explain your reasoning at each stage:\n{q}',
  '{q}\n\nShow the full derivation.',
  'Task: solve and document each sub-result.\n{q}',
  'Walk me through this one: {q}',
  '{q}\nBreak the solution into numbered stages and check the result at the end.',
];

/** A 100-account reasoning hydra on rented servers that shares a fixed set of phrasings. */
function sharedHydra(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'reason-hydra-shared-1';
  const recs = fleet(w, rng, n, {
    waves: 3,
    age: [3, 12],
    routes: [
      ['education', 1],
      ['startup-credits', 1],
    ],
    cardShare: 1,
    cards: 25,
    domainShare: 0.5,
    countries: ['SG', 'HK', 'MY', 'US', 'AE'],
  });
  const servers = Array.from({ length: 6 }, () => w.net.cloud());
  const harness = client(rng, 'openai-node');
  const style: HarvestStyle = {
    prompt: (r, text) => r.pick(SHARED_TEMPLATES).replace('{q}', () => text),
    mix: REASONING_MIX,
    lengthScale: 1.4,
  };
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const prefix = r.pick(servers);
    const host = `${prefix}.${r.int(2, 254)}`;
    const actor = new Actor(a.rec.id, keysFor(w, 1), harness, () => host);
    const times = pipelineTimes(
      r,
      Math.max(w.start, Date.parse(a.rec.createdAt)),
      w.end,
      r.range(12, 20) * w.volume,
      8,
      'flat',
    );
    return member(w, r, a, times, actor, style, id, 'reason-hydra-shared', [0.6, 0.7]);
  });
  return { accounts, campaigns: [{ id, kind: 'reason-hydra-shared', accounts: accounts.length }] };
}

/** A 100-account reasoning hydra that rewords every request, behind residential proxies, on varied clients, with human-looking days. */
function rewordHydra(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'reason-hydra-reworded-1';
  const recs = fleet(w, rng, n, {
    waves: 12,
    age: [10, 120],
    routes: [
      ['self-serve', 7],
      ['research', 1.5],
      ['startup-credits', 1.5],
    ],
    cardShare: 0.1,
    cards: 6,
  });
  const pool = new ProxyPool(w.net, 800, rng);
  const bank = campaignBank(rng, 0.6);
  const mix: readonly (readonly [Kind, number])[] = [
    ['olympiad', 20],
    ['math', 25],
    ['hard', 20],
    ['code', 15],
    ['humaneval', 5],
    ['gsm', 10],
    ['mc', 5],
  ];
  const style: HarvestStyle = {
    prompt: (r, text, k) => reworded(r, text, { code: isCode(k), bank }),
    mix,
    lengthScale: 1.3,
    decoy: 0.1,
  };
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const c = client(
      r,
      r.pick(['openai-python', 'anthropic-python', 'openai-node', 'litellm', 'anthropic-ts']),
    );
    const exit = pool.exit(r);
    const actor = new Actor(a.rec.id, keysFor(w, 1), c, (rr) =>
      rr.chance(0.85) ? exit : pool.exit(rr),
    );
    const times = pipelineTimes(
      r,
      w.start,
      w.end,
      r.range(11, 19) * w.volume,
      a.country.tz,
      'human',
    );
    return member(w, r, a, times, actor, style, id, 'reason-hydra-reworded', [0.4, 0.5]);
  });
  return {
    accounts,
    campaigns: [{ id, kind: 'reason-hydra-reworded', accounts: accounts.length }],
  };
}

const WAKE_TEMPLATES = [
  '{q}\n\nSolve this rigorously; every intermediate result must appear.',
  'Work the following from scratch, numbering each move:\n\n{q}',
  '{q}\n\nGive the complete worked solution.',
  'Solve:\n{q}',
];

/** Old accounts, silent for months, activated within the hour after a model release. */
function dormant(w: World, n: number, rng: Rng): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'dormant-wake-1';
  const recs = fleet(w, rng, n, {
    waves: 8,
    age: [60, 200],
    routes: [['self-serve', 1]],
    cardShare: 0.15,
    cards: 3,
  });
  const servers = Array.from({ length: 3 }, () => w.net.prefix());
  const wake = Math.min(w.release + rng.range(2, 6) * HOUR, w.start + 0.7 * (w.end - w.start));
  const bank = campaignBank(rng, 0.7);
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const host = `${r.pick(servers)}.${r.int(2, 254)}`;
    const actor = new Actor(
      a.rec.id,
      keysFor(w, 1),
      client(r, r.pick(['openai-python', 'anthropic-python'])),
      () => host,
    );
    const from = wake + r.range(0, 40) * MIN;
    const times = pipelineTimes(r, from, w.end, r.range(70, 110) * w.volume, 0, 'flat');
    const templated = r.chance(0.5);
    const style: HarvestStyle = {
      prompt: (rr, text, k) =>
        templated
          ? rr.pick(WAKE_TEMPLATES).replace('{q}', () => text)
          : reworded(rr, text, { code: isCode(k), bank }),
      mix: REASONING_MIX,
      lengthScale: 1.5,
    };
    // Everything after waking goes to the newest model.
    return member(
      w,
      r,
      a,
      times,
      actor,
      style,
      id,
      'dormant-wake',
      [1, 1],
      wake >= w.release ? MODELS.next : undefined,
    );
  });
  return { accounts, campaigns: [{ id, kind: 'dormant-wake', accounts: accounts.length }] };
}

export const HYDRAS: Family[] = [
  { name: 'hydra-quiet', malicious: true, base: 200, min: 6, build: quietHydra },
  { name: 'reason-hydra-shared', malicious: true, base: 100, min: 4, build: sharedHydra },
  { name: 'reason-hydra-reworded', malicious: true, base: 100, min: 4, build: rewordHydra },
  { name: 'dormant-wake', malicious: true, base: 30, min: 3, build: dormant },
];
