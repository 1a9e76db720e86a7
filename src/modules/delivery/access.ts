import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { memberships } from '../workspaces';
import { deliveryMessages } from './messages';
import { departments, tasks } from './schema';

/** Whether the actor sees all of delivery; a specialist sees only their own part (decision 0016). */
export function seesAllDelivery(ctx: UseCaseContext): boolean {
  return can(ctx.actor.role, 'accounts:read-all');
}

/** The actor's department as a subquery (null when they have none). */
function actorDepartment(ctx: UseCaseContext): SQL {
  return sql`(select m.department_id from delivery_members m
    where m.workspace_id = ${ctx.actor.workspaceId} and m.user_id = ${ctx.actor.userId})`;
}

/** Tasks the actor may see: all, or (a specialist) those given to them or to their department. */
export function taskScope(ctx: UseCaseContext): SQL | undefined {
  if (seesAllDelivery(ctx)) return undefined;
  return sql`(${tasks.assigneeId} = ${ctx.actor.userId} or ${tasks.departmentId} = ${actorDepartment(ctx)})`;
}

/** Projects the actor may see: all, or (a specialist) those with a task of theirs. */
export function projectScope(ctx: UseCaseContext, projectId: AnyPgColumn): SQL | undefined {
  if (seesAllDelivery(ctx)) return undefined;
  return sql`exists (select 1 from tasks t where t.workspace_id = ${ctx.actor.workspaceId}
    and t.project_id = ${projectId}
    and (t.assignee_id = ${ctx.actor.userId} or t.department_id = ${actorDepartment(ctx)}))`;
}

/** 422 on `path` unless the user is a member of the workspace. */
export async function assertMember(ctx: UseCaseContext, userId: string, path: string): Promise<void> {
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw ruleViolated(deliveryMessages.noSuchMember, undefined, path);
}

/** 422 on `path` unless the department exists in the workspace. */
export async function assertDepartment(ctx: UseCaseContext, departmentId: string, path: string): Promise<void> {
  const [department] = await ctx.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.workspaceId, ctx.actor.workspaceId), eq(departments.id, departmentId)));
  if (!department) throw ruleViolated(deliveryMessages.noSuchDepartment, undefined, path);
}

/** 422 on `path` unless the account exists in the workspace. */
export async function assertAccount(ctx: UseCaseContext, accountId: string, path: string): Promise<void> {
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId)));
  if (!account) throw ruleViolated(deliveryMessages.noSuchAccount, undefined, path);
}
