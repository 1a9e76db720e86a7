import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { lockForTransaction } from '../../platform/db/client';
import { invalidField, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { type SeriesRef, visibleSeries } from './access';
import { enqueueDetection } from './detection-queue';
import { kpiMessages } from './messages';
import { findMetric } from './metrics';
import { readPointColumns } from './point-input';
import { kpiPointUploads } from './schema';

export type UpsertPointsResult = {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** True when this answer is the stored one of an earlier upload with the same Idempotency-Key. */
  replayed: boolean;
};

const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/**
 * Inserts or replaces a series' points in one transaction and queues the series for detection.
 * With an `Idempotency-Key`, a retry of the same upload answers what the first one did and
 * changes nothing; the same key with a different upload is refused (422).
 */
export async function upsertPoints(
  ctx: UseCaseContext,
  seriesId: string,
  body: unknown,
  idempotencyKey?: string,
): Promise<UpsertPointsResult> {
  if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
    throw invalidField('Idempotency-Key', kpiMessages.idempotencyKey);
  }
  const workspaceId = ctx.actor.workspaceId;
  const series = await visibleSeries(ctx, seriesId);
  if (series.source) await refuseDerived(ctx, series);
  const { times, values, earliest, latest } = readPointColumns(body);
  const count = times.length;
  // NOTE: each column travels as one array literal built as text once (the driver's array
  // encoding is slower), and the same text makes the Idempotency-Key's hash.
  const timesText = times.join(',');
  const valuesText = values.join(',');

  let bodyHash = '';
  if (idempotencyKey !== undefined) {
    bodyHash = createHash('sha256').update(seriesId).update(timesText).update(valuesText).digest('hex');
    // NOTE: two requests with one key take turns; the second then finds the first's answer.
    await lockForTransaction(ctx.db, `kpi-upload:${idempotencyKey}`, workspaceId);
    const [stored] = await ctx.db
      .select({ bodyHash: kpiPointUploads.bodyHash, response: kpiPointUploads.response })
      .from(kpiPointUploads)
      .where(and(eq(kpiPointUploads.workspaceId, workspaceId), eq(kpiPointUploads.key, idempotencyKey)));
    if (stored) {
      if (stored.bodyHash !== bodyHash) throw ruleViolated(kpiMessages.idempotencyReused, undefined, 'Idempotency-Key');
      return { ...(stored.response as Omit<UpsertPointsResult, 'replayed'>), replayed: true };
    }
  }

  const scoredThrough = await lockDetection(ctx, seriesId);
  const timesParameter = sql.param(`{${timesText}}`);
  const valuesParameter = sql.param(`{${valuesText}}`);
  let inserted = count;
  let updated = 0;
  // NOTE: one statement for the whole upload (at most 100,000 rows). An upload that overlaps no
  // stored point (a new series, or points after the last one: the common case) is a plain
  // INSERT, about twice as fast as INSERT … ON CONFLICT, which probes the key before each row.
  // The detection row locked above keeps other uploads of the series out until this one commits.
  if (await overlapsStoredPoints(ctx, seriesId, earliest, latest)) {
    // Each changed value is audited by the points' row trigger (decision 0013).
    const result = await ctx.db.execute<{ inserted: number; updated: number }>(sql`
      with upserted as (
        insert into kpi_points (workspace_id, series_id, at, value, updated_at)
        select ${workspaceId}::uuid, ${seriesId}::uuid, to_timestamp(t.ms / 1000), t.value, ${ctx.now}::timestamptz
        from unnest(${timesParameter}::float8[], ${valuesParameter}::float8[]) as t(ms, value)
        on conflict (workspace_id, series_id, at) do update
          set value = excluded.value, updated_at = excluded.updated_at
          where kpi_points.value is distinct from excluded.value
        returning (xmax = 0) as fresh
      )
      select (count(*) filter (where fresh))::int as inserted, (count(*) filter (where not fresh))::int as updated
      from upserted`);
    inserted = result.rows[0]?.inserted ?? 0;
    updated = result.rows[0]?.updated ?? 0;
  } else {
    await ctx.db.execute(sql`
      insert into kpi_points (workspace_id, series_id, at, value, updated_at)
      select ${workspaceId}::uuid, ${seriesId}::uuid, to_timestamp(t.ms / 1000), t.value, ${ctx.now}::timestamptz
      from unnest(${timesParameter}::float8[], ${valuesParameter}::float8[]) as t(ms, value)`);
  }
  const changedBefore = scoredThrough !== null && earliest <= scoredThrough.getTime() && inserted + updated > 0;
  if (inserted + updated > 0) await enqueueDetection(ctx, seriesId, changedBefore);

  const response = { received: count, inserted, updated, unchanged: count - inserted - updated };
  if (idempotencyKey !== undefined) {
    await ctx.db.insert(kpiPointUploads).values({
      workspaceId,
      key: idempotencyKey,
      seriesId,
      bodyHash,
      response,
      createdAt: ctx.now,
    });
  }
  return { ...response, replayed: false };
}

/** 422 naming the series: a derived series takes its points from its module only. */
async function refuseDerived(ctx: UseCaseContext, series: SeriesRef): Promise<never> {
  const metric = await findMetric(ctx, series.metricKey);
  throw ruleViolated(
    kpiMessages.derivedSeriesReadOnly,
    {
      nameEn: metric?.nameEn ?? series.metricKey,
      nameRu: metric?.nameRu ?? series.metricKey,
      dimension: series.dimension ? ` · ${series.dimension}` : '',
      module: series.sourceModule ?? '',
    },
    'points',
  );
}

/** Whether the series holds a point between the two times (inclusive). */
async function overlapsStoredPoints(ctx: UseCaseContext, seriesId: string, from: number, to: number) {
  const result = await ctx.db.execute<{ overlaps: boolean }>(sql`
    select exists (select 1 from kpi_points
      where workspace_id = ${ctx.actor.workspaceId} and series_id = ${seriesId}
        and at >= to_timestamp(${from / 1000}) and at <= to_timestamp(${to / 1000})) as overlaps`);
  return result.rows[0]?.overlaps ?? true;
}

/**
 * Locks the series' detection row (creating it) and returns how far the detector has read: the
 * job holds the same lock while it scores, so an upload either lands before the job reads or
 * after it has saved, and never slips behind what it read.
 */
async function lockDetection(ctx: UseCaseContext, seriesId: string): Promise<Date | null> {
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.execute(sql`insert into kpi_series_detection (workspace_id, series_id)
    values (${workspaceId}, ${seriesId}) on conflict do nothing`);
  const result = await ctx.db.execute<{ scored_through_ms: number | null }>(sql`
    select extract(epoch from scored_through)::float8 * 1000 as scored_through_ms from kpi_series_detection
    where workspace_id = ${workspaceId} and series_id = ${seriesId} for update`);
  const milliseconds = result.rows[0]?.scored_through_ms;
  return milliseconds === null || milliseconds === undefined ? null : new Date(milliseconds);
}
