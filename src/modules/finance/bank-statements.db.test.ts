import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('bank statement import', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.finance.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'ООО «Ромашка»' })).id;
  });

  const issue = async (unitPriceMinor: number, currency = 'RUB') => {
    const draft = await api.post('/api/v1/invoices', {
      accountId,
      currency,
      lines: [{ description: 'Услуги', quantityMilli: 1000, unitPriceMinor, vatRate: null }],
    });
    const issued = await api.post(`/api/v1/invoices/${draft.body.id}/issue`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body as { id: string; number: string; grossMinor: number };
  };
  const upload = (text: string, query = '', client = api) =>
    client.post(`/api/v1/bank-statements${query}`, new TextEncoder().encode(text));
  const invoice = async (id: string) => (await api.get(`/api/v1/invoices/${id}`)).body;

  it('pays invoices named in the purpose or alone at the amount, lists the rest, and pays nothing twice', async () => {
    const full = await issue(1_234_567_89);
    const partial = await issue(50_000_00);
    const byAmount = await issue(777_77);
    const statement = [
      'Date,Amount,Currency,Payer,Purpose,Reference',
      `25.11.2026,"1 234 567,89",RUB,ООО «Ромашка»,Оплата по счёту № ${full.number} без НДС,п/п 101`,
      `2026-11-26,200.00,RUB,ООО «Ромашка»,"Частичная оплата счёта ${partial.number}, в т.ч. аванс",п/п 102`,
      '26.11.2026,777.77,RUB,ООО «Ромашка»,Оплата за услуги,п/п 103',
      '26.11.2026,10.00,RUB,Неизвестный,Возврат займа,п/п 104',
      '26.11.2026,-500.00,RUB,Мы,Аренда,п/п 105',
      'вчера,10.00,RUB,Кто-то,Что-то,п/п 106',
    ].join('\n');
    const first = await upload(statement);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ lines: 4, duplicates: 0, skipped: 1, matched: 3, unmatched: 1 });
    expect(first.body.problems).toEqual([{ line: 7, field: 'date', value: 'вчера' }]);
    expect(await invoice(full.id)).toMatchObject({ status: 'paid', paidMinor: 1_234_567_89, paidOn: '2026-11-25' });
    expect(await invoice(partial.id)).toMatchObject({ status: 'partly_paid', paidMinor: 200_00 });
    expect(await invoice(byAmount.id)).toMatchObject({ status: 'paid', paidMinor: 777_77 });

    const again = await upload(statement);
    expect(again.body).toMatchObject({ lines: 4, duplicates: 4, matched: 0, unmatched: 0 });
    expect(await invoice(partial.id)).toMatchObject({ paidMinor: 200_00 });
    const payments = await api.get(`/api/v1/payments?accountId=${accountId}&limit=50`);
    expect(payments.body.items).toHaveLength(3);

    const waiting = await api.get('/api/v1/bank-transactions?status=unmatched');
    expect(waiting.body.total).toBe(1);
    expect(waiting.body.items[0]).toMatchObject({ amountMinor: 10_00, payer: 'Неизвестный', status: 'unmatched' });
  });

  it('reads a 1C-style export in windows-1251 with debit and credit columns', async () => {
    const open = await issue(300_000_00);
    const text = [
      'Дата проводки;Сумма по дебету;Сумма по кредиту;№ документа;Плательщик;Назначение платежа',
      `01.12.2026;;150 000,00;58;ООО "Ромашка";Оплата по сч. ${open.number} от 25.11.2026`,
      '01.12.2026;12 000,00;;59;ООО "Аккорд";Зарплата',
    ].join('\r\n');
    // windows-1251 bytes, as a Russian bank client writes them.
    const cp1251 = encodeWindows1251(text);
    const response = await api.post('/api/v1/bank-statements', cp1251);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ lines: 1, skipped: 1, matched: 1 });
    expect(response.body.mapping).toMatchObject({ date: 'Дата проводки', credit: 'Сумма по кредиту' });
    expect(await invoice(open.id)).toMatchObject({ status: 'partly_paid', paidMinor: 150_000_00 });
  });

  it('matches a waiting line by hand once, and names the column it cannot find', async () => {
    const target = await issue(5_00);
    const upload1 = await upload('Date,Amount,Purpose\n02.12.2026,8.00,Перевод от клиента');
    expect(upload1.body).toMatchObject({ unmatched: 1 });
    const waiting = await api.get('/api/v1/bank-transactions?status=unmatched&limit=1');
    const line = waiting.body.items[0];
    expect(line.purpose).toBe('Перевод от клиента');
    const matched = await api.post(`/api/v1/bank-transactions/${line.id}/match`, { invoiceId: target.id });
    expect(matched.status, JSON.stringify(matched.body)).toBe(200);
    expect(matched.body).toMatchObject({ status: 'matched', matchedBy: 'manual' });
    expect(await invoice(target.id)).toMatchObject({ status: 'paid', paidMinor: 5_00 });
    const payment = await api.get(`/api/v1/payments/${matched.body.paymentId}`);
    expect(payment.body).toMatchObject({ amountMinor: 8_00, unallocatedMinor: 3_00 });
    expectProblem(await api.post(`/api/v1/bank-transactions/${line.id}/match`, { accountId }), 422, []);

    expectProblem(await upload('When,Amount\n02.12.2026,1.00'), 422, ['dateColumn']);
    const mapped = await upload('When,How much\n03.12.2026,1.00', '?dateColumn=When&amountColumn=How%20much');
    expect(mapped.body).toMatchObject({ lines: 1 });
    expect((await upload('Date,Amount\n02.12.2026,1.00', '', workspace.users.manager.api)).status).toBe(403);
    expect((await workspace.users.manager.api.get('/api/v1/bank-transactions')).status).toBe(403);
  });
});

/** Windows-1251 bytes of Russian text (Cyrillic letters, ASCII, and the few signs the test uses). */
function encodeWindows1251(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (character === 'Ё') bytes.push(0xa8);
    else if (character === 'ё') bytes.push(0xb8);
    else if (character === '№') bytes.push(0xb9);
    else throw new Error(`not in the test's windows-1251 table: ${character}`);
  }
  return new Uint8Array(bytes);
}
