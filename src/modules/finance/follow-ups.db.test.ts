import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import { download } from '../../../tests/support/download';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const day = 24 * 60 * 60 * 1000;

describe('owners’ reminders and list exports', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let mine: string;
  let theirs: string;
  let overdueNumber: string;

  const contract = async (accountId: string, number: string, endsOn: string, autoRenewal = false) => {
    const response = await api.post('/api/v1/contracts', {
      accountId,
      number,
      signedOn: '2025-12-01',
      kind: 'services',
      startsOn: '2026-01-01',
      endsOn,
      currency: 'RUB',
      autoRenewal,
      reminderDaysBefore: 30,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  };

  beforeAll(async () => {
    // The test clock reads 2026-11-26.
    workspace = await t.seedWorkspace();
    api = workspace.users.finance.api;
    const admin = workspace.users.admin.api;
    mine = (await createAccount(admin, { name: 'Ромашка', ownerId: workspace.users.manager.id })).id;
    theirs = (await createAccount(admin, { name: 'Василёк', ownerId: workspace.users.head.id })).id;
    await contract(mine, 'Д-1', '2026-12-20');
    await contract(mine, 'Д-2', '2027-03-01');
    await contract(theirs, 'Д-3', '2026-12-01', true);
    const draft = await api.post('/api/v1/invoices', {
      accountId: mine,
      currency: 'RUB',
      paymentTermsDays: 10,
      lines: [{ description: 'Работа', quantityMilli: 1000, unitPriceMinor: 123_456_789, vatRate: null }],
    });
    overdueNumber = (await api.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn: '2026-10-01' })).body.number;
    await api.post('/api/v1/payments', {
      accountId: mine,
      receivedOn: '2026-11-02',
      amountMinor: 30,
      currency: 'RUB',
      reference: '=п/п 17',
      allocations: [{ invoiceId: draft.body.id, amountMinor: 10 }],
    });
  });

  it('shows a manager the renewals due and the overdue invoices of the accounts they own, with the next step', async () => {
    const reminders = (await workspace.users.manager.api.get('/api/v1/finance/reminders')).body;
    expect(reminders.asOf).toBe('2026-11-26');
    expect(reminders.renewals).toEqual([
      expect.objectContaining({
        number: 'Д-1',
        account: { id: mine, name: 'Ромашка' },
        reminderOn: '2026-11-20',
        daysToEnd: 24,
        nextStep: 'negotiate_renewal',
      }),
    ]);
    expect(reminders.overdueInvoices).toEqual([
      expect.objectContaining({
        number: overdueNumber,
        daysOverdue: 46,
        nextAction: 'escalate',
        openMinor: 123_456_779,
      }),
    ]);
    // A manager never sees beyond their accounts, even asking for everything.
    const all = (await workspace.users.manager.api.get('/api/v1/finance/reminders?owner=all')).body;
    expect(all.renewals.map((row: { number: string }) => row.number)).toEqual(['Д-1']);
  });

  it('keeps each owner to their own accounts unless they read everything, and moves with the clock', async () => {
    const head = workspace.users.head.api;
    const own = (await head.get('/api/v1/finance/reminders')).body;
    expect(own.renewals.map((row: { number: string; nextStep: string }) => [row.number, row.nextStep])).toEqual([
      ['Д-3', 'confirm_auto_renewal'],
    ]);
    expect(own.overdueInvoices).toEqual([]);
    const all = (await head.get('/api/v1/finance/reminders?owner=all')).body;
    expect(all.renewals.map((row: { number: string }) => row.number)).toEqual(['Д-3', 'Д-1']);
    expect((await workspace.users.specialist.api.get('/api/v1/finance/reminders')).status).toBe(403);
    expectProblem(await head.get('/api/v1/finance/reminders?owner=someone'), 400, ['owner']);

    t.clock.advance(30 * day);
    try {
      const later = (await workspace.users.manager.api.get('/api/v1/finance/reminders')).body;
      expect(later.renewals).toEqual([expect.objectContaining({ number: 'Д-1', daysToEnd: -6, nextStep: 'ended' })]);
      expect(later.overdueInvoices[0]).toMatchObject({ daysOverdue: 76, nextAction: 'claim' });
    } finally {
      t.clock.advance(-30 * day);
    }
  });

  it('puts an owner’s renewals and each step of collection into their calendar feed, and none for roles without money', async () => {
    const calendarOf = async (client: ApiClient) => {
      const feed = await client.post('/api/v1/calendar-feed');
      const text = (await t.anonymous.get(feed.body.path)).body as string;
      return new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component))
        .map((event) => [event.startDate.toString(), event.summary, event.startDate.isDate] as const)
        .sort((a, b) => a[0].localeCompare(b[0]));
    };
    const manager = workspace.users.manager.api;
    await manager.patch('/api/v1/me', { locale: 'ru' });
    // The window is the last month and the year ahead; the invoice fell due on 2026-10-11.
    expect(await calendarOf(manager)).toEqual([
      ['2026-10-26', `Позвонить в бухгалтерию: счёт № ${overdueNumber} · Ромашка`, true],
      ['2026-11-11', `Подключить руководство клиента: счёт № ${overdueNumber} · Ромашка`, true],
      ['2026-11-20', 'Продление договора № Д-1 · Ромашка', true],
      ['2026-12-11', `Направить претензию: счёт № ${overdueNumber} · Ромашка`, true],
      ['2027-01-30', 'Продление договора № Д-2 · Ромашка', true],
    ]);
    expect((await calendarOf(workspace.users.head.api)).map(([, summary]) => summary)).toEqual([
      'Contract renewal: No. Д-3 · Василёк',
    ]);
    expect(await calendarOf(workspace.users.specialist.api)).toEqual([]);
    await manager.patch('/api/v1/me', { locale: 'en' });
  });

  it('exports the payments as CSV with a BOM and as XLSX, filtered, with exact amounts', async () => {
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await download(t, api, `/api/v1/payments/export?accountId=${mine}`),
    );
    expect(csv.startsWith('\ufeffДата поступления,Аккаунт,Валюта,Сумма,Разнесено,Аванс (не разнесено)')).toBe(true);
    expect(csv).toContain("2026-11-02,Ромашка,RUB,0.30,0.10,0.20,'=п/п 17,");
    const none = new TextDecoder().decode(await download(t, api, `/api/v1/payments/export?accountId=${theirs}`));
    expect(none.trim().split('\n')).toHaveLength(1);
    const bytes = await download(t, api, '/api/v1/payments/export?format=xlsx&unallocated=true', 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Payments');
    expect(sheet?.getRow(1).getCell(6).value).toBe('Credit (not allocated)');
    expect(sheet?.getRow(2).getCell(6).value).toBe('0.20');
  });

  it('exports the chase list as XLSX and CSV with the next step in the reader’s language', async () => {
    const bytes = await download(t, api, '/api/v1/receivables/chase/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Взыскание')?.getRow(2);
    expect(row?.getCell(1).value).toBe(overdueNumber);
    expect(row?.getCell(5).value).toBe('1234567.79');
    expect(row?.getCell(8).value).toBe('Подключить руководство клиента');
    const csv = new TextDecoder().decode(
      await download(t, workspace.users.head.api, '/api/v1/receivables/chase/export?owner=me', 'en'),
    );
    expect(csv.trim().split('\n')).toEqual([expect.stringContaining('Next action')]);
    expect((await workspace.users.specialist.api.get('/api/v1/payments/export')).status).toBe(403);
  });

  it('exports the contracts with their filters and the acts of an account, and keeps them from specialists', async () => {
    const csv = new TextDecoder().decode(
      await download(t, api, `/api/v1/contracts/export?accountId=${mine}&sort=number`),
    );
    const [header, ...rows] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(header?.startsWith('Номер,Аккаунт,Вид,Статус,Дата подписания,Начало,Окончание,Валюта')).toBe(true);
    expect(rows.map((row) => row.split(',').slice(0, 3))).toEqual([
      ['Д-1', 'Ромашка', 'Услуги'],
      ['Д-2', 'Ромашка', 'Услуги'],
    ]);
    expect(rows[0]).toContain(',2026-11-20');
    const invoice = (await api.get(`/api/v1/invoices?q=${overdueNumber}`)).body.items[0];
    const act = await api.post('/api/v1/acts', {
      accountId: mine,
      invoiceId: invoice.id,
      number: 'А-5',
      actDate: '2026-10-01',
      amountMinor: 123_456_789,
      currency: 'RUB',
      signedOn: '2026-10-03',
    });
    expect(act.status, JSON.stringify(act.body)).toBe(201);
    const bytes = await download(t, api, `/api/v1/acts/export?format=xlsx&accountId=${mine}`, 'en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Acts');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Number',
      'Account',
      'Act date',
      'Invoice',
      'Currency',
      'Amount',
      'Signed',
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      'А-5',
      'Ромашка',
      '2026-10-01',
      overdueNumber,
      'RUB',
      '1234567.89',
      '2026-10-03',
    ]);
    expect((await workspace.users.specialist.api.get('/api/v1/contracts/export')).status).toBe(403);
    expect((await workspace.users.specialist.api.get('/api/v1/acts/export')).status).toBe(403);
  });
});
