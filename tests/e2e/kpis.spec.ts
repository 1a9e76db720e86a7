import { expect, test, uniqueWord } from './fixtures';

/** Two years of weekly leads with a spike in week 90, and one row nobody can read. */
function leadsCsv(): string {
  const start = Date.UTC(2024, 0, 1);
  const lines = ['Date;Channel;Leads'];
  for (let week = 0; week < 104; week += 1) {
    const day = new Date(start + week * 7 * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`;
    const value = week === 90 ? 480 : 100 + ((week * 37) % 11) + 10 * Math.sin(week / 8);
    lines.push(`${date};VK Ads;${value.toFixed(1).replace('.', ',')}`);
  }
  lines.push('someday;VK Ads;12');
  return `${lines.join('\n')}\n`;
}

test('points uploaded from a CSV show an anomaly marker with its explanation, turned into a follow-up', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'en' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const account = await (
    await page.request.post('/api/v1/accounts', { data: { name: `KPI ${marker}` }, headers })
  ).json();

  await test.step('upload the CSV: map the columns, preview it, see the row that cannot be read', async () => {
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole('button', { name: 'Upload CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload points from CSV' });
    await dialog.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Leads', exact: true }).click();
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'leads.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(leadsCsv()),
    });
    await expect(dialog.getByTestId('csv-preview')).toContainText('VK Ads');
    await expect(dialog.getByRole('combobox', { name: 'Channel column' })).toHaveValue('Channel');
    await expect(dialog.getByText('Points ready: 104')).toBeVisible();
    await expect(dialog.getByTestId('csv-row-errors')).toContainText('Line 106: “someday” is not a date');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(page.getByText('Uploaded: 104 new, 0 corrected, 0 unchanged.')).toBeVisible();
  });

  await test.step('the series chart marks the spike, and its finding explains it', async () => {
    await page.getByRole('link', { name: 'Leads · VK Ads' }).first().click();
    await expect(page.getByRole('heading', { name: 'Leads · VK Ads' })).toBeVisible();
    const chart = page.getByTestId('kpi-chart');
    await expect(chart).not.toHaveAttribute('data-markers', '0', { timeout: 20_000 });
    await expect(page.getByRole('img', { name: /Chart of Leads · VK Ads/ })).toBeVisible();
    const spike = page.getByTestId('kpi-finding').filter({ hasText: 'Spike' });
    await expect(spike.getByTestId('kpi-finding-explanation')).toContainText('480');
    await expect(spike.getByTestId('kpi-finding-explanation')).toContainText('above the expected range');
  });

  await test.step('turn the finding into a follow-up on the account’s timeline', async () => {
    const spike = page.getByTestId('kpi-finding').filter({ hasText: 'Spike' });
    await spike.getByRole('button', { name: 'Follow up' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn the finding into a follow-up' });
    await dialog.getByRole('textbox', { name: 'Next step' }).fill(`Ask the client about the VK campaign ${marker}`);
    await dialog.getByRole('button', { name: 'Follow up' }).click();
    await expect(page.getByText('Follow-up added to the account’s timeline.')).toBeVisible();
    await expect(spike.getByText('Follow-up', { exact: true })).toBeVisible();
    await spike.getByRole('link', { name: 'See the follow-up' }).click();
    await expect(page.getByText('KPI anomaly: Leads · VK Ads')).toBeVisible();
    await expect(page.getByText(`Ask the client about the VK campaign ${marker}`)).toBeVisible();
  });
});
