import {
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { memberships, workspaces } from '../workspaces';
import type { ColumnMapping, ImportKind, ImportSource, ValueMappings } from './formats/fields';
import type { Delimiter, FileFormat, TableColumn, TextEncoding } from './formats/table';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const importStatuses = ['draft', 'running', 'completed', 'failed', 'cancelled', 'undone'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * A bad row: its line in the file, the column at fault and why, in both languages. A `notice`
 * tells what was assumed about a row that is imported all the same (an unknown activity type).
 */
export type RowProblem = {
  row: number;
  column: string | null;
  message: { en: string; ru: string };
  notice?: true;
};

/** One uploaded file on its way in: how it was read, how it maps, and how far its import got. */
export const imports = pgTable(
  'imports',
  {
    ...tenantColumns(),
    createdBy: uuid().notNull(),
    fileName: text().notNull(),
    format: text().$type<FileFormat>().notNull(),
    encoding: text().$type<TextEncoding>(),
    delimiter: text().$type<Delimiter>(),
    kind: text().$type<ImportKind>().notNull(),
    source: text().$type<ImportSource>().notNull(),
    columns: jsonb().$type<TableColumn[]>().notNull(),
    mapping: jsonb().$type<ColumnMapping>().notNull(),
    status: text().$type<ImportStatus>().notNull().default('draft'),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    createdCount: integer().notNull().default(0),
    updatedCount: integer().notNull().default(0),
    unchangedCount: integer().notNull().default(0),
    failedCount: integer().notNull().default(0),
    problems: jsonb().$type<RowProblem[]>().notNull().default([]),
    checkedAt: timestamptz(),
    startedAt: timestamptz(),
    heartbeatAt: timestamptz(),
    finishedAt: timestamptz(),
    cancelRequested: boolean().notNull().default(false),
    /** The rows the user chose to merge into an existing record: external id → record id. */
    merges: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Values of the file mapped to Accord's own, field by field (a CRM's stage names → stage ids). */
    valueMappings: jsonb().$type<ValueMappings>().notNull().default({}),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({
      name: 'imports_created_by_fk',
      columns: [table.workspaceId, table.createdBy],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }),
    index('imports_created_idx').on(table.workspaceId, table.createdAt, table.id),
  ],
);

/**
 * The uploaded bytes, kept so that preview, dry run and run read the same file in any process.
 * NOTE: a table of its own, written once: on the `imports` row every progress update made the
 * audit trigger turn the whole file into JSON (decision 0015).
 */
export const importFiles = pgTable(
  'import_files',
  {
    ...tenantColumns(),
    file: bytea().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'import_files_import_fk',
      columns: [table.workspaceId, table.id],
      foreignColumns: [imports.workspaceId, imports.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The uploaded bytes in pieces of a few megabytes, written as the upload streams in and read back
 * one piece at a time, so a 200 MB file never sits in memory whole (decision 0015). Files
 * uploaded before this table existed are still read from `import_files`.
 */
export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    ...tenantColumns(),
    importId: uuid().notNull(),
    position: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('import_file_chunks_position_key').on(table.workspaceId, table.importId, table.position),
    foreignKey({
      name: 'import_file_chunks_import_fk',
      columns: [table.workspaceId, table.importId],
      foreignColumns: [imports.workspaceId, imports.id],
    }).onDelete('cascade'),
  ],
);

/** `kpi_series`: a series whose points an import added or corrected (points have no id of their own). */
export type ImportedEntity = 'account' | 'contact' | 'opportunity' | 'interaction' | 'kpi_series';

const entityOfKind: Record<ImportKind, ImportedEntity> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  interactions: 'interaction',
  kpiPoints: 'kpi_series',
};

/** The record an import of a kind creates, as `external_ids` and `import_changes` name it. */
export function importedEntityOf(kind: ImportKind): ImportedEntity {
  return entityOfKind[kind];
}

/** What an import did to one record, with the values it replaced: what undo puts back. */
export const importChanges = pgTable(
  'import_changes',
  {
    ...tenantColumns(),
    importId: uuid().notNull(),
    entity: text().$type<ImportedEntity>().notNull(),
    recordId: uuid().notNull(),
    action: text().$type<'created' | 'updated'>().notNull(),
    previous: jsonb().$type<Record<string, unknown>>(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'import_changes_import_fk',
      columns: [table.workspaceId, table.importId],
      foreignColumns: [imports.workspaceId, imports.id],
    }).onDelete('cascade'),
    index('import_changes_import_idx').on(table.workspaceId, table.importId, table.entity),
  ],
);

/** A record's id in the system it came from (source + id), so a re-import updates instead of duplicating. */
export const externalIds = pgTable(
  'external_ids',
  {
    ...tenantColumns(),
    entity: text().$type<ImportedEntity>().notNull(),
    source: text().$type<ImportSource>().notNull(),
    externalId: text().notNull(),
    recordId: uuid().notNull(),
    importId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('external_ids_key').on(table.workspaceId, table.entity, table.source, table.externalId),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    index('external_ids_record_idx').on(table.workspaceId, table.entity, table.recordId),
    index('external_ids_import_idx').on(table.workspaceId, table.importId),
  ],
);

/** A mapping saved under a name, offered again for files with the same columns. */
export const importPresets = pgTable(
  'import_presets',
  {
    ...tenantColumns(),
    name: text().notNull(),
    kind: text().$type<ImportKind>().notNull(),
    source: text().$type<ImportSource>().notNull(),
    mapping: jsonb().$type<ColumnMapping>().notNull(),
    createdBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('import_presets_name_key').on(table.workspaceId, table.name),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);
