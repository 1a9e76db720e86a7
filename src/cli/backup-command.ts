import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { restoreWorkspace, writeBackup } from '../modules/backups';
import { findUserByEmail } from '../modules/users';
import { workspaces } from '../modules/workspaces';
import type { Database } from '../platform/db/client';
import { CommandError } from './commands';
import { withDatabase } from './database';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function workspaceToBackUp(db: Database, option: string | undefined): Promise<string> {
  if (option) {
    const parsed = z.uuid().safeParse(option);
    if (!parsed.success) throw new CommandError('--workspace: must be a workspace id (uuid)');
    return parsed.data;
  }
  const all = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt)).limit(2);
  if (all.length !== 1) throw new CommandError('--workspace: name the workspace to back up (there is not just one).');
  return (all[0] as { id: string }).id;
}

/** `accord backup <file>`: the whole workspace from one snapshot, written to a temporary file then renamed. */
export async function backupCommand(file: string, options: { workspace?: string }): Promise<void> {
  await withDatabase(async (db) => {
    const workspaceId = await workspaceToBackUp(db, options.workspace);
    const started = performance.now();
    const partial = `${file}.partial`;
    const output = createWriteStream(partial);
    try {
      const manifest = await writeBackup(db, workspaceId, output, { now: new Date() });
      // NOTE: a backup cut short never carries the final name.
      await rename(partial, file);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const tables = Object.values(manifest.tables).filter(({ rows }) => rows > 0).length;
      process.stdout.write(
        `Workspace ${workspaceId} backed up to ${file} in ${seconds} s: ${manifest.rows} rows of ${tables} tables, ${megabytes(output.bytesWritten)}, SHA-256 ${manifest.sha256}.\n`,
      );
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  });
}

/** `accord restore <file>`: into a new workspace, in one transaction; nothing is written if anything is wrong. */
export async function restoreCommand(file: string, options: { workspace?: string; as?: string }): Promise<void> {
  const target = options.workspace === undefined ? undefined : z.uuid().safeParse(options.workspace);
  if (target && !target.success) throw new CommandError('--workspace: must be a workspace id (uuid)');
  await withDatabase(async (db) => {
    const user = options.as ? await findUserByEmail(db, options.as) : undefined;
    if (options.as && !user) throw new CommandError(`No user ${options.as}.`);
    const started = performance.now();
    const result = await restoreWorkspace(db, createReadStream(file), {
      workspaceId: target?.data,
      actorUserId: user?.id,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const under = result.workspaceId === result.sourceWorkspaceId ? 'its own id' : 'a new id';
    process.stdout.write(
      `Workspace "${result.name}" restored as ${result.workspaceId} (${under}) in ${seconds} s: ${result.rows} rows.\n`,
    );
  });
}
