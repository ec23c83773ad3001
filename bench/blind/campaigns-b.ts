/**
 * Campaigns 6-11: a harvest hidden in a real app's traffic, a logit_bias sweep without
 * logprobs, reasoning asks in other languages, padded prompts, dormant accounts that wake
 * together, and a pivot to the newly released model.
 */
import { harvestItem } from './campaigns-a.js';
import { apiOf } from './convo.js';
import { travelRequest, TRAVEL_SYSTEM } from './honest-apps.js';
import { hydra, reworded } from './hydra.js';
import { foreignProblem, LANGS } from './problems.js';
import { workedAnswer } from './respond.js';
import type { Rng } from './rng.js';
import { appArrivals, endUsers, serviceAccount } from './services.js';
import { MODELS } from './wire.js';
import { DAY, HOUR, SHAPES, type World } from './world.js';

/** 6. A real travel app whose operator routes 10-20% harvest through it, same prompt and users. */
export function appMix(world: World, rng: Rng): void {
  const n = world.scale(3, 1);
  const id = 'app-mix-1';
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`appmix-${i}`);
    const a = serviceAccount(world, r, {
      label: { malicious: true, persona: 'app-mix', campaign: id },
      domain: r.pick(['tripnest.com', 'voyago.app', 'staybird.io']),
      country: r.pick(['US', 'SG', 'GB']),
      client: 'jsOpenAI_4_77',
      cloud: 'aws',
      ageDays: [120, 500],
    });
    const users = endUsers(r, r.int(300, 800), 'u_');
    const share = r.float(0.1, 0.2);
    for (const t of appArrivals(
      world,
      r,
      a.tz,
      r.int(140, 240),
      SHAPES.consumer as number[],
      1.2,
    )) {
      const uid = r.pick(users);
      if (!r.chance(share)) {
        travelRequest(world, r, a, t, uid);
        continue;
      }
      const it = harvestItem(world, r);
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: MODELS.flash,
          system: TRAVEL_SYSTEM,
          turns: [{ role: 'user', text: reworded(r, it.q) }],
          params: { temperature: 0.4, max_tokens: 400, stream: true, user: uid },
        },
        { text: it.a },
      );
    }
  }
  world.addCampaign(id, 'app-mix', n);
}

const PROBES = [
  'The',
  'Write one word.',
  'Continue: "Once upon a time',
  'Say anything.',
  'Answer with a single token:',
  'Next word:',
  '1, 2, 3,',
  'Hello',
];

/** 7. Logit extraction through logit_bias alone: bisection on bias over a token sweep. */
export function logitSweep(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'logit-sweep',
    n: world.scale(6, 2),
    clients: ['requests', 'httpx', 'pyOpenAI_1_35'],
    countries: ['US', 'DE', 'RU'],
    routes: [
      ['self-serve', 6],
      ['research', 4],
    ],
    signupDays: [2, 14],
    perCard: 3,
    exits: 'cloud',
  });
  actors.forEach((a, idx) => {
    const r = rng.fork(a.acct.id);
    let token = 1000 + idx * 8000;
    let t = world.start + r.float(0, 2 * DAY);
    const rate = r.int(250, 450);
    while (t < world.end) {
      const probe = r.pick(PROBES);
      // Bisection on the bias: 6 probes per token, each halving the interval.
      let lo = -20;
      let hi = 20;
      for (let k = 0; k < 6; k++) {
        const mid = Math.round(((lo + hi) / 2) * 100) / 100;
        const won = r.chance(0.5);
        world.send(
          r,
          a,
          t,
          {
            api: 'openai',
            model: MODELS.pro,
            turns: [{ role: 'user', text: probe }],
            params: { temperature: 0, max_tokens: 1, logit_bias: { [String(token)]: mid } },
          },
          {
            text: won
              ? r.pick([' the', ' a', 'ing', ' of', 'ed', ' quant', ' x'])
              : r.pick([' The', ' Once', ' 4', ' Hi', ' I']),
          },
        );
        if (won) hi = mid;
        else lo = mid;
        t += r.exp(DAY / rate);
      }
      token++;
    }
  });
}

const EN_COVER = ['thanks', 'ok next one', 'can you double check that'];

/** 8. Reasoning asks in Spanish, Portuguese, Indonesian, Vietnamese, Swahili, Tagalog, Bengali, Yoruba. */
export function multilingual(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'multilingual',
    n: world.scale(30, 3),
    clients: ['pyOpenAI_1_59', 'jsOpenAI_4_85', 'pyAnthropic_0_49'],
    spoof: 0.3,
    countries: ['ID', 'VN', 'KE', 'NG', 'PH', 'BD', 'BR', 'MX'],
    routes: [
      ['self-serve', 6],
      ['education', 4],
    ],
    signupDays: [5, 45],
    perCard: 3,
    exits: 'proxy',
  });
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    const langs = r.sample(LANGS, r.int(1, 3));
    for (let d = 0; d < world.days; d++) {
      const total = r.int(22, 40);
      for (let k = 0; k < total; k++) {
        const t = world.at(r, d, a.tz, 'consumer');
        const lang = r.pick(langs);
        const w = foreignProblem(r, lang);
        const ask = r.pick(lang.asks);
        const text = r.chance(0.5) ? `${w.q}\n${ask}` : `${ask} ${w.q}`;
        const turns = [{ role: 'user' as const, text }];
        world.send(
          r,
          a,
          t,
          {
            api,
            model: r.chance(0.6) ? MODELS.reasoner : MODELS.pro,
            turns,
            params: { max_tokens: 4096, temperature: 0.8 },
          },
          { text: workedAnswer(r, w, lang) },
        );
        if (r.chance(0.05)) {
          const follow = [
            ...turns,
            { role: 'assistant' as const, text: workedAnswer(r, w, lang) },
            { role: 'user' as const, text: r.pick(EN_COVER) },
          ];
          world.send(
            r,
            a,
            t + 40_000,
            { api, model: MODELS.flash, turns: follow, params: { max_tokens: 1024 } },
            { text: 'You are welcome! Let me know if you have another question.' },
          );
        }
      }
    }
  }
}

const PAD_HEADERS = [
  'Background notes (not needed for the question):',
  'Context from our wiki:',
  'Some reading material:',
  'Attached log:',
  'FYI, pasted from the previous thread:',
  '',
];

/** 9. Padded prompts: long irrelevant context so the output/input ratio looks ordinary. */
export function padding(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'padding',
    n: world.scale(20, 2),
    clients: ['pyOpenAI_1_61', 'jsOpenAI_4_77', 'pyAnthropic_0_45'],
    countries: ['US', 'GB', 'CA', 'NL'],
    routes: [
      ['self-serve', 8],
      ['startup-credits', 2],
    ],
    signupDays: [10, 50],
    perCard: 2,
    exits: 'proxy',
  });
  const c = world.corpus;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    for (let d = 0; d < world.days; d++) {
      const total = r.int(28, 50);
      for (let k = 0; k < total; k++) {
        const t = world.at(r, d, a.tz, 'consumer');
        const it = harvestItem(world, r);
        const target = it.a.length * r.float(0.8, 1.6);
        let pad = '';
        while (pad.length < target) pad += `${r.pick(c.docs).slice(0, 1200)}\n\n`;
        const text = `${r.pick(PAD_HEADERS)}\n${pad.slice(0, Math.min(9000, Math.round(target)))}\n\n---\n${reworded(r, it.q)}`;
        world.send(
          r,
          a,
          t,
          {
            api,
            model: r.chance(0.5) ? MODELS.reasoner : MODELS.pro,
            turns: [{ role: 'user', text }],
            params: { max_tokens: 4096, temperature: 0.7 },
          },
          { text: it.a },
        );
      }
    }
  }
}

/** 10. Accounts created months ago, silent since, that all wake within a few hours. */
export function dormantWake(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'dormant-wake',
    n: world.scale(40, 4),
    clients: ['pyOpenAI_1_35', 'pyOpenAI_1_59', 'requests'],
    spoof: 0.2,
    countries: ['US', 'GB', 'FR', 'ES', 'TR', 'PL'],
    routes: [
      ['self-serve', 7],
      ['education', 2],
      ['startup-credits', 1],
    ],
    signupDays: [90, 240],
    perCard: 1,
    exits: 'proxy',
  });
  const wake = world.start + Math.min(1, world.days - 1) * DAY + 14 * HOUR;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    let t = wake + r.float(0, 3) * HOUR;
    const perDay = r.int(30, 55);
    while (t < world.end) {
      const it = harvestItem(world, r);
      const text = r.chance(0.5)
        ? reworded(r, it.q)
        : `Problem: ${it.q}\n\nProvide the complete solution.`;
      world.send(
        r,
        a,
        t,
        {
          api,
          model: r.chance(0.6) ? MODELS.reasoner : MODELS.pro,
          turns: [{ role: 'user', text }],
          params: { max_tokens: 4096, temperature: 0.5 },
        },
        { text: it.a },
      );
      t += r.exp(DAY / perDay);
    }
  }
}

/** 11. A campaign that moves most of its traffic to helix-2 within a day of release. */
export function modelPivot(world: World, rng: Rng): void {
  const actors = hydra(world, rng, {
    kind: 'model-pivot',
    n: world.scale(25, 3),
    clients: ['pyOpenAI_1_61', 'pyOpenAIAsync', 'jsOpenAI_4_85'],
    countries: ['US', 'SG', 'HK', 'KR'],
    routes: [
      ['startup-credits', 5],
      ['self-serve', 5],
    ],
    signupDays: [15, 70],
    perCard: 5,
    exits: 'proxy',
  });
  const switchAt = world.release + rng.float(2, 20) * HOUR;
  for (const a of actors) {
    const r = rng.fork(a.acct.id);
    const api = apiOf(r, a.client);
    const share = r.float(0.55, 0.85);
    let t = world.start + r.float(0, 8) * HOUR;
    const perDay = r.int(30, 50);
    while (t < world.end) {
      const it = harvestItem(world, r);
      const model =
        t >= switchAt && r.chance(share)
          ? MODELS.next
          : r.chance(0.5)
            ? MODELS.reasoner
            : MODELS.pro;
      world.send(
        r,
        a,
        t,
        {
          api,
          model,
          turns: [{ role: 'user', text: reworded(r, it.q) }],
          params: { max_tokens: 8192, temperature: 0.6 },
        },
        { text: it.a },
      );
      t += r.exp(DAY / perDay) * (t >= switchAt ? 0.7 : 1);
    }
  }
}
