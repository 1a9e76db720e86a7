import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('report figures from KPI series', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let accountId: string;

  const series = async (metricKey: string, dimension: string, points: { at: string; value: number }[]) => {
    const created = await manager.post('/api/v1/kpi-series', { accountId, metricKey, dimension });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const loaded = await manager.post(`/api/v1/kpi-series/${created.body.id}/points`, { points });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
  };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'ЖК «Лесной»' })).id;
    await series('leads', 'Яндекс Директ', [
      { at: '2026-09-28', value: 100 },
      { at: '2026-10-05', value: 40 },
      { at: '2026-10-12', value: 35 },
      { at: '2026-11-02', value: 500 },
    ]);
    await series('leads', 'VK Реклама', [{ at: '2026-10-19', value: 12 }]);
    await series('conversions', 'Яндекс Директ', [{ at: '2026-10-26', value: 61 }]);
    await series('cpc', 'Яндекс Директ', [
      { at: '2026-10-05', value: 31.5 },
      { at: '2026-10-12', value: 28.25 },
    ]);
  });

  it('fills a draft’s figures for its period per channel, keeps those typed by hand, and lets them be corrected', async () => {
    const report = await manager.post('/api/v1/reports', {
      accountId,
      title: 'Отчёт за октябрь',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      dueOn: '2026-11-05',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    const path = `/api/v1/reports/${report.body.id}`;
    await manager.patch(path, {
      figures: [
        { label: 'Лиды', value: '1', channel: 'Яндекс Директ' },
        { label: 'Звонки', value: '14', channel: 'Телефония' },
      ],
    });
    const pulled = await manager.post(`${path}/figures/pull`, { metricKeys: ['leads', 'conversions', 'cpc'] });
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    expect(pulled.body.figures).toEqual([
      { label: 'Лиды', value: '75', channel: 'Яндекс Директ' },
      { label: 'Звонки', value: '14', channel: 'Телефония' },
      { label: 'Лиды', value: '12', channel: 'VK Реклама' },
      { label: 'Цели / конверсии', value: '61', channel: 'Яндекс Директ' },
      { label: 'Цена клика (CPC)', value: '29.88', channel: 'Яндекс Директ' },
    ]);
    const corrected = await manager.patch(path, {
      figures: pulled.body.figures.map((figure: Json) =>
        figure.channel === 'VK Реклама' ? { ...figure, value: '13' } : figure,
      ),
    });
    expect(corrected.body.figures[2]).toEqual({ label: 'Лиды', value: '13', channel: 'VK Реклама' });
    expectProblem(await workspace.users.viewer.api.post(`${path}/figures/pull`, {}), 403);
    expectProblem(await manager.post(`${path}/figures/pull`, { metricKeys: [] }), 400, ['metricKeys']);
  });
});
