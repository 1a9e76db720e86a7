import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { formatRateDecimal, parseRate } from '../../analytics/money/exchange';
import type { Currency } from '../../analytics/money/money';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { financeMessages } from './messages';
import { exchangeRates } from './schema';
import {
  type ListExchangeRatesQuery,
  listExchangeRatesQuery,
  type SetExchangeRateInput,
  setExchangeRateInput,
} from './schemas';

export type ExchangeRate = { id: string; rateOn: string; base: Currency; quote: Currency; rate: string };

const columns = {
  id: exchangeRates.id,
  rateOn: exchangeRates.rateOn,
  base: exchangeRates.base,
  quote: exchangeRates.quote,
  rateScaled: exchangeRates.rateScaled,
};
const asRate = ({ rateScaled, ...row }: { rateScaled: bigint } & Record<string, unknown>) =>
  ({ ...row, rate: formatRateDecimal(rateScaled) }) as ExchangeRate;

/** The workspace's rates, the latest first, of one pair or all. */
export async function listExchangeRates(
  ctx: UseCaseContext,
  rawQuery: ListExchangeRatesQuery,
): Promise<{ items: ExchangeRate[] }> {
  const query = listExchangeRatesQuery.parse(rawQuery);
  const rows = await ctx.db
    .select(columns)
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.workspaceId, ctx.actor.workspaceId),
        query.base ? eq(exchangeRates.base, query.base) : undefined,
        query.quote ? eq(exchangeRates.quote, query.quote) : undefined,
      ),
    )
    .orderBy(desc(exchangeRates.rateOn), exchangeRates.base, exchangeRates.quote)
    .limit(500);
  return { items: rows.map(asRate) };
}

/** Enters the rate of a pair on a day, replacing the one entered for that day before. */
export async function setExchangeRate(ctx: UseCaseContext, rawInput: SetExchangeRateInput): Promise<ExchangeRate> {
  const input = setExchangeRateInput.parse(rawInput);
  const rateScaled = parseRate(input.rate) as bigint;
  const [row] = await ctx.db
    .insert(exchangeRates)
    .values({
      workspaceId: ctx.actor.workspaceId,
      rateOn: input.rateOn,
      base: input.base,
      quote: input.quote,
      rateScaled,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [exchangeRates.workspaceId, exchangeRates.base, exchangeRates.quote, exchangeRates.rateOn],
      set: { rateScaled, updatedAt: ctx.now, version: sql`${exchangeRates.version} + 1` },
    })
    .returning(columns);
  return asRate(row as { rateScaled: bigint });
}

export async function deleteExchangeRate(ctx: UseCaseContext, id: string): Promise<void> {
  const deleted = await ctx.db
    .delete(exchangeRates)
    .where(and(eq(exchangeRates.workspaceId, ctx.actor.workspaceId), eq(exchangeRates.id, id)))
    .returning({ id: exchangeRates.id });
  if (deleted.length === 0) throw notFound(financeMessages.exchangeRate);
}

/** For each currency, the latest rate into `quote` entered on or before `asOf`; a currency without one is absent. */
export async function ratesInto(
  ctx: UseCaseContext,
  quote: Currency,
  bases: readonly Currency[],
  asOf: string,
): Promise<Map<Currency, { rateScaled: bigint; rateOn: string }>> {
  const wanted = bases.filter((base) => base !== quote);
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .selectDistinctOn([exchangeRates.base], {
      base: exchangeRates.base,
      rateOn: exchangeRates.rateOn,
      rateScaled: exchangeRates.rateScaled,
    })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.workspaceId, ctx.actor.workspaceId),
        eq(exchangeRates.quote, quote),
        inArray(exchangeRates.base, wanted),
        lte(exchangeRates.rateOn, asOf),
      ),
    )
    .orderBy(exchangeRates.base, desc(exchangeRates.rateOn));
  return new Map(rows.map((row) => [row.base as Currency, { rateScaled: row.rateScaled, rateOn: row.rateOn }]));
}
