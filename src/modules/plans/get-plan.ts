import { and, asc, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Currency } from '../../analytics/money/money';
import { type Completeness, type PlanSnapshot, scoreCompleteness } from '../../analytics/plans';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { mayEditPlansOf, type PlanAccount, visiblePlanAccount } from './access';
import { planMessages } from './messages';
import {
  accountPlans,
  planActions,
  planCompetitors,
  planObjectives,
  planSections,
  planTemplateSections,
  planVersions,
} from './schema';
import type { ActionStatus, PlanStatus, ThreatLevel } from './schemas';

export type PlanSummary = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type PlanAction = {
  id: string;
  objectiveId: string;
  title: string;
  ownerId: string | null;
  dueOn: string | null;
  status: ActionStatus;
  progress: number;
  carriedFromId: string | null;
};
export type PlanObjective = {
  id: string;
  title: string;
  metricKey: string | null;
  metricName: string | null;
  baseline: number | null;
  target: number | null;
  /** A revenue target, exact, in minor units of `targetCurrency`. */
  targetMinor: number | null;
  targetCurrency: Currency | null;
  periodFrom: string | null;
  periodTo: string | null;
  dueOn: string | null;
  actions: PlanAction[];
};
export type PlanCompetitor = {
  id: string;
  name: string;
  shareOfWallet: number | null;
  strengths: string | null;
  weaknesses: string | null;
  threat: ThreatLevel;
};
export type PlanSection = { sectionId: string; titleEn: string; titleRu: string; retired: boolean; body: string };

export type PlanDetail = PlanSummary & {
  reviewComment: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedById: string | null;
  copiedFromId: string | null;
  sections: PlanSection[];
  competitors: PlanCompetitor[];
  objectives: PlanObjective[];
  versions: { number: number; approvedAt: Date; approvedById: string }[];
  completeness: Completeness;
  /** Whether the actor may change this plan (their account, or a head), whatever its status. */
  mayEdit: boolean;
};

export const planSummaryColumns = {
  id: accountPlans.id,
  accountId: accountPlans.accountId,
  account: { id: accounts.id, name: accounts.name },
  periodStart: accountPlans.periodStart,
  periodEnd: accountPlans.periodEnd,
  status: accountPlans.status,
  version: accountPlans.version,
  createdAt: accountPlans.createdAt,
  updatedAt: accountPlans.updatedAt,
};

/** The plan's row and its account, if the actor may see the account; else 404. */
export async function visiblePlan(ctx: UseCaseContext, id: string) {
  const [plan] = await ctx.db
    .select()
    .from(accountPlans)
    .where(and(eq(accountPlans.workspaceId, ctx.actor.workspaceId), eq(accountPlans.id, id)));
  if (!plan) throw notFound(planMessages.plan);
  const account = await visiblePlanAccount(ctx, plan.accountId, () => notFound(planMessages.plan));
  return { plan: { ...plan, status: plan.status as PlanStatus }, account };
}

/** A plan with its sections, competitors, objectives and actions, versions and completeness. */
export async function getPlan(ctx: UseCaseContext, id: string, locale: Locale = 'en'): Promise<PlanDetail> {
  const { plan, account } = await visiblePlan(ctx, id);
  return loadPlan(ctx, plan, account, locale);
}

async function loadPlan(
  ctx: UseCaseContext,
  plan: Awaited<ReturnType<typeof visiblePlan>>['plan'],
  account: PlanAccount,
  locale: Locale,
): Promise<PlanDetail> {
  const workspaceId = ctx.actor.workspaceId;
  const ofPlan = (table: { workspaceId: AnyPgColumn; planId: AnyPgColumn }) =>
    and(eq(table.workspaceId, workspaceId), eq(table.planId, plan.id));
  const sections = await ctx.db
    .select({
      sectionId: planSections.templateSectionId,
      titleEn: planTemplateSections.titleEn,
      titleRu: planTemplateSections.titleRu,
      retiredAt: planTemplateSections.retiredAt,
      body: planSections.body,
    })
    .from(planSections)
    .innerJoin(
      planTemplateSections,
      and(
        eq(planTemplateSections.workspaceId, planSections.workspaceId),
        eq(planTemplateSections.id, planSections.templateSectionId),
      ),
    )
    .where(ofPlan(planSections))
    .orderBy(asc(planTemplateSections.position), asc(planTemplateSections.id));
  const competitors = await ctx.db
    .select()
    .from(planCompetitors)
    .where(ofPlan(planCompetitors))
    .orderBy(asc(planCompetitors.position));
  const objectives = await ctx.db
    .select()
    .from(planObjectives)
    .where(ofPlan(planObjectives))
    .orderBy(asc(planObjectives.position));
  const actions = await ctx.db.select().from(planActions).where(ofPlan(planActions)).orderBy(asc(planActions.position));
  const versions = await ctx.db
    .select({
      number: planVersions.number,
      approvedAt: planVersions.approvedAt,
      approvedById: planVersions.approvedById,
    })
    .from(planVersions)
    .where(ofPlan(planVersions))
    .orderBy(asc(planVersions.number));
  const detail: Omit<PlanDetail, 'completeness'> = {
    id: plan.id,
    accountId: plan.accountId,
    account: { id: account.id, name: account.name },
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    version: plan.version,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    reviewComment: plan.reviewComment,
    submittedAt: plan.submittedAt,
    decidedAt: plan.decidedAt,
    decidedById: plan.decidedById,
    copiedFromId: plan.copiedFromId,
    sections: sections.map(({ retiredAt, ...section }) => ({ ...section, retired: retiredAt !== null })),
    competitors: competitors.map((row) => ({
      id: row.id,
      name: row.name,
      shareOfWallet: row.shareOfWallet,
      strengths: row.strengths,
      weaknesses: row.weaknesses,
      threat: row.threat as ThreatLevel,
    })),
    objectives: objectives.map((row) => ({
      id: row.id,
      title: row.title,
      metricKey: row.metricKey,
      metricName: row.metricName,
      baseline: row.baseline,
      target: row.target,
      targetMinor: row.targetMinor,
      targetCurrency: row.targetCurrency as Currency | null,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      dueOn: row.dueOn,
      actions: actions
        .filter((action) => action.objectiveId === row.id)
        .map((action) => ({
          id: action.id,
          objectiveId: action.objectiveId,
          title: action.title,
          ownerId: action.ownerId,
          dueOn: action.dueOn,
          status: action.status as ActionStatus,
          progress: action.progress,
          carriedFromId: action.carriedFromId,
        })),
    })),
    versions,
    mayEdit: mayEditPlansOf(ctx, account),
  };
  const titled = {
    ...detail,
    sections: detail.sections.map((section) => ({
      title: locale === 'ru' ? section.titleRu : section.titleEn,
      body: section.body,
    })),
  };
  return { ...detail, completeness: scoreCompleteness(titled, await workspaceToday(ctx)) };
}

/** The plan as an approved version keeps it. */
export function snapshotOf(plan: PlanDetail): PlanSnapshot {
  return {
    accountName: plan.account.name,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    sections: plan.sections.map(({ sectionId, titleEn, titleRu, body }) => ({ sectionId, titleEn, titleRu, body })),
    competitors: plan.competitors,
    objectives: plan.objectives.map(({ actions, ...objective }) => ({
      ...objective,
      actions: actions.map(({ id, title, ownerId, dueOn, status, progress }) => ({
        id,
        title,
        ownerId,
        dueOn,
        status,
        progress,
      })),
    })),
  };
}
