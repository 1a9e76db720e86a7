import { and, arrayContains, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { listReads } from '../../platform/db/client';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { type AccountRow, accountColumns } from './get-account';
import { accounts } from './schema';
import { type AccountStatus, type accountFilters, type ListAccountsQuery, listAccountsQuery } from './schemas';
import { visibleAccounts } from './visibility';

type AccountFiltersData = z.output<typeof accountFilters>;

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
  const words = sql`(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`;
  return or(
    sql`${accounts.search} @@ ${words}`,
    sql`${accounts.name} ilike ${containsPattern(q)}`,
    eq(accounts.taxId, q.replace(/[\s-]/g, '').toUpperCase()),
    eq(accounts.domain, q.toLowerCase()),
  ) as SQL;
}

type Filter = 'ownerId' | 'status' | 'industry';

/**
 * The conditions of the list's filters, within the actor's workspace and what they may see. `except` leaves one filter
 * out, so a facet counts what choosing each of its values would give.
 */
export function accountFilterConditions(ctx: UseCaseContext, filters: AccountFiltersData, except?: Filter): SQL[] {
  return [
    eq(accounts.workspaceId, ctx.actor.workspaceId),
    visibleAccounts(ctx),
    filters.q ? accountSearchCondition(filters.q) : undefined,
    except !== 'ownerId' && filters.ownerId?.length ? inArray(accounts.ownerId, filters.ownerId) : undefined,
    except !== 'status' && filters.status?.length ? inArray(accounts.status, filters.status) : undefined,
    except !== 'industry' && filters.industry?.length ? inArray(accounts.industry, filters.industry) : undefined,
    filters.tag ? arrayContains(accounts.tags, [filters.tag]) : undefined,
    filters.parentId ? eq(accounts.parentId, filters.parentId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** A page of the workspace's accounts, searched, filtered and sorted (with the total on request). */
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
  const filters = accountFilterConditions(ctx, query);
  const reads = listReads(ctx.db, query.q);
  const rows = await reads(() =>
    ctx.db
      .select({ ...listColumns, owner: { id: users.id, name: users.name }, sortKey: page.sortKey })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.ownerId))
      .where(and(...filters, page.after))
      .orderBy(...page.orderBy)
      .limit(query.limit + 1),
  );
  const result = toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => ({
    ...row,
    status: row.status as AccountStatus,
  }));
  if (!query.total) return result;
  const [counted] = await reads(() =>
    ctx.db
      .select({ total: count() })
      .from(accounts)
      .where(and(...filters)),
  );
  return { ...result, total: counted?.total ?? 0 };
}
