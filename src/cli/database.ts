import { loadConfig } from '../platform/config';
import type { Database } from '../platform/db/client';
import { createLogger, type Logger } from '../platform/logger';
import { connectDatabase, disconnectDatabase } from '../server';

/**
 * Runs a one-off command against Accord's database: DATABASE_URL, or the embedded server of
 * the data directory (joining the one a running Accord started, or starting it for the command).
 */
export async function withDatabase<T>(work: (db: Database, logger: Logger) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', undefined);
  const connection = await connectDatabase(config, logger, { attachIfRunning: true });
  try {
    return await work(connection.handle.db, logger);
  } finally {
    await disconnectDatabase(connection);
  }
}
