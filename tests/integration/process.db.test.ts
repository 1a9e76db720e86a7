import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isProcessAlive } from '../../src/platform/db/data-dir-lock';
import { runAccord, startAccordProcess, watch } from '../support/accord-process';
import { withDatabaseName } from '../support/global-database';

const admin = { email: 'owner@example.com', password: 'correct horse battery' };

async function signIn(url: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(response.status).toBe(200);
  const me = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: me.csrfToken };
}

async function createAccount(url: string, name: string) {
  const session = await signIn(url);
  const response = await fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function accountExists(url: string, id: string) {
  const session = await signIn(url);
  const response = await fetch(`${url}/api/v1/accounts/${id}`, { headers: { cookie: session.cookie } });
  return response.status === 200;
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  return Number((await readFile(file, 'utf8')).split('\n')[0]);
}

// NOTE: these run the real `accord start` as a child process, against the embedded server. The
// first creates a cluster and runs every migration, which takes longer than the suite's default
// 30 s on a machine busy with other work.
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'accord start on the embedded database',
  { timeout: 120_000 },
  () => {
    let dataDir: string;
    const environment = () => ({
      ACCORD_DATA_DIR: dataDir,
      ACCORD_ADMIN_EMAIL: admin.email,
      ACCORD_ADMIN_PASSWORD: admin.password,
      ACCORD_DEMO: '0',
    });

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-process-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('starts on an empty data dir, refuses a second process, and stops cleanly on SIGTERM', async () => {
      const first = await startAccordProcess(environment());
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);

      const second = runAccord(['start'], { ...environment(), PORT: '0' });
      const secondRun = watch(second);
      expect(await secondRun.exited).toBe(1);
      expect(secondRun.output()).toContain('Another Accord process');

      const pgPid = await postmasterPid(dataDir);
      expect(pgPid && isProcessAlive(pgPid)).toBe(true);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(pgPid && isProcessAlive(pgPid)).toBe(false);
      expect(existsSync(path.join(dataDir, 'accord.lock'))).toBe(false);
    });

    it('keeps every committed row through kill -9 and a restart', async () => {
      const running = await startAccordProcess(environment());
      const id = await createAccount(running.url, 'Crash-proof Ltd');
      running.child.kill('SIGKILL');
      await running.exited;

      const restarted = await startAccordProcess(environment());
      expect(await accountExists(restarted.url, id)).toBe(true);
      expect(restarted.output()).not.toContain('password:');
      restarted.child.kill('SIGINT');
      expect(await restarted.exited).toBe(0);
    });

    it('migrates, creates an API token and a user from the CLI while the server runs', async () => {
      const running = await startAccordProcess(environment());
      const migrate = watch(runAccord(['migrate'], environment()));
      expect(await migrate.exited).toBe(0);
      const token = watch(runAccord(['token', 'create', '--email', admin.email, '--name', 'ci'], environment()));
      expect(await token.exited).toBe(0);
      const secret = token
        .output()
        .split('\n')
        .find((line) => line.startsWith('acc_'));
      expect(secret).toBeDefined();
      const me = await fetch(`${running.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(me.status).toBe(200);

      const badWorkspace = watch(
        runAccord(
          ['user', 'create', '--email', 'new@example.com', '--name', 'New', '--workspace', 'nope'],
          environment(),
        ),
      );
      expect(await badWorkspace.exited).toBe(1);
      expect(badWorkspace.output()).toContain('--workspace');
      const created = watch(
        runAccord(
          ['user', 'create', '--email', 'new@example.com', '--name', 'Новый', '--role', 'viewer'],
          environment(),
        ),
      );
      expect(await created.exited).toBe(0);
      const password = /Password \(shown once\): (\S+)/.exec(created.output())?.[1];
      const signIn = await fetch(`${running.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'new@example.com', password }),
      });
      expect(signIn.status).toBe(200);
      expect(((await signIn.json()) as { role: string }).role).toBe('viewer');
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      // NOTE: six processes, each compiling the CLI with tsx: over 30 s on a busy 2-core machine.
    }, 90_000);
  },
);

describe('accord start on an external database (DATABASE_URL)', () => {
  it('applies the same migrations and serves from that server', async () => {
    const serverUrl = inject('databaseServerUrl');
    const name = `accord_external_${Date.now()}`;
    const adminClient = new pg.Client({ connectionString: serverUrl });
    await adminClient.connect();
    await adminClient.query(`create database ${name}`);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-external-'));
    try {
      const running = await startAccordProcess({
        DATABASE_URL: withDatabaseName(serverUrl, name),
        ACCORD_DATA_DIR: dataDir,
        ACCORD_ADMIN_EMAIL: admin.email,
        ACCORD_ADMIN_PASSWORD: admin.password,
        ACCORD_DEMO: '0',
      });
      const id = await createAccount(running.url, 'External Ltd');
      expect(await accountExists(running.url, id)).toBe(true);
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      const applied = await new pg.Client({ connectionString: withDatabaseName(serverUrl, name) });
      await applied.connect();
      const migrations = await applied.query('select count(*)::int as count from drizzle.__drizzle_migrations');
      await applied.end();
      expect(migrations.rows[0].count).toBeGreaterThanOrEqual(3);
    } finally {
      await adminClient.query(`drop database if exists ${name} with (force)`);
      await adminClient.end();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
