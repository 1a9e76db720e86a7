import { z } from '@hono/zod-openapi';
import { pageOf } from '../../platform/http/openapi-schemas';
import { actionStatuses, completenessGrades, planStatuses, threatLevels } from './schemas';

// NOTE: the response bodies of the plans API, named in the OpenAPI document.

const IsoDate = z.string().meta({ description: 'YYYY-MM-DD' });
const AccountRef = z.object({ id: z.uuid(), name: z.string() });

export const TemplateSectionSchema = z
  .object({
    id: z.uuid(),
    key: z.string().nullable().meta({ description: 'Set on the default sections' }),
    titleEn: z.string(),
    titleRu: z.string(),
    position: z.number().int(),
    retired: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanTemplateSection' });
export const TemplateSchema = z.object({ items: z.array(TemplateSectionSchema) }).meta({ id: 'PlanTemplate' });

const summaryShape = {
  id: z.uuid(),
  accountId: z.uuid(),
  account: AccountRef,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  status: z.enum(planStatuses),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const PlanSummarySchema = z.object(summaryShape).meta({ id: 'AccountPlanSummary' });
export const PlanListItemSchema = z
  .object({
    ...summaryShape,
    accountOwner: z.object({ id: z.uuid(), name: z.string() }),
    completeness: z
      .object({ score: z.number().int(), grade: z.enum(completenessGrades) })
      .meta({ description: 'As of today' }),
  })
  .meta({ id: 'AccountPlanListItem' });
export const PlanPageSchema = pageOf(PlanListItemSchema).meta({ id: 'AccountPlanPage' });

const ActionSchema = z.object({
  id: z.uuid(),
  objectiveId: z.uuid(),
  title: z.string(),
  ownerId: z.uuid().nullable(),
  dueOn: IsoDate.nullable(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  carriedFromId: z.uuid().nullable().meta({ description: 'The unfinished action of last period this one carries' }),
});
const ObjectiveSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  metricKey: z.string().nullable(),
  metricName: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  // NOTE: optional because versions approved before money targets existed lack them.
  targetMinor: z.number().int().nullable().optional(),
  targetCurrency: z.string().nullable().optional(),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
  dueOn: IsoDate.nullable(),
  actions: z.array(ActionSchema),
});
const CompetitorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shareOfWallet: z.number().int().nullable(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  threat: z.enum(threatLevels),
});
const SectionSchema = z.object({
  sectionId: z.uuid(),
  titleEn: z.string(),
  titleRu: z.string(),
  retired: z.boolean(),
  body: z.string().meta({ description: 'Markdown' }),
});
const CompletenessSchema = z.object({
  score: z.number().int(),
  grade: z.enum(completenessGrades),
  checks: z.number().int(),
  passed: z.number().int(),
  reasons: z.array(
    z.object({
      kind: z.string(),
      subject: z.string(),
      dueOn: IsoDate.optional(),
      text: z.string().meta({ description: 'In the request’s language' }),
    }),
  ),
});

export const PlanDetailSchema = z
  .object({
    ...summaryShape,
    reviewComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedById: z.uuid().nullable(),
    copiedFromId: z.uuid().nullable(),
    sections: z.array(SectionSchema),
    competitors: z.array(CompetitorSchema),
    objectives: z.array(ObjectiveSchema),
    versions: z.array(z.object({ number: z.number().int(), approvedAt: z.string(), approvedById: z.uuid() })),
    completeness: CompletenessSchema,
    mayEdit: z.boolean(),
  })
  .meta({ id: 'AccountPlan' });

const SnapshotSchema = z.object({
  accountName: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  sections: z.array(z.object({ sectionId: z.uuid(), titleEn: z.string(), titleRu: z.string(), body: z.string() })),
  competitors: z.array(CompetitorSchema),
  objectives: z.array(
    ObjectiveSchema.extend({ actions: z.array(ActionSchema.omit({ objectiveId: true, carriedFromId: true })) }),
  ),
});
export const PlanVersionSchema = z
  .object({ number: z.number().int(), approvedAt: z.string(), approvedById: z.uuid(), snapshot: SnapshotSchema })
  .meta({ id: 'AccountPlanVersion' });

const ItemChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});
export const VersionComparisonSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.object({
      sections: z.array(ItemChangeSchema),
      competitors: z.array(ItemChangeSchema),
      objectives: z.array(ItemChangeSchema),
      actions: z.array(ItemChangeSchema),
    }),
  })
  .meta({ id: 'AccountPlanComparison' });
