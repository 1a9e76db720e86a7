import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { getPipeline } from '../opportunities';
import { isMember } from '../workspaces';
import { outlineUploaded, readingOf } from './create-import';
import { chunkReader, readChunk } from './file-store';
import { detectEncoding } from './formats/decode';
import { fieldsOf, type ImportKind } from './formats/fields';
import { suggestMapping } from './formats/suggest';
import { type ImportView, viewOf } from './get-import';
import { type ImportRow, loadImport } from './load-import';
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
  const reread = rereads ? await rereadFile(ctx, job, input) : undefined;
  const columns = reread?.outline.columns ?? job.columns;
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
  // NOTE: choices to merge belong to what the file holds; another kind starts them afresh.
  const merges = input.merges ?? (kind === job.kind ? job.merges : {});
  if (input.merges) await checkMergeTargets(ctx, kind, input.merges);
  const valueMappings = input.valueMappings ?? (kind === job.kind ? job.valueMappings : {});
  if (input.valueMappings?.stage) await checkStageChoices(ctx, input.valueMappings.stage);
  if (input.valueMappings?.owner) await checkOwnerChoices(ctx, input.valueMappings.owner);
  const [updated] = await ctx.db
    .update(imports)
    .set({
      merges,
      valueMappings,
      ...(reread
        ? {
            format: reread.reading.format,
            encoding: reread.reading.encoding ?? null,
            delimiter: reread.reading.delimiter ?? null,
            totalRows: reread.outline.totalRows,
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

/** Reads the stored file again as the user now says; what they leave out is kept or detected. */
async function rereadFile(ctx: UseCaseContext, job: ImportRow, input: UpdateImportInput) {
  const read = chunkReader(ctx, job.id);
  const head = ((await readChunk(ctx, job.id, 0)) ?? new Uint8Array(0)).subarray(0, 64 * 1024);
  const format = input.format ?? job.format;
  const reading = readingOf(
    // NOTE: a file first read as XLSX has no encoding yet; its start is the best guess there is.
    { head, encoding: job.encoding ?? detectEncoding(head) },
    {
      format,
      ...(format === 'xlsx' ? {} : { encoding: input.encoding ?? job.encoding ?? undefined }),
      ...(format === 'csv' ? { delimiter: input.delimiter ?? job.delimiter ?? undefined } : {}),
    },
  );
  return { reading, outline: await outlineUploaded(read, reading) };
}

/** 422 naming `merges.<external id>` for a choice whose record is not in the workspace. */
async function checkMergeTargets(ctx: UseCaseContext, kind: ImportKind, merges: Record<string, string>) {
  const ids = [...new Set(Object.values(merges))];
  if (ids.length === 0) return;
  // NOTE: only companies and people are proposed as duplicates; other kinds have nothing to merge into.
  if (kind !== 'accounts' && kind !== 'contacts') {
    const [first] = Object.keys(merges);
    if (first) throw invalidField(`merges.${first}`, importMessages.mergeTargetMissing, { externalId: first });
    return;
  }
  const table = kind === 'accounts' ? accounts : contacts;
  const found = new Set(
    (
      await ctx.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.workspaceId, ctx.actor.workspaceId), inArray(table.id, ids)))
    ).map((row) => row.id),
  );
  for (const [externalId, recordId] of Object.entries(merges)) {
    if (!found.has(recordId))
      throw invalidField(`merges.${externalId}`, importMessages.mergeTargetMissing, { externalId });
  }
}

/** 400 naming `valueMappings.stage.<value>` for a value mapped to a stage the pipeline does not have. */
async function checkStageChoices(ctx: UseCaseContext, choices: Record<string, string>) {
  const stages = new Set((await getPipeline(ctx)).map((stage) => stage.id));
  for (const [value, stageId] of Object.entries(choices)) {
    if (!stages.has(stageId))
      throw invalidField(`valueMappings.stage.${value}`, importMessages.stageNotFound, { value });
  }
}

/** 400 naming `valueMappings.owner.<value>` for a value mapped to someone who is not a member. */
async function checkOwnerChoices(ctx: UseCaseContext, choices: Record<string, string>) {
  for (const [value, userId] of Object.entries(choices)) {
    if (!(await isMember(ctx, userId)))
      throw invalidField(`valueMappings.owner.${value}`, importMessages.ownerNotMember, { value });
  }
}
