import { defineConfig } from 'vitest/config';

// NOTE: `*.db.test.ts` files need PostgreSQL; the global setup starts one (embedded, or the
// server of DATABASE_URL) and migrates a template database that each test file copies.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.db.test.ts', 'tests/integration/**/*.db.test.ts'],
          globalSetup: ['tests/support/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
