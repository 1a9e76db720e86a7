import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { changeableAccount, visibleAccount } from './access';
import type { BuyingCentreKind } from './messages';
import { buyingCentres } from './schema';
import { type CreateBuyingCentreInput, createBuyingCentreInput } from './schemas';

export type BuyingCentre = {
  id: string;
  accountId: string;
  name: string;
  kind: BuyingCentreKind;
  childAccountId: string | null;
  position: number;
};

const centreColumns = {
  id: buyingCentres.id,
  accountId: buyingCentres.accountId,
  name: buyingCentres.name,
  kind: sql<BuyingCentreKind>`${buyingCentres.kind}`,
  childAccountId: buyingCentres.childAccountId,
  position: buyingCentres.position,
};

function readCentres(ctx: UseCaseContext, accountId: string): Promise<BuyingCentre[]> {
  return ctx.db
    .select(centreColumns)
    .from(buyingCentres)
    .where(and(eq(buyingCentres.workspaceId, ctx.actor.workspaceId), eq(buyingCentres.accountId, accountId)))
    .orderBy(asc(buyingCentres.position), asc(buyingCentres.id));
}

/** An account's buying centres in order. */
export async function listBuyingCentres(ctx: UseCaseContext, accountId: string): Promise<BuyingCentre[]> {
  await visibleAccount(ctx, accountId);
  return readCentres(ctx, accountId);
}

async function nextPosition(ctx: UseCaseContext, accountId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ last: sql<number>`coalesce(max(${buyingCentres.position}), 0)::int` })
    .from(buyingCentres)
    .where(and(eq(buyingCentres.workspaceId, ctx.actor.workspaceId), eq(buyingCentres.accountId, accountId)));
  return (row?.last ?? 0) + 1;
}

/** Adds a buying centre by hand at the end of the account's list. */
export async function createBuyingCentre(
  ctx: UseCaseContext,
  accountId: string,
  rawInput: CreateBuyingCentreInput,
): Promise<BuyingCentre[]> {
  const input = createBuyingCentreInput.parse(rawInput);
  await changeableAccount(ctx, accountId);
  await ctx.db.insert(buyingCentres).values({
    ...input,
    workspaceId: ctx.actor.workspaceId,
    accountId,
    position: await nextPosition(ctx, accountId),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return readCentres(ctx, accountId);
}

/**
 * Adds each child account (the account hierarchy) that is not a buying centre yet, as a division;
 * running it again adds only children added since.
 */
export async function addCentresFromHierarchy(ctx: UseCaseContext, accountId: string): Promise<BuyingCentre[]> {
  await changeableAccount(ctx, accountId);
  const children = await ctx.db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .leftJoin(
      buyingCentres,
      and(
        eq(buyingCentres.workspaceId, accounts.workspaceId),
        eq(buyingCentres.accountId, accountId),
        eq(buyingCentres.childAccountId, accounts.id),
      ),
    )
    .where(
      and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.parentId, accountId), isNull(buyingCentres.id)),
    )
    .orderBy(asc(accounts.name));
  let position = await nextPosition(ctx, accountId);
  for (const child of children) {
    await ctx.db
      .insert(buyingCentres)
      .values({
        workspaceId: ctx.actor.workspaceId,
        accountId,
        name: child.name,
        kind: 'division',
        childAccountId: child.id,
        position: position++,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing();
  }
  return readCentres(ctx, accountId);
}
