import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Currency } from '../../analytics/money/money';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { workspaceToday } from '../workspaces';
import { financeAccountScope } from './access';
import { accountOfInvoice } from './get-invoice';
import { invoices } from './schema';
import { chaseListQuery } from './schemas';

/** What to do next about an overdue invoice, by how late it is. */
export const chaseActions = ['remind', 'call', 'escalate', 'claim'] as const;
export type ChaseAction = (typeof chaseActions)[number];

/**
 * The next step of collection: a reminder e-mail in the first fortnight, a call to the client's
 * accountant up to a month, the account owner escalating to the client's management up to two
 * months, then a formal claim (претензия) before court.
 */
export function nextChaseAction(daysOverdue: number): ChaseAction {
  if (daysOverdue <= 14) return 'remind';
  if (daysOverdue <= 30) return 'call';
  if (daysOverdue <= 60) return 'escalate';
  return 'claim';
}

export type ChaseItem = {
  invoiceId: string;
  number: string | null;
  account: { id: string; name: string };
  owner: { id: string; name: string };
  currency: Currency;
  openMinor: number;
  dueOn: string;
  daysOverdue: number;
  nextAction: ChaseAction;
};

/** Overdue invoices, the latest first, each with its account's owner (who chases) and the next action. */
export async function getChaseList(
  ctx: UseCaseContext,
  rawQuery: z.input<typeof chaseListQuery>,
): Promise<{ items: ChaseItem[] }> {
  const { limit, ...filters } = chaseListQuery.parse(rawQuery);
  return { items: await selectChaseItems(ctx, filters, limit) };
}

/** The chase list's rows under its filters, up to `limit` (the list's page or an export's cap). */
export async function selectChaseItems(
  ctx: UseCaseContext,
  query: { accountId?: string | undefined; owner: 'me' | 'all' },
  limit: number,
): Promise<ChaseItem[]> {
  const today = await workspaceToday(ctx);
  const daysOverdue = sql<number>`${today}::date - ${invoices.dueOn}`.mapWith(Number);
  const openAmount = sql`${invoices.grossMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor}`;
  const rows = await ctx.db
    .select({
      invoiceId: invoices.id,
      number: invoices.number,
      account: { id: accounts.id, name: accounts.name },
      owner: { id: users.id, name: users.name },
      currency: invoices.currency,
      openMinor: sql<number>`${openAmount}`.mapWith(Number),
      dueOn: sql<string>`${invoices.dueOn}::text`,
      daysOverdue,
    })
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .innerJoin(users, eq(users.id, accounts.ownerId))
    .where(
      and(
        ...[
          eq(invoices.workspaceId, ctx.actor.workspaceId),
          sql`${invoices.status} in ('issued', 'sent', 'partly_paid')`,
          sql`${invoices.dueOn} < ${today}::date`,
          financeAccountScope(ctx, invoices.accountId),
          query.accountId ? eq(invoices.accountId, query.accountId) : undefined,
          query.owner === 'me' ? eq(accounts.ownerId, ctx.actor.userId) : undefined,
        ].filter((condition): condition is SQL => condition !== undefined),
      ),
    )
    .orderBy(desc(daysOverdue), desc(openAmount), invoices.id)
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    currency: row.currency as Currency,
    nextAction: nextChaseAction(row.daysOverdue),
  }));
}
