import { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import { readAllPages } from '../../platform/pagination';
import { maxExportRows, textCell, writeTableFile } from '../../platform/table-file';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountListItem, accountFilters, listAccounts } from '../accounts';
import { type ContactListItem, listContacts } from '../contacts';
import { type Interaction, listInteractions, listInteractionsQuery } from '../relationships';
import { type ExportColumn, exportColumns } from './formats/export-columns';
import type { ImportKind } from './formats/fields';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportAccountsQuery = accountFilters.extend({ format: z.enum(exportFormats).default('csv') });
export type ExportAccountsQuery = z.input<typeof exportAccountsQuery>;
export const exportContactsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  accountId: z.uuid().optional(),
  format: z.enum(exportFormats).default('csv'),
});
export type ExportContactsQuery = z.input<typeof exportContactsQuery>;
export const exportInteractionsQuery = listInteractionsQuery
  .omit({ cursor: true, limit: true, sort: true })
  .extend({ accountId: z.uuid(), format: z.enum(exportFormats).default('csv') });
export type ExportInteractionsQuery = z.input<typeof exportInteractionsQuery>;

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  return String(value);
}

/**
 * The rows as CSV or XLSX under the kind's import headers. A text a spreadsheet would run as a
 * formula is marked as text (`'=…`); importing the file back takes the mark off.
 */
function fileOf(kind: ImportKind, rows: Record<string, unknown>[], format: ExportFormat, locale: Locale) {
  const columns: ExportColumn[] = exportColumns[kind];
  const header = columns.map((column) => column[locale]);
  const cells = rows.map((row) => columns.map((column) => textCell(cellOf(row[column.key]))));
  return writeTableFile(format, { file: kind, sheet: kind }, header, cells);
}

/** The accounts list with its filters as CSV or XLSX, in a shape that imports back (source `accord`). */
export async function exportAccounts(ctx: UseCaseContext, rawQuery: ExportAccountsQuery, locale: Locale) {
  const { format, ...filters } = exportAccountsQuery.parse(rawQuery);
  const rows = await readAllPages<AccountListItem>(
    (cursor) => listAccounts(ctx, { ...filters, sort: 'name', limit: 500, ...(cursor ? { cursor } : {}) }),
    maxExportRows,
  );
  return fileOf('accounts', rows, format, locale);
}

/** The contacts list (of the workspace or one account, optionally searched) as CSV or XLSX. */
export async function exportContacts(ctx: UseCaseContext, rawQuery: ExportContactsQuery, locale: Locale) {
  const { format, ...filters } = exportContactsQuery.parse(rawQuery);
  const rows = await readAllPages<ContactListItem>(
    (cursor) => listContacts(ctx, { ...filters, sort: 'fullName', limit: 500, ...(cursor ? { cursor } : {}) }),
    maxExportRows,
  );
  return fileOf('contacts', rows, format, locale);
}

/** An account's timeline (with its filters) as CSV or XLSX, in a shape that imports back as activities. */
export async function exportInteractions(ctx: UseCaseContext, rawQuery: ExportInteractionsQuery, locale: Locale) {
  const { format, accountId, ...filters } = exportInteractionsQuery.parse(rawQuery);
  const rows = await readAllPages<Interaction>(
    (cursor) => listInteractions(ctx, accountId, { ...filters, limit: 200, ...(cursor ? { cursor } : {}) }),
    maxExportRows,
  );
  const flat = rows.map((row) => ({
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    contactIds: row.contacts.map((contact) => contact.id),
    participants: row.contacts.map((contact) => contact.fullName),
  }));
  return fileOf('interactions', flat, format, locale);
}
