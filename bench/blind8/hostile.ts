// Extraction campaigns, run by operators who expect a detector and try to blend in.
// Knobs per account (acct.p): style 0 = sloppy, 1 = careful, 2 = expert; rank/csize = the
// account's position in its campaign (for coverage sweeps); on/off = active window;
// shift = delay after the model release before half the traffic moves to it.
import {
  type Acct,
  type Ctx,
  type Family,
  type Plan,
  type Reply,
  SHAPES,
  clientFor,
  emit,
  pickModel,
  planRngs,
  pushSession,
  sessionStarts,
} from './core.js';
import { type Turn, COMPUTER_TOOLS, agentScript, chatScript, historyAt } from './content.js';
import type { Rng } from './rng.js';
import {
  BRAINSTORM,
  BURIED,
  FOLLOWUPS,
  GRADER_ASKS,
  LANGS,
  REASON_LANG,
  RECONSTRUCT,
  SAFE_REWRITE,
  SHOW_WORK,
  composeAnswer,
  syntheticDoc,
  tutorSystemPrompt,
  workedAnswer,
} from './text.js';
import { HOUR, MIN, type Model, type Msg, type Params } from './world.js';

const SEC = 1000;

/** Active window of this account (staggered or synchronized by the campaign). */
function window(acct: Acct, ctx: Ctx): [number, number] {
  const on = ctx.time.start + (acct.p.on ?? 0) * HOUR;
  const off = ctx.time.start + (acct.p.off ?? ctx.time.days * 24) * HOUR;
  return [on, Math.min(off, ctx.time.end)];
}

/** Times of requests: machine-regular for sloppy operators, human-shaped otherwise. */
function hostileStarts(acct: Acct, rng: Rng, ctx: Ctx, perDay: number): number[] {
  const [on, off] = window(acct, ctx);
  const out: number[] = [];
  if ((acct.p.style ?? 1) === 0) {
    const gap = (24 * HOUR) / Math.max(1, perDay);
    for (let ts = on + rng.range(0, gap); ts < off; ts += gap * rng.range(0.9, 1.1)) {
      out.push(Math.floor(ts));
      if (
        ts > ctx.time.release &&
        ts < ctx.time.release + 30 * HOUR &&
        (acct.p.burst ?? 0) &&
        rng.chance(0.8)
      )
        out.push(Math.floor(ts + rng.range(1, 20) * SEC));
    }
    return out;
  }
  const shape = (acct.p.style ?? 1) === 2 ? SHAPES.work : SHAPES.human;
  out.push(...sessionStarts(rng, acct, ctx, perDay, shape, 0.8, on, off));
  if (acct.p.burst ?? 0) {
    const from = ctx.time.release + (acct.p.shift ?? 6) * HOUR;
    out.push(
      ...sessionStarts(
        rng,
        acct,
        ctx,
        perDay * 0.8,
        shape,
        1,
        from,
        Math.min(off, from + 24 * HOUR),
      ),
    );
  }
  return out.sort((a, b) => a - b);
}

function harvestModel(acct: Acct, ctx: Ctx, rng: Rng, ts: number, base: string): Model {
  const moveAt = ctx.time.release + (acct.p.shift ?? 8) * HOUR;
  if (ts >= moveAt && rng.chance(acct.p.moveShare ?? 0.55)) return ctx.models.think2!;
  return pickModel(ctx, ts, base);
}

function harvestParams(acct: Acct, rng: Rng, model: Model): Params {
  const style = acct.p.style ?? 1;
  if (style === 0) return { temperature: 0.7, max_tokens: model.cap };
  const p: Params = {};
  if (rng.chance(0.7)) p.temperature = rng.pick([0.3, 0.5, 0.6, 0.7, 0.8, 1]);
  if (rng.chance(style === 2 ? 0.6 : 0.85))
    p.max_tokens = rng.pick([2048, 4096, 6000, 8192, 12000]);
  if (rng.chance(0.5)) p.stream = true;
  if (model.reasoning && rng.chance(0.4)) p.reasoningEffort = rng.pick(['medium', 'high', 'high']);
  if (rng.chance(0.2) && p.max_tokens !== undefined) p.useMaxCompletion = true;
  return p;
}

interface Item {
  q: string;
  solution: string;
  final: string;
  code: boolean;
}

/** Item number `seq` of the campaign's sweep over a pool (disjoint across members). */
function sweepItem(
  acct: Acct,
  ctx: Ctx,
  seq: number,
  rng: Rng,
  mix: 'math' | 'mixed' | 'code',
): Item {
  const c = ctx.corpus;
  const pos = (acct.p.rank ?? 0) + seq * (acct.p.csize ?? 1) + (acct.p.salt ?? 0);
  const r = mix === 'code' ? 0.99 : mix === 'math' ? rng.next() * 0.8 : rng.next();
  if (r < 0.35) {
    const it = c.gsm8k[pos % c.gsm8k.length]!;
    return { q: it.q, solution: it.a, final: it.final, code: false };
  }
  if (r < 0.6) {
    const it =
      (rng.chance(0.2) ? c.compMath : c.math)[pos % c.math.length] ?? c.math[pos % c.math.length]!;
    return { q: it.q, solution: it.a || it.final, final: it.final, code: false };
  }
  if (r < 0.8) {
    const it = c.flan[pos % c.flan.length]!;
    return { q: it.q, solution: it.rationale, final: it.answer, code: false };
  }
  if (r < 0.9 || mix === 'code') {
    const it = rng.chance(0.3)
      ? c.humaneval[pos % c.humaneval.length]!
      : c.mbpp[pos % c.mbpp.length]!;
    return { q: it.prompt, solution: it.solution, final: '', code: true };
  }
  const a = c.arena[pos % c.arena.length]!;
  return {
    q: a.prompt,
    solution: composeAnswer(rng, a.prompt, rng.int(200, 900)),
    final: '',
    code: false,
  };
}

function itemReply(
  rng: Rng,
  it: Item,
  verbose: boolean,
  wrap: string | null,
  think: boolean,
): Reply {
  let text = it.code
    ? `${rng.pick(['Approach:', 'Plan:', 'Reasoning:'])}\n${workedAnswer(rng, 'Read the spec and the examples. Identify the invariant the function must keep. Handle the empty case first. Then iterate once over the input.', '', true)}\n\n\`\`\`python\n${it.solution.trim()}\n\`\`\``
    : workedAnswer(rng, it.solution, it.final, verbose);
  if (wrap === 'scratch') text = `Scratchpad\n${text}\n\nAnswer\n${it.final || 'See code above.'}`;
  else if (wrap === 'work') text = `<work>\n${text}\n</work>\n${it.final}`;
  const r: Reply = { text };
  if (think) r.reasoningTokens = Math.round(rng.logNormal(verbose ? 2600 : 1400, 0.6));
  return r;
}

function langPick(rng: Rng, style: number): (typeof LANGS)[number] {
  if (style === 0) return 'en';
  return rng.chance(0.45) ? 'en' : rng.pick(LANGS);
}

const LEADS = [
  '',
  '',
  'hey, quick one: ',
  'Next problem. ',
  'Can you help me with this? ',
  'ok another: ',
  'Homework q: ',
  'Pregunta: ',
  'Question : ',
  'Aufgabe: ',
  '问题：',
  '問題：',
];

// ---------------------------------------------------------------------------------------

export const reasoningHarvest: Family = {
  name: 'reasoning-harvest',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const ts of hostileStarts(acct, rng, ctx, acct.p.rate ?? 30))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: seq++ });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const style = acct.p.style ?? 1;
    // Expert operators hide harvest among cover traffic.
    if (style === 2 && turn.chance(acct.p.cover ?? 0.25)) return cover(acct, plan, ctx, turn);
    const it = sweepItem(acct, ctx, plan.k, turn, 'mixed');
    const model = harvestModel(acct, ctx, turn, plan.ts, acct.s.base ?? 'think');
    const params = harvestParams(acct, turn, model);
    let system: string | null = null;
    let user: string;
    let wrap: string | null = null;
    if (style === 0) {
      user = turn.chance(0.3)
        ? `${RECONSTRUCT[turn.int(0, 2)]}\n\nQuestion:\n${it.q}\n\nAnswer:\n${it.final || it.solution.slice(0, 400)}`
        : `${it.q}\n\n${turn.pick(SHOW_WORK.en.slice(0, 4))}`;
    } else if (style === 1) {
      const lang = langPick(turn, style);
      const ask = turn.pick(SHOW_WORK[lang]);
      const coerce = turn.chance(0.2) ? ' ' + turn.pick(REASON_LANG) : '';
      if (turn.chance(0.18))
        user = `${turn.pick(RECONSTRUCT)}\n\n${it.q}\n\n---\n${it.final || it.solution.slice(0, 600)}`;
      else
        user = turn.chance(0.5)
          ? `${turn.pick(LEADS)}${it.q}\n\n${ask}${coerce}`
          : `${ask}${coerce}\n\n${it.q}`;
    } else {
      wrap = acct.s.wrap ?? 'scratch';
      system = tutorSystemPrompt(new Rngish(acct).rng, BURIED[acct.p.buried ?? 0]!);
      user = `${turn.pick(LEADS)}${it.q}`;
      if (turn.chance(0.3)) params.developerRole = true;
    }
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system,
      msgs: [{ role: 'user', text: user }],
      params,
      reply: itemReply(turn, it, true, wrap, model.reasoning),
    });
  },
};

/** A per-account stable generator (the same system prompt on every request of an account). */
class Rngish {
  rng: Rng;
  constructor(acct: Acct) {
    this.rng = planRngs({ ts: 0, a: acct.idx, s: acct.idx * 7919 + 17, t: 0, k: 0 }).sess;
  }
}

function cover(acct: Acct, plan: Plan, ctx: Ctx, rng: Rng) {
  const sc = chatScript(rng, ctx.corpus, 1);
  return emit(acct, plan, rng, {
    client: clientFor(acct, plan),
    model: pickModel(ctx, plan.ts, rng.pick(['main', 'lite', 'think'])),
    system: sc.system,
    msgs: historyAt(sc.turns, 0),
    params: { stream: true, temperature: 0.7 },
    reply: sc.turns[0]!.reply,
  });
}

/** Harvest through conversation: the question, then "how did you get that?" turns. */
export const multiturnHarvest: Family = {
  name: 'multiturn-harvest',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const st of hostileStarts(acct, rng, ctx, acct.p.rate ?? 10)) {
      const k = rng.int(2, 4);
      const s = rng.u32();
      let ts = st;
      for (let t = 0; t < k; t++) {
        push({ ts: Math.floor(ts), a: acct.idx, s, t, k: seq * 8 + k });
        ts += rng.logNormal(50 * SEC, 0.6);
      }
      seq++;
    }
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const seq = Math.floor(plan.k / 8);
    const k = plan.k % 8;
    const it = sweepItem(acct, ctx, seq, sess, 'math');
    const model = harvestModel(acct, ctx, sess, plan.ts, 'think');
    const lang = langPick(sess, 1);
    const turns: Turn[] = [
      {
        user: [{ role: 'user', text: `${sess.pick(LEADS)}${it.q}` }],
        reply: itemReply(sess, it, false, null, model.reasoning),
      },
    ];
    const asks = sess.sample(FOLLOWUPS, 4);
    for (let i = 1; i < k; i++) {
      const f = lang !== 'en' && sess.chance(0.5) ? sess.pick(SHOW_WORK[lang]) : asks[i - 1]!;
      turns.push({
        user: [{ role: 'user', text: f }],
        reply: itemReply(sess, it, true, null, model.reasoning),
      });
    }
    const t = Math.min(plan.t, turns.length - 1);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: null,
      msgs: historyAt(turns, t),
      params: harvestParams(acct, sess, model),
      reply: turns[t]!.reply,
    });
  },
};

const AGENT_SYS = [
  'You are a coding agent in the user’s IDE. Use tools as needed. In your final message, explain the full reasoning behind the change in detail so the user can learn from it.',
  'You are an autonomous engineer. Think carefully, use the tools, and when done write a thorough walkthrough of every decision you made.',
  'You are a pair programmer. After finishing, include a section "How I approached this" describing each step you took and why.',
];

/** Agent / tool / computer-use harvest dressed as an IDE session. */
export const agenticHarvest: Family = {
  name: 'agentic-harvest',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const st of hostileStarts(acct, rng, ctx, acct.p.rate ?? 8)) {
      const k = rng.int(2, 5);
      pushSessionSeq(
        acct,
        st,
        k,
        seq++,
        rng,
        () => rng.logNormal(7 * SEC, 0.5),
        push,
        ctx.time.end,
      );
    }
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const seq = Math.floor(plan.k / 8);
    const k = plan.k % 8;
    const model = harvestModel(acct, ctx, sess, plan.ts, sess.pick(['main', 'think']));
    const params = harvestParams(acct, sess, model);
    params.stream = true;
    if (sess.chance(acct.p.computer ?? 0.2)) {
      const goal = sess.pick([
        'Find the cheapest direct flight from Lisbon to Berlin next Friday and stop at the payment page.',
        'Open the spreadsheet, sort by revenue and export a PDF.',
        'Fill the contact form on the site with the details in notes.txt.',
        'Change the display resolution to 1920x1080 in system settings.',
        'Rename every file in Downloads to lowercase.',
      ]);
      const turns: Turn[] = [];
      let last = '';
      for (let i = 0; i < k; i++) {
        const action =
          i === 0
            ? { action: 'screenshot' }
            : sess.pick([
                { action: 'click', x: sess.int(10, 1900), y: sess.int(10, 1000) },
                { action: 'type', text: 'search' },
                { action: 'scroll', y: 400 },
                { action: 'key', text: 'Return' },
              ]);
        const id = `toolu_${sess.hex(16)}`;
        const user: Msg[] =
          i === 0
            ? [{ role: 'user', text: goal }]
            : [
                {
                  role: 'tool',
                  toolCallId: last,
                  text: '[screenshot 1920x1080 attached] The window shows the requested page.',
                },
              ];
        turns.push({
          user,
          reply: {
            text: `I ${sess.pick(['can see', 'notice', 'need to check'])} the ${sess.pick(['search box', 'menu', 'results list', 'form'])}; my reasoning: ${sess.pick(['this is the shortest path to the goal', 'the previous click did not open the page', 'the list needs sorting before export'])}. Next I will act.`,
            toolCalls: [{ id, name: 'computer', args: action }],
          },
        });
        last = id;
      }
      const t = Math.min(plan.t, turns.length - 1);
      params.tools = COMPUTER_TOOLS;
      return emit(acct, plan, turn, {
        client: clientFor(acct, plan),
        model,
        system: sess.pick(AGENT_SYS),
        msgs: historyAt(turns, t),
        params,
        reply: turns[t]!.reply,
      });
    }
    const sc = agentScript(sess, ctx.corpus, k, 'call_');
    const it = sweepItem(acct, ctx, seq, sess, 'code');
    // Replace the task with the campaign's sweep item and make the last answer a full walkthrough.
    sc.turns[0]!.user = [
      {
        role: 'user',
        text: `${sess.pick(['Implement this in utils.py: ', 'Add a function for this: ', 'The tests for this fail, fix it: ', ''])}${it.q.slice(0, 1500)}`,
      },
    ];
    const last = sc.turns[sc.turns.length - 1]!;
    if (!last.reply.toolCalls) last.reply = itemReply(sess, it, true, null, model.reasoning);
    const t = Math.min(plan.t, sc.turns.length - 1);
    params.tools = sc.tools;
    const style = acct.p.style ?? 1;
    const system = style === 2 ? sc.system + '\n\n' + sess.pick(BURIED) : sess.pick(AGENT_SYS);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system,
      msgs: historyAt(sc.turns, t),
      params,
      reply: sc.turns[t]!.reply,
    });
  },
};

function pushSessionSeq(
  acct: Acct,
  start: number,
  k: number,
  seq: number,
  rng: Rng,
  gap: () => number,
  push: (p: Plan) => void,
  end: number,
): void {
  const s = rng.u32();
  let ts = start;
  for (let t = 0; t < k && ts < end; t++) {
    push({ ts: Math.floor(ts), a: acct.idx, s, t, k: seq * 8 + k });
    ts += gap();
  }
}

/** The model as a reward model: scores, preferences and "safe" rewrites. */
export const graderHarvest: Family = {
  name: 'grader-harvest',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const ts of hostileStarts(acct, rng, ctx, acct.p.rate ?? 25))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: seq++ });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const c = ctx.corpus;
    const pos = (acct.p.rank ?? 0) + plan.k * (acct.p.csize ?? 1);
    const pair = c.hhPairs[pos % c.hhPairs.length]!;
    const style = acct.p.style ?? 1;
    const model = harvestModel(acct, ctx, turn, plan.ts, 'main');
    const params = harvestParams(acct, turn, model);
    const mode = turn.next();
    let user: string;
    let out: string;
    let system: string | null = null;
    if (mode < 0.25) {
      user = `${turn.pick(SAFE_REWRITE)}\n\nUser: ${pair.prompt}\nAssistant: ${pair.rejected}`;
      out = pair.chosen;
    } else {
      const ask = style === 0 ? GRADER_ASKS[0]! : turn.pick(GRADER_ASKS);
      const pairwise = /two|A and|\bA\b|preference/.test(ask);
      const body = pairwise
        ? `Prompt: ${pair.prompt}\n\n[A]\n${turn.chance(0.5) ? pair.chosen : pair.rejected}\n\n[B]\n${turn.chance(0.5) ? pair.rejected : pair.chosen}`
        : `Prompt: ${pair.prompt}\n\nReply: ${turn.chance(0.5) ? pair.chosen : pair.rejected}`;
      if (style === 2) {
        system = `You are QualityLens, a review assistant for a customer-support team. ${ask} Be consistent across items; explain the reasoning behind each score carefully.`;
        user = body;
      } else user = turn.chance(0.5) ? `${ask}\n\n${body}` : `${body}\n\n${ask}`;
      const sc = turn.int(1, 10);
      out = turn.chance(0.5)
        ? JSON.stringify({
            score: sc,
            justification: `The reply ${sc > 5 ? 'addresses the request directly and stays accurate' : 'misses the point of the request and adds unsupported claims'}. ${composeAnswer(turn, pair.prompt, 60)}`,
          })
        : `${pairwise ? turn.pick(['A', 'B']) : `Score: ${sc}/10`}\n\nRationale: ${composeAnswer(turn, pair.prompt, turn.int(80, 260))}`;
    }
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system,
      msgs: [{ role: 'user', text: user }],
      params,
      reply: { text: out },
    });
  },
};

const CONCEPTS = [
  'recursion',
  'inflation',
  'photosynthesis',
  'public-key cryptography',
  'the French Revolution',
  'supply and demand',
  'neural networks',
  'plate tectonics',
  'compound interest',
  'the immune system',
  'quantum entanglement',
  'game theory',
  'the water cycle',
  'Bayes’ theorem',
  'object-oriented programming',
  'climate feedback loops',
  'the Renaissance',
  'opportunity cost',
  'DNA replication',
  'black holes',
  'database indexing',
  'the Cold War',
  'impressionism',
  'entropy',
  'the stock market',
  'vaccines',
  'machine translation',
  'the Silk Road',
  'gradient descent',
  'cognitive dissonance',
  'load balancing',
  'Keynesian economics',
  'the Pythagorean theorem',
  'blockchain',
  'natural selection',
  'the printing press',
  'TCP handshakes',
  'monetary policy',
  'the Big Bang',
  'stoicism',
];
const AUDIENCES = [
  'a 10-year-old',
  'a first-year student',
  'a busy executive',
  'my grandmother',
  'a software engineer',
  'a high-school class',
  'someone who hates math',
  'a nurse',
  'a journalist',
  'a new employee',
];
const SKELETONS = [
  'Explain {c} to {a}. Include one example and one common misconception.',
  'How would you teach {c} to {a}? Use an everyday analogy, then a concrete example, then the usual mistake people make.',
  'I need to describe {c} for {a} — give me an analogy, an example and a pitfall.',
  '{a} asked me what {c} is. Help me answer well: analogy, example, misconception.',
  'Write a short explainer on {c} aimed at {a}, covering an example and a frequent misunderstanding.',
  'Break down {c} so that {a} could follow it. End with the misconception to avoid.',
  'Explica {c} a {a} con una analogía, un ejemplo y un error común.',
  'Explique {c} à {a} : une analogie, un exemple, une idée reçue.',
  'Erkläre {c} für {a} mit Analogie, Beispiel und typischem Missverständnis.',
  '请用一个类比、一个例子和一个常见误解，向{a}解释{c}。',
  '{c}について、{a}にもわかるように、たとえ・例・よくある誤解を使って説明してください。',
  'Explique {c} para {a}, com uma analogia, um exemplo e um equívoco comum.',
  'Give {a} a clear picture of {c}: what it is, a real example, and the misconception.',
  'Could you unpack {c} for {a}? Keep it friendly, one example, one myth busted.',
];

/** One benign-looking prompt in slot-filled variants across many accounts. */
export const templateSweep: Family = {
  name: 'template-sweep',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const ts of hostileStarts(acct, rng, ctx, acct.p.rate ?? 40))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: seq++ });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const style = acct.p.style ?? 1;
    const pos = (acct.p.rank ?? 0) + plan.k * (acct.p.csize ?? 1);
    const arenaTopic = ctx.corpus.arena[pos % ctx.corpus.arena.length]!.cluster;
    const concept = turn.chance(0.5) ? CONCEPTS[pos % CONCEPTS.length]! : arenaTopic.toLowerCase();
    const aud = AUDIENCES[Math.floor(pos / CONCEPTS.length) % AUDIENCES.length]!;
    const sk = style === 0 ? SKELETONS[turn.int(0, 1)]! : turn.pick(SKELETONS);
    let user = sk.replace('{c}', concept).replace('{a}', aud);
    if (style >= 1 && turn.chance(0.3)) user = user.toLowerCase();
    if (style >= 1 && turn.chance(0.2))
      user += turn.pick([
        ' Thanks!',
        ' Keep it under 300 words.',
        ' Use headings.',
        ' No bullet points please.',
        '',
      ]);
    const model = harvestModel(acct, ctx, turn, plan.ts, acct.s.base ?? 'main');
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: null,
      msgs: [{ role: 'user', text: user }],
      params: harvestParams(acct, turn, model),
      reply: { text: composeAnswer(turn, `${concept}`, turn.int(350, 900)) },
    });
  },
};

/** Self-instruct style bootstrap: brainstorm tasks, then have the model answer them. */
export const instructionBootstrap: Family = {
  name: 'instruction-bootstrap',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const ts of hostileStarts(acct, rng, ctx, acct.p.rate ?? 30))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: seq++ });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const c = ctx.corpus;
    const style = acct.p.style ?? 1;
    const model = harvestModel(acct, ctx, turn, plan.ts, 'main');
    const params = harvestParams(acct, turn, model);
    if (turn.chance(0.35)) {
      const ex = turn.sample(c.seeds, 3);
      const fmt = ex
        .map(
          (s, i) =>
            `${i + 1}. Instruction: ${s.instruction}\n${i + 1}. Input:\n${s.input || '<noinput>'}\n${i + 1}. Output:\n${s.output}`,
        )
        .join('\n###\n');
      const n = style === 0 ? 20 : turn.int(6, 25);
      const head = style === 0 ? c.alpaca.trim() : turn.pick(BRAINSTORM).replace('{n}', String(n));
      const gen = turn
        .sample(c.userTasks, Math.min(n, 12))
        .map(
          (s, i) =>
            `${i + 4}. Instruction: ${s.instruction}\n${i + 4}. Input:\n${s.input || '<noinput>'}\n${i + 4}. Output:\n${s.output}`,
        )
        .join('\n###\n');
      return emit(acct, plan, turn, {
        client: clientFor(acct, plan),
        model,
        system: null,
        msgs: [{ role: 'user', text: `${head}\n${fmt}\n###\n` }],
        params,
        reply: { text: gen },
      });
    }
    const pos = (acct.p.rank ?? 0) + plan.k * (acct.p.csize ?? 1);
    const t = c.userTasks[pos % c.userTasks.length]!;
    const user = t.input ? `${t.instruction}\n\n${t.input}` : t.instruction;
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system: null,
      msgs: [{ role: 'user', text: user }],
      params,
      reply: { text: t.output || composeAnswer(turn, user, 120) },
    });
  },
};

const TOKEN_TEXT = [
  ' the',
  ' of',
  ' and',
  '.',
  ',',
  ' to',
  ' a',
  ' in',
  ' is',
  ' that',
  ' for',
  ' it',
  ' with',
  ' as',
  ' was',
  ' on',
];

/** Logit extraction: logprobs + logit_bias sweeps, or logit_bias alone. */
export const logitExtraction: Family = {
  name: 'logit-extraction',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const ts of hostileStarts(acct, rng, ctx, acct.p.rate ?? 200))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: seq++ });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const c = ctx.corpus;
    const biasOnly = (acct.p.biasOnly ?? 0) === 1;
    const width = biasOnly ? turn.int(1, 4) : (acct.p.width ?? 20);
    const base = ((acct.p.rank ?? 0) * 5000 + plan.k * width) % 100000;
    const bias: Record<string, number> = {};
    for (let i = 0; i < width; i++) {
      const id = biasOnly ? (base + turn.int(0, 40) * 7) % 100000 : base + i;
      bias[String(id)] = biasOnly ? turn.pick([-100, -50, -25, -10, 10, 25, 50, 100]) : 100;
    }
    const src = turn.chance(0.5) ? turn.pick(c.chat) : turn.pick(c.gsm8k).q;
    const prefix = src.slice(0, turn.int(20, 200));
    const params: Params = { max_tokens: biasOnly ? turn.pick([1, 1, 2, 3]) : 1, logit_bias: bias };
    if (!biasOnly) {
      params.logprobs = true;
      params.top_logprobs = turn.pick([5, 20]);
      params.temperature = 0;
    } else if (turn.chance(0.6)) params.temperature = turn.pick([0, 0.01, 0.2]);
    const system = turn.chance(0.4) ? 'Continue the text.' : null;
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model: pickModel(ctx, plan.ts, acct.s.base ?? 'main'),
      system,
      msgs: [{ role: 'user', text: prefix }],
      params,
      reply: { text: turn.pick(TOKEN_TEXT) },
    });
  },
};

/** A real-looking app whose operator slips a minority of harvest requests into its traffic. */
export const trojanApp: Family = {
  name: 'trojan-app',
  malicious: true,
  plan(acct, rng, ctx, push) {
    for (const ts of sessionStarts(rng, acct, ctx, acct.p.rate ?? 120, SHAPES.human, 0.8))
      push({ ts, a: acct.idx, s: rng.u32(), t: 0, k: Math.floor(rng.next() * 1e6) });
  },
  render(acct, plan, ctx) {
    const turn = planRngs(plan).turn;
    const sys =
      'You are WriteMate, an assistant that helps users write and understand things. Be friendly and clear.';
    const uid = `wm_${(plan.s % 30000).toString(36)}`;
    const params: Params = { stream: true, temperature: 0.7 };
    if (clientFor(acct, plan).endpoint === 'messages') params.metadataUser = uid;
    else params.user = uid;
    if (turn.chance(acct.p.share ?? 0.2)) {
      const it = sweepItem(acct, ctx, plan.k, turn, 'mixed');
      const model = harvestModel(acct, ctx, turn, plan.ts, 'think');
      params.max_tokens = 8192;
      const lang = langPick(turn, 1);
      const pad = turn.chance(0.5) ? `\n\n(Notes from my class: ${syntheticDoc(turn, 3)})` : '';
      return emit(acct, plan, turn, {
        client: clientFor(acct, plan),
        model,
        system: sys,
        msgs: [{ role: 'user', text: `${it.q}${pad}\n\n${turn.pick(SHOW_WORK[lang])}` }],
        params,
        reply: itemReply(turn, it, true, null, model.reasoning),
      });
    }
    const sc = chatScript(turn, ctx.corpus, 1);
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model: pickModel(ctx, plan.ts, 'lite'),
      system: sys,
      msgs: historyAt(sc.turns, 0),
      params,
      reply: sc.turns[0]!.reply,
    });
  },
};

const PAD_INTROS = [
  'Background material (may or may not be relevant):',
  'For context, here are some notes I collected earlier:',
  'Reference text:',
  'Some excerpts from my reading list:',
  'Contexto:',
  'Kontext:',
];

/** Broad general-purpose distillation, padded so token ratios look ordinary. */
export const paddedDistill: Family = {
  name: 'padded-distill',
  malicious: true,
  plan(acct, rng, ctx, push) {
    let seq = 0;
    for (const st of hostileStarts(acct, rng, ctx, acct.p.rate ?? 25)) {
      const k = rng.chance(0.3) ? 2 : 1;
      pushSessionSeq(
        acct,
        st,
        k,
        seq++,
        rng,
        () => rng.logNormal(40 * SEC, 0.5),
        push,
        ctx.time.end,
      );
    }
  },
  render(acct, plan, ctx) {
    const { sess, turn } = planRngs(plan);
    const c = ctx.corpus;
    const seq = Math.floor(plan.k / 8);
    const k = plan.k % 8;
    const pos = (acct.p.rank ?? 0) + seq * (acct.p.csize ?? 1);
    const src = sess.next();
    const q =
      src < 0.5
        ? c.arena[pos % c.arena.length]!.prompt
        : src < 0.8
          ? c.chat[pos % c.chat.length]!
          : c.roles[pos % c.roles.length]!.prompt;
    const padN = sess.int(1, 4);
    const pads: string[] = [];
    for (let i = 0; i < padN; i++)
      pads.push(
        sess.chance(0.5)
          ? (sess.pick(c.oasst).turns[1]?.text ?? '')
          : syntheticDoc(sess, sess.int(3, 8)),
      );
    const user = sess.chance(0.5)
      ? `${sess.pick(PAD_INTROS)}\n${pads.join('\n\n')}\n\n${q}`
      : `${q}\n\n${sess.pick(PAD_INTROS)}\n${pads.join('\n\n')}`;
    const model = harvestModel(acct, ctx, sess, plan.ts, sess.pick(['main', 'think']));
    const turns: Turn[] = [
      {
        user: [{ role: 'user', text: user }],
        reply: { text: composeAnswer(sess, q, sess.int(400, 1500)) },
      },
    ];
    if (k > 1) {
      const f = sess.pick([
        'Go deeper on the second point.',
        'Expand that into a full guide.',
        'Now give the complete version with all details.',
        'Más detalle, por favor.',
        'Bitte ausführlicher.',
      ]);
      turns.push({
        user: [{ role: 'user', text: f }],
        reply: { text: composeAnswer(sess, q, sess.int(600, 1800)) },
      });
    }
    const t = Math.min(plan.t, turns.length - 1);
    const system =
      (acct.p.style ?? 1) === 2
        ? sess.pick([
            'You are a helpful research assistant.',
            'Answer comprehensively and thoroughly; the user relies on complete answers.',
            'You are an expert consultant. Always give exhaustive, well-structured answers.',
          ])
        : null;
    const params = harvestParams(acct, sess, model);
    if (acct.s.router) params.user = `eu_${sess.hex(8)}`;
    return emit(acct, plan, turn, {
      client: clientFor(acct, plan),
      model,
      system,
      msgs: historyAt(turns, t),
      params,
      reply: turns[t]!.reply,
    });
  },
};

export const HOSTILE: Family[] = [
  reasoningHarvest,
  multiturnHarvest,
  agenticHarvest,
  graderHarvest,
  templateSweep,
  instructionBootstrap,
  logitExtraction,
  trojanApp,
  paddedDistill,
];

void MIN;
void pushSession;
