import { type SQL, sql } from 'drizzle-orm';
import { type AgeingBucket, addDays, ageingBuckets, daysSalesOutstanding } from '../../analytics/money/ageing';
import { convertMinor, formatRateDecimal } from '../../analytics/money/exchange';
import { type Currency, sumMinor } from '../../analytics/money/money';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';
import { assertAccountVisible, financeAccountScope } from './access';
import { ratesInto } from './exchange-rates';
import { type ReceivablesQuery, receivablesQuery } from './schemas';

/** DSO looks back this many days. */
export const dsoPeriodDays = 365;

export type CurrencyReceivables = {
  currency: Currency;
  openMinor: number;
  overdueMinor: number;
  buckets: Record<AgeingBucket, number>;
  openInvoices: number;
  invoicedMinor: number;
  /** Days sales outstanding over the last 365 days; null when nothing was invoiced. */
  dso: number | null;
  /** Payments not yet allocated to any invoice: the accounts' credit. */
  creditMinor: number;
};

/**
 * The receivables converted into one currency with the workspace's rates on or before `asOf`.
 * `totals` is null when a currency has no rate: it is named in `missingRates`, never assumed.
 */
export type ConvertedReceivables = {
  currency: Currency;
  totals: { openMinor: number; overdueMinor: number; buckets: Record<AgeingBucket, number> } | null;
  rates: { base: Currency; rateOn: string; rate: string }[];
  missingRates: Currency[];
};

export type Receivables = { asOf: string; currencies: CurrencyReceivables[]; converted?: ConvertedReceivables };

/** Sums the per-currency amounts into `quote`, each converted once and rounded to its minor unit. */
async function convertReceivables(
  ctx: UseCaseContext,
  rows: CurrencyReceivables[],
  quote: Currency,
  asOf: string,
): Promise<ConvertedReceivables> {
  const rates = await ratesInto(
    ctx,
    quote,
    rows.map((row) => row.currency),
    asOf,
  );
  const missingRates = rows.map((row) => row.currency).filter((currency) => currency !== quote && !rates.has(currency));
  const used = [...rates].map(([base, rate]) => ({
    base,
    rateOn: rate.rateOn,
    rate: formatRateDecimal(rate.rateScaled),
  }));
  if (missingRates.length > 0) return { currency: quote, totals: null, rates: used, missingRates };
  const convert = (row: CurrencyReceivables, amountMinor: number) => {
    const rate = rates.get(row.currency);
    return rate ? convertMinor(amountMinor, row.currency, quote, rate.rateScaled) : amountMinor;
  };
  const total = (pick: (row: CurrencyReceivables) => number) => sumMinor(rows.map((row) => convert(row, pick(row))));
  return {
    currency: quote,
    totals: {
      openMinor: total((row) => row.openMinor),
      overdueMinor: total((row) => row.overdueMinor),
      buckets: Object.fromEntries(
        ageingBuckets.map((bucket) => [bucket, total((row) => row.buckets[bucket])]),
      ) as Record<AgeingBucket, number>,
    },
    rates: used,
    missingRates: [],
  };
}

type Row = {
  currency: Currency;
  open_minor: string;
  overdue_minor: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  open_invoices: number;
  invoiced_minor: string;
  credit_minor: string;
};

/**
 * Open receivables per currency (never summed across currencies), in ageing buckets by days past
 * due, with DSO and the unallocated credit; for the workspace or one account. One pass over the
 * open invoices (a partial index holds only those) and one over the last year's issued ones.
 */
export async function getReceivables(ctx: UseCaseContext, rawQuery: ReceivablesQuery): Promise<Receivables> {
  const query = receivablesQuery.parse(rawQuery);
  if (query.accountId) await assertAccountVisible(ctx, query.accountId);
  const asOf = query.asOf ?? (await workspaceToday(ctx));
  const since = addDays(asOf, -dsoPeriodDays);
  const workspaceId = ctx.actor.workspaceId;
  const scope = (column: SQL) => {
    const visible = financeAccountScope(ctx, column);
    return sql`${query.accountId ? sql`and ${column} = ${query.accountId}` : sql``}
      ${visible ? sql`and ${visible}` : sql``}`;
  };
  const open = sql`i.gross_minor - i.paid_minor - i.credited_minor`;
  const late = sql`(${asOf}::date - i.due_on)`;
  const rows = (
    await ctx.db.execute<Row>(sql`
      with open_invoices as (
        select i.currency,
          sum(${open}) as open_minor,
          sum(${open}) filter (where ${late} > 0) as overdue_minor,
          sum(${open}) filter (where ${late} <= 0) as current,
          sum(${open}) filter (where ${late} between 1 and 30) as days1to30,
          sum(${open}) filter (where ${late} between 31 and 60) as days31to60,
          sum(${open}) filter (where ${late} between 61 and 90) as days61to90,
          sum(${open}) filter (where ${late} > 90) as over90,
          count(*)::int as open_invoices
        from invoices i
        where i.workspace_id = ${workspaceId} and i.status in ('issued', 'sent', 'partly_paid')
          and i.issued_on <= ${asOf}::date ${scope(sql`i.account_id`)}
        group by i.currency
      ),
      invoiced as (
        select i.currency, sum(i.gross_minor - i.credited_minor) as invoiced_minor
        from invoices i
        where i.workspace_id = ${workspaceId} and i.status in ('issued', 'sent', 'partly_paid', 'paid', 'credited')
          and i.issued_on > ${since}::date and i.issued_on <= ${asOf}::date ${scope(sql`i.account_id`)}
        group by i.currency
      ),
      credit as (
        select p.currency, sum(p.amount_minor - p.allocated_minor) as credit_minor
        from payments p
        where p.workspace_id = ${workspaceId} and p.allocated_minor < p.amount_minor ${scope(sql`p.account_id`)}
        group by p.currency
      )
      select currency, o.open_minor, o.overdue_minor, o.current, o.days1to30, o.days31to60, o.days61to90, o.over90,
        coalesce(o.open_invoices, 0) as open_invoices, v.invoiced_minor, c.credit_minor
      from open_invoices o
      full join invoiced v using (currency)
      full join credit c using (currency)
      order by currency`)
  ).rows;
  const minor = (value: string | null | undefined) => (value ? Number(value) : 0);
  const currencies = rows.map((row): CurrencyReceivables => {
    const openMinor = minor(row.open_minor);
    const invoicedMinor = minor(row.invoiced_minor);
    return {
      currency: row.currency,
      openMinor,
      overdueMinor: minor(row.overdue_minor),
      buckets: Object.fromEntries(ageingBuckets.map((bucket) => [bucket, minor(row[bucket])])) as Record<
        AgeingBucket,
        number
      >,
      openInvoices: row.open_invoices,
      invoicedMinor,
      dso: daysSalesOutstanding(openMinor, invoicedMinor, dsoPeriodDays),
      creditMinor: minor(row.credit_minor),
    };
  });
  if (!query.convertTo) return { asOf, currencies };
  return { asOf, currencies, converted: await convertReceivables(ctx, currencies, query.convertTo, asOf) };
}
