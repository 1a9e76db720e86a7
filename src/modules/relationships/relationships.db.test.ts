import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { inWorkspace } from '../../platform/db/client';
import { accountFacts } from '../../server';

const dayMs = 86_400_000;

describe('relationship map API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
  });

  const stakeholderOf = async (contactId: string) => {
    const response = await api.get(`/api/v1/contacts/${contactId}/stakeholder`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const summaryOf = async (accountId: string, client = api) => {
    const response = await client.get(`/api/v1/accounts/${accountId}/relationship-summary`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const gapKindsOf = async (accountId: string) =>
    (await summaryOf(accountId)).gaps.map((gap: { kind: string; contact: { fullName: string } | null }) =>
      gap.contact ? `${gap.kind}:${gap.contact.fullName}` : gap.kind,
    );
  const logHeld = (accountId: string, contactIds: string[], daysAgo: number, extra: Record<string, unknown> = {}) =>
    api.post('/api/v1/interactions', {
      accountId,
      kind: 'meeting',
      status: 'held',
      occurredAt: new Date(t.clock.now().getTime() - daysAgo * dayMs).toISOString(),
      subject: 'Встреча',
      contactIds,
      userIds: [workspace.users.manager.id],
      ...extra,
    });

  describe('stakeholder attributes', () => {
    it('records attributes on the first edit (version 0 before), reads them back and audits them', async () => {
      const account = await createAccount(api, { name: 'Атрибуты' });
      const person = await createContact(api, account.id, { lastName: 'Решалов', title: 'Генеральный директор' });
      const before = await api.get(`/api/v1/contacts/${person.id}/stakeholder`);
      expect(before.headers.get('etag')).toBe('"0"');
      expect(before.body).toMatchObject({
        contactId: person.id,
        accountId: account.id,
        fullName: 'Решалов',
        buyingRole: null,
        keyPlayer: false,
        version: 0,
        lastHeldAt: null,
        freshnessDays: null,
        stale: true,
        staleAfterDays: 60,
        coverage: [],
        links: [],
      });
      const changed = await api.patch(
        `/api/v1/contacts/${person.id}/stakeholder`,
        {
          buyingRole: 'decision_maker',
          support: 'supporter',
          influence: 'high',
          decisionOrientation: 'business',
          keyPlayer: true,
          notes: '  Любит короткие встречи  ',
        },
        { 'if-match': '"0"' },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.headers.get('etag')).toBe('"1"');
      expect(changed.body).toMatchObject({ buyingRole: 'decision_maker', notes: 'Любит короткие встречи', version: 1 });
      expect(await stakeholderOf(person.id)).toEqual(changed.body);

      expectProblem(
        await api.patch(`/api/v1/contacts/${person.id}/stakeholder`, { keyPlayer: false }, { 'if-match': '"0"' }),
        412,
      );
      const second = await api.patch(
        `/api/v1/contacts/${person.id}/stakeholder`,
        { support: null },
        { 'if-match': '"1"' },
      );
      expect(second.body).toMatchObject({ support: null, influence: 'high', keyPlayer: true, version: 2 });

      const audit = await t.query(
        `select action, after->>'buying_role' as role from audit_log where entity = 'stakeholders' and entity_id = $1 order by at`,
        [person.id],
      );
      expect(audit).toEqual([
        { action: 'insert', role: 'decision_maker' },
        { action: 'update', role: 'decision_maker' },
      ]);
    });

    it('names the field of an unknown value, in the request’s language', async () => {
      const account = await createAccount(api, { name: 'Ошибки' });
      const person = await createContact(api, account.id);
      const response = await api
        .inLanguage('ru')
        .patch(`/api/v1/contacts/${person.id}/stakeholder`, { buyingRole: 'boss', influence: 5, extra: 1 });
      const problem = expectProblem(response, 400, ['buyingRole', 'influence', 'extra']);
      expect(problem.title).toMatch(/[А-Яа-я]/);
    });

    it('answers 404 for a contact of another workspace, and changes nothing', async () => {
      const other = await t.seedWorkspace();
      const foreignAccount = await createAccount(other.users.admin.api, { name: 'Чужой' });
      const foreign = await createContact(other.users.admin.api, foreignAccount.id);
      expectProblem(await api.get(`/api/v1/contacts/${foreign.id}/stakeholder`), 404);
      expectProblem(await api.patch(`/api/v1/contacts/${foreign.id}/stakeholder`, { keyPlayer: true }), 404);
      expectProblem(
        await api.post(`/api/v1/contacts/${foreign.id}/coverage`, {
          userId: workspace.users.manager.id,
          currentLevel: 'vendor',
        }),
        404,
      );
      expectProblem(await api.get(`/api/v1/accounts/${foreignAccount.id}/org-chart`), 404);
      const rows = await t.query('select count(*)::int as count from stakeholders where id = $1', [foreign.id]);
      expect(rows[0]?.count).toBe(0);
    });
  });

  describe('reporting lines on the chart', () => {
    let account: Json;
    let ceo: Json;
    let cfo: Json;
    let controller: Json;
    let accountant: Json;
    let cto: Json;

    beforeAll(async () => {
      account = await createAccount(api, { name: 'Иерархия' });
      ceo = await createContact(api, account.id, { lastName: 'Главный' });
      cfo = await createContact(api, account.id, { lastName: 'Финансов', reportsToId: ceo.id });
      controller = await createContact(api, account.id, { lastName: 'Контролёров', reportsToId: cfo.id });
      accountant = await createContact(api, account.id, { lastName: 'Бухгалтеров', reportsToId: controller.id });
      cto = await createContact(api, account.id, { lastName: 'Технарёв', reportsToId: ceo.id });
    });

    const managersOnChart = async () => {
      const chart = await api.get(`/api/v1/accounts/${account.id}/org-chart`);
      expect(chart.status).toBe(200);
      return Object.fromEntries(
        chart.body.people.map((person: { fullName: string; reportsToId: string | null }) => [
          person.fullName,
          chart.body.people.find((other: { id: string }) => other.id === person.reportsToId)?.fullName ?? null,
        ]),
      );
    };

    it('moves a whole subtree when its head gets a new manager, with the contact’s version as If-Match', async () => {
      const chart = await api.get(`/api/v1/accounts/${account.id}/org-chart`);
      const version = chart.body.people.find((person: { id: string }) => person.id === cfo.id).version;
      const moved = await api.patch(
        `/api/v1/contacts/${cfo.id}`,
        { reportsToId: cto.id },
        { 'if-match': `"${version}"` },
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(await managersOnChart()).toMatchObject({
        Финансов: 'Технарёв',
        Контролёров: 'Финансов',
        Бухгалтеров: 'Контролёров',
        Технарёв: 'Главный',
      });
      // Undo, as the chart's toast does: back to the old manager with the new version.
      const undone = await api.patch(
        `/api/v1/contacts/${cfo.id}`,
        { reportsToId: ceo.id },
        { 'if-match': `"${moved.body.version}"` },
      );
      expect(undone.status).toBe(200);
      expect((await managersOnChart()).Финансов).toBe('Главный');
    });

    it('refuses to drop a manager onto anyone in their own subtree, with a clear message', async () => {
      for (const target of [controller, accountant, cfo]) {
        const response = await api.patch(`/api/v1/contacts/${cfo.id}`, { reportsToId: target.id });
        const problem = expectProblem(response, 422, ['reportsToId']);
        expect(problem.detail).toBe('A person cannot report to themselves or to someone who reports to them.');
      }
      const ru = await api.inLanguage('ru').patch(`/api/v1/contacts/${ceo.id}`, { reportsToId: accountant.id });
      expect(expectProblem(ru, 422, ['reportsToId']).detail).toBe(
        'Человек не может подчиняться самому себе или своему подчинённому.',
      );
      expect((await managersOnChart()).Главный).toBeNull();
    });

    it('re-parents the reports of a deleted manager to that manager’s own manager, keeping their attributes', async () => {
      const head = await createContact(api, account.id, { lastName: 'Уходящий', reportsToId: ceo.id });
      const first = await createContact(api, account.id, { lastName: 'Первый', reportsToId: head.id });
      const second = await createContact(api, account.id, { lastName: 'Второй', reportsToId: head.id });
      await api.patch(`/api/v1/contacts/${head.id}/stakeholder`, { keyPlayer: true });
      await api.patch(`/api/v1/contacts/${first.id}/stakeholder`, { influence: 'high' });
      expect((await api.delete(`/api/v1/contacts/${head.id}`)).status).toBe(204);
      const managers = await managersOnChart();
      expect(managers).toMatchObject({ Первый: 'Главный', Второй: 'Главный' });
      expect(managers).not.toHaveProperty('Уходящий');
      expect((await stakeholderOf(first.id)).influence).toBe('high');
      const rows = await t.query('select count(*)::int as count from stakeholders where id = $1', [head.id]);
      expect(rows[0]?.count).toBe(0);
      expect(second.id).toBeDefined();
    });
  });

  describe('dotted lines', () => {
    let account: Json;
    let a: Json;
    let b: Json;

    beforeAll(async () => {
      account = await createAccount(api, { name: 'Связи' });
      a = await createContact(api, account.id, { lastName: 'Влиятельный' });
      b = await createContact(api, account.id, { lastName: 'Ведомый' });
    });

    it('links two people with a note, shows the line on both and on the chart, and removes it', async () => {
      const created = await api.post('/api/v1/stakeholder-links', {
        fromContactId: a.id,
        toContactId: b.id,
        kind: 'influences',
        note: 'Старые друзья',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ kind: 'influences', note: 'Старые друзья', version: 1 });
      expect((await stakeholderOf(b.id)).links).toEqual([
        expect.objectContaining({ id: created.body.id, other: { id: a.id, fullName: 'Влиятельный' } }),
      ]);
      const chart = await api.get(`/api/v1/accounts/${account.id}/org-chart`);
      expect(chart.body.links).toEqual([
        { id: created.body.id, fromContactId: a.id, toContactId: b.id, kind: 'influences', note: 'Старые друзья' },
      ]);
      const edited = await api.patch(
        `/api/v1/stakeholder-links/${created.body.id}`,
        { note: '' },
        { 'if-match': '"1"' },
      );
      expect(edited.body).toMatchObject({ note: null, version: 2 });
      expect((await api.delete(`/api/v1/stakeholder-links/${created.body.id}`, { 'if-match': '"2"' })).status).toBe(
        204,
      );
      expect((await stakeholderOf(a.id)).links).toEqual([]);
    });

    it('refuses a line to oneself, across accounts, or twice (a conflict is mutual)', async () => {
      expectProblem(
        await api.post('/api/v1/stakeholder-links', { fromContactId: a.id, toContactId: a.id, kind: 'influences' }),
        422,
        ['toContactId'],
      );
      const elsewhere = await createContact(api, (await createAccount(api, { name: 'Другое' })).id);
      expectProblem(
        await api.post('/api/v1/stakeholder-links', {
          fromContactId: a.id,
          toContactId: elsewhere.id,
          kind: 'influences',
        }),
        422,
        ['toContactId'],
      );
      const conflict = { fromContactId: a.id, toContactId: b.id, kind: 'in_conflict_with' };
      expect((await api.post('/api/v1/stakeholder-links', conflict)).status).toBe(201);
      expectProblem(await api.post('/api/v1/stakeholder-links', conflict), 409, ['toContactId']);
      expectProblem(
        await api.post('/api/v1/stakeholder-links', { ...conflict, fromContactId: b.id, toContactId: a.id }),
        409,
        ['toContactId'],
      );
      expect(
        (await api.post('/api/v1/stakeholder-links', { fromContactId: b.id, toContactId: a.id, kind: 'influences' }))
          .status,
      ).toBe(201);
    });

    it('goes away with either person', async () => {
      const c = await createContact(api, account.id, { lastName: 'Временный' });
      await api.post('/api/v1/stakeholder-links', { fromContactId: c.id, toContactId: a.id, kind: 'influences' });
      expect((await api.delete(`/api/v1/contacts/${c.id}`)).status).toBe(204);
      expect((await stakeholderOf(a.id)).links.map((link: Json) => link.other.id)).not.toContain(c.id);
    });
  });

  describe('our coverage', () => {
    it('lets several of our people own one relationship, each with a level and a target', async () => {
      const account = await createAccount(api, { name: 'Покрытие' });
      const person = await createContact(api, account.id, { lastName: 'Покрываемый' });
      const mine = await api.post(`/api/v1/contacts/${person.id}/coverage`, {
        userId: workspace.users.manager.id,
        currentLevel: 'credible_source',
        targetLevel: 'trusted_advisor',
      });
      expect(mine.status, JSON.stringify(mine.body)).toBe(201);
      expect(mine.body).toMatchObject({ userName: workspace.users.manager.name, version: 1 });
      const heads = await api.post(`/api/v1/contacts/${person.id}/coverage`, {
        userId: workspace.users.head.id,
        currentLevel: 'problem_solver',
      });
      expect(heads.body.targetLevel).toBe('problem_solver');
      expectProblem(
        await api.post(`/api/v1/contacts/${person.id}/coverage`, {
          userId: workspace.users.head.id,
          currentLevel: 'vendor',
        }),
        409,
        ['userId'],
      );
      expectProblem(
        await api.post(`/api/v1/contacts/${person.id}/coverage`, {
          userId: '0190a0e0-0000-7000-8000-000000000000',
          currentLevel: 'vendor',
        }),
        422,
        ['userId'],
      );
      const raised = await api.patch(
        `/api/v1/coverage/${mine.body.id}`,
        { currentLevel: 'problem_solver' },
        { 'if-match': '"1"' },
      );
      expect(raised.body).toMatchObject({ currentLevel: 'problem_solver', targetLevel: 'trusted_advisor', version: 2 });
      expectProblem(
        await api.patch(`/api/v1/coverage/${mine.body.id}`, { currentLevel: 'vendor' }, { 'if-match': '"1"' }),
        412,
      );
      const chart = await api.get(`/api/v1/accounts/${account.id}/org-chart`);
      const initials = (name: string) =>
        name
          .split(' ')
          .slice(0, 2)
          .map((word) => word[0]?.toUpperCase())
          .join('');
      expect(chart.body.owners).toEqual(
        expect.arrayContaining([
          {
            id: workspace.users.manager.id,
            name: workspace.users.manager.name,
            initials: initials(workspace.users.manager.name),
          },
        ]),
      );
      expect(chart.body.people[0].coverage).toHaveLength(2);
      expect((await api.delete(`/api/v1/coverage/${heads.body.id}`)).status).toBe(204);
      expect((await stakeholderOf(person.id)).coverage.map((owner: Json) => owner.userId)).toEqual([
        workspace.users.manager.id,
      ]);
    });
  });

  describe('gaps and strength of an account', () => {
    it('shows each gap rule and lets it disappear when the cause is fixed', async () => {
      const account = await createAccount(api, { name: 'Пробелы' });
      const boss = await createContact(api, account.id, { lastName: 'Директоров' });
      const buyer = await createContact(api, account.id, { lastName: 'Закупкин', reportsToId: boss.id });
      const enemy = await createContact(api, account.id, { lastName: 'Противников', reportsToId: boss.id });
      expect(await gapKindsOf(account.id)).toEqual(['decision_maker_unknown']);

      await api.patch(`/api/v1/contacts/${boss.id}/stakeholder`, { buyingRole: 'decision_maker', keyPlayer: true });
      await api.patch(`/api/v1/contacts/${enemy.id}/stakeholder`, { support: 'enemy', influence: 'high' });
      expect(await gapKindsOf(account.id)).toEqual([
        'hostile_high_influence:Противников',
        'key_player_without_owner:Директоров',
        'key_player_not_contacted:Директоров',
      ]);

      const owned = await api.post(`/api/v1/contacts/${boss.id}/coverage`, {
        userId: workspace.users.manager.id,
        currentLevel: 'vendor',
        targetLevel: 'problem_solver',
      });
      expect(await gapKindsOf(account.id)).toEqual([
        'hostile_high_influence:Противников',
        'key_player_not_contacted:Директоров',
        'target_without_plan:Директоров',
      ]);

      expect((await logHeld(account.id, [boss.id], 3)).status).toBe(201);
      expect(await gapKindsOf(account.id)).toEqual([
        'hostile_high_influence:Противников',
        'single_threaded:Директоров',
        'target_without_plan:Директоров',
      ]);

      await api.post('/api/v1/interactions', {
        accountId: account.id,
        kind: 'presentation',
        status: 'planned',
        occurredAt: new Date(t.clock.now().getTime() + 7 * dayMs).toISOString(),
        subject: 'Презентация решения',
        contactIds: [boss.id],
      });
      await api.post(`/api/v1/contacts/${buyer.id}/coverage`, {
        userId: workspace.users.head.id,
        currentLevel: 'vendor',
      });
      await logHeld(account.id, [buyer.id], 10);
      await api.patch(`/api/v1/contacts/${enemy.id}/stakeholder`, { support: 'neutral' });
      expect(await gapKindsOf(account.id)).toEqual([]);
      expect(owned.status).toBe(201);
    });

    it('counts a key player as not contacted after the workspace’s threshold, which admins set', async () => {
      const account = await createAccount(api, { name: 'Порог' });
      const boss = await createContact(api, account.id, { lastName: 'Давний' });
      await api.patch(`/api/v1/contacts/${boss.id}/stakeholder`, { buyingRole: 'decision_maker', keyPlayer: true });
      await api.post(`/api/v1/contacts/${boss.id}/coverage`, {
        userId: workspace.users.manager.id,
        currentLevel: 'vendor',
      });
      await logHeld(account.id, [boss.id], 45);
      expect(await gapKindsOf(account.id)).toEqual(['single_threaded:Давний']);

      const admin = workspace.users.admin.api;
      expectProblem(await api.patch('/api/v1/relationship-settings', { staleAfterDays: 30 }), 403);
      expectProblem(await admin.patch('/api/v1/relationship-settings', { staleAfterDays: 0 }), 400, ['staleAfterDays']);
      const changed = await admin.patch('/api/v1/relationship-settings', { staleAfterDays: 30 }, { 'if-match': '"0"' });
      expect(changed.body).toEqual({ staleAfterDays: 30, version: 1 });
      expect(changed.headers.get('etag')).toBe('"1"');
      expect(await gapKindsOf(account.id)).toEqual(['key_player_not_contacted:Давний']);
      expectProblem(
        await admin.patch('/api/v1/relationship-settings', { staleAfterDays: 90 }, { 'if-match': '"0"' }),
        412,
      );
      expect((await admin.patch('/api/v1/relationship-settings', { staleAfterDays: 60 })).body).toEqual({
        staleAfterDays: 60,
        version: 2,
      });
      expect((await api.get('/api/v1/relationship-settings')).body).toEqual({ staleAfterDays: 60, version: 2 });
    });

    it('explains strength factor by factor, adding up to the score', async () => {
      const account = await createAccount(api, { name: 'Сила' });
      const empty = await summaryOf(account.id);
      expect(empty.strength).toMatchObject({ score: 0, basis: 'all_contacts' });
      const boss = await createContact(api, account.id, { lastName: 'Сильный' });
      await createContact(api, account.id, { lastName: 'Рядовой', reportsToId: boss.id });
      await api.patch(`/api/v1/contacts/${boss.id}/stakeholder`, {
        keyPlayer: true,
        support: 'mentor',
        influence: 'high',
      });
      await api.post(`/api/v1/contacts/${boss.id}/coverage`, {
        userId: workspace.users.manager.id,
        currentLevel: 'trusted_advisor',
      });
      await logHeld(account.id, [boss.id], 1);
      const summary = await summaryOf(account.id);
      expect(summary.strength.basis).toBe('key_players');
      expect(summary.strength.score).toBe(100);
      expect(summary.strength.factors.map((factor: Json) => factor.points)).toEqual([30, 25, 25, 20]);
      expect(summary.stakeholders).toEqual({ total: 2, keyPlayers: 1, covered: 1 });

      const fact = accountFacts.find((candidate) => candidate.key === 'relationships.strength');
      expect(fact).toMatchObject({ unit: 'score', higherIsBetter: true });
      const never = await createAccount(api, { name: 'Без данных' });
      const values = await inWorkspace(t.database.db, { workspaceId: workspace.workspaceId }, (tx) =>
        (fact as NonNullable<typeof fact>).read(
          {
            db: tx,
            actor: { userId: workspace.users.admin.id, workspaceId: workspace.workspaceId, role: 'admin' },
            now: t.clock.now(),
          },
          [account.id, never.id],
        ),
      );
      expect(values).toEqual(new Map([[account.id, 100]]));
    });
  });

  describe('the workspace-wide gap list', () => {
    let gapsWorkspace: SeededWorkspace;
    let admin: ApiClient;
    const accounts: Json[] = [];

    beforeAll(async () => {
      gapsWorkspace = await t.seedWorkspace();
      admin = gapsWorkspace.users.admin.api;
      const { manager, specialist } = gapsWorkspace.users;
      for (const [index, name] of ['Альфа', 'Бета', 'Гамма', 'Дельта'].entries()) {
        const account = await createAccount(admin, {
          name,
          ownerId: index % 2 === 0 ? manager.id : gapsWorkspace.users.head.id,
          ...(index === 0 ? { team: [{ userId: specialist.id, role: 'specialist' }] } : {}),
          ...(index === 3 ? { status: 'lost' } : {}),
        });
        const boss = await createContact(admin, account.id, { lastName: `Ключевой ${name}` });
        await admin.patch(`/api/v1/contacts/${boss.id}/stakeholder`, { keyPlayer: true });
        accounts.push(account);
      }
    });

    it('lists every gap of the accounts that are not lost, by account, most serious first', async () => {
      const response = await admin.get('/api/v1/relationship-gaps');
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((gap: Json) => `${gap.account.name}:${gap.kind}:${gap.contact?.fullName ?? ''}`),
      ).toEqual([
        'Альфа:decision_maker_unknown:',
        'Альфа:key_player_without_owner:Ключевой Альфа',
        'Альфа:key_player_not_contacted:Ключевой Альфа',
        'Бета:decision_maker_unknown:',
        'Бета:key_player_without_owner:Ключевой Бета',
        'Бета:key_player_not_contacted:Ключевой Бета',
        'Гамма:decision_maker_unknown:',
        'Гамма:key_player_without_owner:Ключевой Гамма',
        'Гамма:key_player_not_contacted:Ключевой Гамма',
      ]);
      expect(response.body.total).toBe(9);
      expect(response.body.counts).toEqual({
        decision_maker_unknown: 3,
        hostile_high_influence: 0,
        key_player_without_owner: 3,
        key_player_not_contacted: 3,
        single_threaded: 0,
        target_without_plan: 0,
      });
      expect(response.body.items[0].account.owner).toEqual({
        id: gapsWorkspace.users.manager.id,
        name: gapsWorkspace.users.manager.name,
      });
    });

    it('filters by kind and by account owner, and pages through every gap once', async () => {
      const byKind = await admin.get('/api/v1/relationship-gaps?kind=key_player_without_owner,decision_maker_unknown');
      expect(byKind.body.total).toBe(6);
      expect(byKind.body.counts.key_player_not_contacted).toBe(3);
      const byOwner = await admin.get(`/api/v1/relationship-gaps?ownerId=${gapsWorkspace.users.head.id}`);
      expect(new Set(byOwner.body.items.map((gap: Json) => gap.account.name))).toEqual(new Set(['Бета']));
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Json = await admin.get(
          `/api/v1/relationship-gaps?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((gap: Json) => `${gap.account.id}:${gap.kind}:${gap.contactId}`));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(pages).toBe(5);
      expect(new Set(seen).size).toBe(9);
      expectProblem(await admin.get('/api/v1/relationship-gaps?cursor=bm9wZQ'), 400, ['cursor']);
      expectProblem(await admin.get('/api/v1/relationship-gaps?kind=nope'), 400);
    });

    it('shows a specialist only the gaps of the accounts they work on', async () => {
      const response = await gapsWorkspace.users.specialist.api.get('/api/v1/relationship-gaps');
      expect(new Set(response.body.items.map((gap: Json) => gap.account.name))).toEqual(new Set(['Альфа']));
      expectProblem(
        await gapsWorkspace.users.specialist.api.get(`/api/v1/accounts/${accounts[1].id}/relationship-summary`),
        404,
      );
      expect((await summaryOf(accounts[0].id, gapsWorkspace.users.specialist.api)).gaps).toHaveLength(3);
    });

    it('lets the gap go once the key player has an owner', async () => {
      const chart = await admin.get(`/api/v1/accounts/${accounts[2].id}/org-chart`);
      const boss = chart.body.people[0];
      await admin.post(`/api/v1/contacts/${boss.id}/coverage`, {
        userId: gapsWorkspace.users.manager.id,
        currentLevel: 'vendor',
      });
      const response = await admin.get('/api/v1/relationship-gaps?kind=key_player_without_owner');
      expect(response.body.items.map((gap: Json) => gap.account.name)).toEqual(['Альфа', 'Бета']);
    });
  });

  describe('who may change the map', () => {
    it('lets viewers and specialists read but not edit attributes, coverage or lines', async () => {
      const account = await createAccount(api, {
        name: 'Права',
        team: [{ userId: workspace.users.specialist.id, role: 'specialist' }],
      });
      const person = await createContact(api, account.id);
      for (const role of ['viewer', 'specialist', 'finance'] as const) {
        const client = workspace.users[role].api;
        expect((await client.get(`/api/v1/accounts/${account.id}/org-chart`)).status, role).toBe(200);
        expectProblem(await client.patch(`/api/v1/contacts/${person.id}/stakeholder`, { keyPlayer: true }), 403);
        expectProblem(
          await client.post(`/api/v1/contacts/${person.id}/coverage`, {
            userId: workspace.users[role].id,
            currentLevel: 'vendor',
          }),
          403,
        );
      }
      expect((await stakeholderOf(person.id)).version).toBe(0);
    });
  });
});
