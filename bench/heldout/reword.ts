/**
 * Rewording: asks composed from interchangeable parts, each part itself written with
 * alternatives ({a|b|c}), so a campaign that rewords every request never sends the same
 * frame twice and never needs the stock words ("reasoning", "step by step", "explain").
 * This is how a lab that has read a word-list detector would phrase its harvest.
 */
import type { Rng } from './rng.js';

/** Expand every {a|b|…} group (no nesting) with a random choice; `{|x}` may expand to nothing. */
export function fill(rng: Rng, template: string): string {
  return template.replace(/\{([^{}]*\|[^{}]*)\}/g, (_, alts: string) => rng.pick(alts.split('|')));
}

const OPENERS = [
  'Quick one.',
  'Got a {problem|question} here.',
  "Here's something I'm stuck on.",
  '{Puzzle|Problem} for you:',
  'Can you help with this?',
  'Need a hand with the following.',
  'Try this one:',
  'Working on this {right now|tonight|for a quiz}:',
  'From a practice set:',
  'A colleague sent me this:',
  'I keep getting a different result than the key:',
  'Consider the following.',
  'Okay, next {one|question}:',
  'This came up in a study group:',
  'Hey!',
  'Hi there,',
  'New {one|problem}:',
  'So I have this {exercise|task}:',
  'Question from {class|a textbook|an old exam}:',
];

const LEADS = [
  '{Show me|I would like to see|Give me} {the working|the whole path|every move} for this {one|problem|question}:',
  'Take this apart {piece by piece|bit by bit|slowly}:',
  '{Go through|Work through|Tackle} this {carefully|slowly|methodically}, {piece by piece|move by move|line by line}:',
  "I don't just want the result — {show|include} how to get there:",
  '{Narrate|Talk me through} {what you would do|your approach|the solution}, from the first move to the last:',
  '{Starting|Begin} from the definitions and build up to the result for the following:',
  'Treat this like a worked example in a {textbook|lecture|tutorial}:',
  "Pretend you're solving this on a whiteboard for a {class|study group|new hire}:",
  '{Unpack|Break down} this {problem|question} into small pieces, then {solve|handle} each:',
];

const ASKS = [
  'Show how you {go|move|get} from the {givens|setup|data} to the {result|conclusion|final value}, {one move at a time|piece by piece|bit by bit}.',
  'I need {every|each} {intermediate result|sub-result|partial result}, not only the {final one|last line|end value}.',
  'Number each {move|transformation|line} and say why it is {allowed|valid|legit}.',
  "Don't skip anything between the {setup|premises|first line} and the {conclusion|end|last line}.",
  'Trace the path from what is given to what is {asked|wanted}.',
  "Go line by line, the way you'd {write it on a whiteboard|present it in a tutorial|do it on scratch paper}.",
  '{Break|Split} it into {small|manageable} pieces and {handle|solve} them in order.',
  "Say what you'd try first, why, and what you'd check afterwards.",
  'Narrate your scratch paper as you go.',
  'Include the working, not just the {number|result|final line}.',
  "Make sure the middle part is there too — that's the part I {care about|need|study}.",
  "Talk me through it as if I'm {new to this|a first-year student|checking your work}.",
  'Go slowly and {settle|finish} each sub-result before moving on.',
  'List the facts you rely on, then chain them together to the result.',
  'Start from {first principles|the definitions|what we know} and build up.',
  'At the end, {check|verify|double-check} the result and point out where people usually slip.',
  'Show the calculation{s|} in order{| and label them}.',
  'Every transformation should be visible.',
  'I want to be able to follow each move without filling in gaps.',
  'Show why each move follows from the one before.',
];

const CODE_ASKS = [
  'Before the final code, {sketch|outline} the plan and {the edge cases|the pitfalls|what could break}.',
  'Build it up in stages: first the naive version, then the improvements, with a note on each change.',
  'Comment every non-obvious line and say why the approach works.',
  "Include the complexity analysis and how you'd test it.",
  'Start with the idea in plain words, then the code, then a trace on a small input.',
  'Show a dry run on a tiny example after the code.',
];

const CLOSERS = [
  'Thanks!',
  'Cheers.',
  'Be thorough.',
  'Take your time.',
  'Precision matters more than brevity.',
  'Long is fine.',
  'No need to be brief.',
  'Use headings if it helps.',
  'Plain text please.',
  'Markdown is fine.',
  'End with the result on its own line.',
  'Appreciate it!',
  '',
  'Put the final value in bold.',
  "I'll compare with my notes.",
];

const RECONSTRUCT = [
  'Question: {Q}\nFinal result: {A}\n\nReconstruct what someone would have to figure out, in order, to land on that result.',
  'Someone answered the question below with "{A}". Show how they could have gotten there, {piece by piece|move by move}.\n\n{Q}',
  '{Q}\n\nThe key says {A}. Take me from the question to that value without skipping anything.',
  "Here's a problem and its known result ({A}). {Recreate|Rebuild} the path someone took to get there — every move, in order.\n\n{Q}",
  'Given result: {A}\n\n{Q}\n\nWhat sequence of moves produces that result? {Show each one|Number them}.',
];

/** Options for a reworded ask. */
export interface RewordOpts {
  /** Code-specific asks instead of general ones. */
  code?: boolean;
  /** Drop some of the bank so each campaign has its own habits. */
  bank?: { leads: string[]; asks: string[] };
}

/** A campaign's own subset of the phrase bank (about `share` of each list). */
export function campaignBank(rng: Rng, share: number): { leads: string[]; asks: string[] } {
  const take = (xs: string[]) => rng.sample(xs, Math.max(3, Math.round(xs.length * share)));
  return { leads: take(LEADS), asks: take(ASKS) };
}

/** A worked-solution ask around `content` with no stock phrasing, different every call. */
export function reworded(rng: Rng, content: string, opts: RewordOpts = {}): string {
  const leads = opts.bank?.leads ?? LEADS;
  const asks = opts.code ? CODE_ASKS : (opts.bank?.asks ?? ASKS);
  const sep = rng.chance(0.6) ? '\n\n' : ' ';
  const closer = rng.chance(0.45) ? fill(rng, rng.pick(CLOSERS)) : '';
  const opener = rng.chance(0.35) ? fill(rng, rng.pick(OPENERS)) + ' ' : '';
  const body = rng.chance(0.2)
    ? `${rng.pick(['Problem:', 'Task:', 'Q:', '>'])} ${content}`
    : content;
  let text: string;
  switch (rng.int(0, 2)) {
    case 0:
      text = `${opener}${body}${sep}${fill(rng, rng.pick(asks))}`;
      break;
    case 1:
      text = `${fill(rng, rng.pick(leads))}${sep}${body}`;
      break;
    default:
      text = `${opener}${fill(rng, rng.pick(asks))}${sep}${body}`;
  }
  if (rng.chance(0.3)) text += ' ' + fill(rng, rng.pick(asks));
  if (closer) text += (rng.chance(0.5) ? '\n\n' : ' ') + closer;
  return rng.chance(0.1) ? text.toLowerCase() : text;
}

/** "Here is the result; rebuild how one gets there" (rationale reconstruction). */
export function reconstruct(rng: Rng, q: string, a: string): string {
  return fill(rng, rng.pick(RECONSTRUCT))
    .replace('{Q}', () => q)
    .replace('{A}', () => a);
}
