import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/support/test-app';
import { asSystem } from '../../platform/db/client';
import { newId } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { createUser } from '../users';
import { createWorkspace } from '../workspaces';
import { BatchInserter, insertAll } from './batch-insert';

describe('batch insert', () => {
  const t = useTestApp();

  it('stores every kind of value as it was given, across several statements', async () => {
    const tricky = ['quote " and \\ backslash', 'braces {a,b}', 'comma, semicolon;', 'NULL', '', 'Ёлка «ёж»'];
    const stored = await asSystem(t.database.db, {}, async (tx) => {
      const user = await createUser(tx, {
        email: 'batch@example.com',
        name: 'Batch',
        password: 'correct horse battery',
      });
      const workspace = await createWorkspace(tx, { name: 'Batch' }, { userId: user.id });
      const accountId = newId();
      await insertAll(tx, accounts, [
        {
          workspaceId: workspace.id,
          id: accountId,
          name: 'Ромашка',
          ownerId: user.id,
          currency: 'RUB',
          tags: tricky,
          custom: { text: tricky[0], list: [1, null, 'два'], nested: { yes: true } },
        },
      ]);
      const inserter = new BatchInserter(tx, contacts);
      const createdAt = new Date('2026-01-02T03:04:05.678Z');
      const bossId = newId();
      // NOTE: a subordinate before the boss, in one group: they share a statement.
      await inserter.add(
        {
          workspaceId: workspace.id,
          id: newId(),
          accountId,
          firstName: '',
          lastName: tricky[0] as string,
          patronymic: null,
          emails: [],
          phones: tricky,
          messengers: [{ kind: 'telegram', handle: '@a"b\\c' }],
          reportsToId: bossId,
          createdAt,
        },
        {
          workspaceId: workspace.id,
          id: bossId,
          accountId,
          firstName: 'Пётр',
          lastName: 'Босс',
          patronymic: 'Иванович',
          emails: ['boss@example.com'],
          phones: [],
          messengers: [],
          reportsToId: null,
          createdAt,
        },
      );
      for (let index = 0; index < 12_000; index += 1) {
        await inserter.add({
          workspaceId: workspace.id,
          id: newId(),
          accountId,
          firstName: '',
          lastName: `Сотрудник ${index}`,
          patronymic: null,
          emails: [],
          phones: [],
          messengers: [],
          reportsToId: bossId,
          createdAt,
        });
      }
      await inserter.finish();
      const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
      const people = await tx.select().from(contacts).where(eq(contacts.accountId, accountId));
      return { account, people };
    });

    expect(stored.account?.tags).toEqual(tricky);
    expect(stored.account?.custom).toEqual({ text: tricky[0], list: [1, null, 'два'], nested: { yes: true } });
    expect(stored.account?.version).toBe(1);
    expect(stored.people).toHaveLength(12_002);
    const subordinate = stored.people.find((person) => person.lastName === tricky[0]);
    expect(subordinate).toMatchObject({
      phones: tricky,
      emails: [],
      patronymic: null,
      messengers: [{ kind: 'telegram', handle: '@a"b\\c' }],
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
    });
    const boss = stored.people.find((person) => person.lastName === 'Босс');
    expect(boss?.fullName).toBe('Босс Пётр Иванович');
    expect(subordinate?.reportsToId).toBe(boss?.id);
  });

  it('runs one statement at a time on a connection, however many inserters share it', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const count = await asSystem(t.database.db, {}, async (tx) => {
      const user = await createUser(tx, {
        email: 'turns@example.com',
        name: 'Turns',
        password: 'correct horse battery',
      });
      const workspace = await createWorkspace(tx, { name: 'Turns' }, { userId: user.id });
      // NOTE: the connection as the inserters see it, counting the statements it runs at once.
      const watched = new Proxy(tx, {
        get(target, property, receiver) {
          if (property !== 'execute') return Reflect.get(target, property, receiver);
          return async (query: Parameters<typeof tx.execute>[0]) => {
            running += 1;
            mostAtOnce = Math.max(mostAtOnce, running);
            try {
              return await target.execute(query);
            } finally {
              running -= 1;
            }
          };
        },
      });
      const first = new BatchInserter(watched, accounts);
      const second = new BatchInserter(watched, accounts);
      for (let index = 0; index < 12_000; index += 1) {
        const row = { workspaceId: workspace.id, id: newId(), name: `A${index}`, ownerId: user.id, currency: 'RUB' };
        await (index % 2 === 0 ? first : second).add(row);
      }
      await first.finish();
      await second.finish();
      return tx.$count(accounts, eq(accounts.workspaceId, workspace.id));
    });
    expect(count).toBe(12_000);
    expect(mostAtOnce).toBe(1);
  });

  it('fails the transaction with the database’s error', async () => {
    const attempt = asSystem(t.database.db, {}, async (tx) => {
      const inserter = new BatchInserter(tx, accounts);
      await inserter.add({ workspaceId: newId(), id: newId(), name: 'Orphan', ownerId: newId(), currency: 'RUB' });
      await inserter.finish();
    });
    // NOTE: 23503 is PostgreSQL's foreign_key_violation.
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23503' }) });
  });
});
