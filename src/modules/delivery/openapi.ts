import { z } from '@hono/zod-openapi';
import { currencies } from '../../analytics/money/money';
import { vatModes } from '../finance/schemas';
import { acceptanceStates, estimateStatuses, taskPriorities, taskStatuses, workloadGroupings } from './schemas';

// NOTE: the response bodies of the delivery API, named in the OpenAPI document. Money is an
// integer of minor units (`…Minor`) with its ISO currency (decision 0014); hours are numbers in
// quarters of an hour.

const Ref = z.object({ id: z.uuid(), name: z.string() });
const IsoDate = z.string().meta({ description: 'YYYY-MM-DD' });
const Instant = z.string().meta({ description: 'ISO 8601 instant' });
const Minor = z.number().int().meta({ description: 'Minor units (kopecks, cents) of the currency' });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const DeliverySettingsSchema = z
  .object({
    acceptanceHours: z.number().int(),
    version: z.number().int().meta({ description: '0 until the settings are first changed' }),
  })
  .meta({ id: 'DeliverySettings' });

export const DepartmentSchema = z
  .object({ id: z.uuid(), name: z.string(), members: z.number().int(), weeklyCapacityHours: z.number().int() })
  .meta({ id: 'Department' });
export const DepartmentListSchema = items(DepartmentSchema).meta({ id: 'DepartmentList' });

export const DeliveryMemberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    role: z.string(),
    departmentId: z.uuid().nullable(),
    weeklyCapacityHours: z.number().int(),
  })
  .meta({ id: 'DeliveryMember' });
export const DeliveryMemberListSchema = items(DeliveryMemberSchema).meta({ id: 'DeliveryMemberList' });

export const ProjectTypeSchema = z
  .object({ id: z.uuid(), name: z.string(), stages: z.array(z.string()) })
  .meta({ id: 'ProjectType' });
export const ProjectTypeListSchema = items(ProjectTypeSchema).meta({ id: 'ProjectTypeList' });

export const PriceListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string().nullable(),
    unitPriceMinor: Minor,
    currency: z.enum(currencies),
    vatRate: z.number().int().nullable(),
  })
  .meta({ id: 'PriceListItem' });
export const PriceListSchema = items(PriceListItemSchema).meta({ id: 'PriceList' });

export const ProjectSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    account: Ref,
    projectTypeId: z.uuid(),
    projectType: ProjectTypeSchema,
    name: z.string(),
    stage: z.string(),
    owner: Ref,
    startsOn: IsoDate.nullable(),
    endsOn: IsoDate.nullable(),
    budgetMinor: Minor.nullable().meta({ description: 'Null for specialists, who see no money' }),
    currency: z.enum(currencies),
    openTasks: z.number().int(),
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Project' });
export const ProjectListSchema = items(ProjectSchema).meta({ id: 'ProjectList' });

const taskShape = {
  id: z.uuid(),
  projectId: z.uuid(),
  project: Ref,
  account: Ref,
  title: z.string(),
  description: z.string().nullable(),
  links: z.array(z.string()),
  dueAt: Instant.nullable(),
  estimateHours: z.number(),
  priority: z.enum(taskPriorities),
  assignee: Ref.nullable(),
  department: Ref.nullable(),
  assignedAt: Instant,
  acceptance: z.enum(acceptanceStates),
  acceptedAt: Instant.nullable(),
  declineReason: z.string().nullable(),
  acceptanceLate: z.boolean().meta({ description: 'Not answered within the acceptance window' }),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  doneAt: Instant.nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const TaskSummarySchema = z.object(taskShape).meta({ id: 'TaskSummary' });
export const TaskSchema = z
  .object({
    ...taskShape,
    comments: z.array(z.object({ id: z.uuid(), author: Ref, body: z.string(), createdAt: Instant })),
  })
  .meta({ id: 'Task' });

export const BoardSchema = z
  .object({
    columns: z.array(
      z.object({ status: z.enum(taskStatuses), total: z.number().int(), tasks: z.array(TaskSummarySchema) }),
    ),
    acceptanceHours: z.number().int(),
    doneWithinDays: z.number().int().meta({ description: 'The done column holds tasks finished within these days' }),
  })
  .meta({ id: 'Board' });

export const WorkloadSchema = z
  .object({
    by: z.enum(workloadGroupings),
    weeks: z.array(IsoDate).meta({ description: 'The Monday of each ISO week' }),
    rows: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        capacityMinutes: z.number().int(),
        cells: z.array(
          z.object({
            weekStart: IsoDate,
            week: z.string().meta({ description: 'ISO week, e.g. 2026-W48' }),
            estimateMinutes: z.number().int(),
            capacityMinutes: z.number().int(),
            tasks: z.number().int(),
            overCapacity: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Workload' });

const estimateShape = {
  id: z.uuid(),
  projectId: z.uuid(),
  project: z.object({ id: z.uuid(), name: z.string(), accountId: z.uuid() }),
  seriesId: z.uuid().meta({ description: 'Shared by every version of the same estimate' }),
  versionNumber: z.number().int(),
  title: z.string(),
  status: z.enum(estimateStatuses),
  currency: z.enum(currencies),
  vatMode: z.enum(vatModes),
  netMinor: Minor,
  vatMinor: Minor,
  grossMinor: Minor,
  sentAt: Instant.nullable(),
  decidedAt: Instant.nullable(),
  decisionComment: z.string().nullable(),
  invoiceId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
};
export const EstimateSummarySchema = z.object(estimateShape).meta({ id: 'EstimateSummary' });
export const EstimateListSchema = items(EstimateSummarySchema).meta({ id: 'EstimateList' });
export const EstimateSchema = z
  .object({
    ...estimateShape,
    vatByRate: z.array(z.object({ rateBasisPoints: z.number().int().nullable(), vatMinor: Minor, grossMinor: Minor })),
    lines: z.array(
      z.object({
        id: z.uuid(),
        position: z.number().int(),
        priceListItemId: z.uuid().nullable(),
        description: z.string(),
        unit: z.string().nullable(),
        quantityMilli: z.number().int(),
        unitPriceMinor: Minor,
        discount: z.number().int().meta({ description: 'Hundredths of a percent' }),
        vatRate: z.number().int().nullable(),
        netMinor: Minor,
        vatMinor: Minor,
        grossMinor: Minor,
      }),
    ),
    versions: z.array(z.object({ id: z.uuid(), versionNumber: z.number().int(), status: z.enum(estimateStatuses) })),
  })
  .meta({ id: 'Estimate' });
