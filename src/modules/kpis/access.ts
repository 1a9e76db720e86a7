import { and, eq, type SQL, sql } from 'drizzle-orm';
import { permissionsOf } from '../../platform/auth/permissions';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds, visibleAccounts } from '../accounts';
import { memberships } from '../workspaces';
import { kpiMessages } from './messages';
import { kpiSeries } from './schema';

export type SeriesRef = {
  id: string;
  accountId: string;
  metricKey: string;
  dimension: string;
  version: number;
  source: string | null;
  sourceModule: string | null;
};

/**
 * Derived series follow their source module's reading rules (decision 0013): revenue from finance
 * is for those who read finance, on every account with `finance:read-all`, else on the accounts
 * they own or are on the team of. Uploaded series (no source) are for everyone who sees the account.
 */
export function readableSeries(ctx: UseCaseContext): SQL {
  const granted = permissionsOf(ctx.actor.role);
  return sql`(${kpiSeries.sourceReadPermission} is null or (${kpiSeries.sourceReadPermission} in ${granted}
    and (${kpiSeries.sourceReadAllPermission} in ${granted} or ${kpiSeries.accountId} in (
      select a.id from accounts a where a.workspace_id = ${ctx.actor.workspaceId}
        and (a.owner_id = ${ctx.actor.userId} or exists (select 1 from account_team_members team
          where team.workspace_id = a.workspace_id and team.account_id = a.id and team.user_id = ${ctx.actor.userId}))))))`;
}

/** The account, if the actor may see it (specialists: only their own or their team's); else 404. */
export async function visibleAccount(ctx: UseCaseContext, accountId: string): Promise<{ id: string; name: string }> {
  const [account] = await ctx.db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId), visibleAccounts(ctx)));
  if (!account) throw notFound(kpiMessages.account);
  return account;
}

/** The series, if its account is visible to the actor; else 404. */
export async function visibleSeries(ctx: UseCaseContext, seriesId: string): Promise<SeriesRef> {
  const [series] = await ctx.db
    .select({
      id: kpiSeries.id,
      accountId: kpiSeries.accountId,
      metricKey: kpiSeries.metricKey,
      dimension: kpiSeries.dimension,
      version: kpiSeries.version,
      source: kpiSeries.source,
      sourceModule: kpiSeries.sourceModule,
    })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, ctx.actor.workspaceId),
        eq(kpiSeries.id, seriesId),
        visibleAccountIds(ctx, kpiSeries.accountId),
        readableSeries(ctx),
      ),
    );
  if (!series) throw notFound(kpiMessages.series);
  return series;
}

/** Refuses (422 on `path`) a user who is not a member of the workspace. */
export async function assertMember(ctx: UseCaseContext, userId: string, path: string): Promise<void> {
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw ruleViolated(kpiMessages.notAMember, undefined, path);
}
