import { sql } from 'drizzle-orm';
import { asSystem } from '../../src/platform/db/client';
import { openDemoWorkspace } from '../demo-workspace';
import { round, summarize, timeRepeated } from '../measure';

const specialistCount = Number(process.env.BENCH_SPECIALISTS ?? 100);
const taskCount = Number(process.env.BENCH_TASKS ?? 50_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 100);

type Json = Record<string, unknown>;

async function getJson(url: string, token: string): Promise<Json> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Json;
}

/**
 * The board and the workload over a workspace of 100 specialists and 50,000 tasks (target p99
 * < 100 ms): the demo workspace at scale 1, then specialists spread over its departments, 400
 * projects over its accounts and tasks over a year around today — six in ten done (by their
 * deadline), the rest to do, in progress or in review — added in one statement each.
 */
export async function deliveryBenchmark() {
  const demo = await openDemoWorkspace('delivery', 1);
  const results: Json = { specialistTarget: specialistCount, taskTarget: taskCount, requests };
  try {
    const workspaceId = demo.workspaceId;
    const loadStarted = performance.now();
    await asSystem(demo.db, { userId: demo.admin.id }, async (tx) => {
      await tx.execute(sql`select set_config('app.audit', 'off', true)`);
      await tx.execute(sql`
        with made as (
          insert into users (id, email, name, password_hash)
          select gen_random_uuid(), 'bench-specialist-' || g || '@example.com', 'Специалист ' || g, 'x'
          from generate_series(1, greatest(0, ${specialistCount}::int - (select count(*)::int from delivery_members
            where workspace_id = ${workspaceId}))) as g
          returning id),
        joined as (
          insert into memberships (workspace_id, id, user_id, role)
          select ${workspaceId}, gen_random_uuid(), id, 'specialist' from made returning user_id),
        departments_list as (select array_agg(id order by name) as list from departments where workspace_id = ${workspaceId})
        insert into delivery_members (workspace_id, id, user_id, department_id, weekly_capacity_hours)
        select ${workspaceId}, gen_random_uuid(), joined.user_id,
          departments_list.list[1 + (row_number() over ()) % array_length(departments_list.list, 1)], 40
        from joined, departments_list`);
      await tx.execute(sql`
        with ids as (select array_agg(id order by id) as list from accounts where workspace_id = ${workspaceId}),
          types as (select id, stages from project_types where workspace_id = ${workspaceId} order by name limit 1),
          owner as (select user_id from memberships where workspace_id = ${workspaceId} and role = 'manager' limit 1)
        insert into projects (workspace_id, id, account_id, project_type_id, name, stage, owner_id, currency)
        select ${workspaceId}, gen_random_uuid(), ids.list[1 + g % array_length(ids.list, 1)], types.id,
          'Проект ' || g, types.stages[1 + g % array_length(types.stages, 1)], owner.user_id, 'RUB'
        from ids, types, owner, generate_series(1, 400) as g`);
      await tx.execute(sql`
        with people as (select array_agg(user_id order by user_id) as list from delivery_members where workspace_id = ${workspaceId}),
          work as (select array_agg(id order by id) as list from projects where workspace_id = ${workspaceId}),
          creator as (select user_id from memberships where workspace_id = ${workspaceId} and role = 'manager' limit 1),
          existing as (select count(*)::int as n from tasks where workspace_id = ${workspaceId})
        insert into tasks (workspace_id, id, project_id, title, due_at, estimate_minutes, priority, assignee_id,
          assigned_at, acceptance, accepted_at, status, done_at, created_by)
        select ${workspaceId}, gen_random_uuid(), work.list[1 + g % array_length(work.list, 1)], 'Задача ' || g,
          now() + ((g % 365) - 182) * interval '1 day', 60 * (1 + g % 8), 'normal',
          people.list[1 + (g * 7) % array_length(people.list, 1)], now() - interval '2 days',
          case when g % 50 = 0 then 'pending' else 'accepted' end, now() - interval '1 day', s.status,
          -- finished by the deadline, or up to a week before today when the deadline is still ahead
          case when s.status = 'done' then least(now() - (g % 7) * interval '1 day',
            now() + ((g % 365) - 182) * interval '1 day' - (g % 3) * interval '1 day') end, creator.user_id
        from people, work, creator, existing, generate_series(1, greatest(0, ${taskCount}::int - existing.n)) as g,
          lateral (select case when g % 10 < 6 then 'done' when g % 10 < 8 then 'todo'
            when g % 10 < 9 then 'in_progress' else 'in_review' end as status) s`);
    });
    await demo.db.execute(sql`vacuum analyze tasks`);
    await demo.db.execute(sql`vacuum analyze delivery_members`);
    await demo.db.execute(sql`vacuum analyze projects`);
    results.loadSeconds = round((performance.now() - loadStarted) / 1000);
    results.rows = await demo.countRows(['delivery_members', 'projects', 'tasks']);
    const [someone] = (
      await demo.db.execute<{ user_id: string; project_id: string; account_id: string }>(sql`
        select t.assignee_id as user_id, t.project_id, p.account_id from tasks t
        join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
        where t.workspace_id = ${workspaceId} limit 1`)
    ).rows;
    const time = async (path: string) => ({
      ...summarize(
        await timeRepeated(requests, async () => void (await getJson(`${demo.base}${path}`, demo.token)), 10),
      ),
      targetMs: 100,
    });
    results.board = await time('/board');
    results.boardByAssignee = await time(`/board?assigneeId=${someone?.user_id}`);
    results.boardByProject = await time(`/board?projectId=${someone?.project_id}`);
    results.boardByClient = await time(`/board?accountId=${someone?.account_id}`);
    results.workloadBySpecialist4Weeks = await time('/workload?by=specialist&weeks=4');
    results.workloadBySpecialist12Weeks = await time('/workload?by=specialist&weeks=12');
    results.workloadByDepartment = await time('/workload?by=department&weeks=12');
  } finally {
    await demo.close();
  }
  return results;
}
