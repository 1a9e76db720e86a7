import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database';
import { onOwnConnection } from '../../platform/db/client';
import { binaryRowsOf } from './copy-binary';
import { copyRows, type RowShape } from './copy-rows';

// Values at the edges of each column type a backup holds, as PostgreSQL writes them into a row's
// JSON and as a restore copies them back (in binary, and in text for a type it has no writer for).
const columns = `id uuid primary key, note text, name varchar(40), done boolean, small int2, count int4,
  big int8, ratio float8, day date, at timestamptz, local timestamp, doc jsonb, raw bytea,
  tags text[], grid int4[], ids uuid[]`;

const rows = `
  ('01a21d75-c3dd-7703-ae51-bd703cadb60a', 'Tab\there, "quoted", back\\slash, line
two', 'Ёлка — ёж 🎄', true, -32768, 2147483647, 9007199254740993, 0.1, '2026-11-27',
   '2026-11-27 20:05:09.123456+03', '2026-11-27 20:05:09.5', '{"k\\ty": ["x", {"n": "\\"q\\""}], "z": null}',
   '\\x00ff0a5c', '{"a b", null, "NULL", "с \\"кавычкой\\""}', '{{1,2},{3,-4}}', '{01a21d75-c3dd-7703-ae51-bd703cadb60a}'),
  ('01a21d75-c3dd-7703-ae51-bd703cadb60b', '', '', false, 32767, -2147483648, -9223372036854775808, 'NaN',
   '0044-03-15 BC', '0044-03-15 12:00:00 BC', '12000-01-01 00:00:00', '"just a string"',
   '\\x', '{}', '{}', '{}'),
  ('01a21d75-c3dd-7703-ae51-bd703cadb60c', null, null, null, null, null, 9223372036854775807, '-Infinity',
   'infinity', '-infinity', 'infinity', '12.50', null, '{null}', null, null),
  ('01a21d75-c3dd-7703-ae51-bd703cadb60d', 'x', 'y', true, 0, 0, 0, 1e300,
   '1999-12-31', '1970-01-01 00:00:00.000001+00', '2000-01-01 00:00:00', '[]', '\\x01', '{""}', '{7}', null),
  ('01a21d75-c3dd-7703-ae51-bd703cadb60e', 'x', 'y', true, 0, 0, 0, -0.000123456789,
   '2000-02-29', '1901-12-13 20:45:52.999+05:30', '2285-06-01 12:00:00', '{}', null, null, null, null)`;

const shape = {
  columns: ['id', 'note', 'name', 'done', 'small', 'count', 'big', 'ratio', 'day', 'at', 'local', 'doc', 'raw'],
  arrays: new Set(['tags', 'grid', 'ids']),
  json: new Set(['doc']),
};
const allColumns = [...shape.columns, 'tags', 'grid', 'ids'];
const types = [
  'uuid',
  'text',
  'varchar',
  'bool',
  'int2',
  'int4',
  'int8',
  'float8',
  'date',
  'timestamptz',
  'timestamp',
  'jsonb',
  'bytea',
  '_text',
  '_int4',
  '_uuid',
];

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

/** Copies the rows' JSON into a second table with `copyRows`; returns the rows that differ either way. */
async function roundTrip(rowShape: RowShape): Promise<{ lines: number; differing: unknown[] }> {
  return onOwnConnection(database.db, async (tx, client) => {
    await tx.execute(sql`select set_config('TimeZone', 'UTC', true)`);
    await tx.execute(sql.raw(`create temp table awkward (${columns}) on commit drop`));
    await tx.execute(sql.raw(`insert into awkward values ${rows}`));
    await tx.execute(sql`create temp table copied (like awkward) on commit drop`);
    const { rows: lines } = await tx.execute<{ line: string }>(
      sql`select row_to_json(a)::text as line from awkward a order by id`,
    );
    const copy = copyRows(client, 'copied', rowShape);
    for (const { line } of lines) if (copy.add(line)) await copy.flush();
    await copy.end();
    // NOTE: compared as text, since NaN equals NaN there and -0 differs from 0.
    const { rows: differing } = await tx.execute(sql`
      (select a::text from awkward a except all select c::text from copied c)
      union all (select c::text from copied c except all select a::text from awkward a)`);
    return { lines: lines.length, differing };
  });
}

describe('rows copied back from their JSON', () => {
  it('come back equal in binary, every type at its edges: microseconds, BC, infinity, int8, NaN, arrays', async () => {
    expect(binaryRowsOf(allColumns, types)).toBeDefined();
    const result = await roundTrip({ ...shape, columns: allColumns, types });
    expect(result).toEqual({ lines: 5, differing: [] });
  });

  it('come back equal in text, as for a type without a binary writer', async () => {
    const result = await roundTrip({ ...shape, columns: allColumns, types: [...types.slice(0, -1), '_tsvector'] });
    expect(binaryRowsOf(allColumns, [...types.slice(0, -1), '_tsvector'])).toBeUndefined();
    expect(result).toEqual({ lines: 5, differing: [] });
  });
});
