import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Currency, minorToDecimal, sumMinor } from '../../analytics/money/money';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { accountForWrite, financeAccountScope } from './access';
import { financeMessages } from './messages';
import { invoices, paymentAllocations, payments } from './schema';
import {
  type AllocatePaymentInput,
  allocatePaymentInput,
  type ListPaymentsQuery,
  listPaymentsQuery,
  type RecordPaymentInput,
  recordPaymentInput,
} from './schemas';

export type Payment = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  receivedOn: string;
  amountMinor: number;
  currency: Currency;
  allocatedMinor: number;
  /** What no invoice uses yet: the account's credit. */
  unallocatedMinor: number;
  reference: string | null;
  note: string | null;
  version: number;
  createdAt: Date;
};

export type PaymentDetail = Payment & {
  allocations: { invoiceId: string; number: string | null; amountMinor: number }[];
};

export const paymentColumns = {
  id: payments.id,
  accountId: payments.accountId,
  account: { id: accounts.id, name: accounts.name },
  receivedOn: payments.receivedOn,
  amountMinor: payments.amountMinor,
  currency: payments.currency,
  allocatedMinor: payments.allocatedMinor,
  unallocatedMinor: sql<number>`${payments.amountMinor} - ${payments.allocatedMinor}`.mapWith(Number),
  reference: payments.reference,
  note: payments.note,
  version: payments.version,
  createdAt: payments.createdAt,
};
export const accountOfPayment = and(
  eq(accounts.workspaceId, payments.workspaceId),
  eq(accounts.id, payments.accountId),
);

/** A payment with its allocations, if the actor may see its account's money; else 404. */
export async function getPayment(ctx: UseCaseContext, id: string): Promise<PaymentDetail> {
  const [row] = await ctx.db
    .select(paymentColumns)
    .from(payments)
    .innerJoin(accounts, accountOfPayment)
    .where(
      and(
        eq(payments.workspaceId, ctx.actor.workspaceId),
        eq(payments.id, id),
        financeAccountScope(ctx, payments.accountId),
      ),
    );
  if (!row) throw notFound(financeMessages.payment);
  const allocations = await ctx.db
    .select({ invoiceId: invoices.id, number: invoices.number, amountMinor: paymentAllocations.amountMinor })
    .from(paymentAllocations)
    .innerJoin(
      invoices,
      and(eq(invoices.workspaceId, paymentAllocations.workspaceId), eq(invoices.id, paymentAllocations.invoiceId)),
    )
    .where(and(eq(paymentAllocations.workspaceId, ctx.actor.workspaceId), eq(paymentAllocations.paymentId, id)))
    .orderBy(asc(invoices.sequence));
  return { ...(row as Payment), allocations };
}

/**
 * Allocates part of a payment to invoices. The payment and the invoices are locked (invoices in
 * id order, so two allocations never deadlock) before anything is checked: no invoice ever gets
 * more than is open on it, no payment gives more than it has left (decision 0014).
 */
async function allocate(
  ctx: UseCaseContext,
  payment: { id: string; accountId: string; currency: Currency; receivedOn: string },
  allocations: readonly { invoiceId: string; amountMinor: number }[],
  pathPrefix: string,
): Promise<void> {
  if (allocations.length === 0) return;
  const workspaceId = ctx.actor.workspaceId;
  const [locked] = await ctx.db
    .select({ amountMinor: payments.amountMinor, allocatedMinor: payments.allocatedMinor })
    .from(payments)
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, payment.id)))
    .for('update');
  const ids = allocations.map((allocation) => allocation.invoiceId);
  const rows = await ctx.db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      status: invoices.status,
      currency: invoices.currency,
      grossMinor: invoices.grossMinor,
      paidMinor: invoices.paidMinor,
      creditedMinor: invoices.creditedMinor,
    })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.id, ids)))
    .orderBy(asc(invoices.id))
    .for('update');
  const byId = new Map(rows.map((row) => [row.id, row]));
  const available = (locked?.amountMinor ?? 0) - (locked?.allocatedMinor ?? 0);
  const total = sumMinor(allocations.map((allocation) => allocation.amountMinor));
  for (const [index, allocation] of allocations.entries()) {
    const path = `${pathPrefix}.${index}`;
    const invoice = byId.get(allocation.invoiceId);
    if (!invoice || invoice.accountId !== payment.accountId) {
      throw ruleViolated(financeMessages.allocationAccount, undefined, `${path}.invoiceId`);
    }
    if (!['issued', 'sent', 'partly_paid'].includes(invoice.status)) {
      throw ruleViolated(financeMessages.allocationNotOpen, undefined, `${path}.invoiceId`);
    }
    if (invoice.currency !== payment.currency) {
      throw ruleViolated(
        financeMessages.allocationCurrency,
        { invoice: invoice.currency, payment: payment.currency },
        `${path}.invoiceId`,
      );
    }
    const open = invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor;
    if (allocation.amountMinor > open) {
      const text = `${minorToDecimal(open, payment.currency)} ${payment.currency}`;
      throw ruleViolated(financeMessages.allocationOverOpen, { open: text }, `${path}.amountMinor`);
    }
  }
  if (total > available) {
    const text = `${minorToDecimal(available, payment.currency)} ${payment.currency}`;
    throw ruleViolated(financeMessages.allocationOverPayment, { available: text }, pathPrefix);
  }
  await ctx.db
    .insert(paymentAllocations)
    .values(
      allocations.map((allocation) => ({
        ...allocation,
        workspaceId,
        paymentId: payment.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    )
    .onConflictDoUpdate({
      target: [paymentAllocations.workspaceId, paymentAllocations.paymentId, paymentAllocations.invoiceId],
      set: {
        amountMinor: sql`${paymentAllocations.amountMinor} + excluded.amount_minor`,
        updatedAt: ctx.now,
        version: sql`${paymentAllocations.version} + 1`,
      },
    });
  for (const allocation of allocations) {
    const invoice = byId.get(allocation.invoiceId) as { grossMinor: number; paidMinor: number; creditedMinor: number };
    const paid = invoice.paidMinor + allocation.amountMinor;
    const settled = paid + invoice.creditedMinor === invoice.grossMinor;
    await ctx.db
      .update(invoices)
      .set({
        paidMinor: paid,
        status: settled ? 'paid' : 'partly_paid',
        paidOn: settled ? payment.receivedOn : null,
        updatedAt: ctx.now,
        version: sql`${invoices.version} + 1`,
      })
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, allocation.invoiceId)));
  }
  await ctx.db
    .update(payments)
    .set({
      allocatedMinor: sql`${payments.allocatedMinor} + ${total}`,
      updatedAt: ctx.now,
      version: sql`${payments.version} + 1`,
    })
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, payment.id)));
}

/** Records money received, allocated to invoices now or later; what is left is the account's credit. */
export async function recordPayment(ctx: UseCaseContext, rawInput: RecordPaymentInput): Promise<PaymentDetail> {
  const { allocations, ...input } = recordPaymentInput.parse(rawInput);
  await accountForWrite(ctx, input.accountId);
  const [created] = await ctx.db
    .insert(payments)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning({ id: payments.id });
  const id = (created as { id: string }).id;
  await allocate(ctx, { id, ...input }, allocations, 'allocations');
  return getPayment(ctx, id);
}

/** Allocates what is left of a payment (the account's credit) to invoices. */
export async function allocatePayment(
  ctx: UseCaseContext,
  id: string,
  rawInput: AllocatePaymentInput,
): Promise<PaymentDetail> {
  const input = allocatePaymentInput.parse(rawInput);
  await lockRow(ctx.db, payments, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const payment = await getPayment(ctx, id);
  await allocate(ctx, payment, input.allocations, 'allocations');
  return getPayment(ctx, id);
}

/** The payment list's filters (shared with its export). */
export function paymentConditions(
  ctx: UseCaseContext,
  query: { accountId?: string | undefined; unallocated?: boolean | undefined },
): SQL[] {
  return [
    eq(payments.workspaceId, ctx.actor.workspaceId),
    financeAccountScope(ctx, payments.accountId),
    query.accountId ? eq(payments.accountId, query.accountId) : undefined,
    query.unallocated ? sql`${payments.allocatedMinor} < ${payments.amountMinor}` : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** A page of payments, per account, or only those with credit left. */
export async function listPayments(ctx: UseCaseContext, rawQuery: ListPaymentsQuery): Promise<Page<Payment>> {
  const query = listPaymentsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { receivedOn: payments.receivedOn, amountMinor: payments.amountMinor, createdAt: payments.createdAt },
    id: payments.id,
    cursor: query.cursor,
  });
  const conditions = paymentConditions(ctx, query);
  const rows = await ctx.db
    .select({ ...paymentColumns, sortKey: page.sortKey })
    .from(payments)
    .innerJoin(accounts, accountOfPayment)
    .where(and(...conditions, page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row as Payment);
}
