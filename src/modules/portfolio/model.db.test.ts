import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import { saveModel, smallModel } from '../../../tests/support/portfolio-helpers';
import { type SeededWorkspace, useTestApp } from '../../../tests/support/test-app';

describe('portfolio scoring model', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  const head = () => workspace.users.head.api;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
  });

  it('starts as the built-in default, in both languages, as version 0', async () => {
    const response = await workspace.users.viewer.api.get('/api/v1/portfolio/model');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    const model = response.body;
    expect(model).toMatchObject({
      version: 0,
      savedAt: null,
      thresholds: { attractiveness: 50, strength: 50 },
      keyAccountCap: 100,
      keyAccounts: 0,
      unavailable: [],
    });
    expect(model.attractiveness.map((criterion: { key: string }) => criterion.key)).toEqual([
      'volume_potential',
      'profit_potential',
      'strategic_fit',
      'wallet_headroom',
      'ease_of_business',
    ]);
    const depth = model.strength.find((criterion: { key: string }) => criterion.key === 'relationship_depth');
    // The relationship map offers its strength, so the default model measures depth by it.
    expect(depth.source).toEqual({ kind: 'fact', fact: 'relationships.strength', low: 0, high: 100 });
    for (const criterion of [...model.attractiveness, ...model.strength]) {
      expect(criterion.label.en.length).toBeGreaterThan(0);
      expect(criterion.label.ru).toMatch(/[а-я]/);
      if (criterion.source.kind === 'rating') expect(criterion.source.anchors.length).toBeGreaterThanOrEqual(3);
    }
    expect(model.postures.star.en).toMatch(/need not be profitable/);
  });

  it('lists the facts formula criteria can use', async () => {
    const response = await workspace.users.viewer.api.get('/api/v1/portfolio/facts');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ key: 'contacts.count', unit: 'count', higherIsBetter: true }),
      expect.objectContaining({ key: 'relationships.strength', higherIsBetter: true }),
      expect.objectContaining({ key: 'finance.revenue12m', unit: 'money', higherIsBetter: true }),
      expect.objectContaining({ key: 'finance.paymentDelayDays', higherIsBetter: false }),
      expect.objectContaining({ key: 'finance.overdueInvoices', unit: 'count', higherIsBetter: false }),
      expect.objectContaining({ key: 'delivery.overdueTasks', unit: 'count', higherIsBetter: false }),
      expect.objectContaining({ key: 'clientCare.openComplaints', unit: 'count', higherIsBetter: false }),
      expect.objectContaining({ key: 'kpis.health', higherIsBetter: true }),
    ]);
  });

  it('saves each change as a new version, refusing a save over a newer one', async () => {
    const first = await head().request(
      'PUT',
      '/api/v1/portfolio/model',
      { ...smallModel(), note: 'Smaller model' },
      {
        'if-match': '"0"',
      },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, note: 'Smaller model', savedBy: { id: workspace.users.head.id } });

    const stale = await head().request('PUT', '/api/v1/portfolio/model', smallModel(), { 'if-match': '"0"' });
    expectProblem(stale, 412);

    const second = await head().request('PUT', '/api/v1/portfolio/model', smallModel({ keyAccountCap: 20 }), {
      'if-match': '"1"',
    });
    expect(second.body.version).toBe(2);

    const versions = await head().get('/api/v1/portfolio/model/versions');
    expect(versions.body.items.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    const old = await head().get('/api/v1/portfolio/model/versions/1');
    expect(old.body).toMatchObject({ version: 1, keyAccountCap: 100 });
    expectProblem(await head().get('/api/v1/portfolio/model/versions/99'), 404);
  });

  it('refuses a model without criteria, with negative or all-zero weights, naming the field', async () => {
    const noCriteria = await head().request('PUT', '/api/v1/portfolio/model', smallModel({ strength: [] }));
    expect(expectProblem(noCriteria, 400, ['strength']).errors[0]?.message).toBe(
      'Add at least one criterion to this axis.',
    );

    const model = smallModel();
    const negative = await head()
      .inLanguage('ru')
      .request('PUT', '/api/v1/portfolio/model', {
        ...model,
        attractiveness: [{ ...model.attractiveness[0], weight: -1 }, model.attractiveness[1]],
      });
    expect(errorAt(negative, 'attractiveness.0.weight')).toBe('Вес не может быть отрицательным.');
    expectProblem(negative, 400, ['attractiveness.0.weight']);

    const zero = await head().request('PUT', '/api/v1/portfolio/model', {
      ...model,
      strength: model.strength.map((criterion) => ({ ...criterion, weight: 0 })),
    });
    expect(errorAt(zero, 'strength')).toBe('At least one criterion of this axis needs a weight above zero.');
  });

  it('names a bad scale, anchor, range, key, threshold or unknown fact', async () => {
    const model = smallModel();
    const [potential, fit] = model.attractiveness as unknown as [Record<string, unknown>, Record<string, unknown>];
    const badKey = await head().request('PUT', '/api/v1/portfolio/model', {
      ...model,
      attractiveness: [potential, { ...fit, key: 'Fit!' }],
    });
    expectProblem(badKey, 400, ['attractiveness.1.key']);
    const response = await head().request('PUT', '/api/v1/portfolio/model', {
      ...model,
      attractiveness: [
        { ...potential, source: { kind: 'rating', min: 5, max: 5 } },
        { ...fit, source: { kind: 'rating', min: 1, max: 5, anchors: [{ value: 9, label: { en: 'x', ru: 'х' } }] } },
      ],
      thresholds: { attractiveness: 50, strength: 120 },
    });
    expectProblem(response, 400, [
      'attractiveness.0.source.max',
      'attractiveness.1.source.anchors.0.value',
      'thresholds.strength',
    ]);

    const unknownFact = await head().request('PUT', '/api/v1/portfolio/model', {
      ...model,
      strength: [
        model.strength[0],
        { ...model.strength[1], source: { kind: 'fact', fact: 'finance.revenue', low: 0, high: 1 } },
      ],
    });
    expectProblem(unknownFact, 400, ['strength.1.source.fact']);
  });

  it('keeps the cap at or above the number of key accounts', async () => {
    await createAccount(head(), { name: 'Key one', status: 'key' });
    await createAccount(head(), { name: 'Key two', status: 'key' });
    const response = await head().request('PUT', '/api/v1/portfolio/model', smallModel({ keyAccountCap: 1 }));
    expect(expectProblem(response, 422, ['keyAccountCap']).detail).toBe(
      'There are already 2 key accounts: demote some first, or set a cap of at least 2.',
    );
    const model = await saveModel(head(), smallModel({ keyAccountCap: 2 }));
    expect(model).toMatchObject({ keyAccountCap: 2, keyAccounts: 2 });
  });

  it('lets only the head and the admin change the model', async () => {
    for (const role of ['manager', 'viewer', 'specialist', 'finance'] as const) {
      expectProblem(await workspace.users[role].api.request('PUT', '/api/v1/portfolio/model', smallModel()), 403);
    }
    await saveModel(workspace.users.admin.api, smallModel({ keyAccountCap: 5 }));
  });

  it('keeps each workspace’s model apart', async () => {
    const other = await t.seedWorkspace();
    const response = await other.users.head.api.get('/api/v1/portfolio/model');
    expect(response.body.version).toBe(0);
  });
});
