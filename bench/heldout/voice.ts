/**
 * People do not paste prompts verbatim: they greet, add context, drop capitals, make
 * typos. Honest human-typed prompts go through here, so two people who ask the same public
 * question rarely send the same text (a harvester's pipeline sends its template exactly).
 */
import { fill } from './reword.js';
import type { Rng } from './rng.js';

const PREFIX = [
  'hey ',
  'hi, ',
  'quick question: ',
  'ok so ',
  'Hello! ',
  'question: ',
  'pls help: ',
  'I was wondering, ',
  'Can you help? ',
  'So, ',
  'Help me out here: ',
  'Random thought: ',
  'My teacher asked us this: ',
  'need help - ',
  'Hi there. ',
  'Morning! ',
  'One more: ',
  'hmm, ',
  'Got a question. ',
  'My friend and I disagree on this: ',
  'For work: ',
  'Im stuck. ',
  'Serious question: ',
  'ELI5: ',
  'Another one - ',
];
const SUFFIX = [
  ' Thanks!',
  ' thx',
  ' (for a school project)',
  " I'm a beginner.",
  ' Keep it short.',
  ' asking for a friend',
  ' in simple terms please',
  ' :)',
  '??',
  " I'm confused.",
  ' Thank you so much',
  ' Be honest.',
  ' no fluff please',
  ' ty',
  ' I need this for tomorrow.',
  ' (not homework lol)',
  ' cheers',
];

/** Context people put before a question. */
const CONTEXT = [
  "{I'm|We're} {working on|stuck on|trying to finish|reviewing|planning} {a project|my thesis|a side project|an assignment|a work task|some code|a presentation|a report} {and|so|—} ",
  '{For context|Background|FYI}: {I work in|I study|I teach|I run a small business in} {marketing|nursing|finance|physics|logistics|design|retail|IT|law}. ',
  "{This is for|I need this for|It's for} {my class|my team|a client|a blog post|an interview|my own curiosity}: ",
  '{Been|I have been} {thinking about|reading about|arguing with a friend about|googling} this {all day|for a while|since yesterday}. ',
  '{Not sure if this makes sense but|Maybe a dumb question, but|Weird one:|Genuine question:} ',
];
const SOFTEN: [RegExp, string[]][] = [
  [/^Write /, ['Can you write ', 'Please write ', 'I need you to write ', 'Could you draft ']],
  [/^What /, ['So what ', 'Do you know what ', 'Any idea what ']],
  [/^How /, ['Do you know how ', 'Any tips on how ', 'So how ']],
  [/^Explain /, ['Can you explain ', 'Please explain ', 'Help me understand: ']],
  [/^Give /, ['Can you give ', 'Please give ', 'Could you give ']],
  [/^Create /, ['Can you create ', 'Help me create ', 'Please create ']],
];

function typo(text: string, rng: Rng): string {
  const words = text.split(' ');
  const idx = words
    .map((w, i) => (w.length >= 5 && /^[a-z]+$/i.test(w) ? i : -1))
    .filter((i) => i >= 0);
  if (idx.length === 0) return text;
  const i = rng.pick(idx);
  const w = words[i]!;
  const j = rng.int(1, w.length - 2);
  words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  return words.join(' ');
}

/** A person's rendering of a prompt: usually a little different from the corpus text. */
export function humanize(rng: Rng, text: string, casual = 0.5): string {
  let t = text.trim();
  for (const [re, alts] of SOFTEN)
    if (re.test(t) && rng.chance(0.6)) t = t.replace(re, rng.pick(alts));
  const lead = rng.next();
  if (lead < casual * 0.6)
    t = rng.pick(PREFIX) + (rng.chance(0.5) ? t[0]!.toLowerCase() + t.slice(1) : t);
  else if (lead < 0.75) t = fill(rng, rng.pick(CONTEXT)) + t;
  if (rng.chance(casual * 0.45))
    t = t.replace(/[.?!]*$/, (m) => (rng.chance(0.5) ? m : '')) + rng.pick(SUFFIX);
  if (rng.chance(casual * 0.3)) t = t.toLowerCase();
  if (rng.chance(casual * 0.35)) t = typo(t, rng);
  return t;
}
