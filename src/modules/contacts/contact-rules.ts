import { and, eq, sql } from 'drizzle-orm';
import { lockForTransaction } from '../../platform/db/client';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contactMessages } from './messages';
import { contacts } from './schema';

export async function assertAccountExists(ctx: UseCaseContext, accountId: string): Promise<void> {
  const [found] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId)));
  if (!found) throw ruleViolated(contactMessages.accountNotFound, undefined, 'accountId');
}

/**
 * The manager must be a contact of the same account, and not the person or anyone below them
 * (that would make the reporting line a cycle).
 */
export async function assertReportsToAllowed(
  ctx: UseCaseContext,
  contactId: string | undefined,
  accountId: string,
  reportsToId: string,
): Promise<void> {
  if (reportsToId === contactId) throw ruleViolated(contactMessages.reportsToCycle, undefined, 'reportsToId');
  // NOTE: without it, two people made each other's manager at once would each pass the check.
  await lockForTransaction(ctx.db, 'accord:reporting-lines', ctx.actor.workspaceId);
  const result = await ctx.db.execute<{ id: string; account_id: string }>(sql`
    with recursive managers(id, account_id, reports_to_id, depth) as (
      select id, account_id, reports_to_id, 0 from ${contacts}
      where workspace_id = ${ctx.actor.workspaceId} and id = ${reportsToId}
      union all
      select c.id, c.account_id, c.reports_to_id, managers.depth + 1 from ${contacts} c
      join managers on c.id = managers.reports_to_id
      where c.workspace_id = ${ctx.actor.workspaceId} and managers.depth < 1000
    )
    select id, account_id from managers`);
  const manager = result.rows[0];
  if (!manager || manager.account_id !== accountId)
    throw ruleViolated(contactMessages.reportsToNotFound, undefined, 'reportsToId');
  if (contactId && result.rows.some((row) => row.id === contactId)) {
    throw ruleViolated(contactMessages.reportsToCycle, undefined, 'reportsToId');
  }
}
