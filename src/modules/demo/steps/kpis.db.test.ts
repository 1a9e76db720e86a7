import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json, useTestApp } from '../../../../tests/support/test-app';
import { asSystem } from '../../../platform/db/client';
import { createApiToken } from '../../auth';
import { runDetectionJobs } from '../../kpis';
import { createUser } from '../../users';
import type { Workspace } from '../../workspaces';
import { generateDemoWorkspace } from '../index';

describe('demo KPIs', () => {
  const t = useTestApp();
  let workspace: Workspace;
  let api: ApiClient;
  const rows = async <T>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)).rows as T[];

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'kpi-demo@example.com', name: 'Админ', password: 'correct horse battery' }),
    );
    workspace = await asSystem(t.database.db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, scale: 1, locale: 'ru', seed: 1, now: t.clock.now() }),
    );
    const token = await asSystem(t.database.db, {}, async (tx) => {
      const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
      return (await createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo' })).token;
    });
    api = new ApiClient(t.app, { token }, 'ru');
  }, 120_000);

  it('gives every key account three years of weekly leads per channel, the client’s monthly sales and NPS', async () => {
    const counts = await rows<{ metric_key: string; dimension: string; series: number; points: number }>(sql`
      select s.metric_key, s.dimension, count(distinct s.id)::int as series, count(p.*)::int as points
      from kpi_series s left join kpi_points p on p.workspace_id = s.workspace_id and p.series_id = s.id
      where s.workspace_id = ${workspace.id}
      group by s.metric_key, s.dimension order by s.metric_key, s.dimension`);
    const [keyAccounts] = await rows<{ count: number }>(
      sql`select count(*)::int as count from accounts where workspace_id = ${workspace.id} and status = 'key'`,
    );
    const key = keyAccounts?.count ?? 0;
    expect(key).toBeGreaterThan(5);
    expect(counts.map((row) => `${row.metric_key}:${row.dimension}`)).toEqual([
      'leads:Google Ads',
      'leads:SEO',
      'leads:VK Ads',
      'leads:Яндекс Директ',
      'nps:',
      'revenue:Продажи клиента',
    ]);
    for (const row of counts) {
      expect(row.series).toBe(key);
      expect(row.points / key).toBe(row.metric_key === 'leads' ? 156 : 36);
    }
  });

  it('shows findings on the first start, planted ones among them, scored as the job would score them', async () => {
    const findings = await api.get('/api/v1/kpi-findings?limit=500');
    expect(findings.status).toBe(200);
    const accounts = new Set(findings.body.items.map((finding: Json) => finding.accountId));
    expect(accounts.size).toBeGreaterThanOrEqual(3);
    expect(findings.body.items[0].explanation.ru.length).toBeGreaterThan(20);
    const unscored = await rows<{ count: number }>(
      sql`select count(*)::int as count from kpi_points where workspace_id = ${workspace.id} and score is null`,
    );
    expect(unscored[0]?.count).toBe(0);
    const series = findings.body.items[0].seriesId;
    const before = (await api.get(`/api/v1/kpi-findings?seriesId=${series}&limit=500`)).body.items.map(
      (finding: Json) => `${finding.kind}@${finding.at}`,
    );
    await t.database.db.execute(sql`insert into kpi_detection_jobs (workspace_id, series_id, rescore)
      values (${workspace.id}, ${series}, true)`);
    expect(await runDetectionJobs(t.deps.db)).toBe(1);
    const after = (await api.get(`/api/v1/kpi-findings?seriesId=${series}&limit=500`)).body.items.map(
      (finding: Json) => `${finding.kind}@${finding.at}`,
    );
    expect(after).toEqual(before);
  });

  it('sets monthly revenue targets with an actual for the past ones', async () => {
    const list = await api.get(`/api/v1/kpi-series?metricKey=revenue&limit=1`);
    const targets = await api.get(`/api/v1/kpi-series/${list.body.items[0].id}/targets`);
    expect(targets.body.items).toHaveLength(15);
    expect(targets.body.items.filter((target: Json) => target.actual !== null).length).toBeGreaterThanOrEqual(11);
  });
});
