import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { derivedSeries } from '../../server';
import { refreshDerivedSeries } from './derived-series-job';
import { runDetectionJobs } from './detection-job';

describe('derived KPI series: revenue and payment delay from finance, overdue tasks from delivery', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let finance: ApiClient;
  let admin: ApiClient;
  let accountId: string;

  const refresh = () => refreshDerivedSeries(t.deps.db, derivedSeries, { now: t.clock.now() });
  const seriesOf = async (api: ApiClient, metricKey: string) =>
    (await api.get(`/api/v1/kpi-series?accountId=${accountId}&metricKey=${metricKey}`)).body.items as Json[];
  const pointsOf = async (seriesId: string) =>
    (await admin.get(`/api/v1/kpi-series/${seriesId}/points`)).body.items.map((point: Json) => [
      point.at.slice(0, 10),
      point.value,
    ]);
  const issue = async (issuedOn: string, unitPriceMinor: number, currency = 'RUB') => {
    const draft = await finance.post('/api/v1/invoices', {
      accountId,
      currency,
      lines: [{ description: 'Сопровождение', quantityMilli: 1000, unitPriceMinor, vatRate: 2200 }],
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const issued = await finance.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body;
  };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    finance = workspace.users.finance.api;
    admin = workspace.users.admin.api;
    accountId = (await createAccount(admin, { name: 'Выручка' })).id;
  });

  it('turns issued invoices into monthly revenue per currency, net of VAT, once the job runs', async () => {
    const big = await issue('2026-09-10', 1_234_567_89);
    const small = await issue('2026-09-20', 10);
    const dollars = await issue('2026-08-05', 50_000, 'USD');
    // NOTE: prices include VAT by default; revenue is the net, summed exactly in kopecks.
    expect(big.netMinor).toBeLessThan(1_234_567_89);
    // NOTE: the running month (November) stays out of the series until it ends.
    await issue('2026-11-02', 99_900);
    expect(await seriesOf(admin, 'revenue')).toEqual([]);

    expect(await refresh()).toBeGreaterThan(0);
    const series = await seriesOf(admin, 'revenue');
    expect(series.map((entry) => [entry.dimension, entry.source, entry.sourceModule]).sort()).toEqual([
      ['RUB', 'finance.invoiced_revenue', 'finance'],
      ['USD', 'finance.invoiced_revenue', 'finance'],
    ]);
    const rub = series.find((entry) => entry.dimension === 'RUB') as Json;
    const september = (big.netMinor + small.netMinor) / 100;
    expect(await pointsOf(rub.id)).toEqual([['2026-09-01', september]]);
    const usd = series.find((entry) => entry.dimension === 'USD') as Json;
    expect(await pointsOf(usd.id)).toEqual([['2026-08-01', dollars.netMinor / 100]]);

    const october = await issue('2026-10-01', 700_00);
    // One revenue point, and October's delay: the invoice fell due on the 15th and is unpaid.
    expect(await refresh()).toBe(2);
    expect(await pointsOf(rub.id)).toEqual([
      ['2026-09-01', september],
      ['2026-10-01', october.netMinor / 100],
    ]);
    // Nothing changed in finance: the job does not recompute.
    expect(await refresh()).toBe(0);

    await runDetectionJobs(t.deps.db);
    const scored = (await admin.get(`/api/v1/kpi-series/${rub.id}/points`)).body.items;
    expect(scored.every((point: Json) => point.score !== null)).toBe(true);
    const sources = await admin.get('/api/v1/kpi-derived-sources');
    expect(sources.body.items.map((source: Json) => [source.key, source.module, source.refreshedAt !== null])).toEqual([
      ['finance.invoiced_revenue', 'finance', true],
      ['finance.payment_delay', 'finance', true],
      ['delivery.overdue_tasks', 'delivery', true],
    ]);
  });

  it('records payment delay per month of the due date, and a late payment changes it', async () => {
    const late = await issue('2026-07-01', 10_000);
    await refresh();
    const [delay] = await seriesOf(admin, 'payment_delay_days');
    expect(delay).toMatchObject({ source: 'finance.payment_delay', dimension: '' });
    const dueMonth = `${late.dueOn.slice(0, 7)}-01`;
    const overdueDays = (Date.parse('2026-11-26') - Date.parse(late.dueOn)) / 86_400_000;
    expect(await pointsOf(delay.id)).toContainEqual([dueMonth, overdueDays]);

    const payment = await finance.post('/api/v1/payments', {
      accountId,
      receivedOn: '2026-08-05',
      amountMinor: late.grossMinor,
      currency: 'RUB',
      allocations: [{ invoiceId: late.id, amountMinor: late.grossMinor }],
    });
    expect(payment.status, JSON.stringify(payment.body)).toBe(201);
    await refresh();
    const paidLate = (Date.parse('2026-08-05') - Date.parse(late.dueOn)) / 86_400_000;
    expect(await pointsOf(delay.id)).toContainEqual([dueMonth, paidLate]);
  });

  it('refuses uploaded points and deletion, naming the series, in the reader’s language', async () => {
    const [rub] = (await seriesOf(admin, 'revenue')).filter((entry) => entry.dimension === 'RUB');
    const upload = await admin.post(`/api/v1/kpi-series/${rub.id}/points`, {
      points: [{ at: '2026-10-01', value: 1 }],
    });
    expectProblem(upload, 422, ['points']);
    expect(upload.body.detail).toContain('Revenue · RUB');
    const russian = await admin.inLanguage('ru').post(`/api/v1/kpi-series/${rub.id}/points`, {
      points: [{ at: '2026-10-01', value: 1 }],
    });
    expect(russian.body.detail).toContain('Выручка · RUB');
    expectProblem(await admin.delete(`/api/v1/kpi-series/${rub.id}`), 422);
  });

  it('shows revenue only to those who read the account’s money', async () => {
    expect(await seriesOf(workspace.users.manager.api, 'revenue')).toEqual([]);
    expect((await seriesOf(workspace.users.viewer.api, 'revenue')).length).toBe(2);
    const [rub] = await seriesOf(admin, 'revenue');
    expect((await workspace.users.manager.api.get(`/api/v1/kpi-series/${rub.id}`)).status).toBe(404);
    await admin.patch(`/api/v1/accounts/${accountId}`, { ownerId: workspace.users.manager.id });
    expect((await seriesOf(workspace.users.manager.api, 'revenue')).length).toBe(2);
  });

  it('leaves an uploaded series with the same metric and channel alone', async () => {
    const other = (await createAccount(admin, { name: 'Свой учёт' })).id;
    const own = await admin.post('/api/v1/kpi-series', { accountId: other, metricKey: 'revenue', dimension: 'RUB' });
    expect(own.status).toBe(201);
    accountId = other;
    await issue('2026-10-10', 100_00);
    await refresh();
    const series = await seriesOf(admin, 'revenue');
    expect(series.map((entry) => [entry.dimension, entry.source])).toEqual([['RUB', null]]);
    expect(await pointsOf(own.body.id)).toEqual([]);
  });

  it('counts a delivery account’s overdue tasks at the end of each finished week', async () => {
    const manager = workspace.users.manager.api;
    const account = (await createAccount(admin, { name: 'Сроки' })).id;
    const types = await manager.get('/api/v1/project-types');
    const project = await manager.post('/api/v1/projects', {
      accountId: account,
      projectTypeId: types.body.items[0].id,
      name: 'Сайт',
      budgetMinor: 1_000_000,
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const task = await manager.post('/api/v1/tasks', {
      projectId: project.body.id,
      title: 'Макет',
      assigneeId: workspace.users.specialist.id,
      dueAt: '2026-11-20T15:00:00Z',
      estimateHours: 2,
      priority: 'high',
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    const later = new Date(t.clock.now().getTime() + 14 * 86_400_000);
    await refreshDerivedSeries(t.deps.db, derivedSeries, { now: later });
    const [overdue] = (await admin.get(`/api/v1/kpi-series?accountId=${account}&metricKey=overdue_tasks`)).body.items;
    expect(overdue).toMatchObject({ source: 'delivery.overdue_tasks', sourceModule: 'delivery' });
    expect(await pointsOf(overdue.id)).toEqual([
      ['2026-11-23', 1],
      ['2026-11-30', 1],
    ]);
  });
});
