import { z } from '@hono/zod-openapi';
import { feedbackKinds, feedbackSeverities, feedbackSources, feedbackStatuses, lossReasons, rootCauses } from './rules';

// NOTE: the answers of the client-care routes, as OpenAPI documents them.

const Ref = z.object({ id: z.uuid(), name: z.string() });
const Instant = z.string().meta({ description: 'ISO 8601 instant' });
const CalendarDate = z.string().meta({ description: 'ISO 8601 date' });

export const FeedbackSchema = z
  .object({
    id: z.uuid(),
    account: Ref,
    contact: Ref.nullable(),
    kind: z.enum(feedbackKinds),
    source: z.enum(feedbackSources),
    severity: z.enum(feedbackSeverities).nullable(),
    description: z.string(),
    owner: Ref,
    status: z.enum(feedbackStatuses),
    nextStatuses: z.array(z.enum(feedbackStatuses)),
    resolution: z.string().nullable(),
    rootCause: z.enum(rootCauses).nullable(),
    openedAt: Instant,
    closedAt: Instant.nullable(),
    hoursToResolve: z.number().nullable().meta({ description: 'Hours from opening to closing; null while open' }),
    version: z.number().int(),
  })
  .meta({ id: 'ClientFeedback' });

export const SurveyResultSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    contact: Ref.nullable(),
    surveyedOn: CalendarDate,
    nps: z.number().int().nullable(),
    csat: z.number().int().nullable(),
    comment: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'SurveyResult' });

export const AccountSurveysSchema = z
  .object({
    items: z.array(SurveyResultSchema),
    summary: z.object({
      nps: z.number().int().nullable().meta({ description: 'Promoters − detractors in %, −100…100' }),
      npsAnswers: z.number().int(),
      csatMean: z.number().nullable().meta({ description: 'Mean of the 1–5 scores' }),
      csatSatisfiedPercent: z.number().int().nullable().meta({ description: 'Share of 4 and 5, as kpis keeps CSAT' }),
      csatAnswers: z.number().int(),
    }),
  })
  .meta({ id: 'AccountSurveys' });

export const AccountLossSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    lostOn: CalendarDate,
    reason: z.enum(lossReasons),
    story: z.string(),
    previousStatus: z.string(),
    createdAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'AccountLoss' });

const Amounts = z
  .array(z.object({ currency: z.string(), amountMinor: z.number().int() }))
  .nullable()
  .meta({ description: 'Invoiced in the 12 months before the loss, per currency; null without finance access' });

export const LossAnalysisSchema = z
  .object({
    losses: z.array(AccountLossSchema.extend({ accountName: z.string(), revenue12Months: Amounts })),
    byReason: z.array(z.object({ reason: z.enum(lossReasons), count: z.number().int(), revenue12Months: Amounts })),
    byMonth: z.array(z.object({ month: z.string().meta({ description: 'YYYY-MM' }), count: z.number().int() })),
  })
  .meta({ id: 'LossAnalysis' });

export const LoyaltyTierSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    rank: z.number().int(),
    minTenureMonths: z.number().int(),
    minRevenue12m: z.number().int().meta({ description: 'Whole units of the base currency' }),
    minProjects: z.number().int(),
    discount: z.number().int().meta({ description: 'Hundredths of a percent' }),
    priority: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'LoyaltyTier' });

export const AccountLoyaltySchema = z
  .object({
    tier: LoyaltyTierSchema.nullable(),
    facts: z.object({
      tenureMonths: z.number().int(),
      projects: z.number().int(),
      revenue12m: z.number().int().nullable().meta({ description: 'Null without finance access' }),
    }),
  })
  .meta({ id: 'AccountLoyalty' });
