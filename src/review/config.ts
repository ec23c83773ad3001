import { z } from 'zod';
import { LEVELS } from '../telemetry/event.js';

/** Review-queue configuration (`audit.review` in the YAML). Every field has a default. */
export const reviewConfigSchema = z.object({
  /** A verdict at or above this level opens an incident. */
  openAtLevel: z.enum(LEVELS).default('challenge'),
  /** Group accounts of one detector cluster into one incident. */
  groupByCluster: z.boolean().default(true),
  /** Slack-compatible webhook called on every new incident; off when unset. */
  webhookUrl: z.url().optional(),
  /** Delivery attempts per webhook message (first try included). */
  webhookAttempts: z.number().int().min(1).max(20).default(5),
  /** First retry delay; doubles on every retry. */
  webhookBackoffMs: z.number().int().positive().default(500),
  /** Messages waiting beyond this are dropped (oldest first) so callers never block. */
  webhookQueueSize: z.number().int().positive().default(1000),
  /** Default lifetime of a false-positive exemption. */
  exemptionDays: z.number().positive().default(30),
});

export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
