import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem, readAllPages } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('workspaces and members API', () => {
  const t = useTestApp();

  describe('workspace settings', () => {
    let workspace: SeededWorkspace;
    let admin: ApiClient;

    beforeAll(async () => {
      workspace = await t.seedWorkspace('Настройки');
      admin = workspace.users.admin.api;
    });

    it('shows the current workspace with its version as ETag', async () => {
      const response = await workspace.users.viewer.api.get('/api/v1/workspace');
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
      expect(response.body).toEqual({
        id: workspace.workspaceId,
        name: 'Настройки',
        defaultCurrency: 'RUB',
        locale: 'ru',
        timeZone: 'Europe/Moscow',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
    });

    it('changes only the settings it is given', async () => {
      const changed = await admin.patch('/api/v1/workspace', {
        defaultCurrency: 'usd',
        timeZone: 'Asia/Yekaterinburg',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ defaultCurrency: 'USD', timeZone: 'Asia/Yekaterinburg', locale: 'ru' });
      const renamed = await admin.patch('/api/v1/workspace', { name: 'Переименовано' });
      expect(renamed.headers.get('etag')).toBe('"3"');
      expect(renamed.body).toMatchObject({
        name: 'Переименовано',
        defaultCurrency: 'USD',
        timeZone: 'Asia/Yekaterinburg',
        locale: 'ru',
        version: 3,
      });
      const english = await admin.patch('/api/v1/workspace', { locale: 'en' });
      expect(english.body).toMatchObject({ name: 'Переименовано', defaultCurrency: 'USD', locale: 'en' });
      expect((await admin.get('/api/v1/workspace')).body).toEqual(english.body);
    });

    it('refuses an unknown currency, time zone or language', async () => {
      const response = await admin.patch('/api/v1/workspace', {
        defaultCurrency: 'ABC',
        timeZone: 'Mars/Olympus',
        locale: 'de',
        name: '',
      });
      expectProblem(response, 400, ['defaultCurrency', 'timeZone', 'locale', 'name']);
      expect(errorAt(response, 'timeZone')).toBe('Must be an IANA time zone such as Europe/Moscow.');
      expect(errorAt(response, 'defaultCurrency')).toBe('Must be an ISO 4217 currency code such as RUB, USD or EUR.');
    });

    it('creates another workspace with its creator as the only admin', async () => {
      const created = await admin.post('/api/v1/workspaces', { name: 'Второе', locale: 'en', defaultCurrency: 'EUR' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Второе',
        locale: 'en',
        defaultCurrency: 'EUR',
        timeZone: 'Europe/Moscow',
      });
      const me = await admin.get('/api/v1/me');
      expect(me.body.workspaces).toContainEqual({ id: created.body.id, name: 'Второе', role: 'admin' });
      const session = await t.signIn(workspace.users.admin.email, workspace.users.admin.password);
      const switched = await session.post('/api/v1/me/workspace', { workspaceId: created.body.id });
      expect(switched.status).toBe(200);
      const members = await session.get('/api/v1/members');
      expect(
        members.body.items.map((member: { userId: string; role: string }) => [member.userId, member.role]),
      ).toEqual([[workspace.users.admin.id, 'admin']]);
      expect((await session.get('/api/v1/accounts')).body.items).toEqual([]);
    });
  });

  describe('members', () => {
    let workspace: SeededWorkspace;
    let admin: ApiClient;

    beforeAll(async () => {
      workspace = await t.seedWorkspace();
      admin = workspace.users.admin.api;
    });

    it('lists members with their roles, searchable and paged', async () => {
      const response = await workspace.users.viewer.api.get('/api/v1/members?limit=500');
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(6);
      expect(response.body.items).toContainEqual({
        userId: workspace.users.finance.id,
        email: workspace.users.finance.email,
        name: workspace.users.finance.name,
        role: 'finance',
        joinedAt: expect.any(String),
        version: 1,
      });
      const names = response.body.items.map((member: { name: string }) => member.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      const found = await admin.get(
        `/api/v1/members?q=${encodeURIComponent(workspace.users.head.email.toUpperCase())}`,
      );
      expect(found.body.items.map((member: { userId: string }) => member.userId)).toEqual([workspace.users.head.id]);
      const paged = await readAllPages(admin, '/api/v1/members?limit=4&sort=joinedAt');
      expect(paged.pages).toBe(2);
      expect(new Set(paged.items.map((member) => member.userId)).size).toBe(6);
    });

    it('shows one member and answers 404 for someone who is not one', async () => {
      const member = await workspace.users.viewer.api.get(`/api/v1/members/${workspace.users.head.id}`);
      expect(member.body).toMatchObject({ userId: workspace.users.head.id, role: 'head' });
      const missing = await admin.get('/api/v1/members/0190a0e0-0000-7000-8000-000000000000');
      expect(expectProblem(missing, 404, []).detail).toBe('The member was not found.');
    });

    it('adds a new person with a generated password that lets them sign in once', async () => {
      const response = await admin.post('/api/v1/members', {
        email: ' New.Person@Example.com ',
        name: 'Новый Человек',
        role: 'specialist',
      });
      expect(response.status).toBe(201);
      expect(response.body.member).toMatchObject({ email: 'new.person@example.com', role: 'specialist' });
      expect(response.body.temporaryPassword).toEqual(expect.any(String));
      const session = await t.signIn('new.person@example.com', response.body.temporaryPassword);
      const me = await session.get('/api/v1/me');
      expect(me.body).toMatchObject({ role: 'specialist', workspace: { id: workspace.workspaceId } });
    });

    it('adds a person with a chosen password, without returning one', async () => {
      const response = await admin.post('/api/v1/members', {
        email: 'chosen@example.com',
        name: 'С паролем',
        role: 'viewer',
        password: 'chosen password 1',
      });
      expect(response.status).toBe(201);
      expect(response.body).not.toHaveProperty('temporaryPassword');
      await t.signIn('chosen@example.com', 'chosen password 1');
    });

    it('adds an existing user of another workspace without changing their password', async () => {
      const other = await t.seedWorkspace();
      const response = await admin.post('/api/v1/members', { email: other.users.finance.email, role: 'manager' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        member: expect.objectContaining({ userId: other.users.finance.id, role: 'manager' }),
      });
      const session = await t.signIn(other.users.finance.email, other.users.finance.password);
      const me = (await session.get('/api/v1/me')).body;
      expect(me.workspaces.map((entry: { id: string }) => entry.id).sort()).toEqual(
        [workspace.workspaceId, other.workspaceId].sort(),
      );
    });

    it('refuses a member twice, and a new person without a name', async () => {
      const twice = await admin.post('/api/v1/members', { email: workspace.users.viewer.email, role: 'head' });
      expect(expectProblem(twice, 409, ['email']).detail).toBe('This person is already a member of the workspace.');
      expect((await admin.get(`/api/v1/members/${workspace.users.viewer.id}`)).body.role).toBe('viewer');
      const nameless = await admin.post('/api/v1/members', { email: 'nameless@example.com', role: 'viewer' });
      expect(errorAt(nameless, 'name')).toBe('There is no user with this e-mail yet: give their name to create one.');
      const short = await admin.post('/api/v1/members', {
        email: 'short@example.com',
        name: 'Коротко',
        role: 'viewer',
        password: 'short',
      });
      expectProblem(short, 400, ['password']);
    });

    it('changes a member’s role, which changes what they may do at once', async () => {
      const { specialist } = workspace.users;
      expectProblem(await specialist.api.post('/api/v1/accounts', { name: 'Рано' }), 403);
      const changed = await admin.patch(`/api/v1/members/${specialist.id}`, { role: 'manager' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ userId: specialist.id, role: 'manager', version: 2 });
      expect((await specialist.api.post('/api/v1/accounts', { name: 'Теперь можно' })).status).toBe(201);
      expect((await specialist.api.get('/api/v1/me')).body.permissions).toContain('accounts:write');
    });

    it('keeps at least one admin', async () => {
      const fresh = await t.seedWorkspace();
      const { admin: onlyAdmin, head } = fresh.users;
      const demote = await onlyAdmin.api.patch(`/api/v1/members/${onlyAdmin.id}`, { role: 'head' });
      const problem = expectProblem(demote, 422, ['role']);
      expect(problem.detail).toBe('A workspace needs at least one admin. Make someone else an admin first.');
      expectProblem(await onlyAdmin.api.delete(`/api/v1/members/${onlyAdmin.id}`), 422, ['role']);
      expect((await onlyAdmin.api.get(`/api/v1/members/${onlyAdmin.id}`)).body.role).toBe('admin');
      expect((await onlyAdmin.api.patch(`/api/v1/members/${head.id}`, { role: 'admin' })).status).toBe(200);
      const stepDown = await onlyAdmin.api.patch(`/api/v1/members/${onlyAdmin.id}`, { role: 'viewer' });
      expect(stepDown.status).toBe(200);
      const lastOne = await head.api.inLanguage('ru').delete(`/api/v1/members/${head.id}`);
      expect(expectProblem(lastOne, 422, ['role']).detail).toMatch(/хотя бы один администратор/);
    });

    it('keeps at least one admin when two admins step down at the same moment', async () => {
      const fresh = await t.seedWorkspace();
      const { admin: first, head: second } = fresh.users;
      expect((await first.api.patch(`/api/v1/members/${second.id}`, { role: 'admin' })).status).toBe(200);
      for (let round = 0; round < 3; round += 1) {
        const results = await Promise.all([
          first.api.patch(`/api/v1/members/${first.id}`, { role: 'viewer' }),
          second.api.patch(`/api/v1/members/${second.id}`, { role: 'viewer' }),
        ]);
        const admins = (
          await t.query("select count(*)::int as count from memberships where workspace_id = $1 and role = 'admin'", [
            fresh.workspaceId,
          ])
        )[0]?.count;
        expect(admins, JSON.stringify(results.map((result) => result.status))).toBe(1);
        expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
        const winner = results[0]?.status === 200 ? second : first;
        const loser = winner === first ? second : first;
        expect((await winner.api.patch(`/api/v1/members/${loser.id}`, { role: 'admin' })).status).toBe(200);
      }
    });

    it('removes a member who owns nothing', async () => {
      const added = await admin.post('/api/v1/members', {
        email: 'leaver@example.com',
        name: 'Уходящий',
        role: 'viewer',
      });
      const userId = added.body.member.userId;
      expect((await admin.delete(`/api/v1/members/${userId}`)).status).toBe(204);
      expectProblem(await admin.get(`/api/v1/members/${userId}`), 404);
      expectProblem(await admin.delete(`/api/v1/members/${userId}`), 404);
    });

    it('removes a member who owns accounts only when told who takes them over', async () => {
      const fresh = await t.seedWorkspace();
      const { admin: freshAdmin, manager, head } = fresh.users;
      const first = await createAccount(manager.api, { name: 'Первый' });
      const second = await createAccount(manager.api, {
        name: 'Второй',
        team: [{ userId: manager.id, role: 'manager' }],
      });
      const refused = await freshAdmin.api.delete(`/api/v1/members/${manager.id}`);
      expect(expectProblem(refused, 422, ['reassignTo']).detail).toBe(
        'This member owns 2 accounts. Choose who takes them over.',
      );
      const toSelf = await freshAdmin.api.delete(`/api/v1/members/${manager.id}?reassignTo=${manager.id}`);
      expectProblem(toSelf, 422, ['reassignTo']);
      const toStranger = await freshAdmin.api.delete(
        `/api/v1/members/${manager.id}?reassignTo=0190a0e0-0000-7000-8000-000000000000`,
      );
      expect(expectProblem(toStranger, 422, ['reassignTo']).detail).toBe(
        'The person to take over must be another member of this workspace.',
      );
      expectProblem(await freshAdmin.api.delete(`/api/v1/members/${manager.id}?reassignTo=me`), 400, ['reassignTo']);
      expect((await freshAdmin.api.get(`/api/v1/accounts/${first.id}`)).body.owner.id).toBe(manager.id);

      const removed = await freshAdmin.api.delete(`/api/v1/members/${manager.id}?reassignTo=${head.id}`);
      expect(removed.status).toBe(204);
      for (const account of [first, second]) {
        const read = await freshAdmin.api.get(`/api/v1/accounts/${account.id}`);
        expect(read.body).toMatchObject({ ownerId: head.id, version: 2, team: [] });
      }
      expectProblem(await manager.api.get('/api/v1/accounts'), 401);
    });
  });
});
