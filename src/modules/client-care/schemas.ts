import { z } from 'zod';
import { optionalText } from '../../platform/schemas';
import { feedbackKinds, feedbackSeverities, feedbackSources, feedbackStatuses, rootCauses } from './rules';

// NOTE: pure zod shared with the web app (decision 0004).

export type { FeedbackKind, FeedbackSeverity, FeedbackSource, FeedbackStatus, RootCause } from './rules';
export { feedbackKinds, feedbackSeverities, feedbackSources, feedbackStatuses, rootCauses } from './rules';

export const createFeedbackInput = z.strictObject({
  accountId: z.uuid(),
  kind: z.enum(feedbackKinds),
  source: z.enum(feedbackSources),
  /** Required for complaints and conflicts. */
  severity: z.enum(feedbackSeverities).nullable().default(null),
  description: z.string().trim().min(1).max(20_000),
  /** Whose case it is; the author's when absent. */
  ownerId: z.uuid().optional(),
  /** When the client raised it; now when absent. */
  openedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateFeedbackInput = z.input<typeof createFeedbackInput>;

export const moveFeedbackInput = z.strictObject({
  status: z.enum(feedbackStatuses),
  resolution: optionalText(20_000),
  rootCause: z.enum(rootCauses).nullish(),
});
export type MoveFeedbackInput = z.input<typeof moveFeedbackInput>;

export const listFeedbackQuery = z.object({
  accountId: z.uuid().optional(),
  kind: z.enum(feedbackKinds).optional(),
  status: z.enum(feedbackStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListFeedbackQuery = z.input<typeof listFeedbackQuery>;
