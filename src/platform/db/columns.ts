import { sql } from 'drizzle-orm';
import { customType, integer, type PgColumn, pgPolicy, pgRole, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** The role every workspace-scoped transaction runs as; row-level security applies to it. */
export const appRole = pgRole('accord_app').existing();

export const newId = (): string => uuidv7();

const workspaceMatches = sql`workspace_id = accord_current_workspace()`;

/** Timestamps with time zone, read as `Date`. */
export const timestamptz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: 'date' }) : timestamp({ withTimezone: true, mode: 'date' });

/** Columns every tenant table starts with: `(workspace_id, id)` key, times and row version. */
export function tenantColumns() {
  return {
    workspaceId: uuid().notNull(),
    id: uuid().notNull().$defaultFn(newId),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    version: integer().notNull().default(1),
  };
}

/** The row-level security policy every tenant table has: its rows are seen only in their workspace. */
export function workspaceIsolation() {
  return pgPolicy('workspace_isolation', {
    for: 'all',
    to: appRole,
    using: workspaceMatches,
    withCheck: workspaceMatches,
  });
}

/** The primary key and row-level security policy of a tenant table. */
export function tenantKeyAndPolicy(table: { workspaceId: PgColumn; id: PgColumn }) {
  return [primaryKey({ columns: [table.workspaceId, table.id] }), workspaceIsolation()];
}

/** Postgres full-text document, maintained by a generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Text compared and sorted by Unicode collation (Latin and Cyrillic in dictionary order). */
export const naturalText = customType<{ data: string }>({ dataType: () => 'text COLLATE "und-x-icu"' });
