import { and, eq } from 'drizzle-orm';
import type { Currency } from '../../analytics/money';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import type { ImportField } from './formats/fields';
import { readTable } from './formats/read-table';
import type { Table } from './formats/table';
import { detectDateOrder } from './formats/values';
import { importMessages } from './messages';
import { draftOpportunity } from './opportunity-drafts';
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

/** The workspace's currency: what a deal without a currency column is in. */
export async function workspaceCurrency(ctx: UseCaseContext): Promise<Currency> {
  const [workspace] = await ctx.db
    .select({ currency: workspaces.defaultCurrency })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  return (workspace?.currency ?? 'RUB') as Currency;
}

/** Drafts every row of the file under the import's mapping. */
export function planImport(job: ImportRow, table: Table, currency: Currency): ImportPlan {
  const results: DraftResult[] = draftRows(job, table, currency);
  // NOTE: Bitrix24 repeats a deal on one row per product; the deal's «Сумма» already totals them,
  // so the first row stands for the deal.
  if (job.kind === 'opportunities') return foldRepeatedDeals(job, table, results);
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

function draftRows(job: ImportRow, table: Table, currency: Currency): DraftResult[] {
  if (job.kind !== 'opportunities') {
    return table.rows.map((row, index) =>
      draftRow(job.kind, job.source, table.columns, job.mapping, row, index, rowNumberOf(index)),
    );
  }
  const dateColumns = table.columns.filter((column) => job.mapping[column.key] === 'closeDate');
  const samples = table.rows.slice(0, 200).flatMap((row) => dateColumns.map((column) => row[column.index] ?? ''));
  const defaults = { currency, dateOrder: detectDateOrder(samples) };
  return table.rows.map((row, index) =>
    draftOpportunity(job.source, table.columns, job.mapping, row, index, rowNumberOf(index), defaults),
  );
}

function foldRepeatedDeals(job: ImportRow, table: Table, results: DraftResult[]): ImportPlan {
  const problems: RowProblem[] = [];
  const drafts: ImportPlan['drafts'] = [];
  const seen = new Set<string>();
  for (const result of results) {
    if ('problems' in result) problems.push(...result.problems);
    else if (!seen.has(result.draft.externalId)) {
      seen.add(result.draft.externalId);
      drafts.push(result);
    }
  }
  return { drafts, problems, totalRows: table.rows.length, mappedFields: new Set(Object.values(job.mapping)) };
}

export function messageInBoth(text: Parameters<typeof translate>[1]): RowProblem['message'] {
  return { en: translate('en', text), ru: translate('ru', text) };
}
