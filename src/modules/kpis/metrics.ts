import { and, asc, eq } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { kpiMessages } from './messages';
import { kpiMetrics, kpiSeries } from './schema';
import {
  builtInMetricKeys,
  builtInMetrics,
  type CreateMetricInput,
  createMetricInput,
  type MetricDefinition,
  type UpdateMetricInput,
  updateMetricInput,
} from './schemas';

/** A metric of the catalogue: built in (no id, not editable) or the workspace's own. */
export type Metric = MetricDefinition & { id: string | null; builtIn: boolean; version: number | null };

const metricColumns = {
  id: kpiMetrics.id,
  key: kpiMetrics.key,
  nameEn: kpiMetrics.nameEn,
  nameRu: kpiMetrics.nameRu,
  unit: kpiMetrics.unit,
  direction: kpiMetrics.direction,
  aggregation: kpiMetrics.aggregation,
  frequency: kpiMetrics.frequency,
  version: kpiMetrics.version,
};

function customMetric(row: typeof kpiMetrics.$inferSelect | Record<keyof typeof metricColumns, unknown>): Metric {
  return { ...(row as MetricDefinition & { id: string; version: number }), builtIn: false };
}

/** The catalogue: built-in metrics, then the workspace's own by key. */
export async function listMetrics(ctx: UseCaseContext): Promise<Metric[]> {
  const rows = await ctx.db
    .select(metricColumns)
    .from(kpiMetrics)
    .where(eq(kpiMetrics.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(kpiMetrics.key));
  return [
    ...builtInMetrics.map((metric) => ({ ...metric, id: null, builtIn: true, version: null })),
    ...rows.map(customMetric),
  ];
}

/** One metric by key, or undefined. */
export async function findMetric(ctx: UseCaseContext, key: string): Promise<Metric | undefined> {
  const builtIn = builtInMetrics.find((metric) => metric.key === key);
  if (builtIn) return { ...builtIn, id: null, builtIn: true, version: null };
  const [row] = await ctx.db
    .select(metricColumns)
    .from(kpiMetrics)
    .where(and(eq(kpiMetrics.workspaceId, ctx.actor.workspaceId), eq(kpiMetrics.key, key)));
  return row ? customMetric(row) : undefined;
}

async function getCustomMetric(ctx: UseCaseContext, id: string): Promise<Metric> {
  const [row] = await ctx.db
    .select(metricColumns)
    .from(kpiMetrics)
    .where(and(eq(kpiMetrics.workspaceId, ctx.actor.workspaceId), eq(kpiMetrics.id, id)));
  if (!row) throw notFound(kpiMessages.metric);
  return customMetric(row);
}

/** Adds a custom metric; its key may not repeat a built-in one or another custom one (422 on `key`). */
export async function createMetric(ctx: UseCaseContext, rawInput: CreateMetricInput): Promise<Metric> {
  const input = createMetricInput.parse(rawInput);
  if (builtInMetricKeys.has(input.key)) throw ruleViolated(kpiMessages.metricKeyTaken, undefined, 'key');
  const [created] = await ctx.db
    .insert(kpiMetrics)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning(metricColumns);
  if (!created) throw ruleViolated(kpiMessages.metricKeyTaken, undefined, 'key');
  return customMetric(created);
}

/** Changes a custom metric (its key stays: series refer to it). 412 when `expectedVersion` is stale. */
export async function updateMetric(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateMetricInput,
  expectedVersion: number | undefined,
): Promise<Metric> {
  const input = updateMetricInput.parse(rawInput);
  const current = await getCustomMetric(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  const [updated] = await ctx.db
    .update(kpiMetrics)
    .set({ ...input, updatedAt: ctx.now, version: (current.version ?? 1) + 1 })
    .where(
      and(
        eq(kpiMetrics.workspaceId, ctx.actor.workspaceId),
        eq(kpiMetrics.id, id),
        eq(kpiMetrics.version, current.version ?? 1),
      ),
    )
    .returning(metricColumns);
  if (!updated) throw staleVersion();
  return customMetric(updated);
}

/** Deletes a custom metric no series uses (else 422). */
export async function deleteMetric(
  ctx: UseCaseContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const current = await getCustomMetric(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  // NOTE: a series being created with this metric holds a share lock on it: wait for it, then count.
  await lockRow(ctx.db, kpiMetrics, { workspaceId: ctx.actor.workspaceId, id }, 'delete');
  const [used] = await ctx.db
    .select({ id: kpiSeries.id })
    .from(kpiSeries)
    .where(and(eq(kpiSeries.workspaceId, ctx.actor.workspaceId), eq(kpiSeries.metricKey, current.key)))
    .limit(1);
  if (used) throw ruleViolated(kpiMessages.metricInUse);
  await ctx.db.delete(kpiMetrics).where(and(eq(kpiMetrics.workspaceId, ctx.actor.workspaceId), eq(kpiMetrics.id, id)));
}
