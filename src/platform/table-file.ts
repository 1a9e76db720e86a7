import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

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
