import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

type Session = { csrfToken: string };

const password = 'correct horse battery';

async function write(
  request: APIRequestContext,
  session: Session,
  method: 'post' | 'put',
  path: string,
  data: unknown,
) {
  const response = await request[method](path, { data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

async function rate(page: Page, name: string, ratings: Record<string, string>) {
  await page.getByRole('button', { name: 'Rate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Rate “${name}”` });
  for (const [label, value] of Object.entries(ratings)) {
    await dialog.getByRole('textbox', { name: label, exact: true }).fill(value);
  }
  await dialog.getByRole('textbox', { name: 'Comment' }).first().fill('Confirmed with their CFO');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Ratings of “${name}” saved`).last()).toBeVisible();
}

const attractiveness = [
  'Volume and growth potential',
  'Profit potential',
  'Strategic fit',
  'Share-of-wallet headroom',
  'Ease of doing business',
];
const strength = [
  'Our share of wallet',
  'Customer satisfaction',
  'Position against competitors',
  'Track record together',
];
const all = (labels: string[], value: string) => Object.fromEntries(labels.map((label) => [label, value]));

test('an account is rated, moves quadrant on the matrix, is nominated, approved by the head, and the cap holds', async ({
  page,
  login,
}) => {
  const marker = uniqueWord();
  const accountName = `Northwind ${marker}`;
  const secondName = `Contoso ${marker}`;
  const managerName = `Maria Manager ${marker}`;
  const manager = { email: `manager-${marker}@example.com`, password };
  const head = { email: `head-${marker}@example.com`, password };

  await test.step('the admin adds a manager and a head, and two accounts the manager owns', async () => {
    const admin = (await login()) as unknown as Session;
    const added = await write(page.request, admin, 'post', '/api/v1/members', {
      ...manager,
      name: managerName,
      role: 'manager',
    });
    await write(page.request, admin, 'post', '/api/v1/members', {
      ...head,
      name: `Hanna Head ${marker}`,
      role: 'head',
    });
    for (const name of [accountName, secondName]) {
      await write(page.request, admin, 'post', '/api/v1/accounts', {
        name,
        status: 'active',
        ownerId: added.member.userId,
      });
    }
    await page.context().clearCookies();
  });

  await test.step('the manager rates the account: attractive, but a weak relationship — a Star', async () => {
    await login(manager);
    await page.goto('/portfolio');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: managerName }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('row', { name: new RegExp(accountName) }).click();
    await expect(page.getByRole('heading', { name: accountName, level: 2 })).toBeVisible();
    await expect(page.getByText('No quadrant until both axes have a score')).toBeVisible();
    await rate(page, accountName, { ...all(attractiveness, '9'), ...all(strength, '2') });
    await expect(page.getByText(/^Why Star\?/)).toBeVisible();
    await expect(page.getByText('Invest time and money to build the relationship')).toBeVisible();
  });

  await test.step('the matrix shows it among the Stars', async () => {
    await page.goBack();
    await expect(page.getByRole('img', { name: /Portfolio matrix/ })).toBeVisible();
    await expect(page.locator('[data-portfolio-ready]')).toBeVisible();
    await expect(page.locator('[data-quadrant="star"]')).toHaveText('Star: 1');
    await expect(page.getByRole('row', { name: new RegExp(accountName) })).toContainText('Star');
  });

  await test.step('a stronger relationship moves it to Strategic', async () => {
    await page.getByRole('row', { name: new RegExp(accountName) }).click();
    await rate(page, accountName, all(strength, '9'));
    await expect(page.getByText(/^Why Strategic\?/)).toBeVisible();
    await page.goBack();
    await expect(page.locator('[data-quadrant="strategic"]')).toHaveText('Strategic: 1');
    await expect(page.locator('[data-quadrant="star"]')).toHaveText('Star: 0');
    await expect(page.getByRole('row', { name: new RegExp(accountName) })).toContainText('Strategic');
  });

  await test.step('the manager nominates it, with a justification', async () => {
    await page.getByRole('row', { name: new RegExp(accountName) }).click();
    await page.getByRole('button', { name: 'Nominate as key account' }).click();
    const dialog = page.getByRole('dialog', { name: `Nominate “${accountName}” as a key account` });
    await dialog.getByRole('button', { name: 'Nominate' }).click();
    await expect(dialog.getByText('Must be at least 10 characters.')).toBeVisible();
    await dialog.getByLabel('Justification').fill('Opening three plants next year; we can supply all of them.');
    await dialog.getByRole('button', { name: 'Nominate' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`“${accountName}” nominated; the head of KAM will decide.`)).toBeVisible();
    await expect(page.getByText('Opening three plants next year')).toBeVisible();
  });

  await test.step('the head approves it: it becomes a key account', async () => {
    await page.context().clearCookies();
    await login(head);
    await page.goto('/portfolio?tab=approvals');
    const card = page.locator('[data-designation]').filter({ hasText: accountName });
    await card.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve “${accountName}” as a key account` });
    await dialog.getByLabel('Comment').fill('Agreed: assign an executive sponsor.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText(`“${accountName}” is now a key account`)).toBeVisible();
    await expect(card).toBeHidden();
  });

  const headSession = (await login(head)) as unknown as Session;
  const model = await (await page.request.get('/api/v1/portfolio/model')).json();

  await test.step('the head lowers the cap to today’s number of key accounts', async () => {
    await page.goto('/settings?tab=portfolio');
    const cap = page.getByRole('textbox', { name: 'Cap of key accounts' });
    await cap.fill(String(model.keyAccounts));
    await page.getByRole('textbox', { name: 'What changed (for the history)' }).fill('No more key accounts this year');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(page.getByText(`Model saved as version ${model.version + 1}`)).toBeVisible();
    await expect(page.getByRole('cell', { name: 'No more key accounts this year' })).toBeVisible();
  });

  await test.step('approving another nomination meets the cap', async () => {
    const found = await (await page.request.get(`/api/v1/accounts?q=${encodeURIComponent(secondName)}`)).json();
    await page.goto(`/accounts/${found.items[0].id}`);
    await page.getByRole('button', { name: 'Nominate as key account' }).click();
    const nomination = page.getByRole('dialog', { name: `Nominate “${secondName}” as a key account` });
    await expect(nomination.getByRole('alert')).toContainText('Attractiveness is not scored yet');
    await nomination.getByLabel('Justification').fill('A long-standing customer who always pays on time.');
    await nomination.getByRole('button', { name: 'Nominate' }).click();
    await expect(nomination).toBeHidden();

    await page.goto('/portfolio?tab=approvals');
    await expect(page.getByText('The cap is reached')).toBeVisible();
    const card = page.locator('[data-designation]').filter({ hasText: secondName });
    await expect(card).toContainText('The cap of key accounts is reached');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await expect(
      page.getByText(`The workspace already has ${model.keyAccounts} key accounts, its cap of ${model.keyAccounts}.`, {
        exact: false,
      }),
    ).toBeVisible();
  });

  await test.step('the cap goes back up for the other journeys', async () => {
    const current = await (await page.request.get('/api/v1/portfolio/model')).json();
    const {
      version: _v,
      note: _n,
      savedAt: _a,
      savedBy: _b,
      keyAccounts: _k,
      unavailable: _u,
      ...definition
    } = current;
    await write(page.request, headSession, 'put', '/api/v1/portfolio/model', { ...definition, keyAccountCap: 100 });
  });
});
