import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions';
import { AppError, notFound, ruleViolated } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, accountTeamMembers, visibleAccounts } from '../accounts';
import { planMessages } from './messages';
import type { PlanStatus } from './schemas';

export type PlanAction = 'edit' | 'submit' | 'approve' | 'return' | 'reopen';

/** From which status each workflow action may be taken; anything else is a 422. */
const allowedFrom: Record<PlanAction, PlanStatus> = {
  edit: 'draft',
  submit: 'draft',
  approve: 'in_review',
  return: 'in_review',
  reopen: 'approved',
};

/** Refuses (422) what the plan's status does not allow. */
export function assertTransition(from: PlanStatus, action: PlanAction): void {
  if (allowedFrom[action] !== from) throw ruleViolated(planMessages.transitionRefused, { from, action });
}

export type PlanAccount = { id: string; name: string; ownerId: string; onTeam: boolean };

/** The account, if the actor may see it; else `missing()` (404 for reads, 422 for a field). */
export async function visiblePlanAccount(
  ctx: UseCaseContext,
  accountId: string,
  missing: () => AppError = () => notFound(planMessages.account),
): Promise<PlanAccount> {
  const [account] = await ctx.db
    .select({
      id: accounts.id,
      name: accounts.name,
      ownerId: accounts.ownerId,
      onTeam: sql<boolean>`exists (select 1 from ${accountTeamMembers} team
        where team.workspace_id = ${accounts.workspaceId} and team.account_id = ${accounts.id}
          and team.user_id = ${ctx.actor.userId})`,
    })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId), visibleAccounts(ctx)));
  if (!account) throw missing();
  return account;
}

/** Whether the actor may change this account's plans: heads and admins any, others their own or their team's. */
export function mayEditPlansOf(ctx: UseCaseContext, account: PlanAccount): boolean {
  if (can(ctx.actor.role, 'plans:approve')) return true;
  if (!can(ctx.actor.role, 'plans:write')) return false;
  return account.ownerId === ctx.actor.userId || account.onTeam;
}

/** 403 unless the actor may change this account's plans. */
export function assertMayEdit(ctx: UseCaseContext, account: PlanAccount): void {
  if (!mayEditPlansOf(ctx, account)) throw new AppError('forbidden', message(planMessages.notYourAccount));
}
