import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/permissions';
import { type Database, inWorkspace } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaces } from '../workspaces';
import { linkReferences } from './link-references';
import { type ImportPlan, type ImportRow, loadImport, planImport, tableOf } from './load-import';
import { importMessages } from './messages';
import type { AccountDraft, ContactDraft } from './row-drafts';
import { imports, type RowProblem } from './schema';
import { type BatchResult, type RunState, writeAccounts, writeContacts } from './write-batch';

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
    const { job, plan, currency } = await inTransaction(async (ctx) => {
      const job = await loadImport(ctx, id);
      const [workspace] = await ctx.db
        .select({ currency: workspaces.defaultCurrency })
        .from(workspaces)
        .where(eq(workspaces.id, actor.workspaceId));
      return { job, plan: planImport(job, await tableOf(ctx, job)), currency: workspace?.currency ?? 'RUB' };
    });
    const state: RunState = {
      importId: id,
      source: job.source,
      mappedFields: plan.mappedFields,
      currency,
      accountByName: new Map(),
      merges: new Map(Object.entries(job.merges)),
    };
    const resumeAt = job.processedRows === 0 ? 0 : plan.drafts.findIndex((item) => item.row > job.processedRows + 1);
    if (job.processedRows === 0)
      await saveProgress(inTransaction, id, { problems: plan.problems, total: plan.totalRows });
    for (let start = Math.max(resumeAt, 0); start < plan.drafts.length && resumeAt !== -1; start += batchSize) {
      const batch = plan.drafts.slice(start, start + batchSize);
      const outcome = await inTransaction(async (ctx) => {
        const [flags] = await ctx.db
          .select({ cancelRequested: imports.cancelRequested })
          .from(imports)
          .where(and(eq(imports.workspaceId, actor.workspaceId), eq(imports.id, id)))
          .for('update');
        if (flags?.cancelRequested) return 'cancelled' as const;
        const result = await writeRows(ctx, state, batch);
        await recordBatch(ctx, id, result, rowsThrough(batch));
        return result;
      });
      if (outcome === 'cancelled') return finish(inTransaction, id, 'cancelled');
      options.onProgress?.({ processedRows: rowsThrough(batch), totalRows: plan.totalRows, phase: 'rows' });
    }
    await linkAll(inTransaction, state, plan, batchSize);
    options.onProgress?.({ processedRows: plan.totalRows, totalRows: plan.totalRows, phase: 'references' });
    return finish(inTransaction, id, 'completed');
  } catch (error) {
    await finish(inTransaction, id, 'failed').catch(() => undefined);
    throw error;
  }
}

/** How many data rows of the file a batch finishes (row numbers count the header as row 1). */
const rowsThrough = (batch: ImportPlan['drafts']) => (batch.at(-1)?.row ?? 1) - 1;

type InTransaction = <T>(work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>;

function writeRows(ctx: UseCaseContext, state: RunState, batch: ImportPlan['drafts']): Promise<BatchResult> {
  return batch[0]?.draft.kind === 'accounts'
    ? writeAccounts(ctx, state, batch as { row: number; draft: AccountDraft }[])
    : writeContacts(ctx, state, batch as { row: number; draft: ContactDraft }[]);
}

const appendProblems = (problems: RowProblem[]) => sql`(${imports.problems} || ${JSON.stringify(problems)}::jsonb)`;

async function saveProgress(
  inTransaction: InTransaction,
  id: string,
  start: { problems: RowProblem[]; total: number },
) {
  await inTransaction((ctx) =>
    ctx.db
      .update(imports)
      .set({
        totalRows: start.total,
        failedCount: start.problems.length,
        problems: start.problems.slice(0, maxStoredProblems),
        heartbeatAt: ctx.now,
      })
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
      failedCount: sql`${imports.failedCount} + ${result.problems.length}`,
      ...(result.problems.length > 0 ? { problems: appendProblems(result.problems) } : {}),
      heartbeatAt: ctx.now,
    })
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)));
}

async function linkAll(inTransaction: InTransaction, state: RunState, plan: ImportPlan, batchSize: number) {
  const linked = plan.drafts.filter(({ draft }) =>
    draft.kind === 'accounts' ? draft.parentExternalId || draft.parentName : draft.reportsToExternalId,
  );
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
