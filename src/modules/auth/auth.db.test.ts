import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { SeededWorkspace } from '../../../tests/support/test-app';
import { ApiClient, sessionClient, testConfig, useTestApp } from '../../../tests/support/test-app';
import { buildApp } from '../../server';

const minute = 60_000;
const day = 24 * 60 * minute;

describe('auth API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    workspace = await t.seedWorkspace('Вход');
  });

  const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
    t.anonymous.post('/api/v1/auth/login', { email, password, ...extra });

  describe('sign-in and session', () => {
    it('signs in, setting an HttpOnly SameSite=Lax session cookie, and says who is signed in', async () => {
      const { manager } = workspace.users;
      const response = await login(manager.email.toUpperCase(), manager.password);
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^accord_session=[\w-]{40,};/);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(cookie).toMatch(/; Max-Age=2592000/i);
      expect(cookie).not.toMatch(/Secure/i);
      expect(response.body).toEqual({
        user: { id: manager.id, email: manager.email, name: manager.name, locale: 'en' },
        workspace: {
          id: workspace.workspaceId,
          name: 'Вход',
          defaultCurrency: 'RUB',
          locale: 'ru',
          timeZone: 'Europe/Moscow',
        },
        role: 'manager',
        permissions: [
          'members:read',
          'accounts:read',
          'accounts:read-all',
          'accounts:write',
          'contacts:read',
          'contacts:write',
          'contacts:delete',
          'relationships:read',
          'relationships:write',
          'interactions:write',
          'api-tokens:own',
          'portfolio:read',
          'portfolio:rate',
          'imports:run',
          'kpis:read',
          'kpis:write',
          'kpis:triage',
          'finance:read',
          'delivery:read',
          'delivery:write',
          'estimates:read',
          'estimates:write',
          'plans:read',
          'plans:write',
        ],
        workspaces: [{ id: workspace.workspaceId, name: 'Вход', role: 'manager' }],
        csrfToken: expect.any(String),
      });
      const session = sessionClient(t.app, response);
      const me = await session.get('/api/v1/me');
      expect(me.body).toEqual(response.body);
    });

    it('marks the cookie Secure when Accord runs behind HTTPS', async () => {
      const secureApp = buildApp(
        { ...t.deps, config: { ...testConfig, secureCookies: true } },
        { webDirectory: '/nonexistent' },
      );
      const { viewer } = workspace.users;
      const response = await new ApiClient(secureApp).post('/api/v1/auth/login', {
        email: viewer.email,
        password: viewer.password,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    });

    it('answers a wrong password and an unknown e-mail alike', async () => {
      const wrong = await login(workspace.users.viewer.email, 'wrong password');
      expect(expectProblem(wrong, 401, []).detail).toBe('Wrong e-mail or password.');
      expect(wrong.headers.get('set-cookie')).toBeNull();
      const unknown = await t.anonymous.inLanguage('ru').post('/api/v1/auth/login', {
        email: 'nobody@example.com',
        password: 'whatever',
      });
      expect(expectProblem(unknown, 401, []).detail).toBe('Неверный e-mail или пароль.');
    });

    it('opens the session in the workspace asked for, among the user’s own', async () => {
      const second = await workspace.users.admin.api.post('/api/v1/workspaces', { name: 'Ещё одно' });
      const { admin } = workspace.users;
      const response = await login(admin.email, admin.password, { workspaceId: second.body.id });
      expect(response.body.workspace.id).toBe(second.body.id);
      const other = await t.seedWorkspace();
      const foreign = await login(admin.email, admin.password, { workspaceId: other.workspaceId });
      expect(expectProblem(foreign, 403, []).detail).toBe('You are not a member of this workspace.');
    });

    it('ends the session on sign-out', async () => {
      const session = await t.signIn(workspace.users.viewer.email, workspace.users.viewer.password);
      const response = await session.post('/api/v1/auth/logout');
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toMatch(/^accord_session=;.*Max-Age=0/i);
      expectProblem(await session.get('/api/v1/me'), 401);
    });

    it('keeps an active session alive and ends an idle one after 30 days', async () => {
      const session = await t.signIn(workspace.users.finance.email, workspace.users.finance.password);
      t.clock.advance(20 * day);
      expect((await session.get('/api/v1/me')).status).toBe(200);
      t.clock.advance(20 * day);
      expect((await session.get('/api/v1/me')).status).toBe(200);
      t.clock.advance(30 * day + minute);
      expectProblem(await session.get('/api/v1/me'), 401);
    });

    it('ignores a cookie that is not a session', async () => {
      const forged = new ApiClient(t.app, { cookie: 'accord_session=forged', csrfToken: 'x' });
      expectProblem(await forged.get('/api/v1/me'), 401);
    });
  });

  describe('CSRF protection', () => {
    it('refuses a cookie-authenticated write without the CSRF token, and allows it with the token', async () => {
      const session = await t.signIn(workspace.users.manager.email, workspace.users.manager.password);
      const forged = await session.withoutCsrf().post('/api/v1/accounts', { name: 'Подделка' });
      const problem = expectProblem(forged, 403, []);
      expect(problem.detail).toBe('The request is missing its security token. Reload the page and try again.');
      const wrong = await session
        .withoutCsrf()
        .post('/api/v1/accounts', { name: 'Подделка' }, { 'x-csrf-token': 'guess' });
      expectProblem(wrong, 403);
      expect((await session.get('/api/v1/accounts?q=Подделка')).body.items).toEqual([]);
      expect((await session.withoutCsrf().get('/api/v1/accounts')).status).toBe(200);
      expect((await session.post('/api/v1/accounts', { name: 'Настоящий' })).status).toBe(201);
      expectProblem(await session.withoutCsrf().post('/api/v1/auth/logout'), 403);
    });

    it('does not ask a Bearer token for a CSRF token', async () => {
      expect((await workspace.users.manager.api.post('/api/v1/accounts', { name: 'Скрипт' })).status).toBe(201);
    });

    it('lets a stale cookie sign in again without a CSRF token', async () => {
      const { viewer } = workspace.users;
      const stale = new ApiClient(t.app, { cookie: 'accord_session=stale' });
      const response = await stale.post('/api/v1/auth/login', { email: viewer.email, password: viewer.password });
      expect(response.status).toBe(200);
    });
  });

  describe('rate limiting', () => {
    it('answers 429 with Retry-After after 5 failures for one e-mail, and recovers after the window', async () => {
      const fresh = await t.seedWorkspace();
      const { head, specialist } = fresh.users;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expectProblem(await login(head.email, `wrong ${attempt}`), 401);
        t.clock.advance(minute);
      }
      const limited = await login(head.email, head.password);
      const problem = expectProblem(limited, 429, []);
      // NOTE: the oldest failure was 5 minutes ago; it leaves the 15-minute window in 10.
      expect(problem.detail).toBe('Too many failed sign-in attempts. Try again in 10 min.');
      expect(limited.headers.get('retry-after')).toBe(String(10 * 60));
      const inRussian = await t.anonymous.inLanguage('ru').post('/api/v1/auth/login', {
        email: head.email.toUpperCase(),
        password: head.password,
      });
      expect(expectProblem(inRussian, 429).detail).toBe(
        'Слишком много неудачных попыток входа. Повторите через 10 мин.',
      );
      expect((await login(specialist.email, specialist.password)).status).toBe(200);
      t.clock.advance(10 * minute - 1_000);
      expectProblem(await login(head.email, head.password), 429);
      t.clock.advance(2_000);
      expect((await login(head.email, head.password)).status).toBe(200);
    });

    it('forgets the failures after a successful sign-in', async () => {
      const fresh = await t.seedWorkspace();
      const { viewer } = fresh.users;
      for (let attempt = 0; attempt < 4; attempt += 1) expectProblem(await login(viewer.email, 'wrong'), 401);
      expect((await login(viewer.email, viewer.password)).status).toBe(200);
      for (let attempt = 0; attempt < 4; attempt += 1) expectProblem(await login(viewer.email, 'wrong'), 401);
      expect((await login(viewer.email, viewer.password)).status).toBe(200);
    });
  });

  describe('profile and password', () => {
    it('changes the user’s name and language', async () => {
      const { specialist } = workspace.users;
      const response = await specialist.api.patch('/api/v1/me', { name: '  Новое Имя ', locale: 'ru' });
      expect(response.status).toBe(200);
      expect(response.body.user).toEqual({
        id: specialist.id,
        email: specialist.email,
        name: 'Новое Имя',
        locale: 'ru',
      });
      expect(response.body.csrfToken).toBeNull();
      expect((await specialist.api.get('/api/v1/me')).body.user.name).toBe('Новое Имя');
      expectProblem(await specialist.api.patch('/api/v1/me', { email: 'x@example.com' }), 400, ['email']);
      expectProblem(await specialist.api.patch('/api/v1/me', { name: '' }), 400, ['name']);
    });

    it('changes the password only with the current one, and ends the user’s other sessions', async () => {
      const fresh = await t.seedWorkspace();
      const { viewer } = fresh.users;
      const here = await t.signIn(viewer.email, viewer.password);
      const elsewhere = await t.signIn(viewer.email, viewer.password);

      const wrong = await here.post('/api/v1/me/password', {
        currentPassword: 'not it',
        newPassword: 'brand new secret',
      });
      expect(errorAt(wrong, 'currentPassword')).toBe('The current password is wrong.');
      const same = await here.post('/api/v1/me/password', {
        currentPassword: viewer.password,
        newPassword: viewer.password,
      });
      expect(errorAt(same, 'newPassword')).toBe('The new password must differ from the current one.');
      const short = await here.post('/api/v1/me/password', { currentPassword: viewer.password, newPassword: 'short' });
      expectProblem(short, 400, ['newPassword']);
      expect((await elsewhere.get('/api/v1/me')).status).toBe(200);

      const changed = await here.post('/api/v1/me/password', {
        currentPassword: viewer.password,
        newPassword: 'brand new secret',
      });
      expect(changed.status).toBe(204);
      expect((await here.get('/api/v1/me')).status).toBe(200);
      expectProblem(await elsewhere.get('/api/v1/me'), 401);
      expect((await viewer.api.get('/api/v1/me')).status).toBe(200);
      expectProblem(await login(viewer.email, viewer.password), 401);
      expect((await login(viewer.email, 'brand new secret')).status).toBe(200);
    });
  });

  describe('switching workspaces', () => {
    it('moves the session to another of the user’s workspaces', async () => {
      const other = await t.seedWorkspace('Другое');
      const { finance } = workspace.users;
      expect((await other.users.admin.api.post('/api/v1/members', { email: finance.email, role: 'head' })).status).toBe(
        201,
      );
      const account = await createAccount(other.users.admin.api, { name: 'Только в другом' });
      const session = await t.signIn(finance.email, finance.password);
      expect((await session.get('/api/v1/me')).body.workspace.id).toBe(workspace.workspaceId);
      expectProblem(await session.get(`/api/v1/accounts/${account.id}`), 404);

      const switched = await session.post('/api/v1/me/workspace', { workspaceId: other.workspaceId });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({ workspace: { id: other.workspaceId, name: 'Другое' }, role: 'head' });
      expect(switched.body.permissions).toContain('accounts:delete');
      expect((await session.get(`/api/v1/accounts/${account.id}`)).status).toBe(200);
      expect((await finance.api.get(`/api/v1/accounts/${account.id}`)).status).toBe(404);
    });
  });

  describe('API tokens', () => {
    it('creates a token shown once, lists it without the secret, and accepts it as Bearer', async () => {
      const { head } = workspace.users;
      const created = await head.api.post('/api/v1/api-tokens', { name: 'Интеграция', expiresInDays: 30 });
      expect(created.status).toBe(201);
      const { token, apiToken } = created.body;
      expect(token).toMatch(/^acc_[\w-]{40,}$/);
      expect(apiToken).toEqual({
        id: expect.any(String),
        name: 'Интеграция',
        tokenPrefix: token.slice(0, 10),
        createdAt: t.clock.now().toISOString(),
        lastUsedAt: null,
        expiresAt: new Date(t.clock.now().getTime() + 30 * day).toISOString(),
        revokedAt: null,
      });
      const client = new ApiClient(t.app, { token });
      const me = await client.get('/api/v1/me');
      expect(me.body).toMatchObject({ user: { id: head.id }, role: 'head', csrfToken: null });
      const listed = await head.api.get('/api/v1/api-tokens');
      const entry = listed.body.items.find((item: { id: string }) => item.id === apiToken.id);
      expect(entry).toEqual({ ...apiToken, lastUsedAt: t.clock.now().toISOString() });
      expect(JSON.stringify(listed.body)).not.toContain(token);
      const stored = await t.query('select token_hash from api_tokens where id = $1', [apiToken.id]);
      expect(stored[0]?.token_hash).not.toContain(token);
    });

    it('refuses a revoked token', async () => {
      const { head } = workspace.users;
      const created = await head.api.post('/api/v1/api-tokens', { name: 'Отзываемый' });
      const client = new ApiClient(t.app, { token: created.body.token });
      expect((await client.get('/api/v1/me')).status).toBe(200);
      expect((await head.api.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`)).status).toBe(204);
      const refused = await client.get('/api/v1/me');
      expect(expectProblem(refused, 401, []).detail).toBe('The API token is invalid, expired or revoked.');
      expectProblem(await head.api.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`), 404);
      const listed = await head.api.get('/api/v1/api-tokens');
      expect(listed.body.items.find((item: { id: string }) => item.id === created.body.apiToken.id).revokedAt).toBe(
        t.clock.now().toISOString(),
      );
    });

    it('refuses an expired token', async () => {
      const created = await workspace.users.head.api.post('/api/v1/api-tokens', { name: 'Краткий', expiresInDays: 1 });
      const client = new ApiClient(t.app, { token: created.body.token });
      t.clock.advance(day - minute);
      expect((await client.get('/api/v1/me')).status).toBe(200);
      t.clock.advance(2 * minute);
      expectProblem(await client.get('/api/v1/me'), 401);
    });

    it('refuses an unknown token and a malformed Authorization header, even on public routes', async () => {
      const unknown = new ApiClient(t.app, { token: 'acc_unknown' });
      expectProblem(await unknown.get('/api/v1/me'), 401);
      const basic = await t.anonymous.get('/api/v1/me', { authorization: 'Basic dXNlcjpwYXNz' });
      expect(expectProblem(basic, 401, []).detail).toBe('The Authorization header must be "Bearer <token>".');
      const { viewer } = workspace.users;
      expectProblem(await unknown.post('/api/v1/auth/login', { email: viewer.email, password: viewer.password }), 401);
    });
  });

  describe('losing access', () => {
    it('shuts out a disabled user everywhere: token, session and sign-in', async () => {
      const fresh = await t.seedWorkspace();
      const { specialist } = fresh.users;
      const session = await t.signIn(specialist.email, specialist.password);
      await t.query('update users set disabled_at = now() where id = $1', [specialist.id]);
      expectProblem(await specialist.api.get('/api/v1/me'), 401);
      expectProblem(await session.get('/api/v1/me'), 401);
      expectProblem(await login(specialist.email, specialist.password), 401);
    });

    it('does not revive a removed member’s old token when they are added back', async () => {
      const fresh = await t.seedWorkspace();
      const { admin, specialist } = fresh.users;
      expect((await admin.api.delete(`/api/v1/members/${specialist.id}`)).status).toBe(204);
      expectProblem(await specialist.api.get('/api/v1/me'), 401);
      expect((await admin.api.post('/api/v1/members', { email: specialist.email, role: 'admin' })).status).toBe(201);
      expectProblem(await specialist.api.get('/api/v1/me'), 401);
      const session = await t.signIn(specialist.email, specialist.password);
      expect((await session.get('/api/v1/api-tokens')).body.items).toEqual([
        expect.objectContaining({ name: 'tests', revokedAt: expect.any(String) }),
      ]);
    });

    it('shuts out a removed member, and moves their session to a workspace they still belong to', async () => {
      const first = await t.seedWorkspace();
      const second = await t.seedWorkspace();
      const { manager } = first.users;
      await second.users.admin.api.post('/api/v1/members', { email: manager.email, role: 'viewer' });
      const session = await t.signIn(manager.email, manager.password);
      expect((await session.get('/api/v1/me')).body.workspace.id).toBe(first.workspaceId);

      expect((await first.users.admin.api.delete(`/api/v1/members/${manager.id}`)).status).toBe(204);
      expectProblem(await manager.api.get('/api/v1/me'), 401);
      const moved = await session.get('/api/v1/me');
      expect(moved.body).toMatchObject({ workspace: { id: second.workspaceId }, role: 'viewer' });
      expectProblem(await session.post('/api/v1/accounts', { name: 'Уже нельзя' }), 403);

      expect((await second.users.admin.api.delete(`/api/v1/members/${manager.id}`)).status).toBe(204);
      expectProblem(await session.get('/api/v1/me'), 401);
      const noWorkspace = await login(manager.email, manager.password);
      expect(expectProblem(noWorkspace, 403, []).detail).toBe(
        'You are not a member of any workspace. Ask an admin to add you.',
      );
    });
  });
});
