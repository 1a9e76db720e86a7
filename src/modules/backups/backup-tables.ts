import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';

/**
 * What a backup leaves out, and why (decision 0019). Every other table with a `workspace_id`
 * column is backed up, so a new module's tables are covered without anyone remembering to.
 */
export const excludedTables: Readonly<Record<string, string>> = {
  sessions: 'sign-ins to this server: they expire, and their token hashes are credentials',
  api_tokens: 'credentials issued by this server; their hashes are unique server-wide, so a copy would collide',
  calendar_feeds: 'secret feed addresses issued by this server, unique server-wide like API tokens',
  kpi_point_uploads: 'idempotency keys: stored answers to retried uploads, meaningless after a restore',
  relationship_change_marks: 'notes of one transaction, emptied when it commits',
  relationship_account_marks: 'notes of one transaction, emptied when it commits',
  relationship_revisions: 'derived: the restore notes the restored map, and its commit stamps revisions again',
  relationship_account_revisions: 'derived, like relationship_revisions',
  relationship_contact_revisions: 'derived, like relationship_revisions',
  login_failures: 'server-wide sign-in throttling, not a workspace’s data',
};

/**
 * How a table's rows belong to the workspace: by its `workspace_id`, the workspace row itself, or
 * (users, a global table) the members and every user a workspace row refers to.
 */
export type TableScope = 'tenant' | 'workspace' | 'users';

export type BackupTable = {
  name: string;
  scope: TableScope;
  /** Stored columns in table order; generated ones (search documents) are rebuilt by the database. */
  columns: string[];
  /** Generated columns, left out of each row. */
  generated: string[];
  /** Stored columns of an array type: a restore writes them as array literals. */
  arrays: string[];
  /** Stored json and jsonb columns: a restore passes their JSON text as it is. */
  json: string[];
  /** Each stored column's type as pg_type names it (`uuid`, `_text`): how a restore writes it in binary. */
  types: string[];
  /** The primary key: rows are written in its order, so the same data gives the same bytes. */
  key: string[];
  /** Whether a foreign key points into the table itself (a parent account): its checks wait for the whole table. */
  selfReferencing: boolean;
};

type CatalogRow = {
  name: string;
  columns: string[];
  generated: string[] | null;
  arrays: string[] | null;
  json: string[] | null;
  types: string[];
  key: string[] | null;
};
type ForeignKeyRow = { child: string; parent: string; column: string };

/** Users referred to by a tenant table's foreign key: they travel with the workspace. */
export type UserReference = { table: string; column: string };

export type BackupPlan = { tables: BackupTable[]; userReferences: UserReference[] };

/**
 * Reads from the catalog which tables hold a workspace's data and orders them so that every
 * table comes after the tables its foreign keys point to: the order a restore inserts them in.
 */
export async function planBackup(db: Executor): Promise<BackupPlan> {
  const catalog = await db.execute<CatalogRow>(sql`
    select c.relname as name,
      array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns,
      array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated <> '') as generated,
      array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '' and t.typcategory = 'A') as arrays,
      array_agg(a.attname::text order by a.attnum)
        filter (where a.attgenerated = '' and t.typname in ('json', 'jsonb')) as json,
      array_agg(t.typname::text order by a.attnum) filter (where a.attgenerated = '') as types,
      (select array_agg(k.attname::text order by array_position(i.indkey::int2[], k.attnum))
         from pg_index i join pg_attribute k on k.attrelid = i.indrelid and k.attnum = any(i.indkey::int2[])
         where i.indrelid = c.oid and i.indisprimary) as key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    group by c.oid, c.relname
    order by c.relname`);
  const foreignKeys = await db.execute<ForeignKeyRow>(sql`
    select child.relname as child, parent.relname as parent, a.attname::text as column
    from pg_constraint f
    join pg_class child on child.oid = f.conrelid
    join pg_class parent on parent.oid = f.confrelid
    join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
    where f.contype = 'f' and f.connamespace = 'public'::regnamespace`);

  const tables: BackupTable[] = [];
  for (const row of catalog.rows) {
    const scope = scopeOf(row);
    if (!scope || row.name in excludedTables) continue;
    if (!row.key) throw new Error(`Table ${row.name} has no primary key: a backup could not order its rows`);
    const selfReferencing = foreignKeys.rows.some((key) => key.child === row.name && key.parent === row.name);
    tables.push({
      ...row,
      scope,
      generated: row.generated ?? [],
      arrays: row.arrays ?? [],
      json: row.json ?? [],
      key: row.key,
      selfReferencing,
    });
  }
  const included = new Set(tables.map((table) => table.name));
  const userReferences = foreignKeys.rows
    .filter((key) => key.parent === 'users' && included.has(key.child) && key.child !== 'users')
    .map(({ child, column }) => ({ table: child, column }));
  return { tables: orderByForeignKeys(tables, foreignKeys.rows), userReferences };
}

function scopeOf(row: CatalogRow): TableScope | undefined {
  if (row.name === 'users') return 'users';
  if (row.name === 'workspaces') return 'workspace';
  return row.columns.includes('workspace_id') ? 'tenant' : undefined;
}

/**
 * Users, then the workspace row, then Kahn's topological sort of the tenant tables, by name among
 * tables that are ready together so the order is stable. Users come first because a restore maps
 * them to accounts the server already has before any row naming them arrives.
 */
function orderByForeignKeys(tables: BackupTable[], foreignKeys: ForeignKeyRow[]): BackupTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const waitingFor = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of foreignKeys) {
    // NOTE: a table referring to itself (accounts' parents) is inserted in one statement, whose
    // foreign keys are checked at its end, so parents may come after their children.
    if (child !== parent && byName.has(parent)) waitingFor.get(child)?.add(parent);
  }
  const ordered = tables.filter((table) => table.scope !== 'tenant');
  ordered.sort((first, second) => (first.scope === 'users' ? -1 : second.scope === 'users' ? 1 : 0));
  for (const table of ordered) waitingFor.delete(table.name);
  for (const parents of waitingFor.values()) for (const table of ordered) parents.delete(table.name);
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${[...waitingFor.keys()].join(', ')}`);
    for (const name of ready.sort()) {
      waitingFor.delete(name);
      for (const parents of waitingFor.values()) parents.delete(name);
      ordered.push(byName.get(name) as BackupTable);
    }
  }
  return ordered;
}
