import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('account health: factors from finance, delivery and client care', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let admin: ApiClient;
  let accountId: string;

  const health = async () => (await admin.get(`/api/v1/accounts/${accountId}/health`)).body;
  const factor = (body: Json, key: string) => body.factors.find((entry: Json) => entry.key === key);
  const invoice = async (issuedOn: string) => {
    const finance = workspace.users.finance.api;
    const draft = await finance.post('/api/v1/invoices', {
      accountId,
      currency: 'RUB',
      lines: [{ description: 'Сопровождение', quantityMilli: 1000, unitPriceMinor: 100_000, vatRate: 2200 }],
    });
    const issued = await finance.post(`/api/v1/invoices/${draft.body.id}/issue`, { issuedOn });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    return issued.body;
  };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    admin = workspace.users.admin.api;
    accountId = (await createAccount(admin, { name: 'Здоровье' })).id;
  });

  it('has no score while no module has data on the account', async () => {
    const body = await health();
    expect(body.score).toBeNull();
    expect(factor(body, 'overdue_payments')).toMatchObject({ value: null, weight: 0 });
    expect(factor(body, 'complaints')).toMatchObject({ value: null, weight: 0 });
  });

  it('an overdue invoice lowers the score; factors without data stay out and the rest carry it all', async () => {
    await invoice('2026-11-20');
    const onTime = await health();
    expect(onTime.score).toBe(100);
    expect(factor(onTime, 'overdue_payments')).toMatchObject({ value: 100, weight: 1, input: 0 });
    const late = await invoice('2026-09-01');
    expect(late.dueOn < '2026-11-26').toBe(true);
    const overdue = await health();
    expect(overdue.score).toBeLessThan(onTime.score);
    expect(factor(overdue, 'overdue_payments')).toMatchObject({ value: 75, input: 1 });
  });

  it('an open complaint lowers the score, and resolving it lifts it again', async () => {
    const praise = await admin.post('/api/v1/feedback', {
      accountId,
      kind: 'praise',
      source: 'call',
      description: 'Спасибо за отчёт',
    });
    expect(praise.status, JSON.stringify(praise.body)).toBe(201);
    const before = await health();
    expect(factor(before, 'complaints')).toMatchObject({ value: 100, input: 0, weight: 0.5 });
    const complaint = await admin.post('/api/v1/feedback', {
      accountId,
      kind: 'complaint',
      source: 'email',
      severity: 'high',
      description: 'Отчёт опоздал на неделю',
    });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
    const after = await health();
    expect(after.score).toBeLessThan(before.score);
    expect(factor(after, 'complaints')).toMatchObject({ value: 66, input: 1 });
    const resolved = await admin.post(`/api/v1/feedback/${complaint.body.id}/status`, {
      status: 'resolved',
      resolution: 'Отправили отчёт, сдвинули график',
      rootCause: 'production_delay',
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect((await health()).score).toBe(before.score);
  });

  it('a task past its deadline lowers the score', async () => {
    const manager = workspace.users.manager.api;
    const before = await health();
    expect(factor(before, 'overdue_tasks')).toMatchObject({ value: null, weight: 0 });
    const types = await manager.get('/api/v1/project-types');
    const project = await manager.post('/api/v1/projects', {
      accountId,
      projectTypeId: types.body.items[0].id,
      name: 'Сайт',
      budgetMinor: 1_000_000,
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const task = (dueAt: string) =>
      manager.post('/api/v1/tasks', {
        projectId: project.body.id,
        title: 'Макет',
        assigneeId: workspace.users.specialist.id,
        dueAt,
        estimateHours: 2,
        priority: 'high',
      });
    expect((await task('2026-12-20T15:00:00Z')).status).toBe(201);
    const onTime = await health();
    expect(factor(onTime, 'overdue_tasks')).toMatchObject({ value: 100, input: 0 });
    expect((await task('2026-11-20T15:00:00Z')).status).toBe(201);
    const late = await health();
    expect(factor(late, 'overdue_tasks')).toMatchObject({ value: 80, input: 1 });
    expect(late.score).toBeLessThan(onTime.score);
  });

  it('a weight of 0 in the workspace settings takes a factor out', async () => {
    const saved = await admin.request('PUT', '/api/v1/health/settings', { weights: { complaints: 0 } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const body = await health();
    expect(factor(body, 'complaints')).toMatchObject({ weight: 0 });
    expect(factor(body, 'overdue_payments').weight).toBeGreaterThan(0);
  });
});
