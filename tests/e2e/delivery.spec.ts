import type { Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('a project is created, a task handed to a specialist who accepts it, and the estimate approved, in Russian', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  await page.request.post('/api/v1/accounts', { data: { name: `Издательство ${marker}` }, headers });
  const specialist = { email: `designer-${marker}@example.com`, password: 'long enough password 1' };
  const added = await page.request.post('/api/v1/members', {
    data: { ...specialist, name: `Дизайнер ${marker}`, role: 'specialist' },
    headers,
  });
  expect(added.status(), await added.text()).toBe(201);

  await test.step('create a project from my projects', async () => {
    await page.goto('/delivery');
    await page.getByRole('tab', { name: 'Мои проекты' }).click();
    await page.getByRole('button', { name: 'Новый проект' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый проект' });
    await dialog.getByRole('combobox', { name: 'Клиент' }).fill(marker);
    await page.getByRole('option', { name: `Издательство ${marker}` }).click();
    await dialog.getByRole('textbox', { name: 'Название проекта' }).fill(`Сайт ${marker}`);
    await dialog.getByRole('button', { name: 'Создать проект' }).click();
    await expect(page.getByRole('heading', { name: `Сайт ${marker}` })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Этап' })).toHaveValue('Бриф');
  });

  await test.step('hand a task to the specialist', async () => {
    await page.getByRole('textbox', { name: 'Задача', exact: true }).fill('Макет главной');
    await page.getByRole('combobox', { name: 'Специалист' }).fill(marker);
    await page.getByRole('option', { name: `Дизайнер ${marker}` }).click();
    await page.getByRole('textbox', { name: 'Оценка, часов' }).fill('6');
    await page.getByRole('button', { name: 'Передать' }).click();
    await toastSays(page, 'Задача передана');
    const tasks = page.getByRole('table', { name: 'Задачи' });
    await expect(tasks).toContainText('Макет главной');
    await expect(tasks).toContainText('Ждёт принятия');
  });
  const projectUrl = page.url();

  await test.step('the specialist finds it on the board and accepts it', async () => {
    await login(specialist);
    await page.goto('/delivery');
    const column = page.getByRole('region', { name: 'К выполнению' });
    await column.getByRole('link', { name: 'Макет главной' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Макет главной' })).toBeVisible();
    await page.getByRole('button', { name: 'Принять' }).click();
    await toastSays(page, 'Задача принята');
    await expect(page.getByRole('button', { name: 'Перевести в «В работе»' })).toBeVisible();
    await expect(page.getByText('Ждёт принятия')).toBeHidden();
  });

  await test.step('the manager writes the estimate, sends it and records the client’s approval', async () => {
    await login();
    await page.goto(projectUrl);
    await page.getByRole('textbox', { name: 'Название сметы' }).fill('Смета на сайт');
    await page.getByRole('textbox', { name: 'Наименование' }).fill('Дизайн главной страницы');
    await page.getByRole('textbox', { name: 'Цена' }).fill('100 000,00');
    await page.getByRole('textbox', { name: 'Скидка, %' }).fill('10');
    await page.getByRole('button', { name: 'Сохранить смету' }).click();
    await toastSays(page, 'Смета сохранена');
    await expect(page.getByTestId('estimate-russian-total')).toHaveText(
      /Итого 90\s000,00\s₽, в т.ч. НДС 16\s229,51\s₽; сумма без НДС 73\s770,49\s₽/,
    );
    // Editing the lines can be left without saving: the estimate stays as it was.
    await page.getByRole('button', { name: 'Изменить', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Наименование' })).toHaveCount(2);
    await page.getByRole('button', { name: 'Отмена', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Наименование' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Изменить', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Отметить отправленной' }).click();
    await toastSays(page, 'Смета отправлена');
    await page.getByRole('button', { name: 'Клиент согласовал' }).click();
    const dialog = page.getByRole('dialog', { name: 'Клиент согласовал' });
    await dialog.getByRole('textbox', { name: 'Комментарий клиента' }).fill('Согласовано письмом');
    await dialog.getByRole('button', { name: 'Клиент согласовал' }).click();
    await toastSays(page, 'Смета согласована');
    await expect(page.getByText('Согласована', { exact: true })).toBeVisible();
    await expect(page.getByText(/90\s000,00\s₽/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Создать черновик счёта' }).click();
    await toastSays(page, 'Черновик счёта создан');
    await page.getByRole('link', { name: 'Открыть счёт' }).click();
    await expect(page.getByRole('heading', { name: 'Черновик счёта' })).toBeVisible();
  });
});
