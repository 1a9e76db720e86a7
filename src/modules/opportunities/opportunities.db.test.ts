import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import { download, pdfText } from '../../../tests/support/download';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('offerings, buying centres, whitespace, opportunities and plan vs forecast vs actual', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let head: ApiClient;
  let manager: ApiClient;
  let accountId: string;
  let otherAccountId: string;
  let offerings: Json[];
  let centres: Json[];
  let stages: Json[];

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    head = workspace.users.head.api;
    manager = workspace.users.manager.api;
    const admin = workspace.users.admin.api;
    accountId = (await createAccount(admin, { name: 'Северсталь-Холдинг', ownerId: workspace.users.manager.id })).id;
    otherAccountId = (await createAccount(admin, { name: 'Василёк', ownerId: workspace.users.head.id })).id;
    await createAccount(admin, { name: 'Северсталь Череповец', parentId: accountId });
  });

  it('keeps a catalogue that heads change and everyone reads', async () => {
    expectProblem(await manager.post('/api/v1/offerings', { name: 'X', family: 'Y', kind: 'product' }), 403);
    for (const offering of [
      { name: 'Облачный ERP', family: 'Программное обеспечение', kind: 'product' },
      { name: 'Внедрение', family: 'Услуги', kind: 'service' },
      { name: 'Старый модуль', family: 'Программное обеспечение', kind: 'product' },
    ]) {
      expect((await head.post('/api/v1/offerings', offering)).status).toBe(201);
    }
    const listed = await workspace.users.viewer.api.get('/api/v1/offerings');
    offerings = listed.body.items;
    expect(offerings.map((offering: Json) => offering.name)).toEqual(['Облачный ERP', 'Старый модуль', 'Внедрение']);
    const retired = await head.patch(`/api/v1/offerings/${offerings[1].id}`, { retired: true });
    expect(retired.body).toMatchObject({ retired: true, version: 2 });
    const bad = await head.post(
      '/api/v1/offerings',
      { name: '', family: 'Y', kind: 'gadget' },
      { 'accept-language': 'ru' },
    );
    expectProblem(bad, 400, ['name', 'kind']);
  });

  it('starts every workspace with the default pipeline in both languages', async () => {
    const pipeline = await manager.get('/api/v1/pipeline-stages');
    stages = pipeline.body.items;
    expect(stages.map((stage: Json) => [stage.titleRu, stage.probability, stage.outcome])).toEqual([
      ['Квалификация', 10, 'open'],
      ['Анализ потребностей', 25, 'open'],
      ['Коммерческое предложение', 50, 'open'],
      ['Переговоры', 75, 'open'],
      ['Выиграна', 100, 'won'],
      ['Проиграна', 0, 'lost'],
    ]);
    expect(stages[2].titleEn).toBe('Proposal');
    expectProblem(await manager.patch(`/api/v1/pipeline-stages/${stages[2].id}`, { probability: 40 }), 403);
    const changed = await head.patch(`/api/v1/pipeline-stages/${stages[2].id}`, { probability: 40 });
    expect(changed.body.items[2].probability).toBe(40);
    expectProblem(await head.patch(`/api/v1/pipeline-stages/${stages[2].id}`, { probability: 140 }), 400, [
      'probability',
    ]);
  });

  it('takes buying centres from the account hierarchy and by hand', async () => {
    const fromHierarchy = await manager.post(`/api/v1/accounts/${accountId}/buying-centres/from-hierarchy`);
    expect(fromHierarchy.body.items).toMatchObject([{ name: 'Северсталь Череповец', kind: 'division' }]);
    const again = await manager.post(`/api/v1/accounts/${accountId}/buying-centres/from-hierarchy`);
    expect(again.body.items).toHaveLength(1);
    const added = await manager.post(`/api/v1/accounts/${accountId}/buying-centres`, {
      name: 'ИТ-дирекция',
      kind: 'function',
    });
    expect(added.status).toBe(201);
    centres = added.body.items;
    expect(centres.map((centre: Json) => centre.name)).toEqual(['Северсталь Череповец', 'ИТ-дирекция']);
    expectProblem(
      await manager.post(`/api/v1/accounts/${otherAccountId}/buying-centres`, { name: 'Х', kind: 'region' }),
      403,
    );
  });

  it('fills the whitespace matrix and totals it per row, column and currency', async () => {
    const cell = (centre: number, offering: number, fields: Record<string, unknown>) =>
      manager.put(`/api/v1/accounts/${accountId}/whitespace/cells`, {
        buyingCentreId: centres[centre].id,
        offeringId: offerings[offering].id,
        ...fields,
      });
    expect(
      (
        await cell(0, 0, {
          state: 'buying',
          currency: 'RUB',
          currentRevenueMinor: 1_200_000_00,
          potentialMinor: 300_000_00,
        })
      ).status,
    ).toBe(200);
    await cell(1, 0, { state: 'whitespace', currency: 'RUB', potentialMinor: 500_000_01 });
    await cell(1, 2, { state: 'competitor', currency: 'USD', potentialMinor: 10_000_00, competitor: 'SAP' });
    const matrix = (
      await cell(0, 2, { state: 'not_applicable', currency: 'RUB', potentialMinor: 1_00, competitor: 'SAP' })
    ).body;
    // A competitor is named only on a cell a competitor holds.
    expect(matrix.cells.filter((found: Json) => found.competitor !== null)).toHaveLength(1);

    expect(matrix.offerings.map((offering: Json) => offering.name)).toEqual(['Облачный ERP', 'Внедрение']);
    expect(matrix.totals.grand).toEqual({
      currentRevenue: { RUB: 1_200_000_00, USD: 0 },
      potential: { RUB: 800_000_01, USD: 10_000_00 },
    });
    expect(matrix.totals.rows[1]).toEqual({
      id: centres[1].id,
      currentRevenue: { RUB: 0, USD: 0 },
      potential: { RUB: 500_000_01, USD: 10_000_00 },
    });
    expect(matrix.cells.find((found: Json) => found.state === 'competitor').competitor).toBe('SAP');

    const foreign = await manager.put(`/api/v1/accounts/${accountId}/whitespace/cells`, {
      buyingCentreId: offerings[0].id,
      offeringId: offerings[0].id,
      state: 'buying',
      currency: 'RUB',
    });
    expectProblem(foreign, 422, ['buyingCentreId']);
    expectProblem(await cell(0, 0, { state: 'buying', currency: 'XXX' }), 400, ['currency']);
    expectProblem(await workspace.users.viewer.api.put(`/api/v1/accounts/${accountId}/whitespace/cells`, {}), 403);

    const summary = await workspace.users.viewer.api.get('/api/v1/whitespace/summary');
    expect(summary.body.items).toContainEqual(
      expect.objectContaining({ name: 'Облачный ERP', accounts: 1, potential: { RUB: 800_000_01 } }),
    );
  });

  it('opens an opportunity from a whitespace cell and moves it along the pipeline to lost, with a reason', async () => {
    const created = await manager.post('/api/v1/opportunities', {
      accountId,
      title: 'ERP для ИТ-дирекции',
      type: 'cross_sell',
      offeringId: offerings[0].id,
      buyingCentreId: centres[1].id,
      amountMinor: 500_000_01,
      currency: 'RUB',
      expectedCloseOn: '2026-12-20',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      stageId: stages[0].id,
      probability: 10,
      ownerId: workspace.users.manager.id,
      outcome: 'open',
    });
    const id = created.body.id;

    const matrix = await manager.get(`/api/v1/accounts/${accountId}/whitespace`);
    const inPlay = matrix.body.cells.find((cell: Json) => cell.buyingCentreId === centres[1].id);
    // The whitespace cell it was opened on is now in play, in the same transaction, audited.
    expect(inPlay).toMatchObject({ state: 'opportunity', opportunityIds: [id], potentialMinor: 500_000_01 });
    const cellAudit = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'whitespace_cells' and action = 'update'
         and after->>'state' = 'opportunity'`,
    );
    expect(cellAudit[0]?.n).toBe(1);

    const moved = await manager.patch(`/api/v1/opportunities/${id}`, { stageId: stages[2].id }, { 'if-match': '"1"' });
    expect(moved.body).toMatchObject({ probability: 40, version: 2 });
    expectProblem(await manager.patch(`/api/v1/opportunities/${id}`, { nextStep: 'x' }, { 'if-match': '"1"' }), 412);

    const noReason = await manager.patch(
      `/api/v1/opportunities/${id}`,
      { stageId: stages[5].id },
      { 'accept-language': 'ru' },
    );
    expectProblem(noReason, 422, ['lostReason']);
    expect(errorAt(noReason, 'lostReason')).toBe('Укажите причину проигрыша.');
    const lost = await manager.patch(`/api/v1/opportunities/${id}`, {
      stageId: stages[5].id,
      lostReason: 'Бюджет заморожен',
    });
    expect(lost.body).toMatchObject({ outcome: 'lost', probability: 0, lostReason: 'Бюджет заморожен' });
    expect(lost.body.closedAt).not.toBeNull();
    expectProblem(await manager.patch(`/api/v1/opportunities/${id}`, { stageId: stages[1].id }), 422, ['stageId']);

    const open = await manager.get(`/api/v1/opportunities?accountId=${accountId}`);
    expect(open.body.items).toEqual([]);
    const all = await manager.get(`/api/v1/opportunities?accountId=${accountId}&status=all`);
    expect(all.body.items).toHaveLength(1);

    const audit = await t.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'opportunities' and entity_id = $1`,
      [id],
    );
    expect(audit[0]?.n).toBeGreaterThanOrEqual(3);
  });

  it('refuses opportunities on accounts a manager does not hold and references that point nowhere', async () => {
    const base = { title: 'Х', type: 'upsell', amountMinor: 1, currency: 'RUB', expectedCloseOn: '2026-12-01' };
    expectProblem(await manager.post('/api/v1/opportunities', { ...base, accountId: otherAccountId }), 403);
    const wrong = await manager.post('/api/v1/opportunities', {
      ...base,
      accountId,
      offeringId: offerings[1].id,
      buyingCentreId: centres[0].id,
      ownerId: offerings[0].id,
      stageId: stages[0].id,
    });
    expectProblem(wrong, 422, ['offeringId', 'ownerId']);
    expectProblem(await manager.post('/api/v1/opportunities', { ...base, accountId, stageId: stages[4].id }), 422, [
      'stageId',
    ]);
    expectProblem(await manager.post('/api/v1/opportunities', { ...base, accountId, amountMinor: 1.5 }), 400, [
      'amountMinor',
    ]);
  });

  it('compares plan, forecast and actual from invoices by month, in exact money', async () => {
    const plan = (await manager.post('/api/v1/account-plans', { accountId })).body;
    const objectives = [
      { title: 'Выручка', metricKey: 'revenue', targetMinor: 1_200_000_00, targetCurrency: 'RUB', actions: [] },
    ];
    const content = { sections: [], competitors: [], objectives };
    const saved = await manager.put(`/api/v1/account-plans/${plan.id}`, content);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.objectives[0]).toMatchObject({ targetMinor: 1_200_000_00, targetCurrency: 'RUB' });
    expectProblem(
      await manager.put(`/api/v1/account-plans/${plan.id}`, {
        ...content,
        objectives: [{ title: 'X', targetMinor: 5 }],
      }),
      400,
      ['objectives.0.targetCurrency'],
    );

    const finance = workspace.users.finance.api;
    const invoice = await finance.post('/api/v1/invoices', {
      accountId,
      currency: 'RUB',
      lines: [{ description: 'Сопровождение', quantityMilli: 1000, unitPriceMinor: 90_000_00, vatRate: null }],
    });
    expect((await finance.post(`/api/v1/invoices/${invoice.body.id}/issue`, { issuedOn: '2026-10-15' })).status).toBe(
      200,
    );
    await manager.post('/api/v1/opportunities', {
      accountId,
      title: 'Продление поддержки',
      type: 'renewal',
      amountMinor: 100_000_00,
      currency: 'RUB',
      expectedCloseOn: '2026-12-10',
      stageId: stages[3].id,
    });

    const report = await manager.get(`/api/v1/account-plans/${plan.id}/forecast`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ actualsSource: 'invoices', today: '2026-11-26' });
    const rub = report.body.currencies.find((block: Json) => block.currency === 'RUB');
    const month = (key: string) => rub.months.find((row: Json) => row.month === key);
    expect(month('2026-10')).toMatchObject({
      planMinor: 100_000_00,
      actualMinor: 90_000_00,
      varianceMinor: -10_000_00,
      past: true,
    });
    expect(rub.runRateMinor).toBe(30_000_00);
    // The renewal renews what the run-rate already carries: shown apart, not added on top.
    expect(month('2026-12')).toMatchObject({
      weightedPipelineMinor: 0,
      renewalsMinor: 75_000_00,
      forecastMinor: 30_000_00,
    });
    expect(rub.yearToDate).toEqual({
      planMinor: 1_100_000_00,
      actualMinor: 90_000_00,
      forecastMinor: 120_000_00,
      varianceMinor: -1_010_000_00,
    });

    expectProblem(await workspace.users.specialist.api.get(`/api/v1/account-plans/${plan.id}/forecast`), 403);

    expectProblem(await manager.get(`/api/v1/account-plans/${plan.id}/pdf`), 422);
    const competitors = [{ name: 'ООО «Конкурент»', shareOfWallet: 35, strengths: 'Цена', threat: 'high' }];
    const withCompetitor = await manager.put(`/api/v1/account-plans/${plan.id}`, {
      sections: [{ sectionId: saved.body.sections[0].sectionId, body: '## Рынок\n\n- Консолидация **металлургии**' }],
      competitors,
      objectives: saved.body.objectives.map(({ actions: _a, ...objective }: Json) => ({
        ...objective,
        actions: [
          { title: 'Стратегическая сессия с ИТ-дирекцией', ownerId: workspace.users.manager.id, dueOn: '2026-12-15' },
        ],
      })),
    });
    expect(withCompetitor.status, JSON.stringify(withCompetitor.body)).toBe(200);
    expect((await manager.post(`/api/v1/account-plans/${plan.id}/submit`)).status).toBe(200);
    expect((await head.post(`/api/v1/account-plans/${plan.id}/approve`)).status).toBe(200);
    const text = pdfText(await download(t, manager, `/api/v1/account-plans/${plan.id}/pdf`));
    for (const heading of [
      'План по аккаунту: Северсталь-Холдинг',
      'Рынок клиента',
      'Конкуренты',
      'Цели и действия',
      'Карта возможностей',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('ООО «Конкурент»');
    expect(text).toContain('Стратегическая');
    expect(text).toContain('ИТ-дирекция');
    expect(text).toContain('1 200 000,00');
    expect(pdfText(await download(t, manager, `/api/v1/account-plans/${plan.id}/pdf`, 'en'))).toContain(
      'Whitespace: buying centres',
    );
  });

  it('uses figures entered by hand for an account without invoices', async () => {
    const plan = (await head.post('/api/v1/account-plans', { accountId: otherAccountId })).body;
    const entered = await head.put(`/api/v1/account-plans/${plan.id}/actuals`, {
      month: '2026-03',
      currency: 'EUR',
      amountMinor: 12_345,
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body.actualsSource).toBe('entered');
    expect(entered.body.currencies[0]).toMatchObject({ currency: 'EUR', yearToDate: { actualMinor: 12_345 } });
    expectProblem(
      await head.put(`/api/v1/account-plans/${plan.id}/actuals`, { month: '2027-01', currency: 'EUR', amountMinor: 1 }),
      422,
      ['month'],
    );
    expectProblem(
      await manager.put(`/api/v1/account-plans/${plan.id}/actuals`, {
        month: '2026-01',
        currency: 'EUR',
        amountMinor: 1,
      }),
      403,
    );
  });
  it('lets heads add and reorder open stages while won and lost stay last', async () => {
    const stageInput = { titleEn: 'Pilot', titleRu: 'Пилот', probability: 60 };
    expectProblem(await manager.post('/api/v1/pipeline-stages', stageInput), 403);
    const added = await head.post('/api/v1/pipeline-stages', stageInput);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const titles = (body: Json) => body.items.map((stage: Json) => stage.titleEn);
    expect(titles(added.body)).toEqual([
      'Qualify',
      'Needs analysis',
      'Proposal',
      'Negotiation',
      'Pilot',
      'Won',
      'Lost',
    ]);
    const open = added.body.items.filter((stage: Json) => stage.outcome === 'open').map((stage: Json) => stage.id);
    const pilot = open[4];
    const reordered = await head.put('/api/v1/pipeline-order', {
      stageIds: [open[0], open[1], pilot, open[2], open[3]],
    });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect(titles(reordered.body)).toEqual([
      'Qualify',
      'Needs analysis',
      'Pilot',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    expect(reordered.body.items.map((stage: Json) => stage.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const won = added.body.items.find((stage: Json) => stage.outcome === 'won').id;
    const withWon = await head.put(
      '/api/v1/pipeline-order',
      { stageIds: [won, open[0], open[1], pilot, open[2]] },
      { 'accept-language': 'ru' },
    );
    expectProblem(withWon, 422, ['stageIds']);
    expect(errorAt(withWon, 'stageIds')).toContain('ровно один раз');
    expectProblem(await head.put('/api/v1/pipeline-order', { stageIds: [open[0], open[0]] }), 422, ['stageIds']);
    expectProblem(await head.post('/api/v1/pipeline-stages', { ...stageInput, probability: 101 }), 400, [
      'probability',
    ]);
  });
});
