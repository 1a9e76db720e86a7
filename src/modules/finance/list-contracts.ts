import { and, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { financeAccountScope } from './access';
import { type Contract, contractColumns } from './contracts';
import { contracts } from './schema';
import { type ListContractsQuery, listContractsQuery } from './schemas';

/** A page of contracts: per account, by status, or those whose renewal reminder is due. */
export async function listContracts(ctx: UseCaseContext, rawQuery: ListContractsQuery): Promise<Page<Contract>> {
  const query = listContractsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: {
      endsOn: sql`coalesce(${contracts.endsOn}, '9999-12-31'::date)`,
      signedOn: contracts.signedOn,
      number: contracts.number,
      createdAt: contracts.createdAt,
    },
    id: contracts.id,
    cursor: query.cursor,
  });
  const conditions = [
    eq(contracts.workspaceId, ctx.actor.workspaceId),
    financeAccountScope(ctx, contracts.accountId),
    query.accountId ? eq(contracts.accountId, query.accountId) : undefined,
    query.status?.length ? inArray(contracts.status, query.status) : undefined,
    query.reminderDueBy
      ? sql`${contracts.endsOn} - ${contracts.reminderDaysBefore} <= ${query.reminderDueBy}::date`
      : undefined,
    query.q
      ? or(ilike(contracts.number, containsPattern(query.q)), ilike(accounts.name, containsPattern(query.q)))
      : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const from = () =>
    ctx.db
      .select({ ...contractColumns, sortKey: page.sortKey })
      .from(contracts)
      .innerJoin(accounts, and(eq(accounts.workspaceId, contracts.workspaceId), eq(accounts.id, contracts.accountId)));
  const rows = await from()
    .where(and(...conditions, page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  const result = toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row as Contract);
  if (!query.total) return result;
  const [counted] = await ctx.db
    .select({ total: count() })
    .from(contracts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, contracts.workspaceId), eq(accounts.id, contracts.accountId)))
    .where(and(...conditions));
  return { ...result, total: counted?.total ?? 0 };
}
