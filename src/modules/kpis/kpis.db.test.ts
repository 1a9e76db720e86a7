import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { runDetectionJobs } from './detection-job';

const weekMs = 7 * 86_400_000;
const start = Date.UTC(2023, 0, 2);

/** Weekly points with a yearly season and noise, a spike planted at `spikeAt`. */
function weeklyPoints(weeks: number, spikeAt?: number) {
  return Array.from({ length: weeks }, (_, index) => {
    const season = 100 + 20 * Math.sin((2 * Math.PI * index) / 52);
    const noise = ((index * 7919) % 13) - 6;
    return {
      at: new Date(start + index * weekMs).toISOString().slice(0, 10),
      value: index === spikeAt ? season * 3 : season + noise,
    };
  });
}

describe('KPIs: catalogue, series, points, detection and findings', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let account: Json;
  let series: Json;

  const drain = () => runDetectionJobs(t.deps.db);

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
    account = await createAccount(api, { name: 'Метрика' });
    const created = await api.post('/api/v1/kpi-series', {
      accountId: account.id,
      metricKey: 'leads',
      dimension: 'Яндекс Директ',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    series = created.body;
  });

  describe('the metric catalogue', () => {
    it('lists the built-in metrics with names in both languages', async () => {
      const response = await api.get('/api/v1/kpi-metrics');
      expect(response.status).toBe(200);
      const revenue = response.body.items.find((metric: Json) => metric.key === 'revenue');
      expect(revenue).toMatchObject({ builtIn: true, id: null, nameRu: 'Выручка', unit: 'money', aggregation: 'sum' });
      expect(response.body.items.map((metric: Json) => metric.key)).toEqual(
        expect.arrayContaining(['cpc', 'ctr', 'nps', 'payment_delay_days', 'share_of_wallet']),
      );
    });

    it('adds, changes and deletes a custom metric; a taken key is refused on `key`', async () => {
      const admin = workspace.users.admin.api;
      const input = {
        key: 'calls_booked',
        nameEn: 'Calls booked',
        nameRu: 'Записи на звонок',
        unit: 'count',
        direction: 'higher_is_better',
        aggregation: 'sum',
        frequency: 'week',
      };
      const created = await admin.post('/api/v1/kpi-metrics', input);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ builtIn: false, version: 1 });
      expectProblem(await admin.post('/api/v1/kpi-metrics', input), 422, ['key']);
      expectProblem(await admin.post('/api/v1/kpi-metrics', { ...input, key: 'revenue' }), 422, ['key']);
      expectProblem(await admin.post('/api/v1/kpi-metrics', { ...input, key: 'Плохой' }), 400, ['key']);
      const changed = await admin.patch(
        `/api/v1/kpi-metrics/${created.body.id}`,
        { nameEn: 'Booked calls' },
        {
          'if-match': '"1"',
        },
      );
      expect(changed.body).toMatchObject({ nameEn: 'Booked calls', version: 2 });
      expectProblem(
        await admin.patch(`/api/v1/kpi-metrics/${created.body.id}`, { nameEn: 'X' }, { 'if-match': '"1"' }),
        412,
      );
      const used = await api.post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'calls_booked' });
      expect(used.status).toBe(201);
      expectProblem(await admin.delete(`/api/v1/kpi-metrics/${created.body.id}`), 422);
      expect((await api.delete(`/api/v1/kpi-series/${used.body.id}`)).status).toBe(204);
      expect((await admin.delete(`/api/v1/kpi-metrics/${created.body.id}`)).status).toBe(204);
    });

    it('lets only admins and heads edit the catalogue', async () => {
      const response = await api.post('/api/v1/kpi-metrics', {
        key: 'mine',
        nameEn: 'Mine',
        nameRu: 'Моя',
        unit: 'count',
        direction: 'higher_is_better',
        aggregation: 'sum',
        frequency: 'week',
      });
      expectProblem(response, 403);
    });
  });

  describe('series', () => {
    it('refuses a second series of the same metric and dimension, and an unknown metric', async () => {
      const again = await api.post('/api/v1/kpi-series', {
        accountId: account.id,
        metricKey: 'leads',
        dimension: 'Яндекс Директ',
      });
      expectProblem(again, 422, ['dimension']);
      expectProblem(await api.post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'nope' }), 422, [
        'metricKey',
      ]);
    });

    it('lists an account’s series', async () => {
      const response = await api.get(`/api/v1/kpi-series?accountId=${account.id}`);
      expect(response.body.items.map((item: Json) => item.id)).toContain(series.id);
    });
  });

  describe('points and detection', () => {
    const points = weeklyPoints(156, 130);

    it('names the field of each bad point, in the user’s language', async () => {
      const response = await api.post(
        `/api/v1/kpi-series/${series.id}/points`,
        {
          points: [
            { at: '2025-01-06', value: 1 },
            { at: '2025-02-31', value: 2 },
            { at: '2025-01-13', value: 'много' },
            { at: '2025-01-06', value: 3 },
          ],
        },
        { 'accept-language': 'ru' },
      );
      expectProblem(response, 400, ['points.1.at', 'points.2.value']);
      expect(errorAt(response, 'points.1.at')).toContain('Укажите дату');
      const duplicate = await api.post(`/api/v1/kpi-series/${series.id}/points`, {
        points: [
          { at: '2025-01-06', value: 1 },
          { at: '2025-01-06T00:00:00Z', value: 3 },
        ],
      });
      expectProblem(duplicate, 400, ['points.1.at']);
      expectProblem(await api.post(`/api/v1/kpi-series/${series.id}/points`, { points: [] }), 400, ['points']);
    });

    it('upserts points once per Idempotency-Key, and refuses the key for another upload', async () => {
      const headers = { 'idempotency-key': 'upload-1' };
      const first = await api.post(`/api/v1/kpi-series/${series.id}/points`, { points }, headers);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toEqual({ received: 156, inserted: 156, updated: 0, unchanged: 0, replayed: false });
      const retry = await api.post(`/api/v1/kpi-series/${series.id}/points`, { points }, headers);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      const other = await api.post(`/api/v1/kpi-series/${series.id}/points`, { points: points.slice(1) }, headers);
      expectProblem(other, 422, ['Idempotency-Key']);
      const again = await api.post(`/api/v1/kpi-series/${series.id}/points`, { points });
      expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 156 });
      const [count] = await t.query('select count(*)::int as n from kpi_points where series_id = $1', [series.id]);
      expect(count?.n).toBe(156);
    });

    it('finds the planted spike in the background job, with an explanation in both languages', async () => {
      const before = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}`);
      expect(before.body.items).toEqual([]);
      expect(await drain()).toBeGreaterThanOrEqual(1);
      const findings = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}`);
      const spike = findings.body.items.find((finding: Json) => finding.at.startsWith(points[130]?.at as string));
      expect(spike, JSON.stringify(findings.body.items)).toMatchObject({
        kind: 'spike',
        status: 'open',
        accountId: account.id,
        metricKey: 'leads',
        dimension: 'Яндекс Директ',
      });
      expect(spike.explanation.ru).toContain('Всплеск');
      expect(spike.explanation.en).toContain('Spike');
      const chart = await api.get(`/api/v1/kpi-series/${series.id}/points?from=2025-01-01`);
      expect(chart.status).toBe(200);
      const last = chart.body.items.at(-1);
      expect(last.expectedLow).toBeLessThan(last.value);
      expect(last.expectedHigh).toBeGreaterThan(last.value);
      expect(chart.body.items.every((item: Json) => item.at >= '2025-01-01')).toBe(true);
      expect(await drain()).toBe(0);
    });

    it('audits a correction, and rescoring keeps people’s decisions', async () => {
      const findings = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}`);
      const spike = findings.body.items[0];
      const acknowledged = await api.patch(`/api/v1/kpi-findings/${spike.id}`, {
        status: 'false_alarm',
        note: 'Акция',
      });
      expect(acknowledged.body).toMatchObject({ status: 'false_alarm', note: 'Акция', version: 2 });
      const corrected = await api.post(`/api/v1/kpi-series/${series.id}/points`, {
        points: [{ at: points[140]?.at, value: 5 }],
      });
      expect(corrected.body).toMatchObject({ updated: 1, inserted: 0 });
      const audit = await t.query(
        "select before->>'value' as before, after->>'value' as after from audit_log where entity = 'kpi_points' and action = 'update'",
      );
      expect(audit).toEqual([{ before: String(points[140]?.value), after: '5' }]);
      await drain();
      const after = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}&status=false_alarm`);
      expect(after.body.items.map((item: Json) => item.id)).toEqual([spike.id]);
      const fresh = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}&status=open`);
      expect(fresh.body.items.map((item: Json) => item.at.slice(0, 10))).toEqual([points[140]?.at]);
    });

    it('turns a finding into a follow-up on the account timeline in one step, once', async () => {
      const open = await api.get(`/api/v1/kpi-findings?accountId=${account.id}&status=open`);
      const finding = open.body.items[0];
      expect(finding).toBeDefined();
      const body = { ownerId: workspace.users.manager.id, dueOn: '2026-12-15' };
      const made = await api.post(`/api/v1/kpi-findings/${finding.id}/follow-up`, body, { 'accept-language': 'ru' });
      expect(made.status, JSON.stringify(made.body)).toBe(200);
      expect(made.body.status).toBe('follow_up');
      const interaction = await api.get(`/api/v1/interactions/${made.body.interactionId}`);
      expect(interaction.body).toMatchObject({
        accountId: account.id,
        kind: 'note',
        nextStepOwnerId: workspace.users.manager.id,
        nextStepDueOn: '2026-12-15',
      });
      expect(interaction.body.subject).toContain('Аномалия KPI');
      expectProblem(await api.post(`/api/v1/kpi-findings/${finding.id}/follow-up`, body), 422, ['status']);
      expectProblem(await api.patch(`/api/v1/kpi-findings/${finding.id}`, { status: 'acknowledged' }), 422, ['status']);
    });

    it('refuses a follow-up owner who is not a member', async () => {
      const open = await api.get(`/api/v1/kpi-findings?accountId=${account.id}&status=open`);
      const finding = open.body.items[0];
      if (!finding) return;
      const response = await api.post(`/api/v1/kpi-findings/${finding.id}/follow-up`, {
        ownerId: '0190a0e0-0000-7000-8000-000000000000',
        dueOn: '2026-12-15',
      });
      expectProblem(response, 422, ['ownerId']);
    });
  });

  describe('targets', () => {
    it('compares a period’s target with the actual by the metric’s aggregation', async () => {
      const response = await api.post(`/api/v1/kpi-series/${series.id}/targets`, {
        periodStart: '2023-01-01',
        periodEnd: '2023-01-31',
        value: 400,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const january = weeklyPoints(5).reduce((sum, point) => sum + point.value, 0);
      expect(response.body.actual).toBeCloseTo(january, 6);
      expect(response.body.variance).toBeCloseTo(january - 400, 6);
      expectProblem(
        await api.post(`/api/v1/kpi-series/${series.id}/targets`, {
          periodStart: '2023-02-01',
          periodEnd: '2023-01-31',
          value: 1,
        }),
        400,
        ['periodEnd'],
      );
      const list = await api.get(`/api/v1/kpi-series/${series.id}/targets`);
      expect(list.body.items).toHaveLength(1);
      expect((await api.delete(`/api/v1/kpi-targets/${response.body.id}`)).status).toBe(204);
    });
  });

  describe('account health', () => {
    it('scores the account factor by factor, and the portfolio overview ranks it', async () => {
      const health = await api.get(`/api/v1/accounts/${account.id}/health`);
      expect(health.status, JSON.stringify(health.body)).toBe(200);
      expect(health.body.score).toBeGreaterThanOrEqual(0);
      expect(health.body.score).toBeLessThanOrEqual(100);
      expect(health.body.factors.map((factor: Json) => factor.key)).toEqual([
        'kpi_trend',
        'anomalies',
        'relationship',
        'nps',
        'overdue_tasks',
        'overdue_payments',
        'complaints',
      ]);
      const anomalies = health.body.factors.find((factor: Json) => factor.key === 'anomalies');
      expect(anomalies.input).toBeGreaterThanOrEqual(0);
      expect(health.body.factors.find((factor: Json) => factor.key === 'nps').value).toBeNull();
      const overview = await api.get('/api/v1/health');
      expect(overview.body.items.find((item: Json) => item.accountId === account.id)).toMatchObject({
        score: health.body.score,
        grade: health.body.grade,
      });
      const counted = Object.values(overview.body.counts as Record<string, number>).reduce(
        (sum, count) => sum + count,
        0,
      );
      expect(counted).toBe(overview.body.items.length);
    });

    it('follows the workspace’s weights, and keeps a daily history', async () => {
      const admin = workspace.users.admin.api;
      const settings = await admin.get('/api/v1/health/settings');
      expect(settings.body.version).toBe(0);
      expectProblem(await api.request('PUT', '/api/v1/health/settings', { weights: { anomalies: 0 } }), 403);
      expectProblem(await admin.request('PUT', '/api/v1/health/settings', { weights: { anomalies: -1 } }), 400, [
        'weights.anomalies',
      ]);
      const saved = await admin.request(
        'PUT',
        '/api/v1/health/settings',
        { weights: { anomalies: 0, kpi_trend: 0 } },
        { 'if-match': '"0"' },
      );
      expect(saved.body).toMatchObject({
        version: 1,
        weights: { anomalies: 0, kpi_trend: 0, relationship: 20, nps: 10, complaints: 10 },
      });
      expectProblem(
        await admin.request('PUT', '/api/v1/health/settings', { weights: { nps: 1 } }, { 'if-match': '"0"' }),
        412,
      );
      const health = await api.get(`/api/v1/accounts/${account.id}/health`);
      expect(health.body.score).toBeNull();
      await admin.request('PUT', '/api/v1/health/settings', { weights: { anomalies: 20, kpi_trend: 35 } });
      const recorded = await admin.post('/api/v1/health/recompute');
      expect(recorded.body.recorded).toBeGreaterThanOrEqual(1);
      await admin.post('/api/v1/health/recompute');
      const history = (await api.get(`/api/v1/accounts/${account.id}/health`)).body.history;
      expect(history).toHaveLength(1);
      expect(history[0].day).toBe(t.clock.now().toISOString().slice(0, 10));
    });
  });

  describe('deletion', () => {
    it('takes a series’ points with it, also when its account is deleted', async () => {
      const doomed = await createAccount(api, { name: 'Удаляемый' });
      const first = await api.post('/api/v1/kpi-series', { accountId: doomed.id, metricKey: 'orders' });
      const second = await api.post('/api/v1/kpi-series', { accountId: doomed.id, metricKey: 'leads' });
      for (const created of [first, second]) {
        await api.post(`/api/v1/kpi-series/${created.body.id}/points`, { points: weeklyPoints(10) });
      }
      const count = async (id: string) =>
        (await t.query('select count(*)::int as n from kpi_points where series_id = $1', [id]))[0]?.n;
      expect(await count(first.body.id)).toBe(10);
      expect((await api.delete(`/api/v1/kpi-series/${first.body.id}`)).status).toBe(204);
      expect(await count(first.body.id)).toBe(0);
      expect((await workspace.users.admin.api.delete(`/api/v1/accounts/${doomed.id}`)).status).toBe(204);
      expect(await count(second.body.id)).toBe(0);
    });
  });

  describe('access', () => {
    it('lets viewers read but not load points or triage', async () => {
      const viewer = workspace.users.viewer.api;
      expect((await viewer.get(`/api/v1/kpi-series/${series.id}/points`)).status).toBe(200);
      expectProblem(
        await viewer.post(`/api/v1/kpi-series/${series.id}/points`, { points: [{ at: '2020-01-01', value: 1 }] }),
        403,
      );
      const findings = await viewer.get(`/api/v1/kpi-findings?seriesId=${series.id}`);
      expectProblem(
        await viewer.patch(`/api/v1/kpi-findings/${findings.body.items[0].id}`, { status: 'acknowledged' }),
        403,
      );
    });

    it('hides the series of accounts a specialist is not on', async () => {
      const specialist = workspace.users.specialist.api;
      expectProblem(await specialist.get(`/api/v1/kpi-series/${series.id}`), 404);
      const findings = await specialist.get('/api/v1/kpi-findings');
      expect(findings.body.items).toEqual([]);
    });

    it('keeps another workspace out: 404 on every id, nothing listed', async () => {
      const other = (await t.seedWorkspace('Чужие')).users.admin.api;
      expectProblem(await other.get(`/api/v1/kpi-series/${series.id}`), 404);
      expectProblem(await other.get(`/api/v1/kpi-series/${series.id}/points`), 404);
      expectProblem(
        await other.post(`/api/v1/kpi-series/${series.id}/points`, { points: [{ at: '2020-01-01', value: 1 }] }),
        404,
      );
      expect((await other.get('/api/v1/kpi-findings')).body.items).toEqual([]);
      expect((await other.get('/api/v1/kpi-series')).body.items).toEqual([]);
      const mine = await api.get(`/api/v1/kpi-findings?seriesId=${series.id}`);
      expectProblem(await other.get(`/api/v1/kpi-findings/${mine.body.items[0].id}`), 404);
    });
  });
});
