import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { taskScope } from './access';
import { departments, projects, tasks } from './schema';
import { type AcceptanceState, isAcceptanceLate, isOverdue, type TaskPriority, type TaskStatus } from './task-rules';

export type Task = {
  id: string;
  projectId: string;
  project: { id: string; name: string };
  account: { id: string; name: string };
  title: string;
  description: string | null;
  links: string[];
  dueAt: Date | null;
  estimateHours: number;
  priority: TaskPriority;
  assignee: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  assignedAt: Date;
  acceptance: AcceptanceState;
  acceptedAt: Date | null;
  declineReason: string | null;
  /** Still waiting for an answer after the workspace's acceptance window. */
  acceptanceLate: boolean;
  status: TaskStatus;
  overdue: boolean;
  doneAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const assignees = alias(users, 'assignees');

/** Tasks the actor may see, matching `condition`, with their names and derived flags. */
export async function selectTasks(
  ctx: UseCaseContext,
  condition: SQL | undefined,
  options: { acceptanceHours: number; limit: number; orderBy?: SQL[] },
): Promise<Task[]> {
  const rows = await ctx.db
    .select({
      id: tasks.id,
      projectId: tasks.projectId,
      projectName: projects.name,
      accountId: projects.accountId,
      accountName: accounts.name,
      title: tasks.title,
      description: tasks.description,
      links: tasks.links,
      dueAt: tasks.dueAt,
      estimateMinutes: tasks.estimateMinutes,
      priority: tasks.priority,
      assigneeId: tasks.assigneeId,
      assigneeName: assignees.name,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
      assignedAt: tasks.assignedAt,
      acceptance: tasks.acceptance,
      acceptedAt: tasks.acceptedAt,
      declineReason: tasks.declineReason,
      status: tasks.status,
      doneAt: tasks.doneAt,
      version: tasks.version,
      createdAt: tasks.createdAt,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .innerJoin(projects, and(eq(projects.workspaceId, tasks.workspaceId), eq(projects.id, tasks.projectId)))
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .leftJoin(assignees, eq(assignees.id, tasks.assigneeId))
    .leftJoin(departments, and(eq(departments.workspaceId, tasks.workspaceId), eq(departments.id, tasks.departmentId)))
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), taskScope(ctx), condition))
    .orderBy(...(options.orderBy ?? [sql`${tasks.dueAt} asc nulls last`, tasks.id]))
    .limit(options.limit);
  return rows.map((row) => {
    const state = {
      status: row.status as TaskStatus,
      acceptance: row.acceptance as AcceptanceState,
      assignedAt: row.assignedAt,
      dueAt: row.dueAt,
    };
    return {
      id: row.id,
      projectId: row.projectId,
      project: { id: row.projectId, name: row.projectName },
      account: { id: row.accountId, name: row.accountName },
      title: row.title,
      description: row.description,
      links: row.links,
      dueAt: row.dueAt,
      estimateHours: row.estimateMinutes / 60,
      priority: row.priority as TaskPriority,
      assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
      department: row.departmentId ? { id: row.departmentId, name: row.departmentName ?? '' } : null,
      assignedAt: row.assignedAt,
      acceptance: state.acceptance,
      acceptedAt: row.acceptedAt,
      declineReason: row.declineReason,
      acceptanceLate: isAcceptanceLate(state, ctx.now, options.acceptanceHours),
      status: state.status,
      overdue: isOverdue(state, ctx.now),
      doneAt: row.doneAt,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}
