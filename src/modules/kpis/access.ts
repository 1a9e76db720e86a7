import { and, eq } from 'drizzle-orm';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds, visibleAccounts } from '../accounts';
import { memberships } from '../workspaces';
import { kpiMessages } from './messages';
import { kpiSeries } from './schema';

export type SeriesRef = { id: string; accountId: string; metricKey: string; dimension: string; version: number };

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
    })
    .from(kpiSeries)
    .where(
      and(
        eq(kpiSeries.workspaceId, ctx.actor.workspaceId),
        eq(kpiSeries.id, seriesId),
        visibleAccountIds(ctx, kpiSeries.accountId),
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
