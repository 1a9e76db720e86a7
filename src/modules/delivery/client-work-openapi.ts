import { z } from '@hono/zod-openapi';
import { reportFrequencies, reportStatuses } from './report-rules';
import { briefFieldTypes, requestSources, requestStatuses } from './request-rules';

// NOTE: response bodies of requests, briefs and client reports, named in the OpenAPI document.

const Ref = z.object({ id: z.uuid(), name: z.string() });
const IsoDate = z.string().meta({ description: 'YYYY-MM-DD' });
const Instant = z.string().meta({ description: 'ISO 8601 instant' });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const BriefFieldSchema = z
  .object({ key: z.string(), label: z.string(), type: z.enum(briefFieldTypes), required: z.boolean() })
  .meta({ id: 'BriefField' });
export const BriefTemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fields: z.array(BriefFieldSchema),
    retired: z.boolean().meta({ description: 'Not offered for new briefs' }),
    version: z.number().int(),
  })
  .meta({ id: 'BriefTemplate' });
export const BriefTemplateListSchema = items(BriefTemplateSchema).meta({ id: 'BriefTemplateList' });

const BriefAnswerSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.object({ amountMinor: z.number().int(), currency: z.string() }),
]);

export const ClientRequestSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    account: Ref,
    project: Ref.nullable(),
    title: z.string(),
    description: z.string().nullable(),
    source: z.enum(requestSources),
    status: z.enum(requestStatuses),
    nextStatuses: z.array(z.enum(requestStatuses)),
    receivedOn: IsoDate,
    statusComment: z.string().nullable(),
    brief: z
      .object({
        templateId: z.uuid(),
        fields: z.array(BriefFieldSchema),
        answers: z
          .record(z.string(), BriefAnswerSchema)
          .meta({ description: 'Money answers are left out for specialists' }),
      })
      .nullable(),
    createdBy: Ref,
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'ClientRequest' });
export const ClientRequestListSchema = items(ClientRequestSchema).meta({ id: 'ClientRequestList' });

const ReportDueSchema = z.object({ periodStart: IsoDate, periodEnd: IsoDate, dueOn: IsoDate });
export const ReportScheduleSchema = z
  .object({
    accountId: z.uuid(),
    frequency: z.enum(reportFrequencies),
    dayOfMonth: z.number().int(),
    next: ReportDueSchema,
  })
  .meta({ id: 'ReportSchedule' });
export const ReportScheduleOrNoneSchema = z
  .object({ schedule: ReportScheduleSchema.nullable() })
  .meta({ id: 'ReportScheduleOrNone' });

export const ClientReportSchema = z
  .object({
    id: z.uuid(),
    account: Ref,
    project: Ref.nullable(),
    title: z.string(),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    dueOn: IsoDate,
    preparedBy: Ref.nullable(),
    status: z.enum(reportStatuses),
    figures: z.array(z.object({ label: z.string(), value: z.string(), channel: z.string().nullable() })),
    links: z.array(z.string()),
    body: z.string().nullable(),
    checklist: z.object({
      typos: z.boolean(),
      figures: z.boolean(),
      clientEyes: z.boolean(),
      highlights: z.boolean(),
    }),
    reviewedBy: Ref.nullable(),
    reviewedAt: Instant.nullable(),
    sentAt: Instant.nullable(),
    late: z.boolean().meta({ description: 'Past its due day and not sent' }),
    unreviewed: z.boolean().meta({ description: 'In review with checks still open' }),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'ClientReport' });
export const ClientReportListSchema = items(ClientReportSchema).meta({ id: 'ClientReportList' });
