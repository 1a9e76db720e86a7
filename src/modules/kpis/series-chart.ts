import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccountIds } from '../accounts';
import { readableSeries, visibleSeries } from './access';
import { kpiSeries } from './schema';
import { type ListPointsQuery, listPointsQuery, pointTimeOf } from './schemas';

/**
 * A series' points in a time range (all when open), oldest first, with the band and score the
 * detection job stored: the response body `{"items": […]}` as JSON text, made by PostgreSQL in
 * the one statement that also checks the series is visible (three years of daily points: one
 * index range scan; building and parsing 1,000 row objects in Node cost more than the query).
 */
export async function listPointsJson(
  ctx: UseCaseContext,
  seriesId: string,
  rawQuery: ListPointsQuery,
): Promise<string> {
  const query = listPointsQuery.parse(rawQuery);
  const workspaceId = ctx.actor.workspaceId;
  const from = query.from ? pointTimeOf(query.from) : undefined;
  const to = query.to ? pointTimeOf(query.to) : undefined;
  const visible = sql.join(
    [
      sql`${kpiSeries.workspaceId} = ${workspaceId} and ${kpiSeries.id} = ${seriesId}`,
      visibleAccountIds(ctx, kpiSeries.accountId) ?? sql`true`,
      readableSeries(ctx),
    ],
    sql` and `,
  );
  const result = await ctx.db.execute<{ visible: boolean; body: string }>(sql`
    select exists (select 1 from ${kpiSeries} where ${visible}) as visible,
      json_build_object('items', coalesce((
        select json_agg(json_build_object(
          'at', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'value', value,
          'expectedLow', expected_low, 'expectedHigh', expected_high, 'score', score) order by at)
        from kpi_points
        where workspace_id = ${workspaceId} and series_id = ${seriesId}
          ${from === undefined ? sql`` : sql`and at >= to_timestamp(${from / 1000})`}
          ${to === undefined ? sql`` : sql`and at <= to_timestamp(${to / 1000})`}
      ), '[]'::json))::text as body`);
  const row = result.rows[0];
  // NOTE: the points are read alongside the check and dropped when it fails; visibleSeries then
  // answers the 404 in the reader's language.
  if (!row?.visible) await visibleSeries(ctx, seriesId);
  return row?.body ?? '{"items":[]}';
}
