import { and, eq, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { readUploaded } from './create-import';
import { fieldsOf } from './formats/fields';
import { suggestMapping } from './formats/suggest';
import { type ImportView, viewOf } from './get-import';
import { fileOf, loadImport } from './load-import';
import { importMessages } from './messages';
import { imports } from './schema';
import { type UpdateImportInput, updateImportInput } from './schemas';

/**
 * Corrects how a draft import reads its file (format, encoding, delimiter), what it holds (kind,
 * source) and the mapping. Changing how the file is read or what it holds re-suggests the mapping
 * unless one is given.
 */
export async function updateImport(ctx: UseCaseContext, id: string, rawInput: UpdateImportInput): Promise<ImportView> {
  const input = updateImportInput.parse(rawInput);
  const job = await loadImport(ctx, id, true);
  if (job.status !== 'draft') throw new AppError('conflict', message(importMessages.notDraft));
  const rereads = input.format !== undefined || input.encoding !== undefined || input.delimiter !== undefined;
  const format = input.format ?? job.format;
  const table = rereads
    ? await readUploaded(await fileOf(ctx, id), {
        format,
        ...(format === 'xlsx' ? {} : { encoding: input.encoding ?? job.encoding ?? undefined }),
        ...(format === 'csv' ? { delimiter: input.delimiter ?? job.delimiter ?? undefined } : {}),
      })
    : undefined;
  const columns = table?.columns ?? job.columns;
  const kind = input.kind ?? job.kind;
  const source = input.source ?? job.source;
  const resuggest = input.suggest || rereads || kind !== job.kind || source !== job.source;
  const mapping = input.mapping ?? (resuggest ? suggestMapping(kind, columns, source) : job.mapping);
  const keys = new Set(columns.map((column) => column.key));
  const allowed = new Set<string>(fieldsOf(kind));
  for (const [column, field] of Object.entries(mapping)) {
    if (!keys.has(column)) throw invalidField(`mapping.${column}`, importMessages.unknownColumn, { column });
    if (!allowed.has(field)) throw invalidField(`mapping.${column}`, importMessages.fieldNotForKind, { field, kind });
  }
  const [updated] = await ctx.db
    .update(imports)
    .set({
      ...(table
        ? {
            format: table.format,
            encoding: table.encoding ?? null,
            delimiter: table.delimiter ?? null,
            totalRows: table.rows.length,
          }
        : {}),
      columns,
      kind,
      source,
      mapping,
      checkedAt: null,
      updatedAt: ctx.now,
      version: sql`${imports.version} + 1`,
    })
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)))
    .returning();
  if (!updated) throw new Error('Import update returned nothing');
  return viewOf(updated, ctx.now);
}
