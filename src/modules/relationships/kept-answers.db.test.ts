import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const dayMs = 86_400_000;

// The org chart and the gap list are kept in the server's memory between requests: each change
// to what they show must still be served on the very next request.
describe('relationship map answers kept between requests', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
  });

  const revisionOf = async (workspaceId: string) =>
    Number(
      (await t.query('select revision from relationship_revisions where workspace_id = $1', [workspaceId]))[0]
        ?.revision ?? 0,
    );

  it('moves the workspace’s revision once per committed transaction, never on rollback', async () => {
    const account = await createAccount(api, { name: 'Ревизия' });
    await createContact(api, account.id, { lastName: 'Первый' });
    const other = await t.seedWorkspace('Другое');
    const before = await revisionOf(workspace.workspaceId);
    const otherBefore = await revisionOf(other.workspaceId);
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      await client.query("update contacts set title = 'Директор' where workspace_id = $1", [workspace.workspaceId]);
      await client.query("update accounts set industry = 'Связь' where workspace_id = $1", [workspace.workspaceId]);
      expect(await revisionOf(workspace.workspaceId)).toBe(before);
      await client.query('commit');
      expect(await revisionOf(workspace.workspaceId)).toBe(before + 1);
      await client.query('begin');
      await client.query("update contacts set title = 'Никто' where workspace_id = $1", [workspace.workspaceId]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(await revisionOf(workspace.workspaceId)).toBe(before + 1);
    expect(await revisionOf(other.workspaceId)).toBe(otherBefore);
    expect(await t.query('select * from relationship_change_marks')).toEqual([]);
  });

  it('serves the org chart and the gap list afresh after each change, and as the days pass', async () => {
    const account = await createAccount(api, { name: 'Свежесть' });
    const boss = await createContact(api, account.id, { lastName: 'Главный' });
    const deputy = await createContact(api, account.id, { lastName: 'Заместитель' });
    const chart = async () => (await api.get(`/api/v1/accounts/${account.id}/org-chart`)).body;
    const person = async (id: string) => (await chart()).people.find((one: Json) => one.id === id);
    const gapsHere = async () =>
      (await api.get(`/api/v1/relationship-gaps?ownerId=${workspace.users.manager.id}&limit=100`)).body.items
        .filter((gap: Json) => gap.account.id === account.id)
        .map((gap: Json) => `${gap.kind}:${gap.contact?.fullName ?? ''}`);

    expect((await person(boss.id)).keyPlayer).toBe(false);
    expect(await gapsHere()).toEqual(['decision_maker_unknown:']);

    await api.patch(`/api/v1/contacts/${boss.id}/stakeholder`, { keyPlayer: true, buyingRole: 'decision_maker' });
    expect(await person(boss.id)).toMatchObject({ keyPlayer: true, buyingRole: 'decision_maker', stale: true });
    expect(await gapsHere()).toEqual([
      `key_player_without_owner:${boss.fullName}`,
      `key_player_not_contacted:${boss.fullName}`,
    ]);

    await api.post(`/api/v1/contacts/${boss.id}/coverage`, {
      userId: workspace.users.manager.id,
      currentLevel: 'vendor',
    });
    expect((await chart()).owners.map((owner: Json) => owner.id)).toEqual([workspace.users.manager.id]);
    expect(await gapsHere()).toEqual([`key_player_not_contacted:${boss.fullName}`]);

    await api.post('/api/v1/interactions', {
      accountId: account.id,
      kind: 'meeting',
      status: 'held',
      occurredAt: new Date(t.clock.now().getTime() - 2 * dayMs).toISOString(),
      subject: 'Встреча',
      contactIds: [boss.id],
      userIds: [workspace.users.manager.id],
    });
    expect(await person(boss.id)).toMatchObject({ freshnessDays: 2, stale: false });
    expect(await gapsHere()).toEqual([`single_threaded:${boss.fullName}`]);

    await api.patch(`/api/v1/contacts/${deputy.id}`, { lastName: 'Первый заместитель' });
    await api.post('/api/v1/stakeholder-links', { fromContactId: deputy.id, toContactId: boss.id, kind: 'influences' });
    const changed = await chart();
    expect(changed.people.map((one: Json) => one.fullName)).toContain('Первый заместитель');
    expect(changed.links).toHaveLength(1);

    t.clock.advance(dayMs);
    expect((await person(boss.id)).freshnessDays).toBe(3);
  });
});
