import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const dayMs = 86_400_000;
const start = Date.UTC(1901, 0, 1);

/** `count` daily points from 1901-01-01 (100,000 reach 2174), as the API takes them. */
function dailyPoints(count: number, value: (index: number) => number) {
  return Array.from({ length: count }, (_, index) => ({
    at: new Date(start + index * dayMs).toISOString().slice(0, 10),
    value: value(index),
  }));
}

describe('KPIs: bulk points, checked once and written set-wise', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let series: Json;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
    const account = await createAccount(api, { name: 'Объёмы' });
    const created = await api.post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'orders' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    series = created.body;
  });

  const upload = (body: unknown, headers: Record<string, string> = {}) =>
    api.post(`/api/v1/kpi-series/${series.id}/points`, body, { 'accept-language': 'en', ...headers });

  it('names every bad field of every point, as the schema did', async () => {
    const response = await upload({
      points: [
        { at: '2025-01-06', value: 1 },
        { value: 2 },
        { at: 20250107, value: '3' },
        { at: '2025-01-08', value: 4, note: 'x' },
        'point',
        { at: '1899-12-31', value: 1e16 },
        { at: '2025-01-09T10:00:00', value: 5 },
        { at: '2025-01-10T10:00:00+03:00' },
      ],
    });
    expectProblem(response, 400, [
      'points.1.at',
      'points.2.at',
      'points.2.value',
      'points.3.note',
      'points.4',
      'points.5.at',
      'points.5.value',
      'points.6.at',
      'points.7.value',
    ]);
    expect(errorAt(response, 'points.1.at')).toBe('This field is required.');
    expect(errorAt(response, 'points.2.value')).toBe('Must be a number.');
    expect(errorAt(response, 'points.3.note')).toBe('Unknown field.');
    expect(errorAt(response, 'points.5.at')).toContain('1900');
    expect(errorAt(response, 'points.6.at')).toContain('zone');
    expectProblem(await upload({ points: 'many' }), 400, ['points']);
    expectProblem(await upload({}), 400, ['points']);
    expectProblem(await upload({ points: [{ at: '2025-01-06', value: 1 }], extra: true }), 400, ['extra']);
    const [stored] = await t.query('select count(*)::int as n from kpi_points where series_id = $1', [series.id]);
    expect(stored?.n).toBe(0);
  });

  it('refuses a time repeated out of order, naming its second occurrence', async () => {
    const response = await upload({
      points: [
        { at: '2025-01-08', value: 1 },
        { at: '2025-01-06', value: 2 },
        { at: '2025-01-08T00:00:00Z', value: 3 },
      ],
    });
    expectProblem(response, 400, ['points.2.at']);
  });

  it('stores 100,000 points in one request, and audits each correction of a later upload', async () => {
    const points = dailyPoints(100_000, (index) => 1_000 + (index % 97));
    const first = await upload({ points }, { 'idempotency-key': 'bulk-1' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ received: 100_000, inserted: 100_000, updated: 0, unchanged: 0, replayed: false });
    const replay = await upload({ points }, { 'idempotency-key': 'bulk-1' });
    expect(replay.body).toEqual({ ...first.body, replayed: true });

    // Three values changed, one added, the rest as stored: three audit entries, nothing else.
    const corrected = points.slice(0, 10).map((point, index) => (index % 4 === 1 ? { ...point, value: -1 } : point));
    corrected.push({ at: '2300-01-01', value: 1 });
    expectProblem(await upload({ points: corrected }), 400, ['points.10.at']);
    corrected[10] = { at: '2199-12-31', value: 7 };
    const correction = await upload({ points: corrected });
    expect(correction.body).toEqual({ received: 11, inserted: 1, updated: 3, unchanged: 7, replayed: false });
    const audit = await t.query(
      `select entity_id, before->>'at' as at, before->>'value' as before, after->>'value' as after, actor_user_id
       from audit_log where entity = 'kpi_points' and entity_id = $1 order by before->>'at'`,
      [series.id],
    );
    expect(audit).toEqual(
      [1, 5, 9].map((index) => ({
        entity_id: series.id,
        at: `${points[index]?.at}T00:00:00+00:00`,
        before: String(points[index]?.value),
        after: '-1',
        actor_user_id: workspace.users.manager.id,
      })),
    );
    const [stored] = await t.query('select count(*)::int as n from kpi_points where series_id = $1', [series.id]);
    expect(stored?.n).toBe(100_001);
  });
});
