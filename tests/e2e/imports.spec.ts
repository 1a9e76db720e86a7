import path from 'node:path';
import { expect, test } from './fixtures';

const fixture = path.join(process.cwd(), 'tests', 'fixtures', 'imports', 'bitrix24-companies-1251.csv');

test('a Bitrix24 CSV in Russian is read, one mapping fixed, checked, imported and undone', async ({ page, login }) => {
  await login();
  const accountTotal = async () => {
    const response = await page.request.get('/api/v1/accounts?limit=1&total=true');
    return (await response.json()).total as number;
  };
  const before = await accountTotal();
  await page.goto('/imports');
  await page.getByText('RU', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Импорт данных', level: 2 })).toBeVisible();

  await test.step('upload the windows-1251 file and see what was detected', async () => {
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Прочитать файл' }).click();
    await expect(page.getByRole('heading', { name: /Как прочитан файл · Строк: 3/ })).toBeVisible();
    await expect(page.getByLabel('Откуда выгружен')).toHaveValue('bitrix24');
    await expect(page.getByLabel('Кодировка')).toHaveValue('windows-1251');
    await expect(page.getByLabel('Разделитель')).toHaveValue(';');
    await expect(page.getByLabel('Поле в Accord: Название компании')).toHaveValue('name');
    await expect(page.getByRole('cell', { name: 'ООО «Ромашка»' }).first()).toBeVisible();
  });

  await test.step('fix one mapping: the company type is not imported', async () => {
    const type = page.getByLabel('Поле в Accord: Тип компании');
    await expect(type).toHaveValue('segment');
    await type.selectOption({ label: 'Не импортировать' });
    await expect(type).toHaveValue('');
    await expect(page.getByRole('columnheader', { name: 'Сегмент / тип' })).toBeHidden();
  });

  await test.step('dry run', async () => {
    await page.getByRole('button', { name: 'Проверить все строки' }).click();
    await expect(page.getByText('Готово строк: 3 из 3; будет создано 3, обновлено 0.')).toBeVisible();
    await expect(page.getByText('Ошибок не найдено.')).toBeVisible();
  });

  await test.step('import', async () => {
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByText('Импорт завершён')).toBeVisible();
    await expect(page.getByText('Создано: 3, обновлено: 0, без изменений: 0, пропущено: 0.')).toBeVisible();
    expect(await accountTotal()).toBe(before + 3);
  });

  await test.step('undo', async () => {
    await page.getByRole('button', { name: 'Отменить весь импорт' }).click();
    await page
      .getByRole('dialog', { name: 'Отмена импорта' })
      .getByRole('button', { name: 'Отменить весь импорт' })
      .click();
    await expect(page.getByText('Импорт отменён').first()).toBeVisible();
    expect(await accountTotal()).toBe(before);
  });

  await test.step('find it among the past imports and open it again', async () => {
    await page.getByRole('button', { name: 'Импортировать другой файл' }).click();
    const history = page.getByRole('table', { name: 'Прошлые импорты' });
    const latest = history.getByRole('row').nth(1);
    await expect(latest).toContainText('bitrix24-companies-1251.csv');
    await expect(latest).toContainText('Отменён');
    await latest.getByRole('button', { name: 'Открыть импорт файла bitrix24-companies-1251.csv' }).click();
    await expect(page.getByText('Импорт отменён').first()).toBeVisible();
    await expect(history).toBeHidden();
  });
});

test('a mapping saved as a preset is offered for the next file of its kind, applied and deleted', async ({
  page,
  login,
}) => {
  await login();
  const upload = async () => {
    await page.goto('/imports');
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByRole('button', { name: 'Прочитать файл' }).click();
    await expect(page.getByRole('heading', { name: /Как прочитан файл · Строк: 3/ })).toBeVisible();
  };
  await page.goto('/imports');
  await page.getByText('RU', { exact: true }).click();
  await upload();
  const type = page.getByLabel('Поле в Accord: Тип компании');
  await type.selectOption({ label: 'Не импортировать' });
  await expect(type).toHaveValue('');

  await test.step('save the mapping under a name (a name is required)', async () => {
    await page.getByRole('button', { name: 'Сохранить сопоставление' }).click();
    await expect(page.getByText('Дайте сопоставлению название')).toBeVisible();
    await page.getByLabel('Сохранить сопоставление как').fill('Битрикс без типа');
    await page.getByLabel('Сохранить сопоставление как').press('Enter');
    await expect(page.getByText('Сопоставление «Битрикс без типа» сохранено')).toBeVisible();
  });

  await test.step('the next file of the same kind is offered the preset, which maps it the saved way', async () => {
    await upload();
    await expect(page.getByLabel('Поле в Accord: Тип компании')).toHaveValue('segment');
    await expect(
      page.getByText('Сохранённое сопоставление «Битрикс без типа» подходит ко всем столбцам этого файла.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Применить' }).last().click();
    await expect(page.getByLabel('Поле в Accord: Тип компании')).toHaveValue('');
    await expect(page.getByLabel('Поле в Accord: Название компании')).toHaveValue('name');
  });

  await test.step('delete the preset after confirming', async () => {
    await page.getByLabel('Сохранённое сопоставление', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Удалить' }).click();
    await page
      .getByRole('dialog', { name: 'Удалить сохранённое сопоставление?' })
      .getByRole('button', { name: 'Удалить' })
      .click();
    await expect(page.getByLabel('Сохранённое сопоставление', { exact: true })).toBeDisabled();
  });
});

test('a row with the INN of an existing company is proposed as a duplicate and merged into it', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const created = await page.request.post('/api/v1/accounts', {
    data: { name: 'Ромашка (уже в Аккорде)', taxId: '7707083893' },
    headers,
  });
  expect(created.status()).toBe(201);
  const existing = await created.json();
  const accountTotal = async () =>
    (await (await page.request.get('/api/v1/accounts?limit=1&total=true')).json()).total as number;
  const before = await accountTotal();
  await page.goto('/imports');
  await page.getByText('RU', { exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(fixture);
  await page.getByRole('button', { name: 'Прочитать файл' }).click();
  await page.getByRole('button', { name: 'Проверить все строки' }).click();

  await test.step('the dry run lists the row beside the company Accord has, and merging it changes the counts', async () => {
    await expect(page.getByRole('heading', { name: /Новые строки, похожие на записи/ })).toBeVisible();
    const row = page.getByRole('row', { name: /ООО «Ромашка».*Ромашка \(уже в Аккорде\).*тот же ИНН/ });
    await expect(row).toBeVisible();
    // NOTE: the box follows the saved choice, so it turns once the server has it.
    const merge = page.getByRole('checkbox', { name: 'Объединить строку 2' });
    await merge.click();
    await expect(merge).toBeChecked();
    await expect(page.getByText('Готово строк: 3 из 3; будет создано 2, обновлено 1.')).toBeVisible();
  });

  await test.step('the import updates the existing company instead of adding one, and undo restores it', async () => {
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByText('Создано: 2, обновлено: 1, без изменений: 0, пропущено: 0.')).toBeVisible();
    expect(await accountTotal()).toBe(before + 2);
    const merged = await (await page.request.get(`/api/v1/accounts/${existing.id}`)).json();
    expect(merged.name).toBe('ООО «Ромашка»');
    await page.getByRole('button', { name: 'Отменить весь импорт' }).click();
    await page
      .getByRole('dialog', { name: 'Отмена импорта' })
      .getByRole('button', { name: 'Отменить весь импорт' })
      .click();
    await expect(page.getByText('Импорт отменён').first()).toBeVisible();
    expect(await accountTotal()).toBe(before);
    expect((await (await page.request.get(`/api/v1/accounts/${existing.id}`)).json()).name).toBe(
      'Ромашка (уже в Аккорде)',
    );
    await page.request.delete(`/api/v1/accounts/${existing.id}`, { headers });
  });
});
