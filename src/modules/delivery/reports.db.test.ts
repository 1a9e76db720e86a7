import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const day = 86_400_000;
const allChecked = { typos: true, figures: true, clientEyes: true, highlights: true };

describe('client reports API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let specialist: ApiClient;
  let accountId: string;
  let projectId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    specialist = workspace.users.specialist.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Издательство «Эксмо»' })).id;
    const types = await manager.get('/api/v1/project-types');
    const campaign = types.body.items.find((type: { name: string }) => type.name === 'Рекламная кампания');
    projectId = (await manager.post('/api/v1/projects', { accountId, projectTypeId: campaign.id, name: 'Директ' })).body
      .id;
    await manager.post('/api/v1/tasks', {
      projectId,
      title: 'Отчёт за ноябрь',
      assigneeId: workspace.users.specialist.id,
    });
  });

  it('keeps a monthly schedule and opens the next scheduled report by default', async () => {
    const none = await manager.get(`/api/v1/accounts/${accountId}/report-schedule`);
    expect(none.body).toEqual({ schedule: null });
    expectProblem(await manager.post('/api/v1/reports', { accountId, title: 'Отчёт' }), 422, ['periodStart']);
    expectProblem(
      await manager.put(`/api/v1/accounts/${accountId}/report-schedule`, { frequency: 'weekly', dayOfMonth: 31 }),
      400,
      ['frequency', 'dayOfMonth'],
    );
    expectProblem(
      await specialist.put(`/api/v1/accounts/${accountId}/report-schedule`, { frequency: 'monthly', dayOfMonth: 5 }),
      403,
    );
    const schedule = await manager.put(`/api/v1/accounts/${accountId}/report-schedule`, {
      frequency: 'monthly',
      dayOfMonth: 5,
    });
    expect(schedule.body).toMatchObject({
      frequency: 'monthly',
      dayOfMonth: 5,
      next: { periodStart: '2026-11-01', periodEnd: '2026-11-30', dueOn: '2026-12-05' },
    });
    const report = await manager.post('/api/v1/reports', {
      accountId,
      projectId,
      title: 'Отчёт по Директу за ноябрь',
      preparedBy: workspace.users.specialist.id,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(report.body).toMatchObject({
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      dueOn: '2026-12-05',
      status: 'draft',
      late: false,
      unreviewed: false,
    });
  });

  it('is prepared by the specialist, reviewed with all four checks and only then sent; late ones are flagged', async () => {
    const report = (
      await manager.post('/api/v1/reports', {
        accountId,
        projectId,
        title: 'Отчёт за октябрь',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
        dueOn: '2026-11-05',
        preparedBy: workspace.users.specialist.id,
      })
    ).body;
    expect(report).toMatchObject({ late: true });
    const flagged = await manager.get('/api/v1/reports?flagged=true');
    expect(flagged.body.items.map((item: { id: string }) => item.id)).toEqual([report.id]);
    const path = `/api/v1/reports/${report.id}`;
    expectProblem(await specialist.patch(path, { figures: [{ label: 'Лиды', value: 'сорок' }] }), 400, [
      'figures.0.value',
    ]);
    const written = await specialist.patch(path, {
      figures: [
        { label: 'Лиды', value: '412', channel: 'Яндекс Директ' },
        { label: 'Цена лида, ₽', value: '1180.50', channel: 'Яндекс Директ' },
      ],
      links: ['https://metrika.yandex.ru/dashboard?id=1'],
      body: 'Лидов на 12 % больше, чем в сентябре.',
    });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expectProblem(await workspace.users.viewer.api.patch(path, { body: 'x' }), 403);
    expect((await specialist.post(`${path}/submit`)).body).toMatchObject({ status: 'in_review', unreviewed: true });
    expectProblem(await specialist.patch(path, { body: 'x' }), 422, ['status']);
    expectProblem(await specialist.request('PUT', `${path}/review`, allChecked), 403);
    const partly = await manager.put(`${path}/review`, { ...allChecked, clientEyes: false });
    expect(partly.body).toMatchObject({ unreviewed: true, reviewedBy: null });
    const early = await manager.request('POST', `${path}/send`, undefined, { 'accept-language': 'ru' });
    expectProblem(early, 422, ['checklist.clientEyes']);
    expect(errorAt(early, 'checklist.clientEyes')).toBe('Перед отправкой проверьте: прочитан глазами клиента.');
    const reviewed = await manager.put(`${path}/review`, allChecked);
    expect(reviewed.body).toMatchObject({ unreviewed: false, reviewedBy: { id: workspace.users.manager.id } });
    t.clock.advance(day);
    const sent = await manager.post(`${path}/send`);
    expect(sent.body).toMatchObject({ status: 'sent', late: false, sentAt: '2026-11-27T09:00:00.000Z' });
    expectProblem(await manager.post(`${path}/send`), 422, ['status']);
    expect((await manager.get('/api/v1/reports?flagged=true')).body.items).toEqual([]);
    const audit = await t.query(
      `select after->>'status' as status from audit_log where entity = 'client_reports' and entity_id = $1 order by id`,
      [report.id],
    );
    expect(audit.map((row) => row.status)).toEqual(['draft', 'draft', 'in_review', 'in_review', 'in_review', 'sent']);
  });

  it('can go back to the draft from review, and a specialist sees only reports of their work', async () => {
    const other = (await createAccount(workspace.users.admin.api, { name: 'Станкозавод «Красный пролетарий»' })).id;
    const hidden = await manager.post('/api/v1/reports', {
      accountId: other,
      title: 'Квартальный отчёт',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      dueOn: '2026-12-10',
    });
    expectProblem(await specialist.get(`/api/v1/reports/${hidden.body.id}`), 404);
    const seen = await specialist.get('/api/v1/reports');
    expect(seen.body.items.every((item: { account: { id: string } }) => item.account.id === accountId)).toBe(true);
    await manager.post(`/api/v1/reports/${hidden.body.id}/submit`);
    const returned = await manager.put(`/api/v1/reports/${hidden.body.id}/review?return=true`, {
      ...allChecked,
      highlights: false,
    });
    expect(returned.body).toMatchObject({ status: 'draft', checklist: { highlights: false, typos: true } });
  });
});
