import { and, arrayContains, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { type AccountRow, accountColumns } from './get-account';
import { accounts } from './schema';
import { type AccountStatus, type ListAccountsQuery, listAccountsQuery } from './schemas';

export type AccountListItem = Omit<AccountRow, 'status' | 'custom' | 'notes'> & {
  status: AccountStatus;
  owner: { id: string; name: string };
};

const { custom: _custom, notes: _notes, ...listColumns } = accountColumns;

/**
 * Matches a search in Russian and English (stemmed: `менеджеры` finds `менеджер`), as a
 * substring of the name, or exactly as an INN or domain.
 */
export function accountSearchCondition(q: string): SQL {
  const query = sql`(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
  const compact = q.replace(/[\s-]/g, '');
  return or(
    sql`${accounts.search} @@ ${query}`,
    sql`${accounts.name} ilike ${containsPattern(q)}`,
    eq(accounts.taxId, compact.toUpperCase()),
    eq(accounts.domain, q.toLowerCase()),
  ) as SQL;
}

/** A page of the workspace's accounts, searched, filtered and sorted. */
export async function listAccounts(ctx: UseCaseContext, rawQuery: ListAccountsQuery): Promise<Page<AccountListItem>> {
  const query = listAccountsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: {
      name: accounts.name,
      updatedAt: accounts.updatedAt,
      createdAt: accounts.createdAt,
      status: accounts.status,
    },
    id: accounts.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...listColumns, owner: { id: users.id, name: users.name }, sortKey: page.sortKey })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.ownerId))
    .where(
      and(
        eq(accounts.workspaceId, ctx.actor.workspaceId),
        query.q ? accountSearchCondition(query.q) : undefined,
        query.ownerId?.length ? inArray(accounts.ownerId, query.ownerId) : undefined,
        query.status?.length ? inArray(accounts.status, query.status) : undefined,
        query.industry?.length ? inArray(accounts.industry, query.industry) : undefined,
        query.tag ? arrayContains(accounts.tags, [query.tag]) : undefined,
        query.parentId ? eq(accounts.parentId, query.parentId) : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => ({
    ...row,
    status: row.status as AccountStatus,
  }));
}
