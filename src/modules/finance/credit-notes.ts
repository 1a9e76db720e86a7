import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Currency, minorToDecimal, sumMinor } from '../../analytics/money/money';
import { lineAmounts } from '../../analytics/money/vat';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { assertAccountVisible, financeAccountScope } from './access';
import { getInvoice, type InvoiceLine } from './get-invoice';
import { takeNextNumber } from './invoice-transitions';
import { financeMessages } from './messages';
import { assertRatesOffered } from './save-invoice';
import { creditNoteLines, creditNotes, invoices, paymentAllocations, payments } from './schema';
import {
  type CreateCreditNoteInput,
  createCreditNoteInput,
  type InvoiceStatus,
  type ListCreditNotesQuery,
  listCreditNotesQuery,
  type VatMode,
} from './schemas';
import { getFinanceSettings } from './settings';

export type CreditNote = {
  id: string;
  invoiceId: string;
  invoiceNumber: string | null;
  accountId: string;
  account: { id: string; name: string };
  number: string;
  issuedOn: string;
  currency: Currency;
  vatMode: VatMode;
  reason: string;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  version: number;
  createdAt: Date;
};
export type CreditNoteDetail = CreditNote & { lines: InvoiceLine[] };

const creditableStatuses: readonly InvoiceStatus[] = ['issued', 'sent', 'partly_paid', 'paid'];

/**
 * How a credit note number reads: `CN-2026/00007`. Unlike an invoice's `2026-00042`, a bank
 * statement's purpose naming it is never taken for an invoice number.
 */
export function creditNoteNumber(issuedOn: string, sequence: number): string {
  return `CN-${issuedOn.slice(0, 4)}/${String(sequence).padStart(5, '0')}`;
}

const columns = {
  id: creditNotes.id,
  invoiceId: creditNotes.invoiceId,
  invoiceNumber: invoices.number,
  accountId: creditNotes.accountId,
  account: { id: accounts.id, name: accounts.name },
  number: creditNotes.number,
  issuedOn: creditNotes.issuedOn,
  currency: creditNotes.currency,
  vatMode: creditNotes.vatMode,
  reason: creditNotes.reason,
  netMinor: creditNotes.netMinor,
  vatMinor: creditNotes.vatMinor,
  grossMinor: creditNotes.grossMinor,
  version: creditNotes.version,
  createdAt: creditNotes.createdAt,
};

function selectCreditNotes(ctx: UseCaseContext, conditions: (SQL | undefined)[]) {
  return ctx.db
    .select(columns)
    .from(creditNotes)
    .innerJoin(invoices, and(eq(invoices.workspaceId, creditNotes.workspaceId), eq(invoices.id, creditNotes.invoiceId)))
    .innerJoin(accounts, and(eq(accounts.workspaceId, creditNotes.workspaceId), eq(accounts.id, creditNotes.accountId)))
    .where(
      and(
        eq(creditNotes.workspaceId, ctx.actor.workspaceId),
        financeAccountScope(ctx, creditNotes.accountId),
        ...conditions,
      ),
    );
}

/** Credit notes of an invoice or an account (those the actor may see), the latest first. */
export async function listCreditNotes(ctx: UseCaseContext, rawQuery: ListCreditNotesQuery) {
  const query = listCreditNotesQuery.parse(rawQuery);
  if (query.accountId) await assertAccountVisible(ctx, query.accountId);
  const rows = await selectCreditNotes(ctx, [
    query.accountId ? eq(creditNotes.accountId, query.accountId) : undefined,
    query.invoiceId ? eq(creditNotes.invoiceId, query.invoiceId) : undefined,
  ]).orderBy(desc(creditNotes.issuedOn), desc(creditNotes.sequence));
  return { items: rows as CreditNote[] };
}

/** One credit note with its lines; 404 when the actor may not see its account's money. */
export async function getCreditNote(ctx: UseCaseContext, id: string): Promise<CreditNoteDetail> {
  const [row] = await selectCreditNotes(ctx, [eq(creditNotes.id, id)]);
  if (!row) throw notFound(financeMessages.creditNote);
  const lines = await ctx.db
    .select({
      id: creditNoteLines.id,
      position: creditNoteLines.position,
      description: creditNoteLines.description,
      unit: creditNoteLines.unit,
      quantityMilli: creditNoteLines.quantityMilli,
      unitPriceMinor: creditNoteLines.unitPriceMinor,
      vatRate: creditNoteLines.vatRate,
      netMinor: creditNoteLines.netMinor,
      vatMinor: creditNoteLines.vatMinor,
      grossMinor: creditNoteLines.grossMinor,
    })
    .from(creditNoteLines)
    .where(and(eq(creditNoteLines.workspaceId, ctx.actor.workspaceId), eq(creditNoteLines.creditNoteId, id)))
    .orderBy(asc(creditNoteLines.position));
  return { ...(row as CreditNote), lines };
}

/**
 * Gives back to the account's credit the part of the invoice's payments that the credit note
 * leaves without anything to pay: the latest allocations first. Returns what was given back.
 */
async function releaseAllocations(ctx: UseCaseContext, invoiceId: string, excessMinor: number): Promise<number> {
  const workspaceId = ctx.actor.workspaceId;
  const allocations = await ctx.db
    .select({
      id: paymentAllocations.id,
      paymentId: paymentAllocations.paymentId,
      amountMinor: paymentAllocations.amountMinor,
    })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(eq(payments.workspaceId, paymentAllocations.workspaceId), eq(payments.id, paymentAllocations.paymentId)),
    )
    .where(and(eq(paymentAllocations.workspaceId, workspaceId), eq(paymentAllocations.invoiceId, invoiceId)))
    .orderBy(desc(payments.receivedOn), desc(payments.id))
    .for('update');
  let left = excessMinor;
  for (const allocation of allocations) {
    if (left === 0) break;
    const taken = Math.min(left, allocation.amountMinor);
    left -= taken;
    const byId = and(eq(paymentAllocations.workspaceId, workspaceId), eq(paymentAllocations.id, allocation.id));
    if (taken === allocation.amountMinor) await ctx.db.delete(paymentAllocations).where(byId);
    else {
      await ctx.db
        .update(paymentAllocations)
        .set({
          amountMinor: allocation.amountMinor - taken,
          updatedAt: ctx.now,
          version: sql`${paymentAllocations.version} + 1`,
        })
        .where(byId);
    }
    await ctx.db
      .update(payments)
      .set({
        allocatedMinor: sql`${payments.allocatedMinor} - ${taken}`,
        updatedAt: ctx.now,
        version: sql`${payments.version} + 1`,
      })
      .where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, allocation.paymentId)));
  }
  return excessMinor - left;
}

/** The status an open, partly paid, paid or credited invoice reads as from its amounts. */
export function settledStatus(invoice: {
  grossMinor: number;
  paidMinor: number;
  creditedMinor: number;
  sentOn: string | null;
}): InvoiceStatus {
  if (invoice.creditedMinor === invoice.grossMinor) return 'credited';
  if (invoice.paidMinor + invoice.creditedMinor === invoice.grossMinor) return 'paid';
  if (invoice.paidMinor > 0) return 'partly_paid';
  return invoice.sentOn ? 'sent' : 'issued';
}

/**
 * Issues a credit note against an invoice: numbered in its own gap-free series, never more than
 * the invoice's gross less its earlier credit notes. What it takes off is first what is open;
 * beyond that, payments already allocated go back to the account's credit.
 */
export async function createCreditNote(
  ctx: UseCaseContext,
  invoiceId: string,
  rawInput: CreateCreditNoteInput,
): Promise<CreditNoteDetail> {
  const input = createCreditNoteInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, invoices, { workspaceId, id: invoiceId }, 'update');
  const invoice = await getInvoice(ctx, invoiceId);
  if (!creditableStatuses.includes(invoice.status)) {
    throw ruleViolated(financeMessages.creditNoteInvoiceStatus, undefined, 'invoiceId');
  }
  assertRatesOffered(input.lines, await getFinanceSettings(ctx));
  const issuedOn = input.issuedOn ?? (await workspaceToday(ctx));
  if (invoice.issuedOn && issuedOn < invoice.issuedOn) {
    throw ruleViolated(financeMessages.creditNoteBeforeInvoice, undefined, 'issuedOn');
  }
  const vatMode = invoice.vatMode;
  const lines = input.lines.map((line, position) => ({
    ...line,
    ...lineAmounts({ ...line, vatRateBasisPoints: line.vatRate }, vatMode),
    position,
  }));
  const totals = {
    netMinor: sumMinor(lines.map((line) => line.netMinor)),
    vatMinor: sumMinor(lines.map((line) => line.vatMinor)),
    grossMinor: sumMinor(lines.map((line) => line.grossMinor)),
  };
  const creditable = invoice.grossMinor - invoice.creditedMinor;
  if (totals.grossMinor <= 0 || totals.grossMinor > creditable) {
    const say = (minor: number) => `${minorToDecimal(minor, invoice.currency)} ${invoice.currency}`;
    throw ruleViolated(
      financeMessages.creditNoteOverInvoice,
      { amount: say(totals.grossMinor), left: say(creditable) },
      'lines',
    );
  }
  const open = invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor;
  const released = totals.grossMinor > open ? await releaseAllocations(ctx, invoiceId, totals.grossMinor - open) : 0;
  const sequence = await takeNextNumber(ctx, 'credit_note');
  const [created] = await ctx.db
    .insert(creditNotes)
    .values({
      workspaceId,
      invoiceId,
      accountId: invoice.accountId,
      sequence,
      number: creditNoteNumber(issuedOn, sequence),
      issuedOn,
      currency: invoice.currency,
      vatMode,
      reason: input.reason,
      ...totals,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: creditNotes.id });
  const id = (created as { id: string }).id;
  await ctx.db
    .insert(creditNoteLines)
    .values(lines.map((line) => ({ ...line, workspaceId, creditNoteId: id, createdAt: ctx.now, updatedAt: ctx.now })));
  const amounts = {
    grossMinor: invoice.grossMinor,
    paidMinor: invoice.paidMinor - released,
    creditedMinor: invoice.creditedMinor + totals.grossMinor,
    sentOn: invoice.sentOn,
  };
  const status = settledStatus(amounts);
  await ctx.db
    .update(invoices)
    .set({
      paidMinor: amounts.paidMinor,
      creditedMinor: amounts.creditedMinor,
      status,
      paidOn: status === 'paid' ? (invoice.paidOn ?? issuedOn) : null,
      updatedAt: ctx.now,
      version: sql`${invoices.version} + 1`,
    })
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
  return getCreditNote(ctx, id);
}
