import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type Database, type Executor, onOwnConnection } from '../../platform/db/client';
import { newId } from '../../platform/db/columns';
import { AppError, ruleViolated } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import { stampRestoredMap } from '../relationships';
import {
  type BackupHeader,
  type BackupManifest,
  backupHeader,
  backupManifest,
  markerPrefix,
  readSchemaVersion,
} from './backup-format';
import { type BackupTable, planBackup } from './backup-tables';
import type { RowCopy } from './copy-rows';
import { brokenForeignKey, maySkipRowChecks, setTriggers } from './foreign-keys';
import { backupMessages } from './messages';
import { cleanGinIndexes, copyTable, prepareRestore, takeOverUsers } from './restore-rows';

export type RestoreOptions = {
  /** Restore under this id, which must be free. Default: the file's own id, or a new one when that is taken. */
  workspaceId?: string | undefined;
  /** Who restores: named in the audit entry, and made an admin of the restored workspace if not a member. */
  actorUserId?: string | undefined;
  requestId?: string | undefined;
  /**
   * Checks foreign keys row by row even where the connection could check them set-wise (what a
   * role without `session_replication_role` gets): for tests and the bench's comparison.
   */
  checkRowByRow?: boolean | undefined;
  /** Called as each table is restored, with its rows and seconds: what the bench reports. */
  onTable?: ((timing: TableTiming) => void) | undefined;
};

export type TableTiming = { table: string; rows: number; seconds: number };

export type RestoreResult = {
  workspaceId: string;
  name: string;
  sourceWorkspaceId: string;
  rows: number;
  tables: Record<string, number>;
};

/** A table being read from the file: its rows are hashed as read and copied into the table. */
type Section = { table: BackupTable; hash: Hash; rows: number; copy: RowCopy; started: number };

type Damage =
  | 'notJson'
  | 'rowsOutsideTable'
  | 'manifestUnreadable'
  | 'unexpectedTable'
  | 'columnsDiffer'
  | 'endsEarly'
  | 'fileChecksum'
  | 'tableChecksum'
  | 'incompleteGzip';

/** A 422 on `file` saying, in the reader's language, what is wrong with it. */
function corrupted(damage: Damage, table = ''): AppError {
  const reason = backupMessages[damage];
  const fill = (template: string) => template.replace('{table}', table);
  const { corrupted: text } = backupMessages;
  const detail = message({
    en: () => text.en.replace('{reason}', fill(reason.en)),
    ru: () => text.ru.replace('{reason}', fill(reason.ru)),
  });
  return new AppError('rule_violated', detail, [{ path: 'file', message: detail }]);
}

/**
 * Restores a backup file into a new workspace, in one transaction: rows keep their ids, the
 * workspace id is rewritten when restoring under another one, and nothing is written unless every
 * checksum matches. Members come with their password hashes (decision 0019). Runs as the owner role.
 */
export async function restoreWorkspace(
  db: Database,
  input: Readable,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const lines = readLines(input);
  try {
    const first = await lines.next().catch(() => {
      throw ruleViolated(backupMessages.notABackup, {}, 'file');
    });
    const headerLine = first.done ? newline : first.value;
    const header = parseHeader(textOf(headerLine));
    const schema = await readSchemaVersion(db);
    if (schema.latest !== header.schema.latest) {
      throw ruleViolated(backupMessages.schemaMismatch, {
        fileMigrations: header.schema.migrations,
        serverMigrations: schema.migrations,
      });
    }
    return await onOwnConnection(db, async (tx, client) => {
      const target = await chooseTarget(tx, header, options.workspaceId);
      await tx.execute(sql`select set_config('app.audit', 'off', true), set_config('TimeZone', 'UTC', true),
        set_config('app.workspace_id', ${target}, true), set_config('app.user_id', ${options.actorUserId ?? ''}, true),
        set_config('app.request_id', ${options.requestId ?? ''}, true)`);
      await prepareRestore(tx);
      const setWise = !options.checkRowByRow && (await maySkipRowChecks(tx));
      if (setWise) await setTriggers(tx, 'replica');
      const restored = await restoreSections(
        { tx, client },
        { header, target, headerLine, onTable: options.onTable },
        lines,
      );
      if (setWise) {
        await setTriggers(tx, 'origin');
        const broken = await brokenForeignKey(tx, restored.tables, target);
        if (broken) throw ruleViolated(backupMessages.inconsistent, { reason: broken }, 'file');
      }
      await stampRestoredMap(tx, target);
      if (options.actorUserId) await makeAdmin(tx, target, options.actorUserId);
      await recordRestore(tx, header, target, restored.manifest);
      return {
        workspaceId: target,
        name: header.workspace.name,
        sourceWorkspaceId: header.workspace.id,
        rows: restored.manifest.rows,
        tables: Object.fromEntries(Object.entries(restored.manifest.tables).map(([name, { rows }]) => [name, rows])),
      };
    });
  } catch (error) {
    throw asRestoreError(error, options.workspaceId);
  } finally {
    await lines.return(undefined);
    input.destroy();
  }
}

const newline = Buffer.from('\n');

/**
 * Each line of the gunzipped file as its bytes, ending in one `\n` (a `\r` before it dropped, one
 * added to a last line without it): the bytes its checksum covers. Split here rather than by
 * readline, so the checksums read the bytes as they come instead of encoding each line again.
 */
async function* readLines(input: Readable): AsyncGenerator<Buffer, void, undefined> {
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  input.once('error', (error) => gunzip.destroy(error));
  const pending: Buffer[] = [];
  for await (const chunk of input.pipe(gunzip) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, end + 1));
      start = end + 1;
      const line = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      pending.length = 0;
      const carriageReturn = line.length >= 2 && line[line.length - 2] === 13;
      yield carriageReturn ? Buffer.concat([line.subarray(0, line.length - 2), newline]) : line;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat([...pending, newline]);
}

const markerBytes = Buffer.from(markerPrefix);

/** Whether a line starts as a marker does (`{"@`); a row never does, since its first key is a column name. */
function isMarker(line: Buffer): boolean {
  return line.length > markerBytes.length && markerBytes.every((byte, index) => line[index] === byte);
}

/** A line's text, without its `\n`. */
function textOf(line: Buffer): string {
  return line.toString('utf8', 0, line.length - 1);
}

function parseMarker(line: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw corrupted('notJson');
}

function parseHeader(line: string): BackupHeader {
  let marker: Record<string, unknown> | undefined;
  try {
    marker = line.startsWith(markerPrefix) ? parseMarker(line) : undefined;
  } catch {
    // not JSON: not a backup
  }
  const parsed = backupHeader.safeParse(marker?.['@backup']);
  if (!parsed.success) throw ruleViolated(backupMessages.notABackup, {}, 'file');
  return parsed.data;
}

/** The file's own workspace id when it is free, else a new one; a named target must be free. */
async function chooseTarget(tx: Executor, header: BackupHeader, named: string | undefined): Promise<string> {
  const wanted = named ?? header.workspace.id;
  const taken = await tx.execute(sql`select 1 from workspaces where id = ${wanted}`);
  if (taken.rows.length === 0) return wanted;
  if (named) throw new AppError('conflict', message(backupMessages.targetNotEmpty, { workspaceId: named }));
  return newId();
}

type Restoring = { header: BackupHeader; target: string; headerLine: Buffer; onTable: RestoreOptions['onTable'] };

async function restoreSections(
  { tx, client }: { tx: Executor; client: pg.PoolClient },
  { header, target, headerLine, onTable }: Restoring,
  lines: AsyncGenerator<Buffer, void, undefined>,
): Promise<{ manifest: BackupManifest; tables: BackupTable[] }> {
  const plan = await planBackup(tx);
  const known = new Map(plan.tables.map((table) => [table.name, table]));
  const replacements = new Map<string, string>();
  if (target !== header.workspace.id) replacements.set(header.workspace.id, target);
  let rewrite = rewriterOf(replacements);
  const fileHash = createHash('sha256').update(headerLine);
  const read: Record<string, { rows: number; sha256: string }> = {};
  let section: Section | undefined;
  let sectionIndex = 0;

  const finish = async () => {
    if (!section) return;
    await section.copy.end();
    const rows = section.rows;
    read[section.table.name] = { rows, sha256: section.hash.digest('hex') };
    if (section.table.scope === 'users') {
      for (const [from, to] of await takeOverUsers(tx, section.table)) replacements.set(from, to);
      rewrite = rewriterOf(replacements);
    } else {
      await checkBelongs(tx, section.table, target, rows);
      await cleanGinIndexes(tx, section.table);
    }
    onTable?.({ table: section.table.name, rows, seconds: (performance.now() - section.started) / 1000 });
    section = undefined;
  };

  for await (const bytes of lines) {
    if (!isMarker(bytes)) {
      if (!section) throw corrupted('rowsOutsideTable');
      fileHash.update(bytes);
      section.hash.update(bytes);
      section.rows += 1;
      if (copyRow(section, rewrite(textOf(bytes)))) await section.copy.flush();
      continue;
    }
    const marker = parseMarker(textOf(bytes));
    await finish();
    if ('@manifest' in marker) {
      const manifest = backupManifest.safeParse(marker['@manifest']);
      if (!manifest.success) throw corrupted('manifestUnreadable');
      checkManifest(manifest.data, read, fileHash.digest('hex'), header);
      return { manifest: manifest.data, tables: header.tables.map(({ name }) => known.get(name) as BackupTable) };
    }
    fileHash.update(bytes);
    const name = marker['@table'];
    const expected = header.tables[sectionIndex];
    const table = typeof name === 'string' ? known.get(name) : undefined;
    if (!expected || expected.name !== name || !table) throw corrupted('unexpectedTable', String(name));
    if (expected.columns.join(',') !== table.columns.join(',')) throw corrupted('columnsDiffer', table.name);
    sectionIndex += 1;
    const copy = copyTable(client, table);
    section = { table, hash: createHash('sha256'), rows: 0, copy, started: performance.now() };
  }
  throw corrupted('endsEarly');
}

/** Adds a row to the table's COPY; true when a chunk is ready to send. A row that is not its table's is damage. */
function copyRow(section: Section, line: string): boolean {
  try {
    return section.copy.add(line);
  } catch (error) {
    if (error instanceof SyntaxError) throw corrupted('notJson');
    throw error;
  }
}

/** Replaces ids (the workspace's, users taken over) wherever they occur in a row's JSON. */
function rewriterOf(replacements: Map<string, string>): (line: string) => string {
  if (replacements.size === 0) return (line) => line;
  // NOTE: ids are UUIDs, unique across tables, so a textual replace is exact; it reaches ids inside
  // JSON columns (the audit log's before/after) that a column-by-column rewrite would miss.
  const pattern = new RegExp([...replacements.keys()].join('|'), 'g');
  return (line) => line.replace(pattern, (id) => replacements.get(id) ?? id);
}

function checkManifest(
  manifest: BackupManifest,
  read: Record<string, { rows: number; sha256: string }>,
  fileSha256: string,
  header: BackupHeader,
): void {
  if (manifest.sha256 !== fileSha256) throw corrupted('fileChecksum');
  for (const { name } of header.tables) {
    const expected = manifest.tables[name];
    const actual = read[name];
    if (!expected || !actual || expected.rows !== actual.rows || expected.sha256 !== actual.sha256) {
      throw corrupted('tableChecksum', name);
    }
  }
}

/**
 * A crafted file could carry rows of another workspace, which the owner role would write: the
 * target was empty, so its row count must equal the rows read.
 */
async function checkBelongs(tx: Executor, table: BackupTable, target: string, rows: number): Promise<void> {
  const column = table.scope === 'workspace' ? sql`id` : sql`workspace_id`;
  const { rows: counted } = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table.name)} where ${column} = ${target}`,
  );
  if ((counted[0]?.n ?? 0) !== rows || (table.scope === 'workspace' && rows !== 1)) {
    throw ruleViolated(backupMessages.otherWorkspaceRows, { table: table.name }, 'file');
  }
}

async function makeAdmin(tx: Executor, target: string, userId: string): Promise<void> {
  await tx.execute(sql`insert into memberships (workspace_id, id, user_id, role)
    values (${target}, ${newId()}, ${userId}, 'admin') on conflict do nothing`);
}

/** The restore itself is one audit entry; the restored history is kept as it was. */
async function recordRestore(tx: Executor, header: BackupHeader, target: string, manifest: BackupManifest) {
  const details = {
    restoredFrom: header.workspace.id,
    backupCreatedAt: header.createdAt,
    sha256: manifest.sha256,
    rows: manifest.rows,
  };
  await tx.execute(sql`insert into audit_log (workspace_id, actor_user_id, request_id, entity, entity_id, action, after)
    values (${target}, nullif(current_setting('app.user_id', true), '')::uuid,
      nullif(current_setting('app.request_id', true), ''), 'workspaces', ${target}, 'insert', ${JSON.stringify(details)}::jsonb)`);
}

/** Damaged gzip and rows the database refuses become problems; anything else stays a failure. */
function asRestoreError(error: unknown, workspaceId: string | undefined): unknown {
  if (error instanceof AppError) return error;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : '';
  const constraint = cause && typeof cause === 'object' && 'constraint' in cause ? String(cause.constraint) : '';
  if (code.startsWith('Z_')) return corrupted('incompleteGzip');
  if (code === '23505' && constraint === 'workspaces_pkey') {
    // NOTE: another restore took the id between the check and the insert.
    return new AppError('conflict', message(backupMessages.targetNotEmpty, { workspaceId: workspaceId ?? '' }));
  }
  if (code.startsWith('23') || code.startsWith('22')) {
    // The constraint's name or the SQLSTATE: the same in every language.
    return ruleViolated(backupMessages.inconsistent, { reason: constraint || code }, 'file');
  }
  return error;
}
