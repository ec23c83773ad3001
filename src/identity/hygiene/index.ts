/**
 * Signup hygiene (issue 5): initial account risk with reasons, and the linked-account
 * graph found at signup. See hygiene.ts for the model.
 */
export { SignupHygiene, type SignupAssessment } from './hygiene.js';
export {
  validateSignup,
  parseTimestamp,
  type Signup,
  type SignupIssue,
  type SignupValidation,
} from './validate.js';
export { parseEmail, type ParsedEmail, type EmailResult } from './email.js';
export { DisposableDomains, parseDomainList, type DisposableSources } from './disposable.js';
export {
  connectedComponents,
  LinkGraph,
  type Link,
  type LinkKind,
  type GraphNode,
} from './graph.js';
export { assessAccounts, type AccountReplay } from './replay.js';
export { SIGNUP_REASONS } from './signals.js';
