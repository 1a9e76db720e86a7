import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  applyPreset,
  checkImport,
  createImport,
  importKinds,
  importSources,
  listPresets,
  processImport,
  startImport,
} from '../modules/imports';
import { findUserByEmail } from '../modules/users';
import { memberships, roleSchema } from '../modules/workspaces';
import { type Actor, can } from '../platform/auth/permissions';
import { type Database, inWorkspace } from '../platform/db/client';
import type { UseCaseContext } from '../platform/use-case';
import { CommandError } from './commands';
import { withDatabase } from './database';

export type ImportOptions = {
  workspace: string;
  source?: string;
  kind?: string;
  preset?: string;
  dryRun?: boolean;
  as?: string;
};

/** Who the import runs as: the member named by --as, or the workspace's first admin; they must be allowed to import. */
async function importingActor(db: Database, workspaceId: string, email: string | undefined): Promise<Actor> {
  const user = email ? await findUserByEmail(db, email) : undefined;
  if (email && !user) throw new CommandError(`No user ${email}.`);
  const [member] = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        user ? eq(memberships.userId, user.id) : eq(memberships.role, 'admin'),
      ),
    )
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!member) throw new CommandError(`${email ?? 'No admin'} is not a member of workspace ${workspaceId}.`);
  const role = roleSchema.parse(member.role);
  if (!can(role, 'imports:run')) throw new CommandError(`The role ${role} may not import.`);
  return { userId: member.userId, workspaceId, role };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.round(seconds)} s`;
}

/** `accord import <file>`: the same detection, dry run and batched run as the web wizard, with progress on stderr. */
export async function importCommand(file: string, options: ImportOptions): Promise<void> {
  await withDatabase((db) => runImportCommand(db, file, options));
}

/** The import command against a database (tests run it against theirs). */
export async function runImportCommand(db: Database, file: string, options: ImportOptions): Promise<void> {
  const workspaceId = z.uuid().safeParse(options.workspace);
  if (!workspaceId.success) throw new CommandError('--workspace: must be a workspace id (uuid)');
  const source = z.enum(importSources).optional().safeParse(options.source);
  if (!source.success) throw new CommandError(`--source: one of ${importSources.join(', ')}`);
  const kind = z.enum(importKinds).optional().safeParse(options.kind);
  if (!kind.success) throw new CommandError(`--kind: one of ${importKinds.join(', ')}`);
  // NOTE: read as a stream and stored in pieces: a 200 MB file is never held whole.
  await access(file).catch(() => {
    throw new CommandError(`${file}: no such file`);
  });
  {
    const actor = await importingActor(db, workspaceId.data, options.as);
    const scope = { workspaceId: actor.workspaceId, userId: actor.userId };
    const inTransaction = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
      inWorkspace(db, scope, (tx) => work({ db: tx, actor, now: new Date() }));
    const created = await inTransaction((ctx) =>
      createImport(ctx, createReadStream(file, { highWaterMark: 1024 * 1024 }), {
        fileName: path.basename(file),
        ...(source.data ? { source: source.data } : {}),
        ...(kind.data ? { kind: kind.data } : {}),
      }),
    );
    const draft = options.preset ? await withPreset(inTransaction, created.id, options.preset, kind.data) : created;
    const reading = [draft.format, draft.encoding, draft.delimiter === '\t' ? 'tab' : draft.delimiter].filter(Boolean);
    process.stdout.write(
      `${draft.fileName}: ${draft.totalRows} rows of ${draft.kind} from ${draft.source} (${reading.join(', ')})\n`,
    );
    const mapped = Object.entries(draft.mapping).map(([column, field]) => `  ${column} → ${field}`);
    process.stdout.write(`Mapping:\n${mapped.join('\n')}\n`);
    const check = await inTransaction((ctx) => checkImport(ctx, draft.id));
    for (const problem of check.problems.slice(0, 20)) {
      process.stdout.write(
        `  row ${problem.row}${problem.column ? ` (${problem.column})` : ''}: ${problem.message.en}\n`,
      );
    }
    if (check.problems.length > 20) process.stdout.write(`  … and ${check.problems.length - 20} more\n`);
    process.stdout.write(
      `Dry run: ${check.validRows} of ${check.totalRows} rows valid; ${check.toCreate} to create, ${check.toUpdate} to update.\n`,
    );
    if (check.unknownStages.length > 0) {
      const stages = check.unknownStages.map((stage) => `“${stage}”`).join(', ');
      process.stdout.write(
        `Stages the pipeline does not have (their rows are skipped; map them in the web wizard): ${stages}\n`,
      );
    }
    if (check.duplicates.total > 0) {
      // NOTE: the CLI keeps both; choosing to merge is done in the web wizard (or PATCH /imports/{id}).
      process.stdout.write(
        `${check.duplicates.total} new rows look like records Accord has (kept as new records; merge them in the web wizard):\n`,
      );
      for (const proposal of check.duplicates.proposals.slice(0, 20)) {
        process.stdout.write(
          `  row ${proposal.row} “${proposal.name}” ~ “${proposal.record.name}” (${proposal.reason === 'name' ? 'similar name' : `same ${proposal.reason}`})\n`,
        );
      }
    }
    if (options.dryRun) return;
    await inTransaction((ctx) => startImport(ctx, draft.id));
    const started = performance.now();
    const result = await processImport(db, actor, draft.id, {
      onProgress: ({ processedRows, totalRows, phase }) => {
        const seconds = (performance.now() - started) / 1000;
        const rate = processedRows / Math.max(seconds, 0.001);
        const eta = (totalRows - processedRows) / rate;
        const percent = Math.round((processedRows / Math.max(totalRows, 1)) * 100);
        const what = phase === 'references' ? 'linking parents' : `${processedRows}/${totalRows} rows`;
        process.stderr.write(`\r${percent}% ${what}, ${Math.round(rate)} rows/s, ETA ${formatDuration(eta)}   `);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    process.stdout.write(
      `Import ${result.id} ${result.status} in ${seconds.toFixed(1)} s: ${result.createdCount} created, ${result.updatedCount} updated, ${result.unchangedCount} unchanged, ${result.failedCount} problems.\n`,
    );
  }
}

type InTransaction = <T>(work: (ctx: UseCaseContext) => Promise<T>) => Promise<T>;

/** Maps the draft with the named preset; an unknown name lists the saved ones, a --kind of another kind is refused. */
async function withPreset(inTransaction: InTransaction, id: string, name: string, kind: string | undefined) {
  const presets = await inTransaction((ctx) => listPresets(ctx));
  const preset = presets.find((candidate) => candidate.name === name.trim());
  if (!preset) {
    const names = presets.map((candidate) => `“${candidate.name}”`).join(', ');
    throw new CommandError(`--preset: no saved mapping “${name}”${names ? `; saved: ${names}` : ''}`);
  }
  if (kind && kind !== preset.kind) {
    throw new CommandError(`--preset: “${preset.name}” maps ${preset.kind}, not ${kind}`);
  }
  const applied = await inTransaction((ctx) => applyPreset(ctx, id, preset.name));
  process.stdout.write(`Preset “${preset.name}”: ${applied.found} of its ${applied.of} columns are in the file.\n`);
  return applied.job;
}
