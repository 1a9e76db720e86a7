import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { readTable } from './read-table';
import { columnsOf, type Delimiter, type FileFormat, type TableColumn, type TextEncoding } from './table';

/** The file's piece at a position (0, 1, …), or nothing past the last one. */
export type ChunkReader = (position: number) => Promise<Uint8Array | undefined>;

/** How a stored file is read: its format and, for text, encoding and delimiter. */
export type Reading = { format: FileFormat; encoding?: TextEncoding | undefined; delimiter?: Delimiter | undefined };

async function* chunksOf(read: ChunkReader): AsyncGenerator<Uint8Array> {
  for (let position = 0; ; position += 1) {
    const chunk = await read(position);
    if (!chunk) return;
    yield chunk;
  }
}

/** The whole file at once: XLSX (a ZIP) and HTML tables are read whole (decision 0015). */
export async function wholeFile(read: ChunkReader): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of chunksOf(read)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* textOf(read: ChunkReader, encoding: TextEncoding): AsyncGenerator<string> {
  // NOTE: a streaming decoder keeps a character split between two pieces whole; it drops a BOM.
  const decoder = new TextDecoder(encoding === 'windows-1251' ? 'windows-1251' : 'utf-8');
  for await (const chunk of chunksOf(read)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

/**
 * Every row of the file that is not blank, the header first, as it is parsed: CSV and TSV as a
 * stream (memory stays flat whatever the size), XLSX and HTML whole.
 */
export async function* rowsOf(read: ChunkReader, reading: Reading): AsyncGenerator<string[]> {
  if (reading.format !== 'csv') {
    const table = await readTable(await wholeFile(read), reading);
    yield table.columns.map((column) => column.header);
    yield* table.rows;
    return;
  }
  const source = Readable.from(textOf(read, reading.encoding ?? 'utf-8'));
  const parser = parse({
    delimiter: reading.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<string[]>) if (!isBlank(row)) yield row;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The data rows (after the header), each as long as the columns. */
export async function* dataRowsOf(read: ChunkReader, reading: Reading, width: number): AsyncGenerator<string[]> {
  let header = true;
  for await (const row of rowsOf(read, reading)) {
    if (header) {
      header = false;
      continue;
    }
    yield row.length === width ? row : Array.from({ length: width }, (_, index) => row[index] ?? '');
  }
}

/** What one pass over the file learns: its columns and how many data rows it has. */
export type FileOutline = { columns: TableColumn[]; totalRows: number };

/**
 * Reads the file once for its columns and row count. Trailing columns with no header and no value
 * in any row (Bitrix24's `;` after every field) are dropped, as when the file is read whole.
 */
export async function outlineOf(read: ChunkReader, reading: Reading): Promise<FileOutline> {
  if (reading.format !== 'csv') {
    const table = await readTable(await wholeFile(read), reading);
    return { columns: table.columns, totalRows: table.rows.length };
  }
  let headers: string[] | undefined;
  let totalRows = 0;
  let widestValue = 0;
  for await (const row of rowsOf(read, reading)) {
    if (!headers) {
      headers = row;
      continue;
    }
    totalRows += 1;
    for (let index = Math.min(row.length, headers.length) - 1; index >= widestValue; index -= 1) {
      if ((row[index] ?? '').trim() !== '') {
        widestValue = index + 1;
        break;
      }
    }
  }
  if (!headers) return { columns: [], totalRows: 0 };
  let width = headers.length;
  while (width > widestValue && headers[width - 1]?.trim() === '') width -= 1;
  return { columns: columnsOf(headers.slice(0, width)), totalRows };
}
