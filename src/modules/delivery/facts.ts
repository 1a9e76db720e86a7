import { sql } from 'drizzle-orm';
import type { AccountFact } from '../../platform/account-facts';
import type { UseCaseContext } from '../../platform/use-case';

/**
 * Open tasks past their deadline per account (through the account's projects); accounts with no
 * task at all are absent rather than zero.
 */
export async function readOverdueTasks(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  if (accountIds && accountIds.length === 0) return new Map();
  const rows = (
    await ctx.db.execute<{ account_id: string; overdue: number }>(sql`
      select p.account_id,
        (count(*) filter (where t.status <> 'done' and t.due_at < ${ctx.now}::timestamptz))::int as overdue
      from tasks t
      join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
      where t.workspace_id = ${ctx.actor.workspaceId}
        ${accountIds ? sql`and p.account_id in ${[...accountIds]}` : sql``}
      group by p.account_id`)
  ).rows;
  return new Map(rows.map((row) => [row.account_id, Number(row.overdue)]));
}

/** Overdue tasks, for account health (decision 0013). */
export const overdueTasksFact: AccountFact = {
  key: 'delivery.overdueTasks',
  label: { en: 'Overdue tasks', ru: 'Просроченные задачи' },
  description: {
    en: 'Tasks of the account’s projects past their deadline and not done.',
    ru: 'Задачи проектов аккаунта, срок которых прошёл, а работа не сделана.',
  },
  unit: 'count',
  higherIsBetter: false,
  read: readOverdueTasks,
};
