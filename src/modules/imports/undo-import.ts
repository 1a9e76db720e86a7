import { and, eq, sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import { AppError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { opportunities } from '../opportunities';
import { updateRows } from './bulk-write';
import { type ImportView, viewOf } from './get-import';
import { loadImport } from './load-import';
import { importMessages } from './messages';
import { externalIds, type ImportedEntity, importChanges, imports } from './schema';
import { undoInteractions, undoKpiPoints } from './undo-activities';

/** Puts back the values updated accounts and contacts had, one statement per entity and set of columns. */
async function restorePrevious(ctx: UseCaseContext, changes: (typeof importChanges.$inferSelect)[]) {
  const groups = new Map<string, { entity: 'account' | 'contact'; keys: string[]; rows: Record<string, unknown>[] }>();
  for (const change of changes) {
    const { entity } = change;
    if (change.action !== 'updated' || !change.previous || (entity !== 'account' && entity !== 'contact')) continue;
    const keys = Object.keys(change.previous).sort();
    const signature = `${entity}:${keys.join(',')}`;
    const group = groups.get(signature) ?? { entity, keys, rows: [] };
    group.rows.push({ ...change.previous, id: change.recordId });
    groups.set(signature, group);
  }
  for (const { entity, keys, rows } of groups.values()) {
    await updateRows(ctx, entity === 'account' ? accounts : contacts, keys, rows);
  }
}

/**
 * Undoes an import as a whole, in one transaction: records it created are deleted (references
 * to them from other records cleared first), records it updated get their previous values back;
 * KPI values it added are deleted and the ones it corrected restored.
 */
export async function undoImport(ctx: UseCaseContext, id: string): Promise<ImportView> {
  const job = await loadImport(ctx, id, true);
  if (job.status !== 'completed' && job.status !== 'cancelled' && job.status !== 'failed') {
    throw new AppError('conflict', message(importMessages.cannotUndo));
  }
  const workspaceId = ctx.actor.workspaceId;
  const changes = await ctx.db
    .select()
    .from(importChanges)
    .where(and(eq(importChanges.workspaceId, workspaceId), eq(importChanges.importId, id)));
  const created = (entity: ImportedEntity) =>
    changes
      .filter((change) => change.entity === entity && change.action === 'created')
      .map((change) => change.recordId);
  const createdContacts = created('contact');
  const createdAccounts = created('account');
  await restorePrevious(ctx, changes);
  await undoInteractions(ctx, changes);
  await undoKpiPoints(ctx, changes);
  // NOTE: deals come a few hundred to a file; each is put back on its own (its close time is JSON text).
  for (const change of changes) {
    if (change.entity === 'opportunity' && change.action === 'updated' && change.previous) {
      await restoreOpportunity(ctx, change.recordId, change.previous);
    }
  }
  const createdDeals = created('opportunity');
  if (createdDeals.length > 0) {
    await ctx.db.execute(sql`delete from opportunities
      where workspace_id = ${workspaceId} and id = any(${uuidArray(createdDeals)})`);
  }
  if (createdContacts.length > 0) {
    await ctx.db.execute(sql`update contacts set reports_to_id = null
      where workspace_id = ${workspaceId} and reports_to_id = any(${uuidArray(createdContacts)})`);
    await ctx.db.execute(sql`delete from contacts
      where workspace_id = ${workspaceId} and id = any(${uuidArray(createdContacts)})`);
  }
  if (createdAccounts.length > 0) {
    await ctx.db.execute(sql`update accounts set parent_id = null
      where workspace_id = ${workspaceId} and parent_id = any(${uuidArray(createdAccounts)})`);
    // NOTE: contacts added by hand to an account the import created go with it (the foreign key cascades).
    await ctx.db.execute(sql`delete from accounts
      where workspace_id = ${workspaceId} and id = any(${uuidArray(createdAccounts)})`);
  }
  await ctx.db.delete(externalIds).where(and(eq(externalIds.workspaceId, workspaceId), eq(externalIds.importId, id)));
  const [undone] = await ctx.db
    .update(imports)
    .set({ status: 'undone', updatedAt: ctx.now, version: sql`${imports.version} + 1` })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
    .returning();
  if (!undone) throw new Error('Import vanished while undoing');
  return viewOf(undone, ctx.now);
}

/** Puts a deal's previous values back; its close time was kept as JSON text. */
async function restoreOpportunity(ctx: UseCaseContext, id: string, previous: Record<string, unknown>) {
  const { closedAt, ...rest } = previous;
  await ctx.db
    .update(opportunities)
    .set({
      ...rest,
      ...('closedAt' in previous ? { closedAt: typeof closedAt === 'string' ? new Date(closedAt) : null } : {}),
      updatedAt: ctx.now,
      version: sql`${opportunities.version} + 1`,
    })
    .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, id)));
}

/**
 * Asks a running import to stop after its current batch (what it wrote stays until undone), or
 * discards a draft that never ran.
 */
export async function cancelImport(ctx: UseCaseContext, id: string): Promise<ImportView> {
  const job = await loadImport(ctx, id, true);
  if (job.status !== 'running' && job.status !== 'draft') {
    throw new AppError('conflict', message(importMessages.notRunning));
  }
  const [updated] = await ctx.db
    .update(imports)
    .set(
      job.status === 'draft'
        ? { status: 'cancelled', finishedAt: ctx.now, updatedAt: ctx.now, version: sql`${imports.version} + 1` }
        : { cancelRequested: true, updatedAt: ctx.now },
    )
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, id)))
    .returning();
  if (!updated) throw new Error('Import vanished while cancelling');
  return viewOf(updated, ctx.now);
}
