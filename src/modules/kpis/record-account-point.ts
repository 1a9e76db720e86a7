import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccount } from './access';
import { deletePoints, findOrStartSeries, findSeries } from './point-corrections';
import { upsertPoints } from './upsert-points';

/**
 * Writes one point of an account's metric (no dimension), starting the series when it has none
 * yet: for other modules that compute a KPI themselves, such as client care's NPS and CSAT.
 */
export async function recordAccountPoint(
  ctx: UseCaseContext,
  point: { accountId: string; metricKey: string; at: string; value: number },
): Promise<void> {
  await visibleAccount(ctx, point.accountId);
  const series = await findOrStartSeries(ctx, {
    accountId: point.accountId,
    metricKey: point.metricKey,
    dimension: '',
  });
  await upsertPoints(ctx, series.id, { points: [{ at: point.at, value: point.value }] });
}

/**
 * Removes one point of an account's metric (no dimension) when its series has one: for a module
 * whose computed KPI has nothing left to be computed from (client care's month without answers).
 */
export async function removeAccountPoint(
  ctx: UseCaseContext,
  point: { accountId: string; metricKey: string; at: string },
): Promise<void> {
  await visibleAccount(ctx, point.accountId);
  const series = await findSeries(ctx, { accountId: point.accountId, metricKey: point.metricKey, dimension: '' });
  if (series) await deletePoints(ctx, series.id, [point.at]);
}
