import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

type Session = { csrfToken: string };
const password = 'correct horse battery';

async function write(request: APIRequestContext, session: Session, path: string, data: unknown) {
  const response = await request.post(path, { data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

/** Signs in as a new member and switches them to English (new members start in the workspace's Russian). */
async function signInInEnglish(
  page: Page,
  login: (credentials: { email: string; password: string }) => Promise<unknown>,
  credentials: { email: string; password: string },
) {
  const session = (await login(credentials)) as Session;
  const response = await page.request.patch('/api/v1/me', {
    data: { locale: 'en' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.ok()).toBe(true);
}

/** Waits for a toast to say `text` and go away (it covers the page's top-right buttons meanwhile). */
async function toastSays(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 10_000 });
}

test('a manager writes this year’s plan and submits it, the head approves it, and it downloads as Markdown', async ({
  page,
  login,
}) => {
  const marker = uniqueWord();
  const accountName = `Northwind ${marker}`;
  const manager = { email: `plan-manager-${marker}@example.com`, password };
  const head = { email: `plan-head-${marker}@example.com`, password };
  let accountId = '';

  await test.step('the admin adds a manager who owns an account, and a head', async () => {
    const admin = (await login()) as unknown as Session;
    const added = await write(page.request, admin, '/api/v1/members', {
      ...manager,
      name: `Mia ${marker}`,
      role: 'manager',
    });
    await write(page.request, admin, '/api/v1/members', { ...head, name: `Hal ${marker}`, role: 'head' });
    accountId = (
      await write(page.request, admin, '/api/v1/accounts', { name: accountName, ownerId: added.member.userId })
    ).id;
    await page.context().clearCookies();
  });

  await test.step('the manager starts the plan and writes a section, previewed as formatted text', async () => {
    await signInInEnglish(page, login, manager);
    await page.goto(`/accounts/${accountId}`);
    await page.getByRole('button', { name: 'Start this year’s plan' }).click();
    await expect(page.getByRole('heading', { name: /^Account plans: \d{4}-01-01 — \d{4}-12-31$/ })).toBeVisible();
    await expect(page.getByText('Section «Their marketplace» is empty.')).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Their marketplace' })
      .fill('Pharmacy chains **consolidate**.\n\n<b>not html</b>');
    await page.getByRole('tab', { name: 'Preview' }).first().click();
    await expect(page.getByText('consolidate', { exact: true })).toHaveCSS('font-weight', '700');
    await expect(page.getByText('<b>not html</b>', { exact: true })).toBeVisible();
  });

  await test.step('adds an objective with a target and an action, saves and submits', async () => {
    await page.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('textbox', { name: 'Objective', exact: true }).fill('Grow revenue');
    await page.getByRole('textbox', { name: 'Metric', exact: true }).fill('Revenue, mln RUB');
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('130');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Quarterly business review');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await toastSays(page, 'Plan saved');
    await expect(page.getByText('Section «Their marketplace» is empty.')).toBeHidden();
    await expect(page.getByText('Objective «Grow revenue» has no actions.')).toBeHidden();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByText('In review', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save plan' })).toBeHidden();
  });

  await test.step('the head approves it and downloads the Markdown', async () => {
    const planUrl = page.url();
    await page.context().clearCookies();
    await signInInEnglish(page, login, head);
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Approved', { exact: true })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    const download = await downloading;
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text).toContain(`# Account plan: ${accountName}`);
    expect(text).toContain('## Their marketplace');
    expect(text).toContain('Pharmacy chains **consolidate**.');
    expect(text).toContain('- Target: 130');
    expect(text).toContain('Quarterly business review');
  });
});
