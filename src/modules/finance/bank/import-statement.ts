import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Currency } from '../../../analytics/money/money';
import { lockForTransaction } from '../../../platform/db/client';
import { newId } from '../../../platform/db/columns';
import { ruleViolated } from '../../../platform/errors';
import type { UseCaseContext } from '../../../platform/use-case';
import { readTable } from '../../imports/formats/read-table';
import { bankMessages } from '../messages';
import { bankTransactions, invoices } from '../schema';
import { getFinanceSettings } from '../settings';
import { writeStatementLines } from './match-lines';
import {
  detectMapping,
  invoiceNumbersIn,
  type LineProblem,
  readStatementLines,
  type StatementLine,
  type StatementMapping,
} from './read-statement';
import { type ImportStatementQuery, importStatementQuery } from './schemas';

export type StatementImport = {
  /** Incoming lines read from the file. */
  lines: number;
  /** Lines seen in an earlier import: nothing is paid twice. */
  duplicates: number;
  /** Outgoing lines, not Accord's business. */
  skipped: number;
  matched: number;
  unmatched: number;
  mapping: StatementMapping;
  problems: LineProblem[];
};

// NOTE: each chunk goes as one array parameter (`= any($1)`), not a list of bound values.
const chunkSize = 20_000;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / chunkSize) }, (_, index) =>
    items.slice(index * chunkSize, (index + 1) * chunkSize),
  );
const openStatuses = ['issued', 'sent', 'partly_paid'];

/** The lines no earlier import stored (the caller holds the workspace's statement lock). */
async function newLines(ctx: UseCaseContext, lines: StatementLine[]): Promise<(StatementLine & { id: string })[]> {
  const seen = new Set<string>();
  for (const chunk of chunks(lines)) {
    const rows = await ctx.db
      .select({ fingerprint: bankTransactions.fingerprint })
      .from(bankTransactions)
      .where(
        and(
          eq(bankTransactions.workspaceId, ctx.actor.workspaceId),
          sql`${bankTransactions.fingerprint} = any(${sql.param(chunk.map((line) => line.fingerprint))}::text[])`,
        ),
      );
    for (const row of rows) seen.add(row.fingerprint);
  }
  return lines.filter((line) => !seen.has(line.fingerprint)).map((line) => ({ ...line, id: newId() }));
}

/**
 * The open invoices the lines may pay — those whose number a purpose names, and those whose open
 * amount equals a line's — locked in id order, as every allocation locks them (decision 0014).
 */
async function lockCandidates(ctx: UseCaseContext, lines: StatementLine[]) {
  const workspaceId = ctx.actor.workspaceId;
  const numbers = [...new Set(lines.flatMap((line) => invoiceNumbersIn(line.purpose)))];
  const amounts = [
    ...new Set(lines.filter((line) => invoiceNumbersIn(line.purpose).length === 0).map((line) => line.amountMinor)),
  ];
  const ids = new Set<string>();
  for (const chunk of chunks(numbers)) {
    const rows = await ctx.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), sql`${invoices.number} = any(${sql.param(chunk)}::text[])`));
    for (const row of rows) ids.add(row.id);
  }
  for (const chunk of chunks(amounts)) {
    const rows = await ctx.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(
        and(
          eq(invoices.workspaceId, workspaceId),
          inArray(invoices.status, openStatuses),
          sql`${invoices.grossMinor} - ${invoices.paidMinor} - ${invoices.creditedMinor} = any(${sql.param(chunk)}::bigint[])`,
        ),
      );
    for (const row of rows) ids.add(row.id);
  }
  const locked = [];
  for (const chunk of chunks([...ids].sort())) {
    locked.push(
      ...(await ctx.db
        .select({
          id: invoices.id,
          accountId: invoices.accountId,
          number: invoices.number,
          status: invoices.status,
          currency: invoices.currency,
          grossMinor: invoices.grossMinor,
          paidMinor: invoices.paidMinor,
          creditedMinor: invoices.creditedMinor,
        })
        .from(invoices)
        .where(and(eq(invoices.workspaceId, workspaceId), sql`${invoices.id} = any(${sql.param(chunk)}::uuid[])`))
        .orderBy(asc(invoices.id))
        .for('update')),
    );
  }
  return locked.map((invoice) => ({ ...invoice, currency: invoice.currency as Currency }));
}

/**
 * Imports a bank statement (CSV or XLSX): its incoming lines are stored once each, matched to
 * open invoices by the invoice number in the purpose or, failing that, by an amount only one open
 * invoice has; matched lines become payments allocated to those invoices, the rest wait for a
 * person. One transaction: a statement is imported whole or not at all.
 */
export async function importStatement(
  ctx: UseCaseContext,
  bytes: Uint8Array,
  rawQuery: ImportStatementQuery,
): Promise<StatementImport> {
  const query = importStatementQuery.parse(rawQuery);
  const table = await readTable(bytes, {
    ...(query.encoding ? { encoding: query.encoding } : {}),
    ...(query.delimiter ? { delimiter: query.delimiter } : {}),
  });
  if (table.rows.length === 0) throw ruleViolated(bankMessages.emptyStatement);
  const mapping = detectMapping(table, {
    date: query.dateColumn,
    amount: query.amountColumn,
    credit: query.creditColumn,
    currency: query.currencyColumn,
    payer: query.payerColumn,
    purpose: query.purposeColumn,
    reference: query.referenceColumn,
  });
  if (!mapping.date) throw ruleViolated(bankMessages.dateColumnMissing, undefined, 'dateColumn');
  if (!mapping.amount && !mapping.credit)
    throw ruleViolated(bankMessages.amountColumnMissing, undefined, 'amountColumn');
  const settings = await getFinanceSettings(ctx);
  const { lines, skipped, problems } = readStatementLines(table, mapping, settings.baseCurrency);
  // NOTE: imports of one workspace take turns, so two uploads of one statement cannot both see
  // its lines as new; the unique fingerprint stands behind it.
  await lockForTransaction(ctx.db, 'bank-statement', ctx.actor.workspaceId);
  const fresh = await newLines(ctx, lines);
  const candidates = await lockCandidates(ctx, fresh);
  const matches = await writeStatementLines(ctx, fresh, candidates);
  return {
    lines: lines.length,
    duplicates: lines.length - fresh.length,
    skipped,
    matched: matches,
    unmatched: fresh.length - matches,
    mapping,
    problems: problems.slice(0, 100),
  };
}
