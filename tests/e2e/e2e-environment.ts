/** The bootstrap admin the e2e server is started with (see playwright.config.ts). */
export const e2eAdmin = { email: 'admin@example.com', password: 'correct horse battery' };
