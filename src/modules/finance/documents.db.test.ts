import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/api-helpers';
import { download, pdfText } from '../../../tests/support/download';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('finance documents', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace('Агентство «Вектор»');
    api = workspace.users.finance.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'ООО «Ромашка»' })).id;
  });

  const issue = async (
    lines: { description: string; quantityMilli: number; unitPriceMinor: number; vatRate: number | null }[],
  ) => {
    const draft = await api.post('/api/v1/invoices', { accountId, currency: 'RUB', lines });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const issued = await api.post(`/api/v1/invoices/${draft.body.id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body;
  };

  describe('PDF', () => {
    it('prints an invoice and its act in Russian with the lines, VAT and totals', async () => {
      const invoice = await issue([
        {
          description: 'Сопровождение',
          quantityMilli: 1000,
          unitPriceMinor: 123_456_789,
          vatRate: 2200,
        },
        { description: 'Аудит', quantityMilli: 1500, unitPriceMinor: 10_000, vatRate: null },
      ]);
      const text = pdfText(await download(t, api, `/api/v1/invoices/${invoice.id}/pdf`)).replace(/\u00a0/g, ' ');
      expect(text).toContain(`Счёт на оплату № ${invoice.number}`);
      expect(text).toContain('Агентство «Вектор»');
      expect(text).toContain('ООО «Ромашка»');
      expect(text).toContain('Сопровождение');
      expect(text).toContain('без НДС');
      expect(text).toContain('22 %');
      expect(text).toMatch(/В том числе НДС\s+222 627,00 ₽/);
      expect(text).toMatch(/Всего к оплате\s+1 234 717,89 ₽/);

      const act = await api.post('/api/v1/acts', {
        accountId,
        invoiceId: invoice.id,
        number: 'А-17',
        actDate: '2026-11-25',
        amountMinor: invoice.grossMinor,
        currency: 'RUB',
      });
      expect(act.status, JSON.stringify(act.body)).toBe(201);
      const actText = pdfText(await download(t, api, `/api/v1/acts/${act.body.id}/pdf`)).replace(/\u00a0/g, ' ');
      expect(actText).toContain('Акт выполненных работ № А-17 от 25.11.2026');
      expect(actText).toContain(`По счёту № ${invoice.number}`);
      expect(actText).toMatch(/Стоимость работ\s+1 234 717,89 ₽/);
      expect(actText).toContain('претензий');

      const english = pdfText(await download(t, api, `/api/v1/invoices/${invoice.id}/pdf`, 'en'));
      expect(english).toContain(`Invoice № ${invoice.number}`);
    });

    it('answers 404 for another workspace’s invoice and 403 to a specialist', async () => {
      const other = await t.seedWorkspace('Другое');
      const invoice = await issue([{ description: 'Работа', quantityMilli: 1000, unitPriceMinor: 100, vatRate: null }]);
      expect((await other.users.finance.api.get(`/api/v1/invoices/${invoice.id}/pdf`)).status).toBe(404);
      expect((await workspace.users.specialist.api.get(`/api/v1/invoices/${invoice.id}/pdf`)).status).toBe(403);
    });
  });

  describe('list exports', () => {
    it('exports the invoice list as XLSX with exact amounts and Russian headers', async () => {
      const invoice = await issue([
        { description: 'Работа', quantityMilli: 1000, unitPriceMinor: 123_456_789, vatRate: null },
      ]);
      const bytes = await download(t, api, `/api/v1/invoices/export?format=xlsx&q=${invoice.number}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Счета');
      expect(sheet?.getRow(1).getCell(1).value).toBe('Номер');
      const row = sheet?.getRow(2);
      expect(row?.getCell(1).value).toBe(invoice.number);
      expect(row?.getCell(9).value).toBe('1234567.89');
    });
  });
});
