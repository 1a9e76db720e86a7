import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { findMetric } from '../kpis';
import { memberships } from '../workspaces';
import type { PlanDetail } from './get-plan';
import { planMessages } from './messages';
import type { savePlanInput } from './schemas';

export type PlanContent = z.output<typeof savePlanInput>;

function checkIds(
  items: readonly { id?: string | undefined }[],
  known: ReadonlySet<string>,
  path: (index: number) => string,
  errors: FieldError[],
): void {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!item.id) continue;
    if (!known.has(item.id)) errors.push({ path: path(index), message: message(planMessages.unknownId) });
    else if (seen.has(item.id)) errors.push({ path: path(index), message: message(planMessages.duplicateId) });
    seen.add(item.id);
  }
}

/**
 * Refuses (422, every field at fault named) content that points outside the plan: sections it
 * does not have, ids of other plans' rows, metrics not in the KPI catalogue, owners who are not members.
 */
export async function checkPlanContent(ctx: UseCaseContext, current: PlanDetail, content: PlanContent): Promise<void> {
  const errors: FieldError[] = [];
  const sectionIds = new Set(current.sections.map((section) => section.sectionId));
  const seenSections = new Set<string>();
  for (const [index, section] of content.sections.entries()) {
    const path = `sections.${index}.sectionId`;
    if (!sectionIds.has(section.sectionId)) errors.push({ path, message: message(planMessages.sectionNotOnPlan) });
    else if (seenSections.has(section.sectionId)) errors.push({ path, message: message(planMessages.duplicateId) });
    seenSections.add(section.sectionId);
  }
  checkIds(
    content.competitors,
    new Set(current.competitors.map((competitor) => competitor.id)),
    (index) => `competitors.${index}.id`,
    errors,
  );
  checkIds(
    content.objectives,
    new Set(current.objectives.map((objective) => objective.id)),
    (index) => `objectives.${index}.id`,
    errors,
  );
  const actionIds = new Set(current.objectives.flatMap((objective) => objective.actions.map((action) => action.id)));
  const seenActions = new Set<string>();
  for (const [index, objective] of content.objectives.entries()) {
    for (const [actionIndex, action] of objective.actions.entries()) {
      if (!action.id) continue;
      const path = `objectives.${index}.actions.${actionIndex}.id`;
      if (!actionIds.has(action.id)) errors.push({ path, message: message(planMessages.unknownId) });
      else if (seenActions.has(action.id)) errors.push({ path, message: message(planMessages.duplicateId) });
      seenActions.add(action.id);
    }
  }
  const metricKeys = [...new Set(content.objectives.flatMap((objective) => objective.metricKey ?? []))];
  const unknownMetrics = new Set<string>();
  for (const key of metricKeys) if (!(await findMetric(ctx, key))) unknownMetrics.add(key);
  for (const [index, objective] of content.objectives.entries()) {
    if (objective.metricKey && unknownMetrics.has(objective.metricKey)) {
      errors.push({ path: `objectives.${index}.metricKey`, message: message(planMessages.unknownMetric) });
    }
  }
  const ownerIds = [
    ...new Set(content.objectives.flatMap((objective) => objective.actions.flatMap((action) => action.ownerId ?? []))),
  ];
  const members = new Set(
    ownerIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), inArray(memberships.userId, ownerIds)))
        ).map((member) => member.userId),
  );
  for (const [index, objective] of content.objectives.entries()) {
    for (const [actionIndex, action] of objective.actions.entries()) {
      if (action.ownerId && !members.has(action.ownerId)) {
        errors.push({
          path: `objectives.${index}.actions.${actionIndex}.ownerId`,
          message: message(planMessages.notAMember),
        });
      }
    }
  }
  const [first] = errors;
  if (first) throw new AppError('rule_violated', first.message, errors);
}
