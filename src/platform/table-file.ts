import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Locale } from './i18n/locale';
import { type LocalizedText, message, translate } from './i18n/text';

export type ExportFormat = 'csv' | 'xlsx';
export type TableFile = { body: Uint8Array; contentType: string; fileName: string };

/** Exports are capped: a workspace's records for several years fit, a runaway query does not. */
export const maxExportRows = 100_000;

/** A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is kept as text. */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A list as CSV (UTF-8 with a byte-order mark, for spreadsheets) or XLSX. Every cell is text:
 * amounts stay exact decimals with a dot, as no spreadsheet number (a float) could keep them.
 */
export async function writeTableFile(
  format: ExportFormat,
  name: { file: string; sheet: string },
  header: string[],
  rows: string[][],
): Promise<TableFile> {
  if (format === 'csv') {
    const text = `\ufeff${stringify([header, ...rows])}`;
    return {
      body: new TextEncoder().encode(text),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${name.file}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.sheet);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return {
    body: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${name.file}.xlsx`,
  };
}

/**
 * One column of a list export: its header in both languages and how a row fills it. A `text`
 * column holds what people typed (names, descriptions), so it is guarded against formulas.
 */
export type TableColumn<Row> = {
  header: LocalizedText;
  cell: (row: Row, locale: Locale) => string | number | null | undefined;
  text?: boolean;
};

/** Rows as a CSV or XLSX file through their columns, headers in the reader's language. */
export function writeTableRows<Row>(
  format: ExportFormat,
  name: { file: string; sheet: LocalizedText },
  columns: TableColumn<Row>[],
  rows: Row[],
  locale: Locale,
): Promise<TableFile> {
  const header = columns.map((column) => translate(locale, message(column.header)));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.cell(row, locale);
      const cell = value === null || value === undefined ? '' : String(value);
      return column.text ? textCell(cell) : cell;
    }),
  );
  return writeTableFile(format, { file: name.file, sheet: translate(locale, message(name.sheet)) }, header, body);
}

/** The export's format, with the list's own filters beside it. */
export const exportFormatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
