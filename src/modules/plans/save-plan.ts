import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { assertMayEdit, assertTransition } from './access';
import { checkPlanContent } from './check-plan-content';
import { getPlan, type PlanDetail, visiblePlan } from './get-plan';
import { accountPlans, planActions, planCompetitors, planObjectives, planSections } from './schema';
import { type SavePlanInput, savePlanInput } from './schemas';

type ChildTable = PgTable & { workspaceId: AnyPgColumn; planId: AnyPgColumn; id: AnyPgColumn; version: AnyPgColumn };

function differs(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return Object.keys(next).some((key) => current[key] !== next[key]);
}

/**
 * Saves a draft's content in one transaction: rows named by id are updated (only when they
 * changed, so the audit shows real changes), rows without an id are added, rows left out are
 * removed. Only a draft, only by whoever may edit the account's plans; 412 on a stale If-Match.
 */
export async function savePlan(
  ctx: UseCaseContext,
  id: string,
  rawInput: SavePlanInput,
  expectedVersion?: number,
  locale?: Locale,
): Promise<PlanDetail> {
  const input = savePlanInput.parse(rawInput);
  await lockRow(ctx.db, accountPlans, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const { plan, account } = await visiblePlan(ctx, id);
  if (expectedVersion !== undefined && plan.version !== expectedVersion) throw staleVersion();
  assertMayEdit(ctx, account);
  assertTransition(plan.status, 'edit');
  const current = await getPlan(ctx, id);
  await checkPlanContent(ctx, current, input);

  const workspaceId = ctx.actor.workspaceId;
  const stamp = { updatedAt: ctx.now };
  const bump = (table: { version: AnyPgColumn }) => ({ ...stamp, version: sql`${table.version} + 1` });
  const row = (table: ChildTable, rowId: string) => and(eq(table.workspaceId, workspaceId), eq(table.id, rowId));
  const fresh = { workspaceId, planId: id, createdAt: ctx.now, updatedAt: ctx.now };

  for (const section of input.sections) {
    const before = current.sections.find((candidate) => candidate.sectionId === section.sectionId);
    if (!before || before.body === section.body) continue;
    await ctx.db
      .update(planSections)
      .set({ body: section.body, ...bump(planSections) })
      .where(
        and(
          eq(planSections.workspaceId, workspaceId),
          eq(planSections.planId, id),
          eq(planSections.templateSectionId, section.sectionId),
        ),
      );
  }

  const competitorsBefore = new Map(
    current.competitors.map((competitor, index) => [competitor.id, { competitor, index }]),
  );
  const keptCompetitors: string[] = [];
  for (const [position, { id: competitorId, ...values }] of input.competitors.entries()) {
    const before = competitorId ? competitorsBefore.get(competitorId) : undefined;
    if (!before) {
      const [inserted] = await ctx.db
        .insert(planCompetitors)
        .values({ ...fresh, ...values, position })
        .returning({ id: planCompetitors.id });
      if (inserted) keptCompetitors.push(inserted.id);
      continue;
    }
    keptCompetitors.push(before.competitor.id);
    if (before.index !== position || differs(before.competitor, values)) {
      await ctx.db
        .update(planCompetitors)
        .set({ ...values, position, ...bump(planCompetitors) })
        .where(row(planCompetitors, before.competitor.id));
    }
  }

  const objectivesBefore = new Map(current.objectives.map((objective, index) => [objective.id, { objective, index }]));
  const actionsBefore = new Map(
    current.objectives.flatMap((objective) => objective.actions.map((action) => [action.id, action] as const)),
  );
  const keptObjectives: string[] = [];
  const keptActions: string[] = [];
  for (const [position, { id: objectiveId, actions, ...values }] of input.objectives.entries()) {
    const before = objectiveId ? objectivesBefore.get(objectiveId) : undefined;
    let savedId = before?.objective.id;
    if (!before) {
      const [inserted] = await ctx.db
        .insert(planObjectives)
        .values({ ...fresh, ...values, position })
        .returning({ id: planObjectives.id });
      savedId = inserted?.id;
    } else {
      const { actions: _actions, ...objectiveBefore } = before.objective;
      if (before.index !== position || differs(objectiveBefore, values)) {
        await ctx.db
          .update(planObjectives)
          .set({ ...values, position, ...bump(planObjectives) })
          .where(row(planObjectives, before.objective.id));
      }
    }
    const objectiveKey = savedId as string;
    keptObjectives.push(objectiveKey);
    for (const [actionPosition, { id: actionId, ...actionValues }] of actions.entries()) {
      const actionBefore = actionId ? actionsBefore.get(actionId) : undefined;
      const next = { ...actionValues, objectiveId: objectiveKey };
      if (!actionBefore) {
        const [inserted] = await ctx.db
          .insert(planActions)
          .values({ ...fresh, ...next, position: actionPosition })
          .returning({ id: planActions.id });
        if (inserted) keptActions.push(inserted.id);
        continue;
      }
      keptActions.push(actionBefore.id);
      const positionBefore = current.objectives
        .find((objective) => objective.id === actionBefore.objectiveId)
        ?.actions.findIndex((action) => action.id === actionBefore.id);
      if (positionBefore !== actionPosition || differs(actionBefore, next)) {
        await ctx.db
          .update(planActions)
          .set({ ...next, position: actionPosition, ...bump(planActions) })
          .where(row(planActions, actionBefore.id));
      }
    }
  }
  await removeOthers(ctx, planActions, id, keptActions);
  await removeOthers(ctx, planObjectives, id, keptObjectives);
  await removeOthers(ctx, planCompetitors, id, keptCompetitors);
  await ctx.db
    .update(accountPlans)
    .set(bump(accountPlans))
    .where(and(eq(accountPlans.workspaceId, workspaceId), eq(accountPlans.id, id)));
  return getPlan(ctx, id, locale);
}

async function removeOthers(ctx: UseCaseContext, table: ChildTable, planId: string, kept: string[]): Promise<void> {
  await ctx.db
    .delete(table)
    .where(
      and(
        eq(table.workspaceId, ctx.actor.workspaceId),
        eq(table.planId, planId),
        kept.length > 0 ? notInArray(table.id, kept) : undefined,
      ),
    );
}
