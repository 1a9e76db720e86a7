import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';

// NOTE: rows are written by the `accord_audit` trigger on every audited table, in the same
// transaction as the change; the app role may read and insert but never update or delete.
export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: uuid().notNull(),
    id: uuid().notNull().default(sql`accord_uuid_v7()`),
    at: timestamptz().notNull().defaultNow(),
    actorUserId: uuid(),
    requestId: text(),
    entity: text().notNull(),
    entityId: uuid().notNull(),
    action: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    index('audit_log_entity_idx').on(table.workspaceId, table.entity, table.entityId, table.at),
    index('audit_log_at_idx').on(table.workspaceId, table.at),
  ],
);
