import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from '../../platform/db/client';
import type { BackupTable } from './backup-tables';
import { copyRows, type RowCopy } from './copy-rows';

/**
 * Settings of the restore transaction, each measured on a scale-50 restore (decision 0019).
 * GIN indexes (search documents, trigrams, e-mails) take new entries into a pending list and merge
 * it into the index when it outgrows `gin_pending_list_limit` (4 MB): merging a large list at once,
 * in more memory, costs half as much as merging 4 MB at a time. `cleanGinIndexes` merges what is left
 * as each table ends, so searches never scan a long list. Nothing waits on the commit's flush. The
 * relationship map's triggers note nothing; the restore stamps the whole map at the end.
 */
export async function prepareRestore(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('gin_pending_list_limit', '256MB', true),
    set_config('work_mem', '256MB', true), set_config('maintenance_work_mem', '512MB', true),
    set_config('synchronous_commit', 'off', true), set_config('app.relationship_marks', 'restore', true)`);
  // The file's users wait here until `takeOverUsers` decides which to create.
  await tx.execute(sql`create temp table restore_users (like users) on commit drop`);
}

/**
 * Streams a table's rows into the table itself (users into `restore_users`) with one COPY: it is one
 * statement, so foreign keys are checked at its end and a parent may come after its child in key
 * order (a self-referencing table's rows are in key order, not tree order).
 */
export function copyTable(client: pg.PoolClient, table: BackupTable): RowCopy {
  const into = table.scope === 'users' ? 'restore_users' : table.name;
  return copyRows(client, into, {
    columns: table.columns,
    arrays: new Set(table.arrays),
    json: new Set(table.json),
    types: table.types,
  });
}

/** Merges the GIN pending lists a table's rows filled (see `prepareRestore`). */
export async function cleanGinIndexes(tx: Executor, table: BackupTable): Promise<void> {
  await tx.execute(sql`select gin_clean_pending_list(i.indexrelid::regclass)
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = ${table.name}::regclass and a.amname = 'gin'`);
}

/**
 * Users are server-wide. A user of the file that this server has (same id) is kept as it is; one
 * whose e-mail belongs to another account here becomes that account (its id replaces theirs in every
 * row); the others are created, with their password hashes, so they sign in as before.
 * Returns the ids to replace: file id → id on this server.
 */
export async function takeOverUsers(tx: Executor, table: BackupTable): Promise<Map<string, string>> {
  const taken = await tx.execute<{ from: string; to: string }>(sql`
    select staged.id::text as from, existing.id::text as to
    from restore_users staged join users existing on lower(existing.email) = lower(staged.email)
    where existing.id <> staged.id`);
  await tx.execute(sql`insert into users (${columnList(table)})
    select ${columnList(table, 'staged')} from restore_users staged
    where not exists (select 1 from users existing where existing.id = staged.id or lower(existing.email) = lower(staged.email))`);
  return new Map(taken.rows.map(({ from, to }) => [from, to]));
}

function columnList(table: BackupTable, prefix?: string) {
  return sql.join(
    table.columns.map((column) =>
      prefix ? sql`${sql.raw(prefix)}.${sql.identifier(column)}` : sql.identifier(column),
    ),
    sql`, `,
  );
}
