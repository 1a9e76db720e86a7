import { and, eq } from 'drizzle-orm';
import { comparePlanSnapshots, type PlanDiff, type PlanSnapshot } from '../../analytics/plans';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { visiblePlan } from './get-plan';
import { planMessages } from './messages';
import { planVersions } from './schema';
import { type CompareVersionsQuery, compareVersionsQuery } from './schemas';

export type PlanVersion = {
  number: number;
  approvedAt: Date;
  approvedById: string;
  snapshot: PlanSnapshot;
};

/** One approved version of a plan, as it was approved; 404 when the plan has no such version. */
export async function getPlanVersion(ctx: UseCaseContext, planId: string, number: number): Promise<PlanVersion> {
  await visiblePlan(ctx, planId);
  const [version] = await ctx.db
    .select({
      number: planVersions.number,
      approvedAt: planVersions.approvedAt,
      approvedById: planVersions.approvedById,
      snapshot: planVersions.snapshot,
    })
    .from(planVersions)
    .where(
      and(
        eq(planVersions.workspaceId, ctx.actor.workspaceId),
        eq(planVersions.planId, planId),
        eq(planVersions.number, number),
      ),
    );
  if (!version) throw notFound(planMessages.version);
  return version;
}

/** The latest approved version of a plan, if any. */
export async function latestPlanVersion(ctx: UseCaseContext, planId: string): Promise<PlanVersion | undefined> {
  const { plan } = await visiblePlan(ctx, planId);
  const numbers = await ctx.db
    .select({ number: planVersions.number })
    .from(planVersions)
    .where(and(eq(planVersions.workspaceId, ctx.actor.workspaceId), eq(planVersions.planId, plan.id)));
  const latest = Math.max(0, ...numbers.map((row) => row.number));
  return latest === 0 ? undefined : getPlanVersion(ctx, planId, latest);
}

export type VersionComparison = { from: number; to: number; changes: PlanDiff };

/** What changed between two approved versions of a plan; section titles in the reader's language. */
export async function comparePlanVersions(
  ctx: UseCaseContext,
  planId: string,
  rawQuery: CompareVersionsQuery,
  locale: Locale = 'en',
): Promise<VersionComparison> {
  const query = compareVersionsQuery.parse(rawQuery);
  const from = await getPlanVersion(ctx, planId, query.from);
  const to = await getPlanVersion(ctx, planId, query.to);
  const changes = comparePlanSnapshots(from.snapshot, to.snapshot);
  const titles = new Map(
    [...from.snapshot.sections, ...to.snapshot.sections].map((section) => [
      section.sectionId,
      locale === 'ru' ? section.titleRu : section.titleEn,
    ]),
  );
  return {
    from: query.from,
    to: query.to,
    changes: {
      ...changes,
      sections: changes.sections.map((change) => ({ ...change, title: titles.get(change.id) ?? change.title })),
    },
  };
}
