import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const hour = 3_600_000;

describe('delivery API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let specialist: ApiClient;
  let other: ApiClient;
  let accountId: string;
  let projectId: string;
  let designId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    const admin = workspace.users.admin.api;
    manager = workspace.users.manager.api;
    specialist = workspace.users.specialist.api;
    // NOTE: the viewer becomes a second specialist, to show specialists do not see each other's work.
    expect((await admin.patch(`/api/v1/members/${workspace.users.viewer.id}`, { role: 'specialist' })).status).toBe(
      200,
    );
    other = workspace.users.viewer.api;
    accountId = (await createAccount(admin, { name: 'ГК «Самолёт-Девелопмент»' })).id;
    designId = (await admin.post('/api/v1/departments', { name: 'Дизайн' })).body.id;
    const placed = await admin.request('PUT', `/api/v1/delivery/members/${workspace.users.specialist.id}`, {
      departmentId: designId,
      weeklyCapacityHours: 30,
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    const types = await manager.get('/api/v1/project-types');
    const website = types.body.items.find((type: { name: string }) => type.name === 'Сайт');
    expect(website.stages).toEqual(['Бриф', 'Дизайн', 'Разработка', 'Запуск', 'Поддержка']);
    const project = await manager.post('/api/v1/projects', {
      accountId,
      projectTypeId: website.id,
      name: 'Сайт ЖК «Лесной»',
      budgetMinor: 150_000_000,
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body).toMatchObject({ stage: 'Бриф', owner: { id: workspace.users.manager.id } });
    projectId = project.body.id;
  });

  const task = async (extra: Record<string, unknown> = {}) => {
    const response = await manager.post('/api/v1/tasks', {
      projectId,
      title: 'Макет главной страницы',
      assigneeId: workspace.users.specialist.id,
      dueAt: '2026-11-30T15:00:00Z',
      estimateHours: 6.5,
      priority: 'high',
      links: ['https://www.figma.com/file/abc'],
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  describe('departments and projects', () => {
    it('names the field at fault in the reader’s language', async () => {
      const admin = workspace.users.admin.api;
      const taken = await admin.request('POST', '/api/v1/departments', { name: 'Дизайн' }, { 'accept-language': 'ru' });
      expect(errorAt(expectProblem(taken, 422, ['name']) && taken, 'name')).toBe('Отдел с таким названием уже есть.');
      expectProblem(
        await admin.request('PUT', `/api/v1/delivery/members/${workspace.users.specialist.id}`, {
          weeklyCapacityHours: 200,
        }),
        400,
        ['departmentId', 'weeklyCapacityHours'],
      );
      expectProblem(await manager.post('/api/v1/departments', { name: 'SEO' }), 403);
      const members = await manager.get('/api/v1/delivery/members');
      const byId = new Map(members.body.items.map((member: { userId: string }) => [member.userId, member]));
      expect(byId.get(workspace.users.specialist.id)).toMatchObject({
        departmentId: designId,
        weeklyCapacityHours: 30,
      });
      expect(byId.get(workspace.users.head.id)).toMatchObject({ departmentId: null, weeklyCapacityHours: 40 });
    });

    it('moves a project only to a stage of its type, and lists my projects', async () => {
      const stage = await manager.request(
        'PATCH',
        `/api/v1/projects/${projectId}`,
        { stage: 'Медиаплан' },
        { 'accept-language': 'en' },
      );
      expect(errorAt(expectProblem(stage, 422, ['stage']) && stage, 'stage')).toContain('Бриф → Дизайн');
      expect((await manager.patch(`/api/v1/projects/${projectId}`, { stage: 'Дизайн' })).body.stage).toBe('Дизайн');
      expectProblem(
        await manager.patch(`/api/v1/projects/${projectId}`, { startsOn: '2026-12-01', endsOn: '2026-11-01' }),
        400,
        ['endsOn'],
      );
      const mine = await manager.get('/api/v1/projects?ownerId=me');
      expect(mine.body.items.map((project: { id: string }) => project.id)).toEqual([projectId]);
      expect((await workspace.users.head.api.get('/api/v1/projects?ownerId=me')).body.items).toEqual([]);
    });
  });

  describe('tasks', () => {
    it('shows a specialist only their tasks and projects, never the budget or estimates', async () => {
      const mine = await task();
      await task({ assigneeId: workspace.users.head.id, title: 'Чужая задача' });
      const board = await specialist.get(`/api/v1/board?projectId=${projectId}`);
      const titles = board.body.columns.flatMap((column: { tasks: { title: string }[] }) =>
        column.tasks.map((card) => card.title),
      );
      expect(titles).toContain('Макет главной страницы');
      expect(titles).not.toContain('Чужая задача');
      expect((await specialist.get(`/api/v1/projects/${projectId}`)).body.budgetMinor).toBeNull();
      expect((await manager.get(`/api/v1/projects/${projectId}`)).body.budgetMinor).toBe(150_000_000);
      expect((await other.get(`/api/v1/projects/${projectId}`)).status).toBe(404);
      expect((await other.get(`/api/v1/tasks/${mine.id}`)).status).toBe(404);
      expectProblem(await specialist.get(`/api/v1/estimates?projectId=${projectId}`), 403);
      expectProblem(
        await specialist.post('/api/v1/tasks', { projectId, title: 'x', assigneeId: workspace.users.specialist.id }),
        403,
      );
    });

    it('waits for acceptance, flags it late after the window, and refuses to start unaccepted work', async () => {
      const created = await task();
      expect(created).toMatchObject({
        acceptance: 'pending',
        status: 'todo',
        estimateHours: 6.5,
        acceptanceLate: false,
      });
      expectProblem(await specialist.post(`/api/v1/tasks/${created.id}/status`, { status: 'in_progress' }), 422, [
        'status',
      ]);
      t.clock.advance(25 * hour);
      try {
        expect((await manager.get(`/api/v1/tasks/${created.id}`)).body.acceptanceLate).toBe(true);
        expect(
          (await workspace.users.admin.api.request('PUT', '/api/v1/delivery/settings', { acceptanceHours: 48 })).status,
        ).toBe(200);
        expect((await manager.get(`/api/v1/tasks/${created.id}`)).body.acceptanceLate).toBe(false);
        expectProblem(await other.post(`/api/v1/tasks/${created.id}/accept`), 404);
        expectProblem(await manager.post(`/api/v1/tasks/${created.id}/accept`), 403);
        const accepted = await specialist.post(`/api/v1/tasks/${created.id}/accept`);
        expect(accepted.body).toMatchObject({ acceptance: 'accepted', acceptanceLate: false });
        expectProblem(await specialist.post(`/api/v1/tasks/${created.id}/accept`), 422);
      } finally {
        await workspace.users.admin.api.request('PUT', '/api/v1/delivery/settings', { acceptanceHours: 24 });
        t.clock.advance(-25 * hour);
      }
    });

    it('declines only with a reason', async () => {
      const created = await task();
      const missing = await specialist.request(
        'POST',
        `/api/v1/tasks/${created.id}/decline`,
        { reason: ' ' },
        { 'accept-language': 'ru' },
      );
      expectProblem(missing, 400, ['reason']);
      const declined = await specialist.post(`/api/v1/tasks/${created.id}/decline`, {
        reason: 'Нет доступа к брендбуку',
      });
      expect(declined.body).toMatchObject({ acceptance: 'declined', declineReason: 'Нет доступа к брендбуку' });
    });

    it('moves along the workflow only by allowed steps, detects overdue, and keeps comments', async () => {
      const created = await task({ dueAt: '2026-11-26T12:00:00Z' });
      await specialist.post(`/api/v1/tasks/${created.id}/accept`);
      const skip = await specialist.request(
        'POST',
        `/api/v1/tasks/${created.id}/status`,
        { status: 'done' },
        { 'accept-language': 'ru' },
      );
      expect(expectProblem(skip, 422, ['status']).detail).toBe(
        'Задачу из статуса «к выполнению» нельзя перевести в «готово».',
      );
      for (const status of ['in_progress', 'in_review']) {
        expect((await specialist.post(`/api/v1/tasks/${created.id}/status`, { status })).body.status).toBe(status);
      }
      expect((await manager.get(`/api/v1/tasks/${created.id}`)).body.overdue).toBe(false);
      t.clock.advance(4 * hour);
      try {
        expect((await manager.get(`/api/v1/tasks/${created.id}`)).body.overdue).toBe(true);
        const done = await manager.post(`/api/v1/tasks/${created.id}/status`, { status: 'done' });
        expect(done.body).toMatchObject({ status: 'done', overdue: false });
      } finally {
        t.clock.advance(-4 * hour);
      }
      expectProblem(await specialist.post(`/api/v1/tasks/${created.id}/status`, { status: 'sideways' }), 400, [
        'status',
      ]);
      const commented = await specialist.post(`/api/v1/tasks/${created.id}/comments`, { body: 'Готово, проверьте' });
      expect(commented.status).toBe(201);
      expect(commented.body.comments.map((comment: { body: string }) => comment.body)).toEqual(['Готово, проверьте']);
      const audit = await t.query(
        `select action, after->>'status' as status from audit_log where entity = 'tasks' and entity_id = $1 order by id`,
        [created.id],
      );
      expect(audit.map((row) => row.status)).toEqual(['todo', 'todo', 'in_progress', 'in_review', 'done']);
    });

    it('shows on the board what is open and what was finished in the last 30 days, latest first', async () => {
      const doneColumn = async () => {
        const board = await manager.get(`/api/v1/board?projectId=${projectId}`);
        expect(board.body.doneWithinDays).toBe(30);
        return board.body.columns.find((column: { status: string }) => column.status === 'done');
      };
      const finish = async (title: string) => {
        const created = await task({ title });
        await specialist.post(`/api/v1/tasks/${created.id}/accept`);
        for (const status of ['in_progress', 'in_review', 'done']) {
          await specialist.post(`/api/v1/tasks/${created.id}/status`, { status });
        }
        return created;
      };
      const before = (await doneColumn()).total;
      await finish('Сдано давно');
      t.clock.advance(20 * 24 * hour);
      try {
        await finish('Сдано недавно');
        const done = await doneColumn();
        expect(done.total).toBe(before + 2);
        const titles = done.tasks.map((card: { title: string }) => card.title);
        expect(titles.filter((title: string) => title.startsWith('Сдано'))).toEqual(['Сдано недавно', 'Сдано давно']);
        t.clock.advance(15 * 24 * hour);
        const later = await doneColumn();
        expect(later.tasks.map((card: { title: string }) => card.title)).toEqual(['Сдано недавно']);
        expect(later.total).toBe(1);
      } finally {
        t.clock.advance(-35 * 24 * hour);
      }
    });

    it('lets a member of a department take a task given to the department', async () => {
      const created = await task({ assigneeId: null, departmentId: designId });
      expect((await other.get(`/api/v1/tasks/${created.id}`)).status).toBe(404);
      const accepted = await specialist.post(`/api/v1/tasks/${created.id}/accept`);
      expect(accepted.body.assignee.id).toBe(workspace.users.specialist.id);
      expectProblem(await manager.post('/api/v1/tasks', { projectId, title: 'Никому' }), 400, ['assigneeId']);
    });
  });
});
