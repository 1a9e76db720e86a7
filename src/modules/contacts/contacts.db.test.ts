import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createContact,
  errorAt,
  expectProblem,
  idsOf,
  readAllPages,
} from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('contacts API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let account: { id: string; name: string };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
    account = await createAccount(api, { name: 'Ромашка' });
  });

  describe('create, read, update, delete', () => {
    it('creates a contact with every field and reads it back', async () => {
      const response = await api.post('/api/v1/contacts', {
        accountId: account.id,
        firstName: ' Пётр ',
        lastName: 'Щукин',
        patronymic: 'Ильич',
        title: 'Финансовый директор',
        department: 'Финансы',
        emails: ['P.Shchukin@Romashka.ru', 'p.shchukin@romashka.ru', 'petr@example.com'],
        phones: ['+7 (495) 123-45-67 доб. 12'],
        messengers: [{ kind: 'telegram', handle: '@shchukin' }],
        notes: 'Любит цифры',
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/v1/contacts/${response.body.id}`);
      expect(response.body).toEqual({
        id: expect.any(String),
        accountId: account.id,
        firstName: 'Пётр',
        lastName: 'Щукин',
        patronymic: 'Ильич',
        fullName: 'Щукин Пётр Ильич',
        title: 'Финансовый директор',
        department: 'Финансы',
        emails: ['p.shchukin@romashka.ru', 'petr@example.com'],
        phones: ['+7 (495) 123-45-67 доб. 12'],
        messengers: [{ kind: 'telegram', handle: '@shchukin' }],
        reportsToId: null,
        notes: 'Любит цифры',
        custom: {},
        createdAt: t.clock.now().toISOString(),
        updatedAt: t.clock.now().toISOString(),
        version: 1,
        account: { id: account.id, name: 'Ромашка' },
        reportsTo: null,
        directReports: [],
      });
      const read = await api.get(`/api/v1/contacts/${response.body.id}`);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.body).toEqual(response.body);
    });

    it('needs only the account and a last name', async () => {
      const created = await createContact(api, account.id, { lastName: 'Кратко' });
      expect(created).toMatchObject({ firstName: '', fullName: 'Кратко', emails: [], phones: [], messengers: [] });
    });

    it('refuses a bad phone, e-mail or messenger, naming the item', async () => {
      const response = await api.inLanguage('ru').post('/api/v1/contacts', {
        accountId: account.id,
        lastName: 'Плохой',
        phones: ['+7 495 123-45-67', 'call me'],
        emails: ['nope'],
        messengers: [{ kind: 'icq', handle: '123' }],
      });
      expectProblem(response, 400, ['phones.1', 'emails.0', 'messengers.0.kind']);
      expect(errorAt(response, 'phones.1')).toBe(
        'Номер телефона содержит от 5 до 20 цифр и может включать + ( ) - и пробелы.',
      );
      expect(errorAt(response, 'emails.0')).toBe('Укажите корректный адрес e-mail.');
    });

    it('refuses an account that does not exist', async () => {
      const response = await api.post('/api/v1/contacts', {
        accountId: '0190a0e0-0000-7000-8000-000000000000',
        lastName: 'Потерянный',
      });
      expect(expectProblem(response, 422, ['accountId']).detail).toBe('The account does not exist.');
    });

    it('changes only the given fields and bumps the version', async () => {
      const created = await createContact(api, account.id, { lastName: 'Сидоров', title: 'Инженер', notes: 'Н' });
      t.clock.advance(1_000);
      const updated = await api.patch(`/api/v1/contacts/${created.id}`, { firstName: 'Иван' });
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(updated.body).toEqual({
        ...created,
        firstName: 'Иван',
        fullName: 'Сидоров Иван',
        version: 2,
        updatedAt: t.clock.now().toISOString(),
      });
    });

    it('deletes a contact; a second delete is a 404', async () => {
      const created = await createContact(api, account.id, { lastName: 'Удаляемый' });
      expect((await api.delete(`/api/v1/contacts/${created.id}`)).status).toBe(204);
      expectProblem(await api.get(`/api/v1/contacts/${created.id}`), 404);
      expect(expectProblem(await api.delete(`/api/v1/contacts/${created.id}`), 404).detail).toBe(
        'The contact was not found.',
      );
    });
  });

  describe('reporting lines', () => {
    let org: { id: string };

    beforeAll(async () => {
      org = await createAccount(api, { name: 'Оргструктура' });
    });

    it('shows the manager and the direct reports', async () => {
      const ceo = await createContact(api, org.id, { lastName: 'Директоров', title: 'CEO' });
      const cfo = await createContact(api, org.id, { lastName: 'Финансов', reportsToId: ceo.id, title: 'CFO' });
      const cto = await createContact(api, org.id, { lastName: 'Айтишников', reportsToId: ceo.id, title: 'CTO' });
      expect(cfo.reportsTo).toEqual({ id: ceo.id, fullName: 'Директоров' });
      const read = await api.get(`/api/v1/contacts/${ceo.id}`);
      expect(read.body.directReports).toEqual([
        { id: cto.id, fullName: 'Айтишников', title: 'CTO' },
        { id: cfo.id, fullName: 'Финансов', title: 'CFO' },
      ]);
    });

    it('refuses a reporting cycle', async () => {
      const top = await createContact(api, org.id, { lastName: 'Верхний' });
      const middle = await createContact(api, org.id, { lastName: 'Средний', reportsToId: top.id });
      const bottom = await createContact(api, org.id, { lastName: 'Нижний', reportsToId: middle.id });
      for (const reportsToId of [top.id, bottom.id, middle.id]) {
        const response = await api.patch(`/api/v1/contacts/${top.id}`, { reportsToId });
        const problem = expectProblem(response, 422, ['reportsToId']);
        expect(problem.detail).toBe('A person cannot report to themselves or to someone who reports to them.');
      }
      expect((await api.get(`/api/v1/contacts/${top.id}`)).body).toMatchObject({ reportsToId: null, version: 1 });
    });

    it('lets no cycle in when two people are made each other’s manager at the same moment', async () => {
      for (let round = 0; round < 5; round += 1) {
        const first = await createContact(api, org.id, { lastName: `Первый ${round}` });
        const second = await createContact(api, org.id, { lastName: `Второй ${round}` });
        const results = await Promise.all([
          api.patch(`/api/v1/contacts/${first.id}`, { reportsToId: second.id }),
          workspace.users.head.api.patch(`/api/v1/contacts/${second.id}`, { reportsToId: first.id }),
        ]);
        expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
        const managers = await t.query('select reports_to_id from contacts where id in ($1, $2)', [
          first.id,
          second.id,
        ]);
        expect(managers.filter((row) => row.reports_to_id !== null)).toHaveLength(1);
      }
    });

    it('refuses a manager from another account', async () => {
      const other = await createAccount(api, { name: 'Другая компания' });
      const outsider = await createContact(api, other.id, { lastName: 'Посторонний' });
      const response = await api.post('/api/v1/contacts', {
        accountId: org.id,
        lastName: 'Подчинённый',
        reportsToId: outsider.id,
      });
      expect(expectProblem(response, 422, ['reportsToId']).detail).toBe(
        'The manager is not a contact of this account.',
      );
      const insider = await createContact(api, org.id, { lastName: 'Свой' });
      expectProblem(await api.patch(`/api/v1/contacts/${insider.id}`, { reportsToId: outsider.id }), 422, [
        'reportsToId',
      ]);
    });

    it('takes a contact moved to another account out of the old reporting lines', async () => {
      const other = await createAccount(api, { name: 'Новое место' });
      const boss = await createContact(api, org.id, { lastName: 'Босс' });
      const mover = await createContact(api, org.id, { lastName: 'Переходящий', reportsToId: boss.id });
      const report = await createContact(api, org.id, { lastName: 'Оставшийся', reportsToId: mover.id });
      const moved = await api.patch(`/api/v1/contacts/${mover.id}`, { accountId: other.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ accountId: other.id, reportsToId: null, reportsTo: null, directReports: [] });
      expect((await api.get(`/api/v1/contacts/${report.id}`)).body).toMatchObject({ reportsToId: null, version: 2 });
      expect((await api.get(`/api/v1/contacts/${boss.id}`)).body.directReports).toEqual([]);
    });

    it('moves a contact with a new manager from the new account', async () => {
      const other = await createAccount(api, { name: 'Ещё одно место' });
      const newBoss = await createContact(api, other.id, { lastName: 'Новый босс' });
      const mover = await createContact(api, org.id, { lastName: 'Мигрант' });
      const moved = await api.patch(`/api/v1/contacts/${mover.id}`, { accountId: other.id, reportsToId: newBoss.id });
      expect(moved.body.reportsTo).toEqual({ id: newBoss.id, fullName: 'Новый босс' });
      const stale = await api.patch(`/api/v1/contacts/${mover.id}`, { accountId: org.id, reportsToId: newBoss.id });
      expectProblem(stale, 422, ['reportsToId']);
    });

    it('hands the direct reports of a deleted contact to that contact’s manager', async () => {
      const top = await createContact(api, org.id, { lastName: 'Топ' });
      const leaving = await createContact(api, org.id, { lastName: 'Уходящий', reportsToId: top.id });
      const first = await createContact(api, org.id, { lastName: 'Первый', reportsToId: leaving.id });
      const second = await createContact(api, org.id, { lastName: 'Второй', reportsToId: leaving.id });
      expect((await api.delete(`/api/v1/contacts/${leaving.id}`)).status).toBe(204);
      for (const report of [first, second]) {
        expect((await api.get(`/api/v1/contacts/${report.id}`)).body).toMatchObject({
          reportsToId: top.id,
          version: 2,
        });
      }
      expect(idsOf({ items: (await api.get(`/api/v1/contacts/${top.id}`)).body.directReports })).toEqual([
        second.id,
        first.id,
      ]);
      const headless = await createContact(api, org.id, { lastName: 'Без начальника' });
      const orphan = await createContact(api, org.id, { lastName: 'Сирота', reportsToId: headless.id });
      expect((await api.delete(`/api/v1/contacts/${headless.id}`)).status).toBe(204);
      expect((await api.get(`/api/v1/contacts/${orphan.id}`)).body.reportsToId).toBeNull();
    });
  });

  describe('search and pages', () => {
    let searchApi: ApiClient;
    let accounts: { first: string; second: string };
    const search = async (q: string, extra = '') => {
      const response = await searchApi.get(`/api/v1/contacts?q=${encodeURIComponent(q)}${extra}`);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { fullName: string }) => item.fullName).sort();
    };

    beforeAll(async () => {
      const fresh = await t.seedWorkspace();
      searchApi = fresh.users.manager.api;
      accounts = {
        first: (await createAccount(searchApi, { name: 'Первая' })).id,
        second: (await createAccount(searchApi, { name: 'Вторая' })).id,
      };
      await createContact(searchApi, accounts.first, {
        lastName: 'Иванов',
        firstName: 'Сергей',
        patronymic: 'Петрович',
        title: 'Главный бухгалтер',
        emails: ['s.ivanov@first.ru'],
      });
      await createContact(searchApi, accounts.first, {
        lastName: 'Петрова',
        firstName: 'Анна',
        title: 'Head of Procurement',
        department: 'Закупки',
      });
      await createContact(searchApi, accounts.second, {
        lastName: 'Smith',
        firstName: 'John',
        title: 'Chief Engineer',
        emails: ['john@second.com'],
      });
    });

    it('finds a person by any part of the name, in any order', async () => {
      expect(await search('Иванов')).toEqual(['Иванов Сергей Петрович']);
      expect(await search('Сергей Иванов')).toEqual(['Иванов Сергей Петрович']);
      expect(await search('петрович')).toEqual(['Иванов Сергей Петрович']);
      expect(await search('Петров')).toEqual(['Иванов Сергей Петрович', 'Петрова Анна']);
      expect(await search('john smith')).toEqual(['Smith John']);
    });

    it('finds a person by an exact e-mail, ignoring case', async () => {
      expect(await search('S.Ivanov@first.ru')).toEqual(['Иванов Сергей Петрович']);
      expect(await search('john@second.com')).toEqual(['Smith John']);
    });

    it('finds a person by a word of the title or department, in Russian or English', async () => {
      expect(await search('бухгалтера')).toEqual(['Иванов Сергей Петрович']);
      expect(await search('закупками')).toEqual(['Петрова Анна']);
      expect(await search('engineers')).toEqual(['Smith John']);
      expect(await search('procurement')).toEqual(['Петрова Анна']);
    });

    it('limits the list to one account', async () => {
      expect(await search('', `&accountId=${accounts.second}`)).toEqual(['Smith John']);
      expect(await search('Петров', `&accountId=${accounts.first}`)).toEqual([
        'Иванов Сергей Петрович',
        'Петрова Анна',
      ]);
      expect(await search('Smith', `&accountId=${accounts.first}`)).toEqual([]);
    });

    it('sorts by name and time and pages through every contact once', async () => {
      for (let index = 0; index < 12; index += 1) {
        await createContact(searchApi, accounts.second, { lastName: index % 2 ? 'Двойник' : 'Ааронов' });
      }
      const whole = (await searchApi.get('/api/v1/contacts?limit=500')).body.items;
      expect(whole).toHaveLength(15);
      expect(whole[0].fullName).toBe('Smith John');
      for (const sort of ['fullName', '-fullName', 'updatedAt', '-createdAt']) {
        const reference = (await searchApi.get(`/api/v1/contacts?limit=500&sort=${sort}`)).body;
        const paged = await readAllPages(searchApi, `/api/v1/contacts?limit=4&sort=${sort}`);
        expect(paged.pages).toBe(4);
        expect(idsOf(paged)).toEqual(idsOf(reference));
      }
      const reversed = (await searchApi.get('/api/v1/contacts?limit=500&sort=-fullName')).body;
      expect(idsOf(reversed)).toEqual(idsOf({ items: whole }).reverse());
    });

    it('lists contacts with their account and without notes or custom values', async () => {
      const page = (await searchApi.get(`/api/v1/contacts?accountId=${accounts.first}&limit=1`)).body;
      expect(page.items[0].account).toEqual({ id: accounts.first, name: 'Первая' });
      expect(page.items[0]).not.toHaveProperty('notes');
      expect(page.items[0]).not.toHaveProperty('custom');
      expect(page.nextCursor).toEqual(expect.any(String));
    });
  });
});
