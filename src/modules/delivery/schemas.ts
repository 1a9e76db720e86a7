import { z } from 'zod';
import { currencies, maxMinorUnits } from '../../analytics/money/money';
import { isoDateSchema, optionalText } from '../../platform/schemas';
// NOTE: the finance schemas are pure zod like these (decision 0004); sharing the date and VAT
// mode definitions keeps one meaning of an ISO date and of «в т.ч. НДС» across the two modules.
import { vatModes } from '../finance/schemas';
import { deliveryMessages } from './messages';
import { acceptanceStates, taskPriorities, taskStatuses } from './task-rules';

// NOTE: pure zod shared with the web app (decision 0004). Money is integers of minor units,
// quantities thousandths, VAT rates and discounts hundredths of a percent (decision 0014).

export type { AcceptanceState, TaskPriority, TaskStatus } from './task-rules';
export { acceptanceStates, taskPriorities, taskStatuses } from './task-rules';
export const estimateStatuses = ['draft', 'sent', 'approved', 'rejected', 'superseded'] as const;
export type EstimateStatus = (typeof estimateStatuses)[number];
export const workloadGroupings = ['specialist', 'department'] as const;
export type WorkloadGrouping = (typeof workloadGroupings)[number];

const name = z.string().trim().min(1).max(200);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => (currencies as readonly string[]).includes(code), {
    params: { text: deliveryMessages.currencyUnsupported },
  })
  .transform((code) => code as (typeof currencies)[number]);
const minor = z
  .number()
  .int()
  .refine((value) => value >= 0 && value <= maxMinorUnits, { params: { text: deliveryMessages.amountRange } });
const vatRate = z.number().int().min(0).max(10_000).nullable();

export const updateDeliverySettingsInput = z.strictObject({
  /** Hours an assignee has to accept or decline a task before it is flagged. */
  acceptanceHours: z.number().int().min(1).max(720),
});
export type UpdateDeliverySettingsInput = z.input<typeof updateDeliverySettingsInput>;

export const createDepartmentInput = z.strictObject({ name });
export type CreateDepartmentInput = z.input<typeof createDepartmentInput>;

export const placeMemberInput = z.strictObject({
  departmentId: z.uuid().nullable(),
  weeklyCapacityHours: z.number().int().min(0).max(168),
});
export type PlaceMemberInput = z.input<typeof placeMemberInput>;

export const createProjectTypeInput = z.strictObject({
  name,
  stages: z
    .array(name)
    .min(1)
    .max(20)
    .refine((stages) => new Set(stages).size === stages.length, {
      params: { text: deliveryMessages.duplicateStage },
    }),
});
export type CreateProjectTypeInput = z.input<typeof createProjectTypeInput>;

export const createPriceListItemInput = z.strictObject({
  name,
  unit: optionalText(50),
  unitPriceMinor: minor,
  currency: currency.default('RUB'),
  vatRate: vatRate.default(2200),
});
export type CreatePriceListItemInput = z.input<typeof createPriceListItemInput>;

const periodInOrder = (value: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const periodIssue = { path: ['endsOn'], params: { text: deliveryMessages.periodOrder } };

const projectFields = {
  name,
  stage: name,
  ownerId: z.uuid(),
  startsOn: isoDateSchema.nullable(),
  endsOn: isoDateSchema.nullable(),
  budgetMinor: minor.nullable(),
};
export const createProjectInput = z
  .strictObject({
    accountId: z.uuid(),
    projectTypeId: z.uuid(),
    ...projectFields,
    stage: projectFields.stage.optional(),
    ownerId: projectFields.ownerId.optional(),
    startsOn: projectFields.startsOn.default(null),
    endsOn: projectFields.endsOn.default(null),
    budgetMinor: projectFields.budgetMinor.default(null),
    currency: currency.default('RUB'),
  })
  .refine(periodInOrder, periodIssue);
export type CreateProjectInput = z.input<typeof createProjectInput>;
export const updateProjectInput = z.strictObject(projectFields).partial().refine(periodInOrder, periodIssue);
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

export const listProjectsQuery = z.object({
  accountId: z.uuid().optional(),
  /** `me` for the actor's own projects. */
  ownerId: z.union([z.uuid(), z.literal('me')]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(500),
});
export type ListProjectsQuery = z.input<typeof listProjectsQuery>;

export const createTaskInput = z
  .strictObject({
    projectId: z.uuid(),
    title: name,
    description: optionalText(20_000),
    dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** Hours in quarters: 1.25 is an hour and a quarter. */
    estimateHours: z.number().min(0).max(1000).multipleOf(0.25).default(0),
    priority: z.enum(taskPriorities).default('normal'),
    assigneeId: z.uuid().nullable().default(null),
    departmentId: z.uuid().nullable().default(null),
    links: z
      .array(z.url({ protocol: /^https?$/ }).max(2000))
      .max(20)
      .default([]),
  })
  .refine((task) => task.assigneeId !== null || task.departmentId !== null, {
    path: ['assigneeId'],
    params: { text: deliveryMessages.assigneeRequired },
  });
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const declineTaskInput = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export type DeclineTaskInput = z.input<typeof declineTaskInput>;
export const moveTaskInput = z.strictObject({ status: z.enum(taskStatuses) });
export type MoveTaskInput = z.input<typeof moveTaskInput>;
export const addCommentInput = z.strictObject({ body: z.string().trim().min(1).max(10_000) });
export type AddCommentInput = z.input<typeof addCommentInput>;

export const boardQuery = z.object({
  accountId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  acceptance: z.enum(acceptanceStates).optional(),
  /** Cards per status column, the most urgent first. */
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type BoardQuery = z.input<typeof boardQuery>;

export const workloadQuery = z.object({
  by: z.enum(workloadGroupings).default('specialist'),
  /** Any day of the first week; the current week when absent. */
  from: isoDateSchema.optional(),
  weeks: z.coerce.number().int().min(1).max(12).default(4),
  departmentId: z.uuid().optional(),
});
export type WorkloadQuery = z.input<typeof workloadQuery>;

export const estimateLineInput = z.strictObject({
  /** A service of the price list; its name, unit, price and VAT rate fill what the line leaves out. */
  priceListItemId: z.uuid().nullable().default(null),
  description: z.string().trim().min(1).max(1000).optional(),
  unit: optionalText(50),
  quantityMilli: z.number().int().min(1).max(1_000_000_000),
  unitPriceMinor: minor.optional(),
  /**
   * Hundredths of a percent off the line: 1000 = 10 %. Left out on a new estimate, it is the
   * account's loyalty discount (decision 0016, client care); elsewhere 0.
   */
  discount: z.number().int().min(0).max(10_000).optional(),
  vatRate: vatRate.optional(),
});
export type EstimateLineInput = z.input<typeof estimateLineInput>;

export const createEstimateInput = z.strictObject({
  projectId: z.uuid(),
  title: name,
  vatMode: z.enum(vatModes).default('included'),
  lines: z.array(estimateLineInput).max(500).default([]),
});
export type CreateEstimateInput = z.input<typeof createEstimateInput>;
export const updateEstimateInput = z
  .strictObject({ title: name, vatMode: z.enum(vatModes), lines: z.array(estimateLineInput).max(500) })
  .partial();
export type UpdateEstimateInput = z.input<typeof updateEstimateInput>;
export const approveEstimateInput = z.strictObject({ comment: optionalText(5000) });
export type ApproveEstimateInput = z.input<typeof approveEstimateInput>;
export const rejectEstimateInput = z.strictObject({ comment: z.string().trim().min(1).max(5000) });
export type RejectEstimateInput = z.input<typeof rejectEstimateInput>;
export const listEstimatesQuery = z.object({ projectId: z.uuid() });
export * from './client-work-schemas';
