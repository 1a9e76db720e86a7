import type { Page } from '@playwright/test';
import { workspaceDay } from './e2e-environment';
import { expect, test, uniqueWord } from './fixtures';

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('an invoice is issued, partly paid, its signed act attached, and its receivable ages, in Russian', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const account = await (
    await page.request.post('/api/v1/accounts', { data: { name: `Финансы ${marker}` }, headers })
  ).json();

  await test.step('start a draft from the account page and type its line', async () => {
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Новый счёт' }).click();
    await expect(page.getByRole('heading', { name: 'Черновик счёта' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Наименование' }).fill('Сопровождение проекта');
    await page.getByRole('textbox', { name: 'Количество' }).fill('1');
    await page.getByRole('textbox', { name: 'Цена' }).fill('1 234 567,89');
    await expect(page.getByRole('cell', { name: /1\s234\s567,89\s₽/ })).toBeVisible();
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await toastSays(page, 'Черновик сохранён');
  });

  await test.step('issue it: it takes the next number', async () => {
    await page.getByRole('button', { name: 'Выставить' }).click();
    await expect(page.getByRole('heading', { name: /^Счёт № \d{4}-\d{5}$/ })).toBeVisible();
    await expect(page.getByText('Выставлен', { exact: true })).toBeVisible();
    await expect(page.getByText('Выставленный счёт изменить нельзя')).toBeVisible();
    await toastSays(page, 'выставлен');
  });

  await test.step('record a partial payment', async () => {
    await page.getByRole('button', { name: 'Внести оплату' }).click();
    const dialog = page.getByRole('dialog', { name: 'Поступление оплаты' });
    await dialog.getByRole('textbox', { name: 'Сумма, RUB' }).fill('234 567,89');
    await dialog.getByRole('textbox', { name: 'Основание (платёжное поручение)' }).fill('п/п 42');
    await dialog.getByRole('button', { name: 'Внести' }).click();
    await toastSays(page, 'Оплата внесена');
    await expect(page.getByText('Частично оплачен', { exact: true })).toBeVisible();
    await expect(page.getByTestId('invoice-open')).toHaveText(/1\s000\s000,00\s₽/);
  });

  await test.step('attach the act the client signed', async () => {
    await page.getByRole('textbox', { name: 'Номер акта' }).fill(`А-${marker}`);
    await page.getByRole('button', { name: 'Приложить акт' }).click();
    await toastSays(page, 'Акт приложен');
    await expect(page.getByRole('table', { name: 'Акты выполненных работ' })).toContainText(`А-${marker}`);
    await expect(page.getByRole('table', { name: 'Акты выполненных работ' })).toContainText('подписан');
  });

  await test.step('see the receivable age on the account, with an older invoice gone overdue', async () => {
    const draft = await (
      await page.request.post('/api/v1/invoices', {
        data: {
          accountId: account.id,
          currency: 'RUB',
          paymentTermsDays: 0,
          lines: [{ description: 'Поставка', quantityMilli: 1000, unitPriceMinor: 50_000, vatRate: 2200 }],
        },
        headers,
      })
    ).json();
    const issuedOn = workspaceDay(45);
    const issued = await page.request.post(`/api/v1/invoices/${draft.id}/issue`, { data: { issuedOn }, headers });
    expect(issued.status()).toBe(200);
    await page.goto(`/accounts/${account.id}`);
    const ageing = page.getByRole('table', { name: 'Старение дебиторской задолженности' });
    const rub = ageing.locator('tr[data-currency="RUB"]');
    await expect(rub.locator('[data-bucket="current"]')).toHaveText(/1\s000\s000,00\s₽/);
    await expect(rub.locator('[data-bucket="days31to60"]')).toHaveText(/500,00\s₽/);
    await page.getByRole('link', { name: 'Финансы' }).first().click();
    await page.getByRole('textbox', { name: 'Номер или аккаунт' }).fill(marker);
    const rows = page.getByRole('table', { name: 'Счета' }).getByRole('row');
    await expect(rows.filter({ hasText: 'просрочка 45 дн.' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Частично оплачен' })).toHaveCount(1);
    await page.getByRole('tab', { name: 'Дебиторка' }).click();
    await expect(page.getByRole('table', { name: 'Старение дебиторской задолженности' })).toContainText(
      'Более 90 дней',
    );
    await expect(page.getByRole('table', { name: 'Кому напомнить об оплате' })).toContainText('Направить претензию');
  });
});

test('a bank statement pays the invoice it names, the rest waits to be matched, and the invoice prints as PDF', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'ru' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const account = await (
    await page.request.post('/api/v1/accounts', { data: { name: `Выписка ${marker}` }, headers })
  ).json();
  const draft = await (
    await page.request.post('/api/v1/invoices', {
      data: {
        accountId: account.id,
        currency: 'RUB',
        lines: [{ description: 'Аудит', quantityMilli: 1000, unitPriceMinor: 12_345_00, vatRate: null }],
      },
      headers,
    })
  ).json();
  const invoice = await (await page.request.post(`/api/v1/invoices/${draft.id}/issue`, { data: {}, headers })).json();

  await page.goto('/finance?tab=bank');
  const statement = [
    'Дата;Сумма;Плательщик;Назначение платежа',
    `26.11.2026;12 345,00;Выписка ${marker};Оплата по счёту № ${invoice.number}`,
    `26.11.2026;1,${String(Date.now()).slice(-2)};Неизвестный ${marker};Перевод ${marker}`,
  ].join('\n');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'statement.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(statement, 'utf8'),
  });
  await expect(page.getByText(/разнесено по счетам: 1; ждут разноски: 1/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Строки выписки, ждущие разноски' })).toContainText(`Перевод ${marker}`);

  await page.goto(`/finance/invoices/${invoice.id}`);
  await expect(page.getByText('Оплачен', { exact: true })).toBeVisible();
  const pdf = page.getByRole('link', { name: 'Скачать PDF' });
  await expect(pdf).toHaveAttribute('href', `/api/v1/invoices/${invoice.id}/pdf`);
  const response = await page.request.get(`/api/v1/invoices/${invoice.id}/pdf`);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
