import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../../tests/support/api-helpers';
import { importFile, importFixture, uploadImport, waitForImport } from '../../../tests/support/import-helpers';
import type { ApiClient, Json } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('importing activities and KPI values', () => {
  const t = useTestApp();

  const run = async (api: ApiClient, id: string) => {
    const started = await api.post(`/api/v1/imports/${id}/run`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return waitForImport(api, id);
  };

  describe('a Bitrix24 «Дела» export', () => {
    let api: ApiClient;
    let account: Json;
    let ivanov: Json;

    beforeAll(async () => {
      api = (await t.seedWorkspace('Activities')).users.manager.api;
      account = await createAccount(api, { name: 'ООО «Ромашка»' });
      ivanov = await createContact(api, account.id, { lastName: 'Иванов', firstName: 'Иван' });
    });

    const activities = async () => (await api.get(`/api/v1/accounts/${account.id}/interactions`)).body.items as Json[];

    it('checks, imports, re-imports without change (its own export too), lists the bad row as CSV and undoes', async () => {
      const draft = await uploadImport(api, await importFixture('bitrix24-activities.csv'), 'Дела.csv');
      expect(draft).toMatchObject({ kind: 'interactions' });
      const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(check.body).toMatchObject({ totalRows: 3, validRows: 2, toCreate: 2, toUpdate: 0 });
      expect(check.body.problems.map((item: Json) => [item.row, item.column])).toEqual([[4, 'Тема']]);

      const first = await run(api, draft.id);
      expect(first).toMatchObject({ status: 'completed', createdCount: 2, failedCount: 1 });
      const stored = await activities();
      expect(stored.map((item) => [item.kind, item.subject, item.status]).sort()).toEqual([
        ['call', 'Звонок по счёту', 'held'],
        ['meeting', 'Встреча в офисе', 'held'],
      ]);
      const call = stored.find((item) => item.kind === 'call') as Json;
      expect(call.occurredAt).toBe('2025-11-26T14:30:00.000Z');
      expect(call.summary).toBe('Обсудили оплату');
      expect(call.contacts.map((contact: Json) => contact.id)).toEqual([ivanov.id]);

      const csv = await api.inLanguage('ru').get(`/api/v1/imports/${draft.id}/problems`);
      expect(String(csv.body)).toContain('4,Тема,Не может быть пустым.');

      const again = await importFile(api, await importFixture('bitrix24-activities.csv'), 'Дела.csv');
      expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 2, failedCount: 1 });
      expect(await activities()).toHaveLength(2);

      const exported = await api.get(`/api/v1/exports/interactions?accountId=${account.id}`);
      expect(exported.status).toBe(200);
      const back = await importFile(api, new TextEncoder().encode(String(exported.body)), 'interactions.csv');
      expect(back, JSON.stringify(back.problems)).toMatchObject({
        kind: 'interactions',
        source: 'accord',
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 2,
        failedCount: 0,
      });

      const undone = await api.post(`/api/v1/imports/${draft.id}/undo`);
      expect(undone.status, JSON.stringify(undone.body)).toBe(200);
      expect(await activities()).toHaveLength(0);
    });
  });

  describe('the responsible person of an activity', () => {
    it('is our person on it: a member by name or e-mail, moved by a re-import, back after undo', async () => {
      const workspace = await t.seedWorkspace('Responsible');
      const { manager, head } = workspace.users;
      const api = manager.api;
      const company = await createAccount(api, { name: 'ООО «Лютик»' });
      const file = (owner: string) =>
        new TextEncoder().encode(
          `ID;Тип;Тема;Дата начала;Компания;Ответственный;\r\n201;Звонок;Звонок по договору;26.11.2025 14:30;ООО «Лютик»;${owner};\r\n`,
        );
      const ours = async () =>
        ((await api.get(`/api/v1/accounts/${company.id}/interactions`)).body.items as Json[]).map((item) =>
          (item.users as Json[]).map((user) => user.id),
        );
      const reversed = manager.name.split(' ').reverse().join(' ');
      const draft = await uploadImport(api, file(reversed), 'Дела.csv', 'kind=interactions&source=bitrix24');
      expect(Object.values(draft.mapping)).toContain('owner');
      expect(await run(api, draft.id)).toMatchObject({ createdCount: 1, failedCount: 0 });
      expect(await ours()).toEqual([[manager.id]]);

      const unknown = await uploadImport(api, file('Кто-то Другой'), 'Дела.csv', 'kind=interactions&source=bitrix24');
      expect((await api.post(`/api/v1/imports/${unknown.id}/dry-run`)).body.unknownOwners).toEqual(['Кто-то Другой']);
      expect(await run(api, unknown.id)).toMatchObject({ unchangedCount: 1 });
      expect(await ours()).toEqual([[manager.id]]);

      const moved = await importFile(api, file(head.email), 'Дела.csv', 'kind=interactions&source=bitrix24');
      expect(moved).toMatchObject({ updatedCount: 1 });
      expect(await ours()).toEqual([[head.id]]);
      expect((await api.post(`/api/v1/imports/${moved.id}/undo`)).status).toBe(200);
      expect(await ours()).toEqual([[manager.id]]);
    });
  });

  describe('a Salesforce Task export after its accounts and contacts', () => {
    let api: ApiClient;

    beforeAll(async () => {
      api = (await t.seedWorkspace('Salesforce tasks')).users.head.api;
      expect(await importFile(api, await importFixture('salesforce-accounts.csv'), 'a.csv')).toMatchObject({
        createdCount: 2,
      });
      expect(await importFile(api, await importFixture('salesforce-contacts.csv'), 'c.csv')).toMatchObject({
        createdCount: 2,
      });
    });

    it('finds the company by AccountId, WhatId or the person, and stores an unknown type as a note with a notice', async () => {
      const done = await importFile(api, await importFixture('salesforce-tasks.csv'), 'Task.csv');
      expect(done, JSON.stringify(done.problems)).toMatchObject({ createdCount: 3, failedCount: 0 });
      expect(done.problems).toEqual([expect.objectContaining({ row: 4, column: 'Type', notice: true })]);
      const accounts = (await api.get('/api/v1/accounts?sort=name')).body.items as Json[];
      const engines = accounts.find((item) => item.name === 'Analytical Engines Ltd') as Json;
      const items = (await api.get(`/api/v1/accounts/${engines.id}/interactions`)).body.items as Json[];
      expect(items.map((item) => [item.subject, item.kind, item.contacts.length]).sort()).toEqual([
        ['Call about renewal', 'call', 1],
        ['Quarterly review', 'note', 0],
        ['Sent the proposal', 'email', 1],
      ]);
    });
  });

  describe('a sheet of KPI values', () => {
    let api: ApiClient;
    let account: Json;

    beforeAll(async () => {
      api = (await t.seedWorkspace('KPI values')).users.manager.api;
      account = await createAccount(api, { name: 'ООО «Ромашка»' });
    });

    const seriesOf = async () => (await api.get(`/api/v1/kpi-series?accountId=${account.id}`)).body.items as Json[];
    const pointsOf = async (seriesId: string) =>
      ((await api.get(`/api/v1/kpi-series/${seriesId}/points`)).body.items as Json[]).map((point) => [
        point.at,
        point.value,
      ]);

    it('writes through the series, corrects a stored value, changes nothing the second time, and undo puts it back', async () => {
      const created = await api.post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'revenue' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const revenue = created.body.id as string;
      await api.post(`/api/v1/kpi-series/${revenue}/points`, { points: [{ at: '2026-11-01', value: 999 }] });

      const draft = await uploadImport(api, await importFixture('kpi-values.csv'), 'kpi.csv');
      expect(draft).toMatchObject({ kind: 'kpiPoints' });
      const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
      // The value of November's revenue is stored already: an update, the other two are new.
      expect(check.body).toMatchObject({ totalRows: 5, validRows: 3, toCreate: 2, toUpdate: 1 });
      expect(check.body.problems.map((item: Json) => [item.row, item.column, item.message.en])).toEqual([
        [5, 'Значение', '“много” is not a number.'],
        [6, 'Единица', 'The unit “%” does not fit the metric, which is measured in count.'],
      ]);

      const first = await run(api, draft.id);
      expect(first, JSON.stringify([first.status, first.problems])).toMatchObject({
        createdCount: 2,
        updatedCount: 1,
        unchangedCount: 0,
        failedCount: 2,
      });
      expect(await pointsOf(revenue)).toEqual([
        [expect.stringMatching(/^2026-10-01/), 1_234_567.89],
        [expect.stringMatching(/^2026-11-01/), 1_300_000],
      ]);
      expect((await seriesOf()).map((series) => series.metricKey).sort()).toEqual(['ctr', 'revenue']);

      const second = await uploadImport(api, await importFixture('kpi-values.csv'), 'kpi.csv');
      const recheck = await api.post(`/api/v1/imports/${second.id}/dry-run`);
      expect(recheck.body).toMatchObject({ validRows: 3, toCreate: 0, toUpdate: 3 });
      const again = await importFile(api, await importFixture('kpi-values.csv'), 'kpi.csv');
      expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 3, failedCount: 2 });

      const undone = await api.post(`/api/v1/imports/${draft.id}/undo`);
      expect(undone.status, JSON.stringify(undone.body)).toBe(200);
      expect(await pointsOf(revenue)).toEqual([[expect.stringMatching(/^2026-11-01/), 999]]);
      expect((await seriesOf()).map((series) => series.metricKey)).toEqual(['revenue']);
      const audit = await t.query(
        `select count(*)::int as n from audit_log where entity = 'kpi_points' and action = 'delete' and entity_id = $1`,
        [revenue],
      );
      expect(audit[0]?.n).toBe(1);
    });

    it('finds the company by its INN when the sheet names it so', async () => {
      const bank = await createAccount(api, { name: 'Банк', taxId: '7707083893' });
      const csv = 'ИНН;Показатель;Месяц;Значение\n7707083893;Заказы;11.2026;12\n5001000002;Заказы;11.2026;3\n';
      const done = await importFile(api, new TextEncoder().encode(csv), 'inn.csv');
      expect(done).toMatchObject({ createdCount: 1, failedCount: 1 });
      expect(done.problems.map((item: Json) => [item.row, item.column, item.message.en])).toEqual([
        [3, 'ИНН', expect.stringContaining('5001000002')],
      ]);
      const series = (await api.get(`/api/v1/kpi-series?accountId=${bank.id}`)).body.items as Json[];
      expect(series.map((item) => item.metricKey)).toEqual(['orders']);
      expect(await pointsOf(series[0]?.id as string)).toEqual([[expect.stringMatching(/^2026-11-01/), 12]]);
    });

    it('reports the rows of a series a module fills itself, in the dry run', async () => {
      const [revenue] = (await seriesOf()).filter((series) => series.metricKey === 'revenue');
      await t.query(
        `update kpi_series set source = 'finance.invoiced_revenue', source_module = 'finance' where id = $1`,
        [revenue?.id],
      );
      const draft = await uploadImport(api, await importFixture('kpi-values.csv'), 'kpi.csv');
      const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(check.body).toMatchObject({ validRows: 1 });
      expect(check.body.problems.slice(0, 2).map((item: Json) => [item.row, item.column, item.message.en])).toEqual([
        [2, 'Показатель', 'The series “Revenue” is filled by Accord itself and takes no imported values.'],
        [3, 'Показатель', 'The series “Revenue” is filled by Accord itself and takes no imported values.'],
      ]);
    });
  });
});
