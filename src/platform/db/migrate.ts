import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectPath } from '../project-path';

export const migrationsFolder = projectPath('db', 'migrations');

/** Applies pending migrations; concurrent callers wait for each other on an advisory lock. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'accord-migrate' });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('accord:migrate'))`);
    await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('accord:migrate'))`).catch(() => undefined);
    await client.end();
  }
}
