import { z } from 'zod';
import { isoDateSchema, optionalText } from '../../platform/schemas';
import { deliveryMessages } from './messages';
import { reportChecks, reportFrequencies } from './report-rules';
import { briefFieldTypes, requestSources, requestStatuses } from './request-rules';

// NOTE: pure zod for requests, briefs and client reports, shared with the web app (decision 0004).

export type { ReportCheck, ReportFrequency, ReportStatus } from './report-rules';
export { reportChecks, reportFrequencies, reportStatuses } from './report-rules';
export type {
  BriefAnswer,
  BriefField,
  BriefFieldType,
  MoneyAnswer,
  RequestSource,
  RequestStatus,
} from './request-rules';
export { briefFieldTypes, nextRequestStatuses, requestSources, requestStatuses } from './request-rules';

const title = z.string().trim().min(1).max(300);
const links = z
  .array(z.url({ protocol: /^https?$/ }).max(2000))
  .max(50)
  .default([]);

const briefField = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(200),
  type: z.enum(briefFieldTypes),
  required: z.boolean().default(false),
});
const briefTemplateName = z.string().trim().min(1).max(200);
const briefTemplateFields = z
  .array(briefField)
  .min(1)
  .max(40)
  .refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, {
    params: { text: deliveryMessages.duplicateBriefKey },
  });
export const createBriefTemplateInput = z.strictObject({ name: briefTemplateName, fields: briefTemplateFields });
export type CreateBriefTemplateInput = z.input<typeof createBriefTemplateInput>;
/** A change of a template: briefs already answered keep the fields they were answered with. */
export const updateBriefTemplateInput = z.strictObject({
  name: briefTemplateName.optional(),
  fields: briefTemplateFields.optional(),
  /** Retired templates are not offered for new briefs. */
  retired: z.boolean().optional(),
});
export type UpdateBriefTemplateInput = z.input<typeof updateBriefTemplateInput>;
export const listBriefTemplatesQuery = z.object({
  includeRetired: z.enum(['true', 'false']).optional(),
});
export type ListBriefTemplatesQuery = z.input<typeof listBriefTemplatesQuery>;

export const createRequestInput = z.strictObject({
  accountId: z.uuid(),
  projectId: z.uuid().nullable().default(null),
  title,
  description: optionalText(20_000),
  source: z.enum(requestSources),
  /** The day the client asked; today when absent. */
  receivedOn: isoDateSchema.optional(),
});
export type CreateRequestInput = z.input<typeof createRequestInput>;
export const updateRequestInput = z
  .strictObject({
    title,
    description: optionalText(20_000),
    source: z.enum(requestSources),
    projectId: z.uuid().nullable(),
  })
  .partial();
export type UpdateRequestInput = z.input<typeof updateRequestInput>;

export const moveRequestInput = z.strictObject({
  status: z.enum(requestStatuses),
  /** Why it was declined (required then) or what is being clarified. */
  comment: optionalText(5000),
  /** On acceptance: start a project for the request's account and link the request to it. */
  project: z.strictObject({ projectTypeId: z.uuid(), name: title.optional() }).optional(),
});
export type MoveRequestInput = z.input<typeof moveRequestInput>;

export const fillBriefInput = z.strictObject({
  /** The template to use; kept from before when absent. */
  templateId: z.uuid().optional(),
  answers: z.record(z.string(), z.unknown()),
});
export type FillBriefInput = z.input<typeof fillBriefInput>;

export const listRequestsQuery = z.object({
  accountId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  status: z.enum(requestStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListRequestsQuery = z.input<typeof listRequestsQuery>;

export const putReportScheduleInput = z.strictObject({
  frequency: z.enum(reportFrequencies),
  dayOfMonth: z.number().int().min(1).max(28),
});
export type PutReportScheduleInput = z.input<typeof putReportScheduleInput>;

const figure = z.strictObject({
  label: z.string().trim().min(1).max(200),
  /** Exact decimal text, as figures come from the sources (leads, conversions, cost per lead). */
  value: z
    .string()
    .trim()
    .regex(/^-?\d{1,15}(\.\d{1,6})?$/),
  channel: optionalText(200),
});
export const createReportInput = z
  .strictObject({
    accountId: z.uuid(),
    projectId: z.uuid().nullable().default(null),
    title,
    /** The period and due day; the account's next scheduled report when absent. */
    periodStart: isoDateSchema.optional(),
    periodEnd: isoDateSchema.optional(),
    dueOn: isoDateSchema.optional(),
    preparedBy: z.uuid().nullable().default(null),
  })
  .refine((report) => !report.periodStart || !report.periodEnd || report.periodEnd >= report.periodStart, {
    path: ['periodEnd'],
    params: { text: deliveryMessages.periodOrder },
  });
export type CreateReportInput = z.input<typeof createReportInput>;
export const updateReportInput = z
  .strictObject({
    title,
    figures: z.array(figure).max(200),
    links,
    body: optionalText(50_000),
    preparedBy: z.uuid().nullable(),
  })
  .partial();
export type UpdateReportInput = z.input<typeof updateReportInput>;
export const reviewReportInput = z.strictObject(
  Object.fromEntries(reportChecks.map((check) => [check, z.boolean()])) as Record<
    (typeof reportChecks)[number],
    z.ZodBoolean
  >,
);
export type ReviewReportInput = z.input<typeof reviewReportInput>;
export const listReportsQuery = z.object({
  accountId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  /** Only late (past due, not sent) or unreviewed reports. */
  flagged: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListReportsQuery = z.input<typeof listReportsQuery>;
