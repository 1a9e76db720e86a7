import path from 'node:path';
import { expect, test } from './fixtures';

const fixture = path.join(process.cwd(), 'tests', 'fixtures', 'imports', 'e2e-deals.csv');

test('a deals CSV in Russian: a stage the pipeline lacks and an owner who is not a member are mapped, the deals imported and undone', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const created = await page.request.post('/api/v1/accounts', { data: { name: 'Сделки E2E' }, headers });
  expect(created.status()).toBe(201);
  const account = await created.json();
  const deals = async () =>
    (await (await page.request.get(`/api/v1/opportunities?accountId=${account.id}&status=all`)).json()).items as {
      title: string;
      amountMinor: number;
      ownerId: string;
    }[];
  const members = (await (await page.request.get('/api/v1/members?limit=500')).json()).items as {
    userId: string;
    name: string;
  }[];
  const colleague = members.find((member) => member.userId !== me.user.id) as { userId: string; name: string };
  await page.goto('/imports');
  await page.getByText('RU', { exact: true }).click();

  await test.step('upload: the file is read as Bitrix24 deals and the preview shows their fields', async () => {
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Прочитать файл' }).click();
    await expect(page.getByRole('heading', { name: /Как прочитан файл · Строк: 2/ })).toBeVisible();
    await expect(page.getByLabel('Что в файле')).toHaveValue('opportunities');
    await expect(page.getByLabel('Поле в Accord: Стадия сделки')).toHaveValue('stage');
    await expect(page.getByLabel('Поле в Accord: Сумма')).toHaveValue('amount');
    await expect(page.getByRole('columnheader', { name: 'Дата закрытия' })).toBeVisible();
    await expect(page.getByRole('cell', { name: '2026-12-26' })).toBeVisible();
  });

  await test.step('dry run: the unknown stage is named and mapped to a pipeline stage', async () => {
    await page.getByRole('button', { name: 'Проверить все строки' }).click();
    await expect(page.getByText('Готово строк: 1 из 2; будет создано 1, обновлено 0.')).toBeVisible();
    await expect(page.getByText('Этапа «Стадия Х» нет в воронке; сопоставьте его с одним из её этапов.')).toBeVisible();
    await page.getByLabel('Этап воронки: Стадия Х').selectOption({ label: 'Переговоры' });
    await expect(page.getByText('Готово строк: 2 из 2; будет создано 2, обновлено 0.')).toBeVisible();
  });

  await test.step('dry run: an owner who is not a member is given to a colleague', async () => {
    await expect(page.getByText('Ответственные из файла, которых нет среди участников: 1')).toBeVisible();
    await page.getByLabel('Участник: Мария Смирнова E2E').selectOption(colleague.userId);
    await expect(page.getByLabel('Участник: Мария Смирнова E2E')).toHaveValue(colleague.userId);
  });

  await test.step('import, then undo', async () => {
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByText('Создано: 2, обновлено: 0, без изменений: 0, пропущено: 0.')).toBeVisible();
    expect((await deals()).map((deal) => [deal.title, deal.amountMinor]).sort()).toEqual([
      ['Поставка E2E', 123_456],
      ['Сервис E2E', 50_000],
    ]);
    const owners = Object.fromEntries((await deals()).map((deal) => [deal.title, deal.ownerId]));
    expect(owners).toEqual({ 'Поставка E2E': colleague.userId, 'Сервис E2E': me.user.id });
    await page.getByRole('button', { name: 'Отменить весь импорт' }).click();
    await page
      .getByRole('dialog', { name: 'Отмена импорта' })
      .getByRole('button', { name: 'Отменить весь импорт' })
      .click();
    await expect(page.getByText('Импорт отменён').first()).toBeVisible();
    expect(await deals()).toEqual([]);
    await page.request.delete(`/api/v1/accounts/${account.id}`, { headers });
  });
});
