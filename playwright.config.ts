import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eAdmin } from './tests/e2e/e2e-environment';

// NOTE: the journeys run against the built bundle (`npm run test:e2e` builds first) on a fresh
// database in a temporary directory, emptied before every run.
const port = Number(process.env.ACCORD_E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const dataDirectory = path.join(os.tmpdir(), `accord-e2e-${port}`);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // NOTE: without the networking flags Chromium keeps calling Google services, which floods a
      // closed network; --no-sandbox because CI runs as root.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf '${dataDirectory}' && node bin/accord.js start`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDirectory,
      ACCORD_ADMIN_EMAIL: e2eAdmin.email,
      ACCORD_ADMIN_PASSWORD: e2eAdmin.password,
      ACCORD_DEMO: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
