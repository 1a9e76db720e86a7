import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/client';

// A backup file (decision 0019) is gzip'd UTF-8 text, one JSON value per line:
//   {"@backup": header}                      what, from where, by which schema
//   {"@table": "accounts"}                   then one line per row: the row as PostgreSQL's to_jsonb
//   …                                        writes it, generated columns left out, in key order
//   {"@manifest": manifest}                  rows and SHA-256 per table, and of every line above
export const backupFormat = 'accord-backup';
export const backupFormatVersion = 1;

/** Marker lines start so; a row never does, since its first key is a column name. */
export const markerPrefix = '{"@';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The schema a file was written by: the number of migrations applied and the hash of the last one. */
export const schemaVersion = z.object({ migrations: z.number().int(), latest: z.string() });
export type SchemaVersion = z.infer<typeof schemaVersion>;

export const backupHeader = z.object({
  format: z.literal(backupFormat),
  version: z.literal(backupFormatVersion),
  schema: schemaVersion,
  createdAt: z.string(),
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
});
export type BackupHeader = z.infer<typeof backupHeader>;

export const tableSummary = z.object({ rows: z.number().int().nonnegative(), sha256: sha256Hex });
export type TableSummary = z.infer<typeof tableSummary>;

export const backupManifest = z.object({
  tables: z.record(z.string(), tableSummary),
  rows: z.number().int().nonnegative(),
  /** SHA-256 of every byte of the uncompressed file before the manifest line. */
  sha256: sha256Hex,
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** The migrations this database has applied, as a backup records and a restore compares them. */
export async function readSchemaVersion(db: Executor): Promise<SchemaVersion> {
  const { rows } = await db.execute<{ migrations: number; latest: string }>(sql`
    select count(*)::int as migrations,
      (select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1) as latest
    from drizzle.__drizzle_migrations`);
  const [row] = rows;
  return { migrations: row?.migrations ?? 0, latest: row?.latest ?? '' };
}
