import { sql } from 'drizzle-orm';
import { asSystem, type Database, inWorkspace, lockForTransaction } from '../../platform/db/client';
import type { DerivedPoint, DerivedSeriesProvider } from '../../platform/derived-series';
import type { Logger } from '../../platform/logger';
import type { UseCaseContext } from '../../platform/use-case';
import { workerActor } from './worker-actor';

/** The derived series providers the composition root passes in (decision 0013). */
export type DerivedSeriesRegistry = readonly DerivedSeriesProvider[];

/** How far back derived series reach: three years of months. */
const yearsKept = 3;

/**
 * The dates a refresh covers: from the first day of the month three years ago to yesterday.
 * Providers give only periods (months, weeks) that ended by then: a running period is left out
 * until it ends, so the detector never reads half a month as a dip.
 */
export function derivedRange(now: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear() - yearsKept, now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const to = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * Writes a provider's points into its series: creates the series it needs (an uploaded series with
 * the same account, metric and dimension keeps its place, and those points are dropped), upserts
 * changed values, deletes points the source no longer has, and queues detection for every series
 * that changed (a rescore when the change reaches back into what the detector has read).
 * Returns how many points changed.
 */
export async function writeDerivedPoints(
  ctx: UseCaseContext,
  provider: DerivedSeriesProvider,
  points: readonly DerivedPoint[],
  range: { from: string; to: string },
): Promise<number> {
  const workspaceId = ctx.actor.workspaceId;
  const keys = [...new Map(points.map((point) => [`${point.accountId}/${point.dimension}`, point])).values()];
  if (keys.length > 0) {
    await ctx.db.execute(sql`
      insert into kpi_series (workspace_id, id, account_id, metric_key, dimension, source, source_module,
        source_read_permission, source_read_all_permission, created_at, updated_at)
      select ${workspaceId}::uuid, accord_uuid_v7(), t.account_id, ${provider.metricKey}, t.dimension, ${provider.key},
        ${provider.module}, ${provider.access.read}, ${provider.access.readAll}, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz
      from unnest(${sql.param(keys.map((point) => point.accountId))}::uuid[],
        ${sql.param(keys.map((point) => point.dimension))}::text[]) as t(account_id, dimension)
      on conflict (workspace_id, account_id, metric_key, dimension) do nothing`);
  }
  const series = (
    await ctx.db.execute<{ id: string; account_id: string; dimension: string }>(sql`
      select id, account_id, dimension from kpi_series
      where workspace_id = ${workspaceId} and source = ${provider.key}`)
  ).rows;
  if (series.length === 0) return 0;
  const seriesIds = series.map((row) => row.id);
  // NOTE: the detection job holds these rows while it reads: a refresh lands before or after it.
  await ctx.db.execute(sql`
    insert into kpi_series_detection (workspace_id, series_id)
    select ${workspaceId}::uuid, id from unnest(${sql.param(seriesIds)}::uuid[]) as t(id)
    on conflict do nothing`);
  await ctx.db.execute(sql`
    select 1 from kpi_series_detection
    where workspace_id = ${workspaceId} and series_id = any(${sql.param(seriesIds)}::uuid[])
    order by series_id for update`);

  const seriesOf = new Map(series.map((row) => [`${row.account_id}/${row.dimension}`, row.id]));
  const kept = points.flatMap((point) => {
    const id = seriesOf.get(`${point.accountId}/${point.dimension}`);
    return id ? [{ id, ms: Date.parse(`${point.at}T00:00:00Z`), value: point.value }] : [];
  });
  const result = await ctx.db.execute<{ changed: number }>(sql`
    with incoming as (
      select * from unnest(${sql.param(kept.map((point) => point.id))}::uuid[],
        ${sql.param(kept.map((point) => point.ms))}::float8[], ${sql.param(kept.map((point) => point.value))}::float8[])
        as t(series_id, ms, value)
    ), upserted as (
      insert into kpi_points (workspace_id, series_id, at, value, updated_at)
      select ${workspaceId}::uuid, i.series_id, to_timestamp(i.ms / 1000), i.value, ${ctx.now}::timestamptz from incoming i
      on conflict (workspace_id, series_id, at) do update
        set value = excluded.value, updated_at = excluded.updated_at
        where kpi_points.value is distinct from excluded.value
      returning series_id, at
    ), removed as (
      delete from kpi_points p
      where p.workspace_id = ${workspaceId} and p.series_id = any(${sql.param(seriesIds)}::uuid[])
        and p.at >= ${`${range.from}T00:00:00Z`}::timestamptz and p.at <= ${`${range.to}T00:00:00Z`}::timestamptz
        and not exists (select 1 from incoming i where i.series_id = p.series_id and to_timestamp(i.ms / 1000) = p.at)
      returning series_id, at
    ), changed as (
      select series_id, min(at) as earliest, count(*) as points
      from (select * from upserted union all select * from removed) c group by series_id
    ), queued as (
      insert into kpi_detection_jobs (workspace_id, series_id, requested_at, rescore)
      select ${workspaceId}::uuid, c.series_id, clock_timestamp(), coalesce(c.earliest <= d.scored_through, false)
      from changed c
      left join kpi_series_detection d on d.workspace_id = ${workspaceId} and d.series_id = c.series_id
      on conflict (workspace_id, series_id) do update
        set requested_at = excluded.requested_at,
            rescore = kpi_detection_jobs.rescore or excluded.rescore,
            attempts = 0
      returning 1
    )
    select coalesce(sum(points), 0)::int as changed from changed`);
  return result.rows[0]?.changed ?? 0;
}

/** Recomputes one provider's series in one workspace if its source changed; returns the points changed (or null: unchanged). */
async function refreshSource(
  db: Database,
  workspaceId: string,
  provider: DerivedSeriesProvider,
  now: Date,
): Promise<number | null> {
  return inWorkspace(db, { workspaceId }, async (tx) => {
    const ctx: UseCaseContext = { db: tx, actor: workerActor(workspaceId), now };
    // NOTE: two servers take turns on a source; the second then finds the version stored.
    await lockForTransaction(tx, `kpi-derived:${provider.key}`, workspaceId);
    const version = await provider.sourceVersion(ctx);
    const stored = await tx.execute<{ source_version: string }>(sql`
      select source_version from kpi_derived_sources where workspace_id = ${workspaceId} and source = ${provider.key}`);
    if (stored.rows[0]?.source_version === version) return null;
    const range = derivedRange(now);
    const points = await provider.readPoints(ctx, range);
    const changed = await writeDerivedPoints(ctx, provider, points, range);
    await tx.execute(sql`
      insert into kpi_derived_sources (workspace_id, source, source_version, refreshed_at)
      values (${workspaceId}, ${provider.key}, ${version}, ${now}::timestamptz)
      on conflict (workspace_id, source) do update
        set source_version = excluded.source_version, refreshed_at = excluded.refreshed_at`);
    return changed;
  });
}

/**
 * Brings every workspace's derived series up to date with their sources (only those whose source
 * changed are recomputed); returns how many points changed. A failing source is logged and the
 * others go on.
 */
export async function refreshDerivedSeries(
  db: Database,
  providers: DerivedSeriesRegistry,
  options: { now?: Date; logger?: Logger } = {},
): Promise<number> {
  if (providers.length === 0) return 0;
  const now = options.now ?? new Date();
  const workspaces = await asSystem(db, {}, (tx) => tx.execute<{ id: string }>(sql`select id from workspaces`));
  let changed = 0;
  for (const { id } of workspaces.rows) {
    for (const provider of providers) {
      try {
        changed += (await refreshSource(db, id, provider, now)) ?? 0;
      } catch (error) {
        if (!options.logger) throw error;
        options.logger.error({ err: error, workspaceId: id, source: provider.key }, 'Derived KPI series failed');
      }
    }
  }
  return changed;
}
