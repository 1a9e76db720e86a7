import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { UseCaseContext } from '../../platform/use-case';
import { readAccountFigures } from '../kpis';
import { workspaces } from '../workspaces';
import { figureValueOf, mergeFigures } from './report-rules';
import { type ClientReport, getReport, updateReport } from './reports';

export const pullFiguresInput = z.strictObject({
  /** The KPI metrics to quote; leads and goals/conversions per advertising channel when absent. */
  metricKeys: z.array(z.string().trim().min(1).max(100)).min(1).max(20).default(['leads', 'conversions']),
});
export type PullFiguresInput = z.input<typeof pullFiguresInput>;

/**
 * Fills a draft report's figures from its account's KPI series over the report's period, one per
 * series (its dimension is the channel), named in the workspace's language; figures typed by
 * hand stay, and every figure can still be corrected by hand. Same rights as editing the draft.
 */
export async function pullReportFigures(
  ctx: UseCaseContext,
  id: string,
  rawInput: PullFiguresInput,
  expectedVersion?: number,
): Promise<ClientReport> {
  const input = pullFiguresInput.parse(rawInput);
  const report = await getReport(ctx, id);
  const [workspace] = await ctx.db
    .select({ locale: workspaces.locale })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.actor.workspaceId));
  const figures = await readAccountFigures(
    ctx,
    report.account.id,
    input.metricKeys,
    report.periodStart,
    report.periodEnd,
  );
  const pulled = figures.map((figure) => ({
    label: workspace?.locale === 'en' ? figure.nameEn : figure.nameRu,
    value: figureValueOf(figure.value),
    channel: figure.dimension || null,
  }));
  return updateReport(ctx, id, { figures: mergeFigures(report.figures, pulled) }, expectedVersion);
}
