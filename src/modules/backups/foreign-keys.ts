import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { BackupTable } from './backup-tables';

// A restore checks its rows' foreign keys one of two ways (decision 0019). PostgreSQL checks each
// inserted row against its parent, one index look-up per row and key (3.1 M of them at scale 50,
// a sixth of the restore). A role allowed to set `session_replication_role` (a superuser, as the
// embedded server's is) can turn those per-row checks off for the transaction; the restore then
// checks every constraint once, set-wise, after the last table, before anything commits.

/** Whether this connection may skip the per-row checks and check set-wise instead. */
export async function maySkipRowChecks(tx: Executor): Promise<boolean> {
  const { rows } = await tx.execute<{ allowed: boolean }>(
    sql`select has_parameter_privilege('session_replication_role', 'SET') as allowed`,
  );
  return rows[0]?.allowed === true;
}

/**
 * Turns triggers off for the rest of the transaction (`replica`) or back on (`origin`). Foreign
 * keys are triggers, as are the audit and relationship-map ones the restore turns off already.
 */
export async function setTriggers(tx: Executor, mode: 'replica' | 'origin'): Promise<void> {
  await tx.execute(sql`select set_config('session_replication_role', ${mode}, true)`);
}

type ForeignKey = { name: string; child: string; parent: string; columns: string[]; references: string[] };

/**
 * The name of a foreign key that a restored row breaks, or undefined when every one holds. Each
 * constraint on a restored table is one anti-join over the target's rows, with the constraint's own
 * semantics (MATCH SIMPLE: a key with a null column refers to nothing).
 */
export async function brokenForeignKey(
  tx: Executor,
  tables: BackupTable[],
  target: string,
): Promise<string | undefined> {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const keys = await foreignKeysOf(tx, [...byName.keys()]);
  // NOTE: the planner's statistics do not know the rows this transaction wrote, and a nested loop
  // it picked on them took minutes on a self-referencing table; a hash anti-join is linear.
  const { rows: planner } = await tx.execute<{ nestloop: string; mergejoin: string }>(sql`
    select current_setting('enable_nestloop') as nestloop, current_setting('enable_mergejoin') as mergejoin,
      set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true)`);
  const broken = await firstBroken(tx, keys, byName, target);
  // NOTE: set back only after success: a failed statement has aborted the transaction anyway.
  const { nestloop = 'on', mergejoin = 'on' } = planner[0] ?? {};
  await tx.execute(sql`select set_config('enable_nestloop', ${nestloop}, true),
    set_config('enable_mergejoin', ${mergejoin}, true)`);
  return broken;
}

async function firstBroken(
  tx: Executor,
  keys: ForeignKey[],
  byName: Map<string, BackupTable>,
  target: string,
): Promise<string | undefined> {
  for (const key of keys) {
    const table = byName.get(key.child) as BackupTable;
    const { rows } = await tx.execute(sql`select 1 from ${sql.identifier(key.child)} as child
      where ${ownRows(table, target)} and ${sql.join(
        key.columns.map((column) => sql`child.${sql.identifier(column)} is not null`),
        sql` and `,
      )}
      and not exists (select 1 from ${sql.identifier(key.parent)} as parent where ${sql.join(
        key.columns.map(
          (column, index) =>
            sql`parent.${sql.identifier(key.references[index] as string)} = child.${sql.identifier(column)}`,
        ),
        sql` and `,
      )})
      limit 1`);
    if (rows.length > 0) return key.name;
  }
  return undefined;
}

/** The rows this restore wrote into a table (users: those it created, still staged beside them). */
function ownRows(table: BackupTable, target: string): SQL {
  if (table.scope === 'workspace') return sql`child.id = ${target}`;
  if (table.scope === 'users') return sql`child.id in (select id from restore_users)`;
  return sql`child.workspace_id = ${target}`;
}

async function foreignKeysOf(tx: Executor, tables: string[]): Promise<ForeignKey[]> {
  const { rows } = await tx.execute<ForeignKey & { match: string }>(sql`
    select f.conname as name, child.relname as child, parent.relname as parent, f.confmatchtype as match,
      array(select a.attname::text from unnest(f.conkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum order by k.position) as columns,
      array(select a.attname::text from unnest(f.confkey) with ordinality as k(attnum, position)
        join pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum order by k.position) as "references"
    from pg_constraint f
    join pg_class child on child.oid = f.conrelid
    join pg_class parent on parent.oid = f.confrelid
    where f.contype = 'f' and f.connamespace = 'public'::regnamespace
      and child.relname in (${sql.join(
        tables.map((table) => sql`${table}`),
        sql`, `,
      )})
    order by child.relname, f.conname`);
  for (const key of rows) {
    // NOTE: every key in the schema is MATCH SIMPLE; a MATCH FULL one would need its own test here.
    if (key.match !== 's') throw new Error(`Foreign key ${key.name} is not MATCH SIMPLE`);
  }
  return rows;
}
