import { z } from 'zod';
import { listQuerySchema } from '../../platform/list-query';
import { isoDateSchema, optionalText } from '../../platform/schemas';
import { clientCareMessages } from './messages';
import { feedbackKinds, feedbackSeverities, feedbackSources, feedbackStatuses, lossReasons, rootCauses } from './rules';

// NOTE: pure zod shared with the web app (decision 0004).

export type {
  FeedbackKind,
  FeedbackSeverity,
  FeedbackSource,
  FeedbackStatus,
  LossReason,
  RootCause,
} from './rules';
export { feedbackKinds, feedbackSeverities, feedbackSources, feedbackStatuses, lossReasons, rootCauses } from './rules';

const feedbackFields = {
  kind: z.enum(feedbackKinds),
  source: z.enum(feedbackSources),
  /** Required for complaints and conflicts. */
  severity: z.enum(feedbackSeverities).nullable(),
  description: z.string().trim().min(1).max(20_000),
  /** Whose case it is; the author's when absent. */
  ownerId: z.uuid(),
  /** The client's person who raised it; one of the account's contacts. */
  contactId: z.uuid().nullable(),
  /** When the client raised it; now when absent. */
  openedAt: z.iso.datetime({ offset: true }),
};

export const createFeedbackInput = z.strictObject({
  accountId: z.uuid(),
  kind: feedbackFields.kind,
  source: feedbackFields.source,
  severity: feedbackFields.severity.default(null),
  description: feedbackFields.description,
  ownerId: feedbackFields.ownerId.optional(),
  contactId: feedbackFields.contactId.default(null),
  openedAt: feedbackFields.openedAt.optional(),
});
export type CreateFeedbackInput = z.input<typeof createFeedbackInput>;

export const updateFeedbackInput = z.strictObject({
  kind: feedbackFields.kind.optional(),
  source: feedbackFields.source.optional(),
  severity: feedbackFields.severity.optional(),
  description: feedbackFields.description.optional(),
  ownerId: feedbackFields.ownerId.optional(),
  contactId: feedbackFields.contactId.optional(),
  openedAt: feedbackFields.openedAt.optional(),
});
export type UpdateFeedbackInput = z.input<typeof updateFeedbackInput>;

export const moveFeedbackInput = z.strictObject({
  status: z.enum(feedbackStatuses),
  resolution: optionalText(20_000),
  rootCause: z.enum(rootCauses).nullish(),
});
export type MoveFeedbackInput = z.input<typeof moveFeedbackInput>;

export const feedbackSortKeys = ['openedAt', 'severity'] as const;
export const listFeedbackQuery = listQuerySchema(feedbackSortKeys, '-openedAt').extend({
  accountId: z.uuid().optional(),
  kind: z.enum(feedbackKinds).optional(),
  status: z.enum(feedbackStatuses).optional(),
  severity: z.enum(feedbackSeverities).optional(),
  /** A member's id, or `me`. */
  ownerId: z.union([z.uuid(), z.literal('me')]).optional(),
});
export type ListFeedbackQuery = z.input<typeof listFeedbackQuery>;

const npsScore = z.number().int().min(0).max(10);
const csatScore = z.number().int().min(1).max(5);

export const createSurveyResultInput = z.strictObject({
  accountId: z.uuid(),
  contactId: z.uuid().nullable().default(null),
  surveyedOn: isoDateSchema,
  /** 0–10; at least one of NPS and CSAT. */
  nps: npsScore.nullable().default(null),
  /** 1–5. */
  csat: csatScore.nullable().default(null),
  comment: optionalText(5_000),
});
export type CreateSurveyResultInput = z.input<typeof createSurveyResultInput>;

/** A correction of an answer: any of its fields but the account; the scores stay in their ranges. */
export const updateSurveyResultInput = z
  .strictObject({
    contactId: z.uuid().nullable(),
    surveyedOn: isoDateSchema,
    nps: npsScore.nullable(),
    csat: csatScore.nullable(),
    comment: optionalText(5_000),
  })
  .partial();
export type UpdateSurveyResultInput = z.input<typeof updateSurveyResultInput>;

export const markLostInput = z.strictObject({
  lostOn: isoDateSchema,
  reason: z.enum(lossReasons),
  story: z.string().trim().min(1).max(20_000),
});
export type MarkLostInput = z.input<typeof markLostInput>;

export const lossAnalysisQuery = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    params: { text: clientCareMessages.rangeOrder },
  });
export type LossAnalysisQuery = z.input<typeof lossAnalysisQuery>;

const tierFields = {
  name: z.string().trim().min(1).max(100),
  /** The higher, the better: an account gets the highest-ranked tier it qualifies for. */
  rank: z.number().int().min(1).max(100),
  minTenureMonths: z.number().int().min(0).max(1200),
  /** Whole units of the workspace's base currency. */
  minRevenue12m: z.number().int().min(0).max(1e15),
  minProjects: z.number().int().min(0).max(10_000),
  /** Hundredths of a percent: 500 = 5 %, offered as the default line discount on new estimates. */
  discount: z.number().int().min(0).max(10_000),
  priority: z.boolean(),
};
export const createLoyaltyTierInput = z.strictObject({
  ...tierFields,
  minTenureMonths: tierFields.minTenureMonths.default(0),
  minRevenue12m: tierFields.minRevenue12m.default(0),
  minProjects: tierFields.minProjects.default(0),
  discount: tierFields.discount.default(0),
  priority: tierFields.priority.default(false),
});
export type CreateLoyaltyTierInput = z.input<typeof createLoyaltyTierInput>;
export const updateLoyaltyTierInput = z.strictObject(tierFields).partial();
export type UpdateLoyaltyTierInput = z.input<typeof updateLoyaltyTierInput>;
