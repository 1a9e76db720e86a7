import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../tests/support/api-helpers';
import { uploadImport, waitForImport } from '../../../tests/support/import-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const encode = (text: string) => new TextEncoder().encode(text);

describe('owners of imported records', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
  });

  const run = async (id: string) => {
    const started = await api.post(`/api/v1/imports/${id}/run`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return waitForImport(api, id);
  };
  const ownersOf = async (table: 'accounts' | 'opportunities', titleColumn: 'name' | 'title') =>
    Object.fromEntries(
      (
        await t.query<{ title: string; owner_id: string }>(
          `select ${titleColumn} as title, owner_id from ${table} where workspace_id = $1`,
          [workspace.workspaceId],
        )
      ).map((row) => [row.title, row.owner_id]),
    );

  it('matches «Ответственный» to members by name in any word order or by e-mail, and lets the rest be chosen', async () => {
    const { head, manager, specialist } = workspace.users;
    const reversedHead = head.name.split(' ').reverse().join(' ');
    const file = [
      'ID;Название компании;Ответственный;',
      `1;Альфа;${reversedHead};`,
      `2;Бета;${manager.email.toUpperCase()};`,
      '3;Гамма;Мария Смирнова;',
      '4;Дельта;;',
      '',
    ].join('\r\n');
    const draft = await uploadImport(api, encode(file), 'company.csv', 'source=bitrix24&kind=accounts');
    expect(Object.values(draft.mapping)).toContain('owner');
    const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.unknownOwners).toEqual(['Мария Смирнова']);
    expect(check.body).toMatchObject({ validRows: 4, problems: [] });

    const stranger = await api.patch(`/api/v1/imports/${draft.id}`, {
      valueMappings: { owner: { 'Мария Смирнова': '00000000-0000-4000-8000-000000000000' } },
    });
    expectProblem(stranger, 400, ['valueMappings.owner.Мария Смирнова']);
    const chosen = await api.patch(`/api/v1/imports/${draft.id}`, {
      valueMappings: { owner: { 'Мария Смирнова': specialist.id } },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.valueMappings).toEqual({ owner: { 'Мария Смирнова': specialist.id } });

    expect(await run(draft.id)).toMatchObject({ status: 'completed', createdCount: 4, failedCount: 0 });
    expect(await ownersOf('accounts', 'name')).toEqual({
      Альфа: head.id,
      Бета: manager.id,
      Гамма: specialist.id,
      // NOTE: no owner in the file: the one who imports, as for a file without the column.
      Дельта: manager.id,
    });
  });

  it('moves an account to the owner an updated file names, keeps it where the owner is unknown, and undo moves it back', async () => {
    const { head, manager, specialist } = workspace.users;
    const file = [
      'ID;Название компании;Ответственный;',
      `1;Альфа;Кто-то Новый;`,
      `2;Бета;${head.email};`,
      '3;Гамма;Мария Смирнова;',
      '4;Дельта;;',
      '',
    ].join('\r\n');
    const draft = await uploadImport(api, encode(file), 'company.csv', 'source=bitrix24&kind=accounts');
    const done = await run(draft.id);
    expect(done).toMatchObject({ status: 'completed', createdCount: 0, updatedCount: 1, unchangedCount: 3 });
    const after = await ownersOf('accounts', 'name');
    expect(after).toMatchObject({ Альфа: head.id, Бета: head.id, Гамма: specialist.id, Дельта: manager.id });

    const undone = await api.post(`/api/v1/imports/${draft.id}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect((await ownersOf('accounts', 'name')).Бета).toBe(manager.id);
  });

  it('gives a deal to the member its owner column names', async () => {
    const { head } = workspace.users;
    const file = [
      'Deal ID,Deal Name,Associated Company,Deal Stage,Amount,Close Date,Deal owner',
      `D1,Поставка,Альфа,appointmentscheduled,1000,2026-12-01,${head.email}`,
      'D2,Сервис,Альфа,appointmentscheduled,2000,2026-12-01,Someone Else',
      '',
    ].join('\n');
    const draft = await uploadImport(api, encode(file), 'deals.csv', 'source=hubspot&kind=opportunities');
    expect(Object.values(draft.mapping)).toContain('owner');
    const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
    expect(check.body).toMatchObject({ validRows: 2, unknownOwners: ['Someone Else'] });
    expect(await run(draft.id)).toMatchObject({ status: 'completed', createdCount: 2 });
    const owners = await ownersOf('opportunities', 'title');
    expect(owners).toEqual({ Поставка: head.id, Сервис: workspace.users.manager.id });
  });
});
