import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountStatus, accounts, getAccount, updateAccount, visibleAccountIds } from '../accounts';
import { readMonthlyInvoiced } from '../finance';
import { clientCareMessages } from './messages';
import { type LossReason, twelveMonthsBefore } from './rules';
import { accountLosses } from './schema';
import { type LossAnalysisQuery, lossAnalysisQuery, type MarkLostInput, markLostInput } from './schemas';

export type AccountLoss = {
  id: string;
  accountId: string;
  lostOn: string;
  reason: LossReason;
  story: string;
  previousStatus: AccountStatus;
  createdAt: Date;
  version: number;
};
export type Amount = { currency: string; amountMinor: number };
export type LossAnalysis = {
  losses: (AccountLoss & { accountName: string; revenue12Months: Amount[] | null })[];
  byReason: { reason: LossReason; count: number; revenue12Months: Amount[] | null }[];
  byMonth: { month: string; count: number }[];
};

function toLoss(row: typeof accountLosses.$inferSelect): AccountLoss {
  return {
    id: row.id,
    accountId: row.accountId,
    lostOn: row.lostOn,
    reason: row.reason as LossReason,
    story: row.story,
    previousStatus: row.previousStatus as AccountStatus,
    createdAt: row.createdAt,
    version: row.version,
  };
}

async function findLoss(ctx: UseCaseContext, accountId: string) {
  const [row] = await ctx.db
    .select()
    .from(accountLosses)
    .where(and(eq(accountLosses.workspaceId, ctx.actor.workspaceId), eq(accountLosses.accountId, accountId)));
  return row;
}

/** The account's loss, or null while it is not lost (404 for an account the actor cannot see). */
export async function getLoss(ctx: UseCaseContext, accountId: string): Promise<AccountLoss | null> {
  await getAccount(ctx, accountId);
  const row = await findLoss(ctx, accountId);
  return row ? toLoss(row) : null;
}

/** Marks an account lost with a date, a reason and the story; its status becomes `lost`. */
export async function markLost(ctx: UseCaseContext, accountId: string, rawInput: MarkLostInput): Promise<AccountLoss> {
  const input = markLostInput.parse(rawInput);
  const account = await getAccount(ctx, accountId);
  if (await findLoss(ctx, accountId)) throw ruleViolated(clientCareMessages.alreadyLost, undefined, 'lostOn');
  const [created] = await ctx.db
    .insert(accountLosses)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId,
      ...input,
      previousStatus: account.status,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await updateAccount(ctx, accountId, { status: 'lost' });
  return toLoss(created as typeof accountLosses.$inferSelect);
}

/** Undoes a loss marked by mistake or a client who came back: the account gets its status back. */
export async function undoLoss(ctx: UseCaseContext, accountId: string): Promise<void> {
  await getAccount(ctx, accountId);
  const loss = await findLoss(ctx, accountId);
  if (!loss) throw notFound(clientCareMessages.loss);
  await ctx.db
    .delete(accountLosses)
    .where(and(eq(accountLosses.workspaceId, ctx.actor.workspaceId), eq(accountLosses.id, loss.id)));
  await updateAccount(ctx, accountId, { status: loss.previousStatus as AccountStatus });
}

function addAmounts(into: Map<string, number>, amounts: readonly Amount[]): void {
  for (const amount of amounts) into.set(amount.currency, (into.get(amount.currency) ?? 0) + amount.amountMinor);
}

function toAmounts(totals: Map<string, number>): Amount[] {
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/**
 * Losses of the visible accounts lost within the period, counted by reason and by month, each with
 * what was invoiced to it in the twelve months before the loss, per currency. The revenue is null
 * where finance does not let the actor see the account's money (a specialist: everywhere).
 */
export async function analyseLosses(ctx: UseCaseContext, rawQuery: LossAnalysisQuery): Promise<LossAnalysis> {
  const query = lossAnalysisQuery.parse(rawQuery);
  const rows = await ctx.db
    .select({ row: accountLosses, accountName: accounts.name })
    .from(accountLosses)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, accountLosses.workspaceId), eq(accounts.id, accountLosses.accountId)),
    )
    .where(
      and(
        eq(accountLosses.workspaceId, ctx.actor.workspaceId),
        query.from ? gte(accountLosses.lostOn, query.from) : undefined,
        query.to ? lte(accountLosses.lostOn, query.to) : undefined,
        visibleAccountIds(ctx, accountLosses.accountId),
      ),
    )
    .orderBy(asc(accountLosses.lostOn), asc(accountLosses.id));
  const losses: LossAnalysis['losses'] = [];
  for (const { row, accountName } of rows) {
    // NOTE: one finance read per loss, one at a time on the transaction's connection; a workspace
    // loses tens of clients a year, not thousands.
    const months = await readMonthlyInvoiced(ctx, row.accountId, twelveMonthsBefore(row.lostOn), row.lostOn);
    const revenue = months === null ? null : new Map<string, number>();
    if (revenue && months) addAmounts(revenue, months);
    losses.push({ ...toLoss(row), accountName, revenue12Months: revenue ? toAmounts(revenue) : null });
  }
  const reasons = new Map<LossReason, { count: number; revenue: Map<string, number> | null }>();
  const months = new Map<string, number>();
  for (const loss of losses) {
    const entry = reasons.get(loss.reason) ?? { count: 0, revenue: new Map<string, number>() };
    entry.count += 1;
    // NOTE: one hidden account makes the reason's sum partial, and a partial sum would mislead.
    if (loss.revenue12Months === null) entry.revenue = null;
    else if (entry.revenue) addAmounts(entry.revenue, loss.revenue12Months);
    reasons.set(loss.reason, entry);
    const month = loss.lostOn.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return {
    losses,
    byReason: [...reasons]
      .sort(([a, left], [b, right]) => right.count - left.count || a.localeCompare(b))
      .map(([reason, entry]) => ({
        reason,
        count: entry.count,
        revenue12Months: entry.revenue ? toAmounts(entry.revenue) : null,
      })),
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
  };
}
