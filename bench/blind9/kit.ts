// Content helpers shared by honest and malicious families: prompt pools, served answers,
// tool schemas and documents.
import type { CodeTask, Corpora, Dialogue, Worked } from './corpora.js';
import type { Rng } from './rng.js';
import type { NMsg, ToolDef, ToolCall } from './serve.js';
import { BANK, codeAnswer, composeProse, servedWorked, type Lang } from './text.js';
import { MODELS, type Model, type ModelKey } from './world.js';

export class Kit {
  readonly docs: string[];
  readonly longDocs: string[];
  readonly worked: Worked[];

  constructor(readonly c: Corpora) {
    const docs: string[] = [];
    for (const d of c.oasst)
      for (const t of d.turns) if (t.assistant.length > 500) docs.push(t.assistant);
    for (const d of c.helpful)
      for (const t of d.turns) if (t.assistant.length > 400) docs.push(t.assistant);
    for (const s of c.arenaOther) if (s.length > 700) docs.push(s);
    if (docs.length < 5) docs.push(...c.chat.map((s) => s.repeat(8)));
    this.docs = docs;
    // long documents for padding: a few fixed concatenations, shared by reference
    const long: string[] = [];
    for (let i = 0; i < 60; i++) {
      let s = '';
      let j = i * 7;
      while (s.length < 4000 + (i % 6) * 1200) {
        s += `${docs[j % docs.length] ?? ''}\n\n`;
        j += 13;
      }
      long.push(s.trim());
    }
    this.longDocs = long;
    this.worked = [...c.gsm8k, ...c.math, ...c.flan];
  }

  pickWorked(rng: Rng, mix: 'school' | 'hard' | 'any' = 'any'): Worked {
    const c = this.c;
    if (mix === 'school') return rng.chance(0.7) ? rng.pick(c.gsm8k) : rng.pick(c.flan);
    if (mix === 'hard') return rng.chance(0.65) ? rng.pick(c.math) : rng.pick(c.comp);
    const r = rng.next();
    return r < 0.4
      ? rng.pick(c.gsm8k)
      : r < 0.65
        ? rng.pick(c.math)
        : r < 0.9
          ? rng.pick(c.flan)
          : rng.pick(c.comp);
  }

  pickCode(rng: Rng): CodeTask {
    return rng.chance(0.75) ? rng.pick(this.c.mbpp) : rng.pick(this.c.humaneval);
  }

  /** A single casual prompt, in the speaker's language when not English. */
  casualPrompt(rng: Rng, lang: Lang): string {
    if (lang !== 'en' && rng.chance(0.75)) return rng.pick(BANK[lang].casual);
    const r = rng.next();
    if (r < 0.55) return rng.pick(this.c.chat);
    if (r < 0.8) return rng.pick(rng.pick(this.c.helpful).turns).user;
    return rng.pick(this.c.arenaOther);
  }

  dialogue(rng: Rng): Dialogue {
    return rng.chance(0.5) ? rng.pick(this.c.oasst) : rng.pick(this.c.helpful);
  }

  /** Served text for a prompt with no reference: composed prose of a fitting length. */
  answer(rng: Rng, prompt: string, target?: number): string {
    const t = target ?? Math.round(rng.logNormal(260, 0.6));
    return composeProse(rng, prompt, t, rng.chance(0.3));
  }

  worked2served(rng: Rng, w: Worked, lang: Lang, long = false): string {
    return servedWorked(rng, lang, w.a, w.final, long);
  }

  code2served(rng: Rng, t: CodeTask): string {
    return codeAnswer(rng, t.solution, t.prompt);
  }
}

export function m(k: ModelKey): Model {
  return MODELS[k];
}

/** A model choice that respects the release: halden-2 only exists after `release`. */
export function pickModel(
  rng: Rng,
  ts: number,
  release: number,
  w: Partial<Record<ModelKey, number>>,
): Model {
  const pairs = (Object.entries(w) as [ModelKey, number][]).filter(
    ([k]) => k !== 'next' || ts >= release,
  );
  const fallback: [ModelKey, number][] = [['pro', 1]];
  return MODELS[rng.weighted(pairs.length ? pairs : fallback)];
}

// ---- tools ------------------------------------------------------------------------------

const obj = (props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: props,
  required,
});
const s = (d: string) => ({ type: 'string', description: d });

export const CODING_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace.',
    parameters: obj({ path: s('Relative path') }, ['path']),
  },
  {
    name: 'edit_file',
    description: 'Replace a unique string in a file.',
    parameters: obj(
      { path: s('Relative path'), old_str: s('Text to replace'), new_str: s('Replacement') },
      ['path', 'old_str', 'new_str'],
    ),
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace and return its output.',
    parameters: obj({ command: s('Shell command') }, ['command']),
  },
  {
    name: 'search',
    description: 'Search the workspace for a regular expression.',
    parameters: obj({ pattern: s('Regex'), glob: s('File glob') }, ['pattern']),
  },
];

export const SUPPORT_TOOLS: ToolDef[] = [
  {
    name: 'lookup_order',
    description: 'Find an order by id or customer email.',
    parameters: obj({ order_id: s('Order id'), email: s('Customer email') }, []),
  },
  {
    name: 'create_return',
    description: 'Open a return for an order line.',
    parameters: obj({ order_id: s('Order id'), reason: s('Reason') }, ['order_id', 'reason']),
  },
  {
    name: 'handoff_to_human',
    description: 'Escalate the conversation to a human agent.',
    parameters: obj({ summary: s('Short summary') }, ['summary']),
  },
];

export function callId(rng: Rng, api: 'openai' | 'anthropic'): string {
  return api === 'openai' ? `call_${rng.hex(24)}` : `toolu_${rng.hex(24)}`;
}

export function call(
  rng: Rng,
  api: 'openai' | 'anthropic',
  name: string,
  args: Record<string, unknown>,
): ToolCall {
  return { id: callId(rng, api), name, args };
}

/** Append a tool round trip (assistant call + tool result) to a history. */
export function toolRound(h: NMsg[], k: ToolCall, result: string, text = ''): void {
  h.push({ role: 'assistant', text, calls: [k] });
  h.push({ role: 'tool', callId: k.id, name: k.name, content: result });
}

/** Keep an agent history bounded the way clients compact it: first message plus the tail. */
export function compact(h: NMsg[], keep: number): NMsg[] {
  if (h.length <= keep) return h;
  let i = h.length - keep;
  while (i < h.length && h[i]?.role === 'tool') i++;
  return [h[0] as NMsg, ...h.slice(i)];
}
