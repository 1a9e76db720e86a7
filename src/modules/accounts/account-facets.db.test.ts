import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../../tests/support/api-helpers';
import type { SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('filtered totals and facets', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    const { manager, head } = workspace.users;
    await createAccount(manager.api, { name: 'Северсталь закупки', status: 'key', industry: 'Металлургия' });
    await createAccount(manager.api, { name: 'Северный порт', status: 'active', industry: 'Логистика' });
    await createAccount(manager.api, { name: 'Южный порт', status: 'active', industry: 'Логистика', ownerId: head.id });
    await createAccount(manager.api, { name: 'Восток', status: 'lost', industry: 'Логистика', ownerId: head.id });
  });

  it('counts the whole workspace without filters', async () => {
    const facets = await workspace.users.viewer.api.get('/api/v1/accounts/facets');
    expect(facets.status).toBe(200);
    expect(facets.body.total).toBe(4);
    expect(facets.body.statuses).toEqual(
      expect.arrayContaining([
        { value: 'key', count: 1 },
        { value: 'active', count: 2 },
        { value: 'lost', count: 1 },
      ]),
    );
  });

  it('gives the filtered total, and each facet applies every filter but its own', async () => {
    const facets = await workspace.users.viewer.api.get('/api/v1/accounts/facets?industry=Логистика&status=active');
    expect(facets.body.total).toBe(2);
    // Status counts ignore the status filter (they say what picking each status would give)…
    expect(facets.body.statuses).toEqual(
      expect.arrayContaining([
        { value: 'active', count: 2 },
        { value: 'lost', count: 1 },
      ]),
    );
    expect(facets.body.statuses.find((facet: { value: string }) => facet.value === 'key')).toBeUndefined();
    // …industry counts ignore the industry filter but keep the status one.
    expect(facets.body.industries).toEqual([{ value: 'Логистика', count: 2 }]);
    const owners = Object.fromEntries(
      facets.body.owners.map((owner: { id: string; count: number }) => [owner.id, owner.count]),
    );
    expect(owners).toEqual({ [workspace.users.manager.id]: 1, [workspace.users.head.id]: 1 });
  });

  it('applies the search to the facets as the list does', async () => {
    const facets = await workspace.users.viewer.api.get(`/api/v1/accounts/facets?q=${encodeURIComponent('порты')}`);
    expect(facets.body.total).toBe(2);
    const list = await workspace.users.viewer.api.get(`/api/v1/accounts?q=${encodeURIComponent('порты')}&total=true`);
    expect(list.body.total).toBe(2);
    expect(list.body.items).toHaveLength(2);
  });

  it('returns the list total only when asked, and it counts every page', async () => {
    const { viewer } = workspace.users;
    const plain = await viewer.api.get('/api/v1/accounts?limit=1');
    expect(plain.body.total).toBeUndefined();
    const counted = await viewer.api.get('/api/v1/accounts?limit=1&total=true&status=active,lost');
    expect(counted.body.items).toHaveLength(1);
    expect(counted.body.total).toBe(3);
    expect(counted.body.nextCursor).not.toBeNull();
  });

  it('counts an account’s contacts without fetching them', async () => {
    const account = await createAccount(workspace.users.manager.api, { name: 'Контакты ООО' });
    for (const lastName of ['Иванов', 'Петров', 'Сидоров'])
      await createContact(workspace.users.manager.api, account.id, { lastName });
    const counted = await workspace.users.viewer.api.get(`/api/v1/contacts?accountId=${account.id}&limit=1&total=true`);
    expect(counted.status).toBe(200);
    expect(counted.body.total).toBe(3);
    expect(counted.body.items).toHaveLength(1);
  });

  it('rejects a bad filter on the facets like on the list', async () => {
    const facets = await workspace.users.viewer.api.get('/api/v1/accounts/facets?status=sleeping');
    expect(facets.status).toBe(400);
    expect(facets.body.errors[0].path).toBe('status.0');
  });
});
