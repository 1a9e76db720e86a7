import { z } from 'zod';
import { maxMinorUnits } from '../../analytics/money/money';
import { actionStatuses, completenessGrades } from '../../analytics/plans/completeness';
import { listQuerySchema } from '../../platform/list-query';
import { currencySchema, isoDateSchema, optionalText } from '../../platform/schemas';
import { planMessages } from './messages';

// NOTE: pure zod shared with the web app (decision 0004). A plan's content is saved whole: the
// sections' Markdown, competitors, objectives and their actions; rows keep their ids across saves
// so versions compare item by item (docs/decisions/0017-account-plans.md).

export { type ActionStatus, actionStatuses, type CompletenessGrade, completenessGrades } from '../../analytics/plans';

export const planStatuses = ['draft', 'in_review', 'approved'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const threatLevels = ['low', 'medium', 'high'] as const;
export type ThreatLevel = (typeof threatLevels)[number];

const percent = (text: typeof planMessages.progress) =>
  z
    .number()
    .int()
    .refine((value) => value >= 0 && value <= 100, { params: { text } });
/** A metric value: finite, within what a double holds exactly as an integer. */
const metricValue = z.number().min(-1e15).max(1e15).nullable();
const title = z.string().trim().min(1).max(500);

export const createPlanInput = z
  .strictObject({
    accountId: z.uuid(),
    /** Defaults to the calendar year of today. */
    periodStart: isoDateSchema.optional(),
    periodEnd: isoDateSchema.optional(),
  })
  .refine((value) => !value.periodStart || !value.periodEnd || value.periodEnd >= value.periodStart, {
    path: ['periodEnd'],
    params: { text: planMessages.periodOrder },
  });
export type CreatePlanInput = z.input<typeof createPlanInput>;

export const planActionInput = z.strictObject({
  id: z.uuid().optional(),
  title,
  ownerId: z.uuid().nullable().default(null),
  dueOn: isoDateSchema.nullable().default(null),
  status: z.enum(actionStatuses).default('planned'),
  progress: percent(planMessages.progress).default(0),
});
export type PlanActionInput = z.input<typeof planActionInput>;

export const planObjectiveInput = z
  .strictObject({
    id: z.uuid().optional(),
    title,
    /** A metric key of the KPI catalogue; or else `metricName` as free text. */
    metricKey: z.string().trim().min(1).max(60).nullable().default(null),
    metricName: optionalText(200),
    baseline: metricValue.default(null),
    target: metricValue.default(null),
    /** A revenue target in exact minor units, with its currency (plan vs forecast vs actual). */
    targetMinor: z.number().int().min(0).max(maxMinorUnits).nullable().default(null),
    targetCurrency: currencySchema.nullable().default(null),
    periodFrom: isoDateSchema.nullable().default(null),
    periodTo: isoDateSchema.nullable().default(null),
    dueOn: isoDateSchema.nullable().default(null),
    actions: z.array(planActionInput).max(100).default([]),
  })
  .refine((value) => !value.periodFrom || !value.periodTo || value.periodTo >= value.periodFrom, {
    path: ['periodTo'],
    params: { text: planMessages.periodOrder },
  })
  .refine((value) => (value.targetMinor === null) === (value.targetCurrency === null), {
    path: ['targetCurrency'],
    params: { text: planMessages.targetCurrency },
  });
export type PlanObjectiveInput = z.input<typeof planObjectiveInput>;

export const planCompetitorInput = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  shareOfWallet: percent(planMessages.shareOfWallet).nullable().default(null),
  strengths: optionalText(5000),
  weaknesses: optionalText(5000),
  threat: z.enum(threatLevels).default('medium'),
});
export type PlanCompetitorInput = z.input<typeof planCompetitorInput>;

export const savePlanInput = z.strictObject({
  sections: z.array(z.strictObject({ sectionId: z.uuid(), body: z.string().max(50_000) })).max(100),
  competitors: z.array(planCompetitorInput).max(50),
  objectives: z.array(planObjectiveInput).max(50),
});
export type SavePlanInput = z.input<typeof savePlanInput>;

export const returnPlanInput = z.strictObject({ comment: z.string().trim().min(1).max(4000) });
export type ReturnPlanInput = z.input<typeof returnPlanInput>;

export const listPlansQuery = listQuerySchema(['periodStart', 'updatedAt'], '-periodStart').extend({
  accountId: z.uuid().optional(),
  status: z.enum(planStatuses).optional(),
  /** Plans whose period starts in this calendar year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Plans of the accounts this member owns. */
  ownerId: z.uuid().optional(),
  /** Plans whose completeness today has this grade. */
  grade: z.enum(completenessGrades).optional(),
});
export type ListPlansQuery = z.input<typeof listPlansQuery>;

export const compareVersionsQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export type CompareVersionsQuery = z.input<typeof compareVersionsQuery>;

const sectionTitle = z.string().trim().min(1).max(200);
export const createTemplateSectionInput = z.strictObject({ titleEn: sectionTitle, titleRu: sectionTitle });
export type CreateTemplateSectionInput = z.input<typeof createTemplateSectionInput>;

export const updateTemplateSectionInput = z
  .strictObject({ titleEn: sectionTitle, titleRu: sectionTitle, retired: z.boolean() })
  .partial();
export type UpdateTemplateSectionInput = z.input<typeof updateTemplateSectionInput>;

export const reorderTemplateInput = z.strictObject({ sectionIds: z.array(z.uuid()).min(1).max(100) });
export type ReorderTemplateInput = z.input<typeof reorderTemplateInput>;
