import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/permissions';
import { type Database, inWorkspace } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceCurrency } from '../workspaces';
import { chunkReader, readChunk } from './file-store';
import type { InteractionDraft } from './interaction-drafts';
import type { KpiPointDraft } from './kpi-point-drafts';
import { linkReferences } from './link-references';
import {
  columnNamer,
  type Drafter,
  drafterOf,
  failuresOf,
  foldsRepeatedRows,
  type ImportRow,
  loadImport,
  messageInBoth,
  rowsOfImport,
} from './load-import';
import { importMessages } from './messages';
import type { OpportunityDraft } from './opportunity-drafts';
import { ownerMatcher } from './owners';
import { type AccountDraft, type ContactDraft, type RowDraft, rowNumberOf } from './row-drafts';
import { imports, type RowProblem } from './schema';
import { writeAccounts } from './write-accounts';
import type { BatchResult, RunState } from './write-batch';
import { writeContacts } from './write-contacts';
import { writeInteractions } from './write-interactions';
import { writeKpiPoints } from './write-kpi-points';
import { writeOpportunities } from './write-opportunities';

/** A run that has not written progress for this long is taken as dead (process killed) and may be resumed. */
export const staleRunMilliseconds = 60_000;

/**
 * Rows per transaction: large enough that statement overhead vanishes, small enough that a
 * killed run loses little and cancel answers within a few seconds.
 */
export const defaultBatchSize = 5_000;

/** Problems kept on an import; beyond this only the count grows (the dry run lists them all). */
export const maxStoredProblems = 10_000;

export type RunProgress = { processedRows: number; totalRows: number; phase: 'rows' | 'references' };
export type RunOptions = {
  batchSize?: number;
  now?: () => Date;
  onProgress?: (progress: RunProgress) => void;
};

function isStale(job: ImportRow, now: Date): boolean {
  return (
    job.status === 'running' && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > staleRunMilliseconds)
  );
}

/**
 * Claims an import for running: a draft, or a run that failed or died (its batches already
 * written are kept; the rest follow, matched by external id). Throws 409 otherwise.
 */
export async function startImport(ctx: UseCaseContext, id: string): Promise<ImportRow> {
  const job = await loadImport(ctx, id, true);
  if (job.status === 'running' && !isStale(job, ctx.now)) {
    throw new AppError('conflict', message(importMessages.alreadyRunning));
  }
  if (job.status !== 'draft' && job.status !== 'running' && job.status !== 'failed') {
    throw new AppError('conflict', message(importMessages.notDraft));
  }
  const [claimed] = await ctx.db
    .update(imports)
    .set({
      status: 'running',
      startedAt: job.startedAt ?? ctx.now,
      heartbeatAt: ctx.now,
      cancelRequested: false,
      updatedAt: ctx.now,
      version: sql`${imports.version} + 1`,
    })
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)))
    .returning();
  if (!claimed) throw new Error('Import claim returned nothing');
  return claimed;
}

/**
 * Runs a claimed import: one transaction per batch (rows written, progress saved together, so a
 * killed process leaves whole batches only), then a second pass for parents and reports-to.
 * Checks for a cancel request between batches.
 */
export async function processImport(
  db: Database,
  actor: Actor,
  id: string,
  options: RunOptions = {},
): Promise<ImportRow> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? defaultBatchSize;
  const scope = { workspaceId: actor.workspaceId, userId: actor.userId };
  const inTransaction = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
    inWorkspace(db, scope, (tx) => work({ db: tx, actor, now: now() }));
  try {
    const { job, currency, draft, ownerOf } = await inTransaction(async (ctx) => {
      const job = await loadImport(ctx, id);
      return {
        job,
        currency: await workspaceCurrency(ctx),
        draft: await drafterOf(ctx, job, chunkReader(ctx, id)),
        ownerOf: await ownerMatcher(ctx, job.valueMappings),
      };
    });
    const state: RunState = {
      importId: id,
      source: job.source,
      mappedFields: new Set(Object.values(job.mapping)),
      currency,
      accountByName: new Map(),
      merges: new Map(Object.entries(job.merges)),
      valueMappings: job.valueMappings,
      ownerOf,
      columnOf: columnNamer(job),
    };
    if (job.processedRows === 0) await clearProgress(inTransaction, id);
    // NOTE: each piece of the file is read in a short transaction of its own, between batches.
    const rows = rowsOfImport((position) => inTransaction((ctx) => readChunk(ctx, id, position)), job);
    const pass = await writeAllRows(inTransaction, state, job, rows, draft, batchSize, options.onProgress);
    if (pass.cancelled) return finish(inTransaction, id, 'cancelled');
    await linkAll(inTransaction, state, pass.links, batchSize);
    options.onProgress?.({ processedRows: job.totalRows, totalRows: job.totalRows, phase: 'references' });
    return finish(inTransaction, id, 'completed');
  } catch (error) {
    await finish(inTransaction, id, 'failed').catch(() => undefined);
    throw error;
  }
}

type Planned = { row: number; draft: RowDraft };

/** A row whose parent or reports-to is set in the second pass, once every row exists. */
type Linked = { row: number; draft: AccountDraft | ContactDraft };

const hasReference = (item: Planned): item is Linked =>
  item.draft.kind === 'accounts'
    ? Boolean(item.draft.parentExternalId || item.draft.parentName)
    : item.draft.kind === 'contacts' && Boolean(item.draft.reportsToExternalId);

/**
 * The first pass, streamed: rows are drafted as they are parsed and written `batchSize` at a
 * time. A row numbered at most `processedRows + 1` was committed by an earlier, killed run and is
 * skipped. An external id seen again makes the earlier row a problem: within a batch the earlier
 * row is dropped; across batches the later row updates the record the earlier one wrote. Only the
 * external ids and the rows with references stay in memory, never the file.
 *
 * While the database writes one batch, the next is parsed and drafted (the two cores work at
 * once); batches are still written one at a time and in order, so a killed run leaves whole
 * batches and the progress it saved names only rows written.
 */
async function writeAllRows(
  inTransaction: InTransaction,
  state: RunState,
  job: ImportRow,
  rows: AsyncIterable<string[]>,
  draft: Drafter,
  batchSize: number,
  onProgress: RunOptions['onProgress'],
): Promise<{ cancelled: boolean; links: Linked[] }> {
  const seen = new Map<string, number>();
  const links: Linked[] = [];
  let batch: Planned[] = [];
  let problems: RowProblem[] = [];
  let index = 0;
  let lastRow = job.processedRows + 1;
  let writing: Promise<'written' | 'cancelled'> = Promise.resolve('written');
  /** Hands the batch drafted so far to the database once the one before it is written. */
  const flush = async () => {
    const current = batch.filter((item) => seen.get(item.draft.externalId) === item.row);
    const found = problems;
    const processedRows = lastRow - 1;
    batch = [];
    problems = [];
    if ((await writing) === 'cancelled') return 'cancelled';
    writing = inTransaction(async (ctx) => {
      const [flags] = await ctx.db
        .select({ cancelRequested: imports.cancelRequested })
        .from(imports)
        .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, state.importId)))
        .for('update');
      if (flags?.cancelRequested) return 'cancelled' as const;
      const result = current.length > 0 ? await writeRows(ctx, state, current) : emptyResult;
      await recordBatch(ctx, state.importId, { ...result, problems: [...found, ...result.problems] }, processedRows);
      return 'written' as const;
    }).then((outcome) => {
      if (outcome === 'written') onProgress?.({ processedRows, totalRows: job.totalRows, phase: 'rows' });
      return outcome;
    });
    // NOTE: a failed batch is rethrown where `writing` is awaited next; until then it is not unhandled.
    writing.catch(() => undefined);
    return 'written';
  };
  try {
    for await (const cells of rows) {
      const rowNumber = rowNumberOf(index);
      index += 1;
      if (rowNumber <= job.processedRows + 1) continue;
      lastRow = rowNumber;
      const result = draft(cells, index - 1, rowNumber);
      if ('problems' in result) {
        problems.push(...result.problems);
      } else {
        const earlier = seen.get(result.draft.externalId);
        // NOTE: a deal told again on the next rows (one per product) is the deal already written.
        if (earlier !== undefined && foldsRepeatedRows(job)) continue;
        if (earlier !== undefined) {
          const text = {
            text: importMessages.duplicateInFile,
            params: { reference: result.draft.externalId, row: rowNumber },
          };
          problems.push({ row: earlier, column: null, message: messageInBoth(text) });
        }
        seen.set(result.draft.externalId, rowNumber);
        problems.push(...(result.notices ?? []));
        batch.push(result);
        if (hasReference(result)) links.push(result);
      }
      if (batch.length >= batchSize && (await flush()) === 'cancelled') return { cancelled: true, links };
    }
    if ((batch.length > 0 || problems.length > 0) && (await flush()) === 'cancelled') return { cancelled: true, links };
    if ((await writing) === 'cancelled') return { cancelled: true, links };
    return { cancelled: false, links: links.filter((item) => seen.get(item.draft.externalId) === item.row) };
  } catch (error) {
    // NOTE: a batch still being written commits or fails before the run is marked failed.
    await writing.catch(() => undefined);
    throw error;
  }
}

const emptyResult: BatchResult = { created: 0, updated: 0, unchanged: 0, problems: [] };

type InTransaction = <T>(work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>;

function writeRows(ctx: UseCaseContext, state: RunState, batch: Planned[]): Promise<BatchResult> {
  switch (batch[0]?.draft.kind) {
    case 'accounts':
      return writeAccounts(ctx, state, batch as { row: number; draft: AccountDraft }[]);
    case 'opportunities':
      return writeOpportunities(ctx, state, batch as { row: number; draft: OpportunityDraft }[]);
    case 'interactions':
      return writeInteractions(ctx, state, batch as { row: number; draft: InteractionDraft }[]);
    case 'kpiPoints':
      return writeKpiPoints(ctx, state, batch as { row: number; draft: KpiPointDraft }[]);
    default:
      return writeContacts(ctx, state, batch as { row: number; draft: ContactDraft }[]);
  }
}

const appendProblems = (problems: RowProblem[]) => sql`(${imports.problems} || ${JSON.stringify(problems)}::jsonb)`;

/** A run from the first row starts with no problems: a failed earlier attempt's are forgotten. */
async function clearProgress(inTransaction: InTransaction, id: string) {
  await inTransaction((ctx) =>
    ctx.db
      .update(imports)
      .set({ problems: [], failedCount: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, heartbeatAt: ctx.now })
      .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id))),
  );
}

async function recordBatch(ctx: UseCaseContext, id: string, result: BatchResult, processedRows: number) {
  await ctx.db
    .update(imports)
    .set({
      processedRows,
      createdCount: sql`${imports.createdCount} + ${result.created}`,
      updatedCount: sql`${imports.updatedCount} + ${result.updated}`,
      unchangedCount: sql`${imports.unchangedCount} + ${result.unchanged}`,
      failedCount: sql`${imports.failedCount} + ${failuresOf(result.problems)}`,
      ...(result.problems.length > 0 ? { problems: appendProblems(result.problems) } : {}),
      heartbeatAt: ctx.now,
    })
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)));
}

async function linkAll(inTransaction: InTransaction, state: RunState, linked: Linked[], batchSize: number) {
  for (let start = 0; start < linked.length; start += batchSize) {
    const batch = linked.slice(start, start + batchSize);
    await inTransaction(async (ctx) => {
      const problems = await linkReferences(ctx, state, batch);
      if (problems.length === 0) return;
      await ctx.db
        .update(imports)
        .set({ problems: appendProblems(problems), failedCount: sql`${imports.failedCount} + ${problems.length}` })
        .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, state.importId)));
    });
  }
}

function finish(inTransaction: InTransaction, id: string, status: 'completed' | 'cancelled' | 'failed') {
  return inTransaction(async (ctx) => {
    const [row] = await ctx.db
      .update(imports)
      .set({
        status,
        finishedAt: ctx.now,
        heartbeatAt: ctx.now,
        ...(status === 'completed' ? { processedRows: sql`${imports.totalRows}` } : {}),
        updatedAt: ctx.now,
        version: sql`${imports.version} + 1`,
      })
      .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)))
      .returning();
    if (!row) throw new Error('Import vanished while running');
    return row;
  });
}
