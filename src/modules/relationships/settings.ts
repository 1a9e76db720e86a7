import { and, eq, sql } from 'drizzle-orm';
import { defaultStaleAfterDays } from '../../analytics/relationships/terms';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { relationshipSettings } from './schema';
import { type UpdateRelationshipSettingsInput, updateRelationshipSettingsInput } from './schemas';

/** The workspace's relationship-map settings; `version` 0 until they are first changed. */
export type RelationshipSettings = { staleAfterDays: number; version: number };

export async function getRelationshipSettings(ctx: UseCaseContext): Promise<RelationshipSettings> {
  const [row] = await ctx.db
    .select({ staleAfterDays: relationshipSettings.staleAfterDays, version: relationshipSettings.version })
    .from(relationshipSettings)
    .where(eq(relationshipSettings.workspaceId, ctx.actor.workspaceId));
  return row ?? { staleAfterDays: defaultStaleAfterDays, version: 0 };
}

/** Changes the settings (created on the first change); 412 when `expectedVersion` is stale. */
export async function updateRelationshipSettings(
  ctx: UseCaseContext,
  rawInput: UpdateRelationshipSettingsInput,
  expectedVersion?: number,
): Promise<RelationshipSettings> {
  const input = updateRelationshipSettingsInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  if (expectedVersion === undefined || expectedVersion === 0) {
    const [inserted] = await ctx.db
      .insert(relationshipSettings)
      .values({ workspaceId, staleAfterDays: input.staleAfterDays, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing({ target: relationshipSettings.workspaceId })
      .returning({ staleAfterDays: relationshipSettings.staleAfterDays, version: relationshipSettings.version });
    if (inserted) return inserted;
    if (expectedVersion === 0) throw staleVersion();
  }
  const [updated] = await ctx.db
    .update(relationshipSettings)
    .set({
      staleAfterDays: input.staleAfterDays,
      updatedAt: ctx.now,
      version: sql`${relationshipSettings.version} + 1`,
    })
    .where(
      and(
        eq(relationshipSettings.workspaceId, workspaceId),
        expectedVersion === undefined ? undefined : eq(relationshipSettings.version, expectedVersion),
      ),
    )
    .returning({ staleAfterDays: relationshipSettings.staleAfterDays, version: relationshipSettings.version });
  if (!updated) throw staleVersion();
  return updated;
}
