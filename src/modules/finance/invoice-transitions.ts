import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../../analytics/money/ageing';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { workspaceToday } from '../workspaces';
import { getInvoice, type InvoiceDetail } from './get-invoice';
import { financeMessages } from './messages';
import { invoiceLines, invoices, numberingCounters } from './schema';
import {
  type CancelInvoiceInput,
  cancelInvoiceInput,
  type IssueInvoiceInput,
  issueInvoiceInput,
  sendInvoiceInput,
} from './schemas';
import { assertTransition, type InvoiceAction } from './transition-rules';

/**
 * The next number of a workspace's series, taken in the caller's transaction: the upsert locks
 * the counter row until commit, so concurrent issuers queue, and a rolled-back issue gives its
 * number back — the sequence has neither gaps nor duplicates (decision 0014).
 */
export async function takeNextNumber(ctx: UseCaseContext, series: 'invoice' | 'credit_note'): Promise<number> {
  const [row] = await ctx.db
    .insert(numberingCounters)
    .values({ workspaceId: ctx.actor.workspaceId, series, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [numberingCounters.workspaceId, numberingCounters.series],
      set: { lastNumber: sql`${numberingCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: numberingCounters.lastNumber });
  return (row as { lastNumber: number }).lastNumber;
}

/** How an invoice number reads: `2026-00042` (year of issue, then the sequence). */
export function invoiceNumber(issuedOn: string, sequence: number): string {
  return `${issuedOn.slice(0, 4)}-${String(sequence).padStart(5, '0')}`;
}

async function lockedInvoice(ctx: UseCaseContext, id: string, action: InvoiceAction, expectedVersion?: number) {
  await lockRow(ctx.db, invoices, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getInvoice(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (action === 'cancel' && current.paidMinor > 0) throw ruleViolated(financeMessages.cancelPaid);
  if (action === 'cancel' && current.creditedMinor > 0) throw ruleViolated(financeMessages.cancelCredited);
  assertTransition(current.status, action);
  return current;
}

async function setInvoice(ctx: UseCaseContext, id: string, values: Partial<typeof invoices.$inferInsert>) {
  await ctx.db
    .update(invoices)
    .set({ ...values, updatedAt: ctx.now, version: sql`${invoices.version} + 1` })
    .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, id)));
  return getInvoice(ctx, id);
}

/** Issues a draft: takes the next number, fixes the date and the due date; from now on it is immutable. */
export async function issueInvoice(
  ctx: UseCaseContext,
  id: string,
  rawInput: IssueInvoiceInput,
  expectedVersion?: number,
): Promise<InvoiceDetail> {
  const input = issueInvoiceInput.parse(rawInput);
  const current = await lockedInvoice(ctx, id, 'issue', expectedVersion);
  if (current.lines.length === 0) throw ruleViolated(financeMessages.invoiceEmpty);
  const issuedOn = input.issuedOn ?? (await workspaceToday(ctx));
  const sequence = await takeNextNumber(ctx, 'invoice');
  return setInvoice(ctx, id, {
    status: 'issued',
    sequence,
    number: invoiceNumber(issuedOn, sequence),
    issuedOn,
    dueOn: addDays(issuedOn, current.paymentTermsDays),
  });
}

/** Marks an issued invoice as sent to the client. */
export async function sendInvoice(
  ctx: UseCaseContext,
  id: string,
  rawInput: { sentOn?: string },
  expectedVersion?: number,
): Promise<InvoiceDetail> {
  const input = sendInvoiceInput.parse(rawInput);
  await lockedInvoice(ctx, id, 'send', expectedVersion);
  return setInvoice(ctx, id, { status: 'sent', sentOn: input.sentOn ?? (await workspaceToday(ctx)) });
}

/** Cancels an unpaid issued or sent invoice; it keeps its number, and the audit keeps the reason. */
export async function cancelInvoice(
  ctx: UseCaseContext,
  id: string,
  rawInput: CancelInvoiceInput,
  expectedVersion?: number,
): Promise<InvoiceDetail> {
  const input = cancelInvoiceInput.parse(rawInput);
  await lockedInvoice(ctx, id, 'cancel', expectedVersion);
  return setInvoice(ctx, id, { status: 'cancelled', cancelReason: input.reason });
}

/** Starts a new draft copying a cancelled invoice (cancel-and-reissue), linked to it. */
export async function reissueInvoice(ctx: UseCaseContext, id: string): Promise<InvoiceDetail> {
  const current = await lockedInvoice(ctx, id, 'reissue');
  const workspaceId = ctx.actor.workspaceId;
  const [created] = await ctx.db
    .insert(invoices)
    .values({
      workspaceId,
      accountId: current.accountId,
      contractId: current.contractId,
      status: 'draft',
      currency: current.currency,
      vatMode: current.vatMode,
      paymentTermsDays: current.paymentTermsDays,
      netMinor: current.netMinor,
      vatMinor: current.vatMinor,
      grossMinor: current.grossMinor,
      notes: current.notes,
      reissueOf: id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: invoices.id });
  const newId = (created as { id: string }).id;
  if (current.lines.length > 0) {
    await ctx.db.insert(invoiceLines).values(
      current.lines.map(({ id: _id, ...line }) => ({
        ...line,
        workspaceId,
        invoiceId: newId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
  }
  return getInvoice(ctx, newId);
}
