import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { accounts } from './schema';
import type { AccountStatus } from './schemas';

export type AccountFacets = {
  total: number;
  statuses: { value: AccountStatus; count: number }[];
  industries: { value: string; count: number }[];
  owners: { id: string; name: string; count: number }[];
};

/** Counts per status, industry and owner: the choices (and totals) of the list's filters. */
export async function getAccountFacets(ctx: UseCaseContext): Promise<AccountFacets> {
  const scope = eq(accounts.workspaceId, ctx.actor.workspaceId);
  const statuses = await ctx.db
    .select({ value: accounts.status, count: count() })
    .from(accounts)
    .where(scope)
    .groupBy(accounts.status);
  const industries = await ctx.db
    .select({ value: sql<string>`${accounts.industry}`, count: count() })
    .from(accounts)
    .where(and(scope, isNotNull(accounts.industry)))
    .groupBy(accounts.industry)
    .orderBy(sql`count(*) desc`, accounts.industry)
    .limit(200);
  const owners = await ctx.db
    .select({ id: users.id, name: users.name, count: count() })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.ownerId))
    .where(scope)
    .groupBy(users.id, users.name)
    .orderBy(users.name);
  return {
    total: statuses.reduce((sum, status) => sum + status.count, 0),
    statuses: statuses.map((status) => ({ value: status.value as AccountStatus, count: status.count })),
    industries,
    owners,
  };
}
