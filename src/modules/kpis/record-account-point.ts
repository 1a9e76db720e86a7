import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccount } from './access';
import { kpiSeries } from './schema';
import { upsertPoints } from './upsert-points';

/**
 * Writes one point of an account's metric (no dimension), starting the series when it has none
 * yet: for other modules that compute a KPI themselves, such as client care's NPS and CSAT.
 */
export async function recordAccountPoint(
  ctx: UseCaseContext,
  point: { accountId: string; metricKey: string; at: string; value: number },
): Promise<void> {
  await visibleAccount(ctx, point.accountId);
  const key = { workspaceId: ctx.actor.workspaceId, accountId: point.accountId, metricKey: point.metricKey };
  await ctx.db
    .insert(kpiSeries)
    .values({ ...key, dimension: '', createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing();
  const [series] = await ctx.db
    .select({ id: kpiSeries.id })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, key.workspaceId),
        eq(kpiSeries.accountId, key.accountId),
        eq(kpiSeries.metricKey, key.metricKey),
        eq(kpiSeries.dimension, ''),
      ),
    );
  if (series) await upsertPoints(ctx, series.id, { points: [{ at: point.at, value: point.value }] });
}
