import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { addDays } from '../../analytics/money/ageing';
import { type Currency, formatMoney } from '../../analytics/money/money';
import { can } from '../../platform/auth/permissions';
import type { CalendarEntry, CalendarSource } from '../../platform/calendar-entries';
import { translate } from '../../platform/i18n/text';
import { accounts } from '../accounts';
import { financeAccountScope } from './access';
import { type ChaseAction, chaseActions } from './chase-list';
import { accountOfInvoice } from './get-invoice';
import { calendarWords, chaseActionNames } from './messages';
import { contracts, invoices } from './schema';

/** The first day overdue on which each collection step becomes the next one (see `nextChaseAction`). */
const chaseStepDay: Record<ChaseAction, number> = { remind: 1, call: 15, escalate: 31, claim: 61 };

/** How many entries of each kind one feed carries at most. */
const entriesAtMost = 2_000;

/**
 * The account owner's money follow-ups as calendar reminders: each active contract's renewal
 * reminder on its day (end − reminder days), and for each open invoice its due date and the day
 * each step of collection comes due (e-mail, call, escalation, claim) — the same steps as the chase
 * list. Nothing for roles that may not read money; managers see only their accounts' money.
 */
export const financeCalendarEntries: CalendarSource = async (ctx, locale, days) => {
  if (!can(ctx.actor.role, 'finance:read')) return [];
  const word = (key: keyof typeof calendarWords, params: Record<string, string>) =>
    translate(locale, { text: calendarWords[key], params });
  const workspaceId = ctx.actor.workspaceId;
  const reminderOn = sql<string>`(${contracts.endsOn} - ${contracts.reminderDaysBefore})::text`;
  const renewals = await ctx.db
    .select({
      id: contracts.id,
      number: contracts.number,
      accountName: accounts.name,
      endsOn: sql<string>`${contracts.endsOn}::text`,
      reminderOn,
      autoRenewal: contracts.autoRenewal,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, contracts.workspaceId), eq(accounts.id, contracts.accountId)))
    .where(
      and(
        eq(contracts.workspaceId, workspaceId),
        eq(contracts.status, 'active'),
        eq(accounts.ownerId, ctx.actor.userId),
        isNotNull(contracts.endsOn),
        sql`${contracts.endsOn} - ${contracts.reminderDaysBefore} between ${days.from}::date and ${days.until}::date`,
        financeAccountScope(ctx, contracts.accountId),
      ),
    )
    .orderBy(contracts.endsOn)
    .limit(entriesAtMost);
  // NOTE: the reminder day comes before the end, so the step is the one for a running contract:
  // confirm an auto-renewal, or agree a new term.
  const entries: CalendarEntry[] = renewals.map((contract) => ({
    uid: `contract-renewal-${contract.id}@accord`,
    day: contract.reminderOn,
    summary: word('renewal', { number: contract.number, account: contract.accountName }),
    description: word(contract.autoRenewal ? 'renewsByItself' : 'agreeRenewal', { endsOn: contract.endsOn }),
    changedAt: contract.updatedAt,
  }));

  // NOTE: the last step (a claim) comes 61 days after the due date, so invoices due up to that
  // long before the window can still have a step inside it.
  const open = await ctx.db
    .select({
      id: invoices.id,
      number: invoices.number,
      accountName: accounts.name,
      dueOn: sql<string>`${invoices.dueOn}::text`,
      currency: invoices.currency,
      openMinor: sql<number>`${invoices.grossMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor}`.mapWith(
        Number,
      ),
      updatedAt: invoices.updatedAt,
    })
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        sql`${invoices.status} in ('issued', 'sent', 'partly_paid')`,
        eq(accounts.ownerId, ctx.actor.userId),
        gte(invoices.dueOn, addDays(days.from, -chaseStepDay.claim)),
        lte(invoices.dueOn, days.until),
        financeAccountScope(ctx, invoices.accountId),
      ),
    )
    .orderBy(invoices.dueOn)
    .limit(entriesAtMost);
  for (const invoice of open) {
    const params = {
      number: invoice.number ?? '',
      account: invoice.accountName,
      amount: formatMoney(invoice.openMinor, invoice.currency as Currency, locale),
      dueOn: invoice.dueOn,
    };
    const steps = [
      { uid: 'due', day: invoice.dueOn, summary: word('invoiceDue', params) },
      ...chaseActions.map((action) => ({
        uid: action,
        day: addDays(invoice.dueOn, chaseStepDay[action]),
        summary: `${translate(locale, { text: chaseActionNames[action] })}: ${word('invoiceShort', params)}`,
      })),
    ];
    for (const step of steps) {
      if (step.day < days.from || step.day > days.until) continue;
      entries.push({
        uid: `invoice-${step.uid}-${invoice.id}@accord`,
        day: step.day,
        summary: step.summary,
        description: word('invoiceOpen', params),
        changedAt: invoice.updatedAt,
      });
    }
  }
  return entries;
};
