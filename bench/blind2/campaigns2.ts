/**
 * Harvesting campaigns that hide inside structure: tool-use trajectories, a system
 * prompt that carries the elicitation, a real application with a harvest minority,
 * preference labelling in its own words, and logit extraction through logit_bias alone.
 */
import { researchScript, runScript } from './agent.js';
import type { Task } from './corpus.js';
import { type Family, agedBefore, converse, scaled } from './common.js';
import { campaignActor, cardPool, paced } from './harvest.js';
import { type Item, answer, plain, pool } from './items.js';
import { Rng } from './rng.js';
import { composeAnswer, fence, gsmSteps, quoteFrom, typo } from './text.js';
import { type World, call } from './wire.js';
import {
  MODELS,
  cloudNet,
  countryOf,
  makeClient,
  poolNet,
  proxyNet,
  sampleTimes,
  workEmail,
} from './world.js';

// ---------------------------------------------------------------------------
// (c) Agentic tool-use distillation

export const agenticFamily: Family = {
  persona: 'agentic-distill',
  malicious: true,
  campaign: { id: 'cmp-c-agentic-tools', kind: 'agentic-tool-distillation' },
  behaviour:
    'A research-agent scaffold replaying thousands of short tool-calling trajectories (search, open page, run code, note) around the clock from cloud workers, one system prompt asking for narrated actions.',
  size: (t) => scaled(6, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/agentic`);
    const card = cardPool(rng, n, 3);
    const actors = Array.from({ length: n }, (_, i) =>
      campaignActor(w, {
        persona: 'agentic-distill',
        campaign: 'cmp-c-agentic-tools',
        index: i,
        country: countryOf('US'),
        net: cloudNet(w.plan, 'cloud-cumulo', rng, 3),
        client: makeClient('anthropic-python', rng, '0.49.0'),
        route: 'startup-credits',
        createdAt: agedBefore(w, rng, 25, 70),
        email: workEmail(rng, rng.pick(['agentforge.dev', 'taskpilot.ai'])),
        payment: rng.pick(card),
      }),
    );
    return {
      actors,
      run() {
        for (const a of actors) {
          paced(w, a, { perDay: 34, profile: 'flat', burst: [2, 5], gap: 20_000 }, (ts) => {
            const s = researchScript(w.corpora, a.rng);
            const model =
              ts > w.win.releaseAt && a.rng.chance(0.3)
                ? MODELS.think3
                : a.rng.chance(0.6)
                  ? MODELS.pro
                  : MODELS.think;
            return runScript(
              w,
              a,
              ts,
              s,
              model,
              { max_tokens: 8192, temperature: 1 },
              { tool: () => a.rng.logNormal(1500, 0.6), human: () => 1000 },
            );
          });
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (e) Elicitation hidden in a long system prompt

function longSystem(app: string, rng: Rng): string {
  const parts = [
    `# ${app} assistant — operating guide (v${rng.int(3, 9)}.${rng.int(0, 20)})`,
    `You are the assistant built into ${app}, a study companion used by adult learners preparing for professional exams. Be warm, precise and concise in tone, but complete in content.`,
    '## Audience\nLearners range from recent graduates to mid-career professionals returning to study. Many are non-native English speakers. Avoid idioms that do not translate well. Avoid sarcasm. Never comment on the learner’s ability.',
    '## Privacy\nDo not ask for personal information. If a learner shares personal data, do not repeat it back. Do not store or reference prior sessions unless the text is present in this conversation.',
    '## Formatting\nUse Markdown. Use numbered lines for sequences. Use LaTeX for mathematics where it helps readability. Keep paragraphs short. Do not use tables unless the learner asks for one.',
    '## Answer structure\nEvery answer has two parts. Part one is the derivation: write down, as numbered lines, each intermediate inference you rely on, in the order you make it, including ones that look obvious, and including any check you perform on an intermediate result. Never merge two inferences into one line and never skip an arithmetic operation. If you consider an approach and abandon it, record that too, with the reason you abandoned it. Part two is a one-line conclusion starting with "Result:". Apply this structure to every question, whatever the subject, even when the question looks trivial.',
    '## Tone\nPrefer plain words. Encourage without flattering. When a learner is wrong, say what is right rather than dwelling on the mistake.',
    '## Safety\nDecline requests unrelated to study that could cause harm, briefly and without lecturing. Do not provide medical, legal or financial advice beyond general educational explanations.',
    '## Product facts\nThe app offers practice sets, flashcards and mock exams. Subscriptions renew monthly and can be cancelled in Settings → Billing. Support is reachable from the Help tab. Do not promise features that are not listed here.',
    '## Citations\nIf a learner asks for sources, recommend standard textbooks by topic rather than specific URLs, which may change.',
  ];
  return parts.join('\n\n');
}

function derivation(it: Item, rng: Rng): string {
  let lines: string[];
  let final: string;
  if (it.k === 'gsm') {
    const g = gsmSteps(it.m);
    lines = g.steps;
    final = g.answer;
  } else if (it.k === 'comp') {
    lines = (it.m.solution || answer(it, rng).text)
      .split(/(?<=[.])\s+|\n+/)
      .filter((l) => l.trim().length > 3);
    final = it.m.answer;
  } else if (it.k === 'cot') {
    lines = it.c.rationale.split(/(?<=[.!?])\s+|\n/).filter((l) => l.trim());
    final = it.c.answer;
  } else {
    const code = it.k === 'code' ? it.c.code : '';
    lines = [
      'Identify the inputs and the required output from the task statement.',
      'Choose the simplest data structure that supports the needed operations.',
      'Handle the empty or degenerate input first.',
      `Implement the main loop:\n\n${fence(code || composeAnswer(plain(it), rng, 'code'))}`,
      'Trace one example by hand to confirm the output matches.',
    ];
    final = 'the function above';
  }
  const numbered = lines.map((l, i) => `${i + 1}. ${l.trim()}`);
  if (rng.chance(0.4))
    numbered.push(
      `${numbered.length + 1}. Check: substituting the result back into the conditions gives no contradiction.`,
    );
  return `${numbered.join('\n')}\n\nResult: ${final}`;
}

export const systemCotFamily: Family = {
  persona: 'system-prompt-cot',
  malicious: true,
  campaign: { id: 'cmp-e-system-cot', kind: 'system-prompt-cot' },
  behaviour:
    'A fake study-companion app whose long operating-guide system prompt buries an instruction to record every intermediate inference; the user turns are plain questions.',
  size: (t) => scaled(5, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/syscot`);
    const apps = ['Brightwell Prep', 'Examora', 'Certwise', 'Ledgerly Learn', 'Stackboost'];
    const actors = Array.from({ length: n }, (_, i) =>
      campaignActor(w, {
        persona: 'system-prompt-cot',
        campaign: 'cmp-e-system-cot',
        index: i,
        country: countryOf(rng.pick(['US', 'GB', 'SG'])),
        net: cloudNet(w.plan, rng.pick(['cloud-nimbo', 'cloud-stratus']), rng, 2),
        client: makeClient('anthropic-node', rng, '0.39.0'),
        route: 'startup-credits',
        email: workEmail(
          rng,
          `${(apps[i % apps.length] ?? 'app').toLowerCase().replace(/\s+/g, '')}.com`,
        ),
      }),
    );
    const items = pool(w.corpora, rng, { gsm: 4, comp: 3, cot: 2, code: 1 }, 20_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          const system = longSystem(apps[i % apps.length] ?? 'Study', a.rng);
          let k = i;
          paced(w, a, { perDay: 150, profile: 'consumer', burst: [5, 15], gap: 30_000 }, (ts) => {
            const it = items[k % items.length] as Item;
            k += n;
            const user = plain(it);
            return converse(
              w,
              a,
              ts,
              { system, turns: [{ user, reply: { text: derivation(it, a.rng), effort: 0.5 } }] },
              a.rng.chance(0.7) ? MODELS.pro : MODELS.think,
              {
                max_tokens: 4096,
                temperature: 0.7,
                systemBlocks: true,
                cacheSystem: true,
                user: `learner_${a.rng.int(1, 900)}`,
              },
              { errorRate: 0.008 },
            );
          });
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (f) A real application's traffic with ~15% harvest mixed in

const APP_SYSTEM =
  'You are Quillmate, a writing assistant. Help the user with their writing task. Match the user’s language. Keep answers focused and ready to paste.';

function sentencesOf(text: string): string[] {
  return text
    .replace(/\n+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim().length > 0);
}

/** One request of the writing product: edit, summarise, fix, reply — over users' own texts. */
function writingTask(
  rng: Rng,
  tasks: readonly Task[],
  docs: readonly string[],
): { prompt: string; reply: string } {
  const r = rng.next();
  if (r < 0.3 || docs.length === 0) {
    const t =
      tasks.length > 0
        ? rng.pick(tasks)
        : {
            instruction: 'Improve this sentence.',
            input: 'me and him goes to the shop',
            output: 'He and I go to the shop.',
          };
    const prompt = t.input ? `${t.instruction}\n\n${t.input}` : t.instruction;
    return { prompt, reply: t.output || composeAnswer(prompt, rng) };
  }
  const doc = rng.pick(docs);
  const sents = sentencesOf(doc);
  if (r < 0.55) {
    const keep = sents
      .slice(0, Math.max(1, Math.ceil(sents.length * 0.6)))
      .map((s) => s.split(/,\s+(?:which|and|but|so)\s+/)[0]?.replace(/[.!?]?$/, '.') ?? s);
    return {
      prompt: `${rng.pick(['Make this more concise:', 'Tighten this up, keep the meaning:', 'Shorten this text:'])}\n\n${doc}`,
      reply: keep.join(' '),
    };
  }
  if (r < 0.75) {
    const two = sents.length > 1 ? [sents[0], sents[sents.length - 1]] : sents;
    return {
      prompt: `${rng.pick(['Summarise this in two sentences:', 'TL;DR this for me:', 'Give me a two-sentence summary:'])}\n\n${doc}`,
      reply: two.join(' '),
    };
  }
  if (r < 0.9) {
    const orig = sents.slice(0, rng.int(1, 3)).join(' ');
    let broken = orig;
    for (let i = 0; i < 3; i += 1) broken = typo(broken, rng);
    return {
      prompt: `${rng.pick(['Fix the grammar and spelling:', 'Proofread this:', 'Correct any mistakes:'])}\n\n${broken.toLowerCase()}`,
      reply: orig,
    };
  }
  return {
    prompt: `Draft a polite reply to this message:\n\n${doc}`,
    reply: composeAnswer(`email reply ${doc.slice(0, 200)}`, rng, 'letter'),
  };
}

export const appMixFamily: Family = {
  persona: 'app-mixed-harvest',
  malicious: true,
  campaign: { id: 'cmp-f-app-harvest', kind: 'app-mixed-harvest' },
  behaviour:
    'A genuine writing-assistant product (edits, summaries, emails for thousands of end users) whose operator slips about 15% reasoning and code harvest requests into the same key, prompt wrapper and user-id scheme.',
  size: () => 2,
  make(w, n) {
    const rng = new Rng(`${w.seed}/appmix`);
    const actors = Array.from({ length: n }, (_, i) =>
      campaignActor(w, {
        persona: 'app-mixed-harvest',
        campaign: 'cmp-f-app-harvest',
        index: i,
        country: countryOf('US'),
        net: cloudNet(w.plan, 'cloud-stratus', rng, 4),
        client: makeClient('openai-node', rng),
        route: 'self-serve',
        tier: 'scale',
        createdAt: agedBefore(w, rng, 400, 700),
        email: workEmail(rng, 'quillmate.app'),
        keys: 2,
      }),
    );
    const tasks = w.corpora.tasks;
    const docs = w.corpora.dialogs
      .flatMap((d) => d.map((e) => e.assistant))
      .filter((t) => t.length > 150 && t.length < 1500);
    const items = pool(w.corpora, rng, { gsm: 3, comp: 2, code: 3, hard: 2 }, 20_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = i;
          for (let day = 0; day < w.win.days; day += 1) {
            const count = a.rng.poisson(i === 0 ? 700 : 250);
            for (const ts of sampleTimes(a.rng, w.win, day, count, 'consumer', -5)) {
              const user = `usr_${a.rng.hex(8)}`;
              if (a.rng.chance(0.15)) {
                const it = items[k % items.length] as Item;
                k += n;
                converse(
                  w,
                  a,
                  ts,
                  {
                    system: APP_SYSTEM,
                    turns: [{ user: plain(it), reply: answer(it, a.rng, true) }],
                  },
                  a.rng.chance(0.6) ? MODELS.think : MODELS.pro,
                  { user, stream: true, temperature: 0.7 },
                );
                continue;
              }
              const { prompt, reply } = writingTask(a.rng, tasks, docs);
              converse(
                w,
                a,
                ts,
                { system: APP_SYSTEM, turns: [{ user: prompt, reply: { text: reply } }] },
                MODELS.lite,
                { user, stream: true, temperature: 0.7 },
                { keyIndex: a.rng.int(0, 1) },
              );
            }
          }
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (g) Preference labelling (model as reward model), in its own words

function transcript(history: { user: string; assistant: string }[]): string {
  return history.map((e) => `User: ${e.user}\nAssistant: ${e.assistant}`).join('\n');
}

function prefTask(w: World, rng: Rng): { user: string; reply: string } {
  const p = rng.pick(w.corpora.pairs);
  const ctx = transcript(p.history.slice(-2));
  const swap = rng.chance(0.5);
  const [r1, r2] = swap ? [p.rejected, p.chosen] : [p.chosen, p.rejected];
  const better = swap ? 2 : 1;
  const kind = rng.weighted([
    ['pair', 5],
    ['single', 2],
    ['rewrite', 2],
    ['critique', 1],
  ] as const);
  const lead = ctx ? `${ctx}\nUser: ${p.prompt}` : `User: ${p.prompt}`;
  if (kind === 'pair') {
    const ask = rng.pick([
      'Which reply would a careful, honest assistant send? Say "Reply 1" or "Reply 2" first, then two or three sentences on what distinguishes them.',
      'Pick the better continuation (1 or 2). Lead with the number, then say briefly why.',
      'Which of these two is more helpful without being harmful? Start with 1 or 2, then one short paragraph.',
      'If you had to keep only one reply, which one? Number first, then the deciding factors.',
    ]);
    return {
      user: `${lead}\n\nReply 1: ${r1}\n\nReply 2: ${r2}\n\n${ask}`,
      reply:
        `Reply ${better}. ${better === 1 ? 'The first' : 'The second'} reply ${rng.pick(['engages with what the person actually asked', 'avoids encouraging anything risky', 'is more accurate and more considerate', 'stays closer to the request', 'treats the person with more care'])}: ${quoteFrom(p.chosen, rng)} ${rng.pick(['is the kind of line that helps here', 'addresses the real need', 'is reasonable and measured'])}. The other ${rng.pick(['drifts off topic', 'gives advice that could cause harm', 'is dismissive and less useful', 'misreads the question'])} — ${quoteFrom(p.rejected, rng)} ${rng.pick(['is where it goes wrong', 'is the problem', 'does not help'])}. ${rng.pick(['Neither is perfect, but the gap is clear.', 'The difference is mostly in judgement, not length.', ''])}`.trim(),
    };
  }
  if (kind === 'single') {
    const reply = rng.pick([p.chosen, p.rejected]);
    const good = reply === p.chosen;
    return {
      user: `${lead}\nAssistant: ${reply}\n\n${rng.pick(['On a 1–10 scale, how good is this assistant turn for the user, all things considered? Number first, then a sentence.', 'How well does the last assistant turn serve the user, from 1 (badly) to 10 (excellently)? Give the number, then why.'])}`,
      reply: `${good ? rng.int(6, 9) : rng.int(2, 5)}. ${good ? 'It is relevant and reasonably careful, though it could be more specific' : 'It misreads the request or offers something unhelpful or unsafe'}; ${quoteFrom(reply, rng)} ${good ? 'is on point' : 'is the weak spot'}.`,
    };
  }
  if (kind === 'rewrite') {
    return {
      user: `${lead}\nAssistant: ${p.rejected}\n\n${rng.pick(['Rewrite that last assistant turn so it stays useful but leaves out anything unsafe or unkind. Output only the new turn.', 'Give me a better version of the assistant turn above: same intent, nothing harmful. Just the text.'])}`,
      reply: p.chosen,
    };
  }
  return {
    user: `${lead}\nAssistant: ${p.rejected}\n\nWhat, if anything, is wrong with that assistant turn? Be concrete and brief.`,
    reply: `${quoteFrom(p.rejected, rng)} — ${rng.pick(['it', 'the turn'])} ${rng.pick(['takes the request at face value without considering the risk', 'is vague where the user needed specifics', 'assumes facts the user did not give'])}. A better turn would ${rng.pick(['ask a clarifying question first', 'offer a safer alternative', 'answer the underlying need directly'])}.`,
  };
}

export const preferenceFamily: Family = {
  persona: 'preference-labelling',
  malicious: true,
  campaign: { id: 'cmp-g-preference-labels', kind: 'preference-labelling' },
  behaviour:
    'Using the model as a reward model: pairwise preferences, 1–10 judgements, safe rewrites and critiques of dialogue pairs, worded without grader vocabulary, office-hours batches from mixed proxies.',
  size: (t) => scaled(5, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/pref`);
    const actors = Array.from({ length: n }, (_, i) => {
      const country = countryOf(rng.pick(['US', 'GB', 'DE', 'SG']));
      const net =
        i % 2 === 0
          ? proxyNet(w.plan, [country.code], 45)
          : poolNet(
              Array.from(
                { length: 2 },
                () => `${rng.int(45, 90)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(2, 250)}`,
              ),
            );
      return campaignActor(w, {
        persona: 'preference-labelling',
        campaign: 'cmp-g-preference-labels',
        index: i,
        country,
        net,
        client: makeClient('openai-python', rng, '1.82.0'),
      });
    });
    return {
      actors,
      run() {
        if (w.corpora.pairs.length === 0) return;
        for (const a of actors) {
          paced(w, a, { perDay: 130, profile: 'work', burst: [10, 25], gap: 15_000 }, (ts) => {
            const t = prefTask(w, a.rng);
            return converse(
              w,
              a,
              ts,
              { turns: [{ user: t.user, reply: { text: t.reply, effort: 0.3 } }] },
              a.rng.chance(0.7) ? MODELS.pro : MODELS.think,
              { temperature: a.rng.pick([0, 0, 0.2]), max_tokens: 600 },
            );
          });
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (h) Logit extraction through logit_bias only
//
// Follows the logprob-free variant in Carlini et al., "Stealing Part of a Production
// Language Model" (ICML 2024): with only the argmax token visible, binary-search a
// bias on candidate tokens until the output flips, which reveals logit differences.

const PREFIXES = [
  'The',
  'In 1998,',
  'Once upon a time',
  'The capital of',
  'import numpy as',
  'Dear Sir or Madam,',
  'The results show that',
  'Q:',
  'She opened the door and',
  'According to the report,',
  '#include <',
  'The quick brown fox',
  'Yesterday I',
  'Step',
  'Hello',
  'SELECT',
  'It was the best of',
  'My favourite',
  'The mitochondria is',
  '1, 2, 3,',
  'Translate to French:',
  'def main():',
  'The weather today',
];

const PIECES = [
  'the',
  ' of',
  ' and',
  'ing',
  ' to',
  ' a',
  'ed',
  ' in',
  ' is',
  'er',
  ' that',
  ' for',
  'es',
  ' on',
  ' with',
  'ly',
  ' as',
  ' it',
  'al',
  ' be',
  're',
  'on',
  ' at',
  'ion',
  ' was',
  'en',
  'st',
  ' he',
  'an',
  'or',
];

function pieceFor(id: number): string {
  return `${PIECES[id % PIECES.length] ?? ''}${id % 7 === 0 ? '' : String.fromCharCode(97 + (id % 26))}`;
}

export const logitBiasFamily: Family = {
  persona: 'logit-bias-probe',
  malicious: true,
  campaign: { id: 'cmp-h-logit-bias', kind: 'logit-bias-extraction' },
  behaviour:
    'max_tokens=1, temperature 0, no logprobs: short prefixes with logit_bias on a few token ids whose bias is binary-searched, the ids sweeping the vocabulary across the cluster.',
  size: (t) => scaled(3, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/logit`);
    const actors = Array.from({ length: n }, (_, i) =>
      campaignActor(w, {
        persona: 'logit-bias-probe',
        campaign: 'cmp-h-logit-bias',
        index: i,
        country: countryOf('US'),
        net: cloudNet(w.plan, 'cloud-nimbo', rng, 2),
        client: makeClient('requests', rng, '2.32.3'),
        route: i === 0 ? 'research' : 'self-serve',
        createdAt: agedBefore(w, rng, 5, 60),
      }),
    );
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let token = 1000 + i * 60_000;
          paced(w, a, { perDay: 62, profile: 'flat', burst: [8, 20], gap: 2500 }, (ts) => {
            const prefix = a.rng.pick(PREFIXES);
            const ids = Array.from({ length: a.rng.int(1, 4) }, (_, j) => token + j);
            let lo = -20;
            let hi = 40;
            let end = ts;
            // One binary search over the bias value for this group of ids.
            for (let step = 0; step < a.rng.int(5, 8); step += 1) {
              const mid = Math.round(((lo + hi) / 2) * 100) / 100;
              const bias = Object.fromEntries(ids.map((id) => [String(id), mid]));
              const flipped = a.rng.chance(0.5);
              const text = flipped ? pieceFor(ids[0] ?? 0) : pieceFor(prefix.length * 31);
              end = call(
                w,
                a,
                step === 0 ? end : end + a.rng.range(200, 900),
                {
                  model: MODELS.pro,
                  msgs: [{ role: 'user', text: prefix }],
                  params: { max_tokens: 1, temperature: 0, logit_bias: bias },
                },
                { text, tokensOverride: 1 },
              );
              if (flipped) hi = mid;
              else lo = mid;
            }
            token += ids.length;
            return end;
          });
        });
      },
    };
  },
};
