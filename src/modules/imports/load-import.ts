import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceCurrency } from '../workspaces';
import type { ImportField, ImportKind } from './formats/fields';
import { type ChunkReader, dataRowsOf, type Reading } from './formats/stream-rows';
import { type DateOrder, detectDateOrder } from './formats/values';
import { draftInteraction } from './interaction-drafts';
import { draftKpiPoint } from './kpi-point-drafts';
import { importMessages } from './messages';
import { draftOpportunity } from './opportunity-drafts';
import { columnOf, type DraftResult, draftRow, type RowDraft, rowNumberOf } from './row-drafts';
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

/** How one row of the file becomes a draft (or the reasons it cannot). */
export type Drafter = (row: string[], index: number, rowNumber: number) => DraftResult;

/** Rows a file's day order is guessed from (`1/2/2027`: January or February). */
const dateSampleRows = 200;

/** The fields whose dates decide a file's day order, by kind. */
const dateFields: Partial<Record<ImportKind, ImportField>> = {
  opportunities: 'closeDate',
  interactions: 'interactionDate',
  kpiPoints: 'pointDate',
};

/** How the file writes its slashed dates, guessed from the first rows (read once more before the run). */
async function dateOrderOf(job: ImportRow, read: ChunkReader, field: ImportField): Promise<DateOrder> {
  const dateColumns = job.columns.filter((column) => job.mapping[column.key] === field);
  const samples: string[] = [];
  let rows = 0;
  for await (const row of rowsOfImport(read, job)) {
    samples.push(...dateColumns.map((column) => row[column.index] ?? ''));
    rows += 1;
    if (rows >= dateSampleRows) break;
  }
  return detectDateOrder(samples);
}

/**
 * The import's drafter. Deals, activities and KPI values read their dates in the day order the
 * file's first rows show; a deal falls back on the workspace's currency.
 */
export async function drafterOf(ctx: UseCaseContext, job: ImportRow, read: ChunkReader): Promise<Drafter> {
  const { kind, source, columns, mapping } = job;
  const dateField = dateFields[kind];
  if (!dateField) return (row, index, rowNumber) => draftRow(kind, source, columns, mapping, row, index, rowNumber);
  const dateOrder = await dateOrderOf(job, read, dateField);
  if (kind === 'interactions') {
    return (row, _index, rowNumber) => draftInteraction(source, columns, mapping, row, rowNumber, dateOrder);
  }
  if (kind === 'kpiPoints') {
    return (row, _index, rowNumber) => draftKpiPoint(source, columns, mapping, row, rowNumber, dateOrder);
  }
  const defaults = { currency: await workspaceCurrency(ctx), dateOrder };
  return (row, index, rowNumber) => draftOpportunity(source, columns, mapping, row, index, rowNumber, defaults);
}

/**
 * Whether rows repeating an external id are one record told again: Bitrix24 repeats a deal on one
 * row per product, and the deal's «Сумма» already totals them, so the first row stands for the
 * deal. Elsewhere a repeated id is a mistake in the file: the last row wins, the earlier is reported.
 */
export const foldsRepeatedRows = (job: ImportRow) => job.kind === 'opportunities';

/** Drafts every row of the file under the import's mapping (the drafts are kept, not the rows). */
export async function planImport(job: ImportRow, rows: AsyncIterable<string[]>, draft: Drafter): Promise<ImportPlan> {
  const results: DraftResult[] = [];
  let index = 0;
  for await (const row of rows) {
    results.push(draft(row, index, rowNumberOf(index)));
    index += 1;
  }
  const problems: RowProblem[] = [];
  const drafts: ImportPlan['drafts'] = [];
  const plan = () => ({ drafts, problems, totalRows: index, mappedFields: new Set(Object.values(job.mapping)) });
  if (foldsRepeatedRows(job)) {
    const seen = new Set<string>();
    for (const result of results) {
      if ('problems' in result) problems.push(...result.problems);
      else if (!seen.has(result.draft.externalId)) {
        problems.push(...(result.notices ?? []));
        seen.add(result.draft.externalId);
        drafts.push(result);
      }
    }
    return plan();
  }
  const lastRowOf = new Map<string, number>();
  for (const result of results) if ('draft' in result) lastRowOf.set(result.draft.externalId, result.row);
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
    problems.push(...(result.notices ?? []));
    drafts.push(result);
  }
  return plan();
}

export function messageInBoth(text: Parameters<typeof translate>[1]): RowProblem['message'] {
  return { en: translate('en', text), ru: translate('ru', text) };
}

/** Adds problems about whole rows to `problems`; a notice is about a row imported all the same. */
export function rowProblemReporter(problems: RowProblem[], columnOf: (field: ImportField | null) => string | null) {
  return (
    row: number,
    text: Parameters<typeof translate>[1],
    { field = null, notice = false }: { field?: ImportField | null; notice?: boolean } = {},
  ) => {
    problems.push({
      row,
      column: columnOf(field),
      message: messageInBoth(text),
      ...(notice ? { notice: true as const } : {}),
    });
  };
}

/** Names the file's column mapped to a field, for problems about that field's value. */
export function columnNamer(job: Pick<ImportRow, 'columns' | 'mapping'>) {
  return (field: ImportField | null) => (field ? columnOf(field, job.columns, job.mapping) : null);
}

/** Problems that skipped a row: a notice is about a row imported all the same. */
export function failuresOf(problems: RowProblem[]): number {
  return problems.filter((problem) => !problem.notice).length;
}
