import { bigint, boolean, date, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';

/**
 * A complaint, conflict, praise or review/inspection from a client: who raised it, how severe,
 * whose it is, and how it ended (resolution and root cause, required to resolve).
 */
export const clientFeedback = pgTable(
  'client_feedback',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    /**
     * The client's person who raised it, when known. NOTE: its foreign key is in the custom
     * migration: `on delete set null (contact_id)` keeps the case when the contact goes, which
     * drizzle cannot say for a composite key.
     */
    contactId: uuid(),
    kind: text().notNull(),
    source: text().notNull(),
    severity: text(),
    description: text().notNull(),
    ownerId: uuid().notNull(),
    status: text().notNull(),
    resolution: text(),
    rootCause: text(),
    openedAt: timestamptz().notNull(),
    closedAt: timestamptz(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'client_feedback_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.ownerId], foreignColumns: [users.id] }),
    foreignKey({ columns: [table.createdBy], foreignColumns: [users.id] }),
    index('client_feedback_account_idx').on(table.workspaceId, table.accountId, table.openedAt),
    index('client_feedback_status_idx').on(table.workspaceId, table.status, table.openedAt),
  ],
);

/** One answer to an NPS or CSAT survey: a contact's (or the account's) score on a date. */
export const surveyResults = pgTable(
  'survey_results',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    /** Who answered, when known (foreign key in the custom migration, as for `client_feedback`). */
    contactId: uuid(),
    surveyedOn: date().notNull(),
    /** 0–10: 9–10 promoters, 0–6 detractors. */
    nps: integer(),
    /** 1–5. */
    csat: integer(),
    comment: text(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'survey_results_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.createdBy], foreignColumns: [users.id] }),
    index('survey_results_account_idx').on(table.workspaceId, table.accountId, table.surveyedOn),
  ],
);

/**
 * An account marked lost: when, why and the story. One row per account; undoing the loss deletes
 * it (the audit log keeps it) and gives the account back the status it had.
 */
export const accountLosses = pgTable(
  'account_losses',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    lostOn: date().notNull(),
    reason: text().notNull(),
    story: text().notNull(),
    previousStatus: text().notNull(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('account_losses_account_key').on(table.workspaceId, table.accountId),
    foreignKey({
      name: 'account_losses_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [table.createdBy], foreignColumns: [users.id] }),
    index('account_losses_lost_on_idx').on(table.workspaceId, table.lostOn),
  ],
);

/**
 * A tier of the workspace's loyalty programme: what an account must reach (tenure, twelve months'
 * revenue in whole units of the base currency, number of projects) and what it gets (a discount in
 * hundredths of a percent, offered on new estimates, and priority). The best tier met is the
 * highest `rank`.
 */
export const loyaltyTiers = pgTable(
  'loyalty_tiers',
  {
    ...tenantColumns(),
    name: text().notNull(),
    rank: integer().notNull(),
    minTenureMonths: integer().notNull().default(0),
    minRevenue12m: bigint({ mode: 'number' }).notNull().default(0),
    minProjects: integer().notNull().default(0),
    discount: integer().notNull().default(0),
    priority: boolean().notNull().default(false),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('loyalty_tiers_name_key').on(table.workspaceId, table.name),
    unique('loyalty_tiers_rank_key').on(table.workspaceId, table.rank),
  ],
);
