import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';
import { workspaces } from '../workspaces';
import { projects } from './schema';

// NOTE: the client-facing half of delivery (decision 0016): requests with their briefs and client
// reports. Brief fields and answers, and a report's figures, are JSON because their shape is the
// workspace's template, not the schema's; the pure rules validate them on every write.

/** A brief template: its ordered, typed fields (goal, audience, budget, deadline, references…). */
export const briefTemplates = pgTable(
  'brief_templates',
  {
    ...tenantColumns(),
    name: text().notNull(),
    fields: jsonb().notNull(),
    /** When retired, the template is no longer offered for new briefs; briefs that use it keep it. */
    retiredAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('brief_templates_name_key').on(table.workspaceId, table.name),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/**
 * A request from the client (call, e-mail, messenger, meeting, portal form) with its status and,
 * once a template is chosen, the brief: the template's fields as they were and the client's answers.
 */
export const clientRequests = pgTable(
  'client_requests',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    projectId: uuid(),
    title: text().notNull(),
    description: text(),
    source: text().notNull(),
    status: text().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    statusComment: text(),
    briefTemplateId: uuid(),
    briefFields: jsonb(),
    briefAnswers: jsonb(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'client_requests_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'client_requests_project_fk',
      columns: [table.workspaceId, table.projectId],
      foreignColumns: [projects.workspaceId, projects.id],
    }),
    foreignKey({
      name: 'client_requests_template_fk',
      columns: [table.workspaceId, table.briefTemplateId],
      foreignColumns: [briefTemplates.workspaceId, briefTemplates.id],
    }),
    foreignKey({ columns: [table.createdBy], foreignColumns: [users.id] }),
    index('client_requests_account_idx').on(table.workspaceId, table.accountId, table.receivedOn),
    index('client_requests_project_idx').on(table.workspaceId, table.projectId),
    index('client_requests_status_idx').on(table.workspaceId, table.status, table.receivedOn),
  ],
);

/** When an account's reports are due: monthly or quarterly, on a day of the month. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    frequency: text().notNull(),
    dayOfMonth: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('report_schedules_account_key').on(table.workspaceId, table.accountId),
    check('report_schedules_day_check', sql`day_of_month between 1 and 28`),
    foreignKey({
      name: 'report_schedules_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A report to the client for a period: key figures, links and text, prepared by a specialist and
 * reviewed by the manager with the four-point checklist before it is marked sent.
 */
export const clientReports = pgTable(
  'client_reports',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    projectId: uuid(),
    title: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    preparedBy: uuid(),
    status: text().notNull(),
    figures: jsonb().notNull().default(sql`'[]'::jsonb`),
    links: text().array().notNull().default(sql`'{}'::text[]`),
    body: text(),
    checkTypos: boolean().notNull().default(false),
    checkFigures: boolean().notNull().default(false),
    checkClientEyes: boolean().notNull().default(false),
    checkHighlights: boolean().notNull().default(false),
    reviewedBy: uuid(),
    reviewedAt: timestamptz(),
    sentAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'client_reports_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'client_reports_project_fk',
      columns: [table.workspaceId, table.projectId],
      foreignColumns: [projects.workspaceId, projects.id],
    }),
    foreignKey({ columns: [table.preparedBy], foreignColumns: [users.id] }),
    foreignKey({ columns: [table.reviewedBy], foreignColumns: [users.id] }),
    index('client_reports_account_idx').on(table.workspaceId, table.accountId, table.periodStart),
    index('client_reports_due_idx').on(table.workspaceId, table.status, table.dueOn),
    check('client_reports_period_check', sql`period_end >= period_start`),
  ],
);
