import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { naturalText, tenantColumns, tenantKeyAndPolicy, tsvector } from '../../platform/db/columns';
import { memberships, workspaces } from '../workspaces';

export const accounts = pgTable(
  'accounts',
  {
    ...tenantColumns(),
    name: naturalText().notNull(),
    legalName: text(),
    taxId: text(),
    website: text(),
    domain: text(),
    industry: text(),
    segment: text(),
    status: text().notNull().default('prospect'),
    ownerId: uuid().notNull(),
    parentId: uuid(),
    currency: text().notNull(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    custom: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    notes: text(),
    // NOTE: both stemmers, so `менеджеры` finds `менеджер` and `managers` finds `manager`.
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(name, '') || ' ' || coalesce(legal_name, '')), 'A')
        || setweight(to_tsvector('english', coalesce(name, '') || ' ' || coalesce(legal_name, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(tax_id, '') || ' ' || coalesce(domain, '')), 'A')
        || setweight(to_tsvector('russian', coalesce(industry, '') || ' ' || coalesce(segment, '')), 'B')
        || setweight(to_tsvector('english', coalesce(industry, '') || ' ' || coalesce(segment, '')), 'B')
        || setweight(to_tsvector('russian', coalesce(notes, '')), 'C')
        || setweight(to_tsvector('english', coalesce(notes, '')), 'C')`,
    ),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({
      name: 'accounts_owner_fk',
      columns: [table.workspaceId, table.ownerId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }),
    foreignKey({
      name: 'accounts_parent_fk',
      columns: [table.workspaceId, table.parentId],
      foreignColumns: [table.workspaceId, table.id],
    }),
    index('accounts_search_idx').using('gin', table.search),
    index('accounts_name_trgm_idx').using('gin', sql`${table.name} gin_trgm_ops`),
    index('accounts_name_idx').on(table.workspaceId, table.name, table.id),
    index('accounts_updated_idx').on(table.workspaceId, table.updatedAt, table.id),
    index('accounts_created_idx').on(table.workspaceId, table.createdAt, table.id),
    index('accounts_owner_idx').on(table.workspaceId, table.ownerId),
    index('accounts_status_idx').on(table.workspaceId, table.status, table.id),
    index('accounts_industry_idx').on(table.workspaceId, table.industry),
    index('accounts_tax_id_idx').on(table.workspaceId, table.taxId),
    index('accounts_domain_idx').on(table.workspaceId, table.domain),
    index('accounts_parent_idx').on(table.workspaceId, table.parentId),
  ],
);

/** Our people on an account besides its owner, each with a role on the account. */
export const accountTeamMembers = pgTable(
  'account_team_members',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    userId: uuid().notNull(),
    role: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('account_team_members_user_key').on(table.workspaceId, table.accountId, table.userId),
    foreignKey({
      name: 'account_team_members_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'account_team_members_member_fk',
      columns: [table.workspaceId, table.userId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }).onDelete('cascade'),
  ],
);
