import { and, asc, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { dateIn, workspaceTimeZone } from '../workspaces';
import { seesAllDelivery, taskScope } from './access';
import { deliveryMembers, tasks } from './schema';
import { type BoardQuery, boardQuery, type WorkloadQuery, workloadQuery } from './schemas';
import { getDeliverySettings } from './settings';
import { type TaskStatus, taskStatuses } from './task-rules';
import { selectTasks, type Task } from './task-view';
import { buildWorkload, type WorkloadRow, type WorkloadSum, weekStarts } from './workload-rules';

export type BoardColumn = { status: TaskStatus; total: number; tasks: Task[] };
export type Board = { columns: BoardColumn[]; acceptanceHours: number; doneWithinDays: number };

/**
 * How far back the board's done column reaches: the week's finished work is what a manager checks,
 * and counting every task ever finished (most of a workspace's tasks) would cost more each month.
 */
export const doneWithinDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const openStatuses = taskStatuses.filter((status) => status !== 'done');

export function boardConditions(ctx: UseCaseContext, query: ReturnType<typeof boardQuery.parse>): SQL | undefined {
  return and(
    query.accountId
      ? sql`${tasks.projectId} in (select p.id from projects p where p.workspace_id = ${ctx.actor.workspaceId}
          and p.account_id = ${query.accountId})`
      : undefined,
    query.projectId ? eq(tasks.projectId, query.projectId) : undefined,
    query.assigneeId ? eq(tasks.assigneeId, query.assigneeId) : undefined,
    query.departmentId ? eq(tasks.departmentId, query.departmentId) : undefined,
    query.acceptance ? eq(tasks.acceptance, query.acceptance) : undefined,
  );
}

/**
 * The manager's kanban: one column per status with its count and its most urgent cards (by
 * deadline), filtered by client, project, assignee, department or acceptance. The done column
 * holds the tasks finished in the last `doneWithinDays` days, latest first.
 */
export async function getBoard(ctx: UseCaseContext, rawQuery: BoardQuery): Promise<Board> {
  const query = boardQuery.parse(rawQuery);
  const { acceptanceHours } = await getDeliverySettings(ctx);
  const conditions = boardConditions(ctx, query);
  const doneSince = new Date(ctx.now.getTime() - doneWithinDays * dayMs);
  const recentlyDone = and(eq(tasks.status, 'done'), gte(tasks.doneAt, doneSince));
  const scoped = and(eq(tasks.workspaceId, ctx.actor.workspaceId), taskScope(ctx), conditions);
  // NOTE: open and recently done counted apart, so each walks its own index range (the open
  // statuses, and `tasks_recent_done_idx` by finishing time) instead of every task ever done.
  const open = await ctx.db
    .select({ status: tasks.status, total: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(scoped, inArray(tasks.status, openStatuses)))
    .groupBy(tasks.status);
  const [done] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(scoped, recentlyDone));
  const totals = [...open, { status: 'done', total: done?.total ?? 0 }];
  const columns: BoardColumn[] = [];
  // NOTE: one query per column, each walking an index by deadline and stopping at the limit,
  // rather than a window over every task of the workspace (decision 0016: 50,000 tasks).
  for (const status of taskStatuses) {
    const total = totals.find((row) => row.status === status)?.total ?? 0;
    const cards =
      total === 0
        ? []
        : await selectTasks(
            ctx,
            and(status === 'done' ? recentlyDone : eq(tasks.status, status), conditions),
            status === 'done'
              ? { acceptanceHours, limit: query.limit, orderBy: [desc(tasks.doneAt), asc(tasks.id)] }
              : { acceptanceHours, limit: query.limit },
          );
    columns.push({ status, total, tasks: cards });
  }
  return { columns, acceptanceHours, doneWithinDays };
}

export type Workload = { by: 'specialist' | 'department'; weeks: string[]; rows: WorkloadRow[] };

/**
 * Estimated hours of open, not declined tasks per ISO week of their deadline (in the workspace's
 * time zone) against weekly capacity, per specialist or per department.
 */
export async function getWorkload(ctx: UseCaseContext, rawQuery: WorkloadQuery): Promise<Workload> {
  const query = workloadQuery.parse(rawQuery);
  const workspaceId = ctx.actor.workspaceId;
  const timeZone = await workspaceTimeZone(ctx);
  const today = sql`${dateIn(ctx.now, timeZone)}::date`;
  const first = await ctx.db.execute<{ monday: string }>(
    sql`select to_char(date_trunc('week', coalesce(${query.from ?? null}::date, ${today})), 'YYYY-MM-DD') as monday`,
  );
  const weeks = weekStarts((first.rows[0] as { monday: string }).monday, query.weeks);
  const from = weeks[0] as string;
  const until = weekStarts(weeks[weeks.length - 1] as string, 2)[1] as string;
  const owner = query.by === 'specialist' ? sql`t.assignee_id` : sql`coalesce(t.department_id, m.department_id)`;
  // NOTE: the bounds are local midnights as instants (`timestamp at time zone` gives timestamptz), so
  // they compare with `due_at` in its own type and the index range applies.
  // NOTE: grouped on the week's timestamp and formatted once per group, not once per task; the
  // join to members is only needed to find the department of a task given to a person.
  const sums = await ctx.db.execute<{ owner_id: string; week_start: string; minutes: number; tasks: number }>(sql`
    select owner_id, to_char(week, 'YYYY-MM-DD') as week_start, minutes, tasks from (
      select ${owner} as owner_id, date_trunc('week', t.due_at at time zone ${timeZone}) as week,
        sum(t.estimate_minutes)::int as minutes, count(*)::int as tasks
      from tasks t
      ${query.by === 'department' ? sql`left join delivery_members m on m.workspace_id = t.workspace_id and m.user_id = t.assignee_id` : sql``}
      where t.workspace_id = ${workspaceId} and t.status <> 'done' and t.acceptance <> 'declined'
        and t.due_at >= (${from}::timestamp at time zone ${timeZone})
        and t.due_at < (${until}::timestamp at time zone ${timeZone})
        and ${owner} is not null
      group by 1, 2) sums`);
  const workloadSums: WorkloadSum[] = sums.rows.map((row) => ({
    ownerId: row.owner_id,
    weekStart: row.week_start,
    estimateMinutes: row.minutes,
    tasks: row.tasks,
  }));
  // NOTE: a specialist sees only their own row, or their own department's.
  const ownIds = new Set([ctx.actor.userId, ...(await actorDepartmentIds(ctx))]);
  const owners = query.by === 'specialist' ? await specialists(ctx, query.departmentId) : await departmentOwners(ctx);
  const visible = seesAllDelivery(ctx) ? owners : owners.filter((row) => ownIds.has(row.id));
  return { by: query.by, weeks, rows: buildWorkload(visible, workloadSums, weeks) };
}

async function actorDepartmentIds(ctx: UseCaseContext): Promise<string[]> {
  const rows = await ctx.db
    .select({ departmentId: deliveryMembers.departmentId })
    .from(deliveryMembers)
    .where(and(eq(deliveryMembers.workspaceId, ctx.actor.workspaceId), eq(deliveryMembers.userId, ctx.actor.userId)));
  return rows.flatMap((row) => (row.departmentId ? [row.departmentId] : []));
}

async function specialists(ctx: UseCaseContext, departmentId: string | undefined) {
  const rows = await ctx.db.execute<{ id: string; name: string; capacity: number }>(sql`
    select ms.user_id as id, u.name, coalesce(m.weekly_capacity_hours, 40) * 60 as capacity
    from memberships ms
    join users u on u.id = ms.user_id
    left join delivery_members m on m.workspace_id = ms.workspace_id and m.user_id = ms.user_id
    where ms.workspace_id = ${ctx.actor.workspaceId}
      and (m.id is not null or ms.role = 'specialist')
      ${departmentId ? sql`and m.department_id = ${departmentId}` : sql``}
    order by u.name`);
  return rows.rows.map((row) => ({ id: row.id, name: row.name, capacityMinutes: Number(row.capacity) }));
}

async function departmentOwners(ctx: UseCaseContext) {
  const rows = await ctx.db.execute<{ id: string; name: string; capacity: number }>(sql`
    select d.id, d.name, coalesce(sum(m.weekly_capacity_hours), 0) * 60 as capacity
    from departments d
    left join delivery_members m on m.workspace_id = d.workspace_id and m.department_id = d.id
    where d.workspace_id = ${ctx.actor.workspaceId}
    group by d.id, d.name
    order by d.name`);
  return rows.rows.map((row) => ({ id: row.id, name: row.name, capacityMinutes: Number(row.capacity) }));
}
