import { asc, eq } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { deliveryMessages } from './messages';
import { priceListItems } from './schema';
import { type CreatePriceListItemInput, createPriceListItemInput } from './schemas';

export type PriceListItem = {
  id: string;
  name: string;
  unit: string | null;
  unitPriceMinor: number;
  currency: Currency;
  vatRate: number | null;
};

export const priceListColumns = {
  id: priceListItems.id,
  name: priceListItems.name,
  unit: priceListItems.unit,
  unitPriceMinor: priceListItems.unitPriceMinor,
  currency: priceListItems.currency,
  vatRate: priceListItems.vatRate,
};

/** The workspace's services with their prices, by name. */
export async function listPriceList(ctx: UseCaseContext): Promise<PriceListItem[]> {
  const rows = await ctx.db
    .select(priceListColumns)
    .from(priceListItems)
    .where(eq(priceListItems.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(priceListItems.name));
  return rows as PriceListItem[];
}

/** Adds a service to the price list; 422 on `name` when taken. */
export async function createPriceListItem(
  ctx: UseCaseContext,
  rawInput: CreatePriceListItemInput,
): Promise<PriceListItem> {
  const input = createPriceListItemInput.parse(rawInput);
  const [created] = await ctx.db
    .insert(priceListItems)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning(priceListColumns);
  if (!created) throw ruleViolated(deliveryMessages.priceListItemTaken, undefined, 'name');
  return created as PriceListItem;
}
