import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../analytics/money/ageing';
import { currencyDigits, toSafeInteger } from '../../analytics/money/money';
import type { AccountFact } from '../../platform/account-facts';
import { can } from '../../platform/auth/permissions';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';
import { financeAccountScope } from './access';
import { getFinanceSettings } from './settings';

/**
 * One figure per account from a query over `invoices i` grouped by account: `figure` writes the
 * query around the filter it is given (the accounts asked for and the finance visibility rules) and
 * returns `account_id` and `value`. Accounts without invoices are absent.
 */
async function readPerAccount(
  ctx: UseCaseContext,
  accountIds: readonly string[] | undefined,
  figure: (today: string, filter: SQL) => SQL,
): Promise<Map<string, number>> {
  if (accountIds && accountIds.length === 0) return new Map();
  const today = await workspaceToday(ctx);
  const visible = financeAccountScope(ctx, sql`i.account_id`);
  const filter = sql`${accountIds ? sql`and i.account_id in ${[...accountIds]}` : sql``} ${visible ? sql`and ${visible}` : sql``}`;
  const rows = (await ctx.db.execute<{ account_id: string; value: string | number }>(figure(today, filter))).rows;
  return new Map(rows.map((row) => [row.account_id, Number(row.value)]));
}

/**
 * Invoiced over the last twelve months in the workspace's base currency, in whole units (net of
 * VAT, less the invoices' credit notes; cancelled invoices left out). Invoices in other currencies
 * are not converted: the fact never mixes currencies silently (decision 0014).
 */
export async function readRevenue12Months(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  const { baseCurrency } = await getFinanceSettings(ctx);
  const unit = 10 ** currencyDigits[baseCurrency];
  return readPerAccount(
    ctx,
    accountIds,
    (today, filter) => sql`
      select i.account_id, floor(sum(i.net_minor - coalesce(c.net_minor, 0)) / ${unit})::bigint as value
      from invoices i
      left join lateral (select sum(c.net_minor) as net_minor from credit_notes c
        where c.workspace_id = i.workspace_id and c.invoice_id = i.id) c on i.credited_minor > 0
      where i.workspace_id = ${ctx.actor.workspaceId} and i.currency = ${baseCurrency}
        and i.status in ('issued', 'sent', 'partly_paid', 'paid', 'credited')
        and i.issued_on > ${addDays(today, -365)}::date and i.issued_on <= ${today}::date ${filter}
      group by i.account_id`,
  );
}

/**
 * Average days past due of the account's invoices over the last twelve months: paid ones count
 * the days from due date to full payment (0 when on time), open ones the days overdue so far.
 */
export async function readPaymentDelayDays(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  return readPerAccount(
    ctx,
    accountIds,
    (today, filter) => sql`
      select i.account_id,
        round(avg(greatest(0, coalesce(i.paid_on, ${today}::date) - i.due_on)))::int as value
      from invoices i
      where i.workspace_id = ${ctx.actor.workspaceId} and i.status in ('issued', 'sent', 'partly_paid', 'paid')
        and i.due_on > ${addDays(today, -365)}::date and i.due_on <= ${today}::date ${filter}
      group by i.account_id`,
  );
}

/** Revenue over twelve months, for portfolio scoring, health and KPIs (decision 0009). */
export const revenueFact: AccountFact = {
  key: 'finance.revenue12m',
  label: { en: 'Revenue, 12 months', ru: 'Выручка за 12 месяцев' },
  description: {
    en: 'Invoiced to the account over the last twelve months, net of VAT, in the workspace’s base currency (whole units).',
    ru: 'Сумма счетов аккаунту за последние двенадцать месяцев без НДС, в базовой валюте пространства (целых единицах).',
  },
  unit: 'money',
  higherIsBetter: true,
  read: readRevenue12Months,
};

/** Payment delay, for portfolio scoring, health and KPIs (decision 0009). */
export const paymentDelayFact: AccountFact = {
  key: 'finance.paymentDelayDays',
  label: { en: 'Payment delay, days', ru: 'Задержка оплаты, дней' },
  description: {
    en: 'How many days past the due date the account paid on average over the last twelve months (open invoices count the days so far).',
    ru: 'На сколько дней в среднем аккаунт задерживал оплату за последние двенадцать месяцев (по неоплаченным счетам — просрочка на сегодня).',
  },
  unit: 'days',
  higherIsBetter: false,
  read: readPaymentDelayDays,
};

export type MonthlyInvoiced = { month: string; currency: string; amountMinor: number };

/**
 * What was invoiced to an account per month and currency (net of VAT and of credit notes, issued
 * and later, cancelled left out), for plan vs actual; null when the actor may not see this account's money.
 */
export async function readMonthlyInvoiced(
  ctx: UseCaseContext,
  accountId: string,
  from: string,
  to: string,
): Promise<MonthlyInvoiced[] | null> {
  if (!can(ctx.actor.role, 'finance:read')) return null;
  const visible = financeAccountScope(ctx, sql`${accountId}::uuid`);
  if (visible) {
    const allowed = await ctx.db.execute<{ ok: boolean }>(sql`select ${visible} as ok`);
    if (!allowed.rows[0]?.ok) return null;
  }
  const rows = (
    await ctx.db.execute<{ month: string; currency: string; amount: string }>(sql`
      select to_char(i.issued_on, 'YYYY-MM') as month, i.currency,
        sum(i.net_minor - coalesce(c.net_minor, 0))::text as amount
      from invoices i
      left join lateral (select sum(c.net_minor) as net_minor from credit_notes c
        where c.workspace_id = i.workspace_id and c.invoice_id = i.id) c on i.credited_minor > 0
      where i.workspace_id = ${ctx.actor.workspaceId} and i.account_id = ${accountId}
        and i.status in ('issued', 'sent', 'partly_paid', 'paid', 'credited')
        and i.issued_on >= ${from}::date and i.issued_on <= ${to}::date
      group by 1, 2 order by 1, 2`)
  ).rows;
  return rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    amountMinor: toSafeInteger(BigInt(row.amount)),
  }));
}

/**
 * Invoices past their due date and not fully paid, per account; accounts that were never
 * invoiced (nothing issued and not cancelled) are absent rather than zero.
 */
export async function readOverdueInvoices(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  return readPerAccount(
    ctx,
    accountIds,
    (today, filter) => sql`
      select i.account_id,
        (count(*) filter (where i.status in ('issued', 'sent', 'partly_paid') and i.due_on < ${today}::date))::int
          as value
      from invoices i
      where i.workspace_id = ${ctx.actor.workspaceId}
        and i.status in ('issued', 'sent', 'partly_paid', 'paid', 'credited') ${filter}
      group by i.account_id`,
  );
}

/** Overdue invoices, for account health (decision 0013). */
export const overdueInvoicesFact: AccountFact = {
  key: 'finance.overdueInvoices',
  label: { en: 'Overdue invoices', ru: 'Просроченные счета' },
  description: {
    en: 'Invoices past their due date and not fully paid.',
    ru: 'Счета, срок оплаты которых прошёл, а оплата получена не полностью.',
  },
  unit: 'count',
  higherIsBetter: false,
  read: readOverdueInvoices,
};
