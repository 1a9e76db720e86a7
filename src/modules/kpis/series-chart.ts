import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleSeries } from './access';
import { type ListPointsQuery, listPointsQuery, pointTimeOf } from './schemas';

export type ChartPoint = {
  at: string;
  value: number;
  expectedLow: number | null;
  expectedHigh: number | null;
  score: number | null;
};

/** A series' points in a time range (all when open), oldest first, with the detector's band and score. */
export async function listPoints(
  ctx: UseCaseContext,
  seriesId: string,
  rawQuery: ListPointsQuery,
): Promise<ChartPoint[]> {
  const query = listPointsQuery.parse(rawQuery);
  await visibleSeries(ctx, seriesId);
  const from = query.from ? pointTimeOf(query.from) : undefined;
  const to = query.to ? pointTimeOf(query.to) : undefined;
  // NOTE: ISO text made by PostgreSQL: turning 1,000 timestamps into Date and back costs more than the query.
  const rows = await ctx.db.execute<ChartPoint>(sql`
    select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, value,
      expected_low as "expectedLow", expected_high as "expectedHigh", score
    from kpi_points
    where workspace_id = ${ctx.actor.workspaceId} and series_id = ${seriesId}
      ${from === undefined ? sql`` : sql`and at >= to_timestamp(${from / 1000})`}
      ${to === undefined ? sql`` : sql`and at <= to_timestamp(${to / 1000})`}
    order by at`);
  return rows.rows;
}
