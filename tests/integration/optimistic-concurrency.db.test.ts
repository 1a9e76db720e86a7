import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem } from '../support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../support/test-app';
import { useTestApp } from '../support/test-app';

type Resource = {
  name: string;
  /** Creates a fresh record and returns the path of its single-record routes. */
  create(): Promise<string>;
  read(path: string): Promise<{ etag: string | null; body: Json }>;
  /** A change, and the field that shows whether it was applied. */
  change: { body: Record<string, unknown>; field: string };
  deletable: boolean;
};

describe('optimistic concurrency (ETag and If-Match)', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let fieldCounter = 0;
  let memberCounter = 0;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.admin.api;
  });

  const readRecord = async (path: string) => {
    const response = await api.get(path);
    expect(response.status).toBe(200);
    return { etag: response.headers.get('etag'), body: response.body };
  };

  const resources: Resource[] = [
    {
      name: 'account',
      create: async () => `/api/v1/accounts/${(await createAccount(api)).id}`,
      read: readRecord,
      change: { body: { name: 'Изменён' }, field: 'name' },
      deletable: true,
    },
    {
      name: 'contact',
      create: async () => `/api/v1/contacts/${(await createContact(api, (await createAccount(api)).id)).id}`,
      read: readRecord,
      change: { body: { title: 'Изменён' }, field: 'title' },
      deletable: true,
    },
    {
      name: 'custom field',
      create: async () => {
        fieldCounter += 1;
        const response = await api.post('/api/v1/custom-fields', {
          entity: 'account',
          key: `field_${fieldCounter}`,
          labelEn: 'Field',
          labelRu: 'Поле',
          type: 'text',
        });
        return `/api/v1/custom-fields/${response.body.id}`;
      },
      read: async (path) => {
        const id = path.split('/').at(-1);
        const list = await api.get('/api/v1/custom-fields');
        const body = list.body.items.find((item: { id: string }) => item.id === id);
        return { etag: body ? `"${body.version}"` : null, body };
      },
      change: { body: { labelEn: 'Changed' }, field: 'labelEn' },
      deletable: true,
    },
    {
      name: 'member',
      create: async () => {
        memberCounter += 1;
        const response = await api.post('/api/v1/members', {
          email: `versioned-${memberCounter}@example.com`,
          name: 'Версия',
          role: 'viewer',
        });
        return `/api/v1/members/${response.body.member.userId}`;
      },
      read: readRecord,
      change: { body: { role: 'finance' }, field: 'role' },
      deletable: true,
    },
    {
      name: 'workspace',
      create: async () => '/api/v1/workspace',
      read: readRecord,
      change: { body: { name: 'Изменено' }, field: 'name' },
      deletable: false,
    },
  ];

  describe.each(resources)('$name', (resource) => {
    it('returns its version as ETag, and a write with the current one moves it on', async () => {
      const path = await resource.create();
      const before = await resource.read(path);
      expect(before.etag).toBe(`"${before.body.version}"`);
      const response = await api.patch(path, resource.change.body, { 'if-match': before.etag as string });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(`"${before.body.version + 1}"`);
      const after = await resource.read(path);
      expect(after.body.version).toBe(before.body.version + 1);
      expect(after.body[resource.change.field]).toBe(resource.change.body[resource.change.field]);
    });

    it('refuses a write with a stale If-Match with 412, in the caller’s language, and changes nothing', async () => {
      const path = await resource.create();
      const first = await resource.read(path);
      await api.patch(path, resource.change.body, { 'if-match': first.etag as string });
      const current = await resource.read(path);
      const stale = await api
        .inLanguage('ru')
        .patch(path, { ...resource.change.body }, { 'if-match': first.etag as string });
      const problem = expectProblem(stale, 412, []);
      expect(problem.title).toBe('Изменено другим пользователем');
      expect(problem.detail).toBe(
        'Эту запись изменили после того, как вы её открыли. Обновите её, чтобы увидеть изменения, и внесите свои ещё раз.',
      );
      const english = await api.patch(path, resource.change.body, { 'if-match': first.etag as string });
      expect(expectProblem(english, 412).detail).toMatch(/^This record was changed by someone else/);
      if (resource.deletable) {
        expectProblem(await api.delete(path, { 'if-match': first.etag as string }), 412);
      }
      expect(await resource.read(path)).toEqual(current);
    });

    it('refuses an If-Match that names no version of ours with 412', async () => {
      const path = await resource.create();
      const before = await resource.read(path);
      for (const ifMatch of ['garbage', '"abc"', '1', `"${before.body.version}`, '"99999999999999999999"', '"-1"']) {
        expectProblem(await api.patch(path, resource.change.body, { 'if-match': ifMatch }), 412);
      }
      expect(await resource.read(path)).toEqual(before);
    });

    it('accepts a weak ETag and the * wildcard', async () => {
      const path = await resource.create();
      const before = await resource.read(path);
      const weak = await api.patch(path, resource.change.body, { 'if-match': `W/${before.etag}` });
      expect(weak.status).toBe(200);
      const wildcard = await api.patch(path, resource.change.body, { 'if-match': '*' });
      expect(wildcard.status).toBe(200);
    });

    if (resource.deletable) {
      it('deletes with the current If-Match', async () => {
        const path = await resource.create();
        const before = await resource.read(path);
        const response = await api.delete(path, { 'if-match': before.etag as string });
        expect(response.status).toBe(204);
        expectProblem(await api.patch(path, resource.change.body), 404);
      });
    }
  });

  it('lets exactly one of two simultaneous writes with the same If-Match win', async () => {
    const account = await createAccount(api, { name: 'Гонка' });
    const [first, second] = await Promise.all([
      api.patch(`/api/v1/accounts/${account.id}`, { name: 'Первый' }, { 'if-match': '"1"' }),
      workspace.users.head.api.patch(`/api/v1/accounts/${account.id}`, { name: 'Второй' }, { 'if-match': '"1"' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const winner = first.status === 200 ? 'Первый' : 'Второй';
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body).toMatchObject({ name: winner, version: 2 });
  });

  it('applies both of two simultaneous writes that state no If-Match (the later wins, neither gets 412)', async () => {
    const account = await createAccount(api, { name: 'Без условий' });
    const contact = await createContact(api, account.id, { lastName: 'Гонкин' });
    const writes = await Promise.all([
      api.patch(`/api/v1/accounts/${account.id}`, { segment: 'A' }),
      workspace.users.head.api.patch(`/api/v1/accounts/${account.id}`, { notes: 'B' }),
      api.patch(`/api/v1/contacts/${contact.id}`, { title: 'A' }),
      workspace.users.head.api.patch(`/api/v1/contacts/${contact.id}`, { department: 'B' }),
    ]);
    expect(writes.map((write) => write.status)).toEqual([200, 200, 200, 200]);
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body).toMatchObject({
      segment: 'A',
      notes: 'B',
      version: 3,
    });
    expect((await api.get(`/api/v1/contacts/${contact.id}`)).body).toMatchObject({
      title: 'A',
      department: 'B',
      version: 3,
    });
  });
});
