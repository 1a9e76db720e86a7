import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('finance API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.finance.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Ромашка' })).id;
  });

  const line = (unitPriceMinor: number, vatRate: number | null = 2200, quantityMilli = 1000) => ({
    description: 'Сопровождение',
    quantityMilli,
    unitPriceMinor,
    vatRate,
  });
  const draft = async (lines = [line(10_000)], extra: Record<string, unknown> = {}, account = accountId) => {
    const response = await api.post('/api/v1/invoices', { accountId: account, currency: 'RUB', lines, ...extra });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const issued = async (lines = [line(10_000)], extra: Record<string, unknown> = {}, account = accountId) => {
    const invoice = await draft(lines, extra, account);
    const response = await api.post(`/api/v1/invoices/${invoice.id}/issue`, {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  describe('contracts', () => {
    it('records a contract and derives its renewal reminder date', async () => {
      const response = await api.post('/api/v1/contracts', {
        accountId,
        number: 'Д-2026/15',
        signedOn: '2026-01-10',
        kind: 'services',
        startsOn: '2026-01-15',
        endsOn: '2026-12-31',
        valueMinor: 123_456_789,
        currency: 'rub',
        autoRenewal: true,
        paymentTermsDays: 15,
        reminderDaysBefore: 45,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject({ currency: 'RUB', reminderOn: '2026-11-16', valueMinor: 123_456_789 });
      const due = await api.get(`/api/v1/contracts?reminderDueBy=2026-11-26&accountId=${accountId}`);
      expect(due.body.items.map((contract: { number: string }) => contract.number)).toEqual(['Д-2026/15']);
      const again = await api.post('/api/v1/contracts', { ...response.body, id: undefined });
      expect(again.status).toBe(400);
    });

    it('refuses an end before the start, a taken number and a floating amount, naming the field', async () => {
      const base = {
        accountId,
        number: 'X-1',
        signedOn: '2026-01-01',
        kind: 'supply',
        startsOn: '2026-02-01',
        currency: 'RUB',
      };
      expectProblem(await api.post('/api/v1/contracts', { ...base, endsOn: '2026-01-01' }), 400, ['endsOn']);
      expectProblem(await api.post('/api/v1/contracts', { ...base, valueMinor: 10.5 }), 400, ['valueMinor']);
      expect((await api.post('/api/v1/contracts', base)).status).toBe(201);
      expectProblem(await api.post('/api/v1/contracts', base), 422, ['number']);
      const ru = await api.request(
        'POST',
        '/api/v1/contracts',
        { ...base, currency: 'XXX' },
        { 'accept-language': 'ru' },
      );
      expect(expectProblem(ru, 400, ['currency']).errors[0]?.message).toContain('Accord ведёт деньги');
    });
  });

  describe('invoices', () => {
    it('computes VAT per line exactly: included Russian style and added on top', async () => {
      // 0,10 ₽ + 0,20 ₽ without VAT is exactly 0,30 ₽.
      const cents = await draft([line(10, null), line(20, null)]);
      expect(cents).toMatchObject({ netMinor: 30, vatMinor: 0, grossMinor: 30 });
      // 1 234 567,89 ₽ including 20 %: VAT = 123456789 × 20 / 120 = 20576131,5 → 20 576 132 kopecks.
      const included = await draft([line(123_456_789, 2000)], { vatMode: 'included' });
      expect(included).toMatchObject({ grossMinor: 123_456_789, vatMinor: 20_576_132, netMinor: 102_880_657 });
      const excluded = await draft([line(123_456_789, 2200)], { vatMode: 'excluded' });
      expect(excluded).toMatchObject({ netMinor: 123_456_789, vatMinor: 27_160_494, grossMinor: 150_617_283 });
    });

    it('offers only the workspace’s VAT rates', async () => {
      const response = await api.post('/api/v1/invoices', { accountId, currency: 'RUB', lines: [line(100, 1800)] });
      expectProblem(response, 422, ['lines.0.vatRate']);
      const settings = await api.request(
        'PUT',
        '/api/v1/finance/settings',
        {
          vatRates: [0, 1000, 1800, 2000, 2200],
          noVatAllowed: true,
          defaultVatRate: 2200,
          vatMode: 'included',
          baseCurrency: 'RUB',
          paymentTermsDays: 10,
        },
        { 'if-match': '"0"' },
      );
      expect(settings.status, JSON.stringify(settings.body)).toBe(200);
      expect(settings.headers.get('etag')).toBe('"1"');
      expect(
        (await api.post('/api/v1/invoices', { accountId, currency: 'RUB', lines: [line(100, 1800)] })).status,
      ).toBe(201);
    });

    it('numbers invoices when issued, with the due date from the payment terms, and keeps them immutable', async () => {
      const invoice = await draft([line(50_000)], { paymentTermsDays: 14 });
      expect(invoice).toMatchObject({ number: null, status: 'draft' });
      const edited = await api.patch(
        `/api/v1/invoices/${invoice.id}`,
        { lines: [line(60_000)] },
        { 'if-match': '"1"' },
      );
      expect(edited.body.grossMinor).toBe(60_000);
      const issue = await api.post(`/api/v1/invoices/${invoice.id}/issue`, { issuedOn: '2026-11-20' });
      expect(issue.body).toMatchObject({ status: 'issued', issuedOn: '2026-11-20', dueOn: '2026-12-04' });
      expect(issue.body.number).toMatch(/^2026-\d{5}$/);
      expectProblem(await api.patch(`/api/v1/invoices/${invoice.id}`, { notes: 'исправить' }), 422, []);
      expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/issue`, {}), 422, []);
      expectProblem(await api.delete(`/api/v1/invoices/${invoice.id}`), 422, []);
    });

    it('checks every transition (422) and audits the ones that happen', async () => {
      const invoice = await draft();
      const refused = await api.request('POST', `/api/v1/invoices/${invoice.id}/send`, {}, { 'accept-language': 'ru' });
      expect(expectProblem(refused, 422, []).detail).toBe('Счёт в статусе «черновик» нельзя отметить отправленным.');
      expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/cancel`, { reason: 'x' }), 422, []);
      expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/reissue`), 422, []);
      expectProblem(await api.post(`/api/v1/invoices/${(await draft([])).id}/issue`, {}), 422, []);
      const issuedInvoice = (await api.post(`/api/v1/invoices/${invoice.id}/issue`, {})).body;
      expect((await api.post(`/api/v1/invoices/${invoice.id}/send`, {})).body.status).toBe('sent');
      const cancelled = await api.post(`/api/v1/invoices/${invoice.id}/cancel`, { reason: 'Ошибка в реквизитах' });
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        number: issuedInvoice.number,
        cancelReason: 'Ошибка в реквизитах',
      });
      expectProblem(await api.post(`/api/v1/invoices/${invoice.id}/send`, {}), 422, []);
      const copy = await api.post(`/api/v1/invoices/${invoice.id}/reissue`);
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({
        status: 'draft',
        number: null,
        reissueOf: invoice.id,
        grossMinor: invoice.grossMinor,
      });
      const audit = await t.query<{ after: { status: string } }>(
        `select after from audit_log where entity = 'invoices' and entity_id = $1 order by at, id`,
        [invoice.id],
      );
      expect(audit.map((row) => row.after.status)).toEqual(['draft', 'draft', 'issued', 'sent', 'cancelled']);
    });

    it('gives 20 concurrent issues 20 consecutive numbers, no gaps, no duplicates', async () => {
      const account = (await createAccount(workspace.users.admin.api, { name: 'Параллельный' })).id;
      const drafts = await Promise.all(Array.from({ length: 20 }, () => draft([line(100)], {}, account)));
      const before = await t.query<{ last: number }>(
        `select coalesce(max(last_number), 0) as last from numbering_counters where workspace_id = $1`,
        [workspace.workspaceId],
      );
      const responses = await Promise.all(
        drafts.map((invoice) => api.post(`/api/v1/invoices/${invoice.id}/issue`, {})),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
      const numbers = responses.map((response) => Number(response.body.number.slice(5))).sort((a, b) => a - b);
      const first = Number(before[0]?.last) + 1;
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => first + index));
    });

    it('lists, filters, sorts and exports invoices', async () => {
      const page = await api.get(
        `/api/v1/invoices?accountId=${accountId}&status=issued&sort=-number&limit=2&total=true`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const invoice of page.body.items) expect(invoice.status).toBe('issued');
      const csv = await api.request('GET', `/api/v1/invoices/export?accountId=${accountId}`, undefined, {
        'accept-language': 'ru',
      });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(String(csv.body)).toContain('Номер,Аккаунт,Статус');
      expect(String(csv.body)).toContain('1234567.89');
    });
  });

  describe('payments and receivables', () => {
    it('records a partial payment, then the rest with an overpayment kept as credit', async () => {
      const account = (await createAccount(workspace.users.admin.api, { name: 'Платёжный' })).id;
      const invoice = await issued([line(100_000)], {}, account);
      const partial = await api.post('/api/v1/payments', {
        accountId: account,
        receivedOn: '2026-11-26',
        amountMinor: 30_000,
        currency: 'RUB',
        reference: 'п/п 17',
        allocations: [{ invoiceId: invoice.id, amountMinor: 30_000 }],
      });
      expect(partial.status, JSON.stringify(partial.body)).toBe(201);
      let read = (await api.get(`/api/v1/invoices/${invoice.id}`)).body;
      expect(read).toMatchObject({ status: 'partly_paid', paidMinor: 30_000, openMinor: 70_000 });
      const over = await api.post('/api/v1/payments', {
        accountId: account,
        receivedOn: '2026-11-26',
        amountMinor: 100_000,
        currency: 'RUB',
        allocations: [{ invoiceId: invoice.id, amountMinor: 70_001 }],
      });
      expectProblem(over, 422, ['allocations.0.amountMinor']);
      const rest = await api.post('/api/v1/payments', {
        accountId: account,
        receivedOn: '2026-11-26',
        amountMinor: 100_000,
        currency: 'RUB',
        allocations: [{ invoiceId: invoice.id, amountMinor: 70_000 }],
      });
      expect(rest.body).toMatchObject({ allocatedMinor: 70_000, unallocatedMinor: 30_000 });
      read = (await api.get(`/api/v1/invoices/${invoice.id}`)).body;
      expect(read).toMatchObject({ status: 'paid', openMinor: 0, paidOn: '2026-11-26' });
      const receivables = await api.get(`/api/v1/receivables?accountId=${account}`);
      expect(receivables.body.currencies).toEqual([
        expect.objectContaining({ currency: 'RUB', openMinor: 0, creditMinor: 30_000 }),
      ]);
      const credit = await api.get(`/api/v1/payments?accountId=${account}&unallocated=true`);
      expect(credit.body.items.map((payment: { id: string }) => payment.id)).toEqual([rest.body.id]);
      // The credit pays the next invoice.
      const next = await issued([line(20_000)], {}, account);
      const used = await api.post(`/api/v1/payments/${rest.body.id}/allocations`, {
        allocations: [{ invoiceId: next.id, amountMinor: 20_000 }],
      });
      expect(used.body).toMatchObject({ unallocatedMinor: 10_000 });
      expectProblem(
        await api.post(`/api/v1/payments/${rest.body.id}/allocations`, {
          allocations: [{ invoiceId: next.id, amountMinor: 1 }],
        }),
        422,
        ['allocations.0.invoiceId'],
      );
    });

    it('never allocates more than is open, even when payments arrive at once', async () => {
      const account = (await createAccount(workspace.users.admin.api, { name: 'Гонка' })).id;
      const invoice = await issued([line(10_000)], {}, account);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.post('/api/v1/payments', {
            accountId: account,
            receivedOn: '2026-11-26',
            amountMinor: 4_000,
            currency: 'RUB',
            allocations: [{ invoiceId: invoice.id, amountMinor: 4_000 }],
          }),
        ),
      );
      expect(responses.filter((response) => response.status === 201)).toHaveLength(2);
      expect(responses.filter((response) => response.status === 422)).toHaveLength(3);
      expect((await api.get(`/api/v1/invoices/${invoice.id}`)).body).toMatchObject({
        paidMinor: 8_000,
        openMinor: 2_000,
      });
    });

    it('ages receivables into buckets per currency, with DSO and a chase list', async () => {
      const account = (await createAccount(workspace.users.admin.api, { name: 'Должник' })).id;
      const ageOn = async (issuedOn: string, unitPriceMinor: number, currency = 'RUB') => {
        const invoice = await draft([line(unitPriceMinor)], { paymentTermsDays: 0, currency }, account);
        await api.post(`/api/v1/invoices/${invoice.id}/issue`, { issuedOn });
      };
      await ageOn('2026-11-26', 100); // current
      await ageOn('2026-11-10', 200); // 16 days
      await ageOn('2026-10-10', 300); // 47 days
      await ageOn('2026-09-10', 400); // 77 days
      await ageOn('2026-06-01', 500); // 178 days
      await ageOn('2026-06-01', 700, 'USD');
      const response = await api.get(`/api/v1/receivables?accountId=${account}`);
      expect(response.status).toBe(200);
      const [rub, usd] = response.body.currencies.sort((a: { currency: string }, b: { currency: string }) =>
        a.currency.localeCompare(b.currency),
      );
      expect(rub).toMatchObject({
        currency: 'RUB',
        openMinor: 1500,
        overdueMinor: 1400,
        buckets: { current: 100, days1to30: 200, days31to60: 300, days61to90: 400, over90: 500 },
        dso: 365,
      });
      expect(usd).toMatchObject({ currency: 'USD', openMinor: 700, buckets: expect.objectContaining({ over90: 700 }) });
      const chase = await api.get(`/api/v1/receivables/chase?accountId=${account}`);
      expect(
        chase.body.items.map((item: { daysOverdue: number; nextAction: string }) => [
          item.daysOverdue,
          item.nextAction,
        ]),
      ).toEqual([
        [178, 'claim'],
        [178, 'claim'],
        [77, 'claim'],
        [47, 'escalate'],
        [16, 'call'],
      ]);
      const later = await api.get(`/api/v1/receivables?accountId=${account}&asOf=2026-12-31`);
      expect(later.body.currencies[0].buckets.current).toBe(0);
    });
  });

  describe('acts of completed work', () => {
    it('links acts to invoices, records the signature, and finds paid-but-unsigned and signed-but-unbilled', async () => {
      const account = (await createAccount(workspace.users.admin.api, { name: 'Актовый' })).id;
      const invoice = await issued([line(10_000)], {}, account);
      await api.post('/api/v1/payments', {
        accountId: account,
        receivedOn: '2026-11-26',
        amountMinor: 10_000,
        currency: 'RUB',
        allocations: [{ invoiceId: invoice.id, amountMinor: 10_000 }],
      });
      const paidUnsigned = async () =>
        (await api.get('/api/v1/finance/checks')).body.paidWithoutSignedAct.map(
          (item: { invoiceId: string }) => item.invoiceId,
        );
      expect(await paidUnsigned()).toContain(invoice.id);
      const act = await api.post('/api/v1/acts', {
        accountId: account,
        invoiceId: invoice.id,
        number: 'А-1',
        actDate: '2026-11-25',
        amountMinor: 10_000,
        currency: 'RUB',
      });
      expect(act.status, JSON.stringify(act.body)).toBe(201);
      expectProblem(await api.patch(`/api/v1/acts/${act.body.id}`, { signedOn: '2026-11-01' }), 422, ['signedOn']);
      const signed = await api.patch(`/api/v1/acts/${act.body.id}`, { signedOn: '2026-11-26' }, { 'if-match': '"1"' });
      expect(signed.body).toMatchObject({ signedOn: '2026-11-26', invoiceNumber: invoice.number });
      expect(await paidUnsigned()).not.toContain(invoice.id);
      expect((await api.get(`/api/v1/invoices/${invoice.id}`)).body.acts).toEqual([
        expect.objectContaining({ number: 'А-1', signedOn: '2026-11-26' }),
      ]);
      const unbilled = await api.post('/api/v1/acts', {
        accountId: account,
        number: 'А-2',
        actDate: '2026-11-20',
        amountMinor: 5_000,
        currency: 'RUB',
        signedOn: '2026-11-21',
      });
      const checks = (await api.get('/api/v1/finance/checks')).body;
      expect(checks.signedNotInvoiced.map((item: { actId: string }) => item.actId)).toContain(unbilled.body.id);
      expectProblem(
        await api.post('/api/v1/acts', {
          accountId: account,
          number: 'А-1',
          actDate: '2026-11-25',
          amountMinor: 1,
          currency: 'RUB',
        }),
        422,
        ['number'],
      );
      expect((await api.get(`/api/v1/acts?invoiceId=${invoice.id}`)).body.items).toHaveLength(1);
    });
  });

  describe('who sees what', () => {
    it('lets managers read only the money of their accounts, and specialists none', async () => {
      const mine = (
        await createAccount(workspace.users.admin.api, { name: 'Менеджерский', ownerId: workspace.users.manager.id })
      ).id;
      const mineInvoice = await issued([line(100)], {}, mine);
      const manager = workspace.users.manager.api;
      const list = await manager.get('/api/v1/invoices?limit=500');
      expect(list.status).toBe(200);
      expect(new Set(list.body.items.map((invoice: { accountId: string }) => invoice.accountId))).toEqual(
        new Set([mine]),
      );
      expect((await manager.get(`/api/v1/invoices/${mineInvoice.id}`)).status).toBe(200);
      const other = (await api.get(`/api/v1/invoices?accountId=${accountId}&limit=1`)).body.items[0];
      expectProblem(await manager.get(`/api/v1/invoices/${other.id}`), 404, []);
      expectProblem(await manager.get(`/api/v1/receivables?accountId=${accountId}`), 404, []);
      expectProblem(await manager.post('/api/v1/invoices', { accountId: mine, currency: 'RUB' }), 403, []);
      const specialist = workspace.users.specialist.api;
      for (const path of [
        '/api/v1/invoices',
        '/api/v1/contracts',
        '/api/v1/payments',
        '/api/v1/receivables',
        `/api/v1/invoices/${mineInvoice.id}`,
      ]) {
        expectProblem(await specialist.get(path), 403, []);
      }
      expect((await workspace.users.viewer.api.get(`/api/v1/invoices/${other.id}`)).status).toBe(200);
      expect(
        (await workspace.users.admin.api.post('/api/v1/invoices', { accountId: mine, currency: 'RUB' })).status,
      ).toBe(201);
    });

    it('offers revenue and payment delay as account facts', async () => {
      const facts = await api.get('/api/v1/portfolio/facts');
      const keys = facts.body.items.map((fact: { key: string }) => fact.key);
      expect(keys).toEqual(expect.arrayContaining(['finance.revenue12m', 'finance.paymentDelayDays']));
    });
  });
});
