import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded-server';
import { migrateDatabase } from '../../src/platform/db/migrate';
import { createLogger } from '../../src/platform/logger';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/** The same server with another database name. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Starts PostgreSQL for the test run (embedded in a temporary directory, or the server of
 * DATABASE_URL) and migrates one template database that every test file copies.
 */
export default async function setup(project: TestProject) {
  const externalUrl = process.env.DATABASE_URL;
  const dataDir = externalUrl ? undefined : await mkdtemp(path.join(os.tmpdir(), 'accord-test-'));
  const embedded = dataDir ? await startEmbeddedPostgres({ dataDir, logger: createLogger('silent') }) : undefined;
  const serverUrl = externalUrl ?? (embedded?.serverUrl as string);
  const template = `accord_template_${process.pid}_${Date.now()}`;

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await migrateDatabase(withDatabaseName(serverUrl, template));
  await admin.query(`alter database ${template} with is_template true allow_connections false`);

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    if (embedded) {
      await admin.end();
      await embedded.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
      return;
    }
    await admin.query(`alter database ${template} with is_template false`);
    await admin.query(`drop database if exists ${template}`);
    await admin.end();
  };
}
