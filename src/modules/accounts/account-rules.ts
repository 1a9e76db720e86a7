import { and, eq, inArray, sql } from 'drizzle-orm';
import { lockForTransaction } from '../../platform/db/client';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { memberships } from '../workspaces';
import { accountMessages } from './messages';
import { accounts, accountTeamMembers } from './schema';
import type { TeamRole } from './schemas';

export async function assertOwnerIsMember(ctx: UseCaseContext, ownerId: string): Promise<void> {
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, ownerId)));
  if (!member) throw ruleViolated(accountMessages.ownerNotMember, undefined, 'ownerId');
}

async function assertTeamAreMembers(ctx: UseCaseContext, team: { userId: string }[]): Promise<void> {
  if (team.length === 0) return;
  const userIds = team.map((member) => member.userId);
  const found = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), inArray(memberships.userId, userIds)));
  if (found.length !== new Set(userIds).size)
    throw ruleViolated(accountMessages.teamMemberNotMember, undefined, 'team');
}

/**
 * The parent must exist in the workspace, and must not be the account itself or one of its
 * descendants (that would make the hierarchy a cycle).
 */
export async function assertParentAllowed(
  ctx: UseCaseContext,
  accountId: string | undefined,
  parentId: string,
): Promise<void> {
  if (parentId === accountId) throw ruleViolated(accountMessages.parentCycle, undefined, 'parentId');
  // NOTE: without it, two accounts put under each other at once would each pass the check.
  await lockForTransaction(ctx.db, 'accord:account-hierarchy', ctx.actor.workspaceId);
  const result = await ctx.db.execute<{ id: string }>(sql`
    with recursive ancestors(id, parent_id, depth) as (
      select id, parent_id, 0 from ${accounts}
      where workspace_id = ${ctx.actor.workspaceId} and id = ${parentId}
      union all
      select a.id, a.parent_id, ancestors.depth + 1 from ${accounts} a
      join ancestors on a.id = ancestors.parent_id
      where a.workspace_id = ${ctx.actor.workspaceId} and ancestors.depth < 1000
    )
    select id from ancestors`);
  if (result.rows.length === 0) throw ruleViolated(accountMessages.parentNotFound, undefined, 'parentId');
  if (accountId && result.rows.some((row) => row.id === accountId)) {
    throw ruleViolated(accountMessages.parentCycle, undefined, 'parentId');
  }
}

/** Makes the account's team exactly the given people and roles (the audit shows each change). */
export async function replaceTeam(
  ctx: UseCaseContext,
  accountId: string,
  team: { userId: string; role: TeamRole }[],
): Promise<void> {
  await assertTeamAreMembers(ctx, team);
  const scope = and(
    eq(accountTeamMembers.workspaceId, ctx.actor.workspaceId),
    eq(accountTeamMembers.accountId, accountId),
  );
  const current = await ctx.db.select().from(accountTeamMembers).where(scope);
  const wanted = new Map(team.map((member) => [member.userId, member.role]));
  const removed = current.filter((member) => !wanted.has(member.userId)).map((member) => member.id);
  if (removed.length > 0)
    await ctx.db.delete(accountTeamMembers).where(and(scope, inArray(accountTeamMembers.id, removed)));
  for (const member of current) {
    const role = wanted.get(member.userId);
    if (role && role !== member.role) {
      await ctx.db
        .update(accountTeamMembers)
        .set({ role, updatedAt: ctx.now, version: sql`${accountTeamMembers.version} + 1` })
        .where(and(scope, eq(accountTeamMembers.id, member.id)));
    }
  }
  const existing = new Set(current.map((member) => member.userId));
  const added = team.filter((member) => !existing.has(member.userId));
  if (added.length > 0) {
    await ctx.db.insert(accountTeamMembers).values(
      added.map((member) => ({
        workspaceId: ctx.actor.workspaceId,
        accountId,
        userId: member.userId,
        role: member.role,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
  }
}
