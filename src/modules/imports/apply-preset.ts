import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import type { ColumnMapping } from './formats/fields';
import type { ImportView } from './get-import';
import { loadImport } from './load-import';
import { importMessages } from './messages';
import { importPresets } from './schema';
import { updateImport } from './update-import';

export type AppliedPreset = { job: ImportView; found: number; of: number };

/**
 * Maps a draft import's file with a saved preset, found by name: its kind and source, and its
 * mapping for the columns the file has (columns it does not know stay unmapped), as the wizard
 * applies one. 404 for a name the workspace has not saved.
 */
export async function applyPreset(ctx: UseCaseContext, id: string, name: string): Promise<AppliedPreset> {
  const [preset] = await ctx.db
    .select()
    .from(importPresets)
    .where(and(eq(importPresets.workspaceId, ctx.actor.workspaceId), eq(importPresets.name, name.trim())));
  if (!preset) throw notFound(importMessages.preset);
  const job = await loadImport(ctx, id);
  const keys = new Set(job.columns.map((column) => column.key));
  const entries = Object.entries(preset.mapping);
  const mapping: ColumnMapping = Object.fromEntries(entries.filter(([column]) => keys.has(column)));
  const updated = await updateImport(ctx, id, { kind: preset.kind, source: preset.source, mapping });
  return { job: updated, found: Object.keys(mapping).length, of: entries.length };
}
