import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { financeMessages } from './messages';

/**
 * The accounts whose money the actor may see, as a condition on a column naming the account:
 * all of them with `finance:read-all`; otherwise (managers) those they own or are on the team of.
 * Every finance read adds it (docs/decisions/0014-finance.md).
 */
export function financeAccountScope(ctx: UseCaseContext, accountId: AnyPgColumn | SQL): SQL | undefined {
  if (can(ctx.actor.role, 'finance:read-all')) return undefined;
  return sql`${accountId} in (select a.id from accounts a where a.workspace_id = ${ctx.actor.workspaceId}
    and (a.owner_id = ${ctx.actor.userId} or exists (select 1 from account_team_members team
      where team.workspace_id = a.workspace_id and team.account_id = a.id and team.user_id = ${ctx.actor.userId})))`;
}

export type AccountRef = { id: string; name: string; ownerId: string };

/** The account a finance record is for; 422 on `path` when it does not exist in the workspace. */
export async function accountForWrite(ctx: UseCaseContext, accountId: string, path = 'accountId'): Promise<AccountRef> {
  const [account] = await ctx.db
    .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId)));
  if (!account) throw ruleViolated(financeMessages.accountNotFound, undefined, path);
  return account;
}

/** 404 unless the actor may see the account's money. */
export async function assertAccountVisible(ctx: UseCaseContext, accountId: string): Promise<void> {
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.workspaceId, ctx.actor.workspaceId),
        eq(accounts.id, accountId),
        financeAccountScope(ctx, accounts.id),
      ),
    );
  if (!account) throw notFound(financeMessages.account);
}
