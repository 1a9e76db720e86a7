import { and, asc, eq, sql } from 'drizzle-orm';
import { type Currency, toSafeInteger } from '../../analytics/money/money';
import {
  type CurrencyTotals,
  totalWhitespace,
  type WhitespaceState,
  type WhitespaceTotals,
} from '../../analytics/plans/whitespace';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccountIds } from '../accounts';
import { changeableAccount, visibleAccount } from './access';
import { type BuyingCentre, listBuyingCentres } from './buying-centres';
import { listOfferings, type Offering } from './catalogue';
import { listOpportunities } from './get-opportunity';
import { opportunityMessages } from './messages';
import { offerings, whitespaceCells } from './schema';
import { type SaveWhitespaceCellInput, saveWhitespaceCellInput } from './schemas';

export type WhitespaceCellView = {
  buyingCentreId: string;
  offeringId: string;
  state: WhitespaceState;
  currency: Currency;
  currentRevenueMinor: number;
  potentialMinor: number;
  competitor: string | null;
  opportunityIds: string[];
};

export type WhitespaceMatrix = {
  accountId: string;
  buyingCentres: BuyingCentre[];
  offerings: Offering[];
  cells: WhitespaceCellView[];
  totals: WhitespaceTotals;
};

/**
 * An account's whitespace matrix: its buying centres × the catalogue (offerings retired since a
 * cell was filled stay), each filled cell with the open opportunities on it, and the totals.
 */
export async function getWhitespace(ctx: UseCaseContext, accountId: string): Promise<WhitespaceMatrix> {
  await visibleAccount(ctx, accountId);
  const centres = await listBuyingCentres(ctx, accountId);
  const catalogue = await listOfferings(ctx);
  const rows = await ctx.db
    .select({
      buyingCentreId: whitespaceCells.buyingCentreId,
      offeringId: whitespaceCells.offeringId,
      state: sql<WhitespaceState>`${whitespaceCells.state}`,
      currency: sql<Currency>`${whitespaceCells.currency}`,
      currentRevenueMinor: whitespaceCells.currentRevenueMinor,
      potentialMinor: whitespaceCells.potentialMinor,
      competitor: whitespaceCells.competitor,
    })
    .from(whitespaceCells)
    .where(and(eq(whitespaceCells.workspaceId, ctx.actor.workspaceId), eq(whitespaceCells.accountId, accountId)));
  const open = await listOpportunities(ctx, { accountId });
  const used = new Set(rows.map((row) => row.offeringId));
  const shown = catalogue.filter((offering) => !offering.retired || used.has(offering.id));
  const cells = rows.map((row) => ({
    ...row,
    opportunityIds: open
      .filter((item) => item.buyingCentreId === row.buyingCentreId && item.offeringId === row.offeringId)
      .map((item) => item.id),
  }));
  return {
    accountId,
    buyingCentres: centres,
    offerings: shown,
    cells,
    totals: totalWhitespace(
      centres.map((centre) => centre.id),
      shown.map((offering) => offering.id),
      cells,
    ),
  };
}

/** Fills or changes one cell of an account's matrix (one row per centre and offering). */
export async function saveWhitespaceCell(
  ctx: UseCaseContext,
  accountId: string,
  rawInput: SaveWhitespaceCellInput,
): Promise<WhitespaceMatrix> {
  const input = saveWhitespaceCellInput.parse(rawInput);
  await changeableAccount(ctx, accountId);
  const centres = await listBuyingCentres(ctx, accountId);
  const catalogue = await listOfferings(ctx);
  if (!centres.some((centre) => centre.id === input.buyingCentreId)) {
    throw ruleViolated(opportunityMessages.centreNotFound, undefined, 'buyingCentreId');
  }
  if (!catalogue.some((offering) => offering.id === input.offeringId)) {
    throw ruleViolated(opportunityMessages.offeringNotFound, undefined, 'offeringId');
  }
  const values = {
    state: input.state,
    currency: input.currency,
    currentRevenueMinor: input.currentRevenueMinor,
    potentialMinor: input.potentialMinor,
    competitor: input.state === 'competitor' ? input.competitor : null,
  };
  await ctx.db
    .insert(whitespaceCells)
    .values({
      ...input,
      ...values,
      workspaceId: ctx.actor.workspaceId,
      accountId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [whitespaceCells.workspaceId, whitespaceCells.buyingCentreId, whitespaceCells.offeringId],
      set: { ...values, updatedAt: ctx.now, version: sql`${whitespaceCells.version} + 1` },
      // NOTE: an unchanged cell is not rewritten, so the audit records only real changes.
      setWhere: sql`(${whitespaceCells.state}, ${whitespaceCells.currency}, ${whitespaceCells.currentRevenueMinor},
        ${whitespaceCells.potentialMinor}, ${whitespaceCells.competitor}) is distinct from
        (excluded.state, excluded.currency, excluded.current_revenue_minor, excluded.potential_minor, excluded.competitor)`,
    });
  return getWhitespace(ctx, accountId);
}

export type OfferingPotential = {
  offeringId: string;
  name: string;
  family: string;
  accounts: number;
  potential: CurrencyTotals;
  currentRevenue: CurrencyTotals;
};

/** Across the accounts the actor sees: the potential and current revenue per offering, per currency. */
export async function summarizePortfolioWhitespace(ctx: UseCaseContext): Promise<OfferingPotential[]> {
  const rows = await ctx.db
    .select({
      offeringId: offerings.id,
      name: offerings.name,
      family: offerings.family,
      currency: whitespaceCells.currency,
      accounts: sql<number>`count(distinct ${whitespaceCells.accountId})::int`,
      potential: sql<string>`sum(${whitespaceCells.potentialMinor})::text`,
      currentRevenue: sql<string>`sum(${whitespaceCells.currentRevenueMinor})::text`,
    })
    .from(whitespaceCells)
    .innerJoin(
      offerings,
      and(eq(offerings.workspaceId, whitespaceCells.workspaceId), eq(offerings.id, whitespaceCells.offeringId)),
    )
    .where(
      and(
        eq(whitespaceCells.workspaceId, ctx.actor.workspaceId),
        sql`${whitespaceCells.state} <> 'not_applicable'`,
        visibleAccountIds(ctx, whitespaceCells.accountId),
      ),
    )
    .groupBy(offerings.id, offerings.name, offerings.family, whitespaceCells.currency)
    .orderBy(asc(offerings.family), asc(offerings.name), asc(whitespaceCells.currency));
  const byOffering = new Map<string, OfferingPotential>();
  for (const row of rows) {
    const entry = byOffering.get(row.offeringId) ?? {
      offeringId: row.offeringId,
      name: row.name,
      family: row.family,
      accounts: 0,
      potential: {},
      currentRevenue: {},
    };
    const currency = row.currency as Currency;
    // NOTE: sums come back as text so a total beyond 2^53 fails loudly rather than rounds.
    entry.potential[currency] = toSafeInteger(BigInt(row.potential));
    entry.currentRevenue[currency] = toSafeInteger(BigInt(row.currentRevenue));
    // NOTE: accounts are counted per currency; an account with cells in two currencies counts once.
    entry.accounts = Math.max(entry.accounts, row.accounts);
    byOffering.set(row.offeringId, entry);
  }
  return [...byOffering.values()];
}
