import { beforeAll, describe, expect, it } from 'vitest';
import { readAllPages } from '../../../tests/support/api-helpers';
import { importFile, uploadImport } from '../../../tests/support/import-helpers';
import type { ApiClient, Json } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const csv = (text: string) => new TextEncoder().encode(text);
const loopMessage = (reference: string) =>
  `Linking to “${reference}” would close a loop in the hierarchy (a record above itself); this link is not set.`;

describe('imported hierarchies that would loop', () => {
  const t = useTestApp();
  let api: ApiClient;

  beforeAll(async () => {
    api = (await t.seedWorkspace('Loops')).users.admin.api;
  });

  const accountsByName = async () =>
    new Map((await readAllPages(api, '/api/v1/accounts?limit=100')).items.map((item) => [item.name, item]));

  it('reports the row that closes a parent loop in the file, in the dry run and the run, and sets the other links', async () => {
    const file = csv('ID,Name,Parent ID\nA1,Alpha,C1\nB1,Beta,A1\nC1,Gamma,B1\n');
    const draft = await uploadImport(api, file, 'loop.csv', 'kind=accounts&source=generic');
    const check = await api.post(`/api/v1/imports/${draft.id}/dry-run`);
    expect(check.body.problems.map((problem: Json) => [problem.row, problem.column, problem.message.en])).toEqual([
      [4, 'Parent ID', loopMessage('B1')],
    ]);
    const done = await importFile(api, file, 'loop.csv', 'kind=accounts&source=generic');
    expect(done).toMatchObject({ status: 'completed', createdCount: 3, failedCount: 1 });
    expect(done.problems).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Parent ID',
        message: expect.objectContaining({ en: loopMessage('B1') }),
      }),
    ]);
    const accounts = await accountsByName();
    const [alpha, beta, gamma] = ['Alpha', 'Beta', 'Gamma'].map((name) => accounts.get(name) as Json);
    expect(alpha?.parentId).toBe(gamma?.id);
    expect(beta?.parentId).toBe(alpha?.id);
    expect(gamma?.parentId).toBeNull();
  });

  it('reports a link that would loop through records Accord already has', async () => {
    const done = await importFile(
      api,
      csv('ID,Name,Parent ID\nC1,Gamma,B1\n'),
      'again.csv',
      'kind=accounts&source=generic',
    );
    expect(done).toMatchObject({ status: 'completed', unchangedCount: 1, failedCount: 1 });
    expect(done.problems[0].message.en).toBe(loopMessage('B1'));
    expect((await accountsByName()).get('Gamma')?.parentId).toBeNull();
  });

  it('reports a reports-to loop between two people and keeps the first link', async () => {
    const file = csv(
      'ID,Last name,First name,Company,Reports To ID\nP1,Lovelace,Ada,Alpha,P2\nP2,Babbage,Charles,Alpha,P1\n',
    );
    const done = await importFile(api, file, 'people.csv', 'kind=contacts&source=generic');
    expect(done).toMatchObject({ status: 'completed', createdCount: 2, failedCount: 1 });
    expect(done.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Reports To ID',
        message: expect.objectContaining({ en: loopMessage('P1') }),
      }),
    ]);
    const people = (await readAllPages(api, '/api/v1/contacts?limit=100')).items;
    const ada = people.find((person) => person.lastName === 'Lovelace') as Json;
    const charles = people.find((person) => person.lastName === 'Babbage') as Json;
    expect(ada.reportsToId).toBe(charles.id);
    expect(charles.reportsToId).toBeNull();
  });
});
