import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumn,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PlanSnapshot } from '../../analytics/plans';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';

/**
 * The sections of the workspace's plan template. Defaults carry a `key` (created on first use);
 * retired sections stay on the plans that have them and are left off new ones.
 */
export const planTemplateSections = pgTable(
  'plan_template_sections',
  {
    ...tenantColumns(),
    key: text(),
    titleEn: text().notNull(),
    titleRu: text().notNull(),
    position: integer().notNull(),
    retiredAt: timestamptz(),
  },
  (table) => [...tenantKeyAndPolicy(table), unique('plan_template_sections_key').on(table.workspaceId, table.key)],
);

/** One account's plan for one period (by default a calendar year). */
export const accountPlans = pgTable(
  'account_plans',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    status: text().notNull(),
    /** What the head said when returning the plan for rework. */
    reviewComment: text(),
    submittedAt: timestamptz(),
    decidedAt: timestamptz(),
    decidedById: uuid(),
    /** The previous period's plan this one was started from (yearly review). */
    copiedFromId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('account_plans_period_key').on(table.workspaceId, table.accountId, table.periodStart),
    foreignKey({
      name: 'account_plans_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'account_plans_decided_by_fk', columns: [table.decidedById], foreignColumns: [users.id] }),
    check('account_plans_period_check', sql`period_end >= period_start`),
  ],
);

const planForeignKey = (name: string, table: { workspaceId: PgColumn; planId: PgColumn }) =>
  foreignKey({
    name,
    columns: [table.workspaceId, table.planId],
    foreignColumns: [accountPlans.workspaceId, accountPlans.id],
  }).onDelete('cascade');

/** The text of one template section on one plan, in Markdown. */
export const planSections = pgTable(
  'plan_sections',
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    templateSectionId: uuid().notNull(),
    body: text().notNull().default(''),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    planForeignKey('plan_sections_plan_fk', table),
    foreignKey({
      name: 'plan_sections_template_fk',
      columns: [table.workspaceId, table.templateSectionId],
      foreignColumns: [planTemplateSections.workspaceId, planTemplateSections.id],
    }),
    unique('plan_sections_key').on(table.workspaceId, table.planId, table.templateSectionId),
  ],
);

/** Competitors on the account and their share of the customer's wallet. */
export const planCompetitors = pgTable(
  'plan_competitors',
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    position: integer().notNull(),
    name: text().notNull(),
    /** Percent of the customer's spend in our category, 0–100. */
    shareOfWallet: integer(),
    strengths: text(),
    weaknesses: text(),
    threat: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    planForeignKey('plan_competitors_plan_fk', table),
    index('plan_competitors_plan_idx').on(table.workspaceId, table.planId),
    check('plan_competitors_share_check', sql`share_of_wallet between 0 and 100`),
  ],
);

/** What the plan sets out to achieve; measurable when it names a metric and a target. */
export const planObjectives = pgTable(
  'plan_objectives',
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    /** A metric of the KPI catalogue, or else `metricName` in free text. */
    metricKey: text(),
    metricName: text(),
    baseline: doublePrecision(),
    target: doublePrecision(),
    /** A revenue target in minor units of `targetCurrency`, exact (the plan side of plan vs actual). */
    targetMinor: bigint({ mode: 'number' }),
    targetCurrency: text(),
    periodFrom: date({ mode: 'string' }),
    periodTo: date({ mode: 'string' }),
    dueOn: date({ mode: 'string' }),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    planForeignKey('plan_objectives_plan_fk', table),
    index('plan_objectives_plan_idx').on(table.workspaceId, table.planId),
  ],
);

/** What someone will do for an objective, by when, and how far along it is. */
export const planActions = pgTable(
  'plan_actions',
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    objectiveId: uuid().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    ownerId: uuid(),
    dueOn: date({ mode: 'string' }),
    status: text().notNull(),
    progress: integer().notNull().default(0),
    /** The unfinished action of last period's plan this one carries over. */
    carriedFromId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    planForeignKey('plan_actions_plan_fk', table),
    foreignKey({
      name: 'plan_actions_objective_fk',
      columns: [table.workspaceId, table.objectiveId],
      foreignColumns: [planObjectives.workspaceId, planObjectives.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'plan_actions_owner_fk', columns: [table.ownerId], foreignColumns: [users.id] }),
    index('plan_actions_plan_idx').on(table.workspaceId, table.planId),
    index('plan_actions_due_idx').on(table.workspaceId, table.dueOn),
    check('plan_actions_progress_check', sql`progress between 0 and 100`),
  ],
);

/** Every approved version of a plan, as it was approved; never changed (the app role may not). */
export const planVersions = pgTable(
  'plan_versions',
  {
    ...tenantColumns(),
    planId: uuid().notNull(),
    number: integer().notNull(),
    snapshot: jsonb().$type<PlanSnapshot>().notNull(),
    approvedAt: timestamptz().notNull(),
    approvedById: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    planForeignKey('plan_versions_plan_fk', table),
    foreignKey({ name: 'plan_versions_approved_by_fk', columns: [table.approvedById], foreignColumns: [users.id] }),
    unique('plan_versions_number_key').on(table.workspaceId, table.planId, table.number),
  ],
);
