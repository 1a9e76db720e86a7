import { and, asc, desc } from 'drizzle-orm';
import { minorToDecimal } from '../../analytics/money/money';
import type { Locale } from '../../platform/i18n/locale';
import { message, translate } from '../../platform/i18n/text';
import { maxExportRows, type TableFile, textCell, writeTableFile } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { accountOfInvoice, type InvoiceSummary, invoiceSummaryColumns } from './get-invoice';
import { invoiceConditions } from './list-invoices';
import { csvHeaders, statusNames } from './messages';
import { invoices } from './schema';
import { exportInvoicesQuery } from './schemas';

/**
 * The invoice list as CSV or XLSX in the reader's language, with the list's filters; amounts as exact
 * decimals with a dot (no float ever made them). UTF-8 with a byte-order mark for spreadsheets.
 */
export async function exportInvoices(ctx: UseCaseContext, rawQuery: unknown, locale: Locale): Promise<TableFile> {
  const { format, ...query } = exportInvoicesQuery.parse(rawQuery);
  const today = await workspaceToday(ctx);
  const rows = (await ctx.db
    .select(invoiceSummaryColumns(today))
    .from(invoices)
    .innerJoin(accounts, accountOfInvoice)
    .where(and(...invoiceConditions(ctx, query, today)))
    .orderBy(desc(invoices.issuedOn), asc(invoices.sequence))
    .limit(maxExportRows)) as InvoiceSummary[];
  const say = (text: Parameters<typeof message>[0]) => translate(locale, message(text));
  const header = [
    csvHeaders.number,
    csvHeaders.account,
    csvHeaders.status,
    csvHeaders.issuedOn,
    csvHeaders.dueOn,
    csvHeaders.currency,
    csvHeaders.net,
    csvHeaders.vat,
    csvHeaders.gross,
    csvHeaders.paid,
    csvHeaders.credited,
    csvHeaders.open,
    csvHeaders.daysOverdue,
  ].map(say);
  const body = rows.map((row) => [
    row.number ?? '',
    textCell(row.account.name),
    say(statusNames[row.status] ?? { en: row.status, ru: row.status }),
    row.issuedOn ?? '',
    row.dueOn ?? '',
    row.currency,
    minorToDecimal(row.netMinor, row.currency),
    minorToDecimal(row.vatMinor, row.currency),
    minorToDecimal(row.grossMinor, row.currency),
    minorToDecimal(row.paidMinor, row.currency),
    minorToDecimal(row.creditedMinor, row.currency),
    minorToDecimal(row.openMinor, row.currency),
    String(row.daysOverdue),
  ]);
  return writeTableFile(format, { file: 'invoices', sheet: say(csvHeaders.sheet) }, header, body);
}
