import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const selectOptions = [
  { value: 'north', labelEn: 'North', labelRu: 'Север' },
  { value: 'south', labelEn: 'South', labelRu: 'Юг' },
];

describe('custom fields API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let admin: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    admin = workspace.users.admin.api;
  });

  describe('definitions', () => {
    it('creates, lists, changes and deletes a definition', async () => {
      const created = await admin.post('/api/v1/custom-fields', {
        entity: 'account',
        key: 'region',
        labelEn: 'Region',
        labelRu: 'Регион',
        type: 'select',
        options: selectOptions,
        position: 2,
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBe('"1"');
      expect(created.body).toEqual({
        id: expect.any(String),
        entity: 'account',
        key: 'region',
        labelEn: 'Region',
        labelRu: 'Регион',
        type: 'select',
        options: selectOptions,
        required: false,
        position: 2,
        createdAt: t.clock.now().toISOString(),
        updatedAt: t.clock.now().toISOString(),
        version: 1,
      });
      const listed = await workspace.users.viewer.api.get('/api/v1/custom-fields?entity=account');
      expect(listed.body).toEqual({ items: [created.body], nextCursor: null });
      expect((await admin.get('/api/v1/custom-fields?entity=contact')).body.items).toEqual([]);

      const updated = await admin.patch(`/api/v1/custom-fields/${created.body.id}`, {
        labelRu: 'Регион продаж',
        options: [...selectOptions, { value: 'east', labelEn: 'East', labelRu: 'Восток' }],
      });
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(updated.body).toMatchObject({ labelRu: 'Регион продаж', labelEn: 'Region', version: 2 });
      expect(updated.body.options).toHaveLength(3);

      expect((await admin.delete(`/api/v1/custom-fields/${created.body.id}`)).status).toBe(204);
      expect((await admin.get('/api/v1/custom-fields')).body.items).toEqual([]);
      expectProblem(await admin.delete(`/api/v1/custom-fields/${created.body.id}`), 404);
      expect(
        expectProblem(await admin.patch(`/api/v1/custom-fields/${created.body.id}`, { labelEn: 'x' }), 404).detail,
      ).toBe('The custom field was not found.');
    });

    it('lists definitions by entity, position and key', async () => {
      const fresh = await t.seedWorkspace();
      const define = (entity: string, key: string, position: number) =>
        fresh.users.admin.api.post('/api/v1/custom-fields', {
          entity,
          key,
          position,
          labelEn: key,
          labelRu: key,
          type: 'text',
        });
      await define('contact', 'alpha', 0);
      await define('account', 'zeta', 0);
      await define('account', 'beta', 1);
      await define('account', 'alpha', 1);
      const keys = (await fresh.users.admin.api.get('/api/v1/custom-fields')).body.items.map(
        (field: { entity: string; key: string }) => `${field.entity}.${field.key}`,
      );
      expect(keys).toEqual(['account.zeta', 'account.alpha', 'account.beta', 'contact.alpha']);
    });

    it('refuses a key used twice for one entity, but allows it for the other', async () => {
      const body = { key: 'source', labelEn: 'Source', labelRu: 'Источник', type: 'text' };
      expect((await admin.post('/api/v1/custom-fields', { ...body, entity: 'contact' })).status).toBe(201);
      const duplicate = await admin.inLanguage('ru').post('/api/v1/custom-fields', { ...body, entity: 'contact' });
      expect(expectProblem(duplicate, 409, ['key']).detail).toBe('Такой ключ уже используется для этого объекта.');
      expect((await admin.post('/api/v1/custom-fields', { ...body, entity: 'account' })).status).toBe(201);
    });

    it('checks keys, types and options', async () => {
      const base = { entity: 'account', labelEn: 'F', labelRu: 'П' };
      const badKey = await admin.post('/api/v1/custom-fields', { ...base, key: 'Bad Key', type: 'text' });
      expect(errorAt(badKey, 'key')).toBe(
        'Use lower-case Latin letters, digits and underscores, starting with a letter.',
      );
      expectProblem(await admin.post('/api/v1/custom-fields', { ...base, key: 'money', type: 'money' }), 400, ['type']);
      const noOptions = await admin.post('/api/v1/custom-fields', { ...base, key: 'empty', type: 'select' });
      expect(errorAt(noOptions, 'options')).toBe('A select field needs at least one option.');
      const twice = await admin.post('/api/v1/custom-fields', {
        ...base,
        key: 'twice',
        type: 'select',
        options: [selectOptions[0], selectOptions[0]],
      });
      expect(errorAt(twice, 'options')).toBe('Option values must be unique.');
      const select = await admin.post('/api/v1/custom-fields', {
        ...base,
        key: 'choice',
        type: 'select',
        options: selectOptions,
      });
      const emptied = await admin.patch(`/api/v1/custom-fields/${select.body.id}`, { options: [] });
      expect(errorAt(emptied, 'options')).toBe('A select field needs at least one option.');
      expect((await admin.get('/api/v1/custom-fields')).body.items).toContainEqual(select.body);
      const fixed = await admin.post('/api/v1/custom-fields', { ...base, key: 'fixed', type: 'text' });
      const retyped = await admin.patch(`/api/v1/custom-fields/${fixed.body.id}`, { type: 'number', key: 'other' });
      expectProblem(retyped, 400, ['type', 'key']);
    });
  });

  describe('values', () => {
    let fieldIds: Record<string, string>;

    beforeAll(async () => {
      fieldIds = {};
      const definitions = [
        { key: 'note', type: 'text' },
        { key: 'employees', type: 'number' },
        { key: 'since', type: 'date' },
        { key: 'partner', type: 'boolean' },
        { key: 'zone', type: 'select', options: selectOptions },
      ];
      for (const definition of definitions) {
        const response = await admin.post('/api/v1/custom-fields', {
          entity: 'account',
          labelEn: definition.key,
          labelRu: definition.key,
          ...definition,
        });
        expect(response.status).toBe(201);
        fieldIds[definition.key] = response.body.id;
      }
    });

    it('stores values of each type and merges changes, null removing one', async () => {
      const api = workspace.users.manager.api;
      const custom = { note: 'Важный', employees: 1200.5, since: '2020-02-29', partner: false, zone: 'north' };
      const created = await createAccount(api, { custom });
      expect(created.custom).toEqual(custom);
      const updated = await api.patch(`/api/v1/accounts/${created.id}`, { custom: { employees: 10, note: null } });
      expect(updated.body.custom).toEqual({ employees: 10, since: '2020-02-29', partner: false, zone: 'north' });
      const emptied = await api.patch(`/api/v1/accounts/${created.id}`, { custom: { zone: '' } });
      expect(emptied.body.custom).toEqual({ employees: 10, since: '2020-02-29', partner: false });
    });

    it('refuses a value of the wrong type, naming the field', async () => {
      const api = workspace.users.manager.api;
      const response = await api.post('/api/v1/accounts', {
        name: 'Неверные значения',
        custom: { note: 5, employees: '12', since: '2021-02-29', partner: 'yes', zone: 'west' },
      });
      expectProblem(response, 400, [
        'custom.note',
        'custom.employees',
        'custom.since',
        'custom.partner',
        'custom.zone',
      ]);
      expect(errorAt(response, 'custom.note')).toBe('Must be text of at most 2000 characters.');
      expect(errorAt(response, 'custom.employees')).toBe('Must be a number.');
      expect(errorAt(response, 'custom.since')).toBe('Must be a date (YYYY-MM-DD).');
      expect(errorAt(response, 'custom.partner')).toBe('Must be true or false.');
      expect(errorAt(response, 'custom.zone')).toBe('Must be one of: north, south.');
      const long = await api.post('/api/v1/accounts', { name: 'Длинно', custom: { note: 'x'.repeat(2001) } });
      expectProblem(long, 400, ['custom.note']);
      const unknown = await api.inLanguage('ru').post('/api/v1/accounts', { name: 'Лишнее', custom: { color: 'red' } });
      expect(errorAt(unknown, 'custom.color')).toBe('Дополнительного поля «color» нет.');
    });

    it('keeps account fields apart from contact fields', async () => {
      const api = workspace.users.manager.api;
      const account = await createAccount(api);
      const response = await api.post('/api/v1/contacts', {
        accountId: account.id,
        lastName: 'Контактов',
        custom: { note: 'x' },
      });
      expectProblem(response, 400, ['custom.note']);
    });

    it('requires a required field on create, and on an update that touches custom values', async () => {
      const fresh = await t.seedWorkspace();
      const api = fresh.users.manager.api;
      const account = await createAccount(api, { name: 'До правила' });
      const contact = await createContact(api, account.id);
      const required = await fresh.users.admin.api.post('/api/v1/custom-fields', {
        entity: 'contact',
        key: 'influence',
        labelEn: 'Influence',
        labelRu: 'Влияние',
        type: 'number',
        required: true,
      });
      expect(required.status).toBe(201);
      const missing = await api.post('/api/v1/contacts', { accountId: account.id, lastName: 'Без влияния' });
      expect(errorAt(missing, 'custom.influence')).toBe('"Influence" is required.');
      const inRussian = await api.inLanguage('ru').post('/api/v1/contacts', { accountId: account.id, lastName: 'Б' });
      expect(errorAt(inRussian, 'custom.influence')).toBe('Поле «Влияние» обязательно.');
      const given = await createContact(api, account.id, { lastName: 'С влиянием', custom: { influence: 3 } });
      expect(given.custom).toEqual({ influence: 3 });
      const cleared = await api.patch(`/api/v1/contacts/${given.id}`, { custom: { influence: null } });
      expectProblem(cleared, 400, ['custom.influence']);
      expect((await api.patch(`/api/v1/contacts/${contact.id}`, { title: 'Старый контакт' })).status).toBe(200);
      expectProblem(await api.patch(`/api/v1/contacts/${contact.id}`, { custom: {} }), 400, ['custom.influence']);
    });

    it('keeps stored values when their definition is deleted', async () => {
      const api = workspace.users.manager.api;
      const created = await createAccount(api, { custom: { partner: true } });
      const temporary = await admin.post('/api/v1/custom-fields', {
        entity: 'account',
        key: 'temporary',
        labelEn: 'Temporary',
        labelRu: 'Временное',
        type: 'text',
      });
      const withTemporary = await api.patch(`/api/v1/accounts/${created.id}`, { custom: { temporary: 'x' } });
      expect(withTemporary.body.custom).toEqual({ partner: true, temporary: 'x' });
      expect((await admin.delete(`/api/v1/custom-fields/${temporary.body.id}`)).status).toBe(204);
      expect((await api.get(`/api/v1/accounts/${created.id}`)).body.custom).toEqual({ partner: true, temporary: 'x' });
      expectProblem(await api.patch(`/api/v1/accounts/${created.id}`, { custom: { temporary: 'y' } }), 400, [
        'custom.temporary',
      ]);
    });
  });
});
