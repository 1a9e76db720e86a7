import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type SeededWorkspace, useTestApp } from '../../../tests/support/test-app';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { asSystem, type Database, inWorkspace } from '../../platform/db/client';
import { createApiToken } from '../auth';
import { generateDemoWorkspace } from '../demo';
import { maySkipRowChecks } from './foreign-keys';
import { excludedTables, planBackup, restoreWorkspace } from './index';
import { backupMessages } from './messages';

type Fingerprint = Record<string, { rows: number; md5: string }>;

/**
 * Every backed-up table's row count and a checksum of its content, read straight from the
 * database (not from a backup file), so a round trip is compared with what is really stored.
 */
async function fingerprint(db: Database, workspaceId: string): Promise<Fingerprint> {
  const plan = await planBackup(db);
  const result: Fingerprint = {};
  for (const table of plan.tables) {
    const where =
      table.scope === 'workspace'
        ? sql`id = ${workspaceId}`
        : table.scope === 'users'
          ? sql`id in (select user_id from memberships where workspace_id = ${workspaceId})`
          : table.name === 'audit_log'
            ? sql`workspace_id = ${workspaceId} and not coalesce(after ? 'restoredFrom', false)`
            : sql`workspace_id = ${workspaceId}`;
    const columns = sql.join(
      table.columns.map((column) => sql.identifier(column)),
      sql`, `,
    );
    const order = sql.join(
      table.key.map((column) => sql`r.${sql.identifier(column)}`),
      sql`, `,
    );
    const { rows } = await db.execute<{ rows: number; md5: string }>(sql`
      select count(*)::int as rows, md5(coalesce(string_agg(row_to_json(r)::text, E'\n' order by ${order}), '')) as md5
      from (select ${columns} from ${sql.identifier(table.name)} where ${where}) as r`);
    result[table.name] = rows[0] as { rows: number; md5: string };
  }
  return result;
}

/** The uncompressed lines of a backup, to damage one on purpose. */
function linesOf(file: Uint8Array): string[] {
  return gunzipSync(file).toString('utf8').trimEnd().split('\n');
}

/**
 * Lines edited on purpose, sealed again with correct counts and checksums, as a crafted file would
 * be: what the restore must then catch is in the rows themselves.
 */
function resealed(lines: string[]): Uint8Array {
  const body = lines.slice(0, -1);
  const manifest = JSON.parse(lines.at(-1) as string)['@manifest'];
  const tables: Record<string, { rows: number; sha256: string }> = {};
  let current: { rows: number; hash: ReturnType<typeof createHash> } | undefined;
  let name = '';
  const close = () => {
    if (current) tables[name] = { rows: current.rows, sha256: current.hash.digest('hex') };
  };
  for (const line of body.slice(1)) {
    if (line.startsWith('{"@table"')) {
      close();
      name = JSON.parse(line)['@table'];
      current = { rows: 0, hash: createHash('sha256') };
    } else if (current) {
      current.rows += 1;
      current.hash.update(`${line}\n`);
    }
  }
  close();
  const rows = Object.values(tables).reduce((sum, table) => sum + table.rows, 0);
  const sha256 = createHash('sha256')
    .update(body.map((line) => `${line}\n`).join(''))
    .digest('hex');
  expect(Object.keys(tables)).toEqual(Object.keys(manifest.tables));
  return gzipSync(`${[...body, JSON.stringify({ '@manifest': { tables, rows, sha256 } })].join('\n')}\n`);
}

describe('backup and restore of a workspace', () => {
  const t = useTestApp();
  let seeded: SeededWorkspace;
  let demoId: string;
  let admin: ApiClient;
  let file: Uint8Array;
  let other: TestDatabase;

  beforeAll(async () => {
    seeded = await t.seedWorkspace();
    const adminId = seeded.users.admin.id;
    const demo = await asSystem(t.database.db, { userId: adminId }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: adminId, scale: 0.25, locale: 'ru', seed: 3, now: t.clock.now() }),
    );
    demoId = demo.id;
    const actor = { userId: adminId, workspaceId: demoId, role: 'admin' as const };
    const { token } = await inWorkspace(t.database.db, actor, (tx) =>
      createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'backups' }),
    );
    admin = new ApiClient(t.app, { token });
    // Some history for the audit log to carry.
    const renamed = await admin.patch('/api/v1/workspace', { name: 'Демо для копии' });
    expect(renamed.status).toBe(200);
    const download = await t.app.request('/api/v1/workspace/backups', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/gzip');
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="accord-.*\.accord-backup\.gz"/);
    file = new Uint8Array(await download.arrayBuffer());
    other = await createTestDatabase();
  }, 180_000);

  afterAll(async () => {
    await other?.drop();
  });

  it('backs up every table that holds workspace data, except the ones it names and why', async () => {
    const plan = await planBackup(t.database.db);
    const { rows } = await t.database.db.execute<{ name: string }>(sql`
      select table_name as name from information_schema.columns
      where table_schema = 'public' and column_name = 'workspace_id' order by 1`);
    const backedUp = new Set(plan.tables.map((table) => table.name));
    for (const { name } of rows) expect(backedUp.has(name) || name in excludedTables, name).toBe(true);
    expect(plan.tables.slice(0, 2).map((table) => table.name)).toEqual(['users', 'workspaces']);
    const header = JSON.parse(linesOf(file)[0] as string)['@backup'];
    expect(header).toMatchObject({
      format: 'accord-backup',
      version: 1,
      workspace: { id: demoId, name: 'Демо для копии' },
    });
  });

  it('restores into an empty server with the same ids: every table’s rows and content are equal', async () => {
    const result = await restoreWorkspace(other.db, Readable.from([file]), {});
    expect(result).toMatchObject({ workspaceId: demoId, sourceWorkspaceId: demoId });
    const [before, after] = [await fingerprint(t.database.db, demoId), await fingerprint(other.db, demoId)];
    expect(after).toEqual(before);
    expect(before.contacts?.rows).toBeGreaterThan(500);
    expect(before.audit_log?.rows).toBeGreaterThan(0);
    // Members sign in as before: their password hashes came along.
    const hashes = async (db: Database) =>
      (await db.execute(sql`select password_hash from users where id = ${seeded.users.admin.id}`)).rows;
    expect(await hashes(other.db)).toEqual(await hashes(t.database.db));
    // The restore itself is one audit entry.
    const { rows: entries } = await other.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where workspace_id = ${demoId} and after ? 'restoredFrom'`,
    );
    expect(entries[0]?.n).toBe(1);
  });

  it('stamps the relationship map of the restored workspace for every account and person, as its triggers do', async () => {
    // The restore notes the map once, set-wise, instead of through its triggers (decision 0019):
    // the derived revision rows must name the same accounts and people as the original's.
    const stamped = async (db: Database) => ({
      accounts: (
        await db.execute(sql`select account_id from relationship_account_revisions
          where workspace_id = ${demoId} order by 1`)
      ).rows,
      people: (
        await db.execute(sql`select account_id, contact_id from relationship_contact_revisions
          where workspace_id = ${demoId} order by 1, 2`)
      ).rows,
      revisions: (await db.execute(sql`select 1 from relationship_revisions where workspace_id = ${demoId}`)).rows,
      marksLeft: (
        await db.execute(
          sql`select 1 from relationship_account_marks union all select 1 from relationship_change_marks`,
        )
      ).rows,
    });
    const [original, restored] = [await stamped(t.database.db), await stamped(other.db)];
    expect(restored.people.length).toBeGreaterThan(500);
    expect(restored).toEqual(original);
    expect(restored.revisions).toHaveLength(1);
    expect(restored.marksLeft).toEqual([]);
  });

  it('restores beside the original under a new id, through the API, with the admin as a member', async () => {
    const restored = await admin.post('/api/v1/workspace/restore', file, { 'content-type': 'application/gzip' });
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    expect(restored.body.workspaceId).not.toBe(demoId);
    const [original, copy] = [
      await fingerprint(t.database.db, demoId),
      await fingerprint(t.database.db, restored.body.workspaceId),
    ];
    for (const [table, { rows }] of Object.entries(original)) expect(copy[table]?.rows, table).toBe(rows);
    const names = await t.query('select name from workspaces where id = $1', [restored.body.workspaceId]);
    expect(names).toEqual([{ name: 'Демо для копии' }]);
  });

  it('reads a file whose line ends were turned into CRLF, arriving in small pieces', async () => {
    // A copy through a Windows text transfer: the checksums still cover the lines as written.
    const crlf = gzipSync(gunzipSync(file).toString('utf8').replaceAll('\n', '\r\n'));
    const pieces = Array.from({ length: Math.ceil(crlf.length / 997) }, (_, index) =>
      crlf.subarray(index * 997, (index + 1) * 997),
    );
    const restored = await restoreWorkspace(t.database.db, Readable.from(pieces), {});
    const [original, copy] = [
      await fingerprint(t.database.db, demoId),
      await fingerprint(t.database.db, restored.workspaceId),
    ];
    for (const [table, { rows }] of Object.entries(original)) expect(copy[table]?.rows, table).toBe(rows);
  });

  it('refuses a workspace that exists, in the reader’s language, writing nothing', async () => {
    const refused = await admin
      .inLanguage('ru')
      .post(`/api/v1/workspace/restore?workspaceId=${demoId}`, file, { 'content-type': 'application/gzip' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('уже существует');
  });

  it('refuses a damaged file and writes nothing', async () => {
    const workspacesBefore = await t.query('select count(*)::int as n from workspaces');
    const lines = linesOf(file);
    const row = lines.findIndex((line, index) => index > 0 && line.includes('"last_name"'));
    lines[row] = (lines[row] as string).replace('"last_name":"', '"last_name":"X');
    const damaged = gzipSync(`${lines.join('\n')}\n`);
    const refused = await admin.post('/api/v1/workspace/restore', damaged, { 'content-type': 'application/gzip' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('damaged');
    expect(refused.body.errors[0].path).toBe('file');

    const truncated = await admin.inLanguage('ru').post('/api/v1/workspace/restore', file.slice(0, file.length / 2));
    expect(truncated.status).toBe(422);
    expect(truncated.body.detail).toBe(
      'Файл резервной копии повреждён (это неполный gzip-файл). Ничего не восстановлено.',
    );
    const notBackup = await admin.inLanguage('ru').post('/api/v1/workspace/restore', gzipSync('name\nАкме\n'));
    expect(notBackup.status).toBe(422);
    expect(notBackup.body.detail).toContain('не файл резервной копии');
    expect(await t.query('select count(*)::int as n from workspaces')).toEqual(workspacesBefore);
  });

  it('refuses a sealed file whose rows refer to a missing row, however it checks foreign keys', async () => {
    expect(resealed(linesOf(file))).toEqual(gzipSync(gunzipSync(file)));
    const lines = linesOf(file);
    const accounts = lines.indexOf('{"@table":"accounts"}');
    lines.splice(accounts + 1, 1);
    const crafted = resealed(lines);
    // The test servers' role (embedded, and CI's PostgreSQL 15) may skip per-row checks, so the
    // first restore checks set-wise and the second as any other role would.
    expect(await maySkipRowChecks(other.db)).toBe(true);
    const workspaces = async () => (await other.db.execute(sql`select id from workspaces order by id`)).rows;
    const workspacesBefore = await workspaces();
    for (const checkRowByRow of [false, true]) {
      const refused = await restoreWorkspace(other.db, Readable.from([crafted]), { checkRowByRow }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused, `row by row: ${checkRowByRow}`).toMatchObject({
        code: 'rule_violated',
        fieldErrors: [{ path: 'file' }],
        detail: { text: backupMessages.inconsistent, params: { reason: expect.stringMatching(/_fk$/) } },
      });
    }
    expect(await workspaces()).toEqual(workspacesBefore);
  });

  it('refuses a file from another schema version', async () => {
    const lines = linesOf(file);
    const header = JSON.parse(lines[0] as string);
    header['@backup'].schema.latest = 'another';
    lines[0] = JSON.stringify(header);
    const refused = await admin.post('/api/v1/workspace/restore', gzipSync(`${lines.join('\n')}\n`));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('another version of Accord');
  });

  it('lets only admins back up or restore', async () => {
    for (const role of ['head', 'manager', 'finance', 'viewer'] as const) {
      const client = seeded.users[role].api;
      expect((await client.post('/api/v1/workspace/backups')).status, role).toBe(403);
      expect((await client.post('/api/v1/workspace/restore', file)).status, role).toBe(403);
    }
  });
});
