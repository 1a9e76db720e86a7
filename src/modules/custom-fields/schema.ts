import { boolean, foreignKey, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy } from '../../platform/db/columns';
import { workspaces } from '../workspaces';

export type CustomFieldOption = { value: string; labelEn: string; labelRu: string };

/** A workspace's own field on accounts or contacts; values live in the entity's `custom` jsonb. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...tenantColumns(),
    entity: text().notNull(),
    key: text().notNull(),
    labelEn: text().notNull(),
    labelRu: text().notNull(),
    type: text().notNull(),
    options: jsonb().$type<CustomFieldOption[]>().notNull().default([]),
    required: boolean().notNull().default(false),
    position: integer().notNull().default(0),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('custom_field_definitions_key').on(table.workspaceId, table.entity, table.key),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);
