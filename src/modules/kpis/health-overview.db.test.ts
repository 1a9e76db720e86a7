import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const dayMs = 86_400_000;

describe('portfolio health: the stored daily record, the same for every reader', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let admin: ApiClient;
  let accountId: string;
  let seriesId: string;

  /** Daily points over the last 180 days: `before` for the first 90, `recent` for the last 90. */
  const trend = (before: number, recent: number) =>
    Array.from({ length: 180 }, (_, index) => ({
      at: new Date(t.clock.now().getTime() - (180 - index) * dayMs).toISOString().slice(0, 10),
      value: index < 90 ? before : recent,
    }));
  const overviewScore = async (api: ApiClient = admin) =>
    (await api.get('/api/v1/health')).body.items.find((item: Json) => item.accountId === accountId)?.score;
  const live = async () => (await admin.get(`/api/v1/accounts/${accountId}/health`)).body;
  const kpiTrend = (body: Json) => body.factors.find((factor: Json) => factor.key === 'kpi_trend');

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    admin = workspace.users.admin.api;
    accountId = (await createAccount(admin, { name: 'Портфель' })).id;
    const series = await admin.post('/api/v1/kpi-series', { accountId, metricKey: 'leads' });
    seriesId = series.body.id;
    const loaded = await admin.post(`/api/v1/kpi-series/${seriesId}/points`, { points: trend(100, 115) });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
  });

  it('stores an account’s health the first time the overview needs it, then reads it', async () => {
    const first = await overviewScore();
    expect(first).toBe((await live()).score);
    const stored = await t.query('select day::text as day, score from account_health_history where account_id = $1', [
      accountId,
    ]);
    expect(stored).toEqual([{ day: t.clock.now().toISOString().slice(0, 10), score: first }]);

    // The trend turns: the account page shows it now, the overview once the day's record is redone.
    await admin.post(`/api/v1/kpi-series/${seriesId}/points`, { points: trend(100, 70) });
    expect((await live()).score).toBeLessThan(first);
    expect(await overviewScore()).toBe(first);
    await admin.post('/api/v1/health/recompute');
    expect(await overviewScore()).toBe((await live()).score);
  });

  it('applies new weights to today’s record at once', async () => {
    const saved = await admin.request('PUT', '/api/v1/health/settings', { weights: { kpi_trend: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // Left: the anomalies factor alone (no finding was detected: the job has not run).
    expect(await overviewScore()).toBe(100);
    expect(await overviewScore(workspace.users.manager.api)).toBe(100);
    await admin.request('PUT', '/api/v1/health/settings', { weights: { kpi_trend: 25 } });
    expect(await overviewScore()).toBe((await live()).score);
  });

  it('leaves out series with reading rules of their own, such as finance’s revenue', async () => {
    expect(kpiTrend(await live()).value).not.toBeNull();
    await t.query(
      "update kpi_series set source = 'finance.invoiced_revenue', source_module = 'finance', source_read_permission = 'finance:read' where id = $1",
      [seriesId],
    );
    const body = await live();
    expect(kpiTrend(body)).toMatchObject({ value: null, weight: 0 });
    expect(body.factors.find((factor: Json) => factor.key === 'anomalies')).toMatchObject({ value: null });
  });
});
