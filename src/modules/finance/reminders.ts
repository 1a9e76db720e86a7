import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { financeAccountScope } from './access';
import { type ChaseItem, getChaseList } from './chase-list';
import { contracts } from './schema';
import { type RemindersQuery, remindersQuery } from './schemas';

/**
 * What to do about a contract whose renewal reminder is due: confirm that an auto-renewing one
 * should renew, agree a renewal, or (once its end has passed while still active) close or extend it.
 */
export const renewalSteps = ['confirm_auto_renewal', 'negotiate_renewal', 'ended'] as const;
export type RenewalStep = (typeof renewalSteps)[number];

export function nextRenewalStep(daysToEnd: number, autoRenewal: boolean): RenewalStep {
  if (daysToEnd < 0) return 'ended';
  return autoRenewal ? 'confirm_auto_renewal' : 'negotiate_renewal';
}

export type RenewalReminder = {
  contractId: string;
  number: string;
  account: { id: string; name: string };
  endsOn: string;
  reminderOn: string;
  daysToEnd: number;
  autoRenewal: boolean;
  valueMinor: number | null;
  currency: Currency;
  nextStep: RenewalStep;
};

export type Reminders = { asOf: string; renewals: RenewalReminder[]; overdueInvoices: ChaseItem[] };

/**
 * An account owner's follow-ups for today: active contracts whose renewal reminder date has come
 * (end − reminder days ≤ today), the soonest end first, and the overdue invoices to chase with
 * the next step. `owner=me` keeps to the accounts the actor owns; a manager never sees more
 * than the accounts whose money they may read.
 */
export async function getReminders(ctx: UseCaseContext, rawQuery: RemindersQuery): Promise<Reminders> {
  const query = remindersQuery.parse(rawQuery);
  const asOf = await workspaceToday(ctx);
  const daysToEnd = sql<number>`${contracts.endsOn} - ${asOf}::date`.mapWith(Number);
  const rows = await ctx.db
    .select({
      contractId: contracts.id,
      number: contracts.number,
      account: { id: accounts.id, name: accounts.name },
      endsOn: sql<string>`${contracts.endsOn}::text`,
      reminderOn: sql<string>`(${contracts.endsOn} - ${contracts.reminderDaysBefore})::text`,
      daysToEnd,
      autoRenewal: contracts.autoRenewal,
      valueMinor: contracts.valueMinor,
      currency: contracts.currency,
    })
    .from(contracts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, contracts.workspaceId), eq(accounts.id, contracts.accountId)))
    .where(
      and(
        eq(contracts.workspaceId, ctx.actor.workspaceId),
        inArray(contracts.status, ['active']),
        sql`${contracts.endsOn} - ${contracts.reminderDaysBefore} <= ${asOf}::date`,
        financeAccountScope(ctx, contracts.accountId),
        query.owner === 'me' ? eq(accounts.ownerId, ctx.actor.userId) : undefined,
      ),
    )
    .orderBy(asc(contracts.endsOn), asc(contracts.id))
    .limit(query.limit);
  const chase = await getChaseList(ctx, { owner: query.owner, limit: query.limit });
  return {
    asOf,
    renewals: rows.map((row) => ({
      ...row,
      currency: row.currency as Currency,
      nextStep: nextRenewalStep(row.daysToEnd, row.autoRenewal),
    })),
    overdueInvoices: chase.items,
  };
}
