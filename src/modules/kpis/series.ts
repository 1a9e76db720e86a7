import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { readableSeries, visibleAccount, visibleSeries } from './access';
import { kpiMessages } from './messages';
import { findMetric, type Metric } from './metrics';
import { kpiFindings, kpiMetrics, kpiPoints, kpiSeries } from './schema';
import { type CreateSeriesInput, createSeriesInput, type ListSeriesQuery, listSeriesQuery } from './schemas';

export type Series = {
  id: string;
  accountId: string;
  metricKey: string;
  dimension: string;
  /** The derived series provider that fills it (read-only), or null for an uploaded series. */
  source: string | null;
  sourceModule: string | null;
  version: number;
  createdAt: Date;
  pointCount: number;
  firstAt: Date | null;
  lastAt: Date | null;
  openFindings: number;
};

const seriesColumns = {
  id: kpiSeries.id,
  accountId: kpiSeries.accountId,
  metricKey: kpiSeries.metricKey,
  dimension: kpiSeries.dimension,
  source: kpiSeries.source,
  sourceModule: kpiSeries.sourceModule,
  version: kpiSeries.version,
  createdAt: kpiSeries.createdAt,
  pointCount: sql<number>`(select count(*)::int from ${kpiPoints} p
    where p.workspace_id = ${kpiSeries.workspaceId} and p.series_id = ${kpiSeries.id})`,
  firstAt: sql<Date | null>`(select min(p.at) from ${kpiPoints} p
    where p.workspace_id = ${kpiSeries.workspaceId} and p.series_id = ${kpiSeries.id})`.mapWith(kpiPoints.at),
  lastAt: sql<Date | null>`(select max(p.at) from ${kpiPoints} p
    where p.workspace_id = ${kpiSeries.workspaceId} and p.series_id = ${kpiSeries.id})`.mapWith(kpiPoints.at),
  openFindings: sql<number>`(select count(*)::int from ${kpiFindings} f
    where f.workspace_id = ${kpiSeries.workspaceId} and f.series_id = ${kpiSeries.id} and f.status = 'open')`,
};

/** A series with its metric and counts. */
export async function getSeries(ctx: UseCaseContext, id: string): Promise<Series & { metric: Metric }> {
  await visibleSeries(ctx, id);
  const [row] = await ctx.db
    .select(seriesColumns)
    .from(kpiSeries)
    .where(and(eq(kpiSeries.workspaceId, ctx.actor.workspaceId), eq(kpiSeries.id, id)));
  if (!row) throw notFound(kpiMessages.series);
  const metric = await findMetric(ctx, row.metricKey);
  if (!metric) throw notFound(kpiMessages.metric);
  return { ...row, metric };
}

/** Series of the visible accounts, filtered by account or metric, oldest first. */
export async function listSeries(ctx: UseCaseContext, rawQuery: ListSeriesQuery): Promise<Page<Series>> {
  const query = listSeriesQuery.parse(rawQuery);
  if (query.accountId) await visibleAccount(ctx, query.accountId);
  const page = keyset({
    sort: query.sort,
    expressions: { createdAt: kpiSeries.createdAt },
    id: kpiSeries.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...seriesColumns, sortKey: page.sortKey })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, ctx.actor.workspaceId),
        query.accountId ? eq(kpiSeries.accountId, query.accountId) : undefined,
        query.metricKey ? eq(kpiSeries.metricKey, query.metricKey) : undefined,
        query.q ? sql`${kpiSeries.dimension} ilike ${containsPattern(query.q)}` : undefined,
        visibleAccountIds(ctx, kpiSeries.accountId),
        readableSeries(ctx),
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row);
}

/** Starts a series of a metric for an account (and dimension); 422 when it exists or the metric does not. */
export async function createSeries(
  ctx: UseCaseContext,
  rawInput: CreateSeriesInput,
): Promise<Series & { metric: Metric }> {
  const input = createSeriesInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await visibleAccount(ctx, input.accountId);
  const metric = await findMetric(ctx, input.metricKey);
  if (!metric) throw ruleViolated(kpiMessages.unknownMetric, undefined, 'metricKey');
  if (metric.id) {
    // NOTE: holds off a concurrent delete of the custom metric until this series exists.
    await ctx.db
      .select({ id: kpiMetrics.id })
      .from(kpiMetrics)
      .where(and(eq(kpiMetrics.workspaceId, workspaceId), eq(kpiMetrics.id, metric.id)))
      .for('share');
  }
  await lockRow(ctx.db, accounts, { workspaceId, id: input.accountId }, 'update');
  const [created] = await ctx.db
    .insert(kpiSeries)
    .values({ ...input, workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: kpiSeries.id });
  if (!created) throw ruleViolated(kpiMessages.seriesExists, undefined, 'dimension');
  return getSeries(ctx, created.id);
}

/** Deletes a series with its points, findings and targets. */
export async function deleteSeries(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const series = await visibleSeries(ctx, id);
  if (series.source) throw ruleViolated(kpiMessages.derivedSeriesKept, { module: series.sourceModule ?? '' });
  if (expectedVersion !== undefined && expectedVersion !== series.version) throw staleVersion();
  await ctx.db.delete(kpiSeries).where(and(eq(kpiSeries.workspaceId, ctx.actor.workspaceId), eq(kpiSeries.id, id)));
}
