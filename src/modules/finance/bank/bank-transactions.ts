import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Currency } from '../../../analytics/money/money';
import { lockRow } from '../../../platform/db/client';
import { AppError, notFound, ruleViolated } from '../../../platform/errors';
import type { UseCaseContext } from '../../../platform/use-case';
import { bankMessages } from '../messages';
import { recordPayment } from '../payments';
import { bankTransactions, invoices } from '../schema';
import {
  type BankTransactionStatus,
  type ListBankTransactionsQuery,
  listBankTransactionsQuery,
  type MatchBankTransactionInput,
  type MatchKind,
  matchBankTransactionInput,
} from './schemas';

/** The payment's checks name `allocations.0.…`; the person matching gave `invoiceId`. */
function renamePath(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const fieldErrors = error.fieldErrors.map((field) => ({
    ...field,
    path: field.path.startsWith('allocations') ? 'invoiceId' : field.path,
  }));
  return new AppError(error.code, error.detail, fieldErrors, error.headers);
}

export type BankTransaction = {
  id: string;
  bookedOn: string;
  amountMinor: number;
  currency: Currency;
  payer: string | null;
  purpose: string | null;
  reference: string | null;
  status: BankTransactionStatus;
  matchedBy: MatchKind | null;
  paymentId: string | null;
};

const columns = {
  id: bankTransactions.id,
  bookedOn: bankTransactions.bookedOn,
  amountMinor: bankTransactions.amountMinor,
  currency: bankTransactions.currency,
  payer: bankTransactions.payer,
  purpose: bankTransactions.purpose,
  reference: bankTransactions.reference,
  status: bankTransactions.status,
  matchedBy: bankTransactions.matchedBy,
  paymentId: bankTransactions.paymentId,
};

/** Imported statement lines, the latest first: those waiting for a person (`unmatched`) or all. */
export async function listBankTransactions(
  ctx: UseCaseContext,
  rawQuery: ListBankTransactionsQuery,
): Promise<{ items: BankTransaction[]; total: number }> {
  const query = listBankTransactionsQuery.parse(rawQuery);
  const where = and(
    eq(bankTransactions.workspaceId, ctx.actor.workspaceId),
    query.status ? eq(bankTransactions.status, query.status) : undefined,
  );
  const items = await ctx.db
    .select(columns)
    .from(bankTransactions)
    .where(where)
    .orderBy(desc(bankTransactions.bookedOn), desc(bankTransactions.id))
    .limit(query.limit);
  const [total] = await ctx.db.select({ total: count() }).from(bankTransactions).where(where);
  return { items: items as BankTransaction[], total: total?.total ?? 0 };
}

/**
 * A person matches an unmatched line: to an invoice (the payment pays what is open on it, the
 * rest is the account's credit) or to an account (all credit). The payment is recorded with the
 * same checks as one typed in.
 */
export async function matchBankTransaction(
  ctx: UseCaseContext,
  id: string,
  rawInput: MatchBankTransactionInput,
): Promise<BankTransaction> {
  const input = matchBankTransactionInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, bankTransactions, { workspaceId, id }, 'update');
  const [line] = await ctx.db
    .select(columns)
    .from(bankTransactions)
    .where(and(eq(bankTransactions.workspaceId, workspaceId), eq(bankTransactions.id, id)));
  if (!line) throw notFound(bankMessages.bankTransaction);
  if (line.status !== 'unmatched') throw ruleViolated(bankMessages.alreadyMatched);
  let accountId = input.accountId;
  const allocations: { invoiceId: string; amountMinor: number }[] = [];
  if (input.invoiceId) {
    const [invoice] = await ctx.db
      .select({
        accountId: invoices.accountId,
        open: sql<number>`${invoices.grossMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor}`.mapWith(Number),
      })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, input.invoiceId)));
    if (!invoice) throw ruleViolated(bankMessages.invoiceNotFound, undefined, 'invoiceId');
    accountId = invoice.accountId;
    allocations.push({
      invoiceId: input.invoiceId,
      amountMinor: Math.max(1, Math.min(line.amountMinor, invoice.open)),
    });
  }
  const payment = await recordPayment(ctx, {
    accountId: accountId as string,
    receivedOn: line.bookedOn,
    amountMinor: line.amountMinor,
    currency: line.currency,
    reference: line.reference?.slice(0, 200) ?? null,
    note: [line.payer, line.purpose].filter(Boolean).join(': ').slice(0, 2000) || null,
    allocations,
  }).catch((error: unknown) => {
    throw renamePath(error);
  });
  await ctx.db
    .update(bankTransactions)
    .set({
      status: 'matched',
      matchedBy: 'manual',
      paymentId: payment.id,
      updatedAt: ctx.now,
      version: sql`${bankTransactions.version} + 1`,
    })
    .where(and(eq(bankTransactions.workspaceId, workspaceId), eq(bankTransactions.id, id)));
  return { ...(line as BankTransaction), status: 'matched', matchedBy: 'manual', paymentId: payment.id };
}
