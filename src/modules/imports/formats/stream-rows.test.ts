import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../platform/project-path';
import { readTable } from './read-table';
import { type ChunkReader, dataRowsOf, outlineOf } from './stream-rows';

const fixture = (name: string) => readFile(projectPath('tests', 'fixtures', 'imports', name));

/** A file served in pieces of `size` bytes: characters, quoted fields and lines split anywhere. */
const piecesOf =
  (bytes: Uint8Array, size: number): ChunkReader =>
  async (position) =>
    position * size < bytes.byteLength ? bytes.subarray(position * size, (position + 1) * size) : undefined;

async function collect(rows: AsyncIterable<string[]>) {
  const all: string[][] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('reading a file as a stream of pieces', () => {
  it.each([
    'bitrix24-companies-1251.csv',
    'bitrix24-contacts-bom.csv',
    'amocrm-contacts.csv',
    'salesforce-accounts.csv',
    'salesforce-contacts.csv',
    'dynamics-accounts.xlsx',
  ])('reads %s in 5-byte pieces exactly as it reads the whole file', async (name) => {
    const bytes = await fixture(name);
    const whole = await readTable(bytes);
    const reading = { format: whole.format, encoding: whole.encoding, delimiter: whole.delimiter };
    for (const size of [5, 4096]) {
      const outline = await outlineOf(piecesOf(bytes, size), reading);
      expect(outline).toEqual({ columns: whole.columns, totalRows: whole.rows.length });
      expect(await collect(dataRowsOf(piecesOf(bytes, size), reading, outline.columns.length))).toEqual(whole.rows);
    }
  });

  it('keeps quoted newlines, doubled quotes and a Cyrillic letter split between pieces', async () => {
    const text = 'Name;Notes;\n"Ёлка";"две\nстроки, ""кавычки"""\n\n;;\nЯ;;\n';
    const bytes = new TextEncoder().encode(text);
    const reading = { format: 'csv' as const, encoding: 'utf-8' as const, delimiter: ';' as const };
    // NOTE: 3-byte pieces cut every two-byte Cyrillic letter somewhere.
    const outline = await outlineOf(piecesOf(bytes, 3), reading);
    expect(outline.columns.map((column) => column.header)).toEqual(['Name', 'Notes']);
    expect(outline.totalRows).toBe(2);
    expect(await collect(dataRowsOf(piecesOf(bytes, 3), reading, 2))).toEqual([
      ['Ёлка', 'две\nстроки, "кавычки"'],
      ['Я', ''],
    ]);
  });
});
