/** How a file was read: what the user sees and may correct before mapping. */
export type FileFormat = 'csv' | 'xlsx' | 'html';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';
export type Delimiter = ',' | ';' | '\t' | '|';

export const fileFormats = ['csv', 'xlsx', 'html'] as const satisfies readonly FileFormat[];
export const textEncodings = ['utf-8', 'utf-8-bom', 'windows-1251'] as const satisfies readonly TextEncoding[];
export const delimiters = [',', ';', '\t', '|'] as const satisfies readonly Delimiter[];

/** A column of the file; `key` is unique even when headers repeat (amoCRM writes «Телефон» twice). */
export type TableColumn = { index: number; header: string; key: string; hidden: boolean };

/** A file read into rows of text cells, every row as long as the header. */
export type Table = {
  format: FileFormat;
  encoding: TextEncoding | undefined;
  delimiter: Delimiter | undefined;
  columns: TableColumn[];
  rows: string[][];
};

/** Gives repeated headers a ` (2)`, ` (3)`… suffix so every column has its own key. */
export function columnsOf(headers: string[], hidden: (index: number) => boolean = () => false): TableColumn[] {
  const seen = new Map<string, number>();
  return headers.map((raw, index) => {
    const header = raw.trim();
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return { index, header, key: count === 1 ? header : `${header} (${count})`, hidden: hidden(index) };
  });
}

/** Drops trailing columns that have no header and no value in any row (Bitrix24's `;` after every field). */
export function trimEmptyTrailingColumns(headers: string[], rows: string[][]): { headers: string[]; rows: string[][] } {
  let width = headers.length;
  while (width > 0 && headers[width - 1]?.trim() === '' && rows.every((row) => (row[width - 1] ?? '').trim() === '')) {
    width -= 1;
  }
  const fit = (row: string[]) => Array.from({ length: width }, (_, index) => row[index] ?? '');
  return { headers: headers.slice(0, width), rows: rows.map(fit) };
}

/** Drops rows in which every cell is blank. */
export function withoutBlankRows(rows: string[][]): string[][] {
  return rows.filter((row) => row.some((cell) => cell.trim() !== ''));
}
