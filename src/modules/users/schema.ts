import { sql } from 'drizzle-orm';
import { integer, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appRole, newId, timestamptz } from '../../platform/db/columns';

// NOTE: users are global (one person, several workspaces); the app role sees only members of
// the current workspace, and never the password hash (column grants in the migration).
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    locale: text().notNull().default('en'),
    disabledAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (table) => [
    uniqueIndex('users_email_key').on(sql`lower(${table.email})`),
    pgPolicy('workspace_members', {
      for: 'select',
      to: appRole,
      using: sql`exists (select 1 from memberships m where m.user_id = ${table.id} and m.workspace_id = accord_current_workspace())`,
    }),
  ],
);
