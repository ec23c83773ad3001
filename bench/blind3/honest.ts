// Honest populations: the ordinary mix, and the heavy users that look like harvesting
// (THREATS.md, "What they look like next to honest heavy users").
import { createActor } from './actors.js';
import { codingTrajectory, IDE_SYSTEM, CODING_TOOLS } from './agent.js';
import { DEV_STACKS, makeClient } from './clients.js';
import { everydayModel, history, humanGaps, lazy, maxTokensChoice, replyFor } from './common.js';
import type { CodeItem } from './corpus.js';
import type { Rng } from './rng.js';
import {
  clip,
  codeAnswer,
  composeReply,
  cotAnswer,
  LANGS,
  tokens,
  workedMath,
  workedMathIn,
} from './text.js';
import {
  buildEvent,
  DAY,
  HOUR,
  MODELS,
  payment,
  toolId,
  workEmail,
  type Actor,
  type Spec,
  type World,
} from './world.js';

type Fam = (w: World, r: Rng) => void;

function emit(w: World, fam: number, a: Actor, ts: number, spec: () => Spec): void {
  w.add(ts, fam, (er) => buildEvent(a, ts, spec(), er));
}

/** A human chat: a corpus dialogue or a single prompt, turns spaced by reading time. */
function chatSession(
  w: World,
  fam: number,
  a: Actor,
  r: Rng,
  ts: number,
  opts: { system?: string; model?: string; maxTurns?: number },
): void {
  const c = w.corpus;
  const src = r.next();
  const turns =
    src < 0.45
      ? r.pick(c.dialogs)
      : src < 0.75
        ? [{ role: 'user' as const, text: r.pick(c.chatPrompts) }]
        : src < 0.9
          ? [{ role: 'user' as const, text: r.pick(c.hardPrompts) }]
          : (() => {
              const t = r.pick(c.userTasks);
              return [
                {
                  role: 'user' as const,
                  text: t.input ? `${t.instruction}\n\n${t.input}` : t.instruction,
                },
              ];
            })();
  const userIdx = turns
    .map((t, i) => (t.role === 'user' ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, opts.maxTurns ?? 6);
  const gaps = humanGaps(r, userIdx.length);
  const model = opts.model ?? everydayModel(w, r, ts);
  const temp = r.weighted<number | undefined>([
    [undefined, 50],
    [0.7, 25],
    [1, 10],
    [0.2, 10],
    [0, 5],
  ]);
  const mt = maxTokensChoice(r);
  const client = r.pick(a.clients);
  const seed = r.u32();
  userIdx.forEach((ui, k) => {
    const t = ts + gaps[k]!;
    emit(w, fam, a, t, () => {
      const rr = r.fork(`${seed}/${k}`);
      const s: Spec = {
        model,
        messages: history(turns.slice(0, ui + 1)),
        answer: replyFor(w, rr, turns, ui),
        client,
      };
      if (opts.system) s.system = opts.system;
      if (temp !== undefined) s.temperature = temp;
      if (mt !== undefined) s.max_tokens = mt;
      if (model === MODELS.think) s.reasoning = r.int(200, 1500);
      return s;
    });
  });
}

export const casualChat: Fam = (w, r) => {
  const fam = w.family('casual-chat', false);
  const count = w.n(1116);
  for (let i = 0; i < count; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'casual-chat',
      stacks: [
        ['browser', 30],
        ['py-openai', 25],
        ['js-openai', 15],
        ['py-anthropic', 10],
        ['vercel-ai', 8],
        ['curl', 4],
        ['requests', 8],
      ],
      ip: { kind: 'home', mobileShare: 0.15 },
      createdAt: w.start - ar.logNormal(120, 1.3) * DAY,
    });
    const rate = ar.logNormal(0.9, 0.9);
    const system = ar.chance(0.3) ? ar.pick(w.corpus.roles).prompt : undefined;
    for (const ts of w.sessions(ar, a.tz, 'human', rate)) {
      const o: { system?: string } = {};
      if (system && ar.chance(0.7)) o.system = system;
      chatSession(w, fam, a, ar, ts, o);
    }
  }
};

export const mobileUser: Fam = (w, r) => {
  const fam = w.family('mobile-user', false);
  for (let i = 0; i < w.n(130); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'mobile-user',
      stacks: [
        ['ios', 5],
        ['android', 5],
      ],
      ip: { kind: 'mobile' },
      tier: ar.pick(['free', 'tier-1']),
    });
    for (const ts of w.sessions(ar, a.tz, 'evening', ar.logNormal(1.5, 0.7)))
      chatSession(w, fam, a, ar, ts, {
        model: ar.chance(0.7) ? MODELS.mini : MODELS.flagship,
        maxTurns: 4,
      });
  }
};

export const codingAgent: Fam = (w, r) => {
  const fam = w.family('coding-agent', false);
  for (let i = 0; i < w.n(170); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'coding-agent',
      stacks: [
        ['js-anthropic', 5],
        ['py-anthropic', 2],
        ['js-openai', 3],
        ['py-openai', 2],
      ],
      ip: { kind: 'home', mobileShare: 0.03 },
      tier: ar.pick(['tier-2', 'tier-3', 'tier-4']),
    });
    const os = ar.pick(['macOS 14.5', 'Ubuntu 22.04', 'Windows 11', 'macOS 15.1']);
    const model = ar.chance(0.6) ? MODELS.flagship : MODELS.think;
    for (const ts of w.sessions(ar, a.tz, 'work', ar.logNormal(0.7, 0.6))) {
      const n = Math.min(28, Math.max(3, Math.round(ar.logNormal(9, 0.6))));
      const mb = ar.pick(w.corpus.mbpp);
      const task: { text: string; item?: CodeItem } = ar.chance(0.6)
        ? { text: ar.pick(w.corpus.codingPrompts) }
        : { text: mb.prompt, item: mb };
      const client = a.clients[0]!;
      const seed = ar.u32();
      const steps = lazy(() =>
        codingTrajectory(
          ar.fork(`t${seed}`),
          w.corpus,
          clip(task.text, 3000),
          n,
          () => toolId(ar, client.api),
          true,
          task.item,
        ),
      );
      const sys = IDE_SYSTEM.replace('{os}', os).replace(
        '{date}',
        new Date(ts).toISOString().slice(0, 10),
      );
      let t = ts;
      for (let k = 0; k < n; k++) {
        const at = t;
        emit(w, fam, a, at, () => {
          const st = steps()[k]!;
          const s: Spec = {
            model: at > w.releaseTs && ar.chance(0.3) ? MODELS.next : model,
            system: sys,
            messages: st.messages,
            answer: st.answer,
            tools: CODING_TOOLS,
            max_tokens: 8192,
            temperature: 0,
            client,
            stream: true,
          };
          if (st.toolCall) s.toolCall = st.toolCall;
          if (s.model !== MODELS.flagship) s.reasoning = ar.int(100, 900);
          return s;
        });
        t += ar.chance(0.08) ? ar.logNormal(240_000, 0.8) : ar.logNormal(9_000, 0.6);
      }
    }
  }
};

export const student: Fam = (w, r) => {
  const fam = w.family('student', false);
  for (let i = 0; i < w.n(230); i++) {
    const ar = r.fork(i);
    const lang = ar.chance(0.25) ? ar.pick(LANGS) : null;
    const a = createActor(w, ar, {
      persona: 'student',
      ...(lang ? { country: lang.country } : {}),
      stacks: [
        ['browser', 4],
        ['py-openai', 4],
        ['android', 2],
        ['requests', 1],
      ],
      ip: { kind: 'home', mobileShare: 0.35 },
      tier: ar.pick(['free', 'free', 'tier-1']),
      route: ar.chance(0.3) ? 'education' : 'self-serve',
    });
    for (const ts of w.sessions(ar, a.tz, 'evening', ar.logNormal(1.6, 0.7))) {
      const kind = ar.next();
      const n = ar.int(1, 4);
      const gaps = humanGaps(ar, n);
      for (let k = 0; k < n; k++) {
        const at = ts + gaps[k]!;
        const sr = ar.fork(`${ts}/${k}`);
        emit(w, fam, a, at, () => {
          const model = everydayModel(w, sr, at, 0.15);
          if (kind < 0.45) {
            const m = sr.pick(sr.chance(0.7) ? w.corpus.gsmTrain : w.corpus.comp);
            const ask = lang
              ? `${m.q}\n\n${sr.pick(lang.asks)}`
              : sr.pick([
                  `${m.q}\nexplain step by step pls`,
                  `can you help me with this? ${m.q}`,
                  `${m.q}\n\nI got a different answer, can you show the working?`,
                  m.q,
                  `Homework question: ${m.q} How do I solve it?`,
                ]);
            return {
              model,
              messages: [{ role: 'user', text: ask }],
              answer: lang
                ? workedMathIn(lang, m)
                : workedMath(m, sr, sr.chance(0.7) ? 'steps' : 'prose'),
              ...(model === MODELS.think ? { reasoning: sr.int(300, 2500) } : {}),
            };
          }
          if (kind < 0.7) {
            const c = sr.pick(w.corpus.cot);
            return {
              model,
              messages: [{ role: 'user', text: sr.chance(0.5) ? `${c.q}\nwhy?` : c.q }],
              answer: cotAnswer(c, sr, true),
            };
          }
          if (kind < 0.85) {
            const c = sr.pick(w.corpus.mbpp);
            return {
              model,
              messages: [
                {
                  role: 'user',
                  text: sr.pick([
                    c.prompt,
                    `${c.prompt}\nin python, and explain it`,
                    `my assignment: ${c.prompt}`,
                  ]),
                },
              ],
              answer: codeAnswer(c, sr, w.corpus, true),
            };
          }
          const p = sr.pick(w.corpus.chatPrompts);
          return {
            model,
            messages: [{ role: 'user', text: p }],
            answer: composeReply(p, sr, w.corpus, sr.int(3, 8)),
          };
        });
      }
    }
  }
};

export const researcher: Fam = (w, r) => {
  const fam = w.family('researcher-power', false);
  for (let i = 0; i < w.n(130); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'researcher-power',
      stacks: DEV_STACKS,
      ip: { kind: 'home', mobileShare: 0.05 },
      tier: ar.pick(['tier-2', 'tier-3', 'tier-4']),
      route: ar.chance(0.3) ? 'research' : 'self-serve',
    });
    for (const ts of w.sessions(
      ar,
      a.tz,
      ar.chance(0.5) ? 'work' : 'human',
      ar.logNormal(3, 0.6),
    )) {
      if (ar.chance(0.5)) {
        chatSession(w, fam, a, ar, ts, {
          model: ar.pick([MODELS.flagship, MODELS.think]),
          maxTurns: 8,
        });
        continue;
      }
      const p = ar.pick(w.corpus.hardPrompts);
      const n = ar.int(1, 5);
      const gaps = humanGaps(ar, n);
      const model = everydayModel(w, ar, ts, 0.35);
      const follow = [
        'Can you make that more concise?',
        'Why did you choose that approach over the alternatives?',
        'What are the failure modes of this?',
        'Give me a concrete example.',
        'Now write it in Rust.',
        'How would this change if the input were streamed?',
        'Which part of that are you least sure about?',
      ];
      const seed = ar.u32();
      const conv = lazy(() => {
        const cr = ar.fork(`c${seed}`);
        const turns: { role: 'user' | 'assistant'; text: string }[] = [];
        for (let k = 0; k < n; k++) {
          const q = k === 0 ? p : cr.pick(follow);
          turns.push({ role: 'user', text: q });
          turns.push({
            role: 'assistant',
            text: composeReply(k === 0 ? p : `${q} ${p}`, cr, w.corpus, cr.int(4, 12)),
          });
        }
        return turns;
      });
      for (let k = 0; k < n; k++) {
        emit(w, fam, a, ts + gaps[k]!, () => {
          const turns = conv();
          const s: Spec = {
            model,
            messages: history(turns.slice(0, 2 * k + 1)),
            answer: turns[2 * k + 1]!.text,
            temperature: 0.7,
          };
          if (model === MODELS.think) s.reasoning = 1200;
          return s;
        });
      }
    }
  }
};

export const corporate: Fam = (w, r) => {
  const fam = w.family('corp-nat-employee', false);
  const orgs = [
    'northwind-logistics.com',
    'helix-bio.com',
    'acme-insure.co.uk',
    'tallis-capital.com',
    'brightpath.de',
    'kumo-systems.jp',
    'meridian-health.org',
    'oakridge-legal.com',
    'sunfield-retail.com',
    'vantage-media.fr',
  ];
  const countries = ['US', 'US', 'GB', 'US', 'DE', 'JP', 'US', 'US', 'CA', 'FR'];
  const total = w.n(230);
  orgs.forEach((domain, oi) => {
    const orr = r.fork(`org${oi}`);
    const block = w.net.corporateBlock(orr);
    const card = payment(orr);
    const country = countries[oi]!;
    const internalTool = orr.pick(w.corpus.roles).prompt;
    const stack = makeClient(orr.pick(['py-openai', 'js-openai', 'dotnet', 'java'] as const), orr);
    const n = Math.max(2, Math.round((total / orgs.length) * orr.range(0.4, 1.6)));
    for (let i = 0; i < n; i++) {
      const ar = orr.fork(i);
      const a = createActor(w, ar, {
        persona: 'corp-nat-employee',
        country,
        email: workEmail(ar, domain),
        ip: { kind: 'fixed', ips: block },
        payment: card,
        tier: 'enterprise',
        route: 'enterprise',
        clients: ar.chance(0.6) ? [stack] : [makeClient(ar.weighted(DEV_STACKS), ar)],
        createdAt: w.start - orr.range(30, 400) * DAY - ar.range(0, 20) * DAY,
      });
      for (const ts of w.sessions(ar, a.tz, 'work', ar.logNormal(1.8, 0.6)))
        chatSession(w, fam, a, ar, ts, ar.chance(0.4) ? { system: internalTool } : {});
    }
  });
};

export const routerCustomer: Fam = (w, r) => {
  // Customers of a third-party router: traffic arrives from the router's cloud egress with
  // the router's client stack, so many unrelated accounts share IPs and fingerprints.
  const fam = w.family('router-customer', false);
  const router = makeClient('py-openai', r.fork('router'));
  const egress = Array.from({ length: 6 }, () => w.net.cloud('gcp', r));
  for (let i = 0; i < w.n(50); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'router-customer',
      clients: [router],
      ip: { kind: 'fixed', ips: egress },
      route: 'partner',
      tier: ar.pick(['tier-1', 'tier-2', 'tier-3']),
    });
    for (const ts of w.sessions(
      ar,
      a.tz,
      ar.pick(['app', 'human', 'work'] as const),
      ar.logNormal(4, 0.9),
    ))
      chatSession(w, fam, a, ar, ts, { maxTurns: 3 });
  }
};

export const newModelTryer: Fam = (w, r) => {
  const fam = w.family('new-model-tryer', false);
  for (let i = 0; i < w.n(70); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'new-model-tryer',
      stacks: DEV_STACKS,
      ip: { kind: 'home' },
    });
    const t0 = w.releaseTs + ar.logNormal(3, 1) * HOUR;
    const n = ar.int(5, 40);
    for (let k = 0; k < n; k++) {
      const at = t0 + ar.logNormal(20, 1.2) * 60_000 * k;
      const sr = ar.fork(k);
      emit(w, fam, a, at, () => {
        const pick = sr.next();
        if (pick < 0.3) {
          const m = sr.pick(w.corpus.comp);
          return {
            model: MODELS.next,
            messages: [{ role: 'user', text: m.q }],
            answer: workedMath(m, sr, 'steps'),
            reasoning: 2000,
          };
        }
        const p = sr.pick(pick < 0.7 ? w.corpus.hardPrompts : w.corpus.chatPrompts);
        return {
          model: sr.chance(0.85) ? MODELS.next : MODELS.flagship,
          messages: [{ role: 'user', text: p }],
          answer: composeReply(p, sr, w.corpus, sr.int(3, 10)),
        };
      });
    }
    for (const ts of w.sessions(ar, a.tz, 'human', 0.5, w.start, w.releaseTs))
      chatSession(w, fam, a, ar, ts, {});
  }
};

export const hackathonCohort: Fam = (w, r) => {
  // A weekend hackathon: dozens of accounts opened the same day through an education
  // programme, the same starter kit, one venue's Wi-Fi, then bursts of similar-looking calls.
  const fam = w.family('hackathon-cohort', false);
  const venue = w.net.corporateBlock(r);
  const kit = makeClient('js-openai', r);
  const day0 = w.start + Math.min(w.days - 2, 5) * DAY;
  const starter =
    'You are StudyBuddy, a friendly assistant in a student hackathon project. Answer briefly and helpfully.';
  for (let i = 0; i < w.n(35); i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'hackathon-cohort',
      country: 'US',
      email: `${ar.pick(['j', 'a', 'm', 's', 'k'])}${ar.base36(5)}@stateu.edu`,
      ip: { kind: 'fixed', ips: venue },
      clients: [kit],
      tier: 'free',
      payment: null,
      route: 'education',
      createdAt: day0 - ar.range(1, 10) * HOUR,
      tz: -6,
    });
    for (const ts of w.times(ar, -6, 'flat', 20, day0, day0 + 2 * DAY))
      chatSession(w, fam, a, ar, ts, { system: starter, model: MODELS.mini, maxTurns: 2 });
  }
};

export const batchPipeline: Fam = (w, r) => {
  const fam = w.family('batch-pipeline', false);
  const templates = [
    'Summarise the following support ticket in two sentences and list the product mentioned.\n\nTicket:\n',
    'Extract every company name, person and date from the text below as JSON with keys companies, people, dates.\n\n',
    'Classify this customer message into one of: billing, shipping, returns, technical, other. Reply with the category only.\n\n',
    'Translate the following text into plain English suitable for a FAQ page:\n\n',
  ];
  for (let i = 0; i < w.n(12); i++) {
    const ar = r.fork(i);
    const tpl = ar.pick(templates);
    const a = createActor(w, ar, {
      persona: 'batch-pipeline',
      stacks: [
        ['py-openai', 3],
        ['go', 1],
        ['java', 1],
      ],
      ip: { kind: 'cloud', provider: ar.pick(['aws', 'azure', 'gcp']), pool: 2 },
      tier: ar.pick(['tier-3', 'tier-4', 'enterprise']),
    });
    const hourUtc = ar.int(0, 23);
    for (let d = 0; d < w.days; d++) {
      const n = ar.int(60, 260);
      let t = w.start + d * DAY + hourUtc * HOUR;
      for (let k = 0; k < n; k++) {
        t += ar.logNormal(1500, 0.4);
        const sr = ar.fork(`${d}/${k}`);
        emit(w, fam, a, t, () => {
          const doc = clip(
            sr.chance(0.5) ? sr.pick(w.corpus.docs) : sr.pick(w.corpus.dialogs)[0]!.text,
            2500,
          );
          const out = tpl.startsWith('Classify')
            ? sr.pick(['billing', 'shipping', 'returns', 'technical', 'other'])
            : tpl.startsWith('Extract')
              ? JSON.stringify({ companies: [], people: [sr.pick(['Dana', 'Luis'])], dates: [] })
              : clip(sr.sample(w.corpus.sentences, 2).join(' '), 400);
          return {
            model: MODELS.mini,
            messages: [{ role: 'user', text: tpl + doc }],
            answer: out,
            temperature: 0,
            max_tokens: 300,
          };
        });
      }
    }
  }
};

// ---------- the named hard negatives ----------

export const benchmarkCompany: Fam = (w, r) => {
  const fam = w.family('benchmark-company', false);
  const ask = (q: string): string =>
    `Answer the following question. Think it through, then put your final answer on the last line in the form "ANSWER: <value>".\n\n${q}`;
  for (let i = 0; i < 2; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'benchmark-company',
      email: `evals${i ? '-ci' : ''}@scorecard-labs.io`,
      stacks: [['py-openai', 1]],
      ip: { kind: 'cloud', provider: 'aws', pool: 4 },
      tier: 'tier-4',
    });
    const runs = [w.start + ar.range(0.5, 2) * DAY, w.releaseTs + ar.range(2, 8) * HOUR];
    runs.forEach((t0, ri) => {
      const model = ri === 1 ? MODELS.next : ar.pick([MODELS.flagship, MODELS.think]);
      const items: (() => Spec)[] = [];
      const g = w.corpus.gsmTest.slice(0, 900);
      g.forEach((m, j) =>
        items.push(() => ({
          model,
          messages: [{ role: 'user', text: ask(m.q) }],
          answer: `${workedMath(m, ar.fork(j), 'prose')}\nANSWER: ${m.final}`,
          temperature: 0,
          max_tokens: 2048,
        })),
      );
      w.corpus.humaneval.forEach((c) =>
        items.push(() => ({
          model,
          messages: [
            {
              role: 'user',
              text: `Complete the following Python function. Return only the code.\n\n${c.prompt}`,
            },
          ],
          answer: '```python\n' + c.solution + '\n```',
          temperature: 0,
          max_tokens: 2048,
        })),
      );
      w.corpus.comp.slice(0, 300).forEach((m, j) =>
        items.push(() => ({
          model,
          messages: [{ role: 'user', text: ask(m.q) }],
          answer: `${workedMath(m, ar.fork(`c${j}`), 'prose')}\nANSWER: ${m.final}`,
          temperature: 0,
          max_tokens: 4096,
          ...(model !== MODELS.flagship ? { reasoning: 3000 } : {}),
        })),
      );
      let t = t0;
      items.forEach((mk) => {
        t += ar.logNormal(180, 0.6);
        emit(w, fam, a, t, mk);
      });
    });
  }
};

const JUDGE_SYS = `You are an evaluation assistant for a quality-assurance team. Read the user's question and the assistant's reply, then rate the reply for accuracy, helpfulness and safety on a 1–10 scale. Start with a short justification (two to four sentences), then give the score on its own line as "Rating: [[N]]".`;

const JUDGE_WHY = [
  [
    'The reply addresses the question directly and the facts it gives are correct.',
    'The answer is well organised and covers the main points the user needs.',
    'The assistant gives clear, usable guidance with an appropriate level of detail.',
  ],
  [
    'The reply is vague and does not engage with the specifics of the question.',
    'Several statements are inaccurate or unsupported.',
    'The answer goes off topic and leaves the user’s actual request unanswered.',
  ],
];

export const judgeService: Fam = (w, r) => {
  const fam = w.family('llm-judge-service', false);
  for (let i = 0; i < 2; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'llm-judge-service',
      email: `platform${i}@evalgrid.ai`,
      stacks: [['py-openai', 1]],
      ip: { kind: 'cloud', provider: 'gcp', pool: 3 },
      tier: 'enterprise',
      route: 'enterprise',
    });
    for (const ts of w.times(ar, 0, 'work', ar.range(500, 900))) {
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => {
        const d = sr.pick(w.corpus.dialogs);
        const q = sr.chance(0.5) ? sr.pick(w.corpus.mtbench)[0]! : d[0]!.text;
        const ans = d[1]?.text ?? composeReply(q, sr, w.corpus, 5);
        const score = sr.int(2, 10);
        return {
          model: MODELS.flagship,
          system: JUDGE_SYS,
          messages: [
            {
              role: 'user',
              text: `[Question]\n${q}\n\n[Assistant reply]\n${clip(ans, 3000)}\n[End of reply]`,
            },
          ],
          answer: `${sr.pick(JUDGE_WHY[score >= 7 ? 0 : 1]!)} ${score >= 7 ? 'Overall the reply is accurate and addresses the question.' : 'The reply misses important parts of the question.'}\n\nRating: [[${score}]]`,
          temperature: 0,
          max_tokens: 512,
        };
      });
    }
  }
};

function tutorApp(
  w: World,
  r: Rng,
  name: string,
  o: {
    system: string;
    shape: 'school' | 'evening';
    country: string;
    stack: 'js-openai' | 'py-anthropic';
    perDay: number;
    domain: string;
    source: 'math' | 'science';
  },
): void {
  const fam = w.family(name, false);
  for (let i = 0; i < 2; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: name,
      country: o.country,
      email: `api${i ? '-staging' : ''}@${o.domain}`,
      clients: [makeClient(o.stack, ar)],
      ip: { kind: 'cloud', provider: i ? 'gcp' : 'aws', pool: 3 },
      tier: 'tier-4',
      route: 'startup-credits',
      keys: 2,
    });
    for (const ts of w.times(ar, a.tz, o.shape, i === 0 ? o.perDay : o.perDay / 15)) {
      const sr = ar.fork(ts);
      const followUp = sr.chance(0.2);
      const mk = (turn: number): Spec => {
        if (o.source === 'math') {
          const m = sr.pick(sr.chance(0.8) ? w.corpus.gsmTrain : w.corpus.comp);
          const msgs: Spec['messages'] = [{ role: 'user', text: m.q }];
          const first = workedMath(m, sr.fork(0), 'steps');
          if (turn === 1) {
            msgs.push(
              { role: 'assistant', text: first },
              {
                role: 'user',
                text: sr.pick([
                  'I don’t get step 2',
                  'why do we subtract there?',
                  'can you explain it more simply',
                  'what if the number was bigger?',
                ]),
              },
            );
          }
          return {
            model: MODELS.mini,
            system: o.system,
            messages: msgs,
            answer:
              turn === 1
                ? `${sr.sample(w.corpus.sentences, 1).join(' ')}\n\n${workedMath(m, sr.fork(1), 'prose')}`
                : first,
            temperature: 0.3,
            max_tokens: 1500,
          };
        }
        const c = sr.pick(w.corpus.cot);
        return {
          model: MODELS.mini,
          system: o.system,
          messages: [{ role: 'user', text: c.q }],
          answer: cotAnswer(c, sr, true),
          temperature: 0.3,
          max_tokens: 1024,
        };
      };
      emit(w, fam, a, ts, () => mk(0));
      if (followUp) emit(w, fam, a, ts + sr.logNormal(60_000, 0.6), () => mk(1));
    }
  }
}

export const edtechMath: Fam = (w, r) =>
  tutorApp(w, r, 'edtech-mathtutor', {
    system:
      'You are Pip, a patient maths tutor for students aged 10 to 16. Always explain step by step, number each step, use simple words, and finish with the final answer on its own line. Never just give the answer.',
    shape: 'school',
    country: 'US',
    stack: 'js-openai',
    perDay: 700,
    domain: 'pipmath.app',
    source: 'math',
  });

export const edtechScience: Fam = (w, r) =>
  tutorApp(w, r, 'edtech-sciencehelp', {
    system:
      'You help secondary-school students in India revise science and reasoning questions. For every question explain the reasoning step by step in simple English, then state the answer clearly.',
    shape: 'evening',
    country: 'IN',
    stack: 'py-anthropic',
    perDay: 450,
    domain: 'vidyaprep.in',
    source: 'science',
  });

export const syntheticLicensed: Fam = (w, r) => {
  // Behaviourally a distillation pipeline; only a signed data-licensing contract makes it honest.
  const fam = w.family('synthetic-data-licensed', false);
  const a = createActor(w, r, {
    persona: 'synthetic-data-licensed',
    email: 'ml-data@corvid-ai.com',
    stacks: [['py-openai', 1]],
    ip: { kind: 'cloud', provider: 'aws', pool: 8 },
    tier: 'enterprise',
    route: 'enterprise',
    keys: 3,
    country: 'US',
  });
  for (const ts of w.times(r, 0, 'flat', 1500)) {
    const sr = r.fork(ts);
    emit(w, fam, a, ts, () => {
      const x = sr.next();
      if (x < 0.15) {
        const seeds = sr
          .sample(w.corpus.seedTasks, 3)
          .map(
            (t, i) =>
              `${i + 1}. Instruction: ${t.instruction}\n${i + 1}. Input: ${t.input || '<noinput>'}\n${i + 1}. Output: ${clip(t.output, 300)}`,
          );
        return {
          model: MODELS.flagship,
          messages: [
            {
              role: 'user',
              text: `${w.corpus.alpaca}\n\nList of 20 tasks:\n${seeds.join('\n###\n')}\n###\n4. Instruction:`,
            },
          ],
          answer: sr
            .sample(w.corpus.seedTasks, 16)
            .map(
              (t, i) =>
                `${i + 4}. Instruction: ${t.instruction}\n${i + 4}. Input: ${t.input || '<noinput>'}\n${i + 4}. Output: ${clip(t.output, 200)}`,
            )
            .join('\n###\n'),
          temperature: 1,
          top_p: 1,
          max_tokens: 3072,
          n: 1,
        };
      }
      if (x < 0.55) {
        const m = sr.pick(w.corpus.gsmTrain);
        return {
          model: MODELS.think,
          messages: [{ role: 'user', text: m.q }],
          answer: workedMath(m, sr, 'steps'),
          temperature: 1,
          max_tokens: 4096,
          reasoning: 1500,
          n: 2,
          extraOut: tokens(m.steps.join(' ')) + 40,
        };
      }
      const t = sr.pick(w.corpus.userTasks);
      return {
        model: MODELS.flagship,
        messages: [
          { role: 'user', text: t.input ? `${t.instruction}\n\n${t.input}` : t.instruction },
        ],
        answer: t.output || composeReply(t.instruction, sr, w.corpus, 5),
        temperature: 0.9,
        max_tokens: 2048,
      };
    });
  }
};

export const logprobClassifier: Fam = (w, r) => {
  const fam = w.family('univ-logprob-classifier', false);
  const labels = ['positive', 'negative', 'neutral', 'mixed'];
  // Token ids of the label words in the lab's tokenizer notebook (fixed for the study).
  const bias: Record<string, number> = { '31587': 5, '43324': 5, '60668': 5, '30427': 5 };
  for (let i = 0; i < 2; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'univ-logprob-classifier',
      country: 'NL',
      email: workEmail(ar, 'uva.nl'),
      stacks: [['py-openai', 1]],
      ip: { kind: 'fixed', ips: w.net.corporateBlock(ar) },
      tier: 'tier-2',
      route: 'research',
    });
    for (const ts of w.times(ar, 1, 'work', 650)) {
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => {
        const text = clip(sr.pick(w.corpus.dialogs)[0]!.text, 1200);
        return {
          model: MODELS.mini,
          system: `Classify the stance of the message. Reply with exactly one word from: ${labels.join(', ')}.`,
          messages: [{ role: 'user', text }],
          answer: sr.pick(labels),
          temperature: 0,
          max_tokens: 1,
          logprobs: true,
          top_logprobs: 5,
          logit_bias: bias,
          stream: false,
        };
      });
    }
  }
};

export const ciReviewBot: Fam = (w, r) => {
  const fam = w.family('ci-review-bot', false);
  for (let i = 0; i < 3; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'ci-review-bot',
      stacks: [['js-anthropic', 1]],
      ip: { kind: 'cloud', provider: 'azure', pool: 20 },
      tier: 'tier-3',
      email: `devops@${ar.pick(['lumen', 'quarry', 'fable', 'ostrich'])}${ar.int(2, 99)}.dev`,
    });
    for (const ts of w.times(ar, a.tz, 'work', ar.range(60, 200))) {
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => {
        const c = sr.pick(w.corpus.mbpp);
        const diff = c.solution
          .split('\n')
          .map((l) => (sr.chance(0.3) ? `+${l}` : ` ${l}`))
          .join('\n');
        return {
          model: MODELS.flagship,
          system:
            'You review pull requests. Point out bugs, risky changes and missing tests. Be brief; use bullet points; say "LGTM" if there is nothing to fix.',
          messages: [
            {
              role: 'user',
              text: `PR #${sr.int(100, 9999)}: ${clip(c.prompt, 120)}\n\n\`\`\`diff\n--- a/src/${c.entry}.py\n+++ b/src/${c.entry}.py\n${diff}\n\`\`\``,
            },
          ],
          answer: sr.chance(0.3)
            ? 'LGTM.'
            : `- ${sr.sample(w.corpus.sentences, 1)[0]}\n- Consider adding a test for the empty-input case in \`${c.entry}\`.`,
          temperature: 0.2,
          max_tokens: 1024,
        };
      });
    }
  }
};

function templateTool(
  w: World,
  r: Rng,
  name: string,
  o: { country: string; perDay: number; make: (sr: Rng) => Spec },
): void {
  const fam = w.family(name, false);
  const a = createActor(w, r, {
    persona: name,
    country: o.country,
    stacks: [
      ['js-openai', 2],
      ['py-openai', 1],
    ],
    ip: { kind: 'cloud', provider: r.pick(['aws', 'digitalocean', 'gcp']), pool: 2 },
    tier: 'tier-3',
    route: 'startup-credits',
  });
  for (const ts of w.times(r, a.tz, 'work', o.perDay)) {
    const sr = r.fork(ts);
    emit(w, fam, a, ts, () => o.make(sr));
  }
}

const SKILLS = [
  'Python',
  'SQL',
  'React',
  'project management',
  'AWS',
  'customer success',
  'Figma',
  'Excel',
  'Kubernetes',
  'data analysis',
  'sales',
  'Java',
];

export const resumeScreener: Fam = (w, r) =>
  templateTool(w, r, 'resume-screener', {
    country: 'GB',
    perDay: 220,
    make: (sr) => {
      const skills = sr.sample(SKILLS, 4);
      const resume = `${sr.pick(['Senior', 'Junior', 'Lead', ''])} ${sr.pick(['Data Analyst', 'Software Engineer', 'Account Manager', 'Product Designer'])}\nExperience: ${sr.int(1, 15)} years at ${sr.pick(['a fintech start-up', 'a logistics firm', 'a public-sector agency', 'an agency'])}.\nSkills: ${skills.join(', ')}.\n${sr.sample(w.corpus.sentences, 3).join(' ')}`;
      const score = sr.int(20, 95);
      return {
        model: MODELS.mini,
        system:
          'You screen CVs against a job description. Return JSON: {"score": 0-100, "strengths": [..], "gaps": [..], "summary": "..."}.',
        messages: [
          {
            role: 'user',
            text: `Job description: ${sr.pick(['Backend engineer (Python, SQL, AWS)', 'Customer success lead', 'Analytics engineer (SQL, dbt)'])}\n\nCV:\n${resume}`,
          },
        ],
        answer: JSON.stringify({
          score,
          strengths: skills.slice(0, 2),
          gaps: [sr.pick(SKILLS)],
          summary: `${score >= 60 ? 'Good' : 'Partial'} match.`,
        }),
        temperature: 0,
        max_tokens: 400,
        extra: { response_format: { type: 'json_object' } },
      };
    },
  });

export const adcopy: Fam = (w, r) =>
  templateTool(w, r, 'adcopy-variations', {
    country: 'US',
    perDay: 320,
    make: (sr) => {
      const product = sr.pick([
        'noise-cancelling earbuds',
        'a meal-kit subscription',
        'running shoes',
        'a budgeting app',
        'organic dog food',
        'a standing desk',
        'a language-learning app',
      ]);
      const n = sr.pick([3, 5, 5, 8]);
      const lines = Array.from(
        { length: n },
        (_, i) =>
          `${i + 1}. ${sr.pick(['Meet', 'Try', 'Love', 'Discover', 'Upgrade to'])} ${product} — ${sr.pick(['made for busy mornings', 'without the guesswork', 'your future self will thank you', 'now 20% off', 'built to last'])}.`,
      );
      return {
        model: MODELS.mini,
        messages: [
          {
            role: 'user',
            text: `Write ${n} short ad headline variations for ${product}. Tone: ${sr.pick(['playful', 'premium', 'urgent', 'friendly'])}. Max 60 characters each.`,
          },
        ],
        answer: lines.join('\n'),
        temperature: 1.1,
        n: sr.pick([1, 3]),
        max_tokens: 300,
      };
    },
  });

export const kidsRewriter: Fam = (w, r) =>
  templateTool(w, r, 'kids-rewriter', {
    country: 'AU',
    perDay: 300,
    make: (sr) => {
      const src = clip(sr.pick(w.corpus.docs), 1500);
      return {
        model: MODELS.flagship,
        system:
          'Rewrite texts for children aged 7 to 10 on a reading platform. Keep the facts, remove anything frightening or unsuitable, use short sentences and friendly words.',
        messages: [{ role: 'user', text: `Rewrite this for kids:\n\n${src}` }],
        answer: sr
          .sample(w.corpus.sentences, sr.int(3, 6))
          .map((s) => s.split(',')[0]!.replace(/[.;:]*$/, '.'))
          .join(' '),
        temperature: 0.5,
        max_tokens: 800,
      };
    },
  });

export const academicRerun: Fam = (w, r) => {
  const fam = w.family('academic-bench-rerun', false);
  const block = w.net.corporateBlock(r);
  for (let i = 0; i < 4; i++) {
    const ar = r.fork(i);
    const a = createActor(w, ar, {
      persona: 'academic-bench-rerun',
      country: 'DE',
      email: workEmail(ar, 'cs.uni-tuebingen.de'),
      stacks: [
        ['py-openai', 3],
        ['langchain', 1],
      ],
      ip: { kind: 'fixed', ips: block },
      tier: 'tier-2',
      route: 'research',
    });
    for (const ts of w.sessions(ar, 1, 'work', 1.2)) {
      const n = ar.int(20, 120);
      const bench = ar.pick(['gsm8k', 'mtbench', 'humaneval'] as const);
      const off = ar.int(0, 500);
      const samples = ar.pick([1, 1, 4]);
      for (let k = 0; k < n; k++) {
        const at = ts + k * ar.logNormal(2500, 0.5);
        const sr = ar.fork(`${ts}/${k}`);
        emit(w, fam, a, at, () => {
          if (bench === 'gsm8k') {
            const m = w.corpus.gsmTest[(off + k) % w.corpus.gsmTest.length]!;
            return {
              model: MODELS.flagship,
              messages: [{ role: 'user', text: `Q: ${m.q}\nA: Let's think step by step.` }],
              answer: workedMath(m, sr, 'prose'),
              temperature: samples > 1 ? 0.7 : 0,
              n: samples,
              extraOut: (samples - 1) * 120,
              max_tokens: 1024,
            };
          }
          if (bench === 'mtbench') {
            const q = w.corpus.mtbench[(off + k) % w.corpus.mtbench.length]!;
            return {
              model: MODELS.flagship,
              messages: [{ role: 'user', text: q[0]! }],
              answer: composeReply(q[0]!, sr, w.corpus, 8),
              temperature: 0.7,
              max_tokens: 2048,
            };
          }
          const c = w.corpus.humaneval[(off + k) % w.corpus.humaneval.length]!;
          return {
            model: MODELS.flagship,
            messages: [{ role: 'user', text: c.prompt }],
            answer: '```python\n' + c.solution + '\n```',
            temperature: 0.2,
            n: samples,
            extraOut: (samples - 1) * 150,
            max_tokens: 1024,
          };
        });
      }
    }
  }
};

export const HONEST: Fam[] = [
  casualChat,
  mobileUser,
  codingAgent,
  student,
  researcher,
  corporate,
  routerCustomer,
  newModelTryer,
  hackathonCohort,
  batchPipeline,
  benchmarkCompany,
  judgeService,
  edtechMath,
  edtechScience,
  syntheticLicensed,
  logprobClassifier,
  ciReviewBot,
  resumeScreener,
  adcopy,
  kidsRewriter,
  academicRerun,
];
