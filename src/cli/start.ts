import { loadConfig } from '../platform/config';
import { DataDirInUseError } from '../platform/db/data-dir-lock';
import { createLogger } from '../platform/logger';
import { startAccord } from '../server';
import { CommandError } from './commands';

/** `accord start`: runs until Ctrl-C or SIGTERM, then drains requests and stops the database. */
export async function startCommand(options: { port?: string; host?: string }): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const logger = createLogger(config.logLevel);
  let accord: Awaited<ReturnType<typeof startAccord>>;
  try {
    accord = await startAccord(config, logger);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new CommandError(error.message);
    throw error;
  }
  process.stdout.write(`Accord is running at ${accord.url}\n`);
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'stopping');
    accord.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
