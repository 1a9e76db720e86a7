import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../platform/project-path';
import { detectKind, detectSource } from './formats/detect-source';
import type { ImportSource } from './formats/fields';
import { readTable } from './formats/read-table';
import { suggestMapping } from './formats/suggest';
import type { Table } from './formats/table';
import { draftInteraction, interactionKindOf } from './interaction-drafts';
import { draftKpiPoint, pointTimeOfCell } from './kpi-point-drafts';
import { rowNumberOf } from './row-drafts';
import type { RowProblem } from './schema';

const fixture = (name: string) => readFile(projectPath('tests', 'fixtures', 'imports', name));

function draftActivities(table: Table, source: ImportSource) {
  const mapping = suggestMapping('interactions', table.columns, source);
  return table.rows.map((row, index) =>
    draftInteraction(source, table.columns, mapping, row, rowNumberOf(index), 'day-first'),
  );
}

/** The rows that drafted, without those refused. */
function drafted<T extends { row: number; draft: unknown }>(results: (T | { row: number; problems: RowProblem[] })[]) {
  return results.flatMap((result) => ('draft' in result ? [result] : []));
}

describe('activity files', () => {
  it('reads a Salesforce Task export: WhoId, WhatId and AccountId, Type or TaskSubtype, a description on two lines', async () => {
    const table = await readTable(await fixture('salesforce-tasks.csv'));
    expect(detectSource(table)).toBe('salesforce');
    expect(detectKind(table)).toBe('interactions');
    expect(suggestMapping('interactions', table.columns, 'salesforce')).toEqual({
      Id: 'externalId',
      WhoId: 'contactExternalId',
      WhatId: 'relatedExternalId',
      AccountId: 'accountExternalId',
      Subject: 'subject',
      ActivityDate: 'interactionDate',
      Type: 'interactionType',
      TaskSubtype: 'interactionType',
      Description: 'summary',
    });
    const results = draftActivities(table, 'salesforce');
    const rows = drafted(results);
    expect(rows.map(({ draft }) => [draft.externalId, draft.interactionKind, draft.occurredAt])).toEqual([
      ['00T5g00000AbCdEAAA', 'call', '2026-10-05T00:00:00.000Z'],
      ['00T5g00000AbCdFAAA', 'email', '2026-10-06T00:00:00.000Z'],
      ['00T5g00000AbCdGAAA', 'note', '2026-12-10T00:00:00.000Z'],
    ]);
    expect(rows[0]?.draft).toMatchObject({
      accountExternalId: '0015g00000XyZ12AAB',
      contactExternalIds: ['0035g00000AbCdEAAV'],
      summary: 'Discussed the renewal terms.\nThey want a discount.',
    });
    expect(rows[1]?.draft).toMatchObject({ accountExternalId: null, relatedExternalId: '0065g00000OppyAAA' });
    expect(rows[2]?.notices?.map((notice) => [notice.column, notice.message.en, notice.notice])).toEqual([
      [
        'Type',
        'The type “Site visit” is not one Accord knows (meeting, call, e-mail, presentation, negotiation, messenger, note); stored as a note.',
        true,
      ],
    ]);
  });

  it('reads a HubSpot activity export: its types in capitals, association columns with several contacts', async () => {
    const table = await readTable(await fixture('hubspot-activities.csv'));
    expect(detectKind(table)).toBe('interactions');
    expect(suggestMapping('interactions', table.columns, 'hubspot')).toEqual({
      'Activity ID': 'externalId',
      'Activity type': 'interactionType',
      'Activity date': 'interactionDate',
      Subject: 'subject',
      Body: 'summary',
      'Associated Company IDs': 'accountExternalId',
      'Associated Contact IDs': 'contactExternalId',
    });
    const rows = drafted(draftActivities(table, 'hubspot'));
    expect(rows.map(({ draft }) => [draft.interactionKind, draft.subject, draft.contactExternalIds])).toEqual([
      ['meeting', 'Kick-off', ['601', '602']],
      ['call', 'Follow-up call: pricing', []],
      ['note', 'Internal note', []],
    ]);
    expect(rows[0]?.draft.occurredAt).toBe('2026-09-01T10:30:00.000Z');
  });

  it('reads a Bitrix24 «Дела» export: BOM, `;` after every field, Russian types, a person by name', async () => {
    const table = await readTable(await fixture('bitrix24-activities.csv'));
    expect(table).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(detectKind(table)).toBe('interactions');
    const mapping = suggestMapping('interactions', table.columns, 'bitrix24');
    expect(mapping).toMatchObject({
      ID: 'externalId',
      Тип: 'interactionType',
      Тема: 'subject',
      Описание: 'summary',
      'Дата начала': 'interactionDate',
      Компания: 'accountName',
      Контакт: 'contactName',
      Ответственный: 'owner',
    });
    const results = draftActivities(table, 'bitrix24');
    expect(drafted(results).map(({ draft }) => [draft.externalId, draft.interactionKind, draft.occurredAt])).toEqual([
      ['101', 'call', '2025-11-26T14:30:00.000Z'],
      ['102', 'meeting', '2025-11-27T10:00:00.000Z'],
    ]);
    expect(drafted(results)[0]?.draft).toMatchObject({
      accountName: 'ООО «Ромашка»',
      contactNames: ['Иванов Иван'],
      owner: 'Петров Пётр',
    });
    const bad = results[2];
    expect(bad && 'problems' in bad && bad.problems.map((item) => [item.column, item.message.ru])).toEqual([
      ['Тема', 'Не может быть пустым.'],
    ]);
  });

  it('reads amoCRM events: «Тип события», «Входящий звонок», the text as the subject', async () => {
    const table = await readTable(await fixture('amocrm-events.csv'));
    expect(detectKind(table)).toBe('interactions');
    const rows = drafted(draftActivities(table, 'amocrm'));
    expect(rows.map(({ draft }) => [draft.externalId, draft.interactionKind, draft.subject])).toEqual([
      ['9001', 'call', 'Спросили про сроки'],
      ['9002', 'note', 'Отправили договор'],
    ]);
  });

  it('maps the types CRMs write and keeps a file without ids idempotent by its content', () => {
    expect(['Meeting', 'E-mail', 'Звонок', 'whatsapp', 'Презентация'].map(interactionKindOf)).toEqual([
      'meeting',
      'email',
      'call',
      'messenger',
      'presentation',
    ]);
    const columns = ['Subject', 'Date', 'Company'].map((header, index) => ({
      index,
      header,
      key: header,
      hidden: false,
    }));
    const mapping = suggestMapping('interactions', columns, 'generic');
    const result = draftInteraction('generic', columns, mapping, ['Lunch', '26.11.2026', 'Acme'], 2, 'day-first');
    expect('draft' in result && result.draft.externalId).toBe('key:acme|2026-11-26t00:00:00.000z|note|lunch');
    const missing = draftInteraction('generic', columns, mapping, ['Lunch', '31.02.2026', ''], 3, 'day-first');
    expect('problems' in missing && missing.problems.map((item) => item.message.en)).toEqual([
      '“31.02.2026” is not a date.',
      'An activity needs a company or a person: map a company or contact column.',
    ]);
  });

  it('takes the company’s INN as its reference when the file gives only that', () => {
    const columns = ['Тема', 'Дата', 'ИНН'].map((header, index) => ({ index, header, key: header, hidden: false }));
    const mapping = suggestMapping('interactions', columns, 'generic');
    expect(mapping).toMatchObject({ ИНН: 'taxId' });
    const result = draftInteraction('generic', columns, mapping, ['Обед', '26.11.2026', '7707083893'], 2, 'day-first');
    expect('draft' in result && [result.draft.accountTaxId, result.draft.externalId]).toEqual([
      '7707083893',
      'key:inn:7707083893|2026-11-26t00:00:00.000z|note|обед',
    ]);
    const bad = draftInteraction('generic', columns, mapping, ['Обед', '26.11.2026', '7707083890'], 3, 'day-first');
    expect('problems' in bad && bad.problems.map((item) => item.column)).toEqual(['ИНН']);
  });
});

describe('KPI value files', () => {
  it('reads a Russian sheet: months, `1 234 567,89`, `2,5 %`, and names a bad value', async () => {
    const table = await readTable(await fixture('kpi-values.csv'));
    expect(detectKind(table)).toBe('kpiPoints');
    const mapping = suggestMapping('kpiPoints', table.columns, 'generic');
    expect(mapping).toEqual({
      Компания: 'accountName',
      Показатель: 'metric',
      Месяц: 'pointDate',
      Значение: 'value',
      Единица: 'unit',
    });
    const results = table.rows.map((row, index) =>
      draftKpiPoint('generic', table.columns, mapping, row, rowNumberOf(index), 'day-first'),
    );
    expect(drafted(results).map(({ draft }) => [draft.metric, draft.at, draft.value, draft.unit])).toEqual([
      ['Выручка', '2026-10-01', 1_234_567.89, 'руб'],
      ['Выручка', '2026-11-01', 1_300_000, 'руб'],
      ['CTR', '2026-11-26', 2.5, '%'],
      ['Заказы', '2026-12-01', 10, '%'],
    ]);
    const bad = results[3];
    expect(bad && 'problems' in bad && bad.problems.map((item) => [item.column, item.message.en])).toEqual([
      ['Значение', '“много” is not a number.'],
    ]);
    expect(drafted(results)[0]?.draft.externalId).toBe('name:ооо «ромашка»|выручка||2026-10-01');
  });

  it('names a company by its INN, checked as an account’s is', async () => {
    const csv = 'ИНН;Показатель;Месяц;Значение\n7707 083893;Выручка;11.2026;100\n7707083890;Выручка;11.2026;100\n';
    const table = await readTable(new TextEncoder().encode(csv));
    const mapping = suggestMapping('kpiPoints', table.columns, 'generic');
    expect(mapping).toMatchObject({ ИНН: 'taxId', Показатель: 'metric', Месяц: 'pointDate', Значение: 'value' });
    const [good, bad] = table.rows.map((row, index) =>
      draftKpiPoint('generic', table.columns, mapping, row, rowNumberOf(index), 'day-first'),
    );
    expect(good && 'draft' in good && [good.draft.accountTaxId, good.draft.externalId]).toEqual([
      '7707083893',
      'inn:7707083893|выручка||2026-11-01',
    ]);
    expect(bad && 'problems' in bad && bad.problems.map((item) => [item.column, item.message.ru])).toEqual([
      ['ИНН', expect.stringContaining('контрольн')],
    ]);
  });

  it('takes dates, times and months as points in time', () => {
    expect(pointTimeOfCell('2026-11', 'day-first')).toBe('2026-11-01');
    expect(pointTimeOfCell('2/24/2026', 'month-first')).toBe('2026-02-24');
    expect(pointTimeOfCell('2026-11-26T10:00:00Z', 'day-first')).toBe('2026-11-26T10:00:00.000Z');
    expect(pointTimeOfCell('13.2026', 'day-first')).toBeUndefined();
  });
});
