import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import type { ImportField } from './formats/fields';
import { readTable } from './formats/read-table';
import type { Table } from './formats/table';
import { importMessages } from './messages';
import { type DraftResult, draftRow, type RowDraft, rowNumberOf } from './row-drafts';
import { importFiles, imports, type RowProblem } from './schema';

export type ImportRow = typeof imports.$inferSelect;

/** The import with its file, locked for the rest of the transaction when `lock` is set. */
export async function loadImport(ctx: UseCaseContext, id: string, lock = false): Promise<ImportRow> {
  const query = ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(importMessages.import);
  return row;
}

/** The uploaded bytes of an import. */
export async function fileOf(ctx: UseCaseContext, id: string): Promise<Buffer> {
  const [row] = await ctx.db
    .select({ file: importFiles.file })
    .from(importFiles)
    .where(and(eq(importFiles.workspaceId, ctx.actor.workspaceId), eq(importFiles.id, id)));
  if (!row) throw notFound(importMessages.import);
  return row.file;
}

/** Reads the stored file again the way the import says (format, encoding, delimiter). */
export async function tableOf(ctx: UseCaseContext, job: ImportRow): Promise<Table> {
  return readTable(await fileOf(ctx, job.id), {
    format: job.format,
    ...(job.encoding ? { encoding: job.encoding } : {}),
    ...(job.delimiter ? { delimiter: job.delimiter } : {}),
  });
}

export type ImportPlan = {
  /** Rows to write, in file order, each external id once (the last row of a repeated id wins). */
  drafts: { row: number; draft: RowDraft }[];
  problems: RowProblem[];
  totalRows: number;
  mappedFields: Set<ImportField>;
};

/** Drafts every row of the file under the import's mapping. */
export function planImport(job: ImportRow, table: Table): ImportPlan {
  const results: DraftResult[] = table.rows.map((row, index) =>
    draftRow(job.kind, job.source, table.columns, job.mapping, row, index, rowNumberOf(index)),
  );
  const problems: RowProblem[] = [];
  const lastRowOf = new Map<string, number>();
  for (const result of results) if ('draft' in result) lastRowOf.set(result.draft.externalId, result.row);
  const drafts: ImportPlan['drafts'] = [];
  for (const result of results) {
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    const lastRow = lastRowOf.get(result.draft.externalId);
    if (lastRow !== undefined && lastRow !== result.row) {
      const text = {
        text: importMessages.duplicateInFile,
        params: { reference: result.draft.externalId, row: lastRow },
      };
      problems.push({ row: result.row, column: null, message: messageInBoth(text) });
      continue;
    }
    drafts.push(result);
  }
  return { drafts, problems, totalRows: table.rows.length, mappedFields: new Set(Object.values(job.mapping)) };
}

export function messageInBoth(text: Parameters<typeof translate>[1]): RowProblem['message'] {
  return { en: translate('en', text), ru: translate('ru', text) };
}
