import path from 'node:path';
import { expect, test } from './fixtures';

const fixture = path.join(process.cwd(), 'tests', 'fixtures', 'imports', 'e2e-activities.csv');

type Activity = { subject: string; kind: string; summary: string | null; contacts: { id: string }[] };

test('an activities CSV: one column mapped by hand, an unknown type kept as a note, imported and undone', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const account = await (await page.request.post('/api/v1/accounts', { data: { name: 'Дела E2E' }, headers })).json();
  const ada = await (
    await page.request.post('/api/v1/contacts', {
      data: { accountId: account.id, firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@e2e.test'] },
      headers,
    })
  ).json();
  const activities = async () =>
    (await (await page.request.get(`/api/v1/accounts/${account.id}/interactions`)).json()).items as Activity[];
  await page.goto('/imports');
  await page.getByText('RU', { exact: true }).click();

  await test.step('upload: read as activities, the description column mapped by hand', async () => {
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Прочитать файл' }).click();
    await expect(page.getByRole('heading', { name: /Как прочитан файл · Строк: 3/ })).toBeVisible();
    await expect(page.getByLabel('Что в файле')).toHaveValue('interactions');
    await expect(page.getByLabel('Поле в Accord: Type')).toHaveValue('interactionType');
    await expect(page.getByLabel('Поле в Accord: Contact e-mail')).toHaveValue('contactEmail');
    await expect(page.getByLabel('Поле в Accord: Details')).toHaveValue('');
    await page.getByLabel('Поле в Accord: Details').selectOption({ label: 'Описание / итог' });
    await expect(page.getByRole('columnheader', { name: 'Описание / итог' })).toBeVisible();
    // NOTE: the first such cell is the column's sample value; the last is the preview.
    await expect(page.getByRole('cell', { name: 'Agreed the plan' }).last()).toBeVisible();
  });

  await test.step('dry run: every row is ready, the unknown type is a notice', async () => {
    await page.getByRole('button', { name: 'Проверить все строки' }).click();
    await expect(page.getByText('Готово строк: 3 из 3; будет создано 3, обновлено 0.')).toBeVisible();
    await expect(page.getByText(/Тип «Site visit» Accord не знает/)).toBeVisible();
  });

  await test.step('import, then undo', async () => {
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByText('Создано: 3, обновлено: 0, без изменений: 0, пропущено: 0.')).toBeVisible();
    const stored = (await activities()).map((item) => [item.subject, item.kind, item.summary, item.contacts.length]);
    expect(stored.sort()).toEqual([
      ['Call E2E', 'call', 'Pricing questions', 0],
      ['Kick-off E2E', 'meeting', 'Agreed the plan', 1],
      ['Visit E2E', 'note', null, 0],
    ]);
    expect((await activities()).find((item) => item.kind === 'meeting')?.contacts[0]?.id).toBe(ada.id);
    await page.getByRole('button', { name: 'Отменить весь импорт' }).click();
    await page
      .getByRole('dialog', { name: 'Отмена импорта' })
      .getByRole('button', { name: 'Отменить весь импорт' })
      .click();
    await expect(page.getByText('Импорт отменён').first()).toBeVisible();
    expect(await activities()).toEqual([]);
    await page.request.delete(`/api/v1/accounts/${account.id}`, { headers });
  });
});
