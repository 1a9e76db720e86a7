import { foreignKey, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { newId, tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { users } from '../users';
import { workspaces } from '../workspaces';

/** Browser sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    tokenHash: text().notNull(),
    csrfToken: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: 'set null' }),
    userAgent: text(),
    ip: text(),
    createdAt: timestamptz().notNull().defaultNow(),
    lastSeenAt: timestamptz().notNull().defaultNow(),
    expiresAt: timestamptz().notNull(),
  },
  (table) => [uniqueIndex('sessions_token_hash_key').on(table.tokenHash), index('sessions_user_idx').on(table.userId)],
);

/** Bearer tokens for scripts and the CLI, each bound to one workspace and one user. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    ...tenantColumns(),
    userId: uuid().notNull(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    tokenPrefix: text().notNull(),
    lastUsedAt: timestamptz(),
    expiresAt: timestamptz(),
    revokedAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    uniqueIndex('api_tokens_token_hash_key').on(table.tokenHash),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete('cascade'),
  ],
);

/** Failed sign-ins, counted per e-mail and per address to rate-limit guessing. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid().primaryKey().$defaultFn(newId),
    email: text().notNull(),
    ip: text().notNull(),
    at: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    index('login_failures_email_idx').on(table.email, table.at),
    index('login_failures_ip_idx').on(table.ip, table.at),
  ],
);
