import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { AppError, notFound, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { users } from '../users';
import { assertMember, visibleContact } from './access';
import { type CoverageDetail, coverageColumns } from './get-stakeholder';
import { relationshipMessages } from './messages';
import { relationshipCoverage } from './schema';
import {
  type CreateCoverageInput,
  createCoverageInput,
  type UpdateCoverageInput,
  updateCoverageInput,
} from './schemas';

async function readCoverage(ctx: UseCaseContext, id: string): Promise<CoverageDetail> {
  const [row] = await ctx.db
    .select(coverageColumns)
    .from(relationshipCoverage)
    .leftJoin(users, eq(users.id, relationshipCoverage.userId))
    .where(and(eq(relationshipCoverage.workspaceId, ctx.actor.workspaceId), eq(relationshipCoverage.id, id)));
  if (!row) throw notFound(relationshipMessages.coverage);
  await visibleContact(ctx, row.contactId);
  return row;
}

/** Makes one of our people an owner of the relationship with a stakeholder (409 if they already are). */
export async function addCoverage(
  ctx: UseCaseContext,
  contactId: string,
  rawInput: CreateCoverageInput,
): Promise<CoverageDetail> {
  const input = createCoverageInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await visibleContact(ctx, contactId);
  await assertMember(ctx, input.userId, 'userId');
  await lockRow(ctx.db, contacts, { workspaceId, id: contactId }, 'update');
  const [created] = await ctx.db
    .insert(relationshipCoverage)
    .values({
      workspaceId,
      contactId,
      userId: input.userId,
      currentLevel: input.currentLevel,
      targetLevel: input.targetLevel ?? input.currentLevel,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: relationshipCoverage.id });
  if (!created) {
    throw new AppError('conflict', message(relationshipMessages.alreadyOwner), [
      { path: 'userId', message: message(relationshipMessages.alreadyOwner) },
    ]);
  }
  return readCoverage(ctx, created.id);
}

/** Changes the current or target level of a relationship; 412 when `expectedVersion` is stale. */
export async function updateCoverage(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateCoverageInput,
  expectedVersion?: number,
): Promise<CoverageDetail> {
  const input = updateCoverageInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, relationshipCoverage, { workspaceId, id }, 'update');
  const current = await readCoverage(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  await ctx.db
    .update(relationshipCoverage)
    .set({ ...input, updatedAt: ctx.now, version: sql`${relationshipCoverage.version} + 1` })
    .where(and(eq(relationshipCoverage.workspaceId, workspaceId), eq(relationshipCoverage.id, id)));
  return readCoverage(ctx, id);
}

/** One of our people no longer owns the relationship. */
export async function removeCoverage(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, relationshipCoverage, { workspaceId, id }, 'delete');
  const current = await readCoverage(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  await ctx.db
    .delete(relationshipCoverage)
    .where(and(eq(relationshipCoverage.workspaceId, workspaceId), eq(relationshipCoverage.id, id)));
}
