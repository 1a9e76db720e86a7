// What other modules (imports) need besides `upsertPoints` to load points from a file and take
// them back: find a metric as people name it, start an account's series, read the values a load
// will replace, and delete points it added. The tables stay this module's.

import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleSeries } from './access';
import { enqueueDetection } from './detection-queue';
import { listMetrics, type Metric } from './metrics';
import { kpiSeries } from './schema';
import { pointTimeOf } from './schemas';

/** Times as one parameter of milliseconds, compared as PostgreSQL times whatever the session's zone. */
const timesIn = (times: readonly string[]) =>
  sql`(select to_timestamp(t.ms / 1000) from unnest(${`{${times.map(pointTimeOf).join(',')}}`}::float8[]) as t(ms))`;

const normalized = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е');

/** Finds catalogue metrics by key (`revenue`) or by name in either language (`Выручка`), case aside. */
export async function metricMatcher(ctx: UseCaseContext): Promise<(text: string) => Metric | undefined> {
  const byName = new Map<string, Metric>();
  for (const metric of await listMetrics(ctx)) {
    for (const name of [metric.key, metric.nameEn, metric.nameRu]) {
      if (!byName.has(normalized(name))) byName.set(normalized(name), metric);
    }
  }
  return (text) => byName.get(normalized(text));
}

export type AccountSeries = { id: string; created: boolean; derived: boolean };

/** The derived series of these accounts (filled by a module, never loaded), as `[account, metric, dimension]` JSON. */
export async function derivedSeriesOf(ctx: UseCaseContext, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await ctx.db
    .select({ accountId: kpiSeries.accountId, metricKey: kpiSeries.metricKey, dimension: kpiSeries.dimension })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, ctx.actor.workspaceId),
        inArray(kpiSeries.accountId, [...new Set(accountIds)]),
        isNotNull(kpiSeries.source),
      ),
    );
  return new Set(rows.map((row) => JSON.stringify([row.accountId, row.metricKey, row.dimension])));
}

type SeriesKey = { accountId: string; metricKey: string; dimension: string };

/** An account's series of a metric (along a dimension, '' for none), if it has one. */
export async function findSeries(
  ctx: UseCaseContext,
  key: SeriesKey,
): Promise<{ id: string; source: string | null } | undefined> {
  const [series] = await ctx.db
    .select({ id: kpiSeries.id, source: kpiSeries.source })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, ctx.actor.workspaceId),
        eq(kpiSeries.accountId, key.accountId),
        eq(kpiSeries.metricKey, key.metricKey),
        eq(kpiSeries.dimension, key.dimension),
      ),
    );
  return series;
}

/** An account's series of a metric (along a dimension, '' for none), started when it has none yet. */
export async function findOrStartSeries(ctx: UseCaseContext, key: SeriesKey): Promise<AccountSeries> {
  const [started] = await ctx.db
    .insert(kpiSeries)
    .values({ workspaceId: ctx.actor.workspaceId, ...key, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: kpiSeries.id });
  if (started) return { id: started.id, created: true, derived: false };
  const series = await findSeries(ctx, key);
  if (!series) throw new Error('Series vanished while starting it');
  return { id: series.id, created: false, derived: series.source !== null };
}

export type PointKey = { accountId: string; metricKey: string; dimension: string; at: string };

/**
 * Which of these points are stored already, by their position in `points`: what a dry run counts
 * as updates. Reads only; a missing series is not started.
 */
export async function storedPoints(ctx: UseCaseContext, points: readonly PointKey[]): Promise<Set<number>> {
  if (points.length === 0) return new Set();
  const keys = points.map((point, position) => ({ ...point, position, ms: pointTimeOf(point.at) }));
  const result = await ctx.db.execute<{ position: number }>(sql`
    select k.position
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
      as k(position int, "accountId" uuid, "metricKey" text, dimension text, ms float8)
    join kpi_series s on s.workspace_id = ${ctx.actor.workspaceId} and s.account_id = k."accountId"
      and s.metric_key = k."metricKey" and s.dimension = k.dimension
    join kpi_points p on p.workspace_id = s.workspace_id and p.series_id = s.id and p.at = to_timestamp(k.ms / 1000)`);
  return new Set(result.rows.map((row) => Number(row.position)));
}

/** The stored values at these times (`YYYY-MM-DD` or ISO), by time in milliseconds. */
export async function readPointValues(
  ctx: UseCaseContext,
  seriesId: string,
  times: readonly string[],
): Promise<Map<number, number>> {
  if (times.length === 0) return new Map();
  const result = await ctx.db.execute<{ ms: number; value: number }>(sql`
    select extract(epoch from p.at)::float8 * 1000 as ms, p.value from kpi_points p
    where p.workspace_id = ${ctx.actor.workspaceId} and p.series_id = ${seriesId}
      and p.at in ${timesIn(times)}`);
  return new Map(result.rows.map((row) => [Number(row.ms), Number(row.value)]));
}

/**
 * Deletes a series' points at these times (an import taken back). Points load unaudited, but a
 * deletion is a change someone made: it is one audit entry against the series, with the values
 * removed. The detector starts the series over.
 */
export async function deletePoints(ctx: UseCaseContext, seriesId: string, times: readonly string[]): Promise<number> {
  if (times.length === 0) return 0;
  await visibleSeries(ctx, seriesId);
  const workspaceId = ctx.actor.workspaceId;
  const result = await ctx.db.execute<{ at: string; value: number }>(sql`
    delete from kpi_points
    where workspace_id = ${workspaceId} and series_id = ${seriesId}
      and at in ${timesIn(times)}
    returning at, value`);
  if (result.rows.length === 0) return 0;
  const before = { points: result.rows.map((row) => ({ at: row.at, value: row.value })) };
  await ctx.db.execute(sql`insert into audit_log (workspace_id, actor_user_id, request_id, entity, entity_id, action, before)
    values (${workspaceId}, nullif(current_setting('app.user_id', true), '')::uuid,
      nullif(current_setting('app.request_id', true), ''), 'kpi_points', ${seriesId}, 'delete', ${JSON.stringify(before)}::jsonb)`);
  await enqueueDetection(ctx, seriesId, true);
  return result.rows.length;
}

/** Deletes a series that has no points left (one an import started, taken back); false when it has some. */
export async function deleteSeriesIfEmpty(ctx: UseCaseContext, seriesId: string): Promise<boolean> {
  const result = await ctx.db.execute(sql`
    delete from kpi_series s
    where s.workspace_id = ${ctx.actor.workspaceId} and s.id = ${seriesId} and s.source is null
      and not exists (select 1 from kpi_points p where p.workspace_id = s.workspace_id and p.series_id = s.id)`);
  return (result.rowCount ?? 0) > 0;
}
