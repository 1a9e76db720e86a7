import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, idsOf, readAllPages, uniqueInn } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('account search, filters and pages', () => {
  const t = useTestApp();

  describe('search', () => {
    let workspace: SeededWorkspace;
    let api: ApiClient;
    const search = async (q: string) => {
      const response = await api.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { name: string }) => item.name).sort();
    };

    beforeAll(async () => {
      workspace = await t.seedWorkspace();
      api = workspace.users.manager.api;
      await createAccount(api, { name: 'Менеджер проектов' });
      await createAccount(api, { name: 'Менеджеры продаж', legalName: 'ООО «Продажи»' });
      await createAccount(api, { name: 'Global Managers Inc' });
      await createAccount(api, { name: 'Project Manager Ltd' });
      await createAccount(api, { name: 'Ромашка', taxId: '7707083893', website: 'https://www.romashka.ru' });
      await createAccount(api, { name: 'Лютик', industry: 'Металлургия', notes: 'Поставки стали в регионы' });
      await createAccount(api, { name: 'Сто процентов_', taxId: '500100732259' });
    });

    it('finds Russian words in any form', async () => {
      expect(await search('менеджеры')).toEqual(['Менеджер проектов', 'Менеджеры продаж']);
      expect(await search('менеджер')).toEqual(['Менеджер проектов', 'Менеджеры продаж']);
      expect(await search('менеджеров')).toEqual(['Менеджер проектов', 'Менеджеры продаж']);
      expect(await search('продажи')).toEqual(['Менеджеры продаж']);
    });

    it('finds English words in any form', async () => {
      expect(await search('manager')).toEqual(['Global Managers Inc', 'Project Manager Ltd']);
      expect(await search('managers')).toEqual(['Global Managers Inc', 'Project Manager Ltd']);
      expect(await search('projects')).toEqual(['Project Manager Ltd']);
    });

    it('finds a part of a name, ignoring case', async () => {
      expect(await search('омаш')).toEqual(['Ромашка']);
      expect(await search('РОМАШ')).toEqual(['Ромашка']);
      expect(await search('bal man')).toEqual(['Global Managers Inc']);
    });

    it('treats % and _ in a search as plain characters', async () => {
      expect(await search('процентов_')).toEqual(['Сто процентов_']);
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual(['Сто процентов_']);
    });

    it('finds an exact INN, also typed with spaces, and an exact domain', async () => {
      expect(await search('7707083893')).toEqual(['Ромашка']);
      expect(await search('7707 083 893')).toEqual(['Ромашка']);
      expect(await search('500100732259')).toEqual(['Сто процентов_']);
      expect(await search('romashka.ru')).toEqual(['Ромашка']);
      expect(await search('ROMASHKA.RU')).toEqual(['Ромашка']);
      expect(await search('770708389')).toEqual([]);
    });

    it('finds words of the industry and the notes', async () => {
      expect(await search('металлургии')).toEqual(['Лютик']);
      expect(await search('поставка')).toEqual(['Лютик']);
    });

    it('finds nothing for words that are nowhere, and survives search syntax', async () => {
      expect(await search('космос')).toEqual([]);
      for (const q of ['"', '!', '-', 'a & b | !c', '(', ':*', "'", 'OR', '\\']) {
        expect((await api.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
      }
    });
  });

  describe('filters', () => {
    let workspace: SeededWorkspace;
    let api: ApiClient;
    const names = async (query: string) => {
      const response = await api.get(`/api/v1/accounts?${query}`);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { name: string }) => item.name).sort();
    };

    beforeAll(async () => {
      workspace = await t.seedWorkspace();
      api = workspace.users.head.api;
      const { manager, specialist } = workspace.users;
      await createAccount(api, { name: 'A', status: 'active', industry: 'Нефть', tags: ['vip'], ownerId: manager.id });
      await createAccount(api, {
        name: 'B',
        status: 'key',
        industry: 'Газ',
        tags: ['vip', 'gov'],
        ownerId: specialist.id,
      });
      await createAccount(api, { name: 'C', status: 'lost', industry: 'Нефть', tags: [] });
      await createAccount(api, { name: 'D', status: 'active', tags: ['gov'], ownerId: manager.id });
    });

    it('filters by owner, status, industry and tag, and combines filters', async () => {
      const { manager, specialist, head } = workspace.users;
      expect(await names(`ownerId=${manager.id}`)).toEqual(['A', 'D']);
      expect(await names(`ownerId=${manager.id},${specialist.id}`)).toEqual(['A', 'B', 'D']);
      expect(await names(`ownerId=${head.id}`)).toEqual(['C']);
      expect(await names('status=active')).toEqual(['A', 'D']);
      expect(await names('status=key,lost')).toEqual(['B', 'C']);
      expect(await names(`industry=${encodeURIComponent('Нефть')}`)).toEqual(['A', 'C']);
      expect(await names(`industry=${encodeURIComponent('Нефть,Газ')}`)).toEqual(['A', 'B', 'C']);
      expect(await names('tag=vip')).toEqual(['A', 'B']);
      expect(await names('tag=gov&status=active')).toEqual(['D']);
      expect(await names(`tag=vip&ownerId=${manager.id}&industry=${encodeURIComponent('Нефть')}`)).toEqual(['A']);
      expect(await names('tag=none')).toEqual([]);
    });
  });

  describe('sort orders and pages', () => {
    let api: ApiClient;
    let all: Json[];
    const sorts = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'status', '-status'];

    beforeAll(async () => {
      const workspace = await t.seedWorkspace();
      api = workspace.users.manager.api;
      // NOTE: repeated names, statuses and timestamps, so pages must break ties by id.
      const names = ['Яблоко', 'абрикос', 'Ёлка', 'Банан', 'Apple', 'zebra', 'Ель', 'Дубль', 'Дубль', 'Дубль'];
      const statuses = ['prospect', 'active', 'key', 'at_risk', 'lost'];
      for (let index = 0; index < 37; index += 1) {
        if (index % 4 === 0) t.clock.advance(1_000);
        await createAccount(api, {
          name: names[index % names.length],
          status: statuses[index % statuses.length],
          taxId: uniqueInn(),
          tags: index % 3 === 0 ? ['third'] : [],
        });
      }
      all = (await api.get('/api/v1/accounts?limit=500')).body.items;
      expect(all).toHaveLength(37);
    });

    it('sorts names in dictionary order, Latin and Cyrillic, ignoring case', async () => {
      const distinct = [...new Set(all.map((item) => item.name))];
      // NOTE: Ё sorts as Е, so Ёлка (е-л-к) comes before Ель (е-л-ь), as in a Russian dictionary.
      expect(distinct).toEqual(['Apple', 'zebra', 'абрикос', 'Банан', 'Дубль', 'Ёлка', 'Ель', 'Яблоко']);
      const descending = (await api.get('/api/v1/accounts?limit=500&sort=-name')).body.items;
      expect(idsOf({ items: descending })).toEqual(idsOf({ items: all }).reverse());
    });

    it('sorts by time and status, newest or oldest first', async () => {
      const byKey = async (sort: string, key: string) =>
        (await api.get(`/api/v1/accounts?limit=500&sort=${sort}`)).body.items.map((item: Json) => item[key]);
      const updated = await byKey('-updatedAt', 'updatedAt');
      expect(updated).toEqual([...updated].sort().reverse());
      const created = await byKey('createdAt', 'createdAt');
      expect(created).toEqual([...created].sort());
      const statuses = await byKey('status', 'status');
      expect(statuses).toEqual([...statuses].sort());
      expect(new Set(statuses).size).toBe(5);
    });

    it('pages through every account exactly once, in the order of one big page, for any page size and sort', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 40 }),
          fc.constantFrom(...sorts),
          fc.constantFrom('', '&tag=third', '&status=active,key', `&q=${encodeURIComponent('Дубль')}`),
          async (limit, sort, filter) => {
            const whole = (await api.get(`/api/v1/accounts?limit=500&sort=${sort}${filter}`)).body.items;
            const paged = await readAllPages(api, `/api/v1/accounts?limit=${limit}&sort=${sort}${filter}`);
            expect(idsOf(paged)).toEqual(idsOf({ items: whole }));
            expect(new Set(idsOf(paged)).size).toBe(paged.items.length);
            expect(paged.pages).toBe(Math.max(1, Math.ceil(whole.length / limit)));
          },
        ),
        { numRuns: 25 },
      );
    });

    it('neither repeats nor skips an account when another is added while paging', async () => {
      const first = await api.get('/api/v1/accounts?limit=10&sort=name');
      const added = await createAccount(api, { name: 'Aaa в начале' });
      const addedLater = await createAccount(api, { name: 'Яя в конце' });
      const rest = await readAllPages(api, '/api/v1/accounts?limit=10&sort=name', first.body.nextCursor);
      const seen = [...idsOf(first.body), ...idsOf(rest)];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(added.id);
      expect(seen).toContain(addedLater.id);
      for (const id of idsOf({ items: all })) expect(seen).toContain(id);
    });
  });
});
