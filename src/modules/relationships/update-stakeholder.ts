import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { visibleContact } from './access';
import { getStakeholder, type StakeholderDetail } from './get-stakeholder';
import { stakeholders } from './schema';
import { type UpdateStakeholderInput, updateStakeholderInput } from './schemas';

/**
 * Records the given stakeholder attributes of a contact (the row is created on the first edit).
 * `expectedVersion` 0 means "nothing recorded yet"; a stale one answers 412.
 */
export async function updateStakeholder(
  ctx: UseCaseContext,
  contactId: string,
  rawInput: UpdateStakeholderInput,
  expectedVersion?: number,
): Promise<StakeholderDetail> {
  const input = updateStakeholderInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await visibleContact(ctx, contactId);
  // NOTE: holds off a concurrent delete of the contact, whose cascade would race the insert.
  await lockRow(ctx.db, contacts, { workspaceId, id: contactId }, 'update');
  await lockRow(ctx.db, stakeholders, { workspaceId, id: contactId }, 'update');
  const [current] = await ctx.db
    .select({ version: stakeholders.version })
    .from(stakeholders)
    .where(and(eq(stakeholders.workspaceId, workspaceId), eq(stakeholders.id, contactId)));
  const currentVersion = current?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) throw staleVersion();
  if (!current) {
    await ctx.db
      .insert(stakeholders)
      .values({ ...input, workspaceId, id: contactId, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing();
  } else {
    const [updated] = await ctx.db
      .update(stakeholders)
      .set({ ...input, updatedAt: ctx.now, version: sql`${stakeholders.version} + 1` })
      .where(
        and(
          eq(stakeholders.workspaceId, workspaceId),
          eq(stakeholders.id, contactId),
          eq(stakeholders.version, currentVersion),
        ),
      )
      .returning({ id: stakeholders.id });
    if (!updated) throw staleVersion();
  }
  return getStakeholder(ctx, contactId);
}
