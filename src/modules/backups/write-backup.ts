import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/client';
import { notFound } from '../../platform/errors';
import { workspaceMessages } from '../workspaces';
import {
  type BackupHeader,
  type BackupManifest,
  backupFormat,
  backupFormatVersion,
  readSchemaVersion,
  type TableSummary,
} from './backup-format';
import { type BackupPlan, type BackupTable, planBackup } from './backup-tables';

const rowsPerFetch = 2000;

/**
 * Writes the whole workspace to `output` as a gzip'd backup file (see backup-format.ts), from one
 * consistent snapshot, streaming: at most one fetch of rows is in memory. Runs as the owner role.
 */
export async function writeBackup(
  db: Database,
  workspaceId: string,
  output: Writable,
  options: { now: Date },
): Promise<BackupManifest> {
  // NOTE: one repeatable-read, read-only transaction: every table is read as of its first query.
  return db.transaction(
    async (tx) => {
      // Fixed settings, so the same rows are written as the same bytes on any server.
      await tx.execute(sql`select set_config('TimeZone', 'UTC', true), set_config('IntervalStyle', 'postgres', true),
        set_config('extra_float_digits', '1', true)`);
      const found = await tx.execute<{ name: string }>(sql`select name from workspaces where id = ${workspaceId}`);
      const workspace = found.rows[0];
      if (!workspace) throw notFound(workspaceMessages.workspace);
      const plan = await planBackup(tx);
      const header: BackupHeader = {
        format: backupFormat,
        version: backupFormatVersion,
        schema: await readSchemaVersion(tx),
        createdAt: options.now.toISOString(),
        workspace: { id: workspaceId, name: workspace.name },
        tables: plan.tables.map(({ name, columns }) => ({ name, columns })),
      };
      const gzip = createGzip({ level: 3 });
      const written = pipeline(gzip, output);
      // NOTE: a reader that goes away rejects `written`; the next write then fails instead of waiting.
      written.catch(() => undefined);
      const fileHash = createHash('sha256');
      const write = async (text: string) => {
        fileHash.update(text);
        if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), written]);
      };
      try {
        await write(`${JSON.stringify({ '@backup': header })}\n`);
        const tables: Record<string, TableSummary> = {};
        let rows = 0;
        for (const table of plan.tables) {
          await write(`${JSON.stringify({ '@table': table.name })}\n`);
          tables[table.name] = await writeTableRows(tx, rowsQuery(table, plan, workspaceId), write);
          rows += tables[table.name]?.rows ?? 0;
        }
        const manifest: BackupManifest = { tables, rows, sha256: fileHash.digest('hex') };
        gzip.end(`${JSON.stringify({ '@manifest': manifest })}\n`);
        await written;
        return manifest;
      } catch (error) {
        gzip.destroy(error instanceof Error ? error : undefined);
        throw error;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Streams one table's rows through a cursor, hashing the lines as they go. */
async function writeTableRows(tx: Executor, query: SQL, write: (text: string) => Promise<void>): Promise<TableSummary> {
  const hash = createHash('sha256');
  let rows = 0;
  await tx.execute(sql`declare backup_rows no scroll cursor for ${query}`);
  for (;;) {
    const batch = await tx.execute<{ line: string }>(sql.raw(`fetch ${rowsPerFetch} from backup_rows`));
    if (batch.rows.length === 0) break;
    let text = '';
    for (const { line } of batch.rows) text += `${line}\n`;
    hash.update(text);
    rows += batch.rows.length;
    await write(text);
  }
  await tx.execute(sql`close backup_rows`);
  return { rows, sha256: hash.digest('hex') };
}

/**
 * The rows of a table that belong to the workspace, each as one line of JSON, in key order.
 * NOTE: row_to_json of the stored columns only: to_jsonb was 2.5 times slower, and printing a
 * generated search document just to drop it cost as much again.
 */
function rowsQuery(table: BackupTable, plan: BackupPlan, workspaceId: string): SQL {
  const columns = sql.join(
    table.columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
  const order = sql.join(
    table.key.map((column) => sql`backed_up.${sql.identifier(column)}`),
    sql`, `,
  );
  const rows = (where: SQL) =>
    sql`select row_to_json(backed_up)::text as line
      from (select ${columns} from ${sql.identifier(table.name)} where ${where}) as backed_up order by ${order}`;
  switch (table.scope) {
    case 'workspace':
      return rows(sql`id = ${workspaceId}`);
    case 'tenant':
      return rows(sql`workspace_id = ${workspaceId}`);
    case 'users': {
      // Members, and anyone a row still names (a former member who wrote a comment).
      const referenced = plan.userReferences.map(
        ({ table: referring, column }) =>
          sql` union select ${sql.identifier(column)} from ${sql.identifier(referring)} where workspace_id = ${workspaceId}`,
      );
      return rows(
        sql`id in (select user_id from memberships where workspace_id = ${workspaceId}${sql.join(referenced, sql``)})`,
      );
    }
  }
}
