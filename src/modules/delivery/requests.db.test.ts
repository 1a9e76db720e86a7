import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('requests and briefs API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let specialist: ApiClient;
  let accountId: string;
  let websiteTypeId: string;
  let templateId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    specialist = workspace.users.specialist.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'ГК «Самолёт-Девелопмент»' })).id;
    const types = await manager.get('/api/v1/project-types');
    websiteTypeId = types.body.items.find((type: { name: string }) => type.name === 'Сайт').id;
    const templates = await manager.get('/api/v1/brief-templates');
    expect(templates.status).toBe(200);
    expect(templates.body.items).toHaveLength(1);
    expect(templates.body.items[0].fields.map((field: { key: string; type: string }) => field.type)).toEqual([
      'long_text',
      'long_text',
      'money',
      'date',
      'links',
      'text',
    ]);
    templateId = templates.body.items[0].id;
  });

  const newRequest = async (extra: Record<string, unknown> = {}) => {
    const response = await manager.post('/api/v1/requests', {
      accountId,
      title: 'Лендинг для ЖК «Лесной»',
      source: 'call',
      ...extra,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  it('records a request as new, today in the workspace, and refuses bad input naming the field', async () => {
    const request = await newRequest();
    expect(request).toMatchObject({
      status: 'new',
      source: 'call',
      receivedOn: '2026-11-26',
      nextStatuses: ['clarifying', 'accepted', 'declined'],
      brief: null,
      project: null,
    });
    expectProblem(await manager.post('/api/v1/requests', { accountId, title: '', source: 'pigeon' }), 400, [
      'title',
      'source',
    ]);
    const stranger = '00000000-0000-7000-8000-000000000000';
    expectProblem(await manager.post('/api/v1/requests', { accountId: stranger, title: 'x', source: 'email' }), 422, [
      'accountId',
    ]);
    expectProblem(
      await workspace.users.viewer.api.post('/api/v1/requests', { accountId, title: 'x', source: 'email' }),
      403,
    );
  });

  it('moves new → clarifying → accepted → done, refuses other moves with 422, and accepting starts a project', async () => {
    const request = await newRequest({ source: 'messenger' });
    const clarifying = await manager.post(`/api/v1/requests/${request.id}/status`, {
      status: 'clarifying',
      comment: 'Ждём логотип',
    });
    expect(clarifying.body).toMatchObject({ status: 'clarifying', statusComment: 'Ждём логотип' });
    const skip = await manager.request(
      'POST',
      `/api/v1/requests/${request.id}/status`,
      { status: 'done' },
      {
        'accept-language': 'ru',
      },
    );
    expectProblem(skip, 422, ['status']);
    expect(errorAt(skip, 'status')).toBe('Заявку в статусе «уточняется» нельзя перевести в «выполнена».');
    expectProblem(
      await manager.post(`/api/v1/requests/${request.id}/status`, {
        status: 'accepted',
        project: { projectTypeId: '00000000-0000-7000-8000-000000000000' },
      }),
      422,
      ['project.projectTypeId'],
    );
    expect((await manager.get(`/api/v1/requests/${request.id}`)).body.status).toBe('clarifying');
    const accepted = await manager.post(`/api/v1/requests/${request.id}/status`, {
      status: 'accepted',
      project: { projectTypeId: websiteTypeId },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.project).toMatchObject({ name: 'Лендинг для ЖК «Лесной»' });
    const project = await manager.get(`/api/v1/projects/${accepted.body.project.id}`);
    expect(project.body).toMatchObject({ accountId, stage: 'Бриф' });
    expect((await manager.post(`/api/v1/requests/${request.id}/status`, { status: 'done' })).body.status).toBe('done');
    expectProblem(await manager.post(`/api/v1/requests/${request.id}/status`, { status: 'declined' }), 422, ['status']);
    const audit = await t.query(
      `select after->>'status' as status from audit_log where entity = 'client_requests' and entity_id = $1 order by id`,
      [request.id],
    );
    expect(audit.map((row) => row.status)).toEqual(['new', 'clarifying', 'accepted', 'done']);
  });

  it('needs a comment to decline', async () => {
    const request = await newRequest();
    expectProblem(await manager.post(`/api/v1/requests/${request.id}/status`, { status: 'declined' }), 422, [
      'comment',
    ]);
    const declined = await manager.post(`/api/v1/requests/${request.id}/status`, {
      status: 'declined',
      comment: 'Бюджет не согласован',
    });
    expect(declined.body).toMatchObject({ status: 'declined', nextStatuses: [] });
  });

  it('fills the brief, checking each answer by its field type and naming the field in the reader’s language', async () => {
    const request = await newRequest();
    const wrong = await manager.request(
      'PUT',
      `/api/v1/requests/${request.id}/brief`,
      {
        templateId,
        answers: {
          audience: 'Молодые семьи',
          budget: { amountMinor: 'много', currency: 'RUB' },
          deadline: '31.12.2026',
          references: ['не ссылка'],
        },
      },
      { 'accept-language': 'ru' },
    );
    expectProblem(wrong, 400, ['answers.goal', 'answers.budget', 'answers.deadline', 'answers.references']);
    expect(errorAt(wrong, 'answers.goal')).toBe('Заполните поле «Цель».');
    expect(errorAt(wrong, 'answers.deadline')).toBe('Поле «Срок» — дата (ГГГГ-ММ-ДД).');
    expect((await manager.get(`/api/v1/requests/${request.id}`)).body.brief).toBeNull();
    expectProblem(await manager.put(`/api/v1/requests/${request.id}/brief`, { answers: { goal: 'x' } }), 422, [
      'templateId',
    ]);
    const filled = await manager.put(`/api/v1/requests/${request.id}/brief`, {
      templateId,
      answers: {
        goal: 'Продать 120 квартир первой очереди',
        budget: { amountMinor: 50_000_000, currency: 'RUB' },
        deadline: '2027-03-01',
        references: ['https://samolet.ru'],
      },
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    expect(filled.body.brief.answers).toEqual({
      goal: 'Продать 120 квартир первой очереди',
      budget: { amountMinor: 50_000_000, currency: 'RUB' },
      deadline: '2027-03-01',
      references: ['https://samolet.ru'],
    });
  });

  it('shows a specialist only the requests of projects they work on, without money', async () => {
    const request = await newRequest({ title: 'Редизайн каталога' });
    expectProblem(await specialist.get(`/api/v1/requests/${request.id}`), 404);
    const accepted = await manager.post(`/api/v1/requests/${request.id}/status`, {
      status: 'accepted',
      project: { projectTypeId: websiteTypeId },
    });
    await manager.put(`/api/v1/requests/${request.id}/brief`, {
      templateId,
      answers: { goal: 'Каталог квартир', budget: { amountMinor: 1_000_000, currency: 'RUB' } },
    });
    const task = await manager.post('/api/v1/tasks', {
      projectId: accepted.body.project.id,
      title: 'Прототип каталога',
      assigneeId: workspace.users.specialist.id,
    });
    expect(task.status).toBe(201);
    const seen = await specialist.get(`/api/v1/requests/${request.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.brief.answers).toEqual({ goal: 'Каталог квартир' });
    const list = await specialist.get('/api/v1/requests');
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([request.id]);
    expectProblem(await specialist.post(`/api/v1/requests/${request.id}/status`, { status: 'done' }), 403);
  });
});
