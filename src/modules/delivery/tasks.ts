import { and, asc, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions';
import { lockRow } from '../../platform/db/client';
import { AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { assertDepartment, assertMember } from './access';
import { deliveryMessages } from './messages';
import { deliveryMembers, projects, taskComments, tasks } from './schema';
import {
  type AddCommentInput,
  addCommentInput,
  type CreateTaskInput,
  createTaskInput,
  type DeclineTaskInput,
  declineTaskInput,
  type MoveTaskInput,
  moveTaskInput,
} from './schemas';
import { getDeliverySettings } from './settings';
import { canAnswer, refuseMove } from './task-rules';
import { selectTasks, type Task } from './task-view';

export type TaskComment = { id: string; author: { id: string; name: string }; body: string; createdAt: Date };
export type TaskDetail = Task & { comments: TaskComment[] };

/** One task the actor may see, with its comments; 404 otherwise. */
export async function getTask(ctx: UseCaseContext, id: string): Promise<TaskDetail> {
  const { acceptanceHours } = await getDeliverySettings(ctx);
  const [task] = await selectTasks(ctx, eq(tasks.id, id), { acceptanceHours, limit: 1 });
  if (!task) throw notFound(deliveryMessages.task);
  const comments = await ctx.db
    .select({
      id: taskComments.id,
      authorId: taskComments.authorId,
      authorName: users.name,
      body: taskComments.body,
      createdAt: taskComments.createdAt,
    })
    .from(taskComments)
    .innerJoin(users, eq(users.id, taskComments.authorId))
    .where(and(eq(taskComments.workspaceId, ctx.actor.workspaceId), eq(taskComments.taskId, id)))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));
  return {
    ...task,
    comments: comments.map((comment) => ({
      id: comment.id,
      author: { id: comment.authorId, name: comment.authorName },
      body: comment.body,
      createdAt: comment.createdAt,
    })),
  };
}

/** Hands a task to a specialist or a department; it waits for their acceptance. */
export async function createTask(ctx: UseCaseContext, rawInput: CreateTaskInput): Promise<TaskDetail> {
  const input = createTaskInput.parse(rawInput);
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.id, input.projectId)));
  if (!project) throw ruleViolated(deliveryMessages.noSuchProject, undefined, 'projectId');
  if (input.assigneeId) await assertMember(ctx, input.assigneeId, 'assigneeId');
  if (input.departmentId) await assertDepartment(ctx, input.departmentId, 'departmentId');
  const { estimateHours, dueAt, ...fields } = input;
  const [created] = await ctx.db
    .insert(tasks)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ...fields,
      dueAt: dueAt ? new Date(dueAt) : null,
      estimateMinutes: Math.round(estimateHours * 60),
      assignedAt: ctx.now,
      acceptance: 'pending',
      status: 'todo',
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: tasks.id });
  return getTask(ctx, (created as { id: string }).id);
}

/** Whether the actor is the task's assignee, or (for a task given to a department) one of its members. */
async function isAssignee(ctx: UseCaseContext, task: Task): Promise<boolean> {
  if (task.assignee) return task.assignee.id === ctx.actor.userId;
  const [member] = await ctx.db
    .select({ departmentId: deliveryMembers.departmentId })
    .from(deliveryMembers)
    .where(and(eq(deliveryMembers.workspaceId, ctx.actor.workspaceId), eq(deliveryMembers.userId, ctx.actor.userId)));
  return member?.departmentId != null && member.departmentId === task.department?.id;
}

function notYours(): AppError {
  return new AppError('forbidden', message(deliveryMessages.notYourTask));
}

async function lockTask(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<TaskDetail> {
  await lockRow(ctx.db, tasks, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const task = await getTask(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== task.version) throw staleVersion();
  return task;
}

async function answer(
  ctx: UseCaseContext,
  id: string,
  values: Partial<typeof tasks.$inferInsert>,
  expectedVersion?: number,
): Promise<TaskDetail> {
  const task = await lockTask(ctx, id, expectedVersion);
  if (!(await isAssignee(ctx, task))) throw notYours();
  if (!canAnswer(task)) {
    throw ruleViolated(
      task.acceptance === 'accepted' ? deliveryMessages.alreadyAccepted : deliveryMessages.alreadyDeclined,
    );
  }
  await ctx.db
    .update(tasks)
    .set({ ...values, updatedAt: ctx.now, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), eq(tasks.id, id)));
  return getTask(ctx, id);
}

/** The assignee takes the task; a department's task becomes the accepting member's. */
export async function acceptTask(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<TaskDetail> {
  return answer(
    ctx,
    id,
    { acceptance: 'accepted', acceptedAt: ctx.now, assigneeId: ctx.actor.userId },
    expectedVersion,
  );
}

/** The assignee turns the task down, saying why (the reason is required). */
export async function declineTask(
  ctx: UseCaseContext,
  id: string,
  rawInput: DeclineTaskInput,
  expectedVersion?: number,
): Promise<TaskDetail> {
  const input = declineTaskInput.parse(rawInput);
  return answer(ctx, id, { acceptance: 'declined', declineReason: input.reason }, expectedVersion);
}

/** Moves an accepted task along to do → in progress → in review → done (or back); 422 otherwise. */
export async function moveTask(
  ctx: UseCaseContext,
  id: string,
  rawInput: MoveTaskInput,
  expectedVersion?: number,
): Promise<TaskDetail> {
  const input = moveTaskInput.parse(rawInput);
  const task = await lockTask(ctx, id, expectedVersion);
  if (!can(ctx.actor.role, 'delivery:write') && !(await isAssignee(ctx, task))) throw notYours();
  const refusal = refuseMove(task, input.status);
  if (refusal === 'not_accepted') throw ruleViolated(deliveryMessages.moveNotAccepted, undefined, 'status');
  if (refusal) throw ruleViolated(deliveryMessages.moveNotAllowed, { from: task.status, to: input.status }, 'status');
  await ctx.db
    .update(tasks)
    .set({
      status: input.status,
      doneAt: input.status === 'done' ? ctx.now : null,
      updatedAt: ctx.now,
      version: sql`${tasks.version} + 1`,
    })
    .where(and(eq(tasks.workspaceId, ctx.actor.workspaceId), eq(tasks.id, id)));
  return getTask(ctx, id);
}

/** Adds a comment to a task the actor can see. */
export async function addTaskComment(ctx: UseCaseContext, id: string, rawInput: AddCommentInput): Promise<TaskDetail> {
  const input = addCommentInput.parse(rawInput);
  await getTask(ctx, id);
  await ctx.db.insert(taskComments).values({
    workspaceId: ctx.actor.workspaceId,
    taskId: id,
    authorId: ctx.actor.userId,
    body: input.body,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return getTask(ctx, id);
}
