import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../support/api-helpers';
import { download } from '../support/download';
import { importFile } from '../support/import-helpers';
import type { ApiClient, SeededWorkspace } from '../support/test-app';
import { useTestApp } from '../support/test-app';

/** A CSV export's rows (header first), after checking the byte-order mark Excel needs. */
function csvRows(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1)) as string[][];
}

const column = (rows: string[][], header: string) => {
  const index = rows[0]?.indexOf(header) ?? -1;
  expect(index, `column ${header} in ${rows[0]?.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]);
};

describe('list exports', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let accountId: string;
  let otherAccountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    accountId = (await createAccount(workspace.users.admin.api, { name: 'Завод «Прогресс»' })).id;
    otherAccountId = (await createAccount(workspace.users.admin.api, { name: '=HYPERLINK("x") Ltd' })).id;
  });

  it('exports the opportunities list with its filters, stage in the reader’s language and exact amounts', async () => {
    for (const [account, title, amountMinor] of [
      [accountId, 'Поставка станков', 123_456_78],
      [otherAccountId, 'Renewal 2027', 5_000_00],
    ] as const) {
      const created = await workspace.users.head.api.post('/api/v1/opportunities', {
        accountId: account,
        title,
        type: 'new_business',
        amountMinor,
        currency: 'RUB',
        expectedCloseOn: '2027-03-31',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const rows = csvRows(await download(t, manager, `/api/v1/opportunities/export?accountId=${accountId}`));
    expect(rows[0]).toContain('Сделка');
    expect(column(rows, 'Сделка')).toEqual(['Поставка станков']);
    expect(column(rows, 'Сумма')).toEqual(['123456.78']);
    expect(column(rows, 'Этап')[0]).toMatch(/\p{Script=Cyrillic}/u);
    const all = csvRows(await download(t, manager, '/api/v1/opportunities/export', 'en'));
    // NOTE: a name a spreadsheet would run as a formula is written as text.
    expect(column(all, 'Account')).toContain('\'=HYPERLINK("x") Ltd');
    // NOTE: the export imports back (its Accord ID column makes it source `accord`): nothing changes.
    const again = await importFile(
      workspace.users.head.api,
      await download(t, manager, '/api/v1/opportunities/export'),
      'opportunities.csv',
    );
    expect(again, JSON.stringify(again.problems)).toMatchObject({
      source: 'accord',
      kind: 'opportunities',
      unchangedCount: 2,
      createdCount: 0,
    });
    const bytes = await download(t, manager, '/api/v1/opportunities/export?format=xlsx', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(book.worksheets[0]?.name).toBe('Opportunities');
    expect(book.worksheets[0]?.rowCount).toBe(3);
  });

  it('exports complaints with their filters, tasks of the board’s filters and requests', async () => {
    for (const kind of ['complaint', 'praise'] as const) {
      const created = await manager.post('/api/v1/feedback', {
        accountId,
        kind,
        source: 'email',
        ...(kind === 'complaint' ? { severity: 'high' } : {}),
        description: kind === 'complaint' ? '+7 звонили трижды' : 'Спасибо за отчёт',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const complaints = csvRows(await download(t, manager, '/api/v1/feedback/export?kind=complaint'));
    expect(column(complaints, 'Описание')).toEqual(["'+7 звонили трижды"]);
    expect(column(complaints, 'Серьёзность')).toEqual(['high']);

    const types = await manager.get('/api/v1/project-types');
    const project = await manager.post('/api/v1/projects', {
      accountId,
      projectTypeId: types.body.items[0].id,
      name: 'Сайт',
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    for (const [title, priority] of [
      ['Макет главной', 'high'],
      ['Тексты', 'low'],
    ] as const) {
      const task = await manager.post('/api/v1/tasks', {
        projectId: project.body.id,
        title,
        priority,
        assigneeId: workspace.users.specialist.id,
      });
      expect(task.status, JSON.stringify(task.body)).toBe(201);
    }
    const tasks = csvRows(await download(t, manager, `/api/v1/tasks/export?projectId=${project.body.id}`, 'en'));
    expect(column(tasks, 'Task').sort()).toEqual(['Макет главной', 'Тексты']);
    expect(column(tasks, 'Project')).toEqual(['Сайт', 'Сайт']);
    const none = csvRows(await download(t, manager, `/api/v1/tasks/export?accountId=${otherAccountId}`, 'en'));
    expect(none).toHaveLength(1);

    const request = await manager.post('/api/v1/requests', { accountId, title: 'Баннер к акции', source: 'call' });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const requests = csvRows(await download(t, manager, `/api/v1/requests/export?accountId=${accountId}`));
    expect(column(requests, 'Заявка')).toEqual(['Баннер к акции']);
    expect(column(requests, 'Статус')).toEqual(['new']);
  });

  it('exports the audit log with its filters to those who may read it, and to no one else', async () => {
    const rows = csvRows(
      await download(
        t,
        workspace.users.admin.api,
        `/api/v1/audit-log/export?entity=accounts&entityId=${accountId}`,
        'en',
      ),
    );
    expect(column(rows, 'Action')).toEqual(['insert']);
    expect(JSON.parse(column(rows, 'After')[0] ?? '{}')).toMatchObject({ name: 'Завод «Прогресс»' });
    const refused = await workspace.users.specialist.api.get('/api/v1/audit-log/export');
    expect(refused.status).toBe(403);
    const badFormat = await workspace.users.admin.api.get('/api/v1/audit-log/export?format=pdf');
    expect(badFormat.status).toBe(400);
  });
});
