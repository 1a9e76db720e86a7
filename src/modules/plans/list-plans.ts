import { and, between, eq, ilike, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { type PlanSummary, planSummaryColumns } from './get-plan';
import { accountPlans } from './schema';
import { type ListPlansQuery, listPlansQuery } from './schemas';

/** A page of plans the actor may see: per account, status, year, account owner, or by account name. */
export async function listPlans(ctx: UseCaseContext, rawQuery: ListPlansQuery): Promise<Page<PlanSummary>> {
  const query = listPlansQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { periodStart: accountPlans.periodStart, updatedAt: accountPlans.updatedAt },
    id: accountPlans.id,
    cursor: query.cursor,
  });
  const conditions = [
    eq(accountPlans.workspaceId, ctx.actor.workspaceId),
    visibleAccountIds(ctx, accountPlans.accountId),
    query.accountId ? eq(accountPlans.accountId, query.accountId) : undefined,
    query.status ? eq(accountPlans.status, query.status) : undefined,
    query.q ? ilike(accounts.name, containsPattern(query.q)) : undefined,
    query.year ? between(accountPlans.periodStart, `${query.year}-01-01`, `${query.year}-12-31`) : undefined,
    query.ownerId ? eq(accounts.ownerId, query.ownerId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const rows = await ctx.db
    .select({ ...planSummaryColumns, sortKey: page.sortKey })
    .from(accountPlans)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, accountPlans.workspaceId), eq(accounts.id, accountPlans.accountId)),
    )
    .where(and(...conditions, page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row as PlanSummary);
}
