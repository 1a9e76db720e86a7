import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../platform/project-path';
import { detectKind, detectSource } from './formats/detect-source';
import { readTable } from './formats/read-table';
import { suggestMapping } from './formats/suggest';
import type { Table } from './formats/table';
import { draftOpportunity, type OpportunityDraft } from './opportunity-drafts';
import { rowNumberOf } from './row-drafts';

const fixture = (...parts: string[]) => readFile(projectPath(...parts));
const defaults = { currency: 'RUB', dateOrder: 'day-first' } as const;

/** Every row of a deals table drafted under the suggested mapping. */
function draftAll(table: Table, source: ReturnType<typeof detectSource>) {
  const mapping = suggestMapping('opportunities', table.columns, source);
  return table.rows.map((row, index) =>
    draftOpportunity(source, table.columns, mapping, row, index, rowNumberOf(index), defaults),
  );
}

const draftsOf = (results: ReturnType<typeof draftAll>) =>
  results.flatMap((result) => ('draft' in result ? [result.draft] : []));

describe('deal files', () => {
  it('reads Salesforce opportunities in the tree format: @AccountRef references, ISO times, exact amounts', async () => {
    const table = await readTable(
      await fixture('..', 'shared', 'fixtures', 'imports', 'salesforce-apex-recipes', 'Opportunities.csv'),
    );
    expect(detectSource(table)).toBe('salesforce');
    expect(detectKind(table)).toBe('opportunities');
    expect(suggestMapping('opportunities', table.columns, 'salesforce')).toEqual({
      amount: 'amount',
      closedate: 'closeDate',
      name: 'dealName',
      StageName: 'stage',
      accountId: 'accountExternalId',
    });
    const drafts = draftsOf(draftAll(table, 'salesforce'));
    expect(drafts).toHaveLength(50);
    expect(drafts[0]).toMatchObject<Partial<OpportunityDraft>>({
      externalId: 'OpportunityRef1',
      title: 'Cape starling',
      accountExternalId: 'AccountRef32',
      stage: 'Id. Decision Makers',
      amountMinor: 11_937_334,
      currency: 'RUB',
      expectedCloseOn: '2020-12-22',
    });
  });

  it('reads a HubSpot deal export with English labels and company association columns', async () => {
    const table = await readTable(await fixture('tests', 'fixtures', 'imports', 'hubspot-deals.csv'));
    expect(detectSource(table)).toBe('hubspot');
    expect(detectKind(table)).toBe('opportunities');
    expect(suggestMapping('opportunities', table.columns, 'hubspot')).toMatchObject({
      'Record ID': 'externalId',
      'Deal Name': 'dealName',
      'Deal Stage': 'stage',
      Amount: 'amount',
      'Close Date': 'closeDate',
      'Associated Company': 'accountName',
      'Associated Company IDs': 'accountExternalId',
    });
    const drafts = draftsOf(draftAll(table, 'hubspot'));
    expect(drafts.map((draft) => [draft.externalId, draft.title, draft.amountMinor, draft.accountExternalId])).toEqual([
      ['9001', 'Northwind renewal 2027', 1_250_050, '501'],
      ['9002', 'Contoso, pilot', 400_000, '502'],
    ]);
  });

  it('reads a Bitrix24 deal export: BOM, `;` after every field, `1 234 567,89`, one row per product', async () => {
    const table = await readTable(await fixture('tests', 'fixtures', 'imports', 'bitrix24-deals.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(table.columns.at(-1)?.header).toBe('Количество');
    expect(detectSource(table)).toBe('bitrix24');
    expect(detectKind(table)).toBe('opportunities');
    const mapping = suggestMapping('opportunities', table.columns, 'bitrix24');
    expect(mapping).toMatchObject({
      ID: 'externalId',
      'Название сделки': 'dealName',
      'Стадия сделки': 'stage',
      Сумма: 'amount',
      Валюта: 'currency',
      Компания: 'accountName',
      'Предполагаемая дата закрытия': 'closeDate',
    });
    expect(Object.keys(mapping)).not.toContain('Цена');
    const drafts = draftsOf(draftAll(table, 'bitrix24'));
    expect(drafts[0]).toMatchObject({ externalId: '77', amountMinor: 123_456_789, expectedCloseOn: '2026-12-26' });
    expect(drafts[1]?.externalId).toBe('77');
    expect(drafts[2]).toMatchObject({ stage: 'Стадия Х', accountName: 'ИП Ёлкин', expectedCloseOn: '2027-01-15' });
  });

  it('reads an amoCRM deal export with «Бюджет» and «Этап сделки»', async () => {
    const table = await readTable(await fixture('tests', 'fixtures', 'imports', 'amocrm-deals.csv'));
    expect(detectSource(table)).toBe('amocrm');
    expect(detectKind(table)).toBe('opportunities');
    const drafts = draftsOf(draftAll(table, 'amocrm'));
    expect(drafts.map((draft) => [draft.externalId, draft.amountMinor, draft.stage, draft.expectedCloseOn])).toEqual([
      ['3301', 25_000_000, 'Переговоры', '2027-03-01'],
      ['3302', 1_500_000, 'Успешно реализовано', '2026-11-10'],
    ]);
  });

  it('names the column and the value of a bad amount, currency or date, and wants a company', () => {
    const columns = ['Name', 'Amount', 'Currency', 'Close date', 'Company'].map((header, index) => ({
      index,
      header,
      key: header,
      hidden: false,
    }));
    const mapping = suggestMapping('opportunities', columns, 'generic');
    const draft = (cells: string[]) => draftOpportunity('generic', columns, mapping, cells, 0, 2, defaults);
    const bad = draft(['Deal', '12,5 руб', '', '31.02.2026', '']);
    expect('problems' in bad && bad.problems.map((item) => [item.column, item.message.en])).toEqual([
      [null, 'A deal needs a company: map a company name, INN or id column.'],
      ['Amount', '“12,5 руб” is not an amount in RUB.'],
      ['Close date', '“31.02.2026” is not a date.'],
    ]);
    const currency = draft(['Deal', '10', 'XYZ', '2027-01-01', 'Acme']);
    expect('problems' in currency && currency.problems.map((item) => [item.column, item.message.ru])).toEqual([
      ['Currency', '«XYZ» — не валюта, известная Accord (RUB, USD, EUR…).'],
    ]);
    const good = draft(['Deal', '1,234.56', 'usd', '2/24/2027', 'Acme']);
    expect('draft' in good && good.draft).toMatchObject({
      amountMinor: 123_456,
      currency: 'USD',
      expectedCloseOn: '2027-02-24',
      externalId: 'name:acme|deal',
    });
  });
});
