import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

test('an admin downloads a backup of the workspace, and a file that is not one is refused on restore', async ({
  page,
  login,
}) => {
  const session = (await login()) as Awaited<ReturnType<typeof login>> & { csrfToken: string };
  const language = await page.request.patch('/api/v1/me', {
    data: { locale: 'en' },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(language.ok()).toBe(true);
  await page.goto('/settings?tab=backup');

  await test.step('download the backup: a gzip’d file that names the workspace and ends with its manifest', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^accord-\d{4}-\d{2}-\d{2}\.accord-backup\.gz$/);
    const lines = gunzipSync(await readFile((await download.path()) as string))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    expect(JSON.parse(lines[0] as string)['@backup'].workspace).toEqual({
      id: session.workspace.id,
      name: session.workspace.name,
    });
    const manifest = JSON.parse(lines.at(-1) as string)['@manifest'];
    expect(manifest.tables.accounts.rows).toBeGreaterThan(0);
  });

  await test.step('restoring a file that is not a backup asks first, then says why nothing was restored', async () => {
    await expect(page.getByRole('button', { name: 'Restore from a file…' })).toBeVisible();
    // NOTE: the button opens the file chooser of a hidden input, the only one on this tab.
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'notes.gz', mimeType: 'application/gzip', buffer: Buffer.from('not a backup') });
    await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This is not an Accord backup file' })).toBeVisible();
  });
});
