import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../tests/support/api-helpers';
import type { SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('finance settings', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  const settings = {
    vatRates: [0, 500, 700, 2200],
    noVatAllowed: false,
    defaultVatRate: 2200,
    vatMode: 'excluded',
    baseCurrency: 'RUB',
    paymentTermsDays: 14,
  };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
  });

  it('lets finance offer the simplified-tax rates (5 %, 7 %) and a default, with the version guarding the change', async () => {
    const api = workspace.users.finance.api;
    expect((await api.get('/api/v1/finance/settings')).body).toMatchObject({ version: 0, defaultVatRate: 2200 });
    const saved = await api.put('/api/v1/finance/settings', settings, { 'if-match': '"0"' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ vatRates: [0, 500, 700, 2200], noVatAllowed: false, version: 1 });
    expect((await api.put('/api/v1/finance/settings', settings, { 'if-match': '"0"' })).status).toBe(412);
    expect((await workspace.users.admin.api.put('/api/v1/finance/settings', settings)).status).toBe(200);
    expect((await workspace.users.head.api.put('/api/v1/finance/settings', settings)).status).toBe(403);
  });

  it('refuses a default rate that is not offered, naming the field in the reader’s language', async () => {
    const api = workspace.users.finance.api;
    const refused = await api.request(
      'PUT',
      '/api/v1/finance/settings',
      { ...settings, defaultVatRate: 2000 },
      { 'accept-language': 'ru' },
    );
    expect(expectProblem(refused, 400, ['defaultVatRate']).errors[0]?.message).toContain('Ставка по умолчанию');
    expectProblem(await api.put('/api/v1/finance/settings', { ...settings, defaultVatRate: null }), 400, [
      'defaultVatRate',
    ]);
  });
});
