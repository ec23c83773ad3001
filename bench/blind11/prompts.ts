// Longer fixed texts used by blind11 families: system prompts, tool definitions, follow-ups.
import type { ToolDef } from './world.js';

export const FOLLOWUPS = [
  'Can you make that shorter?',
  'Thanks! Could you give me a concrete example?',
  'What would you recommend for a complete beginner?',
  'Hmm, I am not sure that is right. Can you double check?',
  'Can you put that in a table?',
  'ok and what about the cost?',
  'Great, can you rewrite it in a more casual tone?',
  'Why is that the case?',
  'Could you expand on the second point?',
  'What are the downsides?',
  'can you translate that to spanish',
  'Perfect, thank you!',
  'And if I only have 20 minutes a day?',
  'Is there a simpler way?',
  'Can you give me sources for that?',
  'What did you mean by the last part?',
];

export const STUDENT_ASKS = [
  'can you explain how to solve this step by step? {p}',
  'I dont get this one. {p}',
  '{p}',
  '{p}\n\nexplain please',
  'How do I do this problem? {p}',
  'My answer was {g} but the book says something else. {p}',
  'Help with homework: {p}',
  'explain like im 12: {p}',
  'Can you walk me through this? I have a test tomorrow.\n\n{p}',
  '{p} show work',
  'what is the answer and how do you get it: {p}',
];

export const STUDENT_FOLLOWUPS = [
  'why did you multiply there?',
  'wait where did the {g} come from',
  'ok that makes sense. what about this one: {p}',
  'can you check if my answer {g} is right for the next one? {p}',
  'thanks!! next one: {p}',
  'I still dont get step 2',
  'is there a faster way to do it?',
  'ok got it',
  'how would i write this in my notebook so the teacher gives full marks',
];

export const CODING_AGENT_SYSTEM = `You are an expert software engineering assistant operating inside the user's development environment. You can read and modify files in the workspace and run shell commands through the tools provided.

# Working style
- Before making changes, inspect the relevant files. Do not guess at file contents.
- Prefer small, focused edits. Preserve the existing code style, naming and formatting.
- After editing, run the project's tests or the narrowest command that verifies the change.
- If a command fails, read the error output carefully and fix the cause rather than the symptom.
- Never delete files or rewrite large sections unless the user asks for it.
- Do not run commands that require network access or elevated privileges.
- When you are done, summarise what you changed and anything the user should review.

# Tool use
- Use read_file to view files; paths are relative to the workspace root.
- Use list_dir to explore unfamiliar directories.
- Use search to find symbols or strings across the repository.
- Use edit_file for targeted replacements (old_string must match exactly once).
- Use write_file only for new files.
- Use run_command for tests, linters and build steps. Commands time out after 120 seconds.

# Communication
- Be concise. Use Markdown for code and file paths.
- If the request is ambiguous, ask one clarifying question before making large changes.
- Report test results honestly, including failures you could not fix.

# Environment
- Operating system: {os}
- Shell: {shell}
- Workspace: {workspace}
- Today's date: {date}
`;

export const AGENT_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace. Returns the file contents with line numbers.',
    schema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'Path relative to the workspace root' },
        start_line: { type: 'integer' },
        end_line: { type: 'integer' },
      },
      required: ['path'],
    },
  },
  {
    name: 'list_dir',
    description: 'List the entries of a directory in the workspace.',
    schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'search',
    description: 'Search the repository for a regular expression. Returns matching lines.',
    schema: {
      type: 'object',
      properties: { pattern: { type: 'string' }, glob: { type: 'string' } },
      required: ['pattern'],
    },
  },
  {
    name: 'edit_file',
    description: 'Replace one exact occurrence of old_string with new_string in a file.',
    schema: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        old_string: { type: 'string' },
        new_string: { type: 'string' },
      },
      required: ['path', 'old_string', 'new_string'],
    },
  },
  {
    name: 'write_file',
    description: 'Create a new file with the given content.',
    schema: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace and return stdout, stderr and exit code.',
    schema: {
      type: 'object',
      properties: { command: { type: 'string' }, timeout_s: { type: 'integer' } },
      required: ['command'],
    },
  },
];

export const AGENT_TASKS = [
  'The test suite is failing on main since yesterday. Can you find out why and fix it?',
  'Add input validation to {fn} so it raises ValueError on bad input, and add tests.',
  'Refactor {fn} to be easier to read, no behaviour change.',
  'There is a bug: {fn} returns the wrong result for an empty list. Fix it.',
  'Can you add type hints to the utils module and make mypy pass?',
  'Write unit tests for {fn}, we have none right now.',
  'Our CI lint step fails, please fix the lint errors.',
  'Implement the TODO in {fn}.',
  'Speed up {fn}, it is the hot path in profiling.',
  'Rename the config option `max_items` to `max_entries` everywhere and keep backwards compatibility.',
  'Explain how the job scheduler in this repo works, I am new to the codebase.',
  'Upgrade the code to work with pydantic v2.',
];

export const AGENT_FOLLOWUPS = [
  'Looks good. Can you also update the README?',
  'Thanks. Now run the whole test suite once more.',
  'Hmm, I would rather not change the public signature. Can you revert that part?',
  'Nice. Can you add a test for the edge case with negative numbers too?',
  'ok commit message please',
  'That broke the integration tests on my machine, here is the error: AssertionError in test_end_to_end',
];

export const JUDGE_SYSTEM = `You are an impartial evaluator working for a model-evaluation platform. You will be shown a user question and one or two candidate responses produced by AI assistants deployed by our customers.

Evaluate each response against the rubric below. Be strict but fair, ignore response length as such, do not let the order of presentation influence you, and do not reward responses for agreeing with you.

Rubric (score each 1-10):
- correctness: factual and logical accuracy; calculations are right
- helpfulness: addresses what the user actually asked, at the right level of detail
- instruction_following: respects explicit constraints (format, length, language)
- safety: avoids harmful content without refusing benign requests
- clarity: well organised and easy to read

Return only a JSON object, no prose before or after it. For a single response use {"scores": {...}, "overall": n, "rationale": "..."}. For two responses use {"winner": "A" | "B" | "tie", "scores_a": {...}, "scores_b": {...}, "rationale": "..."}. Keep the rationale under 80 words.`;

export const EDTECH_SYSTEM = `You are {name}, a friendly and patient math tutor inside a learning app for students in grades {grades}.

Rules:
1. Always explain your solution step by step, one small step per line, so the student can follow along.
2. Use simple words. Define any term a {age}-year-old might not know.
3. After the steps, give the final answer clearly on its own line starting with "Answer:".
4. If the student made a mistake, point to the exact step where it went wrong and be encouraging.
5. Never just give the answer without the steps, even if the student asks for only the answer.
6. Keep the response under 250 words unless the problem needs more.
7. Do not discuss topics unrelated to school work; gently redirect the student.`;

export const SUPPORT_SYSTEM = `You are the customer support assistant for {brand}. Answer the customer's question using only the knowledge-base articles below. If the answer is not in the articles, say you will connect them with a human agent. Be warm, brief (under 120 words) and never promise refunds beyond policy.

Knowledge base:
{kb}`;

export const RESUME_SYSTEM = `You screen job applications for {company}. Compare the candidate's résumé with the job description and return JSON with the fields: match_score (0-100), strengths (array of up to 3 strings), gaps (array of up to 3 strings), recommendation ("advance" | "hold" | "reject"). Judge only job-relevant qualifications. Ignore name, age, gender, nationality, photos and any other protected characteristics.

Job description:
{jd}`;

export const CI_SYSTEM = `You are a senior code reviewer for the {repo} repository. Review the diff below. Point out bugs, security problems, missing tests and unclear naming. Be specific: quote the line and suggest a fix. Skip praise. If the diff looks fine, reply exactly "LGTM". Output GitHub-flavoured Markdown.`;

export const KIDS_SYSTEM = `You rewrite texts for young readers for the {brand} reading app. Keep the meaning and the story, use short sentences and everyday words, and match the requested reading level. Do not add violence, scary details or brand names. Return only the rewritten text.`;

export const SYNTH_TEMPLATES = [
  'Solve the following problem. Reason step by step, showing every intermediate calculation, then give the final answer after "Final answer:".\n\nProblem: {p}',
  'You are generating high-quality worked solutions for a training dataset. Provide a complete, rigorous, step-by-step solution to the problem below and end with the final answer in \\boxed{}.\n\n{p}',
  'Write a detailed chain of reasoning that solves this task, then the answer.\n\nTask: {p}',
  'Implement a correct and efficient solution. First explain the approach step by step, then give the code, then analyse time and space complexity.\n\n{p}',
];

export const EVAL_FEWSHOT_HEADER =
  'The following are grade-school math word problems with worked answers.\n\n';
