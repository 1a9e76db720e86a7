import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('brief templates: editing and retiring', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let head: ApiClient;
  let manager: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    head = workspace.users.head.api;
    manager = workspace.users.manager.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Типография «Печатный двор»' })).id;
  });

  it('edits a template, retires it so new briefs cannot take it, while a brief answered with it keeps it', async () => {
    const created = await head.post('/api/v1/brief-templates', {
      name: 'Печатная продукция',
      fields: [{ key: 'goal', label: 'Цель', type: 'text', required: true }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/v1/brief-templates/${created.body.id}`;
    expectProblem(await manager.patch(path, { name: 'x' }), 403);
    const taken = await head.request('PATCH', path, { name: 'Бриф на проект' }, { 'accept-language': 'ru' });
    expectProblem(taken, 422, ['name']);
    expect(errorAt(taken, 'name')).toBe('Шаблон брифа с таким названием уже есть.');
    expectProblem(await head.patch(path, { fields: [] }), 400, ['fields']);

    const request = await manager.post('/api/v1/requests', { accountId, title: 'Каталог', source: 'email' });
    const briefed = await manager.put(`/api/v1/requests/${request.body.id}/brief`, {
      templateId: created.body.id,
      answers: { goal: 'Каталог к выставке' },
    });
    expect(briefed.status, JSON.stringify(briefed.body)).toBe(200);

    const edited = await head.request(
      'PATCH',
      path,
      {
        name: 'Полиграфия',
        fields: [
          { key: 'goal', label: 'Цель', type: 'text', required: true },
          { key: 'run', label: 'Тираж', type: 'text', required: true },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Полиграфия', retired: false, version: 2 });
    expectProblem(await head.request('PATCH', path, { retired: true }, { 'if-match': '"1"' }), 412);
    const retired = await head.patch(path, { retired: true });
    expect(retired.body.retired).toBe(true);

    const offered = await manager.get('/api/v1/brief-templates');
    expect(offered.body.items.map((item: Json) => item.name)).not.toContain('Полиграфия');
    const all = await manager.get('/api/v1/brief-templates?includeRetired=true');
    expect(all.body.items.find((item: Json) => item.name === 'Полиграфия')).toMatchObject({ retired: true });

    const another = await manager.post('/api/v1/requests', { accountId, title: 'Буклет', source: 'call' });
    const refused = await manager.request(
      'PUT',
      `/api/v1/requests/${another.body.id}/brief`,
      { templateId: created.body.id, answers: { goal: 'Буклет' } },
      { 'accept-language': 'ru' },
    );
    expectProblem(refused, 422, ['templateId']);
    expect(errorAt(refused, 'templateId')).toBe('Этот шаблон брифа больше не используется; выберите другой.');

    // NOTE: the brief answered before keeps its own copy of the fields: one field, no "run".
    const kept = await manager.put(`/api/v1/requests/${request.body.id}/brief`, {
      templateId: created.body.id,
      answers: { goal: 'Каталог к выставке, 500 экз.' },
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.brief.fields.map((field: Json) => field.key)).toEqual(['goal']);

    expect((await head.patch(path, { retired: false })).body.retired).toBe(false);
    expect((await manager.get('/api/v1/brief-templates')).body.items.map((item: Json) => item.name)).toContain(
      'Полиграфия',
    );
  });
});
