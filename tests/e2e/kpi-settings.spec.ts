import { expect, test, uniqueWord } from './fixtures';

test('a custom metric and health weights are kept in the settings; invoices become a derived revenue series; a target is deleted after a confirmation', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'en' }, headers })).status()).toBe(200);
  const marker = uniqueWord();

  await test.step('add a custom metric, then rename it', async () => {
    await page.goto('/settings?tab=kpis');
    const catalogue = page.getByTestId('metric-catalogue');
    await catalogue.getByRole('button', { name: 'New metric' }).click();
    const dialog = page.getByRole('dialog', { name: 'New metric' });
    await dialog.getByRole('textbox', { name: 'Key' }).fill('Bad key');
    await dialog.getByRole('textbox', { name: 'Name in English' }).fill(`Calls booked ${marker}`);
    await dialog.getByRole('textbox', { name: 'Name in Russian' }).fill(`Записи на звонок ${marker}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('A key starts with a Latin letter')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Key' }).fill(`calls_${marker}`);
    await dialog.getByRole('combobox', { name: 'Aggregation' }).click();
    await page.getByRole('option', { name: 'Average', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Metric saved.')).toBeVisible();
    const row = catalogue.getByRole('row').filter({ hasText: `calls_${marker}` });
    await expect(row).toContainText('Average');
    await row.getByRole('button', { name: `Edit calls_${marker}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit' });
    await expect(edit.getByRole('textbox', { name: 'Key' })).toBeDisabled();
    await edit.getByRole('textbox', { name: 'Name in English' }).fill(`Booked calls ${marker}`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(row).toContainText(`Booked calls ${marker}`);
  });

  await test.step('weigh the health factors', async () => {
    const weights = page.getByTestId('health-weights');
    const complaints = weights.getByRole('textbox', { name: 'Open complaints' });
    const before = await complaints.inputValue();
    await complaints.fill('30');
    await weights.getByRole('button', { name: 'Save weights' }).click();
    await expect(page.getByText('Weights saved.')).toBeVisible();
    const saved = await (await page.request.get('/api/v1/health/settings')).json();
    expect(saved.weights.complaints).toBe(30);
    // NOTE: other journeys share the workspace: put the weight back.
    await complaints.fill(before);
    await weights.getByRole('button', { name: 'Save weights' }).click();
    await expect
      .poll(async () => (await (await page.request.get('/api/v1/health/settings')).json()).weights.complaints)
      .toBe(Number(before));
  });

  const account = await (
    await page.request.post('/api/v1/accounts', { data: { name: `Revenue ${marker}` }, headers })
  ).json();

  await test.step('an invoice issued last month shows as derived revenue, marked with its source', async () => {
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10)).toISOString().slice(0, 10);
    const draft = await (
      await page.request.post('/api/v1/invoices', {
        data: {
          accountId: account.id,
          currency: 'RUB',
          lines: [{ description: 'Ведение рекламы', quantityMilli: 1000, unitPriceMinor: 122_000_00, vatRate: 2200 }],
        },
        headers,
      })
    ).json();
    const issued = await page.request.post(`/api/v1/invoices/${draft.id}/issue`, {
      data: { issuedOn: lastMonth },
      headers,
    });
    expect(issued.status()).toBe(200);
    // The background job picks the change up within seconds; the page itself computes nothing.
    await expect
      .poll(
        async () =>
          (await (await page.request.get(`/api/v1/kpi-series?accountId=${account.id}&metricKey=revenue`)).json()).items
            .length,
        { timeout: 30_000 },
      )
      .toBe(1);
    await page.goto(`/accounts/${account.id}`);
    const link = page.getByRole('link', { name: 'Revenue · RUB' });
    await expect(link).toBeVisible();
    await expect(page.getByTestId('derived-badge').first()).toHaveText('From finance');
    await link.click();
    await expect(page.getByRole('heading', { name: 'Revenue · RUB' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Upload CSV' })).toHaveCount(0);
  });

  await test.step('a target is deleted only after the confirmation', async () => {
    const targets = page.getByRole('heading', { name: 'Targets' }).locator('..');
    await targets.getByLabel('From').fill('2026-01-01');
    await targets.getByLabel('To').fill('2026-12-31');
    await targets.getByRole('textbox', { name: 'Target' }).fill('150000');
    await targets.getByRole('button', { name: 'Add target' }).click();
    await expect(page.getByText('Target added.')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: '150,000' });
    await row.getByRole('button', { name: /^Delete/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the target' });
    await expect(confirm).toContainText('150,000');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog', { name: 'Delete the target' }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('Target deleted.')).toBeVisible();
    await expect(row).toHaveCount(0);
  });
});
