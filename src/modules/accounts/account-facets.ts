import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { listReads } from '../../platform/db/client';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { accountFilterConditions } from './list-accounts';
import { accounts } from './schema';
import { type AccountFilters, type AccountStatus, accountFilters } from './schemas';

export type AccountFacets = {
  total: number;
  statuses: { value: AccountStatus; count: number }[];
  industries: { value: string; count: number }[];
  owners: { id: string; name: string; count: number }[];
};

/**
 * The filtered list's total, and counts per status, industry and owner for the filter choices.
 * Each facet applies every filter but its own, so its counts say what picking a value would give.
 */
export async function getAccountFacets(ctx: UseCaseContext, rawFilters: AccountFilters = {}): Promise<AccountFacets> {
  const filters = accountFilters.parse(rawFilters);
  return listReads(ctx.db, filters.q)(() => countFacets(ctx, filters));
}

async function countFacets(ctx: UseCaseContext, filters: z.output<typeof accountFilters>): Promise<AccountFacets> {
  const [counted] = await ctx.db
    .select({ total: count() })
    .from(accounts)
    .where(and(...accountFilterConditions(ctx, filters)));
  const statuses = await ctx.db
    .select({ value: accounts.status, count: count() })
    .from(accounts)
    .where(and(...accountFilterConditions(ctx, filters, 'status')))
    .groupBy(accounts.status);
  const industries = await ctx.db
    .select({ value: sql<string>`${accounts.industry}`, count: count() })
    .from(accounts)
    .where(and(...accountFilterConditions(ctx, filters, 'industry'), isNotNull(accounts.industry)))
    .groupBy(accounts.industry)
    .orderBy(sql`count(*) desc`, accounts.industry)
    .limit(200);
  const owners = await ctx.db
    .select({ id: users.id, name: users.name, count: count() })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.ownerId))
    .where(and(...accountFilterConditions(ctx, filters, 'ownerId')))
    .groupBy(users.id, users.name)
    .orderBy(users.name);
  return {
    total: counted?.total ?? 0,
    statuses: statuses.map((status) => ({ value: status.value as AccountStatus, count: status.count })),
    industries,
    owners,
  };
}
