import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, useTestApp } from '../../../tests/support/test-app';
import { asSystem } from '../../platform/db/client';
import { createAccountInput, isValidInn } from '../accounts';
import { createApiToken } from '../auth';
import { createContactInput } from '../contacts';
import { checkCustomValue, createCustomFieldInput } from '../custom-fields';
import { createUser } from '../users';
import { type Workspace, workspaces } from '../workspaces';
import { type DemoOptions, generateDemoWorkspace } from './index';

type Row = Record<string, unknown>;

describe('demo workspace', () => {
  const t = useTestApp();
  let adminId: string;
  let ru: Workspace;
  let twin: Workspace;
  let en: Workspace;

  const rows = async <T = Row>(query: SQL) => (await t.database.db.execute(query)).rows as T[];
  const generate = (options: Omit<DemoOptions, 'adminUserId' | 'now'>) =>
    asSystem(t.database.db, { userId: adminId }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: adminId, now: t.clock.now(), ...options }),
    );

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'demo-admin@example.com', name: 'Админ', password: 'correct horse battery' }),
    );
    adminId = admin.id;
    ru = await generate({ scale: 1, locale: 'ru', seed: 1 });
    twin = await generate({ scale: 1, locale: 'ru', seed: 1 });
    en = await generate({ scale: 0.25, locale: 'en', seed: 2 });
  }, 180_000);

  it('has the size of scale 1: 200 accounts, about 4,000 contacts, 10 people across every role', async () => {
    expect(ru).toMatchObject({ name: 'Демо: Аккорд', locale: 'ru', defaultCurrency: 'RUB', timeZone: 'Europe/Moscow' });
    const [counts] = await rows<{ accounts: number; contacts: number }>(sql`select
      (select count(*)::int from accounts where workspace_id = ${ru.id}) as accounts,
      (select count(*)::int from contacts where workspace_id = ${ru.id}) as contacts`);
    expect(counts?.accounts).toBe(200);
    expect(counts?.contacts).toBeGreaterThan(3_500);
    expect(counts?.contacts).toBeLessThan(4_500);
    const roles = await rows<{ role: string; count: number }>(
      sql`select role, count(*)::int as count from memberships where workspace_id = ${ru.id} group by role order by role`,
    );
    expect(Object.fromEntries(roles.map((row) => [row.role, row.count]))).toEqual({
      admin: 1,
      head: 1,
      manager: 4,
      specialist: 2,
      finance: 1,
      viewer: 1,
    });
    const statuses = await rows<{ status: string; count: number }>(
      sql`select status, count(*)::int as count from accounts where workspace_id = ${ru.id} group by status`,
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row.count]));
    expect(byStatus.key).toBe(8);
    expect(byStatus.active).toBeGreaterThan(byStatus.prospect ?? 0);
    expect(byStatus.at_risk).toBeGreaterThan(0);
    expect(byStatus.lost).toBeGreaterThan(0);
  });

  it('gives every company a valid INN, and sole traders a 12-digit one', async () => {
    const accounts = await rows<{ tax_id: string; legal_name: string }>(
      sql`select tax_id, legal_name from accounts where workspace_id = ${ru.id} and tax_id is not null`,
    );
    expect(accounts.length).toBeGreaterThan(170);
    for (const account of accounts) {
      expect(isValidInn(account.tax_id), account.tax_id).toBe(true);
      expect(account.tax_id).toHaveLength(account.legal_name.startsWith('ИП ') ? 12 : 10);
    }
  });

  it('gives every Russian contact a patronymic', async () => {
    const [missing] = await rows<{ count: number }>(
      sql`select count(*)::int as count from contacts where workspace_id = ${ru.id} and coalesce(patronymic, '') = ''`,
    );
    expect(missing?.count).toBe(0);
  });

  it('keeps reporting lines inside an account, without cycles, under one head per account', async () => {
    const [crossing] = await rows<{ count: number }>(sql`select count(*)::int as count
      from contacts c join contacts m on m.workspace_id = c.workspace_id and m.id = c.reports_to_id
      where c.workspace_id = ${ru.id} and m.account_id <> c.account_id`);
    expect(crossing?.count).toBe(0);
    const [cycles] = await rows<{ count: number }>(sql`
      with recursive chain(start, id, depth) as (
        select id, reports_to_id, 1 from contacts where workspace_id = ${ru.id} and reports_to_id is not null
        union all
        select chain.start, c.reports_to_id, chain.depth + 1 from chain
        join contacts c on c.workspace_id = ${ru.id} and c.id = chain.id
        where c.reports_to_id is not null and chain.id <> chain.start and chain.depth < 50
      )
      select count(*)::int as count from chain where id = start or depth >= 50`);
    expect(cycles?.count).toBe(0);
    const tops = await rows<{ tops: number; title: string }>(sql`select count(*)::int as tops, min(title) as title
      from contacts where workspace_id = ${ru.id} and reports_to_id is null group by account_id`);
    expect(tops).toHaveLength(200);
    for (const top of tops) expect(top.tops).toBe(1);
    expect(tops.map((top) => top.title)).toContain('Генеральный директор');
  });

  it('has owners who are the workspace’s managers or head, and teams of one to three other members', async () => {
    const owners = await rows<{ role: string }>(sql`select distinct m.role from accounts a
      join memberships m on m.workspace_id = a.workspace_id and m.user_id = a.owner_id
      where a.workspace_id = ${ru.id}`);
    expect(owners.map((owner) => owner.role).sort()).toEqual(['head', 'manager']);
    const [orphans] = await rows<{ count: number }>(sql`select count(*)::int as count from accounts a
      where a.workspace_id = ${ru.id} and not exists (select 1 from memberships m
        where m.workspace_id = a.workspace_id and m.user_id = a.owner_id)`);
    expect(orphans?.count).toBe(0);
    const teams = await rows<{ size: number; with_owner: number }>(sql`select count(t.id)::int as size,
        count(t.id) filter (where t.user_id = a.owner_id)::int as with_owner
      from accounts a left join account_team_members t on t.workspace_id = a.workspace_id and t.account_id = a.id
      where a.workspace_id = ${ru.id} group by a.id`);
    for (const team of teams) {
      expect(team.size).toBeGreaterThanOrEqual(1);
      expect(team.size).toBeLessThanOrEqual(3);
      expect(team.with_owner).toBe(0);
    }
  });

  it('has holdings with subsidiaries at most three levels deep, without cycles', async () => {
    const levels = await rows<{ depth: number; count: number }>(sql`
      with recursive tree(id, depth, path) as (
        select id, 0, array[id] from accounts where workspace_id = ${ru.id} and parent_id is null
        union all
        select a.id, tree.depth + 1, tree.path || a.id from accounts a
        join tree on a.parent_id = tree.id
        where a.workspace_id = ${ru.id} and not a.id = any(tree.path)
      )
      select depth, count(*)::int as count from tree group by depth order by depth`);
    expect(levels.reduce((sum, level) => sum + level.count, 0)).toBe(200);
    expect(levels.map((level) => level.depth)).toEqual([0, 1, 2]);
  });

  it('makes the same data from the same seed', async () => {
    const original = await fingerprint(ru.id);
    for (const digest of Object.values(original)) expect(digest).toMatch(/^[0-9a-f]{32}$/);
    expect(await fingerprint(twin.id)).toEqual(original);
    expect((await fingerprint(en.id)).accounts).not.toEqual((await fingerprint(ru.id)).accounts);
  });

  it('writes an English workspace without Cyrillic, in dollars and euros', async () => {
    expect(en).toMatchObject({ name: 'Demo: Accord', locale: 'en', defaultCurrency: 'USD' });
    const cyrillic = '[А-Яа-яЁё]';
    const [found] = await rows<{ accounts: number; contacts: number; users: number }>(sql`select
      (select count(*)::int from accounts where workspace_id = ${en.id} and concat_ws(' ', name, legal_name, industry,
        segment, notes, website, array_to_string(tags, ' '), custom::text) ~ ${cyrillic}) as accounts,
      (select count(*)::int from contacts where workspace_id = ${en.id} and concat_ws(' ', full_name, title, department,
        notes, array_to_string(emails, ' '), messengers::text, custom::text) ~ ${cyrillic}) as contacts,
      (select count(*)::int from memberships m join users u on u.id = m.user_id
        where m.workspace_id = ${en.id} and m.role <> 'admin' and u.name ~ ${cyrillic}) as users`);
    expect(found).toEqual({ accounts: 0, contacts: 0, users: 0 });
    const [patronymics] = await rows<{ count: number }>(
      sql`select count(*)::int as count from contacts where workspace_id = ${en.id} and patronymic is not null`,
    );
    expect(patronymics?.count).toBe(0);
    const currencies = await rows<{ currency: string }>(
      sql`select distinct currency from accounts where workspace_id = ${en.id} order by currency`,
    );
    expect(currencies.map((row) => row.currency)).toEqual(['EUR', 'USD']);
  });

  it('fills a catalogue, whitespace and an opportunity pipeline on the key accounts', async () => {
    const [found] = await rows<{
      offerings: number;
      keyAccounts: number;
      withCells: number;
      open: number;
      lost: number;
    }>(sql`select
      (select count(*)::int from offerings where workspace_id = ${ru.id}) as "offerings",
      (select count(*)::int from accounts where workspace_id = ${ru.id} and status = 'key') as "keyAccounts",
      (select count(distinct account_id)::int from whitespace_cells where workspace_id = ${ru.id}) as "withCells",
      (select count(*)::int from opportunities o join pipeline_stages s on s.workspace_id = o.workspace_id
        and s.id = o.stage_id where o.workspace_id = ${ru.id} and s.outcome = 'open') as "open",
      (select count(*)::int from opportunities where workspace_id = ${ru.id} and lost_reason is not null) as "lost"`);
    expect(found?.offerings).toBe(7);
    expect(found?.withCells).toBe(found?.keyAccounts);
    expect(found?.open).toBeGreaterThan(found?.keyAccounts ?? 0);
    expect(found?.lost).toBeGreaterThan(0);
  });

  it('has complaints, praise and a loss story for every lost account', async () => {
    const [found] = await rows<{ complaints: number; resolved: number; praise: number; lost: number; losses: number }>(
      sql`select
        (select count(*)::int from client_feedback where workspace_id = ${ru.id} and kind = 'complaint') as "complaints",
        (select count(*)::int from client_feedback where workspace_id = ${ru.id} and status = 'resolved'
          and root_cause is not null and resolution is not null) as "resolved",
        (select count(*)::int from client_feedback where workspace_id = ${ru.id} and kind = 'praise') as "praise",
        (select count(*)::int from accounts where workspace_id = ${ru.id} and status = 'lost') as "lost",
        (select count(*)::int from account_losses where workspace_id = ${ru.id}) as "losses"`,
    );
    expect(found).toMatchObject({ complaints: 4, resolved: 2, praise: 2 });
    expect(found?.losses).toBe(found?.lost);
  });

  it('makes records that pass the validation of user input', async () => {
    for (const workspace of [ru, en]) {
      const definitions = await rows<{ entity: string; key: string; type: string; options: never }>(
        sql`select entity, key, type, options, label_en as "labelEn", label_ru as "labelRu", position
          from custom_field_definitions where workspace_id = ${workspace.id}`,
      );
      for (const definition of definitions) {
        expect(createCustomFieldInput.safeParse(definition).error?.issues, definition.key).toBeUndefined();
      }
      expect(definitions.filter((definition) => definition.entity === 'account').length).toBeGreaterThanOrEqual(2);
      expect(definitions.filter((definition) => definition.entity === 'contact').length).toBeGreaterThanOrEqual(2);
      const checkCustom = (entity: string, custom: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(custom)) {
          const definition = definitions.find((candidate) => candidate.entity === entity && candidate.key === key);
          expect(definition, key).toBeDefined();
          if (definition) expect(checkCustomValue(definition, value), `${key}: ${value}`).toBeUndefined();
        }
      };
      const accounts = await rows(sql`select name, legal_name as "legalName", tax_id as "taxId", website, industry,
        segment, status, owner_id as "ownerId", parent_id as "parentId", currency, tags, notes, custom
        from accounts where workspace_id = ${workspace.id}`);
      for (const account of accounts) {
        const parsed = createAccountInput.safeParse(account);
        expect(parsed.error?.issues, JSON.stringify(account)).toBeUndefined();
        checkCustom('account', account.custom as Record<string, unknown>);
      }
      const contacts = await rows(sql`select account_id as "accountId", first_name as "firstName",
        last_name as "lastName", patronymic, title, department, emails, phones, messengers,
        reports_to_id as "reportsToId", notes, custom
        from contacts where workspace_id = ${workspace.id}`);
      for (const contact of contacts) {
        const parsed = createContactInput.safeParse(contact);
        expect(parsed.error?.issues, JSON.stringify(contact)).toBeUndefined();
        checkCustom('contact', contact.custom as Record<string, unknown>);
      }
    }
  });

  it('writes no audit rows and turns auditing back on for the rest of the transaction', async () => {
    const [audited] = await rows<{ count: number }>(
      sql`select count(*)::int as count from audit_log where workspace_id in (${ru.id}, ${en.id})`,
    );
    expect(audited?.count).toBe(0);
    const { workspace, setting } = await asSystem(t.database.db, { userId: adminId }, async (tx) => {
      const small = await generateDemoWorkspace(tx, {
        adminUserId: adminId,
        scale: 0.05,
        locale: 'en',
        seed: 3,
        now: t.clock.now(),
      });
      const [after] = (
        await tx.execute<{ audit: string | null }>(sql`select current_setting('app.audit', true) as audit`)
      ).rows;
      await tx.update(workspaces).set({ name: 'Renamed demo' }).where(sql`${workspaces.id} = ${small.id}`);
      return { workspace: small, setting: after?.audit };
    });
    expect(setting ?? '').toBe('');
    const entries = await rows<{ entity: string; action: string }>(
      sql`select entity, action from audit_log where workspace_id = ${workspace.id}`,
    );
    expect(entries).toEqual([{ entity: 'workspaces', action: 'update' }]);
  });

  it('is what the admin sees through the API', async () => {
    const token = await asSystem(t.database.db, {}, async (tx) => {
      const actor = { userId: adminId, workspaceId: ru.id, role: 'admin' as const };
      return (await createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo test' })).token;
    });
    const api = new ApiClient(t.app, { token }, 'ru');
    const list = await api.get('/api/v1/accounts?limit=500');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(200);
    expect(list.body.nextCursor).toBeNull();
    const facets = await api.get('/api/v1/accounts/facets');
    expect(facets.body.total).toBe(200);
    expect(facets.body.owners.length).toBeGreaterThanOrEqual(5);
    const keyAccounts = await api.get('/api/v1/accounts?status=key');
    expect(keyAccounts.body.items).toHaveLength(8);
    const account = keyAccounts.body.items[0];
    const found = await api.get(`/api/v1/accounts?q=${encodeURIComponent(account.name)}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toContain(account.id);
    const people = await api.get(`/api/v1/contacts?accountId=${account.id}&limit=500`);
    const [stored] = await rows<{ count: number }>(
      sql`select count(*)::int as count from contacts where workspace_id = ${ru.id} and account_id = ${account.id}`,
    );
    expect(people.status).toBe(200);
    expect(people.body.items).toHaveLength(stored?.count ?? -1);
    const fields = await api.get('/api/v1/custom-fields');
    expect(fields.body.items.map((field: { key: string }) => field.key)).toEqual(
      expect.arrayContaining(['region', 'first_contract_date', 'annual_budget', 'framework_agreement', 'birthday']),
    );
  });

  /** The generated rows without ids: references become the names they point to. */
  async function fingerprint(workspaceId: string): Promise<Record<string, string>> {
    const digest = async (query: SQL) => {
      const [row] = await rows<{ digest: string }>(query);
      return row?.digest ?? '';
    };
    return {
      users: await digest(sql`select md5(string_agg(row(u.name, m.role, split_part(u.email, '@', 1), u.locale)::text,
        E'\n' order by u.name, m.role, u.email)) as digest
        from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId}`),
      customFields: await digest(sql`select md5(string_agg(row(entity, key, label_en, label_ru, type, options,
        position)::text, E'\n' order by entity, position)) as digest
        from custom_field_definitions where workspace_id = ${workspaceId}`),
      accounts: await digest(sql`select md5(string_agg(row(a.name, a.legal_name, a.tax_id, a.website, a.domain,
        a.industry, a.segment, a.status, o.name, p.name, a.currency, a.tags, a.custom, a.notes, a.created_at,
        a.updated_at)::text, E'\n' order by a.name)) as digest
        from accounts a join users o on o.id = a.owner_id
        left join accounts p on p.workspace_id = a.workspace_id and p.id = a.parent_id
        where a.workspace_id = ${workspaceId}`),
      teams: await digest(sql`select md5(string_agg(row(a.name, u.name, t.role)::text, E'\n'
        order by a.name, u.name)) as digest
        from account_team_members t join accounts a on a.workspace_id = t.workspace_id and a.id = t.account_id
        join users u on u.id = t.user_id where t.workspace_id = ${workspaceId}`),
      contacts: await digest(sql`select md5(string_agg(line, E'\n' order by line)) as digest from (
        select row(a.name, c.full_name, c.title, c.department, c.emails, c.phones, c.messengers, m.full_name,
          m.title, c.notes, c.custom, c.created_at, c.updated_at)::text as line
        from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        left join contacts m on m.workspace_id = c.workspace_id and m.id = c.reports_to_id
        where c.workspace_id = ${workspaceId}) as lines`),
    };
  }
});
