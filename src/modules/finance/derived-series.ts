import { sql } from 'drizzle-orm';
import { type Currency, currencyDigits, toSafeInteger } from '../../analytics/money/money';
import type { DerivedPoint, DerivedSeriesProvider } from '../../platform/derived-series';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';

const access = { read: 'finance:read', readAll: 'finance:read-all' } as const;

/**
 * What changes the invoices' numbers: any invoice, credit note or payment written, and the day
 * (an open invoice's delay grows each day).
 */
async function financeSourceVersion(ctx: UseCaseContext): Promise<string> {
  const today = await workspaceToday(ctx);
  const [row] = (
    await ctx.db.execute<{ version: string }>(sql`
      select concat_ws('/',
        (select concat(count(*), ':', max(updated_at)) from invoices where workspace_id = ${ctx.actor.workspaceId}),
        (select concat(count(*), ':', max(updated_at)) from credit_notes where workspace_id = ${ctx.actor.workspaceId}),
        (select concat(count(*), ':', max(updated_at)) from payments where workspace_id = ${ctx.actor.workspaceId})
      ) as version`)
  ).rows;
  return `${today}/${row?.version ?? ''}`;
}

/** Months that ended by `to`: before the first day of the month after `to`'s day. */
const monthsEndedBy = (to: string) => sql`date_trunc('month', ${to}::date + 1)::date`;

/** A month's first day as a point's date. */
const monthStart = (month: string) => `${month}-01`;

/**
 * Actual revenue per account, month of issue and currency: net of VAT and of the invoices'
 * credit notes (as plan vs actual counts it), cancelled invoices left out. One series per
 * currency (the dimension), so currencies never mix; values in whole units of the currency.
 */
export const invoicedRevenueSeries: DerivedSeriesProvider = {
  key: 'finance.invoiced_revenue',
  module: 'finance',
  metricKey: 'revenue',
  label: { en: 'Revenue invoiced', ru: 'Выставленная выручка' },
  description: {
    en: 'Invoices issued to the account per month, net of VAT and of credit notes, one series per currency.',
    ru: 'Счета, выставленные аккаунту за месяц, без НДС и за вычетом корректировок, по ряду на каждую валюту.',
  },
  access,
  sourceVersion: financeSourceVersion,
  readPoints: async (ctx, { from, to }) => {
    const rows = (
      await ctx.db.execute<{ account_id: string; month: string; currency: string; amount: string }>(sql`
        select i.account_id, to_char(i.issued_on, 'YYYY-MM') as month, i.currency,
          sum(i.net_minor - coalesce(c.net_minor, 0))::text as amount
        from invoices i
        left join lateral (select sum(c.net_minor) as net_minor from credit_notes c
          where c.workspace_id = i.workspace_id and c.invoice_id = i.id) c on i.credited_minor > 0
        where i.workspace_id = ${ctx.actor.workspaceId}
          and i.status in ('issued', 'sent', 'partly_paid', 'paid', 'credited')
          and i.issued_on >= ${from}::date and i.issued_on < ${monthsEndedBy(to)}
        group by 1, 2, 3`)
    ).rows;
    return rows.map(
      (row): DerivedPoint => ({
        accountId: row.account_id,
        dimension: row.currency,
        at: monthStart(row.month),
        // NOTE: the exact minor units, divided once: the nearest double to the decimal amount.
        value: toSafeInteger(BigInt(row.amount)) / 10 ** currencyDigits[row.currency as Currency],
      }),
    );
  },
};

/**
 * Payment delay per account and month of the due date: the average days from due date to full
 * payment of the invoices due that month (0 when on time); an unpaid one counts the days overdue
 * so far, so the month's value grows until it is paid.
 */
export const paymentDelaySeries: DerivedSeriesProvider = {
  key: 'finance.payment_delay',
  module: 'finance',
  metricKey: 'payment_delay_days',
  label: { en: 'Payment delay', ru: 'Просрочка оплаты' },
  description: {
    en: 'Average days past the due date of the invoices due in the month (open ones: overdue so far).',
    ru: 'Средняя просрочка в днях по счетам со сроком оплаты в этом месяце (неоплаченные — на сегодня).',
  },
  access,
  sourceVersion: financeSourceVersion,
  readPoints: async (ctx, { from, to }) => {
    const today = await workspaceToday(ctx);
    const rows = (
      await ctx.db.execute<{ account_id: string; month: string; days: string }>(sql`
        select i.account_id, to_char(i.due_on, 'YYYY-MM') as month,
          avg(greatest(0, coalesce(i.paid_on, ${today}::date) - i.due_on))::text as days
        from invoices i
        where i.workspace_id = ${ctx.actor.workspaceId} and i.status in ('issued', 'sent', 'partly_paid', 'paid')
          and i.due_on >= ${from}::date and i.due_on < ${monthsEndedBy(to)}
        group by 1, 2`)
    ).rows;
    return rows.map((row) => ({
      accountId: row.account_id,
      dimension: '',
      at: monthStart(row.month),
      value: Math.round(Number(row.days) * 10) / 10,
    }));
  },
};
