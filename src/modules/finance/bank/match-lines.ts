import { sql } from 'drizzle-orm';
import type { Currency } from '../../../analytics/money/money';
import { newId } from '../../../platform/db/columns';
import type { UseCaseContext } from '../../../platform/use-case';
import { paymentAllocations, payments } from '../schema';
import { invoiceNumbersIn, type StatementLine } from './read-statement';
import type { MatchKind } from './schemas';

export type CandidateInvoice = {
  id: string;
  accountId: string;
  number: string | null;
  status: string;
  currency: Currency;
  grossMinor: number;
  paidMinor: number;
};

type Match = {
  line: StatementLine & { id: string };
  matchedBy: MatchKind;
  accountId: string;
  allocations: { invoiceId: string; amountMinor: number }[];
};

const openStatuses = new Set(['issued', 'sent', 'partly_paid']);
const batchSize = 2000;
const batches = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / batchSize) }, (_, index) =>
    items.slice(index * batchSize, (index + 1) * batchSize),
  );

/**
 * Decides, line by line in file order, which open invoices each line pays, against the invoices'
 * amounts as the earlier lines leave them. A purpose naming invoice numbers pays those (of one
 * account, in its currency) up to what is open, the rest staying the account's credit; a purpose
 * naming none pays the one open invoice whose open amount is exactly the line's, if only one is.
 */
export function planMatches(
  lines: readonly (StatementLine & { id: string })[],
  candidates: readonly CandidateInvoice[],
): Match[] {
  const invoices = candidates.map((invoice) => ({ ...invoice }));
  const byNumber = new Map(invoices.filter((invoice) => invoice.number).map((invoice) => [invoice.number, invoice]));
  const isOpen = (invoice: CandidateInvoice) =>
    openStatuses.has(invoice.status) && invoice.paidMinor < invoice.grossMinor;
  const byOpenAmount = new Map<string, CandidateInvoice[]>();
  for (const invoice of invoices) {
    if (!isOpen(invoice)) continue;
    const key = `${invoice.currency}:${invoice.grossMinor - invoice.paidMinor}`;
    byOpenAmount.set(key, [...(byOpenAmount.get(key) ?? []), invoice]);
  }
  const matches: Match[] = [];
  for (const line of lines) {
    const numbers = invoiceNumbersIn(line.purpose);
    let named = numbers
      .map((number) => byNumber.get(number))
      .filter((invoice): invoice is CandidateInvoice => invoice !== undefined && isOpen(invoice))
      .filter((invoice) => invoice.currency === line.currency);
    let matchedBy: MatchKind = 'number';
    if (numbers.length === 0) {
      const sameAmount = (byOpenAmount.get(`${line.currency}:${line.amountMinor}`) ?? []).filter(isOpen);
      named = sameAmount.length === 1 ? sameAmount : [];
      matchedBy = 'amount';
    }
    const accountId = named[0]?.accountId;
    if (!accountId || named.some((invoice) => invoice.accountId !== accountId)) continue;
    let left = line.amountMinor;
    const allocations: Match['allocations'] = [];
    for (const invoice of named) {
      const amountMinor = Math.min(left, invoice.grossMinor - invoice.paidMinor);
      if (amountMinor <= 0) continue;
      allocations.push({ invoiceId: invoice.id, amountMinor });
      invoice.paidMinor += amountMinor;
      left -= amountMinor;
    }
    matches.push({ line, matchedBy, accountId, allocations });
  }
  return matches;
}

const valuesOf = (rows: ReturnType<typeof sql>[]) => sql.join(rows, sql`, `);

/**
 * Turns the matched lines into payments with their allocations, and moves the invoices' paid
 * amounts and statuses, in a few set-based statements (a statement has thousands of lines). The
 * invoices are locked by the caller.
 */
export async function matchStatementLines(
  ctx: UseCaseContext,
  lines: readonly (StatementLine & { id: string })[],
  candidates: readonly CandidateInvoice[],
): Promise<number> {
  const workspaceId = ctx.actor.workspaceId;
  const matches = planMatches(lines, candidates);
  const paymentIds = new Map(matches.map((match) => [match.line.id, newId()]));
  const paymentIdOf = (match: Match) => paymentIds.get(match.line.id) as string;
  for (const batch of batches(matches)) {
    await ctx.db.insert(payments).values(
      batch.map((match) => ({
        id: paymentIdOf(match),
        workspaceId,
        accountId: match.accountId,
        receivedOn: match.line.bookedOn,
        amountMinor: match.line.amountMinor,
        currency: match.line.currency,
        allocatedMinor: match.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0),
        reference: match.line.reference?.slice(0, 200) ?? null,
        note: [match.line.payer, match.line.purpose].filter(Boolean).join(': ').slice(0, 2000) || null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    const allocations = batch.flatMap((match) =>
      match.allocations.map((allocation) => ({
        ...allocation,
        workspaceId,
        paymentId: paymentIdOf(match),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    if (allocations.length > 0) await ctx.db.insert(paymentAllocations).values(allocations);
    await ctx.db.execute(sql`update bank_transactions t set status = 'matched', matched_by = v.matched_by,
      payment_id = v.payment_id, updated_at = ${ctx.now}, version = t.version + 1
      from (values ${valuesOf(batch.map((match) => sql`(${match.line.id}::uuid, ${match.matchedBy}, ${paymentIdOf(match)}::uuid)`))})
        as v(id, matched_by, payment_id)
      where t.workspace_id = ${workspaceId} and t.id = v.id`);
  }
  // Each invoice once, with what all the lines paid on it and the date of the last.
  const paid = new Map<string, { amountMinor: number; paidOn: string }>();
  for (const match of matches) {
    for (const allocation of match.allocations) {
      const before = paid.get(allocation.invoiceId);
      paid.set(allocation.invoiceId, {
        amountMinor: (before?.amountMinor ?? 0) + allocation.amountMinor,
        paidOn: before && before.paidOn > match.line.bookedOn ? before.paidOn : match.line.bookedOn,
      });
    }
  }
  for (const batch of batches([...paid.entries()])) {
    await ctx.db.execute(sql`update invoices i set paid_minor = i.paid_minor + v.amount,
      status = case when i.paid_minor + v.amount = i.gross_minor then 'paid' else 'partly_paid' end,
      paid_on = case when i.paid_minor + v.amount = i.gross_minor then v.paid_on else null end,
      updated_at = ${ctx.now}, version = i.version + 1
      from (values ${valuesOf(batch.map(([id, value]) => sql`(${id}::uuid, ${value.amountMinor}::bigint, ${value.paidOn}::date)`))})
        as v(id, amount, paid_on)
      where i.workspace_id = ${workspaceId} and i.id = v.id`);
  }
  return matches.length;
}
