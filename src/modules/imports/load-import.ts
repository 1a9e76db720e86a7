import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import type { ImportField } from './formats/fields';
import { type ChunkReader, dataRowsOf, type Reading } from './formats/stream-rows';
import { importMessages } from './messages';
import { type DraftResult, draftRow, type RowDraft, rowNumberOf } from './row-drafts';
import { imports, type RowProblem } from './schema';

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

/** How the import reads its stored file (format, encoding, delimiter, as detected or corrected). */
export function readingOfImport(job: ImportRow): Reading {
  return {
    format: job.format,
    ...(job.encoding ? { encoding: job.encoding } : {}),
    ...(job.delimiter ? { delimiter: job.delimiter } : {}),
  };
}

/** The data rows of the import's file, streamed, each as long as its columns. */
export function rowsOfImport(read: ChunkReader, job: ImportRow): AsyncGenerator<string[]> {
  return dataRowsOf(read, readingOfImport(job), job.columns.length);
}

export type ImportPlan = {
  /** Rows to write, in file order, each external id once (the last row of a repeated id wins). */
  drafts: { row: number; draft: RowDraft }[];
  problems: RowProblem[];
  totalRows: number;
  mappedFields: Set<ImportField>;
};

/** Drafts every row of the file under the import's mapping (the drafts are kept, not the rows). */
export async function planImport(job: ImportRow, rows: AsyncIterable<string[]>): Promise<ImportPlan> {
  const results: DraftResult[] = [];
  let index = 0;
  for await (const row of rows) {
    results.push(draftRow(job.kind, job.source, job.columns, job.mapping, row, index, rowNumberOf(index)));
    index += 1;
  }
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
  return { drafts, problems, totalRows: index, mappedFields: new Set(Object.values(job.mapping)) };
}

export function messageInBoth(text: Parameters<typeof translate>[1]): RowProblem['message'] {
  return { en: translate('en', text), ru: translate('ru', text) };
}
