/** The bootstrap admin the e2e server is started with (see playwright.config.ts). */
export const e2eAdmin = { email: 'admin@example.com', password: 'correct horse battery' };

/**
 * The calendar day `daysAgo` days before today where the demo workspace is (Moscow, as the
 * browser's time zone): how the server counts days overdue. A UTC date is a day behind it every
 * evening after 21:00 UTC.
 */
export function workspaceDay(daysAgo: number): string {
  // NOTE: the Swedish locale formats dates as ISO `YYYY-MM-DD`.
  return new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
}
