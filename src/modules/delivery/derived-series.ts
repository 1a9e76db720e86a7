import { sql } from 'drizzle-orm';
import type { DerivedSeriesProvider } from '../../platform/derived-series';

const weekMs = 7 * 86_400_000;

/**
 * Overdue tasks per account and ISO week (the point on its Monday): the tasks of the account's
 * projects that, at the end of the week, were past their deadline and not done. The series starts
 * with the week of the account's first task; a running week is left out until it ends.
 */
export const overdueTasksSeries: DerivedSeriesProvider = {
  key: 'delivery.overdue_tasks',
  module: 'delivery',
  metricKey: 'overdue_tasks',
  label: { en: 'Overdue tasks', ru: 'Просроченные задачи' },
  description: {
    en: 'Tasks of the account’s projects past their deadline and not done at the end of each week.',
    ru: 'Задачи проектов аккаунта, у которых к концу недели прошёл срок, а работа не сделана.',
  },
  access: { read: 'delivery:read', readAll: 'delivery:read' },
  sourceVersion: async (ctx) => {
    const [row] = (
      await ctx.db.execute<{ version: string }>(sql`
        select concat(count(*), ':', max(updated_at)) as version from tasks where workspace_id = ${ctx.actor.workspaceId}`)
    ).rows;
    // NOTE: a task falls overdue with time alone: the week matters too.
    return `${Math.floor(ctx.now.getTime() / weekMs)}/${row?.version ?? ''}`;
  },
  readPoints: async (ctx, { from, to }) => {
    const rows = (
      await ctx.db.execute<{ account_id: string; week: string; overdue: number }>(sql`
        with weeks as (
          select w::date as week, (w + interval '7 days') at time zone 'UTC' as ends
          from generate_series(date_trunc('week', ${from}::date)::timestamp, ${to}::date + 1 - 7, interval '7 days') w
        )
        select p.account_id, weeks.week::text as week,
          (count(*) filter (where t.due_at < weeks.ends and (t.done_at is null or t.done_at >= weeks.ends)))::int
            as overdue
        from tasks t
        join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
        join weeks on t.created_at < weeks.ends
        where t.workspace_id = ${ctx.actor.workspaceId}
        group by 1, 2`)
    ).rows;
    return rows.map((row) => ({ accountId: row.account_id, dimension: '', at: row.week, value: row.overdue }));
  },
};
