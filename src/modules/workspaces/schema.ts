import { sql } from 'drizzle-orm';
import { foreignKey, integer, pgPolicy, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { appRole, newId, tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { users } from '../users';

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    name: text().notNull(),
    defaultCurrency: text().notNull().default('RUB'),
    locale: text().notNull().default('ru'),
    timeZone: text().notNull().default('Europe/Moscow'),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  () => [
    pgPolicy('current_workspace', {
      for: 'all',
      to: appRole,
      using: sql`id = accord_current_workspace()`,
      withCheck: sql`id = accord_current_workspace()`,
    }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    ...tenantColumns(),
    userId: uuid().notNull(),
    role: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('memberships_user_key').on(table.workspaceId, table.userId),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete('cascade'),
  ],
);
