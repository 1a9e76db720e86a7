import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('loyalty programme', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let head: ApiClient;
  let manager: ApiClient;
  let accountId: string;
  let projectId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    head = workspace.users.head.api;
    manager = workspace.users.manager.api;
    accountId = (
      await createAccount(workspace.users.admin.api, {
        name: 'Станкостроительный завод',
        ownerId: workspace.users.specialist.id,
      })
    ).id;
    const types = await manager.get('/api/v1/project-types');
    const project = await manager.post('/api/v1/projects', {
      accountId,
      projectTypeId: types.body.items[0].id,
      name: 'Каталог станков',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    const finance = workspace.users.finance.api;
    const invoice = await finance.post('/api/v1/invoices', {
      accountId,
      currency: 'RUB',
      lines: [{ description: 'Сайт', quantityMilli: 1000, unitPriceMinor: 150_000_00, vatRate: null }],
    });
    expect((await finance.post(`/api/v1/invoices/${invoice.body.id}/issue`, { issuedOn: '2026-09-01' })).status).toBe(
      200,
    );
  });

  it('keeps tiers for heads only, each name and rank once', async () => {
    const silver = { name: 'Серебро', rank: 1, minProjects: 1, discount: 500 };
    expectProblem(await manager.post('/api/v1/loyalty-tiers', silver), 403);
    expect((await head.post('/api/v1/loyalty-tiers', silver)).status).toBe(201);
    const gold = await head.post('/api/v1/loyalty-tiers', {
      name: 'Золото',
      rank: 2,
      minProjects: 1,
      minRevenue12m: 100_000,
      discount: 1000,
      priority: true,
    });
    expect(gold.status, JSON.stringify(gold.body)).toBe(201);
    await head.post('/api/v1/loyalty-tiers', { name: 'Платина', rank: 3, minTenureMonths: 24, discount: 1500 });
    const twice = await head.request(
      'POST',
      '/api/v1/loyalty-tiers',
      { name: 'Бронза', rank: 2 },
      { 'accept-language': 'ru' },
    );
    expectProblem(twice, 422, ['rank']);
    expect(errorAt(twice, 'rank')).toBe('Такой ранг уже у другого уровня.');
    expectProblem(await head.post('/api/v1/loyalty-tiers', { name: '', rank: 0, discount: 20_000 }), 400, [
      'name',
      'rank',
      'discount',
    ]);
    const tiers = await manager.get('/api/v1/loyalty-tiers');
    expect(tiers.body.items.map((tier: Json) => tier.name)).toEqual(['Платина', 'Золото', 'Серебро']);
  });

  it('computes the account’s tier from tenure, revenue and projects, showing the revenue only to finance readers', async () => {
    const forViewer = await workspace.users.viewer.api.get(`/api/v1/accounts/${accountId}/loyalty`);
    expect(forViewer.status, JSON.stringify(forViewer.body)).toBe(200);
    expect(forViewer.body).toMatchObject({
      tier: { name: 'Золото', discount: 1000, priority: true },
      facts: { tenureMonths: 0, projects: 1, revenue12m: 150_000 },
    });
    const forSpecialist = await workspace.users.specialist.api.get(`/api/v1/accounts/${accountId}/loyalty`);
    expect(forSpecialist.body).toMatchObject({ tier: { name: 'Золото' }, facts: { revenue12m: null } });

    const tiers = await head.get('/api/v1/loyalty-tiers');
    const gold = tiers.body.items.find((tier: Json) => tier.name === 'Золото');
    await head.patch(`/api/v1/loyalty-tiers/${gold.id}`, { minRevenue12m: 200_000 });
    expect((await manager.get(`/api/v1/accounts/${accountId}/loyalty`)).body.tier.name).toBe('Серебро');
    await head.patch(`/api/v1/loyalty-tiers/${gold.id}`, { minRevenue12m: 100_000 });
  });

  it('offers the tier’s discount on the lines of a new estimate that name none', async () => {
    const created = await manager.post('/api/v1/estimates', {
      projectId,
      title: 'Доработки каталога',
      lines: [
        { description: 'Дизайн', quantityMilli: 1000, unitPriceMinor: 100_000_00, vatRate: null },
        { description: 'Вёрстка', quantityMilli: 1000, unitPriceMinor: 50_000_00, vatRate: null, discount: 0 },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.lines.map((line: Json) => line.discount)).toEqual([1000, 0]);
    expect(created.body.grossMinor).toBe(90_000_00 + 50_000_00);
    // NOTE: an edit keeps what the lines say; no discount comes in behind the manager's back.
    const edited = await manager.request(
      'PATCH',
      `/api/v1/estimates/${created.body.id}`,
      { lines: [{ description: 'Дизайн', quantityMilli: 1000, unitPriceMinor: 100_000_00, vatRate: null }] },
      { 'if-match': `"${created.body.version}"` },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.lines[0].discount).toBe(0);
  });

  it('lets a tier go, and the account falls to the next one', async () => {
    const tiers = await head.get('/api/v1/loyalty-tiers');
    const gold = tiers.body.items.find((tier: Json) => tier.name === 'Золото');
    expect((await head.delete(`/api/v1/loyalty-tiers/${gold.id}`)).status).toBe(204);
    expectProblem(await head.delete(`/api/v1/loyalty-tiers/${gold.id}`), 404);
    expect((await manager.get(`/api/v1/accounts/${accountId}/loyalty`)).body.tier.name).toBe('Серебро');
  });
});
