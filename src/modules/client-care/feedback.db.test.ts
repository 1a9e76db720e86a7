import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const hour = 3_600_000;

describe('complaints and feedback API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Станкозавод «Красный пролетарий»' })).id;
  });

  it('registers a complaint, refuses bad moves, needs a resolution and root cause, and counts time to resolve', async () => {
    expectProblem(
      await manager.post('/api/v1/feedback', {
        accountId,
        kind: 'complaint',
        source: 'call',
        description: 'Сорван срок',
      }),
      422,
      ['severity'],
    );
    expectProblem(
      await manager.post('/api/v1/feedback', { accountId, kind: 'rant', source: 'call', description: '' }),
      400,
      ['kind', 'description'],
    );
    const created = await manager.post('/api/v1/feedback', {
      accountId,
      kind: 'complaint',
      source: 'email',
      severity: 'high',
      description: 'Сайт лежал полдня во время выставки',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      owner: { id: workspace.users.manager.id },
      hoursToResolve: null,
      nextStatuses: ['in_progress', 'resolved', 'rejected'],
    });
    const path = `/api/v1/feedback/${created.body.id}`;
    await manager.post(`${path}/status`, { status: 'in_progress' });
    const back = await manager.request('POST', `${path}/status`, { status: 'open' }, { 'accept-language': 'ru' });
    expectProblem(back, 422, ['status']);
    expect(errorAt(back, 'status')).toBe('Обращение в статусе «в работе» нельзя перевести в «открыто».');
    expectProblem(
      await manager.post(`${path}/status`, { status: 'resolved', resolution: 'Перенесли на другой хостинг' }),
      422,
      ['rootCause'],
    );
    expectProblem(await manager.post(`${path}/status`, { status: 'resolved', rootCause: 'unknown' }), 400, [
      'rootCause',
    ]);
    t.clock.advance(26 * hour + 30 * 60_000);
    const resolved = await manager.post(`${path}/status`, {
      status: 'resolved',
      resolution: 'Перенесли на другой хостинг, дали скидку 10 % на месяц',
      rootCause: 'our_error',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', rootCause: 'our_error', hoursToResolve: 26.5 });
    expectProblem(await manager.post(`${path}/status`, { status: 'rejected' }), 422, ['status']);
    const audit = await t.query(
      `select after->>'status' as status from audit_log where entity = 'client_feedback' and entity_id = $1 order by id`,
      [created.body.id],
    );
    expect(audit.map((row) => row.status)).toEqual(['open', 'in_progress', 'resolved']);
  });

  it('keeps praise and reviews without severity, and shows a specialist only their own cases', async () => {
    const praise = await manager.post('/api/v1/feedback', {
      accountId,
      kind: 'praise',
      source: 'meeting',
      description: 'Директор хвалил новый каталог',
    });
    expect(praise.status).toBe(201);
    const mine = await manager.post('/api/v1/feedback', {
      accountId,
      kind: 'review',
      source: 'other',
      description: 'Проверка качества отчётов',
      ownerId: workspace.users.specialist.id,
    });
    const specialist = workspace.users.specialist.api;
    const seen = await specialist.get('/api/v1/feedback');
    expect(seen.body.items.map((item: { id: string }) => item.id)).toEqual([mine.body.id]);
    expectProblem(await specialist.get(`/api/v1/feedback/${praise.body.id}`), 404);
    expectProblem(await specialist.post(`/api/v1/feedback/${mine.body.id}/status`, { status: 'in_progress' }), 403);
    const praises = await manager.get('/api/v1/feedback?kind=praise');
    expect(praises.body.items.map((item: { id: string }) => item.id)).toEqual([praise.body.id]);
  });
});
