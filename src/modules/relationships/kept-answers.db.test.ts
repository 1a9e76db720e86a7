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

  it('stamps the accounts each change touched, and the whole map for a settings change', async () => {
    const first = await createAccount(api, { name: 'Штамп один' });
    const second = await createAccount(api, { name: 'Штамп два' });
    const person = await createContact(api, first.id, { lastName: 'Переходящий' });
    const stampsAfter = async (revision: number) =>
      (
        await t.query(
          'select account_id from relationship_account_revisions where workspace_id = $1 and revision > $2',
          [workspace.workspaceId, revision],
        )
      ).map((row) => row.account_id);

    let revision = await revisionOf(workspace.workspaceId);
    await api.patch(`/api/v1/contacts/${person.id}/stakeholder`, { keyPlayer: true });
    expect(await stampsAfter(revision)).toEqual([first.id]);

    revision = await revisionOf(workspace.workspaceId);
    await api.patch(`/api/v1/contacts/${person.id}`, { accountId: second.id });
    expect((await stampsAfter(revision)).sort()).toEqual([first.id, second.id].sort());

    revision = await revisionOf(workspace.workspaceId);
    expect(
      (await workspace.users.admin.api.patch('/api/v1/relationship-settings', { staleAfterDays: 30 })).status,
    ).toBe(200);
    expect(await stampsAfter(revision)).toEqual(['00000000-0000-0000-0000-000000000000']);
    expect(await t.query('select * from relationship_account_marks')).toEqual([]);
  });

  it('stamps each person a change touched under their account, and under both when they move', async () => {
    const first = await createAccount(api, { name: 'Люди один' });
    const second = await createAccount(api, { name: 'Люди два' });
    const person = await createContact(api, first.id, { lastName: 'Отмеченный' });
    const other = await createContact(api, first.id, { lastName: 'Нетронутый' });
    const stampsAfter = async (revision: number) =>
      (
        await t.query(
          `select account_id || ':' || contact_id as stamp from relationship_contact_revisions
            where workspace_id = $1 and revision > $2 order by 1`,
          [workspace.workspaceId, revision],
        )
      ).map((row) => row.stamp);

    let revision = await revisionOf(workspace.workspaceId);
    await api.post(`/api/v1/contacts/${person.id}/coverage`, {
      userId: workspace.users.manager.id,
      currentLevel: 'vendor',
    });
    expect(await stampsAfter(revision)).toEqual([`${first.id}:${person.id}`]);

    revision = await revisionOf(workspace.workspaceId);
    await api.patch(`/api/v1/accounts/${first.id}`, { name: 'Люди раз' });
    expect(await stampsAfter(revision)).toEqual([]);

    revision = await revisionOf(workspace.workspaceId);
    await api.patch(`/api/v1/contacts/${person.id}`, { accountId: second.id });
    expect(await stampsAfter(revision)).toEqual([`${first.id}:${person.id}`, `${second.id}:${person.id}`].sort());
    expect(await stampsAfter(revision)).not.toContain(`${first.id}:${other.id}`);
  });

  it('patches a kept chart with only the people who changed, to the same answer as reading it whole', async () => {
    const account = await createAccount(api, { name: 'Заплатка' });
    const elsewhere = await createAccount(api, { name: 'Заплатка рядом' });
    const people = [];
    for (const lastName of ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Эпсилон', 'Юпитер', 'Яхонтов']) {
      people.push(await createContact(api, account.id, { lastName }));
    }
    const [alpha, beta, gamma, delta] = people as [Json, Json, Json, Json];
    const newcomer = await createContact(api, elsewhere.id, { lastName: 'Пришлый' });
    // Alpha's last meeting is 20 seconds short of two days ago: half a minute on, the days since
    // it tick over, and the kept chart reads Alpha again with no change noted.
    await api.post('/api/v1/interactions', {
      accountId: account.id,
      kind: 'meeting',
      status: 'held',
      occurredAt: new Date(t.clock.now().getTime() - 2 * dayMs + 20_000).toISOString(),
      subject: 'Встреча',
      contactIds: [alpha.id],
    });
    const chart = async () => (await api.get(`/api/v1/accounts/${account.id}/org-chart`)).body;
    // A settings change is a change of the whole map: the next chart is read whole.
    const readWhole = async () => {
      await workspace.users.admin.api.patch('/api/v1/relationship-settings', { staleAfterDays: 60 });
      return chart();
    };
    // A change made behind the triggers' back shows whom a patch reads again.
    const changeUnnoted = async (statement: string, values: unknown[]) => {
      const client = await t.database.pool.connect();
      try {
        await client.query('begin');
        await client.query('set local session_replication_role = replica');
        await client.query(statement, values);
        await client.query('commit');
      } finally {
        client.release();
      }
    };
    const personOf = (answer: Json, id: string) => answer.people.find((one: Json) => one.id === id);

    expect(personOf(await chart(), alpha.id).freshnessDays).toBe(1);
    t.clock.advance(30_000);
    expect(personOf(await chart(), alpha.id).freshnessDays).toBe(2);

    await changeUnnoted("update contacts set title = 'Незамеченный' where id = any($1)", [[beta.id, gamma.id]]);
    await api.patch(`/api/v1/contacts/${beta.id}`, { lastName: 'Ёлкин' });
    const patched = await chart();
    expect(personOf(patched, beta.id)).toMatchObject({ title: 'Незамеченный' });
    expect(personOf(patched, beta.id).fullName).toContain('Ёлкин');
    expect(personOf(patched, gamma.id).title).toBeNull();
    expect(personOf(await readWhole(), gamma.id).title).toBe('Незамеченный');

    // Each change below lands on a kept chart; the patched answer must equal a whole reading.
    const changes: (() => Promise<unknown>)[] = [
      () => api.patch(`/api/v1/contacts/${gamma.id}`, { lastName: 'Аарон' }),
      () => api.delete(`/api/v1/contacts/${delta.id}`),
      () => api.patch(`/api/v1/contacts/${newcomer.id}`, { accountId: account.id }),
      () =>
        api.post(`/api/v1/contacts/${gamma.id}/coverage`, {
          userId: workspace.users.manager.id,
          currentLevel: 'vendor',
        }),
      () => api.patch(`/api/v1/contacts/${alpha.id}/stakeholder`, { keyPlayer: true, support: 'enemy' }),
      () =>
        api.post('/api/v1/stakeholder-links', { fromContactId: gamma.id, toContactId: alpha.id, kind: 'influences' }),
      () => api.patch(`/api/v1/contacts/${beta.id}`, { reportsToId: gamma.id }),
      () => api.patch(`/api/v1/contacts/${newcomer.id}`, { accountId: elsewhere.id }),
    ];
    for (const change of changes) {
      await chart();
      await change();
      const afterChange = await chart();
      expect(afterChange).toEqual(await readWhole());
    }
    const final = await chart();
    expect(final.people.map((one: Json) => one.id)).not.toContain(delta.id);
    expect(final.people.map((one: Json) => one.id)).not.toContain(newcomer.id);
    expect(final.owners.map((owner: Json) => owner.id)).toEqual([workspace.users.manager.id]);
    expect(final.links).toHaveLength(1);
  });

  it('keeps the gap list right as accounts are renamed, lost, moved between and the clock passes a meeting', async () => {
    const gaps = async () =>
      (await api.get(`/api/v1/relationship-gaps?ownerId=${workspace.users.manager.id}&limit=200`)).body.items
        .filter((gap: Json) => gap.account.name.startsWith('Ряд'))
        .map((gap: Json) => `${gap.account.name}:${gap.kind}:${gap.contact?.fullName ?? ''}:${gap.days ?? ''}`);
    const alpha = await createAccount(api, { name: 'Ряд А' });
    const beta = await createAccount(api, { name: 'Ряд Б' });
    const boss = await createContact(api, alpha.id, { lastName: 'Решающий' });
    await api.patch(`/api/v1/contacts/${boss.id}/stakeholder`, { buyingRole: 'decision_maker' });
    await api.post(`/api/v1/contacts/${boss.id}/coverage`, {
      userId: workspace.users.manager.id,
      currentLevel: 'vendor',
      targetLevel: 'trusted_advisor',
    });
    await api.post('/api/v1/interactions', {
      accountId: alpha.id,
      kind: 'meeting',
      status: 'held',
      occurredAt: new Date(t.clock.now().getTime() - 5 * dayMs).toISOString(),
      subject: 'Знакомство',
      contactIds: [boss.id],
      userIds: [workspace.users.manager.id],
    });
    await api.post('/api/v1/interactions', {
      accountId: alpha.id,
      kind: 'call',
      status: 'planned',
      occurredAt: new Date(t.clock.now().getTime() + 2 * dayMs).toISOString(),
      subject: 'Созвон',
      contactIds: [boss.id],
    });
    expect(await gaps()).toEqual(['Ряд А:single_threaded:Решающий:5', 'Ряд Б:decision_maker_unknown::']);

    // The clock alone: a day later the days tick over; once the planned call has passed, the
    // target without a plan shows.
    t.clock.advance(dayMs);
    expect(await gaps()).toEqual(['Ряд А:single_threaded:Решающий:6', 'Ряд Б:decision_maker_unknown::']);
    t.clock.advance(2 * dayMs);
    expect(await gaps()).toEqual([
      'Ряд А:single_threaded:Решающий:8',
      'Ряд А:target_without_plan:Решающий:8',
      'Ряд Б:decision_maker_unknown::',
    ]);

    await api.patch(`/api/v1/accounts/${alpha.id}`, { name: 'Ряд В' });
    expect(await gaps()).toEqual([
      'Ряд Б:decision_maker_unknown::',
      'Ряд В:single_threaded:Решающий:8',
      'Ряд В:target_without_plan:Решающий:8',
    ]);

    await api.patch(`/api/v1/contacts/${boss.id}`, { accountId: beta.id });
    expect(await gaps()).toEqual([
      'Ряд Б:single_threaded:Решающий:8',
      'Ряд Б:target_without_plan:Решающий:8',
      'Ряд В:decision_maker_unknown::',
    ]);

    await api.patch(`/api/v1/accounts/${beta.id}`, { status: 'lost' });
    expect(await gaps()).toEqual(['Ряд В:decision_maker_unknown::']);
  });
});
