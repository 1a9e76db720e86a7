import { e2eAdmin } from './e2e-environment';
import { expect, test } from './fixtures';

test('the sign-in form reports a wrong password in the chosen language, then opens the accounts list', async ({
  page,
}) => {
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByText('RU', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();

  await page.getByRole('textbox', { name: 'E-mail' }).fill(e2eAdmin.email);
  await page.getByLabel(/^Пароль/).fill('not the password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toContainText('Неверный e-mail или пароль');

  await page.getByLabel(/^Пароль/).fill(e2eAdmin.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole('heading', { name: 'Аккаунты', level: 2 })).toBeVisible();
});
