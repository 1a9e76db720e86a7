import { execFileSync } from 'node:child_process';
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

test('a manager writes this year’s plan and submits it, the head approves it, and it downloads as Markdown and PDF', async ({
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

  await test.step('and exports the PDF', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
    expect(text).toContain(`Account plan: ${accountName}`);
    expect(text).toContain('Whitespace: buying centres');
  });
});

test('a manager edits the whitespace, opens an opportunity on a cell, loses it on the workspace pipeline and reads plan vs forecast vs actual', async ({
  page,
  login,
}) => {
  const marker = uniqueWord();
  const manager = { email: `ws-manager-${marker}@example.com`, password };
  const offeringName = `Cloud ERP ${marker}`;
  let accountId = '';

  await test.step('the admin keeps the catalogue; the account has a buying centre with a whitespace cell', async () => {
    const admin = (await login()) as unknown as Session;
    const added = await write(page.request, admin, '/api/v1/members', {
      ...manager,
      name: `Max ${marker}`,
      role: 'manager',
    });
    accountId = (
      await write(page.request, admin, '/api/v1/accounts', { name: `Contoso ${marker}`, ownerId: added.member.userId })
    ).id;
    const offering = await write(page.request, admin, '/api/v1/offerings', {
      name: offeringName,
      family: 'Software',
      kind: 'product',
    });
    const centres = await write(page.request, admin, `/api/v1/accounts/${accountId}/buying-centres`, {
      name: 'IT',
      kind: 'function',
    });
    const response = await page.request.put(`/api/v1/accounts/${accountId}/whitespace/cells`, {
      data: {
        buyingCentreId: centres.items[0].id,
        offeringId: offering.id,
        state: 'whitespace',
        currency: 'USD',
        potentialMinor: 5_000_000,
      },
      headers: { 'x-csrf-token': admin.csrfToken },
    });
    expect(response.ok(), await response.text()).toBe(true);
    await page.context().clearCookies();
  });

  await test.step('the manager raises the cell’s potential in place', async () => {
    await signInInEnglish(page, login, manager);
    await page.goto(`/accounts/${accountId}`);
    const matrix = page.getByRole('table', { name: 'Whitespace' });
    await expect(matrix.getByText('$50,000.00').first()).toBeVisible();
    await page.getByRole('button', { name: `Edit cell ${offeringName} · IT` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit cell ${offeringName} · IT` });
    await dialog.getByRole('textbox', { name: 'Potential' }).fill('75000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(matrix.getByText('$75,000.00').first()).toBeVisible();
  });

  await test.step('clicks the whitespace cell and creates the prefilled opportunity; the cell is now in play', async () => {
    const matrix = page.getByRole('table', { name: 'Whitespace' });
    await page.getByRole('button', { name: `Create an opportunity for ${offeringName} · IT` }).click();
    const dialog = page.getByRole('dialog', { name: 'New opportunity' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(`${offeringName} · IT`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(matrix.getByText('Opportunities: 1')).toBeVisible();
    await expect(matrix.getByText('Opportunity', { exact: true })).toBeVisible();
  });

  await test.step('moves it to the proposal stage from the keyboard', async () => {
    const qualify = page.getByRole('list', { name: 'Qualify' });
    await expect(qualify.getByText(`${offeringName} · IT`)).toBeVisible();
    const stage = page.getByRole('combobox', { name: `Stage of «${offeringName} · IT»` });
    await stage.focus();
    await stage.selectOption({ label: 'Proposal' });
    const proposal = page.getByRole('list', { name: 'Proposal' });
    await expect(proposal.getByText(`${offeringName} · IT`)).toBeVisible();
    await expect(proposal.getByText(/· 50 %$/)).toBeVisible();
  });
  await test.step('finds it on the workspace pipeline by account and marks it lost, giving the reason in a modal', async () => {
    await page.getByRole('link', { name: 'Pipeline' }).click();
    await expect(page.getByRole('heading', { name: 'Pipeline of all accounts' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Account' }).click();
    await page.getByRole('option', { name: `Contoso ${marker}` }).click();
    const card = page.getByTestId('opportunity-card').filter({ hasText: `${offeringName} · IT` });
    await expect(page.getByTestId('opportunity-card')).toHaveCount(1);
    await card.getByRole('combobox', { name: `Stage of «${offeringName} · IT»` }).selectOption({ label: 'Lost' });
    const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(dialog.getByText('Say why it was lost.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Why was it lost?' }).fill('Budget frozen until next year');
    await dialog.getByRole('button', { name: 'Mark as lost' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('opportunity-card')).toHaveCount(0);
    await expect(page.getByText('No open opportunities match.')).toBeVisible();
  });

  await test.step('starts the plan with a revenue target and reads plan vs forecast vs actual', async () => {
    await page.goto(`/accounts/${accountId}`);
    await page.getByRole('button', { name: 'Start this year’s plan' }).click();
    await page.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('textbox', { name: 'Objective', exact: true }).fill('Grow revenue');
    const target = page.getByRole('textbox', { name: 'Revenue target' });
    await target.fill('120000');
    await target.blur();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await toastSays(page, 'Plan saved');
    const table = page.getByRole('table', { name: 'Plan vs forecast vs actual, RUB' });
    await expect(table).toBeVisible();
    await expect(page.getByText('Actuals entered by hand')).toBeVisible();
    await expect(table.getByText('All amounts in RUB.')).toBeVisible();
    const fullPeriod = table.getByRole('row').filter({ hasText: 'Full period' });
    await expect(fullPeriod.getByRole('cell').nth(1)).toHaveText('₽120,000.00');
  });
});

test('a head keeps the catalogue, the pipeline and the template, fills competitors, a KPI metric and an owner, and finds the plan in the list', async ({
  page,
  login,
}) => {
  const marker = uniqueWord();
  const head = { email: `plan-settings-${marker}@example.com`, password };
  const headName = `Hera ${marker}`;
  const accountName = `Fabrikam ${marker}`;
  let accountId = '';

  await test.step('the admin adds a head who owns an account', async () => {
    const admin = (await login()) as unknown as Session;
    const added = await write(page.request, admin, '/api/v1/members', { ...head, name: headName, role: 'head' });
    accountId = (
      await write(page.request, admin, '/api/v1/accounts', { name: accountName, ownerId: added.member.userId })
    ).id;
    await page.context().clearCookies();
    await signInInEnglish(page, login, head);
  });

  await test.step('adds, renames and retires an offering', async () => {
    await page.goto('/settings?tab=opportunities');
    const catalogue = page.getByRole('table', { name: 'Offering catalogue' });
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Analytics ${marker}`);
    await page.getByRole('textbox', { name: 'Family', exact: true }).fill('Software');
    await page.getByRole('button', { name: 'Add offering' }).click();
    const name = catalogue.getByRole('textbox', { name: `Name: Analytics ${marker}` });
    await expect(name).toHaveValue(`Analytics ${marker}`);
    await name.fill(`Analytics Pro ${marker}`);
    await name.press('Tab');
    await expect(catalogue.getByRole('textbox', { name: `Name: Analytics Pro ${marker}` })).toBeVisible();
    await catalogue.getByRole('button', { name: `Retire: Analytics Pro ${marker}` }).click();
    await expect(catalogue.getByRole('button', { name: `Bring back: Analytics Pro ${marker}` })).toBeVisible();
  });

  await test.step('adds a pipeline stage and moves it before negotiation; won and lost stay last', async () => {
    const stages = page.getByRole('table', { name: 'Pipeline stages' });
    await page.getByRole('textbox', { name: 'Title (English)', exact: true }).fill(`Pilot ${marker}`);
    await page.getByRole('textbox', { name: 'Title (Russian)', exact: true }).fill('Пилот');
    await page.getByRole('button', { name: 'Add stage' }).click();
    const titles = stages.getByRole('textbox', { name: /^Title \(English\):/ });
    await expect(titles.nth(4)).toHaveValue(`Pilot ${marker}`);
    await stages.getByRole('button', { name: `Move «Pilot ${marker}» up` }).click();
    await expect(titles.nth(3)).toHaveValue(`Pilot ${marker}`);
    await expect(titles.nth(5)).toHaveValue('Won');
    await expect(titles.nth(6)).toHaveValue('Lost');
  });

  await test.step('adds a template section and moves it up', async () => {
    await page.goto('/settings?tab=plan-template');
    const template = page.getByRole('table', { name: 'Plan template' });
    await page.getByRole('textbox', { name: 'Title (English)', exact: true }).fill(`Risks ${marker}`);
    await page.getByRole('textbox', { name: 'Title (Russian)', exact: true }).fill(`Риски ${marker}`);
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(template.getByRole('textbox', { name: `Title (English): Risks ${marker}` })).toBeVisible();
    const titles = template.getByRole('textbox', { name: /^Title \(English\):/ });
    const count = await titles.count();
    await expect(titles.nth(count - 1)).toHaveValue(`Risks ${marker}`);
    await template.getByRole('button', { name: `Move «Risks ${marker}» up` }).click();
    await expect(titles.nth(count - 2)).toHaveValue(`Risks ${marker}`);
  });

  await test.step('starts a plan with the new section, a competitor, a KPI metric and an action owner', async () => {
    await page.goto(`/accounts/${accountId}`);
    await page.getByRole('button', { name: 'Start this year’s plan' }).click();
    await expect(page.getByRole('textbox', { name: `Risks ${marker}` })).toBeVisible();
    await page.getByRole('button', { name: 'Add competitor' }).click();
    await page.getByRole('textbox', { name: 'Competitor', exact: true }).fill(`Acme ${marker}`);
    await page.getByRole('textbox', { name: 'Share of wallet, %' }).fill('30');
    await page.getByRole('combobox', { name: 'Threat' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    await page.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('textbox', { name: 'Objective', exact: true }).fill('Grow analytics');
    await page.getByRole('combobox', { name: 'KPI metric' }).click();
    await page.getByRole('option', { name: 'Revenue', exact: true }).click();
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('130');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Executive sponsor meeting');
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: headName }).click();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await toastSays(page, 'Plan saved');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Competitor', exact: true })).toHaveValue(`Acme ${marker}`);
    await expect(page.getByRole('combobox', { name: 'Threat' })).toHaveValue('High');
    await expect(page.getByRole('combobox', { name: 'KPI metric' })).toHaveValue('Revenue');
    await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue(headName);
  });

  await test.step('finds the plan in the workspace list by owner and grade', async () => {
    await page.getByRole('link', { name: 'Account plans' }).click();
    await page.getByRole('combobox', { name: 'Account owner' }).click();
    await page.getByRole('option', { name: headName }).click();
    const list = page.getByRole('table', { name: 'Account plans' });
    await expect(list.getByRole('link', { name: accountName })).toBeVisible();
    await page.getByRole('combobox', { name: 'Completeness' }).click();
    await page.getByRole('option', { name: 'Incomplete' }).click();
    await expect(list.getByRole('link', { name: accountName })).toBeVisible();
    await page.getByRole('combobox', { name: 'Completeness' }).click();
    await page.getByRole('option', { name: 'Complete', exact: true }).click();
    await expect(page.getByText('No plans match.')).toBeVisible();
  });

  await test.step('retires the template section again', async () => {
    await page.goto('/settings?tab=plan-template');
    await page.getByRole('button', { name: `Retire: Risks ${marker}` }).click();
    await expect(page.getByRole('button', { name: `Bring back: Risks ${marker}` })).toBeVisible();
  });
});
