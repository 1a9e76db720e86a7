import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, accountTeamMembers } from './schema';

/**
 * The accounts the actor may see, as a condition on `accounts`: all of the workspace's, or — for
 * a role without `accounts:read-all` (specialists) — those they own or are on the team of.
 * Every query that shows accounts or what hangs off them (contacts, plans, scores…) adds it.
 */
export function visibleAccounts(ctx: UseCaseContext): SQL | undefined {
  if (can(ctx.actor.role, 'accounts:read-all')) return undefined;
  return or(
    eq(accounts.ownerId, ctx.actor.userId),
    sql`exists (select 1 from ${accountTeamMembers} team
      where team.workspace_id = ${accounts.workspaceId} and team.account_id = ${accounts.id}
        and team.user_id = ${ctx.actor.userId})`,
  );
}

/** The same for a query over rows that only name their account (contacts, plans, scores…). */
export function visibleAccountIds(ctx: UseCaseContext, accountId: AnyPgColumn): SQL | undefined {
  const condition = visibleAccounts(ctx);
  if (!condition) return undefined;
  return sql`${accountId} in (select ${accounts.id} from ${accounts} where ${and(eq(accounts.workspaceId, ctx.actor.workspaceId), condition)})`;
}
