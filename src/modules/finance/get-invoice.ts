import { and, asc, eq, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { financeAccountScope } from './access';
import { financeMessages } from './messages';
import { acts, contracts, creditNotes, invoiceLines, invoices, paymentAllocations, payments } from './schema';
import type { InvoiceStatus, VatMode } from './schemas';

export type InvoiceLine = {
  id: string;
  position: number;
  description: string;
  unit: string | null;
  quantityMilli: number;
  unitPriceMinor: number;
  vatRate: number | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type InvoiceSummary = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  contractId: string | null;
  number: string | null;
  status: InvoiceStatus;
  /** Open (issued, sent or partly paid) and past its due date. */
  overdue: boolean;
  daysOverdue: number;
  currency: Currency;
  vatMode: VatMode;
  paymentTermsDays: number;
  issuedOn: string | null;
  dueOn: string | null;
  sentOn: string | null;
  paidOn: string | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  paidMinor: number;
  /** The sum of the invoice's credit notes. */
  creditedMinor: number;
  /** What the client still owes: gross − paid − credited, while the invoice is open. */
  openMinor: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type InvoiceDetail = InvoiceSummary & {
  contract: { id: string; number: string } | null;
  notes: string | null;
  cancelReason: string | null;
  reissueOf: string | null;
  lines: InvoiceLine[];
  allocations: { paymentId: string; receivedOn: string; amountMinor: number; reference: string | null }[];
  acts: { id: string; number: string; actDate: string; amountMinor: number; signedOn: string | null }[];
  creditNotes: { id: string; number: string; issuedOn: string; grossMinor: number; reason: string }[];
};

export const openStatuses = ['issued', 'sent', 'partly_paid'] as const;

/** Columns of an invoice summary; `today` decides what is overdue. */
export function invoiceSummaryColumns(today: string) {
  const overdue = sql<boolean>`(${invoices.status} in ('issued', 'sent', 'partly_paid') and ${invoices.dueOn} < ${today}::date)`;
  return {
    id: invoices.id,
    accountId: invoices.accountId,
    account: { id: accounts.id, name: accounts.name },
    contractId: invoices.contractId,
    number: invoices.number,
    status: invoices.status,
    overdue,
    daysOverdue: sql<number>`case when ${overdue} then ${today}::date - ${invoices.dueOn} else 0 end`.mapWith(Number),
    currency: invoices.currency,
    vatMode: invoices.vatMode,
    paymentTermsDays: invoices.paymentTermsDays,
    issuedOn: invoices.issuedOn,
    dueOn: invoices.dueOn,
    sentOn: invoices.sentOn,
    paidOn: invoices.paidOn,
    netMinor: invoices.netMinor,
    vatMinor: invoices.vatMinor,
    grossMinor: invoices.grossMinor,
    paidMinor: invoices.paidMinor,
    creditedMinor: invoices.creditedMinor,
    openMinor: sql<number>`case when ${invoices.status} in ('issued', 'sent', 'partly_paid')
      then ${invoices.grossMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor} else 0 end`.mapWith(Number),
    version: invoices.version,
    createdAt: invoices.createdAt,
    updatedAt: invoices.updatedAt,
  };
}

export const accountOfInvoice = and(
  eq(accounts.workspaceId, invoices.workspaceId),
  eq(accounts.id, invoices.accountId),
);

/** An invoice with its lines, payments and acts, if the actor may see its account's money; else 404. */
export async function getInvoice(ctx: UseCaseContext, id: string): Promise<InvoiceDetail> {
  const workspaceId = ctx.actor.workspaceId;
  const today = await workspaceToday(ctx);
  const [row] = await ctx.db
    .select({
      ...invoiceSummaryColumns(today),
      contractNumber: contracts.number,
      notes: invoices.notes,
      cancelReason: invoices.cancelReason,
      reissueOf: invoices.reissueOf,
    })
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .leftJoin(contracts, and(eq(contracts.workspaceId, invoices.workspaceId), eq(contracts.id, invoices.contractId)))
    .where(
      and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, id), financeAccountScope(ctx, invoices.accountId)),
    );
  if (!row) throw notFound(financeMessages.invoice);
  const lines = await ctx.db
    .select({
      id: invoiceLines.id,
      position: invoiceLines.position,
      description: invoiceLines.description,
      unit: invoiceLines.unit,
      quantityMilli: invoiceLines.quantityMilli,
      unitPriceMinor: invoiceLines.unitPriceMinor,
      vatRate: invoiceLines.vatRate,
      netMinor: invoiceLines.netMinor,
      vatMinor: invoiceLines.vatMinor,
      grossMinor: invoiceLines.grossMinor,
    })
    .from(invoiceLines)
    .where(and(eq(invoiceLines.workspaceId, workspaceId), eq(invoiceLines.invoiceId, id)))
    .orderBy(asc(invoiceLines.position));
  const allocations = await ctx.db
    .select({
      paymentId: payments.id,
      receivedOn: payments.receivedOn,
      amountMinor: paymentAllocations.amountMinor,
      reference: payments.reference,
    })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(eq(payments.workspaceId, paymentAllocations.workspaceId), eq(payments.id, paymentAllocations.paymentId)),
    )
    .where(and(eq(paymentAllocations.workspaceId, workspaceId), eq(paymentAllocations.invoiceId, id)))
    .orderBy(asc(payments.receivedOn), asc(payments.id));
  const invoiceActs = await ctx.db
    .select({
      id: acts.id,
      number: acts.number,
      actDate: acts.actDate,
      amountMinor: acts.amountMinor,
      signedOn: acts.signedOn,
    })
    .from(acts)
    .where(and(eq(acts.workspaceId, workspaceId), eq(acts.invoiceId, id)))
    .orderBy(asc(acts.actDate), asc(acts.id));
  const invoiceCreditNotes = await ctx.db
    .select({
      id: creditNotes.id,
      number: creditNotes.number,
      issuedOn: creditNotes.issuedOn,
      grossMinor: creditNotes.grossMinor,
      reason: creditNotes.reason,
    })
    .from(creditNotes)
    .where(and(eq(creditNotes.workspaceId, workspaceId), eq(creditNotes.invoiceId, id)))
    .orderBy(asc(creditNotes.sequence));
  const { contractNumber, ...invoice } = row;
  return {
    ...(invoice as InvoiceSummary & Pick<InvoiceDetail, 'notes' | 'cancelReason' | 'reissueOf'>),
    contract: invoice.contractId && contractNumber ? { id: invoice.contractId, number: contractNumber } : null,
    lines,
    allocations,
    acts: invoiceActs,
    creditNotes: invoiceCreditNotes,
  };
}
