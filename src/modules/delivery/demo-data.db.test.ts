import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, useTestApp } from '../../../tests/support/test-app';
import { asSystem, inWorkspace } from '../../platform/db/client';
import { createApiToken } from '../auth';
import { generateDemoWorkspace } from '../demo';
import { createUser } from '../users';
import type { Workspace } from '../workspaces';

describe('delivery in the demo workspace', () => {
  const t = useTestApp();
  let workspace: Workspace;
  let api: ApiClient;

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'delivery-admin@example.com', name: 'Руководитель', password: 'correct horse battery' }),
    );
    workspace = await asSystem(t.database.db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, now: t.clock.now(), scale: 0.5, locale: 'ru', seed: 7 }),
    );
    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(t.database.db, { workspaceId: workspace.id }, (tx) =>
      createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo' }),
    );
    api = new ApiClient(t.app, { token });
  }, 180_000);

  it('has the agency’s departments, projects at several stages and tasks in every state', async () => {
    const departments = await api.get('/api/v1/departments');
    expect(departments.body.items.map((department: { name: string }) => department.name).sort()).toEqual([
      'SEO',
      'Дизайн',
      'Контекстная реклама',
      'Разработка',
    ]);
    const projects = (await api.get('/api/v1/projects')).body.items as {
      stage: string;
      budgetMinor: number | null;
      id: string;
    }[];
    expect(new Set(projects.map((project) => project.stage)).size).toBeGreaterThanOrEqual(3);
    const board = await api.get('/api/v1/board');
    const cards = board.body.columns.flatMap((column: { tasks: unknown[] }) => column.tasks) as {
      status: string;
      acceptance: string;
      overdue: boolean;
      acceptanceLate: boolean;
    }[];
    expect(new Set(cards.map((card) => card.status))).toEqual(new Set(['todo', 'in_progress', 'in_review', 'done']));
    expect(new Set(cards.map((card) => card.acceptance))).toEqual(new Set(['pending', 'accepted', 'declined']));
    expect(cards.some((card) => card.overdue)).toBe(true);
    const statuses = [];
    for (const project of projects) {
      const estimates = await api.get(`/api/v1/estimates?projectId=${project.id}`);
      for (const estimate of estimates.body.items) {
        statuses.push(estimate.status);
        if (estimate.status === 'approved') expect(project.budgetMinor).toBe(estimate.grossMinor);
      }
    }
    expect(statuses).toContain('approved');
    expect(statuses).toContain('sent');
    const workload = await api.get('/api/v1/workload?by=department');
    expect(workload.body.rows).toHaveLength(4);
  });

  it('has requests in several states with briefs, and monthly reports sent, waiting for review or late', async () => {
    const requests = (await api.get('/api/v1/requests')).body.items as {
      status: string;
      project: unknown;
      brief: { answers: Record<string, unknown> } | null;
    }[];
    expect(new Set(requests.map((request) => request.status))).toEqual(
      new Set(['accepted', 'new', 'clarifying', 'declined']),
    );
    const accepted = requests.filter((request) => request.status === 'accepted');
    expect(accepted.every((request) => request.project !== null && request.brief?.answers.goal)).toBe(true);
    const reports = (await api.get('/api/v1/reports')).body.items as { status: string; late: boolean }[];
    expect(new Set(reports.map((report) => report.status))).toEqual(new Set(['sent', 'in_review', 'draft']));
    const flagged = (await api.get('/api/v1/reports?flagged=true')).body.items as { status: string }[];
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((report) => report.status !== 'sent')).toBe(true);
  });
});
