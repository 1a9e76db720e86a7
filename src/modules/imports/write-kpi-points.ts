import { currencies } from '../../analytics/money';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import {
  derivedSeriesOf,
  findOrStartSeries,
  type Metric,
  metricMatcher,
  readPointValues,
  storedPoints,
  upsertPoints,
} from '../kpis';
import { insertRows } from './bulk-write';
import type { KpiPointDraft } from './kpi-point-drafts';
import { rowProblemReporter } from './load-import';
import { importMessages } from './messages';
import { companiesOfRows, companyField, companyNotFound } from './row-companies';
import { importChanges, type RowProblem } from './schema';
import type { BatchResult, RunState } from './write-batch';

type Planned = { row: number; draft: KpiPointDraft };
type ResolvedPoint = Planned & { accountId: string; metric: Metric };

/** What a series' points were before an import touched them: what undo puts back. */
export type SeriesChange = { added: string[]; corrected: { at: string; value: number }[]; seriesCreated: boolean };

// NOTE: how sheets write the units of Accord's metric units; compared lower-case without dots and spaces.
const unitNames: Record<Metric['unit'], string[]> = {
  money: ['money', 'деньги', 'руб', 'рубли', 'рублей', '₽', '$', '€', ...currencies.map((code) => code.toLowerCase())],
  count: ['count', 'pcs', 'qty', 'items', 'шт', 'штук', 'ед', 'количество', 'число'],
  percent: ['%', 'percent', 'pct', 'процент', 'проценты', 'процентов'],
  ratio: ['ratio', 'x', 'доля', 'коэффициент', 'отношение'],
  score: ['score', 'points', 'балл', 'баллы', 'баллов', 'очки'],
  days: ['days', 'day', 'd', 'дни', 'дней', 'дн', 'день', 'сутки'],
};

function unitFits(unit: string, metric: Metric): boolean {
  const text = unit.toLowerCase().replace(/[.\s]/g, '');
  return text === metric.unit || unitNames[metric.unit].includes(text);
}

/**
 * Finds each value's company (by the source's id, else by exact name; never created) and its
 * metric (by key or name); a row whose company or metric is not found, whose unit is not the
 * metric's, or whose series a module fills itself (revenue from finance), is reported.
 */
export async function resolveKpiPoints(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source' | 'columnOf'>,
  batch: Planned[],
): Promise<{ resolved: ResolvedPoint[]; problems: RowProblem[] }> {
  const companies = await companiesOfRows(
    ctx,
    state,
    batch.map(({ draft }) => draft),
    { byName: 'rows-without-id', byRelated: false },
  );
  const metricOf = await metricMatcher(ctx);
  const derived = await derivedSeriesOf(ctx, companies.found);
  const problems: RowProblem[] = [];
  const resolved: ResolvedPoint[] = [];
  const report = rowProblemReporter(problems, state.columnOf);
  for (const { row, draft } of batch) {
    const accountId = companies.companyOf(draft);
    const metric = metricOf(draft.metric);
    if (!accountId) report(row, companyNotFound(draft), { field: companyField(draft) });
    if (!metric) {
      report(row, { text: importMessages.metricNotFound, params: { value: draft.metric } }, { field: 'metric' });
    } else if (draft.unit && !unitFits(draft.unit, metric)) {
      report(
        row,
        { text: importMessages.unitMismatch, params: { value: draft.unit, unit: metric.unit } },
        { field: 'unit' },
      );
    }
    if (!accountId || !metric || (draft.unit && !unitFits(draft.unit, metric))) continue;
    if (derived.has(JSON.stringify([accountId, metric.key, draft.dimension]))) {
      const value = [metric.nameEn, draft.dimension].filter(Boolean).join(' · ');
      report(row, { text: importMessages.derivedMetric, params: { value } }, { field: 'metric' });
      continue;
    }
    resolved.push({ row, draft, accountId, metric });
  }
  return { resolved, problems };
}

/**
 * The rows whose value is stored already (their series has a point at that time), by external id:
 * what a dry run counts as updates, resolved as the run will resolve them, 5,000 rows at a time.
 */
export async function storedKpiRows(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source' | 'columnOf'>,
  batch: Planned[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let start = 0; start < batch.length; start += 5000) {
    const { resolved } = await resolveKpiPoints(ctx, state, batch.slice(start, start + 5000));
    const found = await storedPoints(
      ctx,
      resolved.map(({ accountId, metric, draft }) => ({
        accountId,
        metricKey: metric.key,
        dimension: draft.dimension,
        at: draft.at,
      })),
    );
    for (const position of found) stored.add((resolved[position] as ResolvedPoint).draft.externalId);
  }
  return stored;
}

/**
 * Writes one batch of KPI values through the kpis module: each series found or started, its
 * stored values read first (so undo can put back what a value replaced), then one upsert per
 * series. A value equal to the stored one is unchanged, so loading a file again changes nothing.
 */
export async function writeKpiPoints(ctx: UseCaseContext, state: RunState, batch: Planned[]): Promise<BatchResult> {
  const { resolved, problems } = await resolveKpiPoints(ctx, state, batch);
  const report = rowProblemReporter(problems, state.columnOf);
  // NOTE: one series' time once: a metric named both by key and by name on two rows is a repeat.
  const bySeries = new Map<string, Map<string, ResolvedPoint>>();
  for (const point of resolved) {
    const key = JSON.stringify([point.accountId, point.metric.key, point.draft.dimension]);
    const points = bySeries.get(key) ?? new Map<string, ResolvedPoint>();
    const earlier = points.get(point.draft.at);
    if (earlier) {
      report(
        earlier.row,
        { text: importMessages.duplicateInFile, params: { reference: point.draft.at, row: point.row } },
        { field: 'pointDate' },
      );
    }
    points.set(point.draft.at, point);
    bySeries.set(key, points);
  }
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const changes: { seriesId: string; change: SeriesChange }[] = [];
  for (const pointsAt of bySeries.values()) {
    const points = [...pointsAt.values()];
    const [first] = points;
    if (!first) continue;
    const key = { accountId: first.accountId, metricKey: first.metric.key, dimension: first.draft.dimension };
    const series = await findOrStartSeries(ctx, key);
    // NOTE: a series turned derived since the batch was resolved.
    if (series.derived) {
      const value = [first.metric.nameEn, first.draft.dimension].filter(Boolean).join(' · ');
      for (const { row } of points) {
        report(row, { text: importMessages.derivedMetric, params: { value } }, { field: 'metric' });
      }
      continue;
    }
    const stored = await readPointValues(
      ctx,
      series.id,
      points.map(({ draft }) => draft.at),
    );
    const change: SeriesChange = { added: [], corrected: [], seriesCreated: series.created };
    const toWrite: { at: string; value: number }[] = [];
    for (const { draft } of points) {
      const before = stored.get(Date.parse(draft.at.length === 10 ? `${draft.at}T00:00:00Z` : draft.at));
      if (before === draft.value) {
        unchanged += 1;
        continue;
      }
      toWrite.push({ at: draft.at, value: draft.value });
      if (before === undefined) change.added.push(draft.at);
      else change.corrected.push({ at: draft.at, value: before });
    }
    if (toWrite.length > 0) await upsertPoints(ctx, series.id, { points: toWrite });
    created += change.added.length;
    updated += change.corrected.length;
    if (toWrite.length > 0 || series.created) changes.push({ seriesId: series.id, change });
  }
  await insertRows(
    ctx,
    importChanges,
    changes.map(({ seriesId, change }) => ({
      workspaceId: ctx.actor.workspaceId,
      id: newId(),
      importId: state.importId,
      entity: 'kpi_series' as const,
      recordId: seriesId,
      action: change.seriesCreated ? ('created' as const) : ('updated' as const),
      previous: change,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  return { created, updated, unchanged, problems };
}
