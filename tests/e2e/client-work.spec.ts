import type { Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('a client request gets a brief and becomes a project whose task is accepted, estimate approved and report reviewed and sent, in Russian', async ({
  page,
  login,
}) => {
  // NOTE: the longest journey: two people, four pages, three toasts per page.
  test.setTimeout(180_000);
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const client = `Девелопер ${marker}`;
  await page.request.post('/api/v1/accounts', { data: { name: client }, headers });
  const specialist = { email: `context-${marker}@example.com`, password: 'long enough password 1' };
  const added = await page.request.post('/api/v1/members', {
    data: { ...specialist, name: `Директолог ${marker}`, role: 'specialist' },
    headers,
  });
  expect(added.status(), await added.text()).toBe(201);

  await test.step('record the client’s call as a request', async () => {
    await page.goto('/delivery');
    await page.getByRole('tab', { name: 'Заявки' }).click();
    await page.getByRole('button', { name: 'Новая заявка' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новая заявка' });
    await dialog.getByRole('combobox', { name: 'Клиент' }).fill(marker);
    await page.getByRole('option', { name: client }).click();
    await dialog.getByRole('textbox', { name: 'Заявка' }).fill(`Лендинг ЖК ${marker}`);
    await dialog.getByRole('textbox', { name: 'Что просит клиент' }).fill('Лендинг к старту продаж второй очереди');
    await dialog.getByRole('button', { name: 'Записать заявку' }).click();
    await expect(page.getByRole('heading', { name: `Лендинг ЖК ${marker}` })).toBeVisible();
    await expect(page.getByText('Новая', { exact: true })).toBeVisible();
  });

  await test.step('fill the brief; a required answer left out is named', async () => {
    await page.getByRole('textbox', { name: 'Бюджет, сумма' }).fill('500 000');
    await page.getByRole('button', { name: 'Сохранить бриф' }).click();
    await expect(page.getByText('Заполните поле «Цель».', { exact: true })).toBeVisible();
    await page.getByRole('textbox', { name: 'Цель' }).fill('Продать 120 квартир второй очереди');
    await page.getByRole('textbox', { name: 'Срок' }).fill('2027-03-01');
    await page.getByRole('textbox', { name: 'Референсы' }).fill('https://samolet.ru');
    await page.getByRole('button', { name: 'Сохранить бриф' }).click();
    await toastSays(page, 'Бриф сохранён');
    await expect(page.getByRole('textbox', { name: 'Бюджет, сумма' })).toHaveValue('500000.00');
  });

  await test.step('accept the request, which starts the project', async () => {
    await page.getByRole('button', { name: 'Принять' }).click();
    const dialog = page.getByRole('dialog', { name: 'Принять' });
    await expect(dialog.getByRole('checkbox', { name: 'Создать проект' })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Название проекта' }).fill(`Сайт ${marker}`);
    await dialog.getByRole('button', { name: 'Принять' }).click();
    await toastSays(page, 'Статус заявки изменён');
    await expect(page.getByText('Принята', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: `Сайт ${marker}` }).click();
    await expect(page.getByRole('heading', { name: `Сайт ${marker}` })).toBeVisible();
  });
  const projectUrl = page.url();

  await test.step('hand a task to the specialist', async () => {
    await page.getByRole('textbox', { name: 'Задача', exact: true }).fill('Настроить кампанию');
    await page.getByRole('combobox', { name: 'Специалист' }).fill(marker);
    await page.getByRole('option', { name: `Директолог ${marker}` }).click();
    await page.getByRole('textbox', { name: 'Оценка, часов' }).fill('8');
    await page.getByRole('button', { name: 'Передать' }).click();
    await toastSays(page, 'Задача передана');
    await expect(page.getByRole('table', { name: 'Задачи' })).toContainText('Ждёт принятия');
  });

  await test.step('the specialist accepts it', async () => {
    await login(specialist);
    await page.goto('/delivery');
    await page.getByRole('region', { name: 'К выполнению' }).getByRole('link', { name: 'Настроить кампанию' }).click();
    await page.getByRole('button', { name: 'Принять' }).click();
    await toastSays(page, 'Задача принята');
  });

  await test.step('the manager gets the estimate approved', async () => {
    await login();
    await page.goto(projectUrl);
    await page.getByRole('textbox', { name: 'Название сметы' }).fill('Смета на лендинг');
    await page.getByRole('textbox', { name: 'Наименование' }).fill('Лендинг');
    await page.getByRole('textbox', { name: 'Цена' }).fill('120 000,00');
    await page.getByRole('button', { name: 'Сохранить смету' }).click();
    await toastSays(page, 'Смета сохранена');
    await page.getByRole('button', { name: 'Отметить отправленной' }).click();
    await toastSays(page, 'Смета отправлена');
    await page.getByRole('button', { name: 'Клиент согласовал' }).click();
    await page
      .getByRole('dialog', { name: 'Клиент согласовал' })
      .getByRole('button', { name: 'Клиент согласовал' })
      .click();
    await toastSays(page, 'Смета согласована');
  });

  await test.step('the manager opens the month’s report for the specialist', async () => {
    await page.goto('/delivery');
    await page.getByRole('tab', { name: 'Отчёты клиентам' }).click();
    await page.getByRole('button', { name: 'Новый отчёт' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый отчёт' });
    await dialog.getByRole('combobox', { name: 'Клиент' }).fill(marker);
    await page.getByRole('option', { name: client }).click();
    await dialog.getByRole('textbox', { name: 'Отчёт' }).fill(`Отчёт ${marker} за месяц`);
    await dialog.getByRole('textbox', { name: 'Период с' }).fill('2026-11-01');
    await dialog.getByRole('textbox', { name: 'Период по' }).fill('2026-11-30');
    await dialog.getByRole('textbox', { name: 'Срок' }).fill('2026-12-05');
    await dialog.getByRole('combobox', { name: 'Готовит' }).fill(marker);
    await page.getByRole('option', { name: `Директолог ${marker}` }).click();
    await dialog.getByRole('button', { name: 'Открыть отчёт' }).click();
    await expect(page.getByRole('heading', { name: `Отчёт ${marker} за месяц` })).toBeVisible();
  });
  const reportUrl = page.url();

  await test.step('the specialist writes the figures and submits it for review', async () => {
    await login(specialist);
    await page.goto(reportUrl);
    await page.getByRole('textbox', { name: 'Показатель' }).fill('Лиды');
    await page.getByRole('textbox', { name: 'Канал' }).fill('Яндекс Директ');
    await page.getByRole('textbox', { name: 'Значение' }).fill('412');
    await page.getByRole('textbox', { name: 'Текст' }).fill('Лидов на 12 % больше, чем в октябре.');
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await toastSays(page, 'Отчёт отправлен на проверку');
    await expect(page.getByText('На проверке', { exact: true })).toBeVisible();
  });

  await test.step('the manager ticks the checklist and marks the report sent', async () => {
    await login();
    await page.goto(reportUrl);
    await expect(page.getByRole('table', { name: 'Ключевые цифры' })).toContainText('412');
    await expect(page.getByRole('button', { name: 'Отметить отправленным' })).toBeDisabled();
    for (const check of ['Нет опечаток', 'Цифры сходятся с источниками', 'Прочитан глазами клиента', 'Выводы написаны'])
      await page.getByRole('checkbox', { name: check }).check();
    await page.getByRole('button', { name: 'Сохранить проверку' }).click();
    await toastSays(page, 'Проверка сохранена');
    await page.getByRole('button', { name: 'Отметить отправленным' }).click();
    await toastSays(page, 'Отчёт отправлен');
    await expect(page.getByText('Отправлен', { exact: true })).toBeVisible();
  });
});
