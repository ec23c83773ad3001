/**
 * Campaign infrastructure: hydra accounts (staggered signups, low-friction routes, shared or
 * virtual cards, claimed countries), rotating residential-proxy exits, SDK stacks and spoofed
 * browser User-Agents over a scripting TLS stack, and reworded harvest asks.
 */
import { CLIENTS, cloudIp, proxyPool, type Client } from './clients.js';
import { personalEmail, TZ } from './people.js';
import type { Rng } from './rng.js';
import { isoBefore, keyId, payFp, type Actor, type World } from './world.js';

/** How a campaign's accounts were created and how they reach the API. */
export interface HydraOpts {
  kind: string;
  index?: number;
  n: number;
  clients: string[];
  /** Share of accounts that set a browser User-Agent over their script's TLS stack. */
  spoof?: number;
  countries: string[];
  routes: [string, number][];
  /** Signups happen this many days before the run starts. */
  signupDays: [number, number];
  /** Accounts per payment card (1 = a virtual card each). */
  perCard: number;
  /** Exit addresses: residential proxies (rotating) or cloud VMs. */
  exits: 'proxy' | 'cloud';
  poolSize?: number;
  /** Some campaigns register a throwaway domain for part of their accounts. */
  domain?: string;
}

/** A browser User-Agent on top of a Python TLS stack and header order: a common disguise. */
function spoofed(rng: Rng): Client {
  const base = CLIENTS.httpx as Client;
  const ua = (CLIENTS[rng.pick(['chromeWin', 'chromeMac', 'edge'])] as Client).userAgent;
  return { ...base, name: 'spoofed-browser', userAgent: ua };
}

/** Creates a campaign's accounts and registers the campaign; returns the actors. */
export function hydra(world: World, rng: Rng, o: HydraOpts): Actor[] {
  const id = `${o.kind}-${o.index ?? 1}`;
  const pool =
    o.exits === 'proxy' ? proxyPool(rng, o.poolSize ?? Math.max(40, o.n * 4), o.countries) : [];
  const cards: string[] = [];
  const actors: Actor[] = [];
  // Signups come in a few batches, as operators register accounts in sittings.
  const batches = Math.max(1, Math.round(o.n / rng.int(8, 20)));
  const batchDays = Array.from({ length: batches }, () =>
    rng.float(o.signupDays[0], o.signupDays[1]),
  );
  for (let i = 0; i < o.n; i++) {
    if (i % o.perCard === 0) cards.push(payFp(rng));
    const country = rng.pick(o.countries);
    const signupIp = o.exits === 'proxy' ? rng.pick(pool) : cloudIp(rng);
    const email =
      o.domain && rng.chance(0.4)
        ? `${rng.pick(['ops', 'dev', 'team', 'research', 'admin', 'lab'])}${rng.int(1, 999)}@${o.domain}`
        : personalEmail(rng);
    const acct = world.addAccount(
      rng,
      {
        createdAt: isoBefore(
          rng,
          world.start,
          (batchDays[i % batches] as number) + rng.float(0, 0.2),
        ),
        email,
        signupIp,
        paymentFingerprint: cards[cards.length - 1] as string,
        country,
        tier: rng.weighted([
          ['free', 3],
          ['tier-1', 5],
          ['tier-2', 2],
        ]),
        route: rng.weighted(o.routes),
      },
      { malicious: true, persona: o.kind, campaign: id },
    );
    const client = rng.chance(o.spoof ?? 0)
      ? spoofed(rng)
      : (CLIENTS[rng.pick(o.clients)] as Client);
    const vms = Array.from({ length: 3 }, () =>
      cloudIp(rng, rng.pick(['hetzner', 'ovh', 'digitalocean', 'linode', 'aws'])),
    );
    const ip = o.exits === 'proxy' ? () => rng.pick(pool) : () => rng.pick(vms);
    actors.push({ acct, keys: [keyId(rng)], client, ip, tz: TZ[country] ?? 0 });
  }
  world.addCampaign(id, o.kind, o.n);
  return actors;
}

const OPENERS = [
  '',
  '',
  '',
  'Quick one:',
  'hey,',
  'So I ran into this.',
  'Stuck on this one.',
  'From a practice set:',
  'Can you help with this?',
  'Got a question.',
  'A friend sent me this.',
  'For a project I am working on:',
  'hi!',
  'Need a hand here.',
  'ok so',
  'Trying to figure this out:',
];
const CLOSERS = [
  'How does one get to the answer?',
  'Walk me through it.',
  "Show how you'd work it out.",
  'I want to see how the result comes out, not just the number.',
  "What's the logic from start to finish?",
  'Lay out the working.',
  'show the working pls',
  'How do you get there?',
  'Could you break it down?',
  'Derive it fully.',
  "I'd like the full derivation.",
  'Go through it carefully so I can follow.',
  'Where do the numbers come from?',
  "Don't skip anything.",
  'Show every calculation.',
  'Can you justify each part of the answer?',
  'what is the answer and how do you know',
  'Make every intermediate result visible.',
  'I need the full solution, written out.',
  'Please be thorough.',
];

function typo(rng: Rng, s: string): string {
  const words = s.split(' ');
  const i = rng.int(0, words.length - 1);
  const w = words[i] ?? '';
  if (w.length > 4) {
    const j = rng.int(1, w.length - 3);
    words[i] = w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2);
  }
  return words.join(' ');
}

/** A reworded request for a full solution that avoids the usual elicitation phrases. */
export function reworded(rng: Rng, q: string): string {
  const open = rng.pick(OPENERS);
  const close = rng.pick(CLOSERS);
  let s: string;
  const shape = rng.int(0, 3);
  if (shape === 0) s = `${open} ${q} ${close}`;
  else if (shape === 1) s = `${close.replace(/[.?!]$/, '')}: ${q}`;
  else if (shape === 2) s = `${open}\n\n${q}\n\n${close}`;
  else s = `${q}\n${close}`;
  s = s.trim();
  if (rng.chance(0.3)) s = s.toLowerCase();
  if (rng.chance(0.2)) s = typo(rng, s);
  return s;
}
