import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../../tests/support/api-helpers';
import type { SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('who sees which accounts', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let onTeam: { id: string };
  let owned: { id: string };
  let other: { id: string };
  let contactOnTeam: { id: string };
  let contactElsewhere: { id: string };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    const { manager, specialist } = workspace.users;
    onTeam = await createAccount(manager.api, {
      name: 'Командный аккаунт',
      team: [{ userId: specialist.id, role: 'specialist' }],
    });
    owned = await createAccount(manager.api, { name: 'Свой аккаунт', ownerId: specialist.id });
    other = await createAccount(manager.api, { name: 'Чужой аккаунт' });
    contactOnTeam = await createContact(manager.api, onTeam.id, { lastName: 'Видимов' });
    contactElsewhere = await createContact(manager.api, other.id, { lastName: 'Скрытов' });
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();

  it('shows a specialist only the accounts they own or are on the team of', async () => {
    const { api } = workspace.users.specialist;
    expect(ids((await api.get('/api/v1/accounts')).body)).toEqual([onTeam.id, owned.id].sort());
    expect((await api.get('/api/v1/accounts/facets')).body.total).toBe(2);
    expect((await api.get(`/api/v1/accounts/${onTeam.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/accounts/${other.id}`)).status).toBe(404);
    expect(ids((await api.get(`/api/v1/accounts?q=${encodeURIComponent('аккаунт')}`)).body)).toEqual(
      [onTeam.id, owned.id].sort(),
    );
  });

  it('shows a specialist only the contacts of those accounts', async () => {
    const { api } = workspace.users.specialist;
    expect(ids((await api.get('/api/v1/contacts')).body)).toEqual([contactOnTeam.id]);
    expect((await api.get(`/api/v1/contacts/${contactElsewhere.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/contacts?accountId=${other.id}&total=true`)).body.total).toBe(0);
  });

  it('shows every other role the whole workspace', async () => {
    for (const role of ['admin', 'head', 'manager', 'finance', 'viewer'] as const) {
      const { api } = workspace.users[role];
      expect(ids((await api.get('/api/v1/accounts')).body), role).toEqual([onTeam.id, owned.id, other.id].sort());
      expect((await api.get(`/api/v1/contacts/${contactElsewhere.id}`)).status, role).toBe(200);
    }
  });

  it('follows the team: taking the specialist off it hides the account', async () => {
    const { manager, specialist } = workspace.users;
    expect((await manager.api.patch(`/api/v1/accounts/${onTeam.id}`, { team: [] })).status).toBe(200);
    expect((await specialist.api.get(`/api/v1/accounts/${onTeam.id}`)).status).toBe(404);
    expect(ids((await specialist.api.get('/api/v1/accounts')).body)).toEqual([owned.id]);
  });
});
