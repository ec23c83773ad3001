/**
 * A capability taxonomy (domain × task × level) that a coverage-sweep campaign marches
 * through, each member taking every members-th cell, so the union of the cluster covers
 * the whole space while each account looks like a varied power user (THREATS.md, "coverage
 * sweeps … union coverage across a cluster much larger than each member's").
 */
import type { ReplyKind } from './replies.js';

const DOMAINS = [
  'linear algebra',
  'probability',
  'number theory',
  'real analysis',
  'Euclidean geometry',
  'classical mechanics',
  'thermodynamics',
  'organic chemistry',
  'molecular biology',
  'macroeconomics',
  'contract law',
  'clinical pharmacology',
  'Python',
  'SQL',
  'Rust',
  'distributed systems',
  'cryptography',
  'compilers',
  'world history',
  'philosophy of mind',
  'poetry',
  'persuasive writing',
  'data analysis',
  'logic puzzles',
  'tax accounting',
  'operating systems',
  'statistics',
  'game theory',
];

interface Task {
  text: string;
  kind: ReplyKind;
}

const TASKS: Task[] = [
  { text: 'Explain a central idea of {d} at {l} level, with a worked example.', kind: 'reasoning' },
  { text: 'Pose a {l} exam problem in {d} and give its complete solution.', kind: 'reasoning' },
  {
    text: 'What is a common misconception in {d} at {l} level, and why is it wrong?',
    kind: 'chat',
  },
  { text: 'Compare two competing approaches in {d} ({l}); when does each win?', kind: 'chat' },
  { text: 'Write a {l} exercise on {d} with a fully worked answer key.', kind: 'reasoning' },
  { text: 'Give a rigorous argument for a key result in {d}, pitched at {l} level.', kind: 'math' },
  {
    text: 'Implement an algorithm from {d} in code ({l}), with tests and a complexity analysis.',
    kind: 'code',
  },
  { text: 'Answer a {l} interview question about {d} as an expert would.', kind: 'chat' },
  {
    text: 'Diagnose the mistake in a typical {l} attempt at a {d} problem and correct it.',
    kind: 'reasoning',
  },
  {
    text: 'Summarise what a {l} practitioner of {d} must know, with one example each.',
    kind: 'chat',
  },
];

const LEVELS = ['introductory', 'intermediate', 'advanced', 'expert'];

/** One cell of the taxonomy. */
export interface Cell {
  domain: string;
  level: string;
  prompt: string;
  kind: ReplyKind;
}

/** Number of cells. */
export const TAXONOMY_SIZE = DOMAINS.length * TASKS.length * LEVELS.length;

/**
 * Cell `k` in domain-major order (modulo the size; a second pass through the space reads
 * "Another angle:" so it is not a verbatim repeat).
 */
export function cell(k: number): Cell {
  const pass = Math.floor(k / TAXONOMY_SIZE);
  const i = k % TAXONOMY_SIZE;
  const domain = DOMAINS[Math.floor(i / (TASKS.length * LEVELS.length))] as string;
  const task = TASKS[Math.floor(i / LEVELS.length) % TASKS.length] as Task;
  const level = LEVELS[i % LEVELS.length] as string;
  const text = task.text.replace('{d}', domain).replace('{l}', level);
  return { domain, level, prompt: pass > 0 ? `Another angle: ${text}` : text, kind: task.kind };
}
