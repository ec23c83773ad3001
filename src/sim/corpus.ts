/**
 * Prompt text for the simulator. Reads the public corpora in the shared data folder
 * (each file in its own format; see that folder's README) or falls back to the small
 * built-in corpus shipped in builtin-corpus.ts. Only text comes from here: behaviour
 * (timing, templates, parameters) and labels come from the personas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { builtinCorpus } from './builtin-corpus.js';

/** A question with a reference answer or rationale. */
export interface QA {
  q: string;
  a: string;
}

/** A public benchmark an evaluation harness runs once, in order. */
export interface Benchmark {
  name: string;
  items: QA[];
}

/** A real conversation with both sides: `assistant[i]` answered `user[i]`. */
export interface Conversation {
  user: string[];
  assistant: string[];
}

/** Text pools by kind. Every array is non-empty. */
export interface Corpus {
  source: 'data' | 'builtin';
  /** Single-turn chat prompts. */
  chat: string[];
  /** Multi-turn user turns (the user's side of a conversation). */
  dialogs: string[][];
  /**
   * Real conversations with both sides (hh-rlhf helpful). A follow-up depends on the answer before it as people's do, which a generated reply in
   * the history cannot show. Empty in the built-in corpus.
   */
  conversations: Conversation[];
  /** Hard, long power-user prompts (coding, math, creative). */
  hard: string[];
  /** Role / system prompts. */
  roles: string[];
  math: QA[];
  /** Question, rationale-as-answer triples (chain of thought). */
  cot: QA[];
  code: QA[];
  /** Seed task instructions (instruction-harvesting bootstrap). */
  seeds: string[];
  /** The instruction-generation prompt. */
  instructionGen: string;
  /** Assistant replies (response text). */
  replies: string[];
  /** Documents for batch pipelines. */
  docs: string[];
  benchmarks: Benchmark[];
}

const MAX_CHARS = 6000;
const clip = (s: string): string => (s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s);

function lines(path: string): string[] {
  const buf = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return text.split('\n').filter((l) => l.trim() !== '');
}

function jsonl(path: string): Record<string, unknown>[] {
  return lines(path).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/** Rows of an RFC 4180 CSV file (csv-parse; ragged rows and stray quotes kept, as the data has them). */
function readCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, relax_quotes: true, bom: true }) as string[][];
}

/** Split an HH-RLHF transcript ("\n\nHuman: … \n\nAssistant: …") into its turns. */
function hhTurns(text: string): { human: string[]; assistant: string[] } {
  const human: string[] = [];
  const assistant: string[] = [];
  for (const part of text.split(/\n\n(?=Human:|Assistant:)/)) {
    const m = /^(Human|Assistant):\s*([\s\S]*)$/.exec(part.trim());
    if (!m || !m[2]) continue;
    (m[1] === 'Human' ? human : assistant).push(m[2].trim());
  }
  return { human, assistant };
}

function tsvQA(path: string): QA[] {
  return lines(path).flatMap((l) => {
    const [q, ans, rationale] = l.split('\t');
    if (!q || !rationale) return [];
    const unescape = (s: string): string => s.replace(/\\n/g, '\n');
    return [{ q: unescape(q), a: `${unescape(rationale)}\nSo the answer is ${ans ?? ''}.` }];
  });
}

function oasstReplies(path: string): { prompts: string[]; replies: string[] } {
  const prompts: string[] = [];
  const replies: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    const text = str(node['text']);
    if (text) (node['role'] === 'assistant' ? replies : prompts).push(clip(text));
    const kids = node['replies'];
    if (Array.isArray(kids)) for (const k of kids) walk(k as Record<string, unknown>);
  };
  // Each line is a tree: { message_tree_id, prompt: { text, role, replies: [...] } }.
  for (const row of jsonl(path)) walk(isRecord(row['prompt']) ? row['prompt'] : row);
  return { prompts, replies };
}

function loadHH(dir: string): {
  dialogs: string[][];
  conversations: Conversation[];
  firsts: string[];
  replies: string[];
} {
  const dialogs: string[][] = [];
  const conversations: Conversation[] = [];
  const firsts: string[] = [];
  const replies: string[] = [];
  for (const f of ['helpful-base-test.jsonl.gz', 'harmless-base-test.jsonl.gz']) {
    for (const row of jsonl(join(dir, 'hh-rlhf', f))) {
      const { human, assistant } = hhTurns(str(row['chosen']));
      if (human[0]) firsts.push(clip(human[0]));
      if (human.length > 1) dialogs.push(human.map(clip));
      // Harmless-base replies are often refusals; use helpful ones as response text.
      if (f.startsWith('helpful')) {
        for (const a of assistant) if (a.length > 80) replies.push(clip(a));
        if (human.length > 1 && assistant.length >= human.length - 1)
          conversations.push({ user: human.map(clip), assistant: assistant.map(clip) });
      }
    }
  }
  return { dialogs, conversations, firsts, replies };
}

function loadMath(dir: string): { gsmTrain: QA[]; gsmTest: QA[]; comp: QA[] } {
  const gsm = (f: string): QA[] =>
    jsonl(join(dir, 'gsm8k', f)).map((r) => ({ q: str(r['question']), a: str(r['answer']) }));
  const comp: QA[] = [];
  for (const f of [
    'math_test.jsonl',
    'aime_test.jsonl',
    'amc_test.jsonl',
    'olympiadbench_test.jsonl',
  ]) {
    const p = join(dir, 'limo-eval-math', f);
    if (!existsSync(p)) continue;
    for (const r of jsonl(p)) {
      const q = str(r['problem'] ?? r['question']);
      const a = str(r['solution'] ?? r['final_answer'] ?? r['answer']);
      if (q) comp.push({ q: clip(q), a: clip(a) });
    }
  }
  return { gsmTrain: gsm('train.jsonl'), gsmTest: gsm('test.jsonl'), comp };
}

function loadCode(dir: string): { mbpp: QA[]; humaneval: QA[] } {
  const mbpp = jsonl(join(dir, 'mbpp', 'mbpp.jsonl')).map((r) => ({
    q: str(r['text']),
    a: str(r['code']),
  }));
  const humaneval = jsonl(join(dir, 'humaneval', 'HumanEval.jsonl.gz')).map((r) => ({
    q: str(r['prompt']),
    a: str(r['canonical_solution']),
  }));
  return { mbpp, humaneval };
}

function loadChat(dir: string): { chat: string[]; twoTurn: string[][] } {
  const chat: string[] = [];
  const twoTurn: string[][] = [];
  for (const l of lines(join(dir, 'oasst-samples', 'prompt_lottery_en_250_text.jsonl')))
    chat.push(str(JSON.parse(l)));
  for (const f of ['mt_bench_question.jsonl', 'vicuna_bench_question.jsonl']) {
    for (const r of jsonl(join(dir, 'mt-bench', f))) {
      const turns = (r['turns'] as unknown[]).map(str);
      if (turns[0]) chat.push(turns[0]);
      if (turns.length > 1) twoTurn.push(turns);
    }
  }
  const ultra = JSON.parse(
    readFileSync(join(dir, 'ultrachat-eval', 'ultra_eval.json'), 'utf8'),
  ) as { data: string }[];
  for (const r of ultra) chat.push(r.data);
  for (const r of jsonl(join(dir, 'self-instruct', 'user_oriented_instructions.jsonl'))) {
    const inst = (r['instances'] as { input?: string }[] | undefined)?.[0]?.input ?? '';
    chat.push(inst ? `${str(r['instruction'])}\n\n${inst}` : str(r['instruction']));
  }
  return { chat: chat.filter((c) => c.trim() !== '').map(clip), twoTurn };
}

function loadHard(dir: string): string[] {
  const out: string[] = [];
  for (const f of ['arena-hard-v0.1_question.jsonl', 'arena-hard-v2.0_question.jsonl']) {
    for (const r of jsonl(join(dir, 'arena-hard', f))) {
      const p = str(r['prompt']);
      if (p) out.push(clip(p));
    }
  }
  return out;
}

function loadRoles(dir: string): string[] {
  const rows = readCsv(readFileSync(join(dir, 'awesome-chatgpt-prompts', 'prompts.csv'), 'utf8'));
  return rows
    .slice(1)
    .map((r) => r[1] ?? '')
    .filter((p) => p.length > 20)
    .map(clip);
}

/** Load the corpora from `dir` (the shared data folder layout). Throws when a file is missing. */
export function loadDataCorpus(dir: string): Corpus {
  const { chat, twoTurn } = loadChat(dir);
  const hh = loadHH(dir);
  const oasst = oasstReplies(join(dir, 'oasst-samples', 'en_100_tree.jsonl'));
  const { gsmTrain, gsmTest, comp } = loadMath(dir);
  const { mbpp, humaneval } = loadCode(dir);
  const cot = ['strategyqa_train.tsv', 'qasc_train.tsv', 'aqua_train.tsv'].flatMap((f) =>
    tsvQA(join(dir, 'flan-cot', f)),
  );
  const mcq = tsvQA(join(dir, 'flan-cot', 'qasc_train.tsv'));
  const seeds = jsonl(join(dir, 'self-instruct', 'seed_tasks.jsonl')).map((r) =>
    str(r['instruction']),
  );
  const replies = [...oasst.replies, ...hh.replies];
  return {
    source: 'data',
    chat: [...chat, ...oasst.prompts.slice(0, 400), ...hh.firsts],
    dialogs: [...twoTurn, ...hh.dialogs],
    conversations: hh.conversations,
    hard: loadHard(dir),
    roles: loadRoles(dir),
    math: [...gsmTrain, ...comp],
    cot,
    code: [...mbpp, ...humaneval],
    seeds,
    instructionGen: readFileSync(
      join(dir, 'distill-gen-templates', 'stanford_alpaca_prompt.txt'),
      'utf8',
    ),
    replies,
    docs: [...replies.filter((r) => r.length > 400), ...hh.dialogs.map((d) => d.join('\n'))].slice(
      0,
      5000,
    ),
    benchmarks: [
      { name: 'gsm8k', items: gsmTest },
      { name: 'humaneval', items: humaneval },
      { name: 'mbpp', items: mbpp.slice(0, 500) },
      { name: 'mcq', items: mcq },
    ],
  };
}

/** The default data folder: ../shared/data from the working directory, when it exists. */
export function defaultDataDir(cwd = process.cwd()): string | undefined {
  const dir = join(cwd, '..', 'shared', 'data');
  return existsSync(join(dir, 'gsm8k')) ? dir : undefined;
}

/** The corpus from `dir` when given, else the built-in one. */
export function loadCorpus(dir: string | undefined): Corpus {
  return dir ? loadDataCorpus(dir) : builtinCorpus();
}
