import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem, readAllPages } from '../../../tests/support/api-helpers';
import {
  importFile,
  importFixture,
  salesforceFixture,
  uploadImport,
  waitForImport,
} from '../../../tests/support/import-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { processImport } from './run-import';

describe('imports API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
  });

  const count = async (table: string) =>
    Number(
      (await t.query(`select count(*)::int as n from ${table} where workspace_id = $1`, [workspace.workspaceId]))[0]?.n,
    );

  describe('the Salesforce apex-recipes fixture, end to end', () => {
    let accountsImport: Record<string, unknown>;
    let contactsImport: Record<string, unknown>;

    beforeAll(async () => {
      accountsImport = await importFile(api, await salesforceFixture('Accounts.csv'), 'Accounts.csv');
      contactsImport = await importFile(api, await salesforceFixture('Contacts.csv'), 'Contacts.csv');
    });

    it('detects the source and imports 50 accounts and 150 contacts attached by @AccountRef', async () => {
      expect(accountsImport).toMatchObject({ source: 'salesforce', kind: 'accounts', status: 'completed' });
      expect(accountsImport).toMatchObject({ createdCount: 50, updatedCount: 0, failedCount: 0 });
      expect(contactsImport).toMatchObject({ source: 'salesforce', kind: 'contacts', status: 'completed' });
      expect(contactsImport).toMatchObject({ createdCount: 150, failedCount: 0 });
      const { items: contacts } = await readAllPages(api, '/api/v1/contacts?limit=100');
      const sinisbury = contacts.find((contact: { lastName: string }) => contact.lastName === 'Sinisbury');
      // NOTE: Contacts.csv's first row names @AccountRef10, the tenth row of Accounts.csv.
      expect(sinisbury).toMatchObject({
        firstName: 'Lianna',
        emails: ['lsinisbury0@dropbox.com'],
        title: 'Statistician I',
      });
      expect(sinisbury.account.name).toBe('Blogtags 78');
    });

    it('updates instead of duplicating when the same files are imported again', async () => {
      const again = await importFile(api, await salesforceFixture('Accounts.csv'), 'Accounts.csv');
      expect(again).toMatchObject({ createdCount: 0, unchangedCount: 50, failedCount: 0 });
      const contactsAgain = await importFile(api, await salesforceFixture('Contacts.csv'), 'Contacts.csv');
      expect(contactsAgain).toMatchObject({ createdCount: 0, unchangedCount: 150 });
      expect(await count('accounts')).toBe(50);
      expect(await count('contacts')).toBe(150);
    });

    it('exports lists that import back to the same data, here and into an empty workspace', async () => {
      const download = async (client: ApiClient, path: string) => {
        const response = await t.app.request(path, {
          headers: { authorization: `Bearer ${client.auth.token}`, 'accept-language': 'ru' },
        });
        expect(response.status).toBe(200);
        return new Uint8Array(await response.arrayBuffer());
      };
      const accountsCsv = await download(api, '/api/v1/exports/accounts?format=csv');
      expect([...accountsCsv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(accountsCsv)).toContain('Accord ID,Название,Юридическое название,ИНН');
      const contactsXlsx = await download(api, '/api/v1/exports/contacts?format=xlsx');
      const again = await importFile(api, accountsCsv, 'accounts.csv');
      expect(again).toMatchObject({ source: 'accord', kind: 'accounts', createdCount: 0, unchangedCount: 50 });
      const contactsAgain = await importFile(api, contactsXlsx, 'contacts.xlsx');
      expect(contactsAgain).toMatchObject({ source: 'accord', kind: 'contacts', createdCount: 0, unchangedCount: 150 });

      const empty = (await t.seedWorkspace('Restore')).users.admin.api;
      expect(await importFile(empty, accountsCsv, 'accounts.csv')).toMatchObject({ createdCount: 50, failedCount: 0 });
      expect(await importFile(empty, contactsXlsx, 'contacts.xlsx')).toMatchObject({
        createdCount: 150,
        failedCount: 0,
      });
      const strip = (items: Record<string, unknown>[]) =>
        items
          .map(({ lastName, firstName, emails, phones, title, account }) => ({
            lastName,
            firstName,
            emails,
            phones,
            title,
            account: (account as { name: string }).name,
          }))
          .sort((left, right) => JSON.stringify(left).localeCompare(JSON.stringify(right)));
      const original = (await readAllPages(api, '/api/v1/contacts?limit=100')).items;
      const copied = (await readAllPages(empty, '/api/v1/contacts?limit=100')).items;
      expect(strip(copied)).toEqual(strip(original));
    });

    it('writes the audit trail as the importing member', async () => {
      const rows = await t.query(
        `select count(*)::int as n from audit_log where workspace_id = $1 and entity = 'accounts' and action = 'insert' and actor_user_id = $2`,
        [workspace.workspaceId, workspace.users.manager.id],
      );
      expect(rows[0]?.n).toBe(50);
    });
  });

  describe('a Salesforce Data Loader export with hierarchy and hostile strings', () => {
    let otherApi: ApiClient;
    beforeAll(async () => {
      otherApi = (await t.seedWorkspace('Hierarchy')).users.head.api;
    });

    it('links parents and reports-to by 18-character ids and stores hostile text verbatim', async () => {
      const accounts = await importFile(otherApi, await importFixture('salesforce-accounts.csv'), 'accounts.csv');
      expect(accounts).toMatchObject({ status: 'completed', createdCount: 2, failedCount: 0 });
      const contacts = await importFile(otherApi, await importFixture('salesforce-contacts.csv'), 'contacts.csv');
      expect(contacts, JSON.stringify(contacts.problems)).toMatchObject({
        status: 'completed',
        createdCount: 2,
        failedCount: 0,
      });
      const list = (await otherApi.get('/api/v1/accounts?sort=name')).body.items;
      const parent = list.find((account: { name: string }) => account.name === 'Analytical Engines Ltd');
      const child = list.find((account: { name: string }) => account.name === 'Engines North');
      expect(child.parentId).toBe(parent.id);
      const parentDetail = (await otherApi.get(`/api/v1/accounts/${parent.id}`)).body;
      expect(parentDetail.notes).toBe("Robert'); DROP TABLE accounts;--");
      expect(parentDetail.website).toBe('https://engines.example.com');
      expect((await otherApi.get(`/api/v1/accounts/${child.id}`)).body.notes).toBe(
        '<img src=x onerror=alert(1)> مرحبا 👋',
      );
      const people = (await otherApi.get('/api/v1/contacts?sort=fullName')).body.items;
      const ada = people.find((contact: { lastName: string }) => contact.lastName === 'Lovelace');
      const charles = people.find((contact: { lastName: string }) => contact.lastName === 'Babbage');
      expect(charles.reportsToId).toBe(ada.id);
    });
  });

  describe('Bitrix24 in Russian: detection, dry run, run, undo', () => {
    let ruApi: ApiClient;
    let ruAdminId: string;
    beforeAll(async () => {
      const bitrix = await t.seedWorkspace('Битрикс');
      ruApi = bitrix.users.admin.api.inLanguage('ru');
      ruAdminId = bitrix.users.admin.id;
    });

    it('reads a windows-1251 file, reports a bad INN in Russian, imports the rest and undoes it all', async () => {
      const existing = await createAccount(ruApi, { name: 'АО Вектор', industry: 'Прежняя отрасль' });
      const draft = await uploadImport(ruApi, await importFixture('bitrix24-companies-1251.csv'), 'companies.csv');
      expect(draft).toMatchObject({
        format: 'csv',
        encoding: 'windows-1251',
        delimiter: ';',
        source: 'bitrix24',
        kind: 'accounts',
      });
      expect(draft.mapping).toMatchObject({
        ID: 'externalId',
        'Название компании': 'name',
        ИНН: 'taxId',
        'Веб-сайт': 'website',
      });
      // The user maps «Сфера деятельности» by hand and drops «Тип компании».
      const { 'Тип компании': _type, ...mapping } = draft.mapping;
      const patched = await ruApi.patch(`/api/v1/imports/${draft.id}`, {
        mapping: { ...mapping, 'Сфера деятельности': 'industry', Комментарий: 'notes' },
      });
      expect(patched.status).toBe(200);

      const preview = await ruApi.get(`/api/v1/imports/${draft.id}/preview`);
      expect(preview.body.rows[0].values).toMatchObject({
        name: 'ООО «Ромашка»',
        taxId: '7707083893',
        industry: 'Производство',
      });

      const check = await ruApi.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(check.body).toMatchObject({ totalRows: 3, validRows: 3, toCreate: 3, toUpdate: 0, problems: [] });

      const run = await ruApi.post(`/api/v1/imports/${draft.id}/run`);
      expect(run.status).toBe(202);
      const done = await waitForImport(ruApi, draft.id);
      expect(done).toMatchObject({ status: 'completed', createdCount: 3 });
      const names = (await ruApi.get('/api/v1/accounts?sort=name&limit=50')).body.items.map(
        (a: { name: string }) => a.name,
      );
      expect(names).toEqual(['АО Вектор', 'АО Вектор', 'ИП Ёлкин', 'ООО «Ромашка»']);

      const undo = await ruApi.post(`/api/v1/imports/${draft.id}/undo`);
      expect(undo.body.status).toBe('undone');
      const after = (await ruApi.get('/api/v1/accounts?limit=50')).body.items;
      expect(after.map((account: { id: string }) => account.id)).toEqual([existing.id]);
      expectProblem(await ruApi.post(`/api/v1/imports/${draft.id}/undo`), 409);
    });

    it('names the column of a reference that leads nowhere, in the dry run and in the run', async () => {
      const csv = 'ID;Фамилия;ID компании;ID руководителя\nP1;Ловелас;NOWHERE;\nP2;Бэббидж;NOWHERE;P9\n';
      const file = new TextEncoder().encode(csv);
      const draft = await uploadImport(ruApi, file, 'people.csv', 'kind=contacts&source=generic');
      const check = await ruApi.post(`/api/v1/imports/${draft.id}/dry-run`);
      const columns = (problems: Json[]) => problems.map((item: Json) => [item.row, item.column]);
      expect(columns(check.body.problems)).toEqual([
        [2, 'ID компании'],
        [3, 'ID компании'],
        [3, 'ID руководителя'],
      ]);
      await createAccount(ruApi, { name: 'Компания людей' });
      t.clock.advance(60_000);
      const people = await importFile(
        ruApi,
        new TextEncoder().encode(
          'ID;Фамилия;Компания;ID компании;ID руководителя\nP1;Ловелас;Компания людей;;P9\nP2;Бэббидж;;NOWHERE;\n',
        ),
        'people.csv',
        'kind=contacts&source=generic',
      );
      expect(columns(people.problems)).toEqual([
        [3, 'ID компании'],
        [2, 'ID руководителя'],
      ]);
      // The history lists both, newest first, with their counts and who uploaded them.
      const history = await ruApi.get('/api/v1/imports?limit=2');
      expect(history.body.items).toEqual([
        expect.objectContaining({
          id: people.id,
          fileName: 'people.csv',
          status: 'completed',
          createdCount: people.createdCount,
          unchangedCount: people.unchangedCount,
          failedCount: people.failedCount,
          createdBy: { id: ruAdminId, name: expect.any(String) },
        }),
        expect.objectContaining({ id: draft.id, status: 'draft', totalRows: 2 }),
      ]);
      expect((await ruApi.post(`/api/v1/imports/${people.id}/undo`)).status).toBe(200);
    });

    it('lists bad rows with the reason, in the reader’s language, also as CSV', async () => {
      const csv = 'ID;Название компании;ИНН;\n1;Рога и копыта;7707083894;\n2;;;\n3;Норма;;\n';
      const draft = await uploadImport(ruApi, new TextEncoder().encode(csv), 'bad.csv');
      const check = await ruApi.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(check.body).toMatchObject({ totalRows: 3, validRows: 1 });
      expect(check.body.problems).toEqual([
        {
          row: 2,
          column: 'ИНН',
          message: expect.objectContaining({
            ru: 'У этого ИНН неверная контрольная цифра: проверьте, нет ли опечатки.',
          }),
        },
        expect.objectContaining({ row: 3, column: 'Название компании' }),
      ]);
      const file = await ruApi.get(`/api/v1/imports/${draft.id}/problems`);
      expect(file.headers.get('content-type')).toContain('text/csv');
      expect(String(file.body)).toContain('Строка,Столбец,Ошибка');
      expect(String(file.body)).toContain(
        '2,ИНН,"У этого ИНН неверная контрольная цифра: проверьте, нет ли опечатки."',
      );
    });

    it('attaches contacts to companies by name, creating the missing ones, and undoes both', async () => {
      const before = await count('accounts');
      const done = await importFile(ruApi, await importFixture('amocrm-contacts.csv'), 'amo.csv');
      expect(done).toMatchObject({ source: 'amocrm', kind: 'contacts', createdCount: 1, failedCount: 0 });
      const contact = (await ruApi.get('/api/v1/contacts?q=Петров')).body.items[0];
      expect(contact).toMatchObject({
        lastName: 'Петров',
        firstName: 'Пётр',
        phones: ['+7 900 100-00-01', '+7 900 100-00-02'],
      });
      expect(contact.account.name).toBe('ООО «Ромашка»');
      await ruApi.post(`/api/v1/imports/${done.id}/undo`);
      expect(await count('accounts')).toBe(before);
    });
  });

  describe('a run that dies between batches', () => {
    it('keeps whole batches only, reports the stale run as interrupted and resumes it without duplicates', async () => {
      const seeded = await t.seedWorkspace('Crash');
      const admin = seeded.users.admin;
      const csv = 'ID,Название компании\n1,Первая\n2,Вторая\n3,Третья\n';
      const draft = await uploadImport(admin.api, new TextEncoder().encode(csv), 'crash.csv');
      await t.query(`update imports set status = 'running', heartbeat_at = $2 where id = $1`, [
        draft.id,
        new Date(t.clock.now().getTime() - 120_000),
      ]);
      const actor = { userId: admin.id, workspaceId: seeded.workspaceId, role: 'admin' as const };
      // NOTE: the process "dies" right after the first batch commits.
      await expect(
        processImport(t.deps.db, actor, draft.id, {
          batchSize: 1,
          now: t.clock.now,
          onProgress: () => {
            throw new Error('killed');
          },
        }),
      ).rejects.toThrow('killed');
      await t.query(`update imports set status = 'running', heartbeat_at = $2 where id = $1`, [
        draft.id,
        new Date(t.clock.now().getTime() - 120_000),
      ]);
      const stale = (await admin.api.get(`/api/v1/imports/${draft.id}`)).body;
      expect(stale).toMatchObject({ status: 'running', interrupted: true, processedRows: 1, createdCount: 1 });
      expect((await admin.api.post(`/api/v1/imports/${draft.id}/run`)).status).toBe(202);
      const resumed = await waitForImport(admin.api, draft.id);
      expect(resumed).toMatchObject({ status: 'completed', createdCount: 3, interrupted: false });
      const names = (await admin.api.get('/api/v1/accounts?sort=name')).body.items.map((a: { name: string }) => a.name);
      expect(names).toEqual(['Вторая', 'Первая', 'Третья']);
    });
  });

  describe('access and input', () => {
    it('refuses specialists, finance and viewers', async () => {
      for (const role of ['specialist', 'finance', 'viewer'] as const) {
        const response = await workspace.users[role].api.post(
          '/api/v1/imports?fileName=a.csv',
          new TextEncoder().encode('a\n1\n'),
        );
        expectProblem(response, 403);
      }
    });

    it('answers 400 naming the file for an empty or unreadable upload', async () => {
      const response = await api.post('/api/v1/imports?fileName=empty.csv', new TextEncoder().encode('name\n'));
      expectProblem(response, 400, ['file']);
    });

    it('answers 400 naming the mapping entry for an unknown column or a field of another kind', async () => {
      const draft = await uploadImport(api, new TextEncoder().encode('Name,Website\nA,a.com\n'), 'a.csv');
      expectProblem(await api.patch(`/api/v1/imports/${draft.id}`, { mapping: { Nope: 'name' } }), 400, [
        'mapping.Nope',
      ]);
      expectProblem(await api.patch(`/api/v1/imports/${draft.id}`, { mapping: { Name: 'email' } }), 400, [
        'mapping.Name',
      ]);
    });

    it('saves mapping presets per workspace', async () => {
      const saved = await api.post('/api/v1/import-presets', {
        name: 'Bitrix companies',
        kind: 'accounts',
        source: 'bitrix24',
        mapping: { 'Название компании': 'name' },
      });
      expect(saved.status).toBe(201);
      expect((await api.get('/api/v1/import-presets')).body.items.map((p: { name: string }) => p.name)).toEqual([
        'Bitrix companies',
      ]);
      expectProblem(
        await api.post('/api/v1/import-presets', {
          name: 'Bitrix companies',
          kind: 'accounts',
          source: 'generic',
          mapping: {},
        }),
        409,
        ['name'],
      );
      expect((await api.delete(`/api/v1/import-presets/${saved.body.id}`)).status).toBe(204);
    });
  });
});
