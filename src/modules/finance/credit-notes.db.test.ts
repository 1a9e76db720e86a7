import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import { download, pdfText } from '../../../tests/support/download';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { inWorkspace } from '../../platform/db/client';
import { readRevenue12Months } from './facts';

describe('credit notes', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace('Агентство «Вектор»');
    api = workspace.users.finance.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'ООО «Ромашка»' })).id;
  });

  const line = (unitPriceMinor: number, vatRate: number | null = 2200) => ({
    description: 'Сопровождение',
    quantityMilli: 1000,
    unitPriceMinor,
    vatRate,
  });
  const issued = async (grossMinor: number) => {
    const draft = await api.post('/api/v1/invoices', { accountId, currency: 'RUB', lines: [line(grossMinor)] });
    const response = await api.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn: '2026-11-02' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const credit = (invoiceId: string, unitPriceMinor: number, vatRate: number | null = 2200) =>
    api.post(`/api/v1/invoices/${invoiceId}/credit-notes`, {
      issuedOn: '2026-11-20',
      reason: 'Скидка за объём',
      lines: [{ ...line(unitPriceMinor, vatRate), description: 'Скидка' }],
    });

  it('numbers credit notes in their own series and lowers what the client owes', async () => {
    const invoice = await issued(100_000);
    const first = await credit(invoice.id, 30_000);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // VAT included at 22 %: 30 000 × 22 / 122 = 5 409,8 → 5 410 kopecks, the invoice's convention.
    expect(first.body).toMatchObject({ grossMinor: 30_000, vatMinor: 5_410, netMinor: 24_590, vatMode: 'included' });
    expect(first.body.number).toMatch(/^CN-2026\/\d{5}$/);
    const second = await credit(invoice.id, 10_000);
    expect(Number(second.body.number.slice(-5))).toBe(Number(first.body.number.slice(-5)) + 1);

    const after = (await api.get(`/api/v1/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ status: 'issued', creditedMinor: 40_000, openMinor: 60_000 });
    expect(after.creditNotes.map((note: { number: string }) => note.number)).toEqual([
      first.body.number,
      second.body.number,
    ]);
    const receivables = (await api.get(`/api/v1/receivables?accountId=${accountId}&asOf=2026-11-20`)).body;
    expect(receivables.currencies[0]).toMatchObject({ openMinor: 60_000, openInvoices: 1 });
    const listed = (await api.get(`/api/v1/credit-notes?accountId=${accountId}`)).body.items;
    expect(listed.map((note: { id: string }) => note.id)).toEqual([second.body.id, first.body.id]);

    const audit = await t.query<{ action: string }>(
      `select action from audit_log where entity = 'credit_notes' and entity_id = $1`,
      [first.body.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('never credits more than the gross less earlier credit notes (422 on lines, in Russian)', async () => {
    const invoice = await issued(100_000);
    expect((await credit(invoice.id, 60_000)).status).toBe(201);
    const refused = await api.request(
      'POST',
      `/api/v1/invoices/${invoice.id}/credit-notes`,
      { reason: 'Ещё', lines: [line(40_001)] },
      { 'accept-language': 'ru' },
    );
    expect(expectProblem(refused, 422, ['lines']).detail).toContain('400.00 RUB');
    expectProblem(await credit(invoice.id, 1_000, 1800), 422, ['lines.0.vatRate']);
    expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/credit-notes`, { lines: [line(1)] }), 400, ['reason']);
    expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/cancel`, { reason: 'x' }), 422, []);
    const draft = await api.post('/api/v1/invoices', { accountId, currency: 'RUB', lines: [line(1_000)] });
    expectProblem(await credit(draft.body.id, 500), 422, ['invoiceId']);
  });

  it('gives a paid part back to the account’s credit, and reads as credited when nothing is left', async () => {
    const invoice = await issued(100_000);
    const payment = await api.post('/api/v1/payments', {
      accountId,
      receivedOn: '2026-11-10',
      amountMinor: 100_000,
      currency: 'RUB',
      allocations: [{ invoiceId: invoice.id, amountMinor: 100_000 }],
    });
    expect(payment.status, JSON.stringify(payment.body)).toBe(201);
    expect((await credit(invoice.id, 40_000)).status).toBe(201);
    expect((await api.get(`/api/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'paid',
      paidMinor: 60_000,
      creditedMinor: 40_000,
      openMinor: 0,
    });
    expect((await api.get(`/api/v1/payments/${payment.body.id}`)).body.unallocatedMinor).toBe(40_000);
    expect((await credit(invoice.id, 60_000)).status).toBe(201);
    expect((await api.get(`/api/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'credited',
      paidMinor: 0,
      openMinor: 0,
    });
    expect((await api.get(`/api/v1/payments/${payment.body.id}`)).body.unallocatedMinor).toBe(100_000);
  });

  it('takes its net off the account’s twelve-month revenue', async () => {
    const other = (await createAccount(workspace.users.admin.api, { name: 'ООО «Лютик»' })).id;
    const draft = await api.post('/api/v1/invoices', { accountId: other, currency: 'RUB', lines: [line(1_220_000)] });
    const invoice = (await api.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn: '2026-11-02' })).body;
    const revenue = () =>
      inWorkspace(t.database.db, { workspaceId: workspace.workspaceId, userId: workspace.users.finance.id }, (tx) =>
        readRevenue12Months(
          {
            db: tx,
            actor: { workspaceId: workspace.workspaceId, userId: workspace.users.finance.id, role: 'finance' },
            now: t.clock.now(),
          },
          [other],
        ),
      );
    expect((await revenue()).get(other)).toBe(10_000);
    expect((await credit(invoice.id, 244_000)).status).toBe(201);
    expect((await revenue()).get(other)).toBe(8_000);
  });

  it('prints the credit note and keeps it from people who may not write or see money', async () => {
    const invoice = await issued(100_000);
    const note = (await credit(invoice.id, 12_345)).body;
    const text = pdfText(await download(t, api, `/api/v1/credit-notes/${note.id}/pdf`)).replace(/\u00a0/g, ' ');
    expect(text).toMatch(new RegExp(`Корректировочный счёт-фактура № ${note.number} от\\s+20\\.11\\.2026`));
    expect(text).toContain(`По счёту № ${invoice.number}`);
    expect(text).toContain('Скидка за объём');
    expect(text).toMatch(/Всего к уменьшению\s+123,45 ₽/);
    expect((await workspace.users.head.api.post(`/api/v1/invoices/${invoice.id}/credit-notes`, {})).status).toBe(403);
    expect((await workspace.users.specialist.api.get(`/api/v1/credit-notes/${note.id}`)).status).toBe(403);
    expect((await workspace.users.manager.api.get(`/api/v1/credit-notes/${note.id}`)).status).toBe(404);
    const other = await t.seedWorkspace('Другое');
    expect((await other.users.finance.api.get(`/api/v1/credit-notes/${note.id}`)).status).toBe(404);
  });
});
