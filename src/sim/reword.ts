/**
 * Combinatorial rewording: a Wording is a set of layouts with named slots, each slot a
 * list of alternatives, so its size is the product of the list lengths. A WordingWalk
 * visits the wordings of one account in a fixed pseudo-random order that never repeats
 * (k = offset + i × stride mod size, stride coprime to size), which is how a campaign that
 * has read the detector words every request differently (THREATS.md, "How a lab that has
 * read Moat's code would evade it").
 */
import type { Rng } from './prng.js';
import { fillTemplate } from './source.js';

/** Layouts with `{slot}` placeholders and the alternatives of each slot. */
export class Wording {
  /** Number of distinct wordings. */
  readonly size: number;
  private readonly names: string[];

  constructor(
    private readonly layouts: readonly string[],
    private readonly slots: Readonly<Record<string, readonly string[]>>,
  ) {
    this.names = Object.keys(slots);
    this.size = this.names.reduce((n, k) => n * (slots[k]?.length ?? 1), layouts.length);
  }

  /**
   * Wording number `k` (mixed radix, one alternative per slot), with `values` filled in
   * as well (`{q}`, `{a}`…); the wording's sentence starts capitalised, blank runs collapsed.
   */
  at(k: number, values: Record<string, string> = {}): string {
    let rest = ((k % this.size) + this.size) % this.size;
    const chosen: Record<string, string> = {};
    for (const name of this.names) {
      const alts = this.slots[name] as readonly string[];
      chosen[name] = alts[rest % alts.length] as string;
      rest = Math.floor(rest / alts.length);
    }
    const layout = this.layouts[rest % this.layouts.length] as string;
    // Capitalise the wording's own sentence starts before the values go in (never a question's).
    const framed = fillTemplate(layout, chosen).replace(
      /(^|\n|[.!?] )([a-z])/g,
      (_m: string, p: string, c: string) => p + c.toUpperCase(),
    );
    return fillTemplate(framed, values)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An account's walk through a Wording: no wording twice before all have been used. */
export class WordingWalk {
  private i = 0;
  private readonly offset: number;
  private readonly stride: number;

  constructor(
    rng: Rng,
    private readonly wording: Wording,
  ) {
    const n = wording.size;
    this.offset = rng.int(0, n - 1);
    let stride = rng.int(Math.ceil(n / 3), Math.max(1, n - 1));
    while (n > 1 && gcd(stride, n) !== 1) stride++;
    this.stride = stride;
  }

  /** The next wording, with `values` filled in. */
  next(values: Record<string, string> = {}): string {
    return this.wording.at(this.offset + this.i++ * this.stride, values);
  }
}

/**
 * Plain asks with no reasoning-elicitation words at all ("step", "reason", "think",
 * "explain", "chain of thought"): the low-and-slow hydra relies on what the model serves
 * to a plain ask.
 */
export const PLAIN_ASK = new Wording(
  [
    '{greet}{lead}{punct}\n\n{q}\n\n{close}{sign}',
    '{q}\n\n{greet}{lead}. {close}{sign}',
    '{greet}{lead}{punct} "{q}" {close}{sign}',
  ],
  {
    greet: [
      '',
      'Hi! ',
      'Hey, ',
      'Hello. ',
      'Quick one: ',
      'Morning! ',
      'Not urgent, but ',
      'Sorry to bother you, ',
      'OK so ',
      'Question: ',
    ],
    lead: [
      'could you help me with this',
      'I am stuck on this one',
      'this came up in my course',
      'a friend sent me this',
      'this is from a practice set',
      'I saw this on a forum',
      'can you take a look at this',
      'I keep getting this wrong',
      'what do you make of this',
      'help me out with this',
      'my kid brought this home',
      'this was on a quiz',
    ],
    punct: [':', '.', ' -', '?', '...', ' below:'],
    close: [
      '',
      'What do you get?',
      'Include the intermediate values.',
      "Don't skip anything, please.",
      'Be thorough.',
      'I want to follow how you get the result.',
      'Full detail please.',
      'Show how the numbers come together.',
      'Take it from the top.',
      "Please be complete, I'll check each part.",
      'Go through it properly.',
      'Take me from the givens to the result.',
      'No shortcuts.',
      'How does it come out?',
    ],
    sign: [
      '',
      ' Thanks!',
      ' Cheers.',
      ' Thank you!',
      ' ty',
      ' Appreciate it.',
      ' Much obliged.',
      ' 🙏',
    ],
  },
);

/** Reasoning-elicitation asks, reworded: the same intent as the templates in a million wordings. */
export const REASONING_ASK = new Wording(
  [
    '{open}{verb} {obj}{manner}{end}{fmt}\n\n{q}',
    '{q}\n\n{open}{verb} {obj}{manner}{end}{fmt}',
    '{q}\n\n---\n{open}{verb} {obj}{manner}{end}{fmt}',
  ],
  {
    open: [
      '',
      'please ',
      'kindly ',
      'could you ',
      'I need you to ',
      'your task: ',
      'go ahead and ',
      'now ',
    ],
    verb: [
      'solve',
      'work out',
      'figure out',
      'answer',
      'tackle',
      'go through',
      'crack',
      'handle',
      'resolve',
      'deal with',
    ],
    obj: [
      'this problem',
      'the following',
      'the question below',
      'this one',
      'the item below',
      'this exercise',
      'the task that follows',
      'the next question',
    ],
    manner: [
      ', reasoning step by step',
      ', laying out every inference',
      ' and narrate your thought process',
      ', exposing each intermediate step',
      ' and make your whole line of thought explicit',
      ', showing every deduction along the way',
      ' and justify each move before the next',
      ' while thinking aloud',
      ', documenting the full derivation',
      ' and unpack your reasoning completely',
      ' with the complete chain of inference',
      ' and spell out the logic behind every step',
      ', tracing the argument from premises to conclusion',
      ' and show how each line follows from the last',
      ' with an exhaustive rationale',
      ', one inference at a time',
    ],
    end: ['.', '!', ':', ''],
    fmt: [
      '',
      ' Finish with the final answer on its own line.',
      ' Put the result last.',
      ' End with "Final answer:".',
      ' Conclude with the answer in bold.',
      ' Then state the answer.',
      ' Keep the final answer separate.',
      ' Box the final result.',
    ],
  },
);

/** Grading asks, reworded: a reward model's labels without a rubric template. */
export const GRADING_ASK = new Wording(
  [
    '{role}{verb} {obj}{criteria}{scale}{out}\n\nPrompt:\n{q}\n\nResponse:\n{a}',
    '{role}{verb} {obj}{criteria}{scale}{out}\n\n<question>{q}</question>\n<answer>{a}</answer>',
    'Q: {q}\nA: {a}\n\n{role}{verb} {obj}{criteria}{scale}{out}',
    '### Input\n{q}\n\n### Output\n{a}\n\n### Instruction\n{role}{verb} {obj}{criteria}{scale}{out}',
  ],
  {
    role: [
      '',
      'you are grading model outputs. ',
      'acting as a strict reviewer, ',
      'as a quality annotator, ',
      'for our dataset, ',
      'labeling task: ',
      'evaluation job: ',
    ],
    verb: [
      'rate',
      'score',
      'mark',
      'assess',
      'judge',
      'grade',
      'appraise',
      'assign a quality mark to',
      'put a number on',
      'label the quality of',
    ],
    obj: [
      'the reply below',
      'the assistant answer',
      'this completion',
      'the candidate output',
      'the following response',
      "the model's answer",
      'this chatbot message',
    ],
    criteria: [
      '',
      ' for accuracy',
      ' for helpfulness and tone',
      ' on correctness, clarity and completeness',
      ' for factual reliability',
      ' for how well it follows the instruction',
      ' on overall quality',
      ' for safety and usefulness',
      ' on soundness',
    ],
    scale: [
      ' from 1 to 10',
      ' on a 0-5 scale',
      ' with a letter grade (A-F)',
      ' as pass or fail',
      ' from 0 to 100',
      ' on a seven-point scale',
      ' as good, okay or bad',
      ' with thumbs up or thumbs down',
    ],
    out: [
      '.',
      '. Reply with the number only.',
      '. Output JSON like {"score": n}.',
      '. One line, no explanation.',
      '. Give the grade, then one sentence why.',
      '. Format: GRADE=<value>.',
      '. Nothing but the mark.',
    ],
  },
);

/** Pairwise preference asks, reworded. */
export const PAIRWISE_ASK = new Wording(
  [
    '{role}{ask}{given}{out}{tail}\n\nPrompt: {q}\n\n(1) {a}\n\n(2) {b}',
    'Prompt: {q}\n\nCandidate X:\n{a}\n\nCandidate Y:\n{b}\n\n{role}{ask}{given}{out}{tail}',
    '<prompt>{q}</prompt>\n<first>{a}</first>\n<second>{b}</second>\n{role}{ask}{given}{out}{tail}',
  ],
  {
    role: [
      '',
      'as an annotator, ',
      'for a preference dataset, ',
      'quick judgement: ',
      'you are comparing model outputs. ',
      'labeling task: ',
    ],
    ask: [
      'which of these two replies is better',
      'pick the stronger completion',
      'choose between the two responses',
      'decide which answer a careful user would prefer',
      'select the preferable output',
      'compare the two candidates and pick one',
      'tell me which one wins',
    ],
    given: ['', ' for this prompt', ' given the question', ' on helpfulness', ' on accuracy'],
    tail: ['', ' No ties.', ' Ties are allowed.', ' Ignore length.', ' Be decisive.'],
    out: [
      '? Answer 1 or 2.',
      '. Reply with the choice only.',
      '. Output "first" or "second".',
      '. Say X or Y.',
      '; respond with just the id.',
    ],
  },
);

/** Follow-ups that ask "why" without reading the answer they follow. */
export const WHY_FOLLOW_UP = new Wording(['{pre}{why}{post}'], {
  pre: ['', 'hmm. ', 'ok, ', 'interesting. ', 'wait, ', 'sorry, ', 'right. ', 'got it. '],
  why: [
    'why is that?',
    'why?',
    'but why does that hold?',
    'what makes that true?',
    'how come?',
    'why would that be the case?',
    "what's the reason for that?",
    'can you justify that?',
    'why does it work that way?',
    'and why is that so?',
    "what's behind that?",
    'where does that come from?',
    'how do you know?',
    'why not the other way?',
  ],
  post: [
    '',
    ' Go deeper.',
    ' Be precise.',
    ' Spell it out.',
    ' In detail please.',
    ' Start from first principles.',
  ],
});

/** The harvesting instruction a campaign buries inside a long system prompt. */
export const BURIED_INSTRUCTION = new Wording(['{lead}{act}{close}'], {
  lead: [
    'when you answer',
    'for every answer',
    'in all responses',
    'whenever a question has a definite answer',
    'before giving any conclusion',
    'as a house rule',
  ],
  act: [
    ', lay out each intermediate inference as a numbered list',
    ', write out the full derivation first',
    ', show every step that leads to the result',
    ', make the complete line of reasoning visible',
    ', enumerate all the deductions you make',
    ', reproduce your internal reasoning in full',
  ],
  close: [
    ' and finish with a line that starts with "Therefore".',
    ' and only then state the result.',
    ', then give the final result on its own line.',
    '; never give a bare answer.',
  ],
});
