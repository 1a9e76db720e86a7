import { and, eq } from 'drizzle-orm';
import { AppError, notFound, ruleViolated } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accountPlans, mayEditPlansOf, type PlanAccount, visiblePlanAccount } from '../plans';
import { opportunityMessages } from './messages';

// NOTE: opportunities and whitespace are part of account planning: the same roles read and change
// them as plans (`plans:read`, `plans:write` on one's own or team's accounts, heads and admins any).

/** The account when the actor may see it; a 422 on `field` otherwise (or a 404 when no field). */
export function visibleAccount(ctx: UseCaseContext, accountId: string, field?: string): Promise<PlanAccount> {
  return visiblePlanAccount(
    ctx,
    accountId,
    field ? () => ruleViolated(opportunityMessages.accountNotFound, undefined, field) : undefined,
  );
}

/** 403 unless the actor may change this account's opportunities and whitespace. */
export function assertMayChange(ctx: UseCaseContext, account: PlanAccount): void {
  if (!mayEditPlansOf(ctx, account)) throw new AppError('forbidden', message(opportunityMessages.notYourAccount));
}

/** The account, visible and changeable by the actor. */
export async function changeableAccount(ctx: UseCaseContext, accountId: string, field?: string): Promise<PlanAccount> {
  const account = await visibleAccount(ctx, accountId, field);
  assertMayChange(ctx, account);
  return account;
}

/** A plan's account and period, when the actor may see its account; 404 otherwise. */
export async function visiblePlanPeriod(ctx: UseCaseContext, planId: string) {
  const [plan] = await ctx.db
    .select({
      id: accountPlans.id,
      accountId: accountPlans.accountId,
      periodStart: accountPlans.periodStart,
      periodEnd: accountPlans.periodEnd,
    })
    .from(accountPlans)
    .where(and(eq(accountPlans.workspaceId, ctx.actor.workspaceId), eq(accountPlans.id, planId)));
  if (!plan) throw notFound(opportunityMessages.plan);
  await visibleAccount(ctx, plan.accountId).catch(() => {
    throw notFound(opportunityMessages.plan);
  });
  return plan;
}
