import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../support/api-helpers';
import { type SeededWorkspace, useTestApp } from '../support/test-app';

describe('HTTP conventions', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  const api = () => workspace.users.admin.api;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
  });

  it('answers /api/health without signing in', async () => {
    const response = await t.anonymous.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  describe('problem+json', () => {
    it('names each invalid field, in English by default', async () => {
      const response = await api().post('/api/v1/accounts', { name: '', status: 'unknown', tags: 'vip' });
      const problem = expectProblem(response, 400, ['name', 'status', 'tags']);
      expect(problem.type).toBe('urn:accord:problem:validation_failed');
      expect(problem.title).toBe('Invalid input');
      expect(problem.detail).toBe('Some fields are not valid. Correct them and try again.');
      expect(errorAt(response, 'name')).toBe('Must not be empty.');
      expect(errorAt(response, 'status')).toBe('Must be one of: prospect, active, key, at_risk, lost.');
      expect(errorAt(response, 'tags')).toBe('Must be a list.');
      expect(response.headers.get('content-language')).toBe('en');
    });

    it('speaks Russian to Accept-Language: ru', async () => {
      const response = await api()
        .inLanguage('ru-RU,ru;q=0.9')
        .post('/api/v1/accounts', { name: '', taxId: '7707083894' });
      const problem = expectProblem(response, 400, ['name', 'taxId']);
      expect(problem.title).toBe('Некорректные данные');
      expect(problem.detail).toBe('Некоторые поля заполнены неверно. Исправьте их и повторите.');
      expect(errorAt(response, 'name')).toBe('Не может быть пустым.');
      expect(errorAt(response, 'taxId')).toBe('У этого ИНН неверная контрольная цифра: проверьте, нет ли опечатки.');
      expect(response.headers.get('content-language')).toBe('ru');
    });

    it('speaks English without Accept-Language, or to a language it does not know', async () => {
      const bare = await t.app.request('/api/v1/accounts/not-a-uuid', {
        headers: { authorization: `Bearer ${workspace.users.admin.api.auth.token}` },
      });
      const body = await bare.json();
      expect(body.title).toBe('Invalid input');
      expect(bare.headers.get('content-language')).toBe('en');
      const german = await api().inLanguage('de-DE,de;q=0.9').get('/api/v1/accounts/not-a-uuid');
      expect(german.body.errors).toEqual([{ path: 'id', message: 'Must be a valid identifier.' }]);
      const preferred = await api().inLanguage('de, ru;q=0.5, en;q=0.3').get('/api/v1/accounts/not-a-uuid');
      expect(preferred.body.errors).toEqual([{ path: 'id', message: 'Должно быть корректным идентификатором.' }]);
    });

    it('names fields nested in lists and objects', async () => {
      const account = await createAccount(api());
      const response = await api().post('/api/v1/contacts', {
        accountId: account.id,
        lastName: 'Петров',
        emails: ['ok@example.com', 'not-an-email'],
        messengers: [{ kind: 'telegram', handle: '' }],
      });
      expectProblem(response, 400, ['emails.1', 'messengers.0.handle']);
      expect(errorAt(response, 'emails.1')).toBe('Must be a valid e-mail address.');
    });

    it('tells a missing field from a field of the wrong type', async () => {
      const missing = await api().post('/api/v1/contacts', { lastName: 'Петров' });
      expect(errorAt(missing, 'accountId')).toBe('This field is required.');
      const wrongType = await api().post('/api/v1/accounts', { name: 42, tags: [1] });
      expectProblem(wrongType, 400, ['name', 'tags.0']);
      expect(errorAt(wrongType, 'name')).toBe('Must be text.');
    });

    it('rejects unknown fields by name', async () => {
      const response = await api().post('/api/v1/accounts', { name: 'Ромашка', extra: 1 });
      expectProblem(response, 400, ['extra']);
      expect(errorAt(response, 'extra')).toBe('Unknown field.');
      const patch = await api().inLanguage('ru').patch('/api/v1/workspace', { extra: true });
      expectProblem(patch, 400, ['extra']);
      expect(errorAt(patch, 'extra')).toBe('Неизвестное поле.');
    });

    it('rejects text holding a NUL character, which PostgreSQL cannot store, naming the field', async () => {
      const account = await createAccount(api());
      const response = await api().post('/api/v1/accounts', { name: 'Ром\u0000ашка', tags: ['a', 'b\u0000'] });
      expectProblem(response, 400, ['name', 'tags.1']);
      expect(errorAt(response, 'name')).toBe('Must not contain the NUL character (U+0000).');
      const custom = await api().patch(`/api/v1/accounts/${account.id}`, {
        custom: { 'key\u0000': 'x', note: 'a\u0000' },
      });
      expectProblem(custom, 400, ['custom.key\u0000', 'custom.note']);
    });

    it('answers 400 to malformed JSON', async () => {
      const response = await api().post('/api/v1/accounts', '{"name": "Ромашка"', {});
      const problem = expectProblem(response, 400, []);
      expect(problem.type).toBe('urn:accord:problem:malformed_request');
      expect(problem.detail).toBe('The request body is not valid JSON.');
    });

    it('answers a deeply nested body without a 500', async () => {
      const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
      const response = await api().post('/api/v1/accounts', `{"name":"Глубина","custom":{"x":${deep}}}`);
      expectProblem(response, 400, ['custom.x']);
      const tags = await api().post('/api/v1/accounts', `{"name":"Глубина","tags":${deep}}`);
      expectProblem(tags, 400);
      const nul = `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`;
      const hidden = await api().post('/api/v1/accounts', `{"name":"Глубина","custom":{"x":${nul}}}`);
      expect(hidden.status).toBe(400);
      expect(errorAt(hidden, `custom.x${'.0'.repeat(100_000)}`)).toBe('Must not contain the NUL character (U+0000).');
    });

    it('accepts JSON with a charset or as a JSON-based media type', async () => {
      const charset = await api().post(
        '/api/v1/accounts',
        { name: 'Кодировка' },
        {
          'content-type': 'application/json; charset=utf-8',
        },
      );
      expect(charset.status).toBe(201);
      const merge = await api().patch(
        `/api/v1/accounts/${charset.body.id}`,
        { status: 'key' },
        {
          'content-type': 'application/merge-patch+json',
        },
      );
      expect(merge.status).toBe(200);
    });

    it('answers 413 to a streamed body over 1 MB that announces no length', async () => {
      const chunk = new TextEncoder().encode(`{"name":"Поток","notes":"${'x'.repeat(64 * 1024)}`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1;
          if (sent > 20) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const response = await t.app.request('/api/v1/accounts', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${workspace.users.admin.api.auth.token}`,
        },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });

    it('answers 400 to a JSON body that is not an object', async () => {
      for (const body of ['[]', '"text"', '42', 'null']) {
        const response = await api().post('/api/v1/accounts', body);
        expectProblem(response, 400);
      }
    });

    it('answers 413 to a body over 1 MB', async () => {
      const response = await api().post('/api/v1/accounts', { name: 'Ромашка', notes: 'x'.repeat(1024 * 1024) });
      const problem = expectProblem(response, 413, []);
      expect(problem.detail).toBe('The request body is larger than 1 MB.');
      const inRussian = await api()
        .inLanguage('ru')
        .post('/api/v1/accounts', { name: 'Ромашка', notes: 'x'.repeat(1024 * 1024) });
      expect(expectProblem(inRussian, 413).detail).toBe('Тело запроса больше допустимых 1 MB.');
    });

    it('answers 415 to a body that is not JSON', async () => {
      const text = await api().post('/api/v1/accounts', 'name=Romashka', { 'content-type': 'text/plain' });
      expect(expectProblem(text, 415, []).detail).toBe('Send the body as application/json.');
      const form = await api().post('/api/v1/accounts', 'name=Romashka', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expectProblem(form, 415);
      const untyped = await api().post('/api/v1/accounts', '{"name":"Romashka"}', { 'content-type': '' });
      expectProblem(untyped, 415);
    });

    it('answers 404 problem+json to an unknown API path', async () => {
      const response = await api().get('/api/v1/nothing-here');
      expect(expectProblem(response, 404, []).detail).toBe('There is no such API endpoint.');
    });

    it("answers 405 with Allow to a method an API path does not take, in the caller's language", async () => {
      const collection = await api().request('DELETE', '/api/v1/accounts', undefined, { 'accept-language': 'ru' });
      expect(expectProblem(collection, 405, []).detail).toBe(
        'Этот адрес не принимает DELETE; допустимо: GET, HEAD, POST.',
      );
      expect(collection.headers.get('allow')).toBe('GET, HEAD, POST');
      const item = await api().request('PUT', `/api/v1/accounts/${crypto.randomUUID()}`, {});
      expectProblem(item, 405, []);
      expect(item.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
    });

    it('answers 400 to an id that is not a UUID', async () => {
      const response = await api().get('/api/v1/accounts/not-a-uuid');
      expectProblem(response, 400, ['id']);
      expect(errorAt(response, 'id')).toBe('Must be a valid identifier.');
    });

    it('echoes a well-formed X-Request-Id and puts it in problems', async () => {
      const response = await api().get('/api/v1/accounts/not-a-uuid', { 'x-request-id': 'trace-42' });
      expect(response.headers.get('x-request-id')).toBe('trace-42');
      expect(response.body.requestId).toBe('trace-42');
      const replaced = await api().get('/api/v1/me', { 'x-request-id': 'bad id with spaces' });
      expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    });
  });

  describe('list query parameters', () => {
    const lists = ['/api/v1/accounts', '/api/v1/contacts', '/api/v1/members', '/api/v1/audit-log'];

    it.each(lists)('%s rejects limit=0, limit=501 and a bad sort with 400', async (path) => {
      expectProblem(await api().get(`${path}?limit=0`), 400, ['limit']);
      expectProblem(await api().get(`${path}?limit=501`), 400, ['limit']);
      expectProblem(await api().get(`${path}?limit=ten`), 400, ['limit']);
      expectProblem(await api().get(`${path}?sort=password`), 400, ['sort']);
      expect((await api().get(`${path}?limit=500`)).status).toBe(200);
    });

    it.each(lists)('%s rejects a bad cursor with 400', async (path) => {
      expectProblem(await api().get(`${path}?cursor=garbage`), 400, ['cursor']);
      const otherSort = Buffer.from(JSON.stringify(['-nope', 'x', '0190a0e0-0000-7000-8000-000000000000'])).toString(
        'base64url',
      );
      expectProblem(await api().get(`${path}?cursor=${otherSort}`), 400, ['cursor']);
    });

    it.each([
      ['/api/v1/accounts', '-updatedAt'],
      ['/api/v1/accounts', 'createdAt'],
      ['/api/v1/contacts', '-updatedAt'],
      ['/api/v1/members', 'joinedAt'],
      ['/api/v1/audit-log', '-at'],
    ])('%s?sort=%s rejects a forged cursor whose key is not a time with 400', async (path, sort) => {
      for (const key of ['not a time', '2026-13-45 25:61:00+00', '2026-02-31 00:00:00+00', '']) {
        const forged = Buffer.from(JSON.stringify([sort, key, '0190a0e0-0000-7000-8000-000000000000'])).toString(
          'base64url',
        );
        expectProblem(await api().get(`${path}?sort=${sort}&cursor=${forged}`), 400, ['cursor']);
      }
    });

    it('accepts the cursor it gave out', async () => {
      await createAccount(api(), { name: 'Первый' });
      await createAccount(api(), { name: 'Второй' });
      for (const sort of ['name', '-updatedAt', 'createdAt', '-status']) {
        const first = await api().get(`/api/v1/accounts?limit=1&sort=${sort}`);
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const second = await api().get(`/api/v1/accounts?limit=1&sort=${sort}&cursor=${first.body.nextCursor}`);
        expect(second.status).toBe(200);
        expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      }
    });

    it.each(lists)('%s rejects a search or cursor holding a NUL character with 400', async (path) => {
      expectProblem(await api().get(`${path}?q=a%00b`), 400, ['q']);
      const sort = path === '/api/v1/audit-log' ? '-at' : path === '/api/v1/contacts' ? 'fullName' : 'name';
      const forged = Buffer.from(JSON.stringify([sort, 'a\u0000b', '0190a0e0-0000-7000-8000-000000000000'])).toString(
        'base64url',
      );
      expectProblem(await api().get(`${path}?sort=${sort}&cursor=${forged}`), 400, ['cursor']);
    });

    it('rejects a cursor given out for another sort', async () => {
      const first = await api().get('/api/v1/accounts?limit=1&sort=name');
      expectProblem(await api().get(`/api/v1/accounts?sort=-name&cursor=${first.body.nextCursor}`), 400, ['cursor']);
    });

    it('rejects unknown filter values with 400', async () => {
      expectProblem(await api().get('/api/v1/accounts?status=active,bogus'), 400);
      expectProblem(await api().get('/api/v1/accounts?ownerId=me'), 400);
      expectProblem(await api().get('/api/v1/custom-fields?entity=deal'), 400, ['entity']);
    });
  });
});
