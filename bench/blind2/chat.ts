/**
 * What ordinary people send: casual chats (mostly real dialogues from the corpora with
 * their real assistant turns), homework help, power-user sessions with follow-ups.
 */
import type { Corpora } from './corpus.js';
import type { Conversation, Turn } from './common.js';
import { type Item, answer, plain } from './items.js';
import { CHATS } from './lang.js';
import type { Rng } from './rng.js';
import { casual, composeAnswer, gsmSteps, keywords } from './text.js';

const LANG_BY_COUNTRY: Record<string, string> = {
  ES: 'es',
  MX: 'es',
  AR: 'es',
  DE: 'de',
  FR: 'fr',
  BR: 'pt',
  PT: 'pt',
  JP: 'ja',
  CN: 'zh',
  TW: 'zh',
  IT: 'it',
};

export function homeLanguage(country: string): string {
  return LANG_BY_COUNTRY[country] ?? 'en';
}

const LIGHT_FOLLOWUPS = [
  'thanks! can you make that shorter?',
  'Can you give me an example?',
  'ok what else?',
  'Could you put that in a table?',
  'What would you recommend for a beginner?',
  'and if I only have a weekend?',
  'Thanks, that helps.',
  'Can you say more about the second point?',
  'Is there a cheaper option?',
  'Rewrite it in a friendlier tone',
  'hmm, are you sure?',
  'Make it a bit more formal.',
];

function followUp(prev: string, rng: Rng, pool = LIGHT_FOLLOWUPS): Turn {
  const user = rng.pick(pool);
  const codey = /```|\bcode\b|python|function|script|program|sql|javascript/i.test(prev);
  const shape =
    codey && /TypeScript|tests|error handling|edge cases|scale/.test(user)
      ? 'code'
      : /table|checklist/.test(user)
        ? 'list'
        : /shorter|sure|helps|concise/.test(user)
          ? 'short'
          : 'prose';
  return {
    user,
    reply: { text: composeAnswer(`${keywords(prev, 5).join(' ')} ${user}`, rng, shape, 0.7) },
  };
}

const OPENERS = [
  '',
  '',
  '',
  'hey, ',
  'Hi! ',
  'quick question: ',
  'so ',
  'Hello. ',
  'ok, ',
  'Question — ',
  'hmm. ',
];

/** The same question as another person would type it. */
function voice(text: string, rng: Rng): string {
  const o = rng.pick(OPENERS);
  const t = casual(text, rng);
  return o
    ? `${o}${o.endsWith(' ') && /^[A-Z][a-z]/.test(t) && !o.endsWith('. ') && !o.endsWith('! ') ? t.charAt(0).toLowerCase() + t.slice(1) : t}`
    : t;
}

/** Small run-to-run variation in a reply, as sampling would give. */
function replyVoice(text: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.15)
    return `${rng.pick(['Sure! ', 'Good question. ', 'Happy to help. ', 'Of course. '])}${text}`;
  if (r < 0.3) {
    const parts = text.split(/(?<=[.!?])\s+/);
    if (parts.length > 3) return parts.slice(0, rng.int(2, parts.length - 1)).join(' ');
  }
  if (r < 0.38)
    return `${text}\n\n${rng.pick(['Hope that helps!', 'Let me know if you have other questions.', 'Anything else?'])}`;
  return text;
}

/** A casual chat: real dialogue, a one-off question, a role-play opener or a non-English chat. */
export function casualConversation(c: Corpora, rng: Rng, lang = 'en'): Conversation {
  if (lang !== 'en' && rng.chance(0.55)) {
    const mine = CHATS.filter((x) => x.lang === lang);
    if (mine.length > 0) {
      const pair = rng.pick(mine);
      return { turns: [{ user: pair.user, reply: { text: pair.assistant } }] };
    }
  }
  const r = rng.next();
  if (r < 0.6 && c.dialogs.length > 0) {
    const d = rng.pick(c.dialogs);
    const k = rng.chance(0.6) ? d.length : rng.int(1, d.length);
    return {
      turns: d.slice(0, k).map((e, i) => ({
        user: i === 0 ? voice(e.user, rng) : casual(e.user, rng),
        reply: { text: replyVoice(e.assistant, rng) },
      })),
    };
  }
  if (r < 0.88) {
    const q = rng.pick(c.prompts);
    const turns: Turn[] = [{ user: voice(q, rng), reply: { text: composeAnswer(q, rng) } }];
    if (rng.chance(0.4)) turns.push(followUp(q, rng));
    return { turns };
  }
  const act = rng.pick(c.acts);
  const turns: Turn[] = [
    { user: act.prompt, reply: { text: composeAnswer(act.prompt, rng, 'short') } },
  ];
  for (let i = rng.int(1, 3); i > 0; i -= 1) turns.push(followUp(act.act, rng));
  return { turns };
}

const STUDENT_ASKS = [
  'Can you solve this step by step?',
  'Please explain step by step how to solve this:',
  'I dont understand this problem, can you explain the steps?',
  'how do i do this one? show your reasoning pls',
  'Explain the solution step-by-step so I can follow it.',
  'Can you help me with my homework? Show all the steps.',
  'What is the answer? Please explain your reasoning.',
  'Solve and explain each step, I have a test tomorrow',
  'Walk me through this problem step by step.',
];

const STUDENT_FOLLOWUPS = [
  'why did you do that in the second step?',
  'I got a different answer, can you check again?',
  'can you explain the first part more simply?',
  'Where does that number come from?',
  'Is there another way to solve it?',
  'ok thanks. can you give me a similar problem to practice?',
  'why do we multiply there and not add?',
  'so the answer is just the last number?',
];

function studentFollowUpReply(it: Item, f: string, rng: Rng, practice: Item | undefined): string {
  if (/practice/.test(f) && practice) {
    return `Here's one to try:\n\n${plain(practice)}\n\nTake your time and send me your answer when you have it.`;
  }
  if (it.k === 'gsm') {
    const { steps, answer: a } = gsmSteps(it.m);
    return `Good question. In that part we use: ${rng.pick(steps)}\n\nThat is the quantity the next line needs, so we work it out first. Putting it all together again gives ${a}.`;
  }
  if (it.k === 'comp') {
    const parts = it.m.solution.split(/(?<=[.!?])\s+/).filter((x) => x.length > 10);
    const bit =
      parts.length > 0
        ? rng.sample(parts, Math.min(2, parts.length)).join(' ')
        : `The key fact is that the answer must satisfy every condition in the problem.`;
    return `Sure. Look at this part again: ${bit}\n\nOnce that is clear, the rest follows, and we get $${it.m.answer}$.`;
  }
  if (it.k === 'cot')
    return `Of course. ${it.c.rationale.replace(/\n/g, ' ')} That's why the answer is ${it.c.answer}.`;
  return composeAnswer(`${f} ${plain(it)}`, rng, 'prose', 0.6);
}

/** A homework-help session on one item, with the usual confused follow-ups. */
export function studentConversation(it: Item, rng: Rng, practice?: Item): Conversation {
  const ask = rng.pick(STUDENT_ASKS);
  const q = plain(it);
  const user = rng.chance(0.5) ? `${ask}\n\n${q}` : `${q}\n\n${ask}`;
  const turns: Turn[] = [{ user: casual(user, rng), reply: answer(it, rng, true) }];
  const more = rng.weighted([
    [0, 5],
    [1, 3],
    [2, 2],
  ] as const);
  for (let i = 0; i < more; i += 1) {
    const f = rng.pick(STUDENT_FOLLOWUPS);
    turns.push({
      user: f,
      reply: { text: studentFollowUpReply(it, f, rng, practice), effort: 0.2 },
    });
  }
  return { turns };
}

const POWER_FOLLOWUPS = [
  'Can you make it more concise?',
  'What about edge cases?',
  'Rewrite it in TypeScript.',
  'Add error handling and logging.',
  'How would this scale to a million rows?',
  'Compare this with the alternative approach you mentioned.',
  'Give me the tests for this.',
  'What are the main risks here?',
  'Turn this into a checklist.',
  'Now write the summary for a non-technical audience.',
  'Why this approach rather than a simpler one?',
  'Can you cite what this is based on?',
];

/** A power-user session: hard prompts, MT-Bench-style two-turn asks, role prompts, long follow-ups. */
export function powerConversation(c: Corpora, rng: Rng): Conversation {
  const r = rng.next();
  if (r < 0.45) {
    const a = rng.pick(c.arena);
    const turns: Turn[] = [
      {
        user: a.prompt,
        reply: { text: composeAnswer(a.prompt, rng, a.coding ? 'code' : 'auto', 1.4), effort: 0.6 },
      },
    ];
    for (let i = rng.int(0, 4); i > 0; i -= 1) turns.push(followUp(a.prompt, rng, POWER_FOLLOWUPS));
    return { turns };
  }
  if (r < 0.65) {
    const q = rng.pick(c.mtbench);
    return {
      turns: q.turns.map((t) => ({
        user: t,
        reply: { text: composeAnswer(t, rng, 'auto', 1.2), effort: 0.4 },
      })),
    };
  }
  if (r < 0.85) {
    const act = rng.pick(c.acts);
    const turns: Turn[] = [];
    for (let i = rng.int(2, 6); i > 0; i -= 1) {
      const q = rng.pick(c.prompts);
      turns.push({ user: q, reply: { text: composeAnswer(`${act.act} ${q}`, rng) } });
    }
    return { system: act.prompt, turns };
  }
  const t = rng.pick(c.tasks);
  const user = t.input ? `${t.instruction}\n\n${t.input}` : t.instruction;
  const turns: Turn[] = [{ user, reply: { text: t.output || composeAnswer(user, rng) } }];
  if (rng.chance(0.5)) turns.push(followUp(user, rng, POWER_FOLLOWUPS));
  return { turns };
}
