import { and, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { containsPattern } from '../../platform/db/like';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { financeAccountScope } from './access';
import { accountOfInvoice, type InvoiceSummary, invoiceSummaryColumns } from './get-invoice';
import { invoices } from './schema';
import { type ListInvoicesQuery, listInvoicesQuery } from './schemas';

type InvoiceFilters = Pick<ReturnType<typeof listInvoicesQuery.parse>, 'accountId' | 'status' | 'currency' | 'q'>;

/** Conditions of the invoice list's filters, within the workspace and the actor's accounts. */
export function invoiceConditions(ctx: UseCaseContext, filters: InvoiceFilters, today: string): SQL[] {
  const statuses = filters.status?.filter((status) => status !== 'overdue') ?? [];
  const overdue = filters.status?.includes('overdue')
    ? sql`(${invoices.status} in ('issued', 'sent', 'partly_paid') and ${invoices.dueOn} < ${today}::date)`
    : undefined;
  const status = statuses.length > 0 ? inArray(invoices.status, statuses) : undefined;
  return [
    eq(invoices.workspaceId, ctx.actor.workspaceId),
    financeAccountScope(ctx, invoices.accountId),
    filters.accountId ? eq(invoices.accountId, filters.accountId) : undefined,
    status && overdue ? or(status, overdue) : (status ?? overdue),
    filters.currency ? eq(invoices.currency, filters.currency) : undefined,
    filters.q
      ? or(ilike(invoices.number, containsPattern(filters.q)), ilike(accounts.name, containsPattern(filters.q)))
      : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
}

/** A page of invoices, filtered (status, `overdue`, account, currency), searched by number or account, sorted. */
export async function listInvoices(ctx: UseCaseContext, rawQuery: ListInvoicesQuery): Promise<Page<InvoiceSummary>> {
  const query = listInvoicesQuery.parse(rawQuery);
  const today = await workspaceToday(ctx);
  const page = keyset({
    sort: query.sort,
    expressions: {
      number: sql`coalesce(${invoices.sequence}, 0)`,
      issuedOn: sql`coalesce(${invoices.issuedOn}, '0001-01-01'::date)`,
      dueOn: sql`coalesce(${invoices.dueOn}, '0001-01-01'::date)`,
      grossMinor: invoices.grossMinor,
      createdAt: invoices.createdAt,
      status: invoices.status,
    },
    id: invoices.id,
    cursor: query.cursor,
  });
  const conditions = invoiceConditions(ctx, query, today);
  const rows = await ctx.db
    .select({ ...invoiceSummaryColumns(today), sortKey: page.sortKey })
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .where(and(...conditions, page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  const result = toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => row as InvoiceSummary);
  if (!query.total) return result;
  const [counted] = await ctx.db
    .select({ total: count() })
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .where(and(...conditions));
  return { ...result, total: counted?.total ?? 0 };
}
