import { detectDelimiter, parseCsv } from './csv';
import { decodeText, detectEncoding } from './decode';
import { looksLikeHtml, parseHtmlTable } from './html-table';
import {
  columnsOf,
  type Delimiter,
  type FileFormat,
  type Table,
  type TextEncoding,
  trimEmptyTrailingColumns,
  withoutBlankRows,
} from './table';
import { looksLikeZip, readXlsx } from './xlsx';

/** What the user corrected in the detection; anything left out is detected. */
export type ReadOptions = { format?: FileFormat; encoding?: TextEncoding; delimiter?: Delimiter };

/** Guesses the format from the bytes: ZIP is XLSX, an HTML page is Bitrix24's "Excel", else CSV. */
export function detectFormat(bytes: Uint8Array, encoding: TextEncoding): FileFormat {
  if (looksLikeZip(bytes)) return 'xlsx';
  return looksLikeHtml(decodeText(bytes.subarray(0, 4000), encoding)) ? 'html' : 'csv';
}

/** Reads a file of any supported format into a table with a header row. */
export async function readTable(bytes: Uint8Array, options: ReadOptions = {}): Promise<Table> {
  const sniffedEncoding = looksLikeZip(bytes) ? undefined : (options.encoding ?? detectEncoding(bytes));
  const format = options.format ?? detectFormat(bytes, sniffedEncoding ?? 'utf-8');
  if (format === 'xlsx') {
    const { rows, hiddenColumns } = await readXlsx(bytes);
    return tableOf(format, undefined, undefined, rows, (index) => hiddenColumns.has(index));
  }
  const encoding = sniffedEncoding ?? 'utf-8';
  const text = decodeText(bytes, encoding);
  if (format === 'html') return tableOf(format, encoding, undefined, parseHtmlTable(text));
  const delimiter = options.delimiter ?? detectDelimiter(text);
  return tableOf(format, encoding, delimiter, parseCsv(text, delimiter));
}

function tableOf(
  format: FileFormat,
  encoding: TextEncoding | undefined,
  delimiter: Delimiter | undefined,
  allRows: string[][],
  hidden?: (index: number) => boolean,
): Table {
  const [header = [], ...body] = withoutBlankRows(allRows);
  const { headers, rows } = trimEmptyTrailingColumns(header, body);
  return { format, encoding, delimiter, columns: columnsOf(headers, hidden), rows };
}
