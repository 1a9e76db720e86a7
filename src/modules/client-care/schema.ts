import { foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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
