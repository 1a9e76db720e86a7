import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { findMetric } from './metrics';

export type AccountFigure = {
  metricKey: string;
  nameEn: string;
  nameRu: string;
  /** The series' dimension (an advertising channel…); '' when it has none. */
  dimension: string;
  /** The period's value as the metric aggregates: a sum, a mean, or the last point. */
  value: number;
  points: number;
};

/**
 * An account's KPI figures over a period (both dates included), one per series of the given
 * metrics, aggregated as each metric says: for other modules that quote KPIs, such as a client
 * report's figures. NOTE: the caller has already decided the actor may work with this account
 * (a report they may prepare); series without points in the period are left out.
 */
export async function readAccountFigures(
  ctx: UseCaseContext,
  accountId: string,
  metricKeys: readonly string[],
  from: string,
  to: string,
): Promise<AccountFigure[]> {
  if (metricKeys.length === 0) return [];
  const rows = (
    await ctx.db.execute<{
      metric_key: string;
      dimension: string;
      sum: number;
      mean: number;
      last: number;
      points: number;
    }>(sql`
      select s.metric_key, s.dimension, sum(p.value)::float8 as sum, avg(p.value)::float8 as mean,
        (array_agg(p.value order by p.at desc))[1]::float8 as last, count(*)::int as points
      from kpi_series s
      join kpi_points p on p.workspace_id = s.workspace_id and p.series_id = s.id
      where s.workspace_id = ${ctx.actor.workspaceId} and s.account_id = ${accountId}
        and s.metric_key in ${[...metricKeys]}
        and p.at >= ${from}::date and p.at < (${to}::date + 1)
      group by s.metric_key, s.dimension
      order by s.metric_key, s.dimension`)
  ).rows;
  const figures: AccountFigure[] = [];
  for (const key of metricKeys) {
    const metric = await findMetric(ctx, key);
    if (!metric) continue;
    for (const row of rows.filter((candidate) => candidate.metric_key === key)) {
      const value = metric.aggregation === 'sum' ? row.sum : metric.aggregation === 'average' ? row.mean : row.last;
      figures.push({
        metricKey: key,
        nameEn: metric.nameEn,
        nameRu: metric.nameRu,
        dimension: row.dimension,
        value: Number(value),
        points: row.points,
      });
    }
  }
  return figures;
}
