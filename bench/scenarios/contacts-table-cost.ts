import type pg from 'pg';
import { round } from '../measure';

const rows = 50_000;

/** A copy of `contacts` (columns, defaults, generated columns, key) without its indexes or triggers. */
const bareCopy = [
  'create table cost_probe (like contacts including defaults including generated)',
  'alter table cost_probe add primary key (workspace_id, id)',
];
const secondaryIndexes = [
  'create index on cost_probe using gin (search)',
  'create index on cost_probe using gin (full_name gin_trgm_ops)',
  'create index on cost_probe using gin (emails)',
  'create index on cost_probe (workspace_id, account_id, full_name, id)',
  'create index on cost_probe (workspace_id, full_name, id)',
  'create index on cost_probe (workspace_id, updated_at, id)',
  'create index on cost_probe (workspace_id, reports_to_id)',
];
const foreignKeys = [
  'alter table cost_probe add foreign key (workspace_id, account_id) references accounts (workspace_id, id)',
  'alter table cost_probe add foreign key (workspace_id, reports_to_id) references cost_probe (workspace_id, id)',
];

/**
 * What one contact row costs the database, piece by piece: the same 50,000 rows inserted into a
 * copy of `contacts` that gains its parts one step at a time (search document, indexes, foreign
 * keys, audit trigger). Each step is the best of three, in microseconds per row; the difference
 * between steps is what that part costs. It shows what bounds an import of contacts here.
 */
export async function contactsTableCost(pool: pg.Pool, workspaceId: string, accountId: string) {
  const steps: [string, string[]][] = [
    ['keyOnly', [...bareCopy, 'alter table cost_probe drop column search']],
    ['plusSearchDocument', bareCopy],
    ['plusIndexes', [...bareCopy, ...secondaryIndexes]],
    ['plusForeignKeys', [...bareCopy, ...secondaryIndexes, ...foreignKeys]],
    ['plusAudit', [...bareCopy, ...secondaryIndexes, ...foreignKeys, "select accord_attach_audit('cost_probe')"]],
  ];
  const insert = `insert into cost_probe (workspace_id, id, account_id, first_name, last_name, emails, phones, title)
    select '${workspaceId}', gen_random_uuid(), '${accountId}', 'Имя' || (i % 997), 'Фамилия' || i,
      array['person' || i || '@example.com'], array['+7 900 ' || lpad(i::text, 7, '0')], 'Менеджер ' || (i % 13)
    from generate_series(1, ${rows}) as i`;
  const client = await pool.connect();
  const microsecondsPerRow: Record<string, number> = {};
  try {
    for (const [name, shape] of steps) {
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await client.query('drop table if exists cost_probe');
        for (const statement of shape) await client.query(statement);
        const started = performance.now();
        await client.query(insert);
        best = Math.min(best, performance.now() - started);
      }
      microsecondsPerRow[name] = round((best * 1000) / rows);
    }
  } finally {
    await client.query('drop table if exists cost_probe');
    client.release();
  }
  return { rows, microsecondsPerRow };
}
