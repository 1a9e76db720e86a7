import { sql } from 'drizzle-orm';
import type { Currency } from '../../../analytics/money/money';
import { newId } from '../../../platform/db/columns';
import type { UseCaseContext } from '../../../platform/use-case';
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
  creditedMinor: number;
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
  const openOf = (invoice: CandidateInvoice) => invoice.grossMinor - invoice.paidMinor - invoice.creditedMinor;
  const isOpen = (invoice: CandidateInvoice) => openStatuses.has(invoice.status) && openOf(invoice) > 0;
  const byOpenAmount = new Map<string, CandidateInvoice[]>();
  for (const invoice of invoices) {
    if (!isOpen(invoice)) continue;
    const key = `${invoice.currency}:${openOf(invoice)}`;
    const sameAmount = byOpenAmount.get(key);
    if (sameAmount) sameAmount.push(invoice);
    else byOpenAmount.set(key, [invoice]);
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
      const amountMinor = Math.min(left, openOf(invoice));
      if (amountMinor <= 0) continue;
      allocations.push({ invoiceId: invoice.id, amountMinor });
      invoice.paidMinor += amountMinor;
      left -= amountMinor;
    }
    matches.push({ line, matchedBy, accountId, allocations });
  }
  return matches;
}

/** An array parameter, for statements that take a whole column at once through `unnest`. */
const column = (values: readonly unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Writes a statement's new lines: the matched ones as payments with their allocations (and the
 * invoices' paid amounts and statuses moved), then every line with what became of it. A few
 * set-based statements over `unnest`ed columns: a statement has thousands of lines. The invoices
 * are locked by the caller.
 */
export async function writeStatementLines(
  ctx: UseCaseContext,
  lines: readonly (StatementLine & { id: string })[],
  candidates: readonly CandidateInvoice[],
): Promise<number> {
  const workspaceId = ctx.actor.workspaceId;
  const matches = planMatches(lines, candidates);
  const matchOf = new Map(matches.map((match) => [match.line.id, { ...match, paymentId: newId() }]));
  const matched = [...matchOf.values()];
  for (const batch of batches(matched)) {
    await ctx.db.execute(sql`insert into payments (workspace_id, id, account_id, received_on, amount_minor, currency,
        allocated_minor, reference, note, created_at, updated_at)
      select ${workspaceId}::uuid, *, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz from unnest(
        ${column(
          batch.map((match) => match.paymentId),
          'uuid',
        )},
        ${column(
          batch.map((match) => match.accountId),
          'uuid',
        )},
        ${column(
          batch.map((match) => match.line.bookedOn),
          'date',
        )},
        ${column(
          batch.map((match) => match.line.amountMinor),
          'bigint',
        )},
        ${column(
          batch.map((match) => match.line.currency),
          'text',
        )},
        ${column(
          batch.map((match) => match.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0)),
          'bigint',
        )},
        ${column(
          batch.map((match) => match.line.reference?.slice(0, 200) ?? null),
          'text',
        )},
        ${column(
          batch.map(
            (match) => [match.line.payer, match.line.purpose].filter(Boolean).join(': ').slice(0, 2000) || null,
          ),
          'text',
        )})`);
    const allocations = batch.flatMap((match) =>
      match.allocations.map((allocation) => ({ ...allocation, paymentId: match.paymentId })),
    );
    await ctx.db.execute(sql`insert into payment_allocations (workspace_id, id, payment_id, invoice_id, amount_minor,
        created_at, updated_at)
      select ${workspaceId}::uuid, *, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz from unnest(
        ${column(
          allocations.map(() => newId()),
          'uuid',
        )},
        ${column(
          allocations.map((allocation) => allocation.paymentId),
          'uuid',
        )},
        ${column(
          allocations.map((allocation) => allocation.invoiceId),
          'uuid',
        )},
        ${column(
          allocations.map((allocation) => allocation.amountMinor),
          'bigint',
        )})`);
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
      status = case when i.paid_minor + i.credited_minor + v.amount = i.gross_minor then 'paid' else 'partly_paid' end,
      paid_on = case when i.paid_minor + i.credited_minor + v.amount = i.gross_minor then v.paid_on end,
      updated_at = ${ctx.now}, version = i.version + 1
      from unnest(
        ${column(
          batch.map(([id]) => id),
          'uuid',
        )},
        ${column(
          batch.map(([, value]) => value.amountMinor),
          'bigint',
        )},
        ${column(
          batch.map(([, value]) => value.paidOn),
          'date',
        )}) as v(id, amount, paid_on)
      where i.workspace_id = ${workspaceId} and i.id = v.id`);
  }
  for (const batch of batches(lines)) {
    const matchesOf = batch.map((line) => matchOf.get(line.id));
    await ctx.db.execute(sql`insert into bank_transactions (workspace_id, id, fingerprint, booked_on, amount_minor,
        currency, payer, purpose, reference, status, matched_by, payment_id, created_at, updated_at)
      select ${workspaceId}::uuid, *, ${ctx.now}::timestamptz, ${ctx.now}::timestamptz from unnest(
        ${column(
          batch.map((line) => line.id),
          'uuid',
        )},
        ${column(
          batch.map((line) => line.fingerprint),
          'text',
        )},
        ${column(
          batch.map((line) => line.bookedOn),
          'date',
        )},
        ${column(
          batch.map((line) => line.amountMinor),
          'bigint',
        )},
        ${column(
          batch.map((line) => line.currency),
          'text',
        )},
        ${column(
          batch.map((line) => line.payer),
          'text',
        )},
        ${column(
          batch.map((line) => line.purpose),
          'text',
        )},
        ${column(
          batch.map((line) => line.reference),
          'text',
        )},
        ${column(
          matchesOf.map((match) => (match ? 'matched' : 'unmatched')),
          'text',
        )},
        ${column(
          matchesOf.map((match) => match?.matchedBy ?? null),
          'text',
        )},
        ${column(
          matchesOf.map((match) => match?.paymentId ?? null),
          'uuid',
        )})`);
  }
  return matches.length;
}
