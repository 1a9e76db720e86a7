import { and, asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { accountMessages } from './messages';
import { accounts, accountTeamMembers } from './schema';
import type { AccountStatus, TeamRole } from './schemas';
import { visibleAccounts } from './visibility';

/** The stored columns of an account as the API shows them (no tenant key, no search vector). */
export const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  legalName: accounts.legalName,
  taxId: accounts.taxId,
  website: accounts.website,
  domain: accounts.domain,
  industry: accounts.industry,
  segment: accounts.segment,
  status: accounts.status,
  ownerId: accounts.ownerId,
  parentId: accounts.parentId,
  currency: accounts.currency,
  tags: accounts.tags,
  custom: accounts.custom,
  notes: accounts.notes,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
  version: accounts.version,
};

export type AccountRow = Omit<typeof accounts.$inferSelect, 'workspaceId' | 'search'>;

export type AccountDetail = Omit<AccountRow, 'status'> & {
  status: AccountStatus;
  owner: { id: string; name: string; email: string };
  parent: { id: string; name: string } | null;
  children: { id: string; name: string; status: AccountStatus }[];
  childCount: number;
  team: { userId: string; name: string; role: TeamRole }[];
};

const parents = alias(accounts, 'parent');
const childLimit = 100;

/** An account with its owner, parent, subsidiaries and team: everything the account page shows. */
export async function getAccount(ctx: UseCaseContext, id: string): Promise<AccountDetail> {
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await ctx.db
    .select({
      ...accountColumns,
      owner: { id: users.id, name: users.name, email: users.email },
      parentName: parents.name,
    })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.ownerId))
    .leftJoin(parents, and(eq(parents.workspaceId, accounts.workspaceId), eq(parents.id, accounts.parentId)))
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id), visibleAccounts(ctx)));
  if (!row) throw notFound(accountMessages.account);

  // NOTE: one after another: the queries share the transaction's single connection.
  const children = await ctx.db
    .select({ id: accounts.id, name: accounts.name, status: accounts.status })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.parentId, id), visibleAccounts(ctx)))
    .orderBy(asc(accounts.name))
    .limit(childLimit);
  const [childTotal] =
    children.length < childLimit
      ? [{ total: children.length }]
      : await ctx.db
          .select({ total: count() })
          .from(accounts)
          .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.parentId, id), visibleAccounts(ctx)));
  const team = await ctx.db
    .select({ userId: accountTeamMembers.userId, name: users.name, role: accountTeamMembers.role })
    .from(accountTeamMembers)
    .innerJoin(users, eq(users.id, accountTeamMembers.userId))
    .where(and(eq(accountTeamMembers.workspaceId, workspaceId), eq(accountTeamMembers.accountId, id)))
    .orderBy(asc(users.name));

  const { parentName, ...account } = row;
  return {
    ...account,
    status: account.status as AccountStatus,
    parent: account.parentId && parentName ? { id: account.parentId, name: parentName } : null,
    children: children.map((child) => ({ ...child, status: child.status as AccountStatus })),
    childCount: childTotal?.total ?? 0,
    team: team.map((member) => ({ ...member, role: member.role as TeamRole })),
  };
}
