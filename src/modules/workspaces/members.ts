import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../platform/auth/permissions';
import { generateSecret } from '../../platform/auth/tokens';
import { containsPattern } from '../../platform/db/like';
import { AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import { listQuerySchema } from '../../platform/list-query';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { createUser, findUserByEmail, users } from '../users';
import { workspaceMessages } from './messages';
import { memberships } from './schema';
import { type AddMemberInput, addMemberInput, removeMemberInput, updateMemberInput } from './schemas';

export type Member = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
  version: number;
};

export const listMembersQuery = listQuerySchema(['name', 'joinedAt'], 'name');

const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  joinedAt: memberships.createdAt,
  version: memberships.version,
};

function toMember(row: {
  userId: string;
  email: string;
  name: string;
  role: string;
  joinedAt: Date;
  version: number;
}): Member {
  return { ...row, role: row.role as Role };
}

export async function listMembers(
  ctx: UseCaseContext,
  rawQuery: z.input<typeof listMembersQuery>,
): Promise<Page<Member>> {
  const query = listMembersQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { name: users.name, joinedAt: memberships.createdAt },
    id: memberships.userId,
    cursor: query.cursor,
  });
  const pattern = query.q ? containsPattern(query.q) : undefined;
  const rows = await ctx.db
    .select({ ...memberColumns, id: memberships.userId, sortKey: page.sortKey })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, ctx.actor.workspaceId),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ id: _id, sortKey: _sortKey, ...row }) => toMember(row));
}

export async function getMember(ctx: UseCaseContext, userId: string): Promise<Member> {
  const [row] = await ctx.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  if (!row) throw notFound(workspaceMessages.member);
  return toMember(row);
}

/** True when the user belongs to the actor's workspace. */
export async function isMember(ctx: UseCaseContext, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  return row !== undefined;
}

/**
 * Adds a person to the workspace, creating their user when the e-mail is new (with the given
 * password, or a generated one returned once). Runs as the owner role, because it may create a
 * user; every statement names the actor's workspace.
 */
export async function addMember(
  ctx: UseCaseContext,
  rawInput: AddMemberInput,
): Promise<{ member: Member; temporaryPassword?: string }> {
  const input = addMemberInput.parse(rawInput);
  let user = await findUserByEmail(ctx.db, input.email);
  let temporaryPassword: string | undefined;
  if (!user) {
    if (!input.name) {
      throw new AppError('validation_failed', message(workspaceMessages.nameRequiredForNewUser), [
        { path: 'name', message: message(workspaceMessages.nameRequiredForNewUser) },
      ]);
    }
    temporaryPassword = input.password ? undefined : generateSecret().slice(0, 16);
    user = await createUser(ctx.db, {
      email: input.email,
      name: input.name,
      password: input.password ?? (temporaryPassword as string),
      locale: 'ru',
    });
  }
  const [inserted] = await ctx.db
    .insert(memberships)
    .values({ workspaceId: ctx.actor.workspaceId, userId: user.id, role: input.role })
    .onConflictDoNothing()
    .returning();
  if (!inserted)
    throw new AppError('conflict', message(workspaceMessages.alreadyMember), [
      { path: 'email', message: message(workspaceMessages.alreadyMember) },
    ]);
  const member = await getMember(ctx, user.id);
  return temporaryPassword ? { member, temporaryPassword } : { member };
}

async function assertAnotherAdminRemains(ctx: UseCaseContext, userId: string) {
  // NOTE: every admin row is locked, the leaving one too: two admins stepping down at once
  // then queue here, and the second sees that the first is no longer an admin.
  const admins = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.role, 'admin')))
    .for('update');
  if (!admins.some((admin) => admin.userId !== userId)) {
    throw ruleViolated(workspaceMessages.lastAdmin, undefined, 'role');
  }
}

/** Changes a member's role; refused with 412 when `expectedVersion` (from If-Match) is stale. */
export async function changeMemberRole(
  ctx: UseCaseContext,
  userId: string,
  rawInput: z.input<typeof updateMemberInput>,
  expectedVersion?: number,
): Promise<Member> {
  const input = updateMemberInput.parse(rawInput);
  const current = await getMember(ctx, userId);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (current.role === 'admin' && input.role !== 'admin') await assertAnotherAdminRemains(ctx, userId);
  const [updated] = await ctx.db
    .update(memberships)
    .set({ role: input.role, updatedAt: ctx.now, version: sql`${memberships.version} + 1` })
    .where(
      and(
        eq(memberships.workspaceId, ctx.actor.workspaceId),
        eq(memberships.userId, userId),
        eq(memberships.version, current.version),
      ),
    )
    .returning({ userId: memberships.userId });
  if (!updated) throw staleVersion();
  return getMember(ctx, userId);
}

/** Owned-account counting and reassignment are given by the accounts module (it owns that table). */
export type AccountOwnership = {
  countOwnedAccounts(ctx: UseCaseContext, userId: string): Promise<number>;
  reassignOwnedAccounts(ctx: UseCaseContext, fromUserId: string, toUserId: string): Promise<void>;
};

/** Ending a leaving member's API access is given by the auth module (it owns the tokens). */
export type MemberAccess = {
  revokeMemberAccess(ctx: UseCaseContext, userId: string): Promise<void>;
};

export type MemberRemovalPorts = { accountOwnership: AccountOwnership; memberAccess: MemberAccess };

export async function removeMember(
  ctx: UseCaseContext,
  userId: string,
  rawInput: z.input<typeof removeMemberInput>,
  ports: MemberRemovalPorts,
  expectedVersion?: number,
): Promise<void> {
  const input = removeMemberInput.parse(rawInput);
  const current = await getMember(ctx, userId);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (current.role === 'admin') await assertAnotherAdminRemains(ctx, userId);
  const owned = await ports.accountOwnership.countOwnedAccounts(ctx, userId);
  if (owned > 0) {
    if (!input.reassignTo) throw ruleViolated(workspaceMessages.ownsAccounts, { count: owned }, 'reassignTo');
    if (input.reassignTo === userId || !(await isMember(ctx, input.reassignTo))) {
      throw ruleViolated(workspaceMessages.reassignToNotMember, undefined, 'reassignTo');
    }
    await ports.accountOwnership.reassignOwnedAccounts(ctx, userId, input.reassignTo);
  }
  const [removed] = await ctx.db
    .delete(memberships)
    .where(
      and(
        eq(memberships.workspaceId, ctx.actor.workspaceId),
        eq(memberships.userId, userId),
        eq(memberships.version, current.version),
      ),
    )
    .returning({ userId: memberships.userId });
  if (!removed) throw staleVersion();
  // NOTE: their tokens must not come back to life should they be added again later.
  await ports.memberAccess.revokeMemberAccess(ctx, userId);
}
