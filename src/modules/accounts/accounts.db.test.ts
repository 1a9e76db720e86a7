import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createContact,
  errorAt,
  expectProblem,
  idsOf,
  uniqueInn,
} from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('accounts API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
  });

  describe('create and read', () => {
    it('creates an account with every field, owned by the caller unless told otherwise', async () => {
      const taxId = uniqueInn();
      const response = await api.post('/api/v1/accounts', {
        name: '  Ромашка  ',
        legalName: 'ООО «Ромашка»',
        taxId: `${taxId.slice(0, 4)} ${taxId.slice(4)}`,
        website: 'https://www.Romashka.ru/about',
        industry: 'Розничная торговля',
        segment: 'Enterprise',
        status: 'key',
        currency: 'usd',
        tags: ['vip', 'vip', 'retail'],
        notes: 'Крупнейший клиент',
        team: [{ userId: workspace.users.specialist.id, role: 'support' }],
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/v1/accounts/${response.body.id}`);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'Ромашка',
        legalName: 'ООО «Ромашка»',
        taxId,
        website: 'https://www.romashka.ru/about',
        domain: 'romashka.ru',
        industry: 'Розничная торговля',
        segment: 'Enterprise',
        status: 'key',
        ownerId: workspace.users.manager.id,
        parentId: null,
        currency: 'USD',
        tags: ['vip', 'retail'],
        custom: {},
        notes: 'Крупнейший клиент',
        createdAt: t.clock.now().toISOString(),
        updatedAt: t.clock.now().toISOString(),
        version: 1,
        owner: {
          id: workspace.users.manager.id,
          name: workspace.users.manager.name,
          email: workspace.users.manager.email,
        },
        parent: null,
        children: [],
        childCount: 0,
        team: [{ userId: workspace.users.specialist.id, name: workspace.users.specialist.name, role: 'support' }],
      });
      const read = await api.get(`/api/v1/accounts/${response.body.id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.body).toEqual(response.body);
    });

    it('fills in defaults: prospect, the workspace currency, no tags', async () => {
      await workspace.users.admin.api.patch('/api/v1/workspace', { defaultCurrency: 'EUR' });
      const created = await createAccount(api, { name: 'Минимум' });
      expect(created).toMatchObject({ status: 'prospect', currency: 'EUR', tags: [], taxId: null, website: null });
      await workspace.users.admin.api.patch('/api/v1/workspace', { defaultCurrency: 'RUB' });
    });

    it('lets a head give the account to another member', async () => {
      const created = await createAccount(workspace.users.head.api, { ownerId: workspace.users.viewer.id });
      expect(created.owner.id).toBe(workspace.users.viewer.id);
    });

    it('lists accounts with their owner, without notes and custom values', async () => {
      const fresh = await t.seedWorkspace();
      const created = await createAccount(fresh.users.head.api, { name: 'В списке', notes: 'Скрыто', tags: ['t'] });
      const list = await fresh.users.viewer.api.get('/api/v1/accounts');
      expect(list.status).toBe(200);
      const {
        custom: _custom,
        notes: _notes,
        owner,
        children: _children,
        childCount: _count,
        team: _team,
        parent: _parent,
        ...listed
      } = created;
      expect(list.body).toEqual({
        items: [{ ...listed, owner: { id: owner.id, name: owner.name } }],
        nextCursor: null,
      });
    });

    it('answers 404 to an account that does not exist', async () => {
      const response = await api.get('/api/v1/accounts/0190a0e0-0000-7000-8000-000000000000');
      expect(expectProblem(response, 404, []).detail).toBe('The account was not found.');
      const inRussian = await api.inLanguage('ru').get('/api/v1/accounts/0190a0e0-0000-7000-8000-000000000000');
      expect(inRussian.body.detail).toBe('Объект «аккаунт» не найден.');
    });
  });

  describe('hierarchy', () => {
    it('shows the parent on the subsidiary and the subsidiaries on the parent', async () => {
      const holding = await createAccount(api, { name: 'Холдинг' });
      const first = await createAccount(api, { name: 'Бета', parentId: holding.id });
      const second = await createAccount(api, { name: 'Альфа', parentId: holding.id, status: 'active' });
      expect(first.parent).toEqual({ id: holding.id, name: 'Холдинг' });
      const read = await api.get(`/api/v1/accounts/${holding.id}`);
      expect(read.body.children).toEqual([
        { id: second.id, name: 'Альфа', status: 'active' },
        { id: first.id, name: 'Бета', status: 'prospect' },
      ]);
      expect(read.body.childCount).toBe(2);
      const list = await api.get(`/api/v1/accounts?parentId=${holding.id}`);
      expect(idsOf(list.body)).toEqual([second.id, first.id]);
    });

    it('refuses an account under itself or under its own subsidiary', async () => {
      const top = await createAccount(api, { name: 'Верх' });
      const middle = await createAccount(api, { name: 'Середина', parentId: top.id });
      const bottom = await createAccount(api, { name: 'Низ', parentId: middle.id });
      for (const parentId of [top.id, middle.id, bottom.id]) {
        const response = await api.patch(`/api/v1/accounts/${top.id}`, { parentId });
        const problem = expectProblem(response, 422, ['parentId']);
        expect(problem.detail).toBe('An account cannot sit under itself or under one of its own subsidiaries.');
      }
      const inRussian = await api.inLanguage('ru').patch(`/api/v1/accounts/${top.id}`, { parentId: bottom.id });
      expect(errorAt(inRussian, 'parentId')).toBe(
        'Аккаунт не может быть подчинён самому себе или своей дочерней компании.',
      );
      expect((await api.get(`/api/v1/accounts/${top.id}`)).body).toMatchObject({ parentId: null, version: 1 });
    });

    it('lets no cycle in when two accounts are put under each other at the same moment', async () => {
      for (let round = 0; round < 5; round += 1) {
        const first = await createAccount(api, { name: `Первый ${round}` });
        const second = await createAccount(api, { name: `Второй ${round}` });
        const results = await Promise.all([
          api.patch(`/api/v1/accounts/${first.id}`, { parentId: second.id }),
          workspace.users.head.api.patch(`/api/v1/accounts/${second.id}`, { parentId: first.id }),
        ]);
        expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
        const parents = await t.query('select id, parent_id from accounts where id in ($1, $2)', [first.id, second.id]);
        expect(parents.filter((row) => row.parent_id !== null)).toHaveLength(1);
      }
    });

    it('moves a subsidiary to another parent and detaches it with null', async () => {
      const first = await createAccount(api, { name: 'Первый холдинг' });
      const second = await createAccount(api, { name: 'Второй холдинг' });
      const child = await createAccount(api, { name: 'Дочка', parentId: first.id });
      const moved = await api.patch(`/api/v1/accounts/${child.id}`, { parentId: second.id });
      expect(moved.body.parent).toEqual({ id: second.id, name: 'Второй холдинг' });
      expect((await api.get(`/api/v1/accounts/${first.id}`)).body.childCount).toBe(0);
      const detached = await api.patch(`/api/v1/accounts/${child.id}`, { parentId: null });
      expect(detached.body).toMatchObject({ parentId: null, parent: null, version: 3 });
    });

    it('refuses a parent that does not exist', async () => {
      const response = await api.post('/api/v1/accounts', {
        name: 'Сирота',
        parentId: '0190a0e0-0000-7000-8000-000000000000',
      });
      expect(expectProblem(response, 422, ['parentId']).detail).toBe('The parent account does not exist.');
    });
  });

  describe('owner and team', () => {
    it('requires the owner to be a member of the workspace', async () => {
      const created = await createAccount(api);
      const stranger = '0190a0e0-0000-7000-8000-000000000000';
      const onCreate = await api.post('/api/v1/accounts', { name: 'Чужой', ownerId: stranger });
      expect(expectProblem(onCreate, 422, ['ownerId']).detail).toBe('The owner must be a member of this workspace.');
      expectProblem(await api.patch(`/api/v1/accounts/${created.id}`, { ownerId: stranger }), 422, ['ownerId']);
      const handedOver = await api.patch(`/api/v1/accounts/${created.id}`, { ownerId: workspace.users.head.id });
      expect(handedOver.body.owner.id).toBe(workspace.users.head.id);
    });

    it('replaces the team: adds, changes roles and removes people', async () => {
      const { specialist, finance, viewer } = workspace.users;
      const created = await createAccount(api, {
        team: [
          { userId: specialist.id, role: 'specialist' },
          { userId: finance.id, role: 'finance' },
        ],
      });
      const updated = await api.patch(`/api/v1/accounts/${created.id}`, {
        team: [
          { userId: specialist.id, role: 'executive_sponsor' },
          { userId: viewer.id, role: 'support' },
        ],
      });
      expect(updated.status).toBe(200);
      const byUser = Object.fromEntries(
        updated.body.team.map((member: { userId: string; role: string }) => [member.userId, member.role]),
      );
      expect(byUser).toEqual({ [specialist.id]: 'executive_sponsor', [viewer.id]: 'support' });
      const emptied = await api.patch(`/api/v1/accounts/${created.id}`, { team: [] });
      expect(emptied.body.team).toEqual([]);
    });

    it('refuses the same person twice on a team', async () => {
      const userId = workspace.users.specialist.id;
      const response = await api.post('/api/v1/accounts', {
        name: 'Дубль',
        team: [
          { userId, role: 'specialist' },
          { userId, role: 'support' },
        ],
      });
      expect(errorAt(response, 'team')).toBe('A person can be on the team only once.');
    });

    it('leaves no account behind when its team names a non-member', async () => {
      const name = `Недоделанный ${Date.now()}`;
      const response = await api.post('/api/v1/accounts', {
        name,
        team: [{ userId: '0190a0e0-0000-7000-8000-000000000000', role: 'manager' }],
      });
      expect(expectProblem(response, 422, ['team']).detail).toBe('Team members must be members of this workspace.');
      expect((await api.get(`/api/v1/accounts?q=${encodeURIComponent(name)}`)).body.items).toEqual([]);
      const rows = await t.query('select count(*)::int as count from accounts where name = $1', [name]);
      expect(rows[0]?.count).toBe(0);
    });
  });

  describe('tax id and website', () => {
    it('checks the check digits of a Russian INN', async () => {
      const response = await api.post('/api/v1/accounts', { name: 'Опечатка', taxId: '7707083894' });
      expect(errorAt(response, 'taxId')).toBe('This INN has a wrong check digit: check it for typos.');
      expectProblem(await api.post('/api/v1/accounts', { name: 'Опечатка', taxId: '500100732258' }), 400, ['taxId']);
      expect((await createAccount(api, { taxId: '500100732259' })).taxId).toBe('500100732259');
    });

    it('accepts other countries’ tax ids of digits and Latin letters, and refuses anything else', async () => {
      expect((await createAccount(api, { taxId: 'de-123 456 789' })).taxId).toBe('DE123456789');
      const response = await api.post('/api/v1/accounts', { name: 'Кириллица', taxId: 'ИНН123' });
      expect(errorAt(response, 'taxId')).toBe('A tax id holds only digits and Latin letters.');
    });

    it('normalises a website, derives its domain, and clears both with an empty value', async () => {
      const created = await createAccount(api, { website: 'пример.рф' });
      expect(created).toMatchObject({ website: 'https://xn--e1afmkfd.xn--p1ai', domain: 'xn--e1afmkfd.xn--p1ai' });
      const cleared = await api.patch(`/api/v1/accounts/${created.id}`, { website: '' });
      expect(cleared.body).toMatchObject({ website: null, domain: null });
      const response = await api.post('/api/v1/accounts', { name: 'Сайт', website: 'not a site' });
      expect(errorAt(response, 'website')).toBe('Must be a web address such as romashka.ru.');
    });
  });

  describe('update', () => {
    it('changes only the fields it is given', async () => {
      const created = await createAccount(api, {
        legalName: 'АО «Поле»',
        industry: 'Агро',
        notes: 'Заметка',
        tags: ['a'],
        website: 'pole.ru',
      });
      t.clock.advance(60_000);
      const updated = await api.patch(`/api/v1/accounts/${created.id}`, { status: 'at_risk' });
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(updated.body).toEqual({
        ...created,
        status: 'at_risk',
        version: 2,
        updatedAt: t.clock.now().toISOString(),
      });
    });

    it('clears optional text with null or blank', async () => {
      const created = await createAccount(api, { legalName: 'АО «Поле»', notes: 'Заметка', industry: 'Агро' });
      const updated = await api.patch(`/api/v1/accounts/${created.id}`, { legalName: null, notes: '  ', industry: '' });
      expect(updated.body).toMatchObject({ legalName: null, notes: null, industry: null });
    });

    it('refuses unknown and read-only fields', async () => {
      const created = await createAccount(api);
      const response = await api.patch(`/api/v1/accounts/${created.id}`, {
        version: 7,
        domain: 'x.ru',
        id: created.id,
      });
      expectProblem(response, 400, ['version', 'domain', 'id']);
    });
  });

  describe('delete', () => {
    it('deletes the account with its contacts and team, and detaches its subsidiaries', async () => {
      const holding = await createAccount(workspace.users.head.api, {
        name: 'Уходящий',
        team: [{ userId: workspace.users.specialist.id, role: 'support' }],
      });
      const child = await createAccount(api, { name: 'Остающийся', parentId: holding.id });
      const boss = await createContact(api, holding.id, { lastName: 'Начальник' });
      await createContact(api, holding.id, { lastName: 'Подчинённый', reportsToId: boss.id });
      const response = await workspace.users.head.api.delete(`/api/v1/accounts/${holding.id}`);
      expect(response.status).toBe(204);
      expectProblem(await api.get(`/api/v1/accounts/${holding.id}`), 404);
      expect((await api.get(`/api/v1/contacts?accountId=${holding.id}`)).body.items).toEqual([]);
      expectProblem(await api.get(`/api/v1/contacts/${boss.id}`), 404);
      const orphan = await api.get(`/api/v1/accounts/${child.id}`);
      expect(orphan.body).toMatchObject({ parentId: null, parent: null, version: 2 });
      const team = await t.query('select count(*)::int as count from account_team_members where account_id = $1', [
        holding.id,
      ]);
      expect(team[0]?.count).toBe(0);
    });

    it('answers 404 to deleting twice', async () => {
      const created = await createAccount(api);
      expect((await workspace.users.admin.api.delete(`/api/v1/accounts/${created.id}`)).status).toBe(204);
      expectProblem(await workspace.users.admin.api.delete(`/api/v1/accounts/${created.id}`), 404);
    });
  });

  describe('facets', () => {
    it('counts accounts by status, industry and owner', async () => {
      const fresh = await t.seedWorkspace();
      const { manager, head } = fresh.users;
      await createAccount(manager.api, { name: 'A', status: 'active', industry: 'Нефть' });
      await createAccount(manager.api, { name: 'B', status: 'active', industry: 'Нефть' });
      await createAccount(manager.api, { name: 'C', status: 'lost', industry: 'Газ' });
      await createAccount(manager.api, { name: 'D', ownerId: head.id });
      const response = await manager.api.get('/api/v1/accounts/facets');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(4);
      expect(response.body.statuses).toEqual(
        expect.arrayContaining([
          { value: 'active', count: 2 },
          { value: 'lost', count: 1 },
          { value: 'prospect', count: 1 },
        ]),
      );
      expect(response.body.statuses).toHaveLength(3);
      expect(response.body.industries).toEqual([
        { value: 'Нефть', count: 2 },
        { value: 'Газ', count: 1 },
      ]);
      expect(response.body.owners).toEqual(
        expect.arrayContaining([
          { id: manager.id, name: manager.name, count: 3 },
          { id: head.id, name: head.name, count: 1 },
        ]),
      );
      expect(response.body.owners).toHaveLength(2);
    });
  });
});
