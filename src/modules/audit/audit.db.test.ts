import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem, idsOf, readAllPages } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('audit log', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let admin: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    admin = workspace.users.admin.api;
  });

  /** The audit entries of one record, oldest first. */
  async function historyOf(entityId: string): Promise<Json[]> {
    const response = await admin.get(`/api/v1/audit-log?entityId=${entityId}&sort=at`);
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function auditRowCount(): Promise<number> {
    const rows = await t.query('select count(*)::int as count from audit_log where workspace_id = $1', [
      workspace.workspaceId,
    ]);
    return rows[0]?.count as number;
  }

  it('records who created, changed and deleted an account, with the row before and after', async () => {
    const { manager, head } = workspace.users;
    const created = await manager.api.post(
      '/api/v1/accounts',
      { name: 'Под надзором' },
      { 'x-request-id': 'create-1' },
    );
    const id = created.body.id;
    await manager.api.patch(`/api/v1/accounts/${id}`, { name: 'Переименован', status: 'active' });
    await head.api.delete(`/api/v1/accounts/${id}`);

    const history = await historyOf(id);
    expect(history.map((entry) => [entry.entity, entry.action, entry.actor?.id])).toEqual([
      ['accounts', 'insert', manager.id],
      ['accounts', 'update', manager.id],
      ['accounts', 'delete', head.id],
    ]);
    const [insert, update, remove] = history;
    expect(insert).toMatchObject({
      entityId: id,
      requestId: 'create-1',
      actor: { id: manager.id, name: manager.name },
      before: null,
      after: { id, name: 'Под надзором', status: 'prospect', owner_id: manager.id, version: 1 },
    });
    expect(update.before).toMatchObject({ name: 'Под надзором', status: 'prospect', version: 1 });
    expect(update.after).toMatchObject({ name: 'Переименован', status: 'active', version: 2 });
    expect(remove).toMatchObject({ before: { name: 'Переименован', version: 2 }, after: null });
    expect(insert.after).not.toHaveProperty('search');
  });

  it('records contacts, and the contacts and team that go with a deleted account', async () => {
    const { manager, head, specialist } = workspace.users;
    const account = await createAccount(manager.api, { team: [{ userId: specialist.id, role: 'support' }] });
    const contact = await createContact(manager.api, account.id, { lastName: 'Журналов' });
    await manager.api.patch(`/api/v1/contacts/${contact.id}`, { title: 'Директор' });
    const history = await historyOf(contact.id);
    expect(history.map((entry) => entry.action)).toEqual(['insert', 'update']);
    expect(history[1]).toMatchObject({ before: { title: null }, after: { title: 'Директор' } });

    expect((await head.api.delete(`/api/v1/accounts/${account.id}`)).status).toBe(204);
    const afterDelete = await historyOf(contact.id);
    expect(afterDelete.at(-1)).toMatchObject({ action: 'delete', actor: { id: head.id }, after: null });
    const team = await admin.get(`/api/v1/audit-log?entity=account_team_members&actorUserId=${head.id}`);
    expect(team.body.items).toHaveLength(1);
    expect(team.body.items[0]).toMatchObject({
      action: 'delete',
      before: { account_id: account.id, user_id: specialist.id, role: 'support' },
    });
  });

  it('records a member’s role change and the workspace’s settings change', async () => {
    const { admin: actor, finance } = workspace.users;
    await admin.patch(`/api/v1/members/${finance.id}`, { role: 'head' });
    const membership = await admin.get(`/api/v1/audit-log?entity=memberships&actorUserId=${actor.id}`);
    const change = membership.body.items.find((entry: Json) => entry.after?.user_id === finance.id);
    expect(change).toMatchObject({
      action: 'update',
      before: { role: 'finance', workspace_id: workspace.workspaceId },
      after: { role: 'head' },
    });
    await admin.patch('/api/v1/workspace', { timeZone: 'Asia/Vladivostok' });
    const settings = await historyOf(workspace.workspaceId);
    expect(settings.at(-1)).toMatchObject({
      entity: 'workspaces',
      action: 'update',
      actor: { id: actor.id },
      before: { time_zone: 'Europe/Moscow' },
      after: { time_zone: 'Asia/Vladivostok' },
    });
    await admin.patch(`/api/v1/members/${finance.id}`, { role: 'finance' });
  });

  it('records a profile change under the workspace it was made from, without the password hash', async () => {
    const { viewer } = workspace.users;
    await viewer.api.patch('/api/v1/me', { name: 'Новое имя' });
    const history = await historyOf(viewer.id);
    expect(history.at(-1)).toMatchObject({
      entity: 'users',
      action: 'update',
      actor: { id: viewer.id },
      after: { name: 'Новое имя' },
    });
    expect(history.at(-1).after).not.toHaveProperty('password_hash');
  });

  it('never keeps a password hash or a token hash', async () => {
    const { viewer } = workspace.users;
    const session = await t.signIn(viewer.email, viewer.password);
    await session.post('/api/v1/me/password', { currentPassword: viewer.password, newPassword: 'another secret 1' });
    await session.post('/api/v1/me/password', { currentPassword: 'another secret 1', newPassword: viewer.password });
    const token = await viewer.api.post('/api/v1/api-tokens', { name: 'Секретный' });
    await viewer.api.delete(`/api/v1/api-tokens/${token.body.apiToken.id}`);
    await admin.post('/api/v1/members', { email: 'audited@example.com', name: 'Новичок', role: 'viewer' });

    const rows = await t.query<{ entity: string; before: string | null; after: string | null }>(
      'select entity, before::text, after::text from audit_log',
    );
    expect(rows.map((row) => row.entity)).toEqual(expect.arrayContaining(['users', 'api_tokens', 'memberships']));
    const hashes = await t.query<{ hash: string }>(
      'select password_hash as hash from users union all select token_hash from api_tokens',
    );
    for (const row of rows) {
      for (const text of [row.before, row.after]) {
        expect(text ?? '').not.toMatch(/password_hash|token_hash|\$argon2/);
        for (const { hash } of hashes) expect(text ?? '').not.toContain(hash);
      }
    }
    expect(JSON.stringify(rows)).not.toContain(token.body.token);
  });

  it('pairs each row’s before and after when one statement changes many, and skips rows it left as they were', async () => {
    const one = await createAccount(admin, { name: 'Пакет один' });
    const two = await createAccount(admin, { name: 'Пакет два' });
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('app.user_id', $1, true), set_config('app.request_id', 'bulk-1', true)", [
        workspace.users.admin.id,
      ]);
      await client.query(
        `update accounts set industry = case when id = $2 then 'Связь' else industry end, version = version + 1
         where workspace_id = $1 and id = any($3)`,
        [workspace.workspaceId, one.id, [one.id, two.id]],
      );
      await client.query('commit');
    } finally {
      client.release();
    }
    const changed = await historyOf(one.id);
    expect(changed.map((entry) => entry.action)).toEqual(['insert', 'update']);
    expect(changed[1]).toMatchObject({
      requestId: 'bulk-1',
      actor: { id: workspace.users.admin.id },
      before: { id: one.id, name: 'Пакет один', industry: null, version: 1 },
      after: { id: one.id, name: 'Пакет один', industry: 'Связь', version: 2 },
    });
    expect((await historyOf(two.id)).map((entry) => entry.action)).toEqual(['insert']);
  });

  describe('a refused write leaves nothing behind', () => {
    it('a stale If-Match changes nothing and logs nothing', async () => {
      const account = await createAccount(admin, { name: 'Устаревший' });
      await admin.patch(`/api/v1/accounts/${account.id}`, { status: 'active' });
      const before = await auditRowCount();
      expectProblem(await admin.patch(`/api/v1/accounts/${account.id}`, { name: 'X' }, { 'if-match': '"1"' }), 412);
      expectProblem(await admin.delete(`/api/v1/accounts/${account.id}`, { 'if-match': '"1"' }), 412);
      expect(await auditRowCount()).toBe(before);
      expect((await admin.get(`/api/v1/accounts/${account.id}`)).body).toMatchObject({
        name: 'Устаревший',
        version: 2,
      });
    });

    it('an account whose team breaks a rule is not created, and not logged', async () => {
      const before = await auditRowCount();
      const name = 'Половинчатый';
      const response = await admin.post('/api/v1/accounts', {
        name,
        team: [
          { userId: workspace.users.viewer.id, role: 'support' },
          { userId: '0190a0e0-0000-7000-8000-000000000000', role: 'manager' },
        ],
      });
      expectProblem(response, 422, ['team']);
      expect(await auditRowCount()).toBe(before);
      const left = await t.query('select count(*)::int as count from accounts where name = $1', [name]);
      expect(left[0]?.count).toBe(0);
    });

    it('a contact update refused by a rule leaves the contact and the log as they were', async () => {
      const account = await createAccount(admin);
      const boss = await createContact(admin, account.id, { lastName: 'Начальник' });
      const report = await createContact(admin, account.id, { lastName: 'Подчинённый', reportsToId: boss.id });
      const before = await auditRowCount();
      expectProblem(await admin.patch(`/api/v1/contacts/${boss.id}`, { reportsToId: report.id, title: 'X' }), 422);
      expect(await auditRowCount()).toBe(before);
      expect((await admin.get(`/api/v1/contacts/${boss.id}`)).body).toMatchObject({ title: null, version: 1 });
    });

    it('removing the last admin logs nothing', async () => {
      const fresh = await t.seedWorkspace();
      const count = async () =>
        (await t.query('select count(*)::int as count from audit_log where workspace_id = $1', [fresh.workspaceId]))[0]
          ?.count;
      const before = await count();
      expectProblem(
        await fresh.users.admin.api.patch(`/api/v1/members/${fresh.users.admin.id}`, { role: 'viewer' }),
        422,
      );
      expect(await count()).toBe(before);
    });
  });

  describe('reading the log', () => {
    it('lists entries newest first, paged, and filters them', async () => {
      const fresh = await t.seedWorkspace();
      const api = fresh.users.head.api;
      for (let index = 0; index < 7; index += 1) await createAccount(api, { name: `Запись ${index}` });
      const all = (await api.get('/api/v1/audit-log?entity=accounts&limit=500')).body.items;
      expect(all).toHaveLength(7);
      expect(all.map((entry: Json) => entry.after.name)).toEqual(
        [6, 5, 4, 3, 2, 1, 0].map((index) => `Запись ${index}`),
      );
      const paged = await readAllPages(api, '/api/v1/audit-log?entity=accounts&limit=3');
      expect(paged.pages).toBe(3);
      expect(idsOf(paged)).toEqual(idsOf({ items: all }));
      const found = await api.get(`/api/v1/audit-log?q=${encodeURIComponent('Запись 3')}`);
      expect(found.body.items.map((entry: Json) => entry.after.name)).toEqual(['Запись 3']);
      expect((await api.get('/api/v1/audit-log?q=%25')).body.items).toEqual([]);
      expect((await api.get(`/api/v1/audit-log?q=${encodeURIComponent('Запись_3')}`)).body.items).toEqual([]);
      const byActor = await api.get(`/api/v1/audit-log?actorUserId=${fresh.users.admin.id}`);
      expect(byActor.body.items).toEqual([]);
    });

    it('is open to admins and heads only', async () => {
      for (const role of ['manager', 'specialist', 'finance', 'viewer'] as const) {
        expectProblem(await workspace.users[role].api.get('/api/v1/audit-log'), 403);
      }
      expect((await workspace.users.head.api.get('/api/v1/audit-log')).status).toBe(200);
    });
  });
});
