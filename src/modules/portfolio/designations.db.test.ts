import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import { nominate, rate, saveModel, smallModel } from '../../../tests/support/portfolio-helpers';
import { type SeededWorkspace, useTestApp } from '../../../tests/support/test-app';

describe('key-account designation', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  const manager = () => workspace.users.manager.api;
  const head = () => workspace.users.head.api;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    await saveModel(head());
  });

  it('records a nomination with its justification, and warns when attractiveness is low', async () => {
    const account = await createAccount(manager(), { name: 'Малый клиент', status: 'active' });
    await rate(manager(), account.id, { potential: 2, fit: 3, wallet: 9 });
    const nomination = await nominate(manager(), account.id);
    expect(nomination).toMatchObject({
      account: { id: account.id, name: 'Малый клиент', status: 'active' },
      kind: 'nomination',
      status: 'pending',
      justification: 'Large potential in the next three years',
      requestedBy: { id: workspace.users.manager.id },
      decidedBy: null,
      attractiveness: 13.9,
      previousStatus: 'active',
      newStatus: null,
      warnings: [
        {
          code: 'low_attractiveness',
          message:
            'Attractiveness is 13.9, below the threshold of 50. Choose key accounts for their potential, not for tenure or current revenue.',
        },
      ],
    });
    const russian = await head().inLanguage('ru').get(`/api/v1/portfolio/designations/${nomination.id}`);
    expect(russian.body.warnings[0].message).toMatch(/^Привлекательность — 13,9, ниже порога 50/);
    expect(russian.headers.get('etag')).toBe('"1"');
  });

  it('warns when attractiveness is unknown, and refuses a second pending nomination or a bare justification', async () => {
    const account = await createAccount(manager(), { name: 'Новый', status: 'active' });
    const nomination = await nominate(manager(), account.id);
    expect(nomination.warnings.map((warning: { code: string }) => warning.code)).toEqual(['attractiveness_unknown']);
    const again = await manager().post('/api/v1/portfolio/designations', {
      accountId: account.id,
      justification: 'Once more, with feeling',
    });
    expectProblem(again, 422, ['accountId']);
    const short = await manager().post('/api/v1/portfolio/designations', {
      accountId: account.id,
      justification: 'Big',
    });
    expectProblem(short, 400, ['justification']);
  });

  it('lets a manager nominate only their own accounts, and nobody nominate a key account', async () => {
    const others = await createAccount(head(), { name: 'Чужой', status: 'active' });
    expectProblem(
      await manager().post('/api/v1/portfolio/designations', {
        accountId: others.id,
        justification: 'Big potential ahead',
      }),
      403,
    );
    expectProblem(
      await workspace.users.viewer.api.post('/api/v1/portfolio/designations', {
        accountId: others.id,
        justification: 'Big potential ahead',
      }),
      403,
    );
    const key = await createAccount(head(), { name: 'Уже ключевой', status: 'key' });
    const response = await head().post('/api/v1/portfolio/designations', {
      accountId: key.id,
      justification: 'Big potential ahead',
    });
    expect(errorAt(response, 'accountId')).toBe('This account is already a key account.');
  });

  it('makes the account key when the head approves, through the account’s own change', async () => {
    const account = await createAccount(manager(), { name: 'Перспективный', status: 'active' });
    await rate(manager(), account.id, { potential: 10, fit: 8, wallet: 5 });
    const nomination = await nominate(manager(), account.id);
    expect(nomination.warnings).toEqual([]);
    expectProblem(await manager().post(`/api/v1/portfolio/designations/${nomination.id}/approve`, {}), 403);
    expectProblem(
      await head().post(`/api/v1/portfolio/designations/${nomination.id}/approve`, {}, { 'if-match': '"7"' }),
      412,
    );
    const approved = await head().post(
      `/api/v1/portfolio/designations/${nomination.id}/approve`,
      { comment: 'Agreed' },
      { 'if-match': '"1"' },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: { id: workspace.users.head.id },
      decisionComment: 'Agreed',
      newStatus: 'key',
      account: { status: 'key' },
      version: 2,
    });
    const stored = await manager().get(`/api/v1/accounts/${account.id}`);
    expect(stored.body).toMatchObject({ status: 'key', version: 2 });
    expectProblem(await head().post(`/api/v1/portfolio/designations/${nomination.id}/approve`, {}), 422);

    const audit = await head().get(`/api/v1/audit-log?entityId=${account.id}`);
    expect(audit.body.items[0]).toMatchObject({
      entity: 'accounts',
      action: 'update',
      actor: { id: workspace.users.head.id },
    });
    const decision = await head().get(`/api/v1/audit-log?entityId=${nomination.id}`);
    expect(decision.body.items.map((entry: { action: string }) => entry.action)).toEqual(['update', 'insert']);
  });

  it('rejects with a comment, leaving the account as it was', async () => {
    const account = await createAccount(manager(), { name: 'Отклонённый', status: 'active' });
    const nomination = await nominate(manager(), account.id);
    expectProblem(await head().post(`/api/v1/portfolio/designations/${nomination.id}/reject`, {}), 400, ['comment']);
    const rejected = await head().post(`/api/v1/portfolio/designations/${nomination.id}/reject`, {
      comment: 'Potential is too low',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionComment: 'Potential is too low' });
    expect((await manager().get(`/api/v1/accounts/${account.id}`)).body.status).toBe('active');
    // a rejected nomination no longer blocks a new one
    await nominate(manager(), account.id);
  });

  it('lists the approvals queue and an account’s history', async () => {
    const pending = await head().get('/api/v1/portfolio/designations?status=pending&limit=2');
    expect(pending.status).toBe(200);
    expect(pending.body.items).toHaveLength(2);
    expect(pending.body.nextCursor).not.toBeNull();
    const next = await head().get(
      `/api/v1/portfolio/designations?status=pending&limit=2&cursor=${pending.body.nextCursor}`,
    );
    expect(next.body.items.every((item: { status: string }) => item.status === 'pending')).toBe(true);
    expect(next.body.items[0].id).not.toBe(pending.body.items[1].id);
    expectProblem(await head().get('/api/v1/portfolio/designations?status=maybe'), 400, ['status.0']);
  });

  it('needs a reason to demote, and returns the account to the chosen status', async () => {
    const account = await createAccount(head(), { name: 'Бывший ключевой', status: 'key' });
    const path = `/api/v1/portfolio/accounts/${account.id}/demote`;
    expectProblem(await head().post(path, {}), 400, ['reason']);
    expectProblem(await manager().post(path, { reason: 'Lost the framework contract' }), 403);
    expectProblem(await head().post(path, { reason: 'Lost the framework contract' }, { 'if-match': '"9"' }), 412);
    const demotion = await head().post(path, { reason: 'Lost the framework contract', status: 'at_risk' });
    expect(demotion.status, JSON.stringify(demotion.body)).toBe(201);
    expect(demotion.body).toMatchObject({
      kind: 'demotion',
      status: 'approved',
      justification: 'Lost the framework contract',
      previousStatus: 'key',
      newStatus: 'at_risk',
      account: { status: 'at_risk' },
    });
    expectProblem(await head().post(path, { reason: 'Lost the framework contract' }), 422);
    const panel = await head().get(`/api/v1/portfolio/accounts/${account.id}`);
    expect(panel.body.designations.map((item: { kind: string }) => item.kind)).toEqual(['demotion']);
  });

  it('never lets the key accounts exceed the cap, however an account becomes key', async () => {
    const capped = await t.seedWorkspace();
    const capHead = capped.users.head.api;
    await saveModel(capHead, smallModel({ keyAccountCap: 2 }));
    await createAccount(capHead, { name: 'Первый', status: 'key' });
    const second = await createAccount(capHead, { name: 'Второй', status: 'active' });
    const third = await createAccount(capHead, { name: 'Третий', status: 'active' });
    const fourth = await createAccount(capHead, { name: 'Четвёртый', status: 'active' });
    const forSecond = await nominate(capHead, second.id);
    const forThird = await nominate(capHead, third.id);

    // two approvals at once for the one place left: exactly one wins
    const results = await Promise.all([
      capHead.post(`/api/v1/portfolio/designations/${forSecond.id}/approve`, {}),
      capHead.post(`/api/v1/portfolio/designations/${forThird.id}/approve`, {}),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
    const refused = results.find((result) => result.status === 422);
    expect(expectProblem(refused as (typeof results)[number], 422).detail).toBe(
      'The workspace already has 2 key accounts, its cap of 2. Demote one, or raise the cap in the portfolio model, before making another.',
    );

    const fourthNomination = await nominate(capHead, fourth.id);
    expect(fourthNomination.warnings.map((warning: { code: string }) => warning.code)).toContain('cap_reached');
    expectProblem(await capHead.patch(`/api/v1/accounts/${fourth.id}`, { status: 'key' }), 422, ['status']);
    expectProblem(await capHead.post('/api/v1/accounts', { name: 'Пятый', status: 'key' }), 422, ['status']);
    const keyCount = await t.query(
      `select count(*)::int as n from accounts where workspace_id = $1 and status = 'key'`,
      [capped.workspaceId],
    );
    expect(keyCount[0]?.n).toBe(2);
  });

  it('answers 404 to another workspace’s accounts and designations, and changes nothing', async () => {
    const account = await createAccount(manager(), { name: 'Свой', status: 'active' });
    const nomination = await nominate(manager(), account.id);
    const stranger = (await t.seedWorkspace()).users.admin.api;
    expectProblem(await stranger.get(`/api/v1/portfolio/accounts/${account.id}`), 404);
    expectProblem(
      await stranger.request('PUT', `/api/v1/portfolio/accounts/${account.id}/ratings`, {
        ratings: [{ criterion: 'volume_potential', value: 9 }],
      }),
      404,
    );
    expectProblem(
      await stranger.post('/api/v1/portfolio/designations', {
        accountId: account.id,
        justification: 'Big potential ahead',
      }),
      404,
    );
    expectProblem(await stranger.get(`/api/v1/portfolio/designations/${nomination.id}`), 404);
    expectProblem(await stranger.post(`/api/v1/portfolio/designations/${nomination.id}/approve`, {}), 404);
    expectProblem(
      await stranger.post(`/api/v1/portfolio/accounts/${account.id}/demote`, { reason: 'Not ours at all' }),
      404,
    );
    expect((await stranger.get('/api/v1/portfolio/designations')).body.items).toEqual([]);
    const mine = await head().get(`/api/v1/portfolio/designations/${nomination.id}`);
    expect(mine.body).toMatchObject({ status: 'pending', version: 1 });
  });
});
