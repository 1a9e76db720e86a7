import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem } from '../../../tests/support/api-helpers';
import { uploadImport, waitForImport } from '../../../tests/support/import-helpers';
import type { ApiClient, Json } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('imports: rows that look like records Accord has', () => {
  const t = useTestApp();
  let api: ApiClient;
  let workspaceId: string;

  beforeAll(async () => {
    const workspace = await t.seedWorkspace('Дубли');
    api = workspace.users.admin.api.inLanguage('ru');
    workspaceId = workspace.workspaceId;
  });

  const accountCount = async () =>
    Number((await t.query('select count(*)::int as n from accounts where workspace_id = $1', [workspaceId]))[0]?.n);
  const upload = (text: string, name: string) => uploadImport(api, new TextEncoder().encode(text), name);

  it('proposes companies by INN, website domain and a similar name; merges the chosen rows and keeps the rest', async () => {
    const byInn = await createAccount(api, { name: 'Ромашка', taxId: '7707083893' });
    const byDomain = await createAccount(api, { name: 'Вектор', website: 'vector.ru' });
    const byName = await createAccount(api, { name: 'Издательство «Глобус»' });
    const csv = [
      'ID;Название компании;ИНН;Веб-сайт;',
      '1;ООО «Ромашка»;7707083893;;',
      '2;АО Вектор;;https://www.vector.ru/contacts;',
      '3;Издательство Глобус;;;',
      '4;Совсем новая компания;;;',
      '',
    ].join('\n');
    const draft = await upload(csv, 'companies.csv');
    const check = (await api.post(`/api/v1/imports/${draft.id}/dry-run`)).body;
    expect(check).toMatchObject({ toCreate: 4, toUpdate: 0 });
    expect(check.duplicates.total).toBe(3);
    expect(
      check.duplicates.proposals.map((proposal: Json) => [proposal.row, proposal.reason, proposal.record.id]),
    ).toEqual([
      [2, 'taxId', byInn.id],
      [3, 'domain', byDomain.id],
      [4, 'name', byName.id],
    ]);
    expect(check.duplicates.proposals[2].similarity).toBeGreaterThanOrEqual(0.6);

    expectProblem(
      await api.patch(`/api/v1/imports/${draft.id}`, { merges: { '1': '01890000-0000-7000-8000-000000000000' } }),
      400,
      ['merges.1'],
    );
    const patched = await api.patch(`/api/v1/imports/${draft.id}`, { merges: { '1': byInn.id, '2': byDomain.id } });
    expect(patched.body.merges).toEqual({ '1': byInn.id, '2': byDomain.id });
    expect((await api.post(`/api/v1/imports/${draft.id}/dry-run`)).body).toMatchObject({ toCreate: 2, toUpdate: 2 });

    const before = await accountCount();
    expect((await api.post(`/api/v1/imports/${draft.id}/run`)).status).toBe(202);
    expect(await waitForImport(api, draft.id)).toMatchObject({ status: 'completed', createdCount: 2, updatedCount: 2 });
    expect(await accountCount()).toBe(before + 2);
    expect((await api.get(`/api/v1/accounts/${byInn.id}`)).body.name).toBe('ООО «Ромашка»');

    // The merged rows now carry their external ids: the same file again changes nothing.
    const again = await upload(csv, 'companies.csv');
    const recheck = (await api.post(`/api/v1/imports/${again.id}/dry-run`)).body;
    expect(recheck).toMatchObject({ toCreate: 0, toUpdate: 4 });
    expect(recheck.duplicates.total).toBe(0);

    // Undoing the first import restores the merged record as it was.
    expect((await api.post(`/api/v1/imports/${draft.id}/undo`)).body.status).toBe('undone');
    expect((await api.get(`/api/v1/accounts/${byInn.id}`)).body.name).toBe('Ромашка');
    expect(await accountCount()).toBe(before);
  });

  it('proposes a person with a shared e-mail, and forgets the choices when the file is read as another kind', async () => {
    const account = await createAccount(api, { name: 'Контакты' });
    const known = await createContact(api, account.id, {
      lastName: 'Сидорова',
      firstName: 'Анна',
      emails: ['anna@example.ru'],
    });
    const csv = [
      'ID;Фамилия;Имя;E-mail;Компания;',
      '7;Сидорова-Петрова;Анна;anna@example.ru;Контакты;',
      '8;Незнакомов;Пётр;petr@example.ru;Контакты;',
      '',
    ].join('\n');
    const draft = await upload(csv, 'contacts.csv');
    expect(draft.kind).toBe('contacts');
    const check = (await api.post(`/api/v1/imports/${draft.id}/dry-run`)).body;
    expect(check.duplicates.proposals).toEqual([
      expect.objectContaining({
        row: 2,
        externalId: '7',
        reason: 'email',
        record: { id: known.id, name: known.fullName },
      }),
    ]);
    await api.patch(`/api/v1/imports/${draft.id}`, { merges: { '7': known.id } });
    expect((await api.patch(`/api/v1/imports/${draft.id}`, { kind: 'accounts' })).body.merges).toEqual({});
  });
});
