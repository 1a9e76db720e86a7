import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, accountTeamMembers } from '../../src/modules/accounts';
import { listAccounts } from '../../src/modules/accounts/list-accounts';
import { auditLog } from '../../src/modules/audit';
import { apiTokens } from '../../src/modules/auth';
import { contacts } from '../../src/modules/contacts';
import { customFieldDefinitions } from '../../src/modules/custom-fields';
import { users } from '../../src/modules/users';
import { memberships, workspaces } from '../../src/modules/workspaces';
import { type Executor, inWorkspace } from '../../src/platform/db/client';
import { createAccount, createContact } from '../support/api-helpers';
import type { SeededWorkspace } from '../support/test-app';
import { useTestApp } from '../support/test-app';

// NOTE: these queries leave out the workspace filter on purpose: row-level security alone must
// keep each workspace's rows to itself, should a use case ever forget its own filter.
describe('row-level security', () => {
  const t = useTestApp();
  let a: SeededWorkspace;
  let b: SeededWorkspace;
  let accountOfA: string;
  let accountOfB: string;

  beforeAll(async () => {
    a = await t.seedWorkspace('A');
    b = await t.seedWorkspace('B');
    const accountA = await createAccount(a.users.admin.api, {
      name: 'Аккаунт A',
      team: [{ userId: a.users.manager.id, role: 'manager' }],
    });
    const accountB = await createAccount(b.users.admin.api, {
      name: 'Аккаунт B',
      team: [{ userId: b.users.manager.id, role: 'manager' }],
    });
    accountOfA = accountA.id;
    accountOfB = accountB.id;
    await createContact(a.users.admin.api, accountOfA, { lastName: 'Альфа' });
    await createContact(b.users.admin.api, accountOfB, { lastName: 'Бета' });
    for (const workspace of [a, b]) {
      const response = await workspace.users.admin.api.post('/api/v1/custom-fields', {
        entity: 'account',
        key: 'region',
        labelEn: 'Region',
        labelRu: 'Регион',
        type: 'text',
      });
      expect(response.status).toBe(201);
    }
  });

  /** The PostgreSQL error under Drizzle's "Failed query" wrapper. */
  async function databaseError(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return String((error as { cause?: { message?: string } }).cause?.message ?? error);
    }
    throw new Error('the statement succeeded');
  }

  const inA = <T>(work: (tx: Executor) => Promise<T>) =>
    inWorkspace(t.deps.db, { workspaceId: a.workspaceId, userId: a.users.admin.id }, work);

  it('shows only the workspace’s own rows to a query without a workspace filter', async () => {
    await inA(async (tx) => {
      const visibleAccounts = await tx.select().from(accounts);
      expect(visibleAccounts.map((row) => row.id)).toEqual([accountOfA]);
      for (const table of [accountTeamMembers, contacts, customFieldDefinitions, memberships, apiTokens, auditLog]) {
        const rows = await tx.select({ workspaceId: table.workspaceId }).from(table);
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((row) => row.workspaceId))).toEqual(new Set([a.workspaceId]));
      }
      const visibleWorkspaces = await tx.select({ id: workspaces.id }).from(workspaces);
      expect(visibleWorkspaces).toEqual([{ id: a.workspaceId }]);
    });
    const everything = await t.query('select count(distinct workspace_id)::int as workspaces from accounts');
    expect(everything[0]?.workspaces).toBe(2);
  });

  it('shows only the workspace’s members among users, and never a password hash', async () => {
    await inA(async (tx) => {
      const visible = await tx.select({ id: users.id }).from(users);
      expect(new Set(visible.map((row) => row.id))).toEqual(new Set(Object.values(a.users).map((user) => user.id)));
      expect(await databaseError(tx.execute(sql`select password_hash from users`))).toMatch(/permission denied/);
    });
  });

  it('refuses to insert a row carrying another workspace’s id', async () => {
    expect(
      await databaseError(
        inA((tx) =>
          tx
            .insert(accounts)
            .values({ workspaceId: b.workspaceId, name: 'Подброс', ownerId: b.users.admin.id, currency: 'RUB' }),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await databaseError(
        inA((tx) =>
          tx.insert(contacts).values({ workspaceId: b.workspaceId, accountId: accountOfB, lastName: 'Подброс' }),
        ),
      ),
    ).toMatch(/row-level security/);
    const planted = await t.query("select count(*)::int as count from accounts where name = 'Подброс'");
    expect(planted[0]?.count).toBe(0);
  });

  it('cannot change, move or delete another workspace’s rows', async () => {
    await inA(async (tx) => {
      const renamed = await tx
        .update(accounts)
        .set({ name: 'Захвачен' })
        .where(sql`true`)
        .returning({ id: accounts.id });
      expect(renamed.map((row) => row.id)).toEqual([accountOfA]);
      const removed = await tx.delete(contacts).where(sql`true`).returning({ workspaceId: contacts.workspaceId });
      expect(removed.every((row) => row.workspaceId === a.workspaceId)).toBe(true);
      await tx.execute(sql`savepoint move`);
      expect(
        await databaseError(
          tx.execute(sql`update accounts set workspace_id = ${b.workspaceId} where id = ${accountOfA}`),
        ),
      ).toMatch(/row-level security/);
      await tx.execute(sql`rollback to savepoint move`);
    });
    const [accountB] = await t.query('select name from accounts where id = $1', [accountOfB]);
    expect(accountB?.name).toBe('Аккаунт B');
    const contactsOfB = await t.query('select count(*)::int as count from contacts where workspace_id = $1', [
      b.workspaceId,
    ]);
    expect(contactsOfB[0]?.count).toBe(1);
  });

  it('does not let the app role rewrite or erase the audit log', async () => {
    await inA(async (tx) => {
      await tx.execute(sql`savepoint audit`);
      expect(await databaseError(tx.execute(sql`delete from audit_log`))).toMatch(/permission denied/);
      await tx.execute(sql`rollback to savepoint audit`);
      expect(await databaseError(tx.execute(sql`update audit_log set action = 'insert'`))).toMatch(/permission denied/);
    });
  });

  it('shows nothing when no workspace is set', async () => {
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'accord_app', true)`);
      expect(await tx.select().from(accounts)).toEqual([]);
      expect(await tx.select({ id: users.id }).from(users)).toEqual([]);
    });
  });

  it('searches without RLS (for its indexes) yet only within the workspace, then restores the app role', async () => {
    const ofA = await createAccount(a.users.admin.api, { name: 'Общее имя' });
    const ofB = await createAccount(b.users.admin.api, { name: 'Общее имя' });
    const actor = { userId: a.users.admin.id, workspaceId: a.workspaceId, role: 'admin' as const };
    const after = await inWorkspace(t.database.db, actor, async (tx) => {
      const page = await listAccounts({ db: tx, actor, now: new Date() }, { q: 'общее', total: true });
      const role = await tx.execute<{ role: string }>(sql`select current_user as role`);
      const visible = await tx.select({ id: accounts.id }).from(accounts);
      return { page, role: role.rows[0]?.role, visible: visible.map((row) => row.id) };
    });
    expect(after.page.items.map((item) => item.id)).toEqual([ofA.id]);
    expect(after.page.total).toBe(1);
    expect(after.role).toBe('accord_app');
    expect(after.visible).not.toContain(ofB.id);
    const fromB = await b.users.admin.api.get(`/api/v1/contacts?q=${encodeURIComponent('Альфа')}`);
    expect(fromB.body.items).toEqual([]);
  });
});
