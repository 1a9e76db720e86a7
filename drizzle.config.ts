import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
  entities: { roles: { provider: '' } },
});
