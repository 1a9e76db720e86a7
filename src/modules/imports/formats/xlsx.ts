import ExcelJS from 'exceljs';

export type SheetRows = { rows: string[][]; hiddenColumns: Set<number> };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
      ? ''
      : cellText(result);
  }
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

/**
 * Reads the first visible worksheet of an XLSX file into rows of text (dates as ISO). Hidden
 * columns are reported, not dropped: Dynamics 365 hides its `(Do Not Modify)` record id there.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((candidate) => candidate.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return { rows: [], hiddenColumns: new Set() };
  const width = sheet.columnCount;
  const hiddenColumns = new Set<number>();
  for (let column = 1; column <= width; column += 1) {
    if (sheet.getColumn(column).hidden) hiddenColumns.add(column - 1);
  }
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  });
  return { rows, hiddenColumns };
}

/** Whether the bytes start like a ZIP archive (XLSX is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
