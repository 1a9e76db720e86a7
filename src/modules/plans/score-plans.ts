import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Completeness, type PlanForCompleteness, scoreCompleteness } from '../../analytics/plans';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';
import { planActions, planObjectives, planSections } from './schema';
import type { ActionStatus } from './schemas';

/**
 * The completeness of many plans in three queries (sections, objectives, actions), for lists. The
 * score's rules are the plan page's; only the reasons' subjects are left out, as lists show grades.
 */
export async function scorePlans(ctx: UseCaseContext, planIds: readonly string[]): Promise<Map<string, Completeness>> {
  const scores = new Map<string, Completeness>();
  if (planIds.length === 0) return scores;
  const workspaceId = ctx.actor.workspaceId;
  const sections = await ctx.db
    .select({ planId: planSections.planId, body: planSections.body })
    .from(planSections)
    .where(and(eq(planSections.workspaceId, workspaceId), inArray(planSections.planId, [...planIds])));
  const objectives = await ctx.db
    .select({
      id: planObjectives.id,
      planId: planObjectives.planId,
      metricKey: planObjectives.metricKey,
      metricName: planObjectives.metricName,
      target: planObjectives.target,
    })
    .from(planObjectives)
    .where(and(eq(planObjectives.workspaceId, workspaceId), inArray(planObjectives.planId, [...planIds])))
    .orderBy(asc(planObjectives.position));
  const actions = await ctx.db
    .select({ objectiveId: planActions.objectiveId, status: planActions.status, dueOn: planActions.dueOn })
    .from(planActions)
    .where(and(eq(planActions.workspaceId, workspaceId), inArray(planActions.planId, [...planIds])));
  const plans = new Map<
    string,
    { sections: { title: string; body: string }[]; objectives: PlanForCompleteness['objectives'][number][] }
  >(planIds.map((id) => [id, { sections: [], objectives: [] }]));
  for (const section of sections) plans.get(section.planId)?.sections.push({ title: '', body: section.body });
  const actionsOf = new Map<string, { title: string; status: ActionStatus; dueOn: string | null }[]>();
  for (const action of actions) {
    const list = actionsOf.get(action.objectiveId) ?? [];
    list.push({ title: '', status: action.status as ActionStatus, dueOn: action.dueOn });
    actionsOf.set(action.objectiveId, list);
  }
  for (const objective of objectives) {
    plans
      .get(objective.planId)
      ?.objectives.push({ ...objective, title: '', actions: actionsOf.get(objective.id) ?? [] });
  }
  const today = await workspaceToday(ctx);
  for (const [id, plan] of plans) scores.set(id, scoreCompleteness(plan, today));
  return scores;
}
