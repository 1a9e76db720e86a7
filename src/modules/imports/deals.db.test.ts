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

describe('importing deals', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let stages: Json[];

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
    stages = (await api.get('/api/v1/pipeline-stages')).body.items;
  });

  const stageId = (key: string) => (stages.find((stage) => stage.key === key) as Json).id as string;
  const deals = async () => (await readAllPages(api, '/api/v1/opportunities?status=all')).items;
  const run = async (id: string) => {
    const started = await api.post(`/api/v1/imports/${id}/run`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    return waitForImport(api, id);
  };

  describe('the Salesforce apex-recipes fixture: 50 accounts, 150 contacts, 50 opportunities', () => {
    let dealsImport: Json;

    beforeAll(async () => {
      const accounts = await importFile(api, await salesforceFixture('Accounts.csv'), 'Accounts.csv');
      expect(accounts).toMatchObject({ createdCount: 50, failedCount: 0 });
      const contacts = await importFile(api, await salesforceFixture('Contacts.csv'), 'Contacts.csv');
      expect(contacts).toMatchObject({ createdCount: 150, failedCount: 0 });
    });

    it('names the stages the pipeline lacks in the dry run, then imports all 50 once one is mapped', async () => {
      const draft = await uploadImport(api, await salesforceFixture('Opportunities.csv'), 'Opportunities.csv');
      expect(draft).toMatchObject({ kind: 'opportunities', source: 'salesforce' });
      const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(check.status).toBe(200);
      expect(check.body.unknownStages).toEqual(['Assigned dynamically']);
      expect(check.body).toMatchObject({ totalRows: 50, validRows: 42, toCreate: 42 });
      expect(check.body.problems[0].message.en).toBe(
        'The stage “Assigned dynamically” is not in the pipeline; map it to one of its stages.',
      );

      const wrong = await api.patch(`/api/v1/imports/${draft.id}`, {
        valueMappings: { stage: { 'Assigned dynamically': '00000000-0000-4000-8000-000000000000' } },
      });
      expectProblem(wrong, 400, ['valueMappings.stage.Assigned dynamically']);
      const mapped = await api.patch(`/api/v1/imports/${draft.id}`, {
        valueMappings: { stage: { 'Assigned dynamically': stageId('qualify') } },
      });
      expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
      const checked = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
      expect(checked.body).toMatchObject({ validRows: 50, toCreate: 50, problems: [] });
      expect(checked.body.unknownStages).toEqual(['Assigned dynamically']);

      dealsImport = await run(draft.id);
      expect(dealsImport).toMatchObject({ status: 'completed', createdCount: 50, failedCount: 0 });
      const stored = await deals();
      expect(stored).toHaveLength(50);
      // NOTE: the first row names @AccountRef32, the 32nd row of Accounts.csv.
      const starling = stored.find((deal) => deal.title === 'Cape starling') as Json;
      expect(starling).toMatchObject({
        amountMinor: 11_937_334,
        currency: 'RUB',
        expectedCloseOn: '2020-12-22',
        stageId: stageId('discover'),
        probability: 25,
        closedAt: null,
      });
      const accounts = (await readAllPages(api, '/api/v1/accounts?limit=100')).items;
      expect(accounts.find((account) => account.id === starling.accountId)?.name).toBe('Yodel 1');
      const won = stored.filter((deal) => deal.stageId === stageId('won'));
      expect(won).toHaveLength(3);
      expect(won.every((deal) => deal.closedAt !== null)).toBe(true);
      expect(stored.filter((deal) => deal.stageId === stageId('qualify'))).toHaveLength(12);
    });

    it('updates by external id on a re-import, and an undo removes the deals only', async () => {
      const draft = await uploadImport(api, await salesforceFixture('Opportunities.csv'), 'Opportunities.csv');
      await api.patch(`/api/v1/imports/${draft.id}`, {
        valueMappings: { stage: { 'Assigned dynamically': stageId('qualify') } },
      });
      const again = await run(draft.id);
      expect(again).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 50, failedCount: 0 });
      expect(await deals()).toHaveLength(50);

      const undone = await api.post(`/api/v1/imports/${dealsImport.id}/undo`);
      expect(undone.status, JSON.stringify(undone.body)).toBe(200);
      expect(await deals()).toHaveLength(0);
      expect((await readAllPages(api, '/api/v1/accounts?limit=100')).items).toHaveLength(50);
    });
  });

  it('folds a Bitrix24 deal’s product rows into one deal and reports an unknown stage and company', async () => {
    await createAccount(api, { name: 'ООО «Ромашка»' });
    const draft = await uploadImport(api, await importFixture('bitrix24-deals.csv'), 'bitrix24-deals.csv');
    expect(draft).toMatchObject({ kind: 'opportunities', source: 'bitrix24' });
    const check = await api.inLanguage('ru').post(`/api/v1/imports/${draft.id}/dry-run`);
    expect(check.body.problems.map((problem: Json) => [problem.row, problem.column, problem.message.ru])).toEqual([
      [4, 'Компания', 'Компания «ИП Ёлкин» не найдена ни в файле, ни в прошлых импортах, ни в Accord.'],
      [4, 'Стадия сделки', 'Этапа «Стадия Х» нет в воронке; сопоставьте его с одним из её этапов.'],
    ]);
    const done = await run(draft.id);
    expect(done).toMatchObject({ status: 'completed', createdCount: 1, failedCount: 2 });
    const deal = (await deals()).find((item) => item.title === 'Поставка серверов');
    expect(deal).toMatchObject({
      amountMinor: 123_456_789,
      currency: 'RUB',
      accountName: 'ООО «Ромашка»',
      stageId: stageId('discover'),
      expectedCloseOn: '2026-12-26',
    });
  });

  it('finds a deal’s company by its INN, before the name, and reports a bad INN on its column', async () => {
    const bank = await createAccount(api, { name: 'ПАО «Банк»', taxId: '7707083893' });
    const csv = [
      'ID;Название сделки;Стадия сделки;Сумма;Компания;ИНН компании;Предполагаемая дата закрытия',
      '901;Зарплатный проект;Новая;100 000;Банк (старое название);7707083893;26.12.2026',
      '902;Эквайринг;Новая;50 000;ПАО «Банк»;7707083890;26.12.2026',
    ].join('\n');
    const done = await importFile(api, new TextEncoder().encode(csv), 'deals-inn.csv');
    expect(done).toMatchObject({ kind: 'opportunities', createdCount: 1, failedCount: 1 });
    expect(done.problems.map((problem: Json) => [problem.row, problem.column])).toEqual([[3, 'ИНН компании']]);
    const deal = (await deals()).find((item) => item.title === 'Зарплатный проект');
    expect(deal).toMatchObject({ accountId: bank.id, amountMinor: 10_000_000 });
  });

  it('attaches HubSpot deals to companies by name when their ids are unknown, and refuses a viewer', async () => {
    await createAccount(api, { name: 'Northwind Traders' });
    await createAccount(api, { name: 'Contoso' });
    const done = await importFile(api, await importFixture('hubspot-deals.csv'), 'hubspot-deals.csv');
    expect(done).toMatchObject({ kind: 'opportunities', source: 'hubspot', createdCount: 2, failedCount: 0 });
    const contoso = (await deals()).find((item) => item.title === 'Contoso, pilot');
    expect(contoso).toMatchObject({ amountMinor: 400_000, stageId: stageId('won'), accountName: 'Contoso' });
    const refused = await workspace.users.viewer.api.post(
      `/api/v1/imports?fileName=deals.csv`,
      new Uint8Array(await importFixture('hubspot-deals.csv')),
    );
    expect(refused.status).toBe(403);
  });
});
