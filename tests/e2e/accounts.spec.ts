import { expect, test, uniqueWord } from './fixtures';

test('an account is created, given a contact, found by a Russian word form, and guarded against a stale save', async ({
  page,
  context,
  login,
}) => {
  await login();
  await page.goto('/accounts');

  await test.step('switch the language', async () => {
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 2 })).toBeVisible();
    await page.getByText('RU', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Аккаунты', level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Контакты' })).toBeVisible();
  });

  const marker = uniqueWord();
  const accountName = `Менеджеры продаж ${marker}`;

  await test.step('create an account', async () => {
    await page.getByRole('button', { name: 'Новый аккаунт' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Новый аккаунт' });
    await expect(dialog.getByRole('textbox', { name: 'Название', exact: true })).toBeFocused();
    await page.keyboard.type(accountName);
    await dialog.getByLabel('ИНН / налоговый номер').fill('7707083894');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(dialog.getByText('У этого ИНН неверная контрольная цифра')).toBeVisible();
    await dialog.getByLabel('ИНН / налоговый номер').fill('7707083893');
    await dialog.getByLabel('Сайт').fill('sales-managers.example.ru');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: accountName, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'sales-managers.example.ru' })).toBeVisible();
  });

  await test.step('add a contact to it', async () => {
    await page.getByRole('button', { name: 'Добавить контакт' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый контакт' });
    await dialog.getByLabel('Фамилия').fill('Петрова');
    await dialog.getByRole('textbox', { name: 'Имя', exact: true }).fill('Анна');
    await dialog.getByLabel('Отчество').fill('Сергеевна');
    await dialog.getByLabel('Должность').fill('Директор по закупкам');
    await dialog.getByRole('textbox', { name: 'E-mail 1' }).fill('a.petrova@example.ru');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: /Петрова Анна Сергеевна/ });
    await expect(row).toContainText('Директор по закупкам');
    await row.click();
    const drawer = page.getByRole('dialog', { name: 'Контакт' });
    await expect(drawer.getByRole('link', { name: 'a.petrova@example.ru' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('find the account from the list by another word form', async () => {
    await page.getByRole('link', { name: 'Аккаунты' }).first().click();
    await page.getByRole('searchbox', { name: 'Поиск' }).fill(`менеджер ${marker}`);
    const row = page.getByRole('row', { name: new RegExp(accountName) });
    await expect(row).toBeVisible();
    await expect(page.getByText('Найдено: 1', { exact: true })).toBeVisible();
    await row.click();
    await expect(page.getByRole('heading', { name: accountName, level: 2 })).toBeVisible();
  });

  await test.step('a save over a newer version shows the conflict', async () => {
    const secondTab = await context.newPage();
    await secondTab.goto(page.url());
    await secondTab.getByRole('button', { name: 'Изменить' }).click();
    const staleForm = secondTab.getByRole('dialog', { name: `Изменить «${accountName}»` });
    await expect(staleForm.getByRole('textbox', { name: 'Название', exact: true })).toHaveValue(accountName);

    await page.getByRole('button', { name: 'Изменить' }).click();
    const freshForm = page.getByRole('dialog', { name: `Изменить «${accountName}»` });
    await freshForm.getByLabel('Сегмент').fill('Крупный бизнес');
    await freshForm.getByRole('button', { name: 'Сохранить' }).click();
    await expect(freshForm).toBeHidden();
    await expect(page.getByText('Крупный бизнес')).toBeVisible();

    await staleForm.getByLabel('Заметки').fill('Звонить по вторникам');
    await staleForm.getByRole('button', { name: 'Сохранить' }).click();
    const conflict = staleForm.getByRole('alert');
    await expect(conflict).toContainText('Запись изменил другой пользователь');

    await conflict.getByRole('button', { name: 'Загрузить актуальную версию' }).click();
    await expect(conflict).toBeHidden();
    await expect(staleForm.getByLabel('Сегмент')).toHaveValue('Крупный бизнес');
    await staleForm.getByLabel('Заметки').fill('Звонить по вторникам');
    await staleForm.getByRole('button', { name: 'Сохранить' }).click();
    await expect(staleForm).toBeHidden();
    await expect(secondTab.getByText('Звонить по вторникам')).toBeVisible();
  });
});
