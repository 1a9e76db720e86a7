import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { UseCaseContext } from '../../platform/use-case';

/**
 * Set-wise writes for imports: a whole batch of rows travels as one JSON parameter and is
 * unpacked by `json_to_recordset`, so one statement writes thousands of rows. Drizzle's
 * `values([...])` binds one parameter per cell (80,000 for 10,000 contacts), and building and
 * parsing those cost more than the insert itself (decision 0015). Any drizzle table works: the
 * column names and types come from its definition, so new imported entities plug in as they are.
 */

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function columnName(column: PgColumn): string {
  return column.keyAsName ? snakeCase(column.name) : column.name;
}

/** The type a recordset column is declared with: the column's own, without a collation. */
function recordType(column: PgColumn): string {
  return column.getSQLType().replace(/\s+COLLATE\s+.*$/i, '');
}

type Columns = { key: string; name: string; type: string }[];

function columnsOf<T extends PgTable>(table: T, keys: readonly string[]): Columns {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`No column ${key} in the bulk-written table`);
    return { key, name: columnName(column), type: recordType(column) };
  });
}

/** `json_to_recordset(…) as r(…)` holding the rows' values of the given columns. */
function recordset(columns: Columns, rows: readonly Record<string, unknown>[]): SQL {
  const objects = rows.map((row) => Object.fromEntries(columns.map(({ key, name }) => [name, row[key] ?? null])));
  const definition = columns.map(({ name, type }) => `${name} ${type}`).join(', ');
  return sql`json_to_recordset(${JSON.stringify(objects)}::json) as r(${sql.raw(definition)})`;
}

/**
 * Inserts rows (drizzle property names as keys; every row has the first row's keys) in one
 * statement; `onConflict` is the statement's tail, e.g. `on conflict (…) do update set …`.
 */
export async function insertRows<T extends PgTable>(
  ctx: UseCaseContext,
  table: T,
  rows: readonly T['$inferInsert'][],
  onConflict?: SQL,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = columnsOf(table, Object.keys(first));
  const names = sql.raw(columns.map(({ name }) => name).join(', '));
  await ctx.db.execute(
    sql`insert into ${table} (${names}) select ${names} from ${recordset(columns, rows)} ${onConflict ?? sql``}`,
  );
}

/**
 * Updates rows by id in one statement: each row's `id` and the `keys` to set; the version goes up
 * and `updated_at` becomes now, like a single update would do.
 */
export async function updateRows<T extends PgTable>(
  ctx: UseCaseContext,
  table: T,
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, ['id', ...keys.filter((key) => key !== 'id')]);
  const assignments = columns
    .filter(({ key }) => key !== 'id')
    .map(({ name }) => `${name} = r.${name}`)
    .join(', ');
  await ctx.db.execute(sql`update ${table} as t
    set ${sql.raw(assignments ? `${assignments}, ` : '')}updated_at = ${ctx.now}, version = t.version + 1
    from ${recordset(columns, rows)}
    where t.workspace_id = ${ctx.actor.workspaceId} and t.id = r.id`);
}
