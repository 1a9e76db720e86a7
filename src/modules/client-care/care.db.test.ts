import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('client care: editing cases, surveys and lost accounts', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Издательство «Северная книга»' })).id;
  });

  /** The account's monthly points of a survey metric (`nps`, `csat`) in the kpis series, as [month, value]. */
  const surveyPoints = async (metric: string) => {
    const series = await manager.get(`/api/v1/kpi-series?accountId=${accountId}`);
    const seriesId = series.body.items.find((item: Json) => item.metricKey === metric)?.id;
    const points = await manager.get(`/api/v1/kpi-series/${seriesId}/points`);
    return points.body.items.map((point: Json) => [point.at.slice(0, 10), point.value]);
  };

  it('links a case to one of the account’s contacts, edits it, and lists cases filtered, sorted and by page', async () => {
    const contact = await createContact(manager, accountId, { lastName: 'Петрова', firstName: 'Анна' });
    const stranger = await createContact(manager, (await createAccount(manager, { name: 'Другой' })).id);
    expectProblem(
      await manager.post('/api/v1/feedback', {
        accountId,
        kind: 'praise',
        source: 'call',
        description: 'Спасибо',
        contactId: stranger.id,
      }),
      422,
      ['contactId'],
    );
    const severities = ['low', 'critical', 'medium'];
    const created: Json[] = [];
    for (const severity of severities) {
      t.clock.advance(60_000);
      const response = await manager.post('/api/v1/feedback', {
        accountId,
        kind: 'complaint',
        source: 'email',
        severity,
        description: `Жалоба ${severity}`,
        contactId: contact.id,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      created.push(response.body);
    }
    expect(created[0].contact).toEqual({ id: contact.id, name: 'Петрова Анна' });

    const path = `/api/v1/feedback/${created[0].id}`;
    const cleared = await manager.request('PATCH', path, { severity: null }, { 'accept-language': 'ru' });
    expectProblem(cleared, 422, ['severity']);
    expect(errorAt(cleared, 'severity')).toBe('Для жалобы или конфликта укажите серьёзность.');
    const edited = await manager.request(
      'PATCH',
      path,
      { kind: 'conflict', severity: 'high', contactId: null, description: 'Конфликт из-за сроков' },
      { 'if-match': `"${created[0].version}"` },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ kind: 'conflict', severity: 'high', contact: null, version: 2 });
    expectProblem(await manager.request('PATCH', path, { description: 'x' }, { 'if-match': '"1"' }), 412);
    expectProblem(await workspace.users.viewer.api.patch(path, { description: 'x' }), 403);

    const bySeverity = await manager.get(`/api/v1/feedback?accountId=${accountId}&sort=-severity`);
    expect(bySeverity.body.items.map((item: Json) => item.severity)).toEqual(['critical', 'high', 'medium']);
    const critical = await manager.get(`/api/v1/feedback?accountId=${accountId}&severity=critical`);
    expect(critical.body.items.map((item: Json) => item.id)).toEqual([created[1].id]);
    const first = await manager.get(`/api/v1/feedback?accountId=${accountId}&limit=2`);
    expect(first.body.items.map((item: Json) => item.id)).toEqual([created[2].id, created[1].id]);
    const second = await manager.get(`/api/v1/feedback?accountId=${accountId}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: created[0].id }], nextCursor: null });
    const mine = await manager.get(`/api/v1/feedback?accountId=${accountId}&ownerId=me&q=сроков`);
    expect(mine.body.items.map((item: Json) => item.id)).toEqual([created[0].id]);
  });

  it('records NPS and CSAT answers, summarises them on the account and writes the month into the kpis series', async () => {
    const contact = await createContact(manager, accountId, { lastName: 'Смирнов' });
    const none = await manager.request(
      'POST',
      '/api/v1/surveys',
      { accountId, surveyedOn: '2026-11-10' },
      { 'accept-language': 'ru' },
    );
    expectProblem(none, 422, ['nps']);
    expect(errorAt(none, 'nps')).toBe('Укажите оценку NPS (0–10), CSAT (1–5) или обе.');
    expectProblem(
      await manager.post('/api/v1/surveys', { accountId, surveyedOn: '2026-13-10', nps: 11, csat: 0 }),
      400,
      ['surveyedOn', 'nps', 'csat'],
    );
    expectProblem(
      await workspace.users.specialist.api.post('/api/v1/surveys', { accountId, surveyedOn: '2026-11-10', nps: 9 }),
      403,
    );
    const answers = [
      { nps: 10, csat: 5 },
      { nps: 9, csat: 4 },
      { nps: 5, csat: 2 },
      { nps: 8, csat: null },
    ];
    for (const answer of answers) {
      const response = await manager.post('/api/v1/surveys', {
        accountId,
        contactId: contact.id,
        surveyedOn: '2026-11-10',
        comment: 'Опрос после запуска',
        ...answer,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const surveys = await manager.get(`/api/v1/accounts/${accountId}/surveys`);
    expect(surveys.body.items).toHaveLength(4);
    expect(surveys.body.items[0].contact.name).toBe('Смирнов');
    // NOTE: 2 promoters − 1 detractor of 4 = 25; CSAT (5 + 4 + 2) / 3 = 3.67, 2 of 3 satisfied = 67 %.
    expect(surveys.body.summary).toEqual({
      nps: 25,
      npsAnswers: 4,
      csatMean: 3.67,
      csatSatisfiedPercent: 67,
      csatAnswers: 3,
    });
    expect(await surveyPoints('nps')).toEqual([['2026-11-01', 25]]);
    expect(await surveyPoints('csat')).toEqual([['2026-11-01', 67]]);
  });

  it('deletes an answer entered by mistake and recomputes its month in the kpis series, to none when none is left', async () => {
    const surveys = await manager.get(`/api/v1/accounts/${accountId}/surveys`);
    const detractor = surveys.body.items.find((item: Json) => item.nps === 5);
    expectProblem(await workspace.users.specialist.api.delete(`/api/v1/surveys/${detractor.id}`), 403);
    expectProblem(await manager.delete('/api/v1/surveys/01900000-0000-7000-8000-000000000000'), 404);
    expect((await manager.delete(`/api/v1/surveys/${detractor.id}`)).status).toBe(204);
    expectProblem(await manager.delete(`/api/v1/surveys/${detractor.id}`), 404);
    const after = await manager.get(`/api/v1/accounts/${accountId}/surveys`);
    // NOTE: 2 promoters of 3 = 67; CSAT 5 and 4, both satisfied = 100 %.
    expect(after.body.summary).toMatchObject({ nps: 67, npsAnswers: 3, csatSatisfiedPercent: 100, csatAnswers: 2 });
    expect(await surveyPoints('nps')).toEqual([['2026-11-01', 67]]);
    expect(await surveyPoints('csat')).toEqual([['2026-11-01', 100]]);
    for (const item of after.body.items) expect((await manager.delete(`/api/v1/surveys/${item.id}`)).status).toBe(204);
    expect(await surveyPoints('nps')).toEqual([]);
    expect(await surveyPoints('csat')).toEqual([]);
    const audit = await workspace.users.admin.api.get(
      `/api/v1/audit-log?entity=survey_results&entityId=${detractor.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((entry: Json) => entry.action)).toEqual(['delete', 'insert']);
  });

  it('corrects an answer: the months it leaves and joins are recomputed, a stale or scoreless change is refused', async () => {
    const other = await createAccount(manager, { name: 'Типография «Восход»' });
    const stranger = await createContact(manager, other.id, { lastName: 'Чужой' });
    const contact = await createContact(manager, accountId, { lastName: 'Орлова' });
    const post = async (body: Json) => {
      const response = await manager.post('/api/v1/surveys', { accountId, ...body });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };
    const promoter = await post({ surveyedOn: '2026-10-05', nps: 9, csat: 4 });
    const detractor = await post({ surveyedOn: '2026-10-20', nps: 3 });
    expect(await surveyPoints('nps')).toEqual([['2026-10-01', 0]]);

    const path = `/api/v1/surveys/${promoter.id}`;
    expectProblem(await manager.patch(path, { nps: 6 }, { 'if-match': '"7"' }), 412);
    expectProblem(await workspace.users.specialist.api.patch(path, { nps: 6 }), 403);
    expectProblem(await manager.patch('/api/v1/surveys/01900000-0000-7000-8000-000000000000', { nps: 6 }), 404);
    expectProblem(await manager.patch(path, { nps: 11, surveyedOn: '2026-02-30', accountId }), 400, [
      'nps',
      'surveyedOn',
      'accountId',
    ]);
    expectProblem(await manager.patch(path, { contactId: stranger.id }), 422, ['contactId']);
    const scoreless = await manager.request(
      'PATCH',
      `/api/v1/surveys/${detractor.id}`,
      { nps: null },
      {
        'accept-language': 'ru',
      },
    );
    expectProblem(scoreless, 422, ['nps']);
    expect(errorAt(scoreless, 'nps')).toBe('Укажите оценку NPS (0–10), CSAT (1–5) или обе.');

    const corrected = await manager.patch(
      path,
      { surveyedOn: '2026-11-03', nps: 7, contactId: contact.id, comment: ' Уточнили по телефону ' },
      { 'if-match': `"${promoter.version}"` },
    );
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.headers.get('etag')).toBe(`"${promoter.version + 1}"`);
    expect(corrected.body).toMatchObject({
      surveyedOn: '2026-11-03',
      nps: 7,
      csat: 4,
      contact: { id: contact.id, name: 'Орлова' },
      comment: 'Уточнили по телефону',
    });
    // October keeps only the detractor (NPS −100, no CSAT left); November gains a passive (0) and a 4 (100 %).
    expect(await surveyPoints('nps')).toEqual([
      ['2026-10-01', -100],
      ['2026-11-01', 0],
    ]);
    expect(await surveyPoints('csat')).toEqual([['2026-11-01', 100]]);
    const cleared = await manager.patch(path, { contactId: null, comment: '' });
    expect(cleared.body).toMatchObject({ contact: null, comment: null, nps: 7, version: promoter.version + 2 });

    const audit = await workspace.users.admin.api.get(
      `/api/v1/audit-log?entity=survey_results&entityId=${promoter.id}`,
    );
    expect(audit.body.items.map((entry: Json) => entry.action)).toEqual(['update', 'update', 'insert']);
  });

  it('marks an account lost and back, and analyses losses with revenue only for those who may see money', async () => {
    const { admin, specialist, finance } = workspace.users;
    const lost = await createAccount(admin.api, {
      name: 'Станкозавод «Прогресс»',
      status: 'key',
      ownerId: specialist.id,
    });
    const invoice = await finance.api.post('/api/v1/invoices', {
      accountId: lost.id,
      currency: 'RUB',
      lines: [{ description: 'Поддержка сайта', quantityMilli: 1000, unitPriceMinor: 120_000_00, vatRate: null }],
    });
    expect(
      (await finance.api.post(`/api/v1/invoices/${invoice.body.id}/issue`, { issuedOn: '2026-06-15' })).status,
    ).toBe(200);
    const lossPath = `/api/v1/accounts/${lost.id}/loss`;
    expect((await manager.get(lossPath)).body).toBeNull();
    const loss = { lostOn: '2026-11-20', reason: 'competitor', story: 'Ушли к агентству с собственным CRM-отделом' };
    expectProblem(await specialist.api.put(lossPath, loss), 403);
    expectProblem(await manager.put(lossPath, { ...loss, reason: 'weather', story: '' }), 400, ['reason', 'story']);
    const marked = await manager.put(lossPath, loss);
    expect(marked.status, JSON.stringify(marked.body)).toBe(201);
    expect(marked.body).toMatchObject({ ...loss, previousStatus: 'key' });
    expect((await manager.get(`/api/v1/accounts/${lost.id}`)).body.status).toBe('lost');
    expectProblem(await manager.put(lossPath, loss), 422, ['lostOn']);

    const forHead = await workspace.users.head.api.get('/api/v1/loss-analysis?from=2026-11-01&to=2026-11-30');
    expect(forHead.body.byReason).toEqual([
      { reason: 'competitor', count: 1, revenue12Months: [{ currency: 'RUB', amountMinor: 120_000_00 }] },
    ]);
    expect(forHead.body.byMonth).toEqual([{ month: '2026-11', count: 1 }]);
    expect(forHead.body.losses[0]).toMatchObject({ accountName: 'Станкозавод «Прогресс»', reason: 'competitor' });
    const forSpecialist = await specialist.api.get('/api/v1/loss-analysis');
    expect(forSpecialist.body.byReason).toEqual([{ reason: 'competitor', count: 1, revenue12Months: null }]);
    expect(forSpecialist.body.losses[0].revenue12Months).toBeNull();
    const before = await manager.get('/api/v1/loss-analysis?to=2026-10-31');
    expect(before.body.losses).toEqual([]);
    expectProblem(await manager.get('/api/v1/loss-analysis?from=2026-12-01&to=2026-11-01'), 400, ['to']);

    expect((await manager.delete(lossPath)).status).toBe(204);
    expect((await manager.get(`/api/v1/accounts/${lost.id}`)).body.status).toBe('key');
    expectProblem(await manager.delete(lossPath), 404);
    const audit = await t.query(
      `select action from audit_log where entity = 'account_losses' and after->>'account_id' = $1
         or entity = 'account_losses' and before->>'account_id' = $1 order by id`,
      [lost.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['insert', 'delete']);
  });
});
