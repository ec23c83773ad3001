// Honest personas: ordinary traffic and the hard negatives that look like extraction.
import {
  type Acct,
  type Ctx,
  type Family,
  type Plan,
  SHAPES,
  clientFor,
  emit,
  pickModel,
  planRngs,
  pushSession,
  sessionStarts,
} from './core.js';
import {
  agentScript,
  chatScript,
  codeItem,
  codeReply,
  historyAt,
  mathItem,
  mathReply,
} from './content.js';
import type { Rng } from './rng.js';
import { SHOW_WORK, composeAnswer, syntheticDoc, topicOf } from './text.js';
import { HOUR, MIN, type Params } from './world.js';

const SEC = 1000;

function modelName(rng: Rng, ctx: Ctx, ts: number, adopt: number, base: string): string {
  if (ts >= ctx.time.release) {
    const ramp = Math.min(1, (ts - ctx.time.release) / (48 * HOUR));
    if (rng.chance(adopt * ramp)) return 'think2';
  }
  return base;
}

export const casual: Family = {
  name: 'casual-chat',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 1, SHAPES.human, 1.2))
      pushSession(
        acct,
        st,
        rng.weighted([
          [1, 5],
          [2, 3],
          [3, 2],
          [4, 1],
          [6, 1],
        ] as const),
        rng,
        () => rng.logNormal(70 * SEC, 0.8),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const sc = chatScript(sess, ctx.corpus, plan.k);
    const t = Math.min(plan.t, sc.turns.length - 1);
    const model = pickModel(
      ctx,
      plan.ts,
      modelName(sess, ctx, plan.ts, 0.08, sess.pick(['lite', 'lite', 'main', 'main', 'think'])),
    );
    const p: Params = { stream: true };
    if (sess.chance(0.4)) p.temperature = sess.pick([0.7, 1, 0.8, 0.5]);
    if (sess.chance(0.5)) p.max_tokens = sess.pick([1024, 2048, 4096]);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: sc.system,
      msgs: historyAt(sc.turns, t),
      params: p,
      reply: sc.turns[t]!.reply,
    });
  },
};

export const power: Family = {
  name: 'power-user',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 6, SHAPES.human, 0.7))
      pushSession(
        acct,
        st,
        rng.int(1, 6),
        rng,
        () => rng.logNormal(100 * SEC, 0.9),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const c = ctx.corpus;
    const model = pickModel(
      ctx,
      plan.ts,
      modelName(
        sess,
        ctx,
        plan.ts,
        acct.p.adopt ?? 0.3,
        sess.pick(['main', 'think', 'think', 'lite']),
      ),
    );
    let sc: {
      system: string | null;
      turns: { user: { role: 'user'; text: string }[]; reply: { text: string } }[];
    };
    if (sess.chance(0.55)) {
      const first = sess.pick(c.arena).prompt;
      const turns = [
        {
          user: [{ role: 'user' as const, text: first }],
          reply: { text: composeAnswer(sess, first, sess.int(200, 1400)) },
        },
      ];
      while (turns.length < plan.k) {
        const f = sess.pick([
          'Why is that better than the alternative?',
          'Can you prove the second claim?',
          'What would change if the input were streamed instead of loaded at once?',
          'Give me a counterexample where this breaks.',
          'ok now write tests for it',
          'Compare that with how Postgres does it.',
          'Rewrite the explanation for a non-technical manager.',
          'Is there a citation for that? I want to check it.',
          'Let’s go deeper on the failure modes.',
          'Shorter please, bullet points.',
        ]);
        turns.push({
          user: [{ role: 'user', text: f }],
          reply: { text: composeAnswer(sess, f, sess.int(100, 700)) },
        });
      }
      sc = {
        system: sess.chance(0.3)
          ? 'You are a precise technical assistant. Be concise and cite assumptions.'
          : null,
        turns,
      };
    } else {
      const x = chatScript(sess, c, plan.k);
      sc = x as typeof sc;
    }
    const t = Math.min(plan.t, sc.turns.length - 1);
    const p: Params = {
      temperature: sess.pick([0, 0.2, 0.7, 1]),
      max_tokens: sess.pick([2048, 4096, 8000, 16000]),
      stream: sess.chance(0.6),
    };
    if (model.reasoning && sess.chance(0.4))
      p.reasoningEffort = sess.pick(['low', 'medium', 'high']);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: sc.system,
      msgs: historyAt(sc.turns, t),
      params: p,
      reply: sc.turns[t]!.reply,
    });
  },
};

export const coding: Family = {
  name: 'coding-agent',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 3, SHAPES.work, 0.15))
      pushSession(
        acct,
        st,
        rng.int(4, 24),
        rng,
        () => rng.logNormal(9 * SEC, 0.9) + (rng.chance(0.15) ? rng.exp(4 * MIN) : 0),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const sc = agentScript(sess, ctx.corpus, plan.k, 'call_');
    const t = Math.min(plan.t, sc.turns.length - 1);
    const model = pickModel(
      ctx,
      plan.ts,
      modelName(sess, ctx, plan.ts, acct.p.adopt ?? 0.2, sess.pick(['main', 'main', 'think'])),
    );
    const p: Params = {
      tools: sc.tools,
      stream: true,
      max_tokens: sess.pick([4096, 8192, 16384]),
      temperature: sess.pick([0, 0.2, 0.3]),
    };
    if (acct.clients[0]?.endpoint === 'chat.completions') p.toolChoice = 'auto';
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: sc.system,
      msgs: historyAt(sc.turns, t),
      params: p,
      reply: sc.turns[t]!.reply,
    });
  },
};

const BATCH_TEMPLATES = [
  {
    sys: 'You summarise customer-support tickets for an internal dashboard. Output at most 3 sentences.',
    user: 'Ticket:\n{doc}\n\nSummary:',
    out: 'summary',
  },
  {
    sys: 'Classify the message into exactly one of: billing, shipping, account, technical, other. Reply with the label only.',
    user: '{doc}',
    out: 'label',
  },
  {
    sys: 'Extract the fields as JSON: {"customer_issue": string, "amount": number|null, "reference": string|null, "urgency": "low"|"medium"|"high"}.',
    user: 'Text: {doc}',
    out: 'json',
  },
  {
    sys: 'Translate the following support note into German. Keep reference numbers unchanged.',
    user: '{doc}',
    out: 'translate',
  },
  { sys: 'Write a one-line subject for this email thread.', user: '{doc}', out: 'subject' },
];

export const batch: Family = {
  name: 'batch-pipeline',
  malicious: false,
  plan(acct, rng, ctx, push) {
    // Nightly and hourly jobs at machine pace.
    const period = (acct.p.hourly ?? 0) ? HOUR : 24 * HOUR;
    const jobSize = acct.p.job ?? 100;
    const offset = (acct.p.offset ?? 0) * MIN;
    for (let ts = ctx.time.start + offset; ts < ctx.time.end; ts += period) {
      if (rng.chance(0.1)) continue;
      const n = Math.max(1, Math.round(jobSize * rng.range(0.7, 1.3)));
      const s = rng.u32();
      let t0 = ts + rng.int(0, 20) * SEC;
      for (let i = 0; i < n; i++) {
        push({ ts: Math.floor(t0), a: acct.idx, s: (s + i) >>> 0, t: 0, k: acct.p.tpl ?? 0 });
        t0 += (acct.p.gap ?? 2000) * rng.range(0.85, 1.15);
      }
    }
  },
  render(acct, plan, ctx) {
    const { turn } = planRngs(plan);
    const tpl = BATCH_TEMPLATES[plan.k % BATCH_TEMPLATES.length]!;
    const doc = syntheticDoc(turn, turn.int(2, 7));
    let out: string;
    if (tpl.out === 'label')
      out = turn.pick(['billing', 'shipping', 'account', 'technical', 'other']);
    else if (tpl.out === 'json')
      out = JSON.stringify({
        customer_issue: topicOf(doc),
        amount: turn.chance(0.5) ? turn.int(5, 900) : null,
        reference: doc.match(/#\d+/)?.[0] ?? null,
        urgency: turn.pick(['low', 'medium', 'high']),
      });
    else if (tpl.out === 'subject') out = `Re: ${topicOf(doc)}`;
    else out = doc.split('. ').slice(0, turn.int(1, 3)).join('. ') + '.';
    const p: Params = { temperature: 0, max_tokens: tpl.out === 'label' ? 5 : 300 };
    if (tpl.out === 'json') p.responseFormat = 'json_object';
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: ctx.models[acct.s.model ?? 'lite']!,
      system: tpl.sys,
      msgs: [{ role: 'user', text: tpl.user.replace('{doc}', doc) }],
      params: p,
      reply: { text: out },
    });
  },
};

/** A public benchmark run once at temperature 0, then silence. */
export const evalHarness: Family = {
  name: 'eval-harness',
  malicious: false,
  plan(acct, rng, ctx, push) {
    const runs: number[] = [];
    const first = ctx.time.start + rng.range(0.2, ctx.time.days - 1) * 24 * HOUR;
    runs.push(first);
    if ((acct.p.newModel ?? 0) === 1) runs.push(ctx.time.release + rng.range(1, 20) * HOUR);
    const size = acct.p.size ?? 500;
    runs.forEach((start, r) => {
      let ts = start;
      const conc = acct.p.conc ?? 8;
      for (let i = 0; i < size; i++) {
        push({ ts: Math.floor(ts), a: acct.idx, s: r * 100000 + i, t: 0, k: r });
        ts += rng.exp(acct.p.gap ?? 600) / (conc / 8);
      }
    });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const c = ctx.corpus;
    const i = plan.s % 100000;
    const bench = acct.s.bench ?? 'gsm8k';
    const model = plan.k === 1 ? ctx.models.think2! : ctx.models[acct.s.model ?? 'main']!;
    const p: Params = { temperature: 0, max_tokens: acct.p.maxTok ?? 1024 };
    let user: string;
    let reply: string;
    let system: string | null = null;
    if (bench === 'humaneval' || bench === 'mbpp') {
      const task =
        bench === 'humaneval' ? c.humaneval[i % c.humaneval.length]! : c.mbpp[i % c.mbpp.length]!;
      user =
        bench === 'humaneval'
          ? `Complete the following Python function.\n\n${task.prompt}`
          : `${task.prompt}\nYour code should pass these tests:\n${task.tests}`;
      reply = codeReply(turn, task, false);
      if ((acct.p.n ?? 1) > 1) {
        p.n = acct.p.n ?? 1;
        p.temperature = 0.8;
        reply = Array.from({ length: p.n }, () => codeReply(turn, task, false)).join('\n\n');
      }
    } else if (bench === 'math') {
      const it = c.math[i % c.math.length]!;
      user = `Problem:\n${it.q}\n\nSolution:`;
      reply = mathReply(turn, it, false).text;
    } else if (bench === 'flan') {
      const it = c.flan[i % c.flan.length]!;
      system = 'Answer with the option letter or yes/no only.';
      user = it.q;
      reply = it.answer;
      p.max_tokens = 8;
    } else {
      const it = c.gsm8k[i % c.gsm8k.length]!;
      user = `Question: ${it.q}\nAnswer:`;
      reply = mathReply(turn, it, false).text;
    }
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model,
      system,
      msgs: [{ role: 'user', text: user }],
      params: p,
      reply: { text: reply },
    });
  },
};

const VENDOR_RUBRIC = `You are an evaluation model used by a QA platform. Score the AGENT RESPONSE for the CUSTOMER QUERY on these criteria, each 1-5: correctness, groundedness in the provided knowledge base excerpt, tone, policy compliance. Return strict JSON: {"correctness":n,"groundedness":n,"tone":n,"policy":n,"notes":"<=40 words"}.`;

export const judgeVendor: Family = {
  name: 'judge-vendor',
  malicious: false,
  plan(acct, rng, ctx, push) {
    let ts = ctx.time.start + rng.int(0, 600) * SEC;
    while (ts < ctx.time.end) {
      const hr = new Date(ts + acct.tz * HOUR).getUTCHours();
      const load = 0.4 + (SHAPES.work[hr] ?? 0.5);
      push({ ts: Math.floor(ts), a: acct.idx, s: rng.u32(), t: 0, k: 0 });
      ts += rng.exp(((acct.p.gap ?? 300) * SEC) / load);
    }
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const q = turn.chance(0.5) ? turn.pick(ctx.corpus.chat) : syntheticDoc(turn, 2);
    const kb = syntheticDoc(turn, turn.int(2, 5));
    const ans = composeAnswer(turn, q, turn.int(60, 250));
    const out = JSON.stringify({
      correctness: turn.int(1, 5),
      groundedness: turn.int(1, 5),
      tone: turn.int(3, 5),
      policy: turn.int(4, 5),
      notes: turn.pick([
        'Accurate but misses the refund window.',
        'Good tone; cites KB correctly.',
        'Hallucinated an order number.',
        'Partially answers; no next step offered.',
      ]),
    });
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: ctx.models[acct.s.model ?? 'main']!,
      system: VENDOR_RUBRIC,
      msgs: [
        {
          role: 'user',
          text: `CUSTOMER QUERY:\n${q}\n\nKNOWLEDGE BASE EXCERPT:\n${kb}\n\nAGENT RESPONSE:\n${ans}`,
        },
      ],
      params: { temperature: 0, max_tokens: 200, responseFormat: 'json_object' },
      reply: { text: out },
    });
  },
};

const EDU_SYSTEMS = [
  'You are a patient math tutor for secondary-school students. Always explain the solution step by step, checking each step, and finish with the final answer on its own line. Do not just give the answer.',
  'You help students learn. For every question, show the full worked solution with clear numbered steps, then a one-sentence summary of the method.',
  'Eres un tutor de matemáticas. Explica siempre la solución paso a paso y termina con la respuesta final.',
];

/** An education app: every request asks for a step-by-step explanation. */
export const eduApp: Family = {
  name: 'edu-app',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 40, SHAPES.student, 1.1))
      pushSession(
        acct,
        st,
        rng.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const),
        rng,
        () => rng.logNormal(60 * SEC, 0.7),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const sys = EDU_SYSTEMS[acct.p.sys ?? 0]!;
    const turns = [];
    const it = sess.chance(0.3) ? null : mathItem(sess, ctx.corpus, 0.25);
    const fl = sess.pick(ctx.corpus.flan);
    const q = it ? it.q : fl.q;
    turns.push({
      user: [{ role: 'user' as const, text: q }],
      reply: it
        ? mathReply(sess, it, true)
        : { text: `${fl.rationale}\nSo the answer is ${fl.answer}.` },
    });
    while (turns.length < plan.k) {
      const f = sess.pick([
        'I still don’t get step 2',
        'why do we divide there?',
        'can you give me a similar problem to practice?',
        'ok thanks',
        'is there a faster way?',
      ]);
      turns.push({
        user: [{ role: 'user' as const, text: f }],
        reply: { text: composeAnswer(sess, f, sess.int(60, 250)) },
      });
    }
    const t = Math.min(plan.t, turns.length - 1);
    const model = pickModel(ctx, plan.ts, acct.s.model ?? 'lite');
    const p: Params = { temperature: 0.3, max_tokens: 1500, stream: true };
    const uid = `stu_${(plan.s % 5000).toString(36)}`;
    if (acct.clients[0]!.endpoint === 'messages') p.metadataUser = uid;
    else p.user = uid;
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model,
      system: sys,
      msgs: historyAt(turns, t),
      params: p,
      reply: turns[t]!.reply,
    });
  },
};

/** University students: course cohort, homework, reasoning model, step-by-step. */
export const student: Family = {
  name: 'university-cohort',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 1.5, SHAPES.student, 1.3))
      pushSession(
        acct,
        st,
        rng.int(1, 5),
        rng,
        () => rng.logNormal(90 * SEC, 0.8),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const turns = [];
    for (let i = 0; i < plan.k; i++) {
      const it = mathItem(sess, ctx.corpus, 0.6);
      const lang = (acct.s.lang ?? 'en') as keyof typeof SHOW_WORK;
      const ask = sess.chance(0.6) ? ' ' + sess.pick(SHOW_WORK[lang] ?? SHOW_WORK.en) : '';
      const q =
        i === 0 || sess.chance(0.6)
          ? it.q + ask
          : sess.pick([
              'can you check my answer: ' + it.final,
              'why is step 3 valid?',
              'explain it differently',
            ]);
      turns.push({
        user: [{ role: 'user' as const, text: q }],
        reply: mathReply(sess, it, ask !== ''),
      });
    }
    const t = Math.min(plan.t, turns.length - 1);
    const model = pickModel(ctx, plan.ts, modelName(sess, ctx, plan.ts, 0.25, 'think'));
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: null,
      msgs: historyAt(turns, t),
      params: { stream: true },
      reply: turns[t]!.reply,
    });
  },
};

/** Licensed synthetic-data customer: looks like a campaign; the contract is the difference. */
export const licensed: Family = {
  name: 'licensed-synthetic',
  malicious: false,
  plan(acct, rng, ctx, push) {
    let ts = ctx.time.start + rng.int(0, 3600) * SEC;
    let i = 0;
    while (ts < ctx.time.end) {
      push({ ts: Math.floor(ts), a: acct.idx, s: rng.u32(), t: 0, k: i++ });
      ts += rng.exp((acct.p.gap ?? 60) * SEC);
    }
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const c = ctx.corpus;
    const code = turn.chance(0.35);
    const model =
      plan.ts > ctx.time.release + 6 * HOUR && turn.chance(0.6)
        ? ctx.models.think2!
        : ctx.models.think!;
    const p: Params = { temperature: 0.7, max_tokens: model.cap };
    if (code) {
      const task = codeItem(turn, c);
      return emit(acct, plan, turn, {
        client: acct.clients[0]!,
        model,
        system:
          'Generate a high-quality solution with explanation for the training set. Explain your reasoning fully.',
        msgs: [{ role: 'user', text: task.prompt }],
        params: p,
        reply: {
          text: codeReply(turn, task, true),
          reasoningTokens: Math.round(turn.logNormal(2500, 0.6)),
        },
      });
    }
    const it = mathItem(turn, c, 0.6);
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model,
      system:
        'Solve the problem. Show your complete reasoning, then give the final answer in \\boxed{}.',
      msgs: [{ role: 'user', text: it.q }],
      params: p,
      reply: {
        ...mathReply(turn, it, true),
        reasoningTokens: Math.round(turn.logNormal(3500, 0.7)),
      },
    });
  },
};

/** Logprob classifier with a fixed label set biased through logit_bias. */
export const classifier: Family = {
  name: 'logprob-classifier',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 30, SHAPES.human, 0.6))
      push({ ts: st, a: acct.idx, s: rng.u32(), t: 0, k: 0 });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const labels = (acct.s.labels ?? 'positive,negative,neutral').split(',');
    const ids = (acct.s.ids ?? '').split(',');
    const bias: Record<string, number> = {};
    for (const id of ids) if (id) bias[id] = 100;
    const text = turn.chance(0.5) ? turn.pick(ctx.corpus.chat) : syntheticDoc(turn, 2);
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: ctx.models.lite!,
      system: `Classify the text as one of: ${labels.join(', ')}. Answer with one word.`,
      msgs: [{ role: 'user', text }],
      params: {
        temperature: 0,
        max_tokens: 1,
        logprobs: true,
        top_logprobs: labels.length,
        logit_bias: bias,
      },
      reply: { text: turn.pick(labels) },
    });
  },
};

export const ciBot: Family = {
  name: 'ci-review-bot',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 8, SHAPES.work, 0.1)) {
      const files = rng.int(1, 6);
      const s = rng.u32();
      for (let f = 0; f < files; f++)
        push({ ts: st + f * rng.int(800, 4000), a: acct.idx, s: (s + f) >>> 0, t: 0, k: 0 });
    }
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const task = codeItem(turn, ctx.corpus);
    const diff = task.solution
      .split('\n')
      .map((l) => (turn.chance(0.3) ? '+' : ' ') + l)
      .join('\n');
    const review = turn.chance(0.4)
      ? 'LGTM — no issues found.'
      : composeAnswer(turn, 'review this python code change', turn.int(60, 220));
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: ctx.models[acct.s.model ?? 'main']!,
      system:
        'You are a code reviewer. Comment only on bugs, security issues and missing tests. Be brief. If nothing is wrong, reply "LGTM".',
      msgs: [
        {
          role: 'user',
          text: `Repository: ${acct.s.repo ?? 'acme/api'}\nFile: src/${task.id.replace(/\W/g, '_')}.py\n\n\`\`\`diff\n${diff}\n\`\`\``,
        },
      ],
      params: { temperature: 0.1, max_tokens: 800 },
      reply: { text: review },
    });
  },
};

const REWRITE_TPL = [
  {
    sys: 'Write 5 alternative versions of the marketing headline. Keep each under 12 words. Number them.',
    kind: 'variations',
  },
  {
    sys: 'Rewrite the user text in plain, friendly English at a 7th-grade reading level. Keep the meaning.',
    kind: 'rewrite',
  },
  {
    sys: 'You screen job applications. Given the CV excerpt, answer with JSON {"fit": "yes"|"maybe"|"no", "reason": string}.',
    kind: 'screen',
  },
];

export const rewriteTool: Family = {
  name: 'rewrite-tool',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 50, SHAPES.human, 0.5))
      push({ ts: st, a: acct.idx, s: rng.u32(), t: 0, k: 0 });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const tpl = REWRITE_TPL[acct.p.tpl ?? 0]!;
    const c = ctx.corpus;
    let input: string;
    let out: string;
    if (tpl.kind === 'variations') {
      input = topicOf(turn.pick(c.chat));
      out = [1, 2, 3, 4, 5]
        .map(
          (i) =>
            `${i}. ${turn.pick(['Discover', 'Meet', 'Finally:', 'Why', 'The smarter way to', 'Say hello to'])} ${input.toLowerCase().slice(0, 50)}`,
        )
        .join('\n');
    } else if (tpl.kind === 'rewrite') {
      const st = turn.pick(c.userTasks);
      input = st.input || st.output || st.instruction;
      out = st.output || composeAnswer(turn, input, 80);
    } else {
      input = `${turn.int(2, 15)} years experience. ${syntheticDoc(turn, 2)}`;
      out = JSON.stringify({
        fit: turn.pick(['yes', 'maybe', 'no']),
        reason: 'Experience partly matches the role requirements.',
      });
    }
    const p: Params = { temperature: tpl.kind === 'variations' ? 0.9 : 0.3, max_tokens: 400 };
    const uid = `u${(plan.s % 20000).toString(36)}`;
    if (acct.clients[0]!.endpoint === 'messages') p.metadataUser = uid;
    else p.user = uid;
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: ctx.models.lite!,
      system: tpl.sys,
      msgs: [{ role: 'user', text: input }],
      params: p,
      reply: { text: out },
    });
  },
};

/** Employees of one company behind the same egress range, working hours, mixed use. */
export const corp: Family = {
  name: 'corporate-nat',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 2, SHAPES.work, 0.05))
      pushSession(
        acct,
        st,
        rng.int(1, 5),
        rng,
        () => rng.logNormal(80 * SEC, 0.8),
        push,
        ctx.time.end,
      );
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    if (sess.chance(0.25)) {
      const sc = agentScript(sess, ctx.corpus, plan.k, 'toolu_');
      const t = Math.min(plan.t, sc.turns.length - 1);
      return emit(acct, plan, turn, {
        client: clientFor(acct, plan),
        model: pickModel(ctx, plan.ts, 'main'),
        system: sc.system,
        msgs: historyAt(sc.turns, t),
        params: { tools: sc.tools, max_tokens: 8192, stream: true },
        reply: sc.turns[t]!.reply,
      });
    }
    const sys =
      acct.s.sys ?? 'You are the internal assistant of the company. Be concise and professional.';
    let sc = chatScript(sess, ctx.corpus, plan.k);
    if (sess.chance(0.3)) {
      const doc = syntheticDoc(sess, sess.int(4, 10));
      sc = {
        system: null,
        turns: [
          {
            user: [
              {
                role: 'user',
                text: `${sess.pick(['Summarise this for my manager:', 'Draft a reply to this:', 'What are the action items here?'])}\n\n${doc}`,
              },
            ],
            reply: { text: composeAnswer(sess, doc, sess.int(80, 300)) },
          },
        ],
      };
    }
    const t = Math.min(plan.t, sc.turns.length - 1);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model: pickModel(ctx, plan.ts, sess.pick(['main', 'lite'])),
      system: sys,
      msgs: historyAt(sc.turns, t),
      params: { stream: true, max_tokens: 4096 },
      reply: sc.turns[t]!.reply,
    });
  },
};

/** A licensed router serving many end users: diverse content, many user ids. */
export const router: Family = {
  name: 'honest-router',
  malicious: false,
  plan(acct, rng, ctx, push) {
    for (const st of sessionStarts(rng, acct, ctx, acct.p.rate ?? 300, SHAPES.human, 0.9))
      push({ ts: st, a: acct.idx, s: rng.u32(), t: 0, k: rng.int(1, 4) });
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const kind = sess.int(0, 9);
    let system: string | null;
    let msgs;
    let reply;
    if (kind <= 5) {
      const sc = chatScript(sess, ctx.corpus, plan.k);
      system = sc.system;
      msgs = historyAt(sc.turns, sc.turns.length - 1);
      reply = sc.turns[sc.turns.length - 1]!.reply;
    } else if (kind <= 7) {
      const it = mathItem(sess, ctx.corpus, 0.4);
      system = null;
      msgs = [{ role: 'user' as const, text: it.q }];
      reply = mathReply(sess, it, sess.chance(0.5));
    } else {
      const p = sess.pick(ctx.corpus.arena).prompt;
      system = null;
      msgs = [{ role: 'user' as const, text: p }];
      reply = { text: composeAnswer(sess, p, sess.int(150, 900)) };
    }
    const params: Params = {
      user: `or_${sess.hex(10)}`,
      stream: sess.chance(0.7),
      temperature: sess.pick([0.7, 1, 0.3]),
    };
    return emit(acct, plan, turn, {
      client: acct.clients[0]!,
      model: pickModel(
        ctx,
        plan.ts,
        modelName(sess, ctx, plan.ts, 0.2, sess.pick(['lite', 'main', 'think'])),
      ),
      system,
      msgs,
      params,
      reply,
    });
  },
};

export const HONEST: Family[] = [
  casual,
  power,
  coding,
  batch,
  evalHarness,
  judgeVendor,
  eduApp,
  student,
  licensed,
  classifier,
  ciBot,
  rewriteTool,
  corp,
  router,
];

export type { Acct, Plan };
