import { and, eq, sql } from 'drizzle-orm';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleSeries } from './access';
import { kpiMessages } from './messages';
import { findMetric } from './metrics';
import { kpiTargets } from './schema';
import { type CreateTargetInput, createTargetInput, type MetricAggregation } from './schemas';

export type Target = {
  id: string;
  seriesId: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  /** The metric's aggregation of the period's points (null when the period has none). */
  actual: number | null;
  /** actual − target, and that as a share of the target (null without an actual or for a zero target). */
  variance: number | null;
  varianceRatio: number | null;
  version: number;
};

const aggregate: Record<MetricAggregation, ReturnType<typeof sql>> = {
  sum: sql`sum(p.value)`,
  average: sql`avg(p.value)`,
  last: sql`(array_agg(p.value order by p.at desc))[1]`,
};

/** A series' targets by period, each with the actual and the variance. */
export async function listTargets(ctx: UseCaseContext, seriesId: string): Promise<Target[]> {
  const series = await visibleSeries(ctx, seriesId);
  const metric = await findMetric(ctx, series.metricKey);
  const workspaceId = ctx.actor.workspaceId;
  const rows = (
    await ctx.db.execute<Omit<Target, 'variance' | 'varianceRatio'>>(sql`
      select t.id, t.series_id as "seriesId", t.period_start::text as "periodStart", t.period_end::text as "periodEnd",
        t.value, t.version,
        (select ${aggregate[metric?.aggregation ?? 'sum']} from kpi_points p
          where p.workspace_id = t.workspace_id and p.series_id = t.series_id
            and p.at >= t.period_start::timestamp at time zone 'UTC'
            and p.at < (t.period_end + 1)::timestamp at time zone 'UTC') as actual
      from kpi_targets t
      where t.workspace_id = ${workspaceId} and t.series_id = ${seriesId}
      order by t.period_start`)
  ).rows;
  return rows.map((row) => {
    const actual = row.actual === null ? null : Number(row.actual);
    const variance = actual === null ? null : actual - row.value;
    return {
      ...row,
      actual,
      variance,
      varianceRatio: variance === null || row.value === 0 ? null : variance / Math.abs(row.value),
    };
  });
}

/** Sets a target for a period of a series; one target per series and start date (422 on `periodStart`). */
export async function createTarget(
  ctx: UseCaseContext,
  seriesId: string,
  rawInput: CreateTargetInput,
): Promise<Target> {
  const input = createTargetInput.parse(rawInput);
  await visibleSeries(ctx, seriesId);
  const [created] = await ctx.db
    .insert(kpiTargets)
    .values({ ...input, seriesId, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: kpiTargets.id });
  if (!created) throw ruleViolated(kpiMessages.targetExists, undefined, 'periodStart');
  const target = (await listTargets(ctx, seriesId)).find((candidate) => candidate.id === created.id);
  if (!target) throw notFound(kpiMessages.target);
  return target;
}

/** Removes a target. */
export async function deleteTarget(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const [target] = await ctx.db
    .select({ seriesId: kpiTargets.seriesId, version: kpiTargets.version })
    .from(kpiTargets)
    .where(and(eq(kpiTargets.workspaceId, ctx.actor.workspaceId), eq(kpiTargets.id, id)));
  if (!target) throw notFound(kpiMessages.target);
  await visibleSeries(ctx, target.seriesId);
  if (expectedVersion !== undefined && expectedVersion !== target.version) throw staleVersion();
  await ctx.db.delete(kpiTargets).where(and(eq(kpiTargets.workspaceId, ctx.actor.workspaceId), eq(kpiTargets.id, id)));
}
