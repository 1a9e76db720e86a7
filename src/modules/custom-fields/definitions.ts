import { and, eq, sql } from 'drizzle-orm';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { customFieldMessages } from './messages';
import { customFieldDefinitions } from './schema';
import {
  type CreateCustomFieldInput,
  createCustomFieldInput,
  type UpdateCustomFieldInput,
  updateCustomFieldInput,
} from './schemas';

export type CustomFieldDefinition = typeof customFieldDefinitions.$inferSelect;

export async function createCustomField(
  ctx: UseCaseContext,
  rawInput: CreateCustomFieldInput,
): Promise<CustomFieldDefinition> {
  const input = createCustomFieldInput.parse(rawInput);
  const [created] = await ctx.db
    .insert(customFieldDefinitions)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    throw new AppError('conflict', message(customFieldMessages.keyTaken), [
      { path: 'key', message: message(customFieldMessages.keyTaken) },
    ]);
  }
  return created;
}

async function findDefinition(ctx: UseCaseContext, id: string): Promise<CustomFieldDefinition> {
  const [found] = await ctx.db
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.actor.workspaceId), eq(customFieldDefinitions.id, id)));
  if (!found) throw notFound(customFieldMessages.customField);
  return found;
}

export async function updateCustomField(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateCustomFieldInput,
  expectedVersion?: number,
): Promise<CustomFieldDefinition> {
  const input = updateCustomFieldInput.parse(rawInput);
  if (input.options?.length === 0 && (await findDefinition(ctx, id)).type === 'select') {
    throw invalidField('options', customFieldMessages.optionsNeeded);
  }
  const [updated] = await ctx.db
    .update(customFieldDefinitions)
    .set({ ...input, updatedAt: ctx.now, version: sql`${customFieldDefinitions.version} + 1` })
    .where(
      and(
        eq(customFieldDefinitions.workspaceId, ctx.actor.workspaceId),
        eq(customFieldDefinitions.id, id),
        expectedVersion === undefined ? undefined : eq(customFieldDefinitions.version, expectedVersion),
      ),
    )
    .returning();
  if (updated) return updated;
  await findDefinition(ctx, id);
  throw staleVersion();
}

/** Deletes a definition; values already stored under its key stay in the records' history. */
export async function deleteCustomField(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  const [deleted] = await ctx.db
    .delete(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.workspaceId, ctx.actor.workspaceId),
        eq(customFieldDefinitions.id, id),
        expectedVersion === undefined ? undefined : eq(customFieldDefinitions.version, expectedVersion),
      ),
    )
    .returning({ id: customFieldDefinitions.id });
  if (deleted) return;
  await findDefinition(ctx, id);
  throw staleVersion();
}
