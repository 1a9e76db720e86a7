import { AppError, invalidField } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { detectKind, detectSource } from './formats/detect-source';
import { readTable } from './formats/read-table';
import { suggestMapping } from './formats/suggest';
import type { Table } from './formats/table';
import { type ImportView, viewOf } from './get-import';
import { importMessages } from './messages';
import { importFiles, imports } from './schema';
import { type ReadingOptions, type UploadImportQuery, uploadImportQuery } from './schemas';

/** At most this many rows per file (the benchmark's 200,000 with room to spare). */
export const maxImportRows = 1_000_000;

/** Reads a file as the user says or as detected; a file that cannot be read is a 400 on `file`. */
export async function readUploaded(bytes: Uint8Array, options: ReadingOptions): Promise<Table> {
  let table: Table;
  try {
    table = await readTable(bytes, options);
  } catch {
    throw invalidField('file', importMessages.unreadableFile);
  }
  if (table.columns.length === 0 || table.rows.length === 0) throw invalidField('file', importMessages.emptyFile);
  if (table.rows.length > maxImportRows) {
    throw new AppError('payload_too_large', message(importMessages.tooManyRows, { limit: maxImportRows }));
  }
  return table;
}

/** Stores an uploaded file as a draft import with the detected format, source, kind and suggested mapping. */
export async function createImport(
  ctx: UseCaseContext,
  bytes: Uint8Array,
  rawQuery: UploadImportQuery,
): Promise<ImportView> {
  const query = uploadImportQuery.parse(rawQuery);
  const table = await readUploaded(bytes, query);
  const source = query.source ?? detectSource(table);
  const kind = query.kind ?? detectKind(table);
  const [created] = await ctx.db
    .insert(imports)
    .values({
      workspaceId: ctx.actor.workspaceId,
      createdBy: ctx.actor.userId,
      fileName: query.fileName,
      format: table.format,
      encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null,
      kind,
      source,
      columns: table.columns,
      mapping: suggestMapping(kind, table.columns, source),
      totalRows: table.rows.length,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!created) throw new Error('Import insert returned nothing');
  await ctx.db.insert(importFiles).values({
    workspaceId: ctx.actor.workspaceId,
    id: created.id,
    file: Buffer.from(bytes),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return viewOf(created, ctx.now);
}
