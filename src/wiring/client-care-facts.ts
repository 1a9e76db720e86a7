import { sql } from 'drizzle-orm';
import type { AccountFact } from '../platform/account-facts';
import type { UseCaseContext } from '../platform/use-case';

// NOTE: client care (decision 0016) does not offer account facts yet, and another branch owns it:
// this adapter of the composition root reads its `client_feedback` table so that health can count
// open complaints. When client care exports its own fact with this key, this file goes.

/**
 * Complaints and conflicts not yet resolved or rejected, per account; accounts with no feedback
 * on record at all are absent rather than zero.
 */
export async function readOpenComplaints(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  if (accountIds && accountIds.length === 0) return new Map();
  const rows = (
    await ctx.db.execute<{ account_id: string; open: number }>(sql`
      select f.account_id,
        (count(*) filter (where f.kind in ('complaint', 'conflict') and f.status in ('open', 'in_progress')))::int
          as open
      from client_feedback f
      where f.workspace_id = ${ctx.actor.workspaceId}
        ${accountIds ? sql`and f.account_id in ${[...accountIds]}` : sql``}
      group by f.account_id`)
  ).rows;
  return new Map(rows.map((row) => [row.account_id, Number(row.open)]));
}

/** Open complaints, for account health (decision 0013). */
export const openComplaintsFact: AccountFact = {
  key: 'clientCare.openComplaints',
  label: { en: 'Open complaints', ru: 'Открытые жалобы' },
  description: {
    en: 'Complaints and conflicts of the account not yet resolved or rejected.',
    ru: 'Жалобы и конфликты аккаунта, ещё не решённые и не отклонённые.',
  },
  unit: 'count',
  higherIsBetter: false,
  read: readOpenComplaints,
};
