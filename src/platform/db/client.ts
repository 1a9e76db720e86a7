import { and, eq, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';

export type Database = NodePgDatabase;
/** A transaction, or the database itself: what use cases run their queries on. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseHandle = {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
};

/** Opens a connection pool and the Drizzle database over it. */
export function openDatabase(url: string, options: { maxConnections?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 20,
    idleTimeoutMillis: 30_000,
    application_name: 'accord',
  });
  // NOTE: an idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { casing: 'snake_case' });
  return { db, pool, close: () => pool.end() };
}

/** The workspace scope of a transaction: the second wall behind every query's own filter. */
export type Scope = { workspaceId: string; userId?: string | undefined; requestId?: string | undefined };

/**
 * Runs `work` in one transaction as the `accord_app` role with the workspace set, so row-level
 * security only shows that workspace's rows and audit rows name the actor.
 */
export function inWorkspace<T>(db: Database, scope: Scope, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', 'accord_app', true),
      set_config('app.workspace_id', ${scope.workspaceId}, true),
      set_config('app.user_id', ${scope.userId ?? ''}, true),
      set_config('app.request_id', ${scope.requestId ?? ''}, true)`);
    return work(tx);
  });
}

/**
 * Runs `work` in one transaction as the owner role (no row-level security), for work that spans
 * workspaces: sign-in, session lookup, bootstrap. The scope, when known, still names the actor
 * and workspace in audit rows.
 */
export function asSystem<T>(db: Database, scope: Partial<Scope>, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.workspace_id', ${scope.workspaceId ?? ''}, true),
      set_config('app.user_id', ${scope.userId ?? ''}, true),
      set_config('app.request_id', ${scope.requestId ?? ''}, true)`);
    return work(tx);
  });
}

/**
 * Runs one read of a workspace transaction without row-level security, for the one kind of
 * query RLS cannot serve: search. RLS lets the planner use an index only for leakproof
 * operators, and full-text match, ILIKE and array containment are not, so under the app role
 * every search is a sequential scan (200,000 contacts: ~1 s). The query MUST carry its own
 * workspace filter; the role returns to `accord_app` before anything else runs. See decision 0002.
 */
export async function withoutRowSecurity<T>(tx: Executor, read: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('role', 'none', true)`);
  // NOTE: no `finally`: a failed read aborts the transaction, and its rollback restores the role.
  const result = await read();
  await tx.execute(sql`select set_config('role', 'accord_app', true)`);
  return result;
}

/**
 * How a list runs its reads: with a search term, without row-level security (see
 * `withoutRowSecurity`; the list's conditions must start with the workspace), otherwise as is.
 */
export function listReads(db: Executor, search: string | undefined) {
  return <T>(read: () => Promise<T>): Promise<T> => (search ? withoutRowSecurity(db, read) : read());
}

/**
 * Locks one tenant row until the transaction ends, so a read-check-write use case cannot lose a
 * race to a concurrent writer between its read and its write (which would otherwise surface as a
 * 412 to a client that sent no If-Match). Finds nothing when the row does not exist.
 * NOTE: an update takes `no key update`, which foreign-key checks of other transactions (`key
 * share`) pass through; only a delete needs the full `update` lock.
 */
export async function lockRow(
  db: Executor,
  table: PgTable & { workspaceId: AnyPgColumn; id: AnyPgColumn },
  key: { workspaceId: string; id: string },
  purpose: 'update' | 'delete',
): Promise<void> {
  await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.workspaceId, key.workspaceId), eq(table.id, key.id)))
    .for(purpose === 'delete' ? 'update' : 'no key update');
}

/**
 * Makes transactions that check the same rule over many rows (no cycles in a hierarchy) take
 * turns: the lock is held until this transaction ends, so the next one sees its result.
 */
export async function lockForTransaction(db: Executor, rule: string, workspaceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${rule}), hashtext(${workspaceId}))`);
}

/**
 * Runs `work` in one transaction on a connection of its own, as the owner role, handing it the raw
 * client too, for what Drizzle cannot do: `COPY … FROM STDIN` (a restore). A failure closes the
 * connection, which rolls the transaction back: a `rollback` could wait forever behind a COPY that
 * the failure cut short.
 */
export async function onOwnConnection<T>(
  db: Database,
  work: (tx: Executor, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  // NOTE: every Database here is opened by `openDatabase`, over a pool.
  const pool = (db as Database & { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(drizzle(client, { casing: 'snake_case' }), client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    client.release(true);
    throw error;
  }
}
