import type { Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('a complaint is registered and resolved with its root cause, an NPS result entered, and the lost client shows in the loss analysis, in Russian', async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const client = `Издательство ${marker}`;
  const account = await page.request.post('/api/v1/accounts', { data: { name: client, status: 'active' }, headers });
  expect(account.status(), await account.text()).toBe(201);
  const accountId = (await account.json()).id as string;
  const contact = await page.request.post('/api/v1/contacts', {
    data: { accountId, lastName: 'Волкова', firstName: 'Ирина' },
    headers,
  });
  expect(contact.status(), await contact.text()).toBe(201);

  await test.step('register a complaint from the client’s contact', async () => {
    await page.goto('/client-care');
    await page.getByRole('button', { name: 'Зарегистрировать обращение' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новая жалоба или отзыв' });
    await dialog.getByRole('combobox', { name: 'Аккаунт' }).fill(marker);
    await page.getByRole('option', { name: client }).click();
    await dialog.getByRole('textbox', { name: 'Что произошло' }).fill(`Сорвали срок выпуска каталога ${marker}`);
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect(dialog.getByText('Для жалобы или конфликта укажите серьёзность.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Серьёзность' }).click();
    await page.getByRole('option', { name: 'Высокая' }).click();
    await dialog.getByRole('combobox', { name: 'Контакт' }).click();
    await page.getByRole('option', { name: 'Волкова Ирина' }).click();
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await toastSays(page, 'Обращение зарегистрировано');
    await expect(page.getByRole('heading', { name: 'Жалоба' })).toBeVisible();
    await expect(page.getByText('Открыто', { exact: true })).toBeVisible();
    await expect(page.getByText('Волкова Ирина')).toBeVisible();
  });

  await test.step('take it into work and resolve it; the root cause is required', async () => {
    await page.getByRole('button', { name: 'Взять в работу' }).click();
    await toastSays(page, 'Обращение теперь «В работе»');
    await page.getByRole('button', { name: 'Решить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Решить обращение' });
    await dialog.getByRole('textbox', { name: 'Чем закончилось' }).fill('Выпустили каталог за два дня, скидка 10 %');
    await dialog.getByRole('button', { name: 'Решить' }).click();
    await expect(dialog.getByText('Чтобы закрыть обращение, укажите первопричину.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Первопричина' }).click();
    await page.getByRole('option', { name: 'Задержка производства' }).click();
    await dialog.getByRole('button', { name: 'Решить' }).click();
    await toastSays(page, 'Обращение теперь «Решено»');
    await expect(page.getByText('Решено', { exact: true })).toBeVisible();
    await expect(page.getByText('Время решения')).toBeVisible();
    await expect(page.getByText('Задержка производства')).toBeVisible();
  });

  await test.step('enter the contact’s NPS and CSAT on the account', async () => {
    await page.getByRole('link', { name: client }).click();
    await expect(page.getByRole('heading', { name: client })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Жалобы и отзывы' })).toContainText(marker);
    await page.getByRole('button', { name: 'Внести результат' }).click();
    const form = page.getByRole('form', { name: 'Внести результат' });
    await form.getByRole('textbox', { name: 'NPS (0–10)' }).fill('9');
    await form.getByRole('textbox', { name: 'CSAT (1–5)' }).fill('4');
    await form.getByRole('combobox', { name: 'Кто отвечал' }).click();
    await page.getByRole('option', { name: 'Волкова Ирина' }).click();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await toastSays(page, 'Результат опроса сохранён');
    await expect(page.getByText('NPS: 100 (ответов: 1)')).toBeVisible();
    await expect(page.getByText('Средний CSAT: 4 (ответов: 1)')).toBeVisible();
  });

  await test.step('delete an answer entered by mistake, after confirming', async () => {
    await page.getByRole('button', { name: 'Внести результат' }).click();
    const form = page.getByRole('form', { name: 'Внести результат' });
    await form.getByRole('textbox', { name: 'NPS (0–10)' }).fill('0');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await toastSays(page, 'Результат опроса сохранён');
    await expect(page.getByText('NPS: 0 (ответов: 2)')).toBeVisible();
    const answers = page.getByRole('table', { name: 'NPS и CSAT' });
    const mistake = answers.getByRole('row').filter({ hasText: /—\s*0\s*—/ });
    await mistake.getByRole('button', { name: 'Удалить ответ' }).click();
    const confirm = page.getByRole('dialog', { name: 'Удалить этот ответ опроса?' });
    await confirm.getByRole('button', { name: 'Удалить ответ' }).click();
    await toastSays(page, 'Ответ опроса удалён');
    await expect(page.getByText('NPS: 100 (ответов: 1)')).toBeVisible();
    await expect(answers.getByRole('row')).toHaveCount(2);
  });

  await test.step('correct the remaining answer: the account’s NPS and CSAT follow it', async () => {
    const answers = page.getByRole('table', { name: 'NPS и CSAT' });
    await answers
      .getByRole('row')
      .filter({ hasText: 'Волкова Ирина' })
      .getByRole('button', { name: 'Исправить ответ' })
      .click();
    const form = page.getByRole('form', { name: 'Исправить ответ' });
    await expect(form.getByRole('textbox', { name: 'NPS (0–10)' })).toHaveValue('9');
    await form.getByRole('textbox', { name: 'NPS (0–10)' }).fill('7');
    await form.getByRole('textbox', { name: 'CSAT (1–5)' }).fill('2');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await toastSays(page, 'Ответ опроса исправлен');
    await expect(form).toBeHidden();
    await expect(page.getByText('NPS: 0 (ответов: 1)')).toBeVisible();
    await expect(page.getByText('Средний CSAT: 2 (ответов: 1)')).toBeVisible();
    await expect(answers.getByRole('row').filter({ hasText: 'Волкова Ирина' })).toContainText('7');
  });

  await test.step('mark the client lost and find it in the loss analysis', async () => {
    await page.getByRole('button', { name: 'Отметить потерю' }).click();
    const dialog = page.getByRole('dialog', { name: 'Отметить клиента потерянным' });
    await dialog.getByRole('combobox', { name: 'Причина' }).click();
    await page.getByRole('option', { name: 'Ушёл к конкуренту' }).click();
    await dialog.getByRole('textbox', { name: 'Что произошло' }).fill('Перешли к агентству своего холдинга');
    await dialog.getByRole('button', { name: 'Отметить потерю' }).click();
    await toastSays(page, 'Аккаунт отмечен как потерянный');
    await expect(page.getByText(/Потерян .*: Ушёл к конкуренту/)).toBeVisible();
    await page.goto('/client-care');
    await page.getByRole('tab', { name: 'Потерянные клиенты' }).click();
    const lost = page.getByRole('table', { name: 'Потерянные клиенты' });
    await expect(lost).toContainText(client);
    await expect(lost).toContainText('Перешли к агентству своего холдинга');
    await expect(page.getByRole('table', { name: 'По причинам' })).toContainText('Ушёл к конкуренту');
  });
});
