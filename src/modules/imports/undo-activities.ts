import { sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/arrays';
import { AppError } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { deletePoints, deleteSeriesIfEmpty, upsertPoints } from '../kpis';
import { interactions } from '../relationships';
import { updateRows } from './bulk-write';
import type { importChanges } from './schema';
import { replaceOurPeople, replaceParticipants } from './write-interactions';
import type { SeriesChange } from './write-kpi-points';

type Change = typeof importChanges.$inferSelect;

/**
 * Takes back what an import did to interactions: the ones it created are deleted (their people
 * with them), the ones it updated get their values and people back.
 */
export async function undoInteractions(ctx: UseCaseContext, changes: Change[]): Promise<void> {
  const groups = new Map<string, { keys: string[]; rows: Record<string, unknown>[] }>();
  const people: { interactionId: string; contactIds: string[] }[] = [];
  const ours: { interactionId: string; userIds: string[] }[] = [];
  const created: string[] = [];
  for (const change of changes) {
    if (change.entity !== 'interaction') continue;
    if (change.action === 'created') {
      created.push(change.recordId);
      continue;
    }
    const { contactIds, userIds, ...previous } = change.previous ?? {};
    const keys = Object.keys(previous).sort();
    const group = groups.get(keys.join(',')) ?? { keys, rows: [] };
    group.rows.push({ ...previous, id: change.recordId });
    groups.set(keys.join(','), group);
    if (Array.isArray(contactIds)) people.push({ interactionId: change.recordId, contactIds: contactIds.map(String) });
    if (Array.isArray(userIds)) ours.push({ interactionId: change.recordId, userIds: userIds.map(String) });
  }
  for (const { keys, rows } of groups.values()) await updateRows(ctx, interactions, keys, rows);
  await replaceParticipants(ctx, people);
  await replaceOurPeople(ctx, ours);
  if (created.length > 0) {
    await ctx.db.execute(sql`delete from interactions
      where workspace_id = ${ctx.actor.workspaceId} and id = any(${uuidArray(created)})`);
  }
}

/**
 * Takes back an import's KPI values through the kpis module: the points it added are deleted,
 * the values it corrected are put back, and a series it started and left empty goes too. A
 * series deleted since is skipped.
 */
export async function undoKpiPoints(ctx: UseCaseContext, changes: Change[]): Promise<void> {
  // NOTE: the last batch first, so a value corrected twice by one import ends at its first value.
  const ofSeries = changes.filter((change) => change.entity === 'kpi_series').reverse();
  for (const change of ofSeries) {
    const previous = change.previous as SeriesChange | null;
    if (!previous) continue;
    try {
      await deletePoints(ctx, change.recordId, previous.added);
      if (previous.corrected.length > 0) await upsertPoints(ctx, change.recordId, { points: previous.corrected });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') continue;
      throw error;
    }
  }
  for (const change of ofSeries) {
    if (change.action === 'created') await deleteSeriesIfEmpty(ctx, change.recordId);
  }
}
