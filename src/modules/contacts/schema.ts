import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { naturalText, tenantColumns, tenantKeyAndPolicy, tsvector } from '../../platform/db/columns';
import { accounts } from '../accounts';
import type { MessengerKind } from './schemas';

export type MessengerHandle = { kind: MessengerKind; handle: string };

// NOTE: the relationship map (buying role, support, influence…) adds its own table keyed by
// contact rather than widening this one.
export const contacts = pgTable(
  'contacts',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    firstName: text().notNull().default(''),
    lastName: text().notNull(),
    patronymic: text(),
    fullName: naturalText()
      .notNull()
      .generatedAlwaysAs(sql`btrim(last_name || ' ' || first_name || ' ' || coalesce(patronymic, ''))`),
    title: text(),
    department: text(),
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    phones: text().array().notNull().default(sql`'{}'::text[]`),
    messengers: jsonb().$type<MessengerHandle[]>().notNull().default([]),
    reportsToId: uuid(),
    notes: text(),
    custom: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', last_name || ' ' || first_name || ' ' || coalesce(patronymic, '')), 'A')
        || setweight(to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(department, '')), 'B')
        || setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(department, '')), 'B')
        || setweight(to_tsvector('russian', coalesce(notes, '')), 'C')
        || setweight(to_tsvector('english', coalesce(notes, '')), 'C')`,
    ),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'contacts_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contacts_reports_to_fk',
      columns: [table.workspaceId, table.reportsToId],
      foreignColumns: [table.workspaceId, table.id],
    }),
    index('contacts_search_idx').using('gin', table.search),
    index('contacts_full_name_trgm_idx').using('gin', sql`${table.fullName} gin_trgm_ops`),
    index('contacts_emails_idx').using('gin', table.emails),
    index('contacts_account_idx').on(table.workspaceId, table.accountId, table.fullName, table.id),
    index('contacts_full_name_idx').on(table.workspaceId, table.fullName, table.id),
    index('contacts_updated_idx').on(table.workspaceId, table.updatedAt, table.id),
    index('contacts_reports_to_idx').on(table.workspaceId, table.reportsToId),
  ],
);
