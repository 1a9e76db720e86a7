import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { BackupTable } from './backup-tables';

/** Temporary tables of the restore transaction: staged rows of self-referencing tables, and the file's users. */
export async function stagingTables(tx: Executor): Promise<void> {
  await tx.execute(sql`create temp table restore_stage (row jsonb not null) on commit drop`);
  await tx.execute(sql`create temp table restore_users (like users) on commit drop`);
}

function columnList(table: BackupTable, prefix?: string) {
  return sql.join(
    table.columns.map((column) =>
      prefix ? sql`${sql.raw(prefix)}.${sql.identifier(column)}` : sql.identifier(column),
    ),
    sql`, `,
  );
}

/**
 * Inserts a batch of rows (lines of JSON) with one statement. Rows of a table that refers to itself
 * are staged until the whole table is read (see `insertStaged`); users wait for `takeOverUsers`.
 */
export async function insertBatch(tx: Executor, table: BackupTable, batch: string[]): Promise<void> {
  if (batch.length === 0) return;
  const rows = `[${batch.join(',')}]`;
  if (table.scope === 'users') {
    await tx.execute(
      sql`insert into restore_users select * from jsonb_populate_recordset(null::restore_users, ${rows}::jsonb)`,
    );
  } else if (table.selfReferencing) {
    await tx.execute(sql`insert into restore_stage (row) select value from jsonb_array_elements(${rows}::jsonb)`);
  } else {
    const name = sql.identifier(table.name);
    await tx.execute(sql`insert into ${name} (${columnList(table)})
      select ${columnList(table, 'restored')} from jsonb_populate_recordset(null::${name}, ${rows}::jsonb) as restored`);
  }
}

/**
 * Inserts a self-referencing table's staged rows in one statement: its foreign keys are checked
 * at the statement's end, so a parent may come after its child in key order.
 */
export async function insertStaged(tx: Executor, table: BackupTable): Promise<void> {
  const name = sql.identifier(table.name);
  await tx.execute(sql`insert into ${name} (${columnList(table)})
    select ${columnList(table, 'restored')} from restore_stage, jsonb_populate_record(null::${name}, restore_stage.row) as restored`);
  await tx.execute(sql`truncate restore_stage`);
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
