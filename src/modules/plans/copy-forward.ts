import { ruleViolated } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { assertMayEdit } from './access';
import { getPlan, type PlanDetail, visiblePlan } from './get-plan';
import { planMessages } from './messages';
import { accountPlans, planActions, planCompetitors, planObjectives, planSections } from './schema';
import { getTemplate } from './template';

/** The same day a year later (29 February becomes 1 March). */
export function yearLater(date: string): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + 1);
  return shifted.toISOString().slice(0, 10);
}

/**
 * The yearly review: starts next period's draft as a copy of this plan — its sections' text, its
 * competitors and objectives, and the actions not yet done or dropped (linked to the ones they
 * carry over) — in the caller's one transaction. 422 when next period's plan exists.
 */
export async function copyPlanForward(ctx: UseCaseContext, id: string, locale?: Locale): Promise<PlanDetail> {
  const { account } = await visiblePlan(ctx, id);
  assertMayEdit(ctx, account);
  const source = await getPlan(ctx, id);
  const workspaceId = ctx.actor.workspaceId;
  const stamp = { workspaceId, createdAt: ctx.now, updatedAt: ctx.now };
  const [created] = await ctx.db
    .insert(accountPlans)
    .values({
      ...stamp,
      accountId: source.accountId,
      periodStart: yearLater(source.periodStart),
      periodEnd: yearLater(source.periodEnd),
      status: 'draft',
      copiedFromId: source.id,
    })
    .onConflictDoNothing()
    .returning({ id: accountPlans.id });
  if (!created) throw ruleViolated(planMessages.nextPeriodTaken);
  const planId = created.id;

  // NOTE: the new plan follows today's template: retired sections are dropped, new ones start empty.
  const bodies = new Map(source.sections.map((section) => [section.sectionId, section.body]));
  const sections = (await getTemplate(ctx)).filter((section) => !section.retired);
  await ctx.db.insert(planSections).values(
    sections.map((section) => ({
      ...stamp,
      planId,
      templateSectionId: section.id,
      body: bodies.get(section.id) ?? '',
    })),
  );
  if (source.competitors.length > 0) {
    await ctx.db.insert(planCompetitors).values(
      source.competitors.map(({ id: _id, ...competitor }, position) => ({
        ...stamp,
        ...competitor,
        planId,
        position,
      })),
    );
  }
  for (const [position, { id: _id, actions, ...objective }] of source.objectives.entries()) {
    const [copied] = await ctx.db
      .insert(planObjectives)
      .values({ ...stamp, ...objective, planId, position, periodFrom: null, periodTo: null, dueOn: null })
      .returning({ id: planObjectives.id });
    const unfinished = actions.filter((action) => action.status === 'planned' || action.status === 'in_progress');
    if (!copied || unfinished.length === 0) continue;
    await ctx.db.insert(planActions).values(
      unfinished.map((action, actionPosition) => ({
        ...stamp,
        planId,
        objectiveId: copied.id,
        position: actionPosition,
        title: action.title,
        ownerId: action.ownerId,
        dueOn: action.dueOn,
        status: action.status,
        progress: action.progress,
        carriedFromId: action.id,
      })),
    );
  }
  return getPlan(ctx, planId, locale);
}
