import type { Page } from '@playwright/test';
import { workspaceDay } from './e2e-environment';
import { expect, test, uniqueWord } from './fixtures';

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('an approved estimate becomes an invoice that is issued, partly paid, credited, given a signed act, and ages, in Russian', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const post = async (path: string, data: object) => {
    const response = await page.request.post(path, { data, headers });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return response.json();
  };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const account = await post('/api/v1/accounts', { name: `Смета ${marker}` });
  const [projectType] = (await (await page.request.get('/api/v1/project-types')).json()).items;
  const project = await post('/api/v1/projects', {
    accountId: account.id,
    projectTypeId: projectType.id,
    name: `Портал ${marker}`,
  });
  const estimate = await post('/api/v1/estimates', {
    projectId: project.id,
    title: 'Смета на портал',
    lines: [{ description: 'Разработка портала', quantityMilli: 1000, unitPriceMinor: 1_000_000_00, vatRate: 2200 }],
  });
  await post(`/api/v1/estimates/${estimate.id}/send`, {});
  await post(`/api/v1/estimates/${estimate.id}/approve`, { comment: 'Согласовано' });

  await test.step('make the draft invoice from the approved estimate and issue it', async () => {
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Создать черновик счёта' }).click();
    await toastSays(page, 'Черновик счёта создан');
    await page.getByRole('link', { name: 'Открыть счёт' }).click();
    await expect(page.getByRole('heading', { name: 'Черновик счёта' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /1\s000\s000,00\s₽/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Выставить' }).click();
    await expect(page.getByRole('heading', { name: /^Счёт № \d{4}-\d{5}$/ })).toBeVisible();
    await toastSays(page, 'выставлен');
  });

  await test.step('record a partial payment', async () => {
    await page.getByRole('button', { name: 'Внести оплату' }).click();
    const dialog = page.getByRole('dialog', { name: 'Поступление оплаты' });
    await dialog.getByRole('textbox', { name: 'Сумма, RUB' }).fill('400 000,00');
    await dialog.getByRole('button', { name: 'Внести' }).click();
    await toastSays(page, 'Оплата внесена');
    await expect(page.getByText('Частично оплачен', { exact: true })).toBeVisible();
    await expect(page.getByTestId('invoice-open')).toHaveText(/600\s000,00\s₽/);
  });

  await test.step('issue a credit note for a discount: what is open drops', async () => {
    await page.getByRole('button', { name: 'Выставить корректировку' }).click();
    const dialog = page.getByRole('dialog', { name: 'Выставить корректировку' });
    await dialog.getByRole('textbox', { name: /Основание/ }).fill('Скидка 10 %');
    await dialog.getByRole('textbox', { name: 'Наименование' }).fill('Скидка на разработку');
    await dialog.getByRole('textbox', { name: 'Цена' }).fill('100 000,00');
    await dialog.getByRole('button', { name: 'Выставить корректировку' }).click();
    await toastSays(page, 'Корректировочный счёт-фактура');
    await expect(page.getByTestId('invoice-credited')).toHaveText(/100\s000,00\s₽/);
    await expect(page.getByTestId('invoice-open')).toHaveText(/500\s000,00\s₽/);
    await expect(page.getByRole('table', { name: 'Корректировки' })).toContainText(/CN-\d{4}\/\d{5}/);
  });

  await test.step('attach the act the client signed', async () => {
    await page.getByRole('textbox', { name: 'Номер акта' }).fill(`А-${marker}`);
    await page.getByRole('button', { name: 'Приложить акт' }).click();
    await toastSays(page, 'Акт приложен');
    await expect(page.getByRole('table', { name: 'Акты выполненных работ' })).toContainText('подписан');
  });

  await test.step('see the receivable age, and an older invoice in my reminders with its next step', async () => {
    const older = await post('/api/v1/invoices', {
      accountId: account.id,
      currency: 'RUB',
      paymentTermsDays: 0,
      lines: [{ description: 'Поддержка', quantityMilli: 1000, unitPriceMinor: 50_000, vatRate: 2200 }],
    });
    const issuedOn = workspaceDay(45);
    await post(`/api/v1/invoices/${older.id}/issue`, { issuedOn });
    await page.goto(`/accounts/${account.id}`);
    const rub = page
      .getByRole('table', { name: 'Старение дебиторской задолженности' })
      .locator('tr[data-currency="RUB"]');
    await expect(rub.locator('[data-bucket="current"]')).toHaveText(/500\s000,00\s₽/);
    await expect(rub.locator('[data-bucket="days31to60"]')).toHaveText(/500,00\s₽/);
    await expect(page.getByRole('table', { name: 'Корректировки' })).toContainText('Скидка 10 %');
    await page.goto('/finance');
    const reminders = page.getByTestId('my-reminders');
    await expect(reminders.getByRole('row').filter({ hasText: `Смета ${marker}` })).toContainText(
      'Подключить руководство клиента',
    );
  });
});
