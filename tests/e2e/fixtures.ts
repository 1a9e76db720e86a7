import { test as base, expect } from '@playwright/test';
import { e2eAdmin } from './e2e-environment';

type Me = { user: { id: string; name: string; locale: string }; workspace: { id: string; name: string } };

type Fixtures = {
  /**
   * Signs the page's browser context in through the API (fast; the sign-in form has its own test)
   * and returns who is signed in. Defaults to the bootstrap admin.
   */
  login: (credentials?: { email: string; password: string }) => Promise<Me>;
};

export const test = base.extend<Fixtures>({
  login: async ({ page }, use) => {
    await use(async (credentials = e2eAdmin) => {
      // NOTE: page.request shares the context's cookie jar, so the session cookie reaches the page.
      const response = await page.request.post('/api/v1/auth/login', { data: credentials });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as Me;
    });
  },
});

export { expect };

/** A word no demo data contains, so a search finds exactly what the test created. */
export function uniqueWord(): string {
  return `qz${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
