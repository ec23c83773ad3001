/**
 * Varied everyday questions for tests that serve an account many answers: one template sent
 * many times would rightly raise the account (and degrade what it is served).
 */
export const QUESTIONS = [
  'How do mountains form?',
  'What makes the sea salty?',
  'Tell me about the history of paper.',
  'Why is the sky blue?',
  'Explain how bees make honey.',
  'What is a volcano?',
  'How do trains stay on the rails?',
  'Describe life in a desert.',
  'What do owls eat?',
  'How are clouds made?',
  'What is a comet?',
  'Why do cats purr?',
  'How does a compass work?',
  'What is the tallest tree?',
  'How do fish breathe?',
];
