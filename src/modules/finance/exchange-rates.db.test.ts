import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('exchange rates and converted receivables', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.finance.api;
    const accountId = (await createAccount(workspace.users.admin.api, { name: 'Global Ltd' })).id;
    for (const [currency, unitPriceMinor] of [
      ['RUB', 1_000_000_00],
      ['USD', 1_234_56],
      ['EUR', 500_00],
    ] as const) {
      const draft = await api.post('/api/v1/invoices', {
        accountId,
        currency,
        lines: [{ description: 'Services', quantityMilli: 1000, unitPriceMinor, vatRate: null }],
      });
      const issued = await api.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn: '2026-11-01' });
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    }
  });

  it('converts with the rate on or before the date, and reports a missing rate instead of assuming one', async () => {
    const rate = (rateOn: string, base: string, value: string) =>
      api.request('PUT', '/api/v1/exchange-rates', { rateOn, base, quote: 'RUB', rate: value });
    expect((await rate('2026-11-20', 'USD', '92,5034')).body).toMatchObject({ rate: '92.5034', base: 'USD' });
    expect((await rate('2026-12-01', 'USD', '200')).status).toBe(200);
    expect((await rate('2026-11-20', 'USD', '92.5034')).status).toBe(200);

    const partial = await api.get('/api/v1/receivables?asOf=2026-11-25&convertTo=RUB');
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    expect(partial.body.currencies.map((row: { currency: string }) => row.currency)).toEqual(['EUR', 'RUB', 'USD']);
    expect(partial.body.converted).toMatchObject({ currency: 'RUB', totals: null, missingRates: ['EUR'] });

    await rate('2026-11-24', 'EUR', '100.5');
    const full = await api.get('/api/v1/receivables?asOf=2026-11-25&convertTo=rub');
    // 1 000 000,00 ₽ + $1 234,56 × 92.5034 (114 201,00 ₽) + €500 × 100.5 (50 250,00 ₽); the December rate is not used.
    expect(full.body.converted).toMatchObject({
      currency: 'RUB',
      totals: { openMinor: 1_164_451_00 },
      missingRates: [],
      rates: [
        { base: 'EUR', rateOn: '2026-11-24', rate: '100.5' },
        { base: 'USD', rateOn: '2026-11-20', rate: '92.5034' },
      ],
    });
    expect((await api.get('/api/v1/receivables?asOf=2026-11-25')).body.converted).toBeUndefined();
  });

  it('refuses a malformed rate or a pair of one currency, and lets only finance write', async () => {
    expectProblem(
      await api.request('PUT', '/api/v1/exchange-rates', {
        rateOn: '2026-11-20',
        base: 'USD',
        quote: 'RUB',
        rate: '9.2e1',
      }),
      400,
      ['rate'],
    );
    expectProblem(
      await api.request('PUT', '/api/v1/exchange-rates', {
        rateOn: '2026-11-20',
        base: 'USD',
        quote: 'USD',
        rate: '1',
      }),
      400,
      ['quote'],
    );
    const manager = workspace.users.manager.api;
    expect(
      (
        await manager.request('PUT', '/api/v1/exchange-rates', {
          rateOn: '2026-11-20',
          base: 'USD',
          quote: 'RUB',
          rate: '1',
        })
      ).status,
    ).toBe(403);
    const listed = await api.get('/api/v1/exchange-rates?base=USD');
    expect(listed.body.items.map((item: { rateOn: string }) => item.rateOn)).toEqual(['2026-12-01', '2026-11-20']);
    expect((await api.delete(`/api/v1/exchange-rates/${listed.body.items[0].id}`)).status).toBe(204);
    expect((await api.delete(`/api/v1/exchange-rates/${listed.body.items[0].id}`)).status).toBe(404);
  });
});
