import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { importMessages } from './messages';
import { importPresets } from './schema';
import { type SavePresetInput, savePresetInput } from './schemas';

export type ImportPreset = Omit<typeof importPresets.$inferSelect, 'workspaceId'>;

const presetColumns = {
  id: importPresets.id,
  name: importPresets.name,
  kind: importPresets.kind,
  source: importPresets.source,
  mapping: importPresets.mapping,
  createdBy: importPresets.createdBy,
  createdAt: importPresets.createdAt,
  updatedAt: importPresets.updatedAt,
  version: importPresets.version,
};

/** The workspace's saved mappings, by name (a workspace keeps a handful, so no pages). */
export function listPresets(ctx: UseCaseContext): Promise<ImportPreset[]> {
  return ctx.db
    .select(presetColumns)
    .from(importPresets)
    .where(eq(importPresets.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(importPresets.name));
}

/** Saves a mapping under a name for the next file of the same kind. */
export async function savePreset(ctx: UseCaseContext, rawInput: SavePresetInput): Promise<ImportPreset> {
  const input = savePresetInput.parse(rawInput);
  const [saved] = await ctx.db
    .insert(importPresets)
    .values({
      ...input,
      workspaceId: ctx.actor.workspaceId,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning(presetColumns);
  if (!saved)
    throw new AppError('conflict', message(importMessages.presetNameTaken), [
      { path: 'name', message: message(importMessages.presetNameTaken) },
    ]);
  return saved;
}

export async function deletePreset(ctx: UseCaseContext, id: string): Promise<void> {
  const deleted = await ctx.db
    .delete(importPresets)
    .where(and(eq(importPresets.workspaceId, ctx.actor.workspaceId), eq(importPresets.id, id)))
    .returning({ id: importPresets.id });
  if (deleted.length === 0) throw notFound(importMessages.preset);
}
