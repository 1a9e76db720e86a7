import { sql } from 'drizzle-orm';
import type { Executor } from './client';

/**
 * After a bulk load (demo data, an import): folds the GIN indexes' pending lists into the
 * indexes — until autovacuum does it, every search scans that list row by row — and refreshes
 * the planner's statistics, which still describe the empty tables. Runs as the owner role.
 */
export async function refreshAfterBulkLoad(db: Executor, tables: string[]): Promise<void> {
  await db.execute(sql`
    select gin_clean_pending_list(i.indexrelid)
    from pg_index i
    join pg_class index_class on index_class.oid = i.indexrelid
    join pg_am method on method.oid = index_class.relam
    where method.amname = 'gin'
      and i.indrelid::regclass::text in (${sql.join(
        tables.map((table) => sql`${table}`),
        sql`, `,
      )})`);
  for (const table of tables) await db.execute(sql`analyze ${sql.identifier(table)}`);
}
