import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountListItem, accountFilters, listAccounts } from '../accounts';
import { type ContactListItem, listContacts } from '../contacts';
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

export type ExportFile = { body: Uint8Array; contentType: string; fileName: string };

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name);
  return String(value);
}

/** Every page of a list, one by one (the list's own visibility rules apply). */
async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function fileOf(
  kind: ImportKind,
  rows: Record<string, unknown>[],
  format: ExportFormat,
  locale: Locale,
): Promise<ExportFile> {
  const columns: ExportColumn[] = exportColumns[kind];
  const header = columns.map((column) => column[locale]);
  const cells = rows.map((row) => columns.map((column) => cellOf(row[column.key])));
  if (format === 'csv') {
    // NOTE: a BOM, so Excel opens the UTF-8 file with Cyrillic intact.
    const text = `\uFEFF${stringify([header, ...cells])}`;
    return { body: new TextEncoder().encode(text), contentType: 'text/csv; charset=utf-8', fileName: `${kind}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind);
  sheet.addRow(header);
  for (const row of cells) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${kind}.xlsx`,
  };
}

/** The accounts list with its filters as CSV or XLSX, in a shape that imports back (source `accord`). */
export async function exportAccounts(ctx: UseCaseContext, rawQuery: ExportAccountsQuery, locale: Locale) {
  const { format, ...filters } = exportAccountsQuery.parse(rawQuery);
  const rows = await allPages<AccountListItem>((cursor) =>
    listAccounts(ctx, { ...filters, sort: 'name', limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  return fileOf('accounts', rows, format, locale);
}

/** The contacts list (of the workspace or one account, optionally searched) as CSV or XLSX. */
export async function exportContacts(ctx: UseCaseContext, rawQuery: ExportContactsQuery, locale: Locale) {
  const { format, ...filters } = exportContactsQuery.parse(rawQuery);
  const rows = await allPages<ContactListItem>((cursor) =>
    listContacts(ctx, { ...filters, sort: 'fullName', limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  return fileOf('contacts', rows, format, locale);
}
