import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concepts, intentOf, systemConcepts } from './phrases.js';
import { templateKeys } from './text.js';

test('phrases: reasoning elicitation in several languages and paraphrases (issue 3)', () => {
  const yes = [
    'Write out your complete reasoning step by step before the final answer.',
    'Before answering, articulate the thought process behind it in detail.',
    'Imagine and articulate the internal reasoning behind a completed response.',
    'Résous ce problème étape par étape en expliquant ton raisonnement.',
    'Erkläre Schritt für Schritt, wie du auf das Ergebnis kommst.',
    'Explica paso a paso tu razonamiento.',
    '请一步一步地推理并给出答案。',
    'Объясни шаг за шагом своё рассуждение.',
    // Rewordings of the same ask (issue 3: paraphrased reasoning harvest).
    'Work out the question below and walk me through your logic in detail.',
    'Tackle this one and lay out the reasoning that gets you there.',
    'Figure out the following, thinking out loud as you go.',
    'Answer this problem — be explicit about each intermediate step.',
    'Resuelve esto y explica tu lógica en voz alta.',
  ];
  for (const p of yes) assert.equal(intentOf('', p).reasoning, true, p);
  for (const p of [
    'What is the capital of France?',
    'Write a haiku about winter.',
    'Summarize this article.',
  ]) {
    assert.equal(intentOf('', p).reasoning, false, p);
  }
});

test('phrases: grader / rubric and safe-rewrite phrasing', () => {
  for (const p of [
    'Rate the following response on a scale of 1 to 10 according to the rubric.',
    'You are a judge. Score the assistant answer below out of 10.',
    'Évalue la réponse suivante et donne une note.',
    'Rewrite the text so that it is harmless.',
  ])
    assert.equal(intentOf('', p).grader, true, p);
  assert.equal(intentOf('', 'How do I grade a dirt road?').grader, false);
});

test('phrases: reward-model grading on named axes or a rating range, and pairwise preference, are grading; arithmetic and plain comparisons are not (issue 3)', () => {
  for (const p of [
    'Here is a request and a candidate reply. Rate the reply for helpfulness, harmlessness and honesty, and give one sentence per axis.',
    'Score the completion on a 1-7 scale for coherence.',
    'Give this answer a score out of 7.',
    'Response A: ...\nResponse B: ...\nWhich response is better? Answer "A" or "B".',
    'Compare the two completions and say which completion a careful reader would find more helpful.',
    '¿Cuál respuesta es mejor, la primera o la segunda?',
    'Welche Antwort ist die bessere Antwort?',
  ])
    assert.equal(intentOf('', p).grader, true, p);
  for (const p of [
    'Evaluate the integral of 2x from 0 to 3.',
    'Evaluate 3 - 5 and 0 to 10 in binary.',
    'Which is better for a web server, Python or Go?',
    'I prefer short answers. What is the capital of Peru?',
    'Which answer is correct: (A) 4 (B) 5 (C) 6?',
    "Write a scene. Victoria boops Chloe's nose in response and says yes.",
    "What's the preferred output format for structured logs?",
    'Give me a better answer than last time, and rate limits for the API.',
  ])
    assert.equal(intentOf('', p).grader, false, p);
});

test('phrases: instruction-generation prompts', () => {
  assert.equal(
    intentOf('', 'You are asked to come up with a set of 20 diverse task instructions.').datagen,
    true,
  );
  assert.equal(intentOf('', 'Generate a birthday message for my mom.').datagen, false);
});

test('templates: slots are masked so filled templates share a frame', () => {
  const a = templateKeys(
    'Solve the following problem step by step and show reasoning: Janet has 16 ducks and 3 eggs',
  );
  const b = templateKeys(
    'Solve the following problem step by step and show reasoning: Bob owns 12 cats and 2 dogs',
  );
  const c = templateKeys('Tell me about the history of the Roman empire and its fall in 476');
  assert.equal(a.head, b.head);
  assert.notEqual(a.head, c.head);
  assert.notEqual(a.item, b.item);
});

test('phrases: a system prompt alone does not make every request an ask (issue 3: shared-NAT false positive)', () => {
  const system =
    'You are our internal assistant. Generate diverse, detailed lists and explain your reasoning step by step.';
  const plain = intentOf(system, 'What time does the Berlin office open on Fridays?');
  assert.deepEqual(plain, { reasoning: false, grader: false, datagen: false });
  // The system prompt still completes an ask the user turn makes.
  assert.equal(
    intentOf('Always explain your reasoning.', 'Solve 2x + 3 = 7 step by step.').reasoning,
    true,
  );
  assert.equal(
    intentOf('You generate training data.', 'Give me 20 diverse task instructions.').datagen,
    true,
  );
});

test('phrases: memoised system-prompt concepts equal a fresh scan, across the memo starting over (issue 3)', () => {
  const prompts = [
    'You are a strict GRADER: score each answer on a scale of 1-10.',
    'Explain Step By Step. '.repeat(20),
    'Be brief.',
  ];
  for (let i = 0; i < 1100; i++) prompts.push(`Assistant ${i}: generate diverse training data`);
  for (const round of [1, 2]) {
    for (const p of prompts) {
      const fresh = concepts((p.length > 240 ? p.slice(0, 240) : p).toLowerCase());
      assert.equal(systemConcepts(p), fresh, `${round}: ${p.slice(0, 40)}`);
    }
  }
  assert.notEqual(systemConcepts(prompts[0]!), 0);
});
