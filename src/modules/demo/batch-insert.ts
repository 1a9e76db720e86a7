import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client';

const rowsPerStatement = 5_000;

/**
 * The statement each connection is running, whichever inserter started it: a connection runs one
 * statement at a time, so a second inserter on it waits its turn instead of queueing its query
 * inside `pg` (deprecated, and gone in pg 9).
 */
const running = new WeakMap<Executor, Promise<unknown>>();

/** How one column travels: as one array parameter of `type`, each value encoded for it. */
type ColumnTransfer = {
  name: string;
  /** The parameter's element type; `text` for array columns, cast back row by row. */
  type: string;
  /** An array column's type (`text[]`): its rows travel as array literals. */
  arrayType: string | undefined;
  encode(value: unknown): unknown;
};

/** A PostgreSQL array literal: `{"a","b \"c\""}`. */
function arrayLiteral(values: unknown): string | null {
  if (!Array.isArray(values)) return null;
  const elements = values.map((value) =>
    value === null || value === undefined ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`,
  );
  return `{${elements.join(',')}}`;
}

function transferOf(column: Column): ColumnTransfer {
  const name = column.keyAsName ? toSnakeCase(column.name) : column.name;
  // NOTE: a collation belongs to the column, not to the type of a parameter.
  const type = column.getSQLType().replace(/\s+collate\s+.*$/i, '');
  if (type.endsWith('[]')) return { name, type: 'text', arrayType: type, encode: arrayLiteral };
  if (column.dataType === 'json') {
    return { name, type, arrayType: undefined, encode: (value) => (value == null ? null : JSON.stringify(value)) };
  }
  return { name, type, arrayType: undefined, encode: (value) => value ?? null };
}

/**
 * Inserts rows in multi-row statements: each column travels as one array parameter that
 * `unnest` turns back into rows (Drizzle's multi-row `values()` takes ~0.2 ms a row to build and
 * a bind parameter per value; this takes one per column). While a statement runs in the
 * database, the caller fills the next batch. Every row must set the same properties; the others
 * take their column defaults. Defaults made in JavaScript (`$defaultFn`) do not apply: give ids.
 */
export class BatchInserter<Table extends PgTable> {
  private rows: Table['$inferInsert'][] = [];
  private inFlight: Promise<unknown> | undefined;
  private readonly columns: Map<string, ColumnTransfer>;

  constructor(
    private readonly db: Executor,
    private readonly table: Table,
  ) {
    this.columns = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [key, transferOf(column)]));
  }

  /** Adds rows that go into the same statement (so they may refer to each other in any order). */
  async add(...rows: Table['$inferInsert'][]): Promise<void> {
    this.rows.push(...rows);
    if (this.rows.length >= rowsPerStatement) await this.flush();
  }

  /** Inserts what is left and waits for every statement. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.inFlight = undefined;
  }

  private async flush(): Promise<void> {
    await running.get(this.db);
    const rows = this.rows as Record<string, unknown>[];
    this.rows = [];
    const [first] = rows;
    if (!first) return;
    const transfers = Object.keys(first).map((key) => {
      const transfer = this.columns.get(key);
      if (!transfer) throw new Error(`No column for ${key}`);
      return { key, ...transfer };
    });
    const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);
    const names = list(transfers.map((transfer) => sql.identifier(transfer.name)));
    const selected = list(
      transfers.map((transfer) =>
        transfer.arrayType
          ? sql`${sql.identifier(transfer.name)}::${sql.raw(transfer.arrayType)}`
          : sql.identifier(transfer.name),
      ),
    );
    const parameters = list(
      transfers.map(
        (transfer) =>
          sql`${sql.param(rows.map((row) => transfer.encode(row[transfer.key])))}::${sql.raw(transfer.type)}[]`,
      ),
    );
    const statement = this.run(
      sql`insert into ${this.table} (${names}) select ${selected} from unnest(${parameters}) as rows (${names})`,
    );
    // NOTE: the failure is rethrown where the statement is awaited; until then it must not count
    // as an unhandled rejection while the caller awaits something else.
    statement.catch(() => undefined);
    this.inFlight = statement;
    running.set(this.db, statement);
  }

  /** Starts the statement now (Drizzle's query runs on every `then`, so it is awaited once, here). */
  private async run(query: SQL): Promise<void> {
    await this.db.execute(query);
  }
}

/** Inserts all rows in as few statements as the batch size allows. */
export async function insertAll<Table extends PgTable>(
  db: Executor,
  table: Table,
  rows: readonly Table['$inferInsert'][],
): Promise<void> {
  const inserter = new BatchInserter(db, table);
  for (const row of rows) await inserter.add(row);
  await inserter.finish();
}
