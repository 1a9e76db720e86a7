import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../platform/project-path';
import { detectDelimiter, parseCsv } from './csv';
import { decodeText, detectEncoding } from './decode';
import { detectKind, detectSource } from './detect-source';
import { readTable } from './read-table';
import { suggestMapping } from './suggest';
import { detectDateOrder, parseBoolean, parseDate, parseNumber, splitMultiValue } from './values';

const fixture = (name: string) => readFile(projectPath('tests', 'fixtures', 'imports', name));

describe('reading files', () => {
  it('reads a windows-1251 Bitrix24 CSV with `;` after every field', async () => {
    const table = await readTable(await fixture('bitrix24-companies-1251.csv'));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
    expect(table.columns.map((column) => column.header)).toEqual([
      'ID',
      'Название компании',
      'Тип компании',
      'Сфера деятельности',
      'Телефон',
      'E-mail',
      'Веб-сайт',
      'ИНН',
      'Ответственный',
      'Комментарий',
      'Дата создания',
    ]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]?.[1]).toBe('ООО «Ромашка»');
    expect(table.rows[0]?.[9]).toBe('Ключевой клиент; оплата 1 234,56');
    expect(table.rows[2]?.[1]).toBe('ИП Ёлкин');
    expect(detectSource(table)).toBe('bitrix24');
    expect(detectKind(table)).toBe('accounts');
  });

  it('reads UTF-8 with a BOM, quotes and a newline inside a field', async () => {
    const table = await readTable(await fixture('bitrix24-contacts-bom.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(table.columns[0]?.header).toBe('ID');
    expect(table.columns).toHaveLength(9);
    expect(table.rows[0]?.[8]).toBe('Говорит "да" редко\nвторая строка');
    expect(detectSource(table)).toBe('bitrix24');
    expect(detectKind(table)).toBe('contacts');
  });

  it('keeps duplicate amoCRM headers apart', async () => {
    const table = await readTable(await fixture('amocrm-contacts.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(table.columns.map((column) => column.key)).toContain('Телефон (2)');
    expect(detectSource(table)).toBe('amocrm');
    const mapping = suggestMapping('contacts', table.columns, 'amocrm');
    expect(mapping).toMatchObject({
      ID: 'externalId',
      'Полное имя': 'fullName',
      Компания: 'accountName',
      Телефон: 'phone',
      'Телефон (2)': 'phone',
      'Рабочий email': 'email',
    });
  });

  it('reads Bitrix24 "Excel" that is an HTML table, tags as text never markup', async () => {
    const table = await readTable(await fixture('bitrix24-companies.xls'));
    expect(table.format).toBe('html');
    expect(table.rows[0]).toEqual(['101', 'ООО «Ромашка»', 'Клиент', 'Иван Петров', '<script>alert(1)</script>']);
    expect(table.rows[1]?.[1]).toBe('ЗАО Север');
    expect(detectSource(table)).toBe('bitrix24');
  });

  it('reads Dynamics 365 XLSX with its hidden (Do Not Modify) columns as the external key', async () => {
    const table = await readTable(await fixture('dynamics-accounts.xlsx'));
    expect(table.format).toBe('xlsx');
    expect(table.columns.filter((column) => column.hidden).map((column) => column.header)).toEqual([
      '(Do Not Modify) Account',
      '(Do Not Modify) Row Checksum',
      '(Do Not Modify) Modified On',
    ]);
    expect(table.rows[1]?.[7]).toBe('2');
    expect(detectSource(table)).toBe('dynamics');
    expect(suggestMapping('accounts', table.columns, 'dynamics')).toEqual({
      '(Do Not Modify) Account': 'externalId',
      'Account Name': 'name',
      'Parent Account': 'parentName',
      Website: 'website',
    });
  });

  it('detects Salesforce exports by API names and by @AccountRef references', async () => {
    const contacts = await readTable(await fixture('salesforce-contacts.csv'));
    expect(detectSource(contacts)).toBe('salesforce');
    expect(suggestMapping('contacts', contacts.columns, 'salesforce')).toMatchObject({
      Id: 'externalId',
      AccountId: 'accountExternalId',
      ReportsToId: 'reportsToExternalId',
      FirstName: 'firstName',
      LastName: 'lastName',
    });
    const tree = await readTable(
      await readFile(projectPath('..', 'shared', 'fixtures', 'imports', 'salesforce-apex-recipes', 'Contacts.csv')),
    );
    expect(detectSource(tree)).toBe('salesforce');
  });

  it('detects delimiters and encodings on small samples', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a;b,c;d\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('"x;y",b\n"1;2",3\n')).toBe(',');
    expect(detectEncoding(new Uint8Array([0xcf, 0xf0, 0xe8]))).toBe('windows-1251');
    expect(decodeText(new Uint8Array([0xcf, 0xf0, 0xe8]), 'windows-1251')).toBe('При');
    expect(parseCsv('a,b\n"1\n2",3\n', ',')).toEqual([
      ['a', 'b'],
      ['1\n2', '3'],
    ]);
  });
});

describe('values', () => {
  it('parses numbers written the Russian and the English way', () => {
    expect(parseNumber('1 234,56')).toBe(1234.56);
    expect(parseNumber('1\u00a0234,56')).toBe(1234.56);
    expect(parseNumber('1,234.56')).toBe(1234.56);
    expect(parseNumber('1.234,56')).toBe(1234.56);
    expect(parseNumber('119373.34')).toBe(119373.34);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('-1E02')).toBe(-100);
    expect(parseNumber('abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('parses dates in ISO, Russian and American forms', () => {
    expect(parseDate('26.11.2026')?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(parseDate('26.11.2026 10:15:00')?.toISOString()).toBe('2026-11-26T10:15:00.000Z');
    expect(parseDate('2/24/2003', 'month-first')?.toISOString()).toBe('2003-02-24T00:00:00.000Z');
    expect(parseDate('2/24/2003')?.toISOString()).toBe('2003-02-24T00:00:00.000Z');
    expect(parseDate('2003-02-24T10:00:00.000+0000')?.toISOString()).toBe('2003-02-24T10:00:00.000Z');
    expect(parseDate('2003-02-24T10:00:00+03:00')?.toISOString()).toBe('2003-02-24T07:00:00.000Z');
    expect(parseDate('2020-12-22T21:16:01Z')?.toISOString()).toBe('2020-12-22T21:16:01.000Z');
    expect(parseDate('31.02.2026')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
    expect(detectDateOrder(['1/2/2003', '2/24/2003'])).toBe('month-first');
    expect(detectDateOrder(['24/2/2003'])).toBe('day-first');
  });

  it('parses booleans and multi-values', () => {
    expect(parseBoolean('TRUE')).toBe(true);
    expect(parseBoolean('false')).toBe(false);
    expect(parseBoolean('Да')).toBe(true);
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(splitMultiValue('+7 495 123-45-67, +7 495 765-43-21')).toEqual(['+7 495 123-45-67', '+7 495 765-43-21']);
  });
});
