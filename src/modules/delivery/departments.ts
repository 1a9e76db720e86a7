import { and, asc, eq, sql } from 'drizzle-orm';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { memberships } from '../workspaces';
import { assertDepartment } from './access';
import { deliveryMessages } from './messages';
import { deliveryMembers, departments } from './schema';
import { type CreateDepartmentInput, createDepartmentInput, type PlaceMemberInput, placeMemberInput } from './schemas';

export type Department = { id: string; name: string; members: number; weeklyCapacityHours: number };
export type DeliveryMember = {
  userId: string;
  name: string;
  role: string;
  departmentId: string | null;
  weeklyCapacityHours: number;
};

/** A member not placed yet works a standard 40-hour week and belongs to no department. */
export const defaultWeeklyCapacityHours = 40;

/** The departments with their headcount and summed weekly capacity. */
export async function listDepartments(ctx: UseCaseContext): Promise<Department[]> {
  return ctx.db
    .select({
      id: departments.id,
      name: departments.name,
      members: sql<number>`count(${deliveryMembers.id})::int`,
      weeklyCapacityHours: sql<number>`coalesce(sum(${deliveryMembers.weeklyCapacityHours}), 0)::int`,
    })
    .from(departments)
    .leftJoin(
      deliveryMembers,
      and(eq(deliveryMembers.workspaceId, departments.workspaceId), eq(deliveryMembers.departmentId, departments.id)),
    )
    .where(eq(departments.workspaceId, ctx.actor.workspaceId))
    .groupBy(departments.id, departments.name)
    .orderBy(asc(departments.name));
}

/** Adds a department; 422 on `name` when the name is taken. */
export async function createDepartment(ctx: UseCaseContext, rawInput: CreateDepartmentInput): Promise<Department> {
  const input = createDepartmentInput.parse(rawInput);
  const [created] = await ctx.db
    .insert(departments)
    .values({ workspaceId: ctx.actor.workspaceId, name: input.name, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: departments.id, name: departments.name });
  if (!created) throw ruleViolated(deliveryMessages.departmentTaken, undefined, 'name');
  return { ...created, members: 0, weeklyCapacityHours: 0 };
}

/** Every member of the workspace with their department and weekly capacity. */
export async function listDeliveryMembers(ctx: UseCaseContext): Promise<DeliveryMember[]> {
  return ctx.db
    .select({
      userId: memberships.userId,
      name: users.name,
      role: memberships.role,
      departmentId: deliveryMembers.departmentId,
      weeklyCapacityHours: sql<number>`coalesce(${deliveryMembers.weeklyCapacityHours}, ${defaultWeeklyCapacityHours})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      deliveryMembers,
      and(eq(deliveryMembers.workspaceId, memberships.workspaceId), eq(deliveryMembers.userId, memberships.userId)),
    )
    .where(eq(memberships.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(users.name));
}

/** Puts a member in a department (or none) with a weekly capacity. */
export async function placeMember(
  ctx: UseCaseContext,
  userId: string,
  rawInput: PlaceMemberInput,
): Promise<DeliveryMember> {
  const input = placeMemberInput.parse(rawInput);
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw notFound(deliveryMessages.member);
  if (input.departmentId) await assertDepartment(ctx, input.departmentId, 'departmentId');
  await ctx.db
    .insert(deliveryMembers)
    .values({ workspaceId: ctx.actor.workspaceId, userId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [deliveryMembers.workspaceId, deliveryMembers.userId],
      set: { ...input, updatedAt: ctx.now, version: sql`${deliveryMembers.version} + 1` },
    });
  const members = await listDeliveryMembers(ctx);
  return members.find((member) => member.userId === userId) as DeliveryMember;
}
