import { and, desc } from 'drizzle-orm';
import { type Currency, minorToDecimal } from '../../analytics/money/money';
import type { Locale } from '../../platform/i18n/locale';
import { message, translate } from '../../platform/i18n/text';
import { maxExportRows, type TableFile, textCell, writeTableFile } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { listActs } from './acts';
import { selectChaseItems } from './chase-list';
import type { Contract } from './contracts';
import { listContracts } from './list-contracts';
import { chaseActionNames, contractWords, csvHeaders } from './messages';
import { accountOfPayment, paymentColumns, paymentConditions } from './payments';
import { payments } from './schema';
import { exportActsQuery, exportChaseListQuery, exportContractsQuery, exportPaymentsQuery } from './schemas';

const sayIn = (locale: Locale) => (text: Parameters<typeof message>[0]) => translate(locale, message(text));

/** The payment list as CSV or XLSX in the reader's language, with its filters (account, credit left). */
export async function exportPayments(ctx: UseCaseContext, rawQuery: unknown, locale: Locale): Promise<TableFile> {
  const { format, ...query } = exportPaymentsQuery.parse(rawQuery);
  const say = sayIn(locale);
  const rows = await ctx.db
    .select(paymentColumns)
    .from(payments)
    .innerJoin(accounts, accountOfPayment)
    .where(and(...paymentConditions(ctx, query)))
    .orderBy(desc(payments.receivedOn), desc(payments.id))
    .limit(maxExportRows);
  const header = [
    csvHeaders.receivedOn,
    csvHeaders.account,
    csvHeaders.currency,
    csvHeaders.amount,
    csvHeaders.allocated,
    csvHeaders.unallocated,
    csvHeaders.reference,
    csvHeaders.note,
  ].map(say);
  const body = rows.map((row) => {
    const currency = row.currency as Currency;
    return [
      row.receivedOn,
      textCell(row.account.name),
      currency,
      minorToDecimal(row.amountMinor, currency),
      minorToDecimal(row.allocatedMinor, currency),
      minorToDecimal(row.unallocatedMinor, currency),
      textCell(row.reference ?? ''),
      textCell(row.note ?? ''),
    ];
  });
  return writeTableFile(format, { file: 'payments', sheet: say(csvHeaders.paymentsSheet) }, header, body);
}

/** The chase list (overdue invoices, the latest first, with who chases and the next step) as CSV or XLSX. */
export async function exportChaseList(ctx: UseCaseContext, rawQuery: unknown, locale: Locale): Promise<TableFile> {
  const { format, ...query } = exportChaseListQuery.parse(rawQuery);
  const say = sayIn(locale);
  const items = await selectChaseItems(ctx, query, maxExportRows);
  const header = [
    csvHeaders.number,
    csvHeaders.account,
    csvHeaders.owner,
    csvHeaders.currency,
    csvHeaders.open,
    csvHeaders.dueOn,
    csvHeaders.daysOverdue,
    csvHeaders.nextAction,
  ].map(say);
  const body = items.map((item) => [
    item.number ?? '',
    textCell(item.account.name),
    textCell(item.owner.name),
    item.currency,
    minorToDecimal(item.openMinor, item.currency),
    item.dueOn,
    String(item.daysOverdue),
    say(chaseActionNames[item.nextAction]),
  ]);
  return writeTableFile(format, { file: 'chase-list', sheet: say(csvHeaders.chaseSheet) }, header, body);
}

/** The contract list as CSV or XLSX, with the list's filters and order (page by page, up to the export limit). */
export async function exportContracts(ctx: UseCaseContext, rawQuery: unknown, locale: Locale): Promise<TableFile> {
  const { format, ...query } = exportContractsQuery.parse(rawQuery);
  const say = sayIn(locale);
  const rows: Contract[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContracts(ctx, { ...query, limit: 100, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < maxExportRows);
  const header = [
    csvHeaders.number,
    csvHeaders.account,
    csvHeaders.contractKind,
    csvHeaders.status,
    csvHeaders.signedOn,
    csvHeaders.startsOn,
    csvHeaders.endsOn,
    csvHeaders.currency,
    csvHeaders.value,
    csvHeaders.autoRenewal,
    csvHeaders.paymentTermsDays,
    csvHeaders.reminderOn,
  ].map(say);
  const body = rows
    .slice(0, maxExportRows)
    .map((row) => [
      textCell(row.number),
      textCell(row.account.name),
      say(contractWords[row.kind] ?? { en: row.kind, ru: row.kind }),
      say(contractWords[row.status] ?? { en: row.status, ru: row.status }),
      row.signedOn,
      row.startsOn,
      row.endsOn ?? '',
      row.currency,
      row.valueMinor === null ? '' : minorToDecimal(row.valueMinor, row.currency),
      say(row.autoRenewal ? csvHeaders.yes : csvHeaders.no),
      String(row.paymentTermsDays),
      row.reminderOn ?? '',
    ]);
  return writeTableFile(format, { file: 'contracts', sheet: say(csvHeaders.contractsSheet) }, header, body);
}

/** The acts of completed work (of an account or an invoice, or all) as CSV or XLSX, by date. */
export async function exportActs(ctx: UseCaseContext, rawQuery: unknown, locale: Locale): Promise<TableFile> {
  const { format, ...query } = exportActsQuery.parse(rawQuery);
  const say = sayIn(locale);
  const { items } = await listActs(ctx, query, maxExportRows);
  const header = [
    csvHeaders.number,
    csvHeaders.account,
    csvHeaders.actDate,
    csvHeaders.invoice,
    csvHeaders.currency,
    csvHeaders.amount,
    csvHeaders.signedOn,
  ].map(say);
  const body = items.map((act) => [
    textCell(act.number),
    textCell(act.account.name),
    act.actDate,
    act.invoiceNumber ?? '',
    act.currency,
    minorToDecimal(act.amountMinor, act.currency),
    act.signedOn ?? '',
  ]);
  return writeTableFile(format, { file: 'acts', sheet: say(csvHeaders.actsSheet) }, header, body);
}
