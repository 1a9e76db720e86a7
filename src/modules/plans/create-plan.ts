import { ruleViolated } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';
import { assertMayEdit, visiblePlanAccount } from './access';
import { getPlan, type PlanDetail } from './get-plan';
import { planMessages } from './messages';
import { accountPlans, planSections } from './schema';
import { type CreatePlanInput, createPlanInput } from './schemas';
import { getTemplate } from './template';

/** The calendar year of a date, as a plan period. */
export function calendarYearOf(date: string): { periodStart: string; periodEnd: string } {
  const year = date.slice(0, 4);
  return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}

/**
 * Starts a draft plan for an account and period (by default this calendar year), with an empty
 * section for each section of the template in use; 422 when the account has one for that period.
 */
export async function createPlan(ctx: UseCaseContext, rawInput: CreatePlanInput, locale?: Locale): Promise<PlanDetail> {
  const input = createPlanInput.parse(rawInput);
  const account = await visiblePlanAccount(ctx, input.accountId, () =>
    ruleViolated(planMessages.accountNotFound, undefined, 'accountId'),
  );
  assertMayEdit(ctx, account);
  const year = calendarYearOf(input.periodStart ?? (await workspaceToday(ctx)));
  const periodStart = input.periodStart ?? year.periodStart;
  const periodEnd = input.periodEnd ?? year.periodEnd;
  if (periodEnd < periodStart) throw ruleViolated(planMessages.periodOrder, undefined, 'periodEnd');
  const [created] = await ctx.db
    .insert(accountPlans)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId: account.id,
      periodStart,
      periodEnd,
      status: 'draft',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: accountPlans.id });
  if (!created) throw ruleViolated(planMessages.periodTaken, undefined, 'periodStart');
  const sections = (await getTemplate(ctx)).filter((section) => !section.retired);
  await ctx.db.insert(planSections).values(
    sections.map((section) => ({
      workspaceId: ctx.actor.workspaceId,
      planId: created.id,
      templateSectionId: section.id,
      body: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  return getPlan(ctx, created.id, locale);
}
