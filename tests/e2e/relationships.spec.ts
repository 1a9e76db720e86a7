import type { Page } from '@playwright/test';
import { expect, test, uniqueWord } from './fixtures';

type Contact = { id: string; fullName: string };

/** Where a card is once the chart has stopped moving (it re-fits itself after a change). */
async function settledBox(page: Page, name: string) {
  const card = page.getByTestId('stakeholder-card').filter({ hasText: name });
  let previous = await card.boundingBox();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await page.waitForTimeout(100);
    const current = await card.boundingBox();
    if (current && previous && current.x === previous.x && current.y === previous.y) return current;
    previous = current;
  }
  throw new Error(`the card of ${name} does not stand still`);
}

/** Drags one card of the org chart onto another with real mouse moves, as a person would. */
async function dropCardOnto(page: Page, person: string, manager: string) {
  const from = await settledBox(page, person);
  const to = await settledBox(page, manager);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('an org chart is built by drag and drop, a meeting is logged, and the gap it closes disappears', async ({
  page,
  login,
}) => {
  const me = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  expect((await page.request.patch('/api/v1/me', { data: { locale: 'en' }, headers })).status()).toBe(200);
  const marker = uniqueWord();
  const account = await (
    await page.request.post('/api/v1/accounts', { data: { name: `Map ${marker}` }, headers })
  ).json();
  const people: Record<string, Contact> = {};
  for (const [lastName, title] of [
    ['Directorova', 'Chief executive'],
    ['Buyerson', 'Head of purchasing'],
    ['Engineerov', 'Chief engineer'],
  ]) {
    const response = await page.request.post('/api/v1/contacts', {
      data: { accountId: account.id, lastName: `${lastName} ${marker}`, title },
      headers,
    });
    expect(response.status()).toBe(201);
    people[lastName as string] = await response.json();
  }
  const managerOf = async (contact: Contact) =>
    (await (await page.request.get(`/api/v1/contacts/${contact.id}`)).json()).reportsToId;

  await test.step('build the reporting lines by dragging cards onto their manager', async () => {
    await page.goto(`/accounts/${account.id}/relationship-map`);
    await expect(page.getByRole('heading', { name: `Relationship map: Map ${marker}` })).toBeVisible();
    await expect(page.getByTestId('stakeholder-card')).toHaveCount(3);

    for (const report of ['Buyerson', 'Engineerov']) {
      await dropCardOnto(page, `${report} ${marker}`, `Directorova ${marker}`);
      const dialog = page.getByRole('dialog', { name: 'Change reporting line' });
      await expect(dialog).toContainText(`${report} ${marker} will report to Directorova ${marker}`);
      await dialog.getByRole('button', { name: 'Change' }).click();
      await expect(page.getByText(`${report} ${marker} now reports to Directorova ${marker}.`)).toBeVisible();
      await expect.poll(() => managerOf(people[report] as Contact)).toBe(people.Directorova?.id);
    }
  });

  await test.step('a move can be undone from its toast, and a cycle is refused', async () => {
    await dropCardOnto(page, `Engineerov ${marker}`, `Buyerson ${marker}`);
    await page.getByRole('dialog', { name: 'Change reporting line' }).getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => managerOf(people.Engineerov as Contact)).toBe(people.Buyerson?.id);
    await page
      .getByRole('alert')
      .filter({ hasText: `Engineerov ${marker} now reports to Buyerson ${marker}.` })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(page.getByText('Reporting line restored.')).toBeVisible();
    await expect.poll(() => managerOf(people.Engineerov as Contact)).toBe(people.Directorova?.id);

    await dropCardOnto(page, `Directorova ${marker}`, `Buyerson ${marker}`);
    await expect(page.getByText(`Directorova ${marker} cannot report to someone below them.`)).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Change reporting line' })).toBeHidden();
  });

  await test.step('mark the chief executive as decision maker and key player, owned by me', async () => {
    await page
      .getByTestId('stakeholder-card')
      .filter({ hasText: `Directorova ${marker}` })
      .click();
    const drawer = page.getByRole('dialog', { name: 'Stakeholder' });
    await expect(drawer.getByText('Last contact: never')).toBeVisible();
    await drawer.getByRole('combobox', { name: 'Buying role' }).click();
    await page.getByRole('option', { name: 'Decision maker' }).click();
    await drawer.getByRole('switch', { name: 'Key player' }).click();
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Stakeholder attributes saved')).toBeVisible();
    await drawer.getByRole('combobox', { name: 'Our person' }).click();
    await page.getByRole('option', { name: me.user.name }).click();
    await drawer.getByRole('button', { name: 'Add owner' }).click();
    await expect(drawer.getByRole('button', { name: `Remove ${me.user.name}` })).toBeVisible();
    await page.keyboard.press('Escape');
    const card = page.getByTestId('stakeholder-card').filter({ hasText: `Directorova ${marker}` });
    await expect(card).toContainText('DM');
    await expect(card.getByLabel(/Not contacted/)).toBeVisible();
  });

  await test.step('export the chart as an image', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'PNG' }).click();
    expect((await download).suggestedFilename()).toBe(`Map ${marker} — Relationship map.png`);
  });

  await test.step('log a meeting on the account page, and see the gap disappear', async () => {
    await page.getByRole('link', { name: `Map ${marker}` }).click();
    const gaps = page.getByTestId('relationship-gaps');
    await expect(gaps).toContainText('Key player not contacted');
    await expect(gaps).toContainText(`Directorova ${marker}: never contacted.`);
    await expect(gaps).not.toContainText('Decision maker unknown');

    await page.getByRole('button', { name: 'Log interaction' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log interaction' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(`Kick-off ${marker}`);
    await dialog.getByLabel('Their people').click();
    await page.getByRole('option', { name: `Directorova ${marker}` }).click();
    await dialog.getByRole('textbox', { name: 'Next step', exact: true }).fill('Send the proposal');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('interaction').filter({ hasText: `Kick-off ${marker}` })).toContainText(
      'Next step: Send the proposal',
    );

    await expect(gaps).not.toContainText('Key player not contacted');
    await expect(gaps).toContainText('Single-threaded account');
  });
});
