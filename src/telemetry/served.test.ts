import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedShape } from './served.js';

test('servedShape: enumerated steps in any script and heading word count as steps (issue 13: multilingual)', () => {
  const samples = [
    'Step 1: read the problem\nStep 2: set up x + 2 = 5\nStep 3: x = 3',
    'Hatua 1: soma swali\nHatua 2: andika mlinganyo\nHatua 3: jibu ni 3',
    'Adım 1. Denklemi yaz\nAdım 2. Sadeleştir\nAdım 3. Sonuç',
    '１. 問題を読む\n２. 式を立てる\n３. 答え',
    '一、读题\n二、列方程\n三、求解',
    '१. प्रश्न पढ़ें\n२. समीकरण लिखें\n३. उत्तर',
    '**Bước 1:** Đọc đề\n**Bước 2:** Lập phương trình\n**Bước 3:** Giải',
    '(1) first\n(2) second\n(3) third',
  ];
  for (const s of samples) assert.ok(servedShape(s).steps >= 3, s);
});

test('servedShape: equations are counted, code blocks are counted and their lines are not steps', () => {
  const s = servedShape(
    'We have\n2x + 4 = 10\nso 2x = 6\nand x = 3\n```python\n1. not a step\nx = 3\n```\nDone.',
  );
  assert.equal(s.math, 3);
  assert.equal(s.code, 1);
  assert.equal(s.steps, 0);
});

test('servedShape: prose has no steps or equations; a bullet list is not a derivation', () => {
  const prose = servedShape(
    'The capital of France is Paris. It has been the capital since the 10th century, with a few interruptions.',
  );
  assert.deepEqual([prose.steps, prose.math, prose.code], [0, 0, 0]);
  const bullets = servedShape('- apples\n- pears\n- plums');
  assert.equal(bullets.steps, 0);
  assert.equal(servedShape('').lines, 0);
});

test("servedShape: grades on a scale and judges' bracketed verdicts count, in any language; fractions, dates and paths do not (issue 13)", () => {
  const grades = (t: string) => servedShape(t).grades;
  assert.equal(grades('Score: 7/10\n\nJustification: clear and correct.'), 1);
  assert.equal(grades('Note : 8/10 — la réponse est claire.'), 1);
  assert.equal(grades('评分：4.5 / 5\n理由：回答准确。'), 1);
  assert.equal(grades('- Correctness (3/4): fine\n- Clarity (4/4): fine\n- Overall 85/100'), 3);
  assert.equal(grades('The first answer is better.\n\n[[A]]'), 1);
  assert.equal(grades('Bewertung: [[ 8 ]]'), 1);
  // Not grades: a computation, a fraction of another size, dates, paths, versions, code.
  assert.equal(grades('x = 3/4 of 12 = 9'), 0);
  assert.equal(grades('Take 3/8 of the dough.'), 0);
  assert.equal(grades('Due on 1/5/2024 and 12/10/2023.'), 0);
  assert.equal(grades('See https://example.com/docs/10 and src/5'), 0);
  assert.equal(grades('Use version 2.1/10.4 of the tool.'), 0);
  assert.equal(grades('```\nscore = 7/10\nprint("7/10")\n```'), 0);
  assert.equal(grades('Scored 11/10 by fans.'), 0);
  assert.equal(grades('[[link]] and [[12345]]'), 0);
});

test("servedShape: a short answer's scorecard (a label and a score per row) and a grade inside a verdict's paragraph count; data rows beside code or in a long answer do not (issue 13)", () => {
  const grades = (t: string) => servedShape(t).grades;
  assert.equal(grades('winner: X\nX: 8\nY: 5\nThe winning option is more specific.'), 1);
  assert.equal(grades('Hilfsbereitschaft: 4\nHarmlosigkeit: 5\n\nAntwort A ist besser.'), 1);
  assert.equal(
    grades(
      'Reply 1 is better. Scores: reply 1 — 6/10, reply 2 — 1/10. Reply 1 answers the actual question directly and avoids unsupported claims, while the other is vaguer and partly off-topic.',
    ),
    1,
  );
  // A verdict first, then why, in a line or two.
  assert.equal(
    grades('6. It answers the actual question and stays accurate, if a little vague.'),
    1,
  );
  assert.equal(
    grades('Reply 1. The first reply treats the person with more care and stays on topic.'),
    1,
  );
  // A list has a second item; a bare label gives no reason; a step computes.
  assert.equal(grades('1. Preheat the oven to a high heat first.\n2. Slice the bread.'), 0);
  assert.equal(grades('3. Paris'), 0);
  assert.equal(grades('Step 1: multiply both sides by two, so that 2x = 14 and x = 7 here.'), 0);
  // One row is not a card; a worked example's input and output sit beside its code; a long
  // answer's figures are data.
  assert.equal(grades('Total: 12\nThat is the sum of the three.'), 0);
  assert.equal(grades('First, find what we know.\nStep 1: 79\nAnswer: 79'), 0);
  assert.equal(grades('```python\nprint(f(3))\n```\nInput: 3\nOutput: 6'), 0);
  assert.equal(
    grades(
      'Calories: 250\nProtein: 12\nFat: 9\nCarbs: 30\nFibre: 4\nSugar: 6\nSalt: 1\nIron: 2\nZinc: 1',
    ),
    0,
  );
});

test('served: a rationale that closes on a final-answer line is counted in any language; chat closings, notes and code are not (issue 13)', () => {
  const why =
    'Frogs are amphibians and need water to keep their skin moist. Deserts have very little water, so most frogs cannot live there for long, and the few desert species stay underground.';
  for (const close of [
    'Final answer: (E)',
    'So the answer is (B).',
    '#### 18',
    '**Respuesta:** 42',
    '答案：12',
    'Jibu la mwisho: ndiyo',
    'The result is $\\boxed{7}$',
  ])
    assert.equal(servedShape(`${why}\n\n${close}`).answers, 1, close);
  for (const close of [
    'Let me know if you have any other questions!',
    'Note: this only works for positive integers in most of the cases we looked at here.',
    '```py\nprint(1)\n```',
  ])
    assert.equal(servedShape(`${why}\n\n${close}`).answers, 0, close);
  // Too little explanation before it: a bare answer, not a rationale.
  assert.equal(servedShape('Sure.\nAnswer: 4').answers, 0);
});

test('served: grades in the machine-readable forms judge prompts ask for — a one-member JSON score, Prometheus "[RESULT] n", a bare score before its justification; list items and JSON decisions are not (issue 13)', () => {
  for (const t of [
    '{"score": 5}',
    'The response is accurate, but it ignores part of the question.\n\n{"puntuación": 4.5}',
    'Feedback: clear and correct. [RESULT] 4',
    '9\nThe response is concise, but it is vague in its conclusion.',
    '**7**\nKlar und korrekt, aber zu lang.',
  ])
    assert.ok((servedShape(t).grades ?? 0) >= 1, t);
  for (const t of [
    '42',
    '1.\nPreheat the oven.\n2.\nMix the flour.',
    '{"label": "billing"}',
    '{"decision": "advance", "score": 72}',
    'x = 4\n12',
  ])
    assert.equal(servedShape(t).grades, 0, t);
});
