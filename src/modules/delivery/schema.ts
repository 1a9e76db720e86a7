import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';
import { workspaces } from '../workspaces';

// NOTE: money is a bigint of minor units with its ISO currency (decision 0014); hours of work are
// kept as whole minutes so sums stay exact.
const minorUnits = () => bigint({ mode: 'number' });

/** The workspace's delivery settings: how long an assignee has to accept a task. */
export const deliverySettings = pgTable(
  'delivery_settings',
  {
    ...tenantColumns(),
    acceptanceHours: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('delivery_settings_workspace_key').on(table.workspaceId),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/** The workspace's departments (design, development, SEO…). */
export const departments = pgTable(
  'departments',
  {
    ...tenantColumns(),
    name: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('departments_name_key').on(table.workspaceId, table.name),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/** A member's place in delivery: their department (at most one) and weekly capacity. */
export const deliveryMembers = pgTable(
  'delivery_members',
  {
    ...tenantColumns(),
    userId: uuid().notNull(),
    departmentId: uuid(),
    weeklyCapacityHours: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('delivery_members_user_key').on(table.workspaceId, table.userId),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    foreignKey({
      name: 'delivery_members_department_fk',
      columns: [table.workspaceId, table.departmentId],
      foreignColumns: [departments.workspaceId, departments.id],
    }),
    index('delivery_members_department_idx').on(table.workspaceId, table.departmentId),
  ],
);

/** Kinds of project, each with its ordered list of stages. */
export const projectTypes = pgTable(
  'project_types',
  {
    ...tenantColumns(),
    name: text().notNull(),
    stages: text().array().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('project_types_name_key').on(table.workspaceId, table.name),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/** A piece of work for an account: its type, current stage, owner, dates and budget. */
export const projects = pgTable(
  'projects',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    projectTypeId: uuid().notNull(),
    name: text().notNull(),
    stage: text().notNull(),
    ownerId: uuid().notNull(),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    budgetMinor: minorUnits(),
    currency: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'projects_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'projects_type_fk',
      columns: [table.workspaceId, table.projectTypeId],
      foreignColumns: [projectTypes.workspaceId, projectTypes.id],
    }),
    foreignKey({ columns: [table.ownerId], foreignColumns: [users.id] }),
    index('projects_account_idx').on(table.workspaceId, table.accountId),
    index('projects_owner_idx').on(table.workspaceId, table.ownerId),
    check('projects_period_check', sql`ends_on is null or starts_on is null or ends_on >= starts_on`),
  ],
);

/**
 * A task handed to a specialist or a department. The assignee accepts (or declines with a reason)
 * within the workspace's acceptance window; status moves to do → in progress → in review → done.
 */
export const tasks = pgTable(
  'tasks',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    title: text().notNull(),
    description: text(),
    links: text().array().notNull().default(sql`'{}'::text[]`),
    dueAt: timestamptz(),
    estimateMinutes: integer().notNull().default(0),
    priority: text().notNull(),
    assigneeId: uuid(),
    departmentId: uuid(),
    assignedAt: timestamptz().notNull(),
    acceptance: text().notNull(),
    acceptedAt: timestamptz(),
    declineReason: text(),
    status: text().notNull(),
    doneAt: timestamptz(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'tasks_project_fk',
      columns: [table.workspaceId, table.projectId],
      foreignColumns: [projects.workspaceId, projects.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'tasks_department_fk',
      columns: [table.workspaceId, table.departmentId],
      foreignColumns: [departments.workspaceId, departments.id],
    }),
    foreignKey({ columns: [table.assigneeId], foreignColumns: [users.id] }),
    index('tasks_project_idx').on(table.workspaceId, table.projectId),
    index('tasks_status_idx').on(table.workspaceId, table.status, table.dueAt),
    index('tasks_assignee_idx').on(table.workspaceId, table.assigneeId, table.dueAt),
    index('tasks_department_idx').on(table.workspaceId, table.departmentId, table.dueAt),
    // The board's done column: tasks finished lately, latest first.
    index('tasks_recent_done_idx').on(table.workspaceId, table.doneAt).where(sql`status = 'done'`),
    check('tasks_assignee_check', sql`assignee_id is not null or department_id is not null`),
    check('tasks_estimate_check', sql`estimate_minutes >= 0`),
  ],
);

/** Comments on a task. */
export const taskComments = pgTable(
  'task_comments',
  {
    ...tenantColumns(),
    taskId: uuid().notNull(),
    authorId: uuid().notNull(),
    body: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'task_comments_task_fk',
      columns: [table.workspaceId, table.taskId],
      foreignColumns: [tasks.workspaceId, tasks.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.authorId], foreignColumns: [users.id] }),
    index('task_comments_task_idx').on(table.workspaceId, table.taskId, table.createdAt),
  ],
);

/** The workspace's price list of services, offered on estimate lines. */
export const priceListItems = pgTable(
  'price_list_items',
  {
    ...tenantColumns(),
    name: text().notNull(),
    unit: text(),
    unitPriceMinor: minorUnits().notNull(),
    currency: text().notNull(),
    vatRate: integer(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('price_list_items_name_key').on(table.workspaceId, table.name),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/**
 * One version of a project's estimate (смета). Versions of the same estimate share `series_id`;
 * editing a sent version creates the next one and the sent one becomes `superseded`.
 */
export const estimates = pgTable(
  'estimates',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    seriesId: uuid().notNull(),
    versionNumber: integer().notNull(),
    title: text().notNull(),
    status: text().notNull(),
    currency: text().notNull(),
    vatMode: text().notNull(),
    netMinor: minorUnits().notNull().default(0),
    vatMinor: minorUnits().notNull().default(0),
    grossMinor: minorUnits().notNull().default(0),
    sentAt: timestamptz(),
    decidedAt: timestamptz(),
    decisionComment: text(),
    invoiceId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('estimates_version_key').on(table.workspaceId, table.seriesId, table.versionNumber),
    foreignKey({
      name: 'estimates_project_fk',
      columns: [table.workspaceId, table.projectId],
      foreignColumns: [projects.workspaceId, projects.id],
    }).onDelete('cascade'),
    index('estimates_project_idx').on(table.workspaceId, table.projectId),
  ],
);

/** Lines of an estimate version with their rounded amounts (VAT per line, decision 0014). */
export const estimateLines = pgTable(
  'estimate_lines',
  {
    ...tenantColumns(),
    estimateId: uuid().notNull(),
    position: integer().notNull(),
    priceListItemId: uuid(),
    description: text().notNull(),
    unit: text(),
    quantityMilli: bigint({ mode: 'number' }).notNull(),
    unitPriceMinor: minorUnits().notNull(),
    /** Hundredths of a percent: 1000 = 10 %. */
    discount: integer().notNull().default(0),
    vatRate: integer(),
    netMinor: minorUnits().notNull(),
    vatMinor: minorUnits().notNull(),
    grossMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'estimate_lines_estimate_fk',
      columns: [table.workspaceId, table.estimateId],
      foreignColumns: [estimates.workspaceId, estimates.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'estimate_lines_price_fk',
      columns: [table.workspaceId, table.priceListItemId],
      foreignColumns: [priceListItems.workspaceId, priceListItems.id],
    }),
    index('estimate_lines_estimate_idx').on(table.workspaceId, table.estimateId, table.position),
  ],
);
export * from './client-work-schema';
