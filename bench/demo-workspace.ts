import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApiToken } from '../src/modules/auth';
import { generateDemoWorkspace } from '../src/modules/demo';
import { createUser } from '../src/modules/users';
import { type Config, loadConfig } from '../src/platform/config';
import { asSystem, type Database, inWorkspace } from '../src/platform/db/client';
import { createLogger } from '../src/platform/logger';
import { buildApp, connectDatabase, disconnectDatabase } from '../src/server';
import { round } from './measure';

/** A demo workspace on a fresh embedded database, served over HTTP on a free port, for a scenario to measure. */
export type DemoWorkspace = {
  db: Database;
  config: Config;
  dataDir: string;
  admin: { id: string; email: string; password: string };
  workspaceId: string;
  /** An API token of the admin, for `Authorization: Bearer`. */
  token: string;
  /** `http://127.0.0.1:<port>` and the same with `/api/v1`. */
  origin: string;
  base: string;
  demoGenerationSeconds: number;
  /** Row counts of the given tables, all workspaces together. */
  countRows(tables: readonly string[]): Promise<Record<string, number>>;
  /** Stops the server and the database; the data directory goes too unless it is kept. */
  close(options?: { keepData?: boolean }): Promise<void>;
};

/**
 * Creates an admin and the demo workspace at `scale` (timed), analyzes the tables, makes an API
 * token and serves the app in this process. Scenarios share this so each measures only its own.
 */
export async function openDemoWorkspace(name: string, scale: number): Promise<DemoWorkspace> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `accord-bench-${name}-`));
  const logger = createLogger('warn');
  const config = {
    ...loadConfig({ ...process.env, ACCORD_DATA_DIR: dataDir, ACCORD_DEMO: '0' }),
    databaseUrl: undefined,
  };
  const connection = await connectDatabase(config, logger);
  const db = connection.handle.db;
  try {
    const admin = { email: `bench-${name}@example.com`, password: 'correct horse battery' };
    const { id: adminId } = await asSystem(db, {}, (tx) => createUser(tx, { ...admin, name: 'Bench', locale: 'ru' }));
    const started = performance.now();
    const workspace = await asSystem(db, { userId: adminId }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: adminId, scale, locale: 'ru', seed: 1, now: new Date() }),
    );
    const demoGenerationSeconds = round((performance.now() - started) / 1000);
    await db.execute(sql`analyze`);
    const actor = { userId: adminId, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(db, actor, (tx) =>
      createApiToken({ db: tx, actor, now: new Date() }, { name: 'bench' }),
    );
    const app = buildApp({ db, config, logger, now: () => new Date() });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return {
      db,
      config,
      dataDir,
      admin: { id: adminId, ...admin },
      workspaceId: workspace.id,
      token,
      origin,
      base: `${origin}/api/v1`,
      demoGenerationSeconds,
      async countRows(tables) {
        const counts: Record<string, number> = {};
        for (const table of tables) {
          const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
          counts[table] = result.rows[0]?.n ?? 0;
        }
        return counts;
      },
      async close({ keepData = false } = {}) {
        (server as Server).closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await disconnectDatabase(connection);
        if (!keepData) await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await disconnectDatabase(connection);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
