import { and, between, eq, ilike, type SQL } from 'drizzle-orm';
import type { CompletenessGrade } from '../../analytics/plans';
import { containsPattern } from '../../platform/db/like';
import { encodeCursor, keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { users } from '../users';
import { type PlanSummary, planSummaryColumns } from './get-plan';
import { accountPlans } from './schema';
import { type ListPlansQuery, listPlansQuery } from './schemas';
import { scorePlans } from './score-plans';

export type PlanListItem = PlanSummary & {
  accountOwner: { id: string; name: string };
  completeness: { score: number; grade: CompletenessGrade };
};

/** How many plans one round reads when filtering by grade, which is computed, not stored. */
const gradeScanBatch = 200;
/** Rounds before a grade filter answers with what it found and a cursor to go on from. */
const gradeScanRounds = 25;

/**
 * A page of plans the actor may see: per account, status, year, account owner, completeness grade,
 * or by account name; each with its completeness today. The grade depends on today (overdue
 * actions), so it is scored as the list is read: a grade filter reads the plans in order, a batch
 * at a time, until the page is full.
 */
export async function listPlans(ctx: UseCaseContext, rawQuery: ListPlansQuery): Promise<Page<PlanListItem>> {
  const query = listPlansQuery.parse(rawQuery);
  const conditions = [
    eq(accountPlans.workspaceId, ctx.actor.workspaceId),
    visibleAccountIds(ctx, accountPlans.accountId),
    query.accountId ? eq(accountPlans.accountId, query.accountId) : undefined,
    query.status ? eq(accountPlans.status, query.status) : undefined,
    query.q ? ilike(accounts.name, containsPattern(query.q)) : undefined,
    query.year ? between(accountPlans.periodStart, `${query.year}-01-01`, `${query.year}-12-31`) : undefined,
    query.ownerId ? eq(accounts.ownerId, query.ownerId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const batch = query.grade ? gradeScanBatch : query.limit + 1;
  const matched: (PlanListItem & { sortKey: string })[] = [];
  let cursor = query.cursor;
  for (let round = 0; round < gradeScanRounds; round += 1) {
    const page = keyset({
      sort: query.sort,
      expressions: { periodStart: accountPlans.periodStart, updatedAt: accountPlans.updatedAt },
      id: accountPlans.id,
      cursor,
    });
    const rows = await ctx.db
      .select({
        ...planSummaryColumns,
        accountOwner: { id: users.id, name: users.name },
        sortKey: page.sortKey,
      })
      .from(accountPlans)
      .innerJoin(
        accounts,
        and(eq(accounts.workspaceId, accountPlans.workspaceId), eq(accounts.id, accountPlans.accountId)),
      )
      .innerJoin(users, eq(users.id, accounts.ownerId))
      .where(and(...conditions, page.after))
      .orderBy(...page.orderBy)
      .limit(batch);
    const scores = await scorePlans(
      ctx,
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      const { score, grade } = scores.get(row.id) ?? { score: 0, grade: 'red' as const };
      if (query.grade && grade !== query.grade) continue;
      matched.push({ ...row, status: row.status as PlanSummary['status'], completeness: { score, grade } });
      if (matched.length > query.limit) break;
    }
    const last = rows.at(-1);
    if (matched.length > query.limit || rows.length < batch || !last) break;
    cursor = encodeCursor({ sort: query.sort, key: last.sortKey, id: last.id });
    if (round === gradeScanRounds - 1) {
      // NOTE: a long scan stops with what it found; the cursor goes on from the last plan read.
      return { items: matched.map(({ sortKey: _sortKey, ...item }) => item), nextCursor: cursor };
    }
  }
  return toPage(matched, query.limit, query.sort, ({ sortKey: _sortKey, ...item }) => item);
}
