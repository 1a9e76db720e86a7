import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { createLogger } from '../../platform/logger';
import { moduleFacts } from '../../server';
import { startDetectionWorker } from './detection-job';

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

    // The trend turns: the overview shows it once the record is redone (recompute, the worker).
    await admin.post(`/api/v1/kpi-series/${seriesId}/points`, { points: trend(100, 70) });
    expect(await overviewScore()).toBe(first);
    await admin.post('/api/v1/health/recompute');
    const turned = await overviewScore();
    expect(turned).toBeLessThan(first);
    expect(turned).toBe((await live()).score);
  });

  it('records what the account page shows, so the overview agrees with it at once', async () => {
    const before = await overviewScore();
    await admin.post(`/api/v1/kpi-series/${seriesId}/points`, { points: trend(100, 130) });
    expect(await overviewScore()).toBe(before);
    const page = (await live()).score;
    expect(page).toBeGreaterThan(before);
    expect(await overviewScore()).toBe(page);
    // Any reader of the account: health is the same for all of them.
    await admin.post(`/api/v1/kpi-series/${seriesId}/points`, { points: trend(100, 100) });
    const viewer = workspace.users.viewer.api;
    const seen = await viewer.get(`/api/v1/accounts/${accountId}/health`);
    expect(seen.status).toBe(200);
    expect(await overviewScore()).toBe(seen.body.score);
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

  it('is recorded again by the background worker during the day, not only once', async () => {
    const other = (await createAccount(admin, { name: 'Фоновый' })).id;
    const series = (await admin.post('/api/v1/kpi-series', { accountId: other, metricKey: 'leads' })).body.id;
    await admin.post(`/api/v1/kpi-series/${series}/points`, { points: trend(100, 120) });
    const scoreOf = async () =>
      (await admin.get('/api/v1/health')).body.items.find((item: Json) => item.accountId === other)?.score;
    const first = await scoreOf();
    await admin.post(`/api/v1/kpi-series/${series}/points`, { points: trend(100, 60) });
    expect(await scoreOf()).toBe(first);
    const worker = startDetectionWorker(t.database.db, createLogger('silent'), {
      accountFacts: moduleFacts,
      intervalMs: 20,
      healthEveryMs: 0,
      clock: () => t.clock.now(),
    });
    try {
      await expect.poll(scoreOf, { timeout: 20_000 }).toBeLessThan(first);
    } finally {
      await worker.stop();
    }
    expect(await scoreOf()).toBe((await admin.get(`/api/v1/accounts/${other}/health`)).body.score);
  });

  it('keeps the record of the workspace’s calendar day: after midnight in Moscow a new day starts, not at 03:00', async () => {
    const kept = t.clock.current;
    const days = async () =>
      (
        await t.query('select day::text as day from account_health_history where account_id = $1 order by day', [
          accountId,
        ])
      ).map((row) => row.day);
    try {
      t.clock.current = new Date('2026-11-26T20:59:00Z');
      await overviewScore();
      expect(await days()).toEqual(['2026-11-26']);
      // 00:01 on the 27th in Moscow, still the 26th in UTC.
      t.clock.current = new Date('2026-11-26T21:01:00Z');
      await overviewScore();
      expect(await days()).toEqual(['2026-11-26', '2026-11-27']);
    } finally {
      t.clock.current = kept;
    }
  });
});
