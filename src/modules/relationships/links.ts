import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { visibleContact } from './access';
import { type LinkDetail, linkColumns } from './get-stakeholder';
import { relationshipMessages } from './messages';
import { stakeholderLinks } from './schema';
import { type CreateLinkInput, createLinkInput, type UpdateLinkInput, updateLinkInput } from './schemas';

async function readLink(ctx: UseCaseContext, id: string): Promise<LinkDetail> {
  const [row] = await ctx.db
    .select(linkColumns)
    .from(stakeholderLinks)
    .where(and(eq(stakeholderLinks.workspaceId, ctx.actor.workspaceId), eq(stakeholderLinks.id, id)));
  if (!row) throw notFound(relationshipMessages.link);
  await visibleContact(ctx, row.fromContactId);
  return row;
}

/** Draws a dotted line between two people of one account: one influences the other, or they are in conflict. */
export async function createLink(ctx: UseCaseContext, rawInput: CreateLinkInput): Promise<LinkDetail> {
  const input = createLinkInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  if (input.fromContactId === input.toContactId) {
    throw ruleViolated(relationshipMessages.linkToSelf, undefined, 'toContactId');
  }
  const from = await visibleContact(ctx, input.fromContactId);
  const to = await visibleContact(ctx, input.toContactId);
  if (from.accountId !== to.accountId)
    throw ruleViolated(relationshipMessages.linkOtherAccount, undefined, 'toContactId');
  for (const id of [from.id, to.id].sort()) await lockRow(ctx.db, contacts, { workspaceId, id }, 'update');
  // NOTE: a conflict is mutual: A in conflict with B is the same line as B with A.
  if (input.kind === 'in_conflict_with') {
    const [mirror] = await ctx.db
      .select({ id: stakeholderLinks.id })
      .from(stakeholderLinks)
      .where(
        and(
          eq(stakeholderLinks.workspaceId, workspaceId),
          eq(stakeholderLinks.fromContactId, input.toContactId),
          eq(stakeholderLinks.toContactId, input.fromContactId),
          eq(stakeholderLinks.kind, input.kind),
        ),
      );
    if (mirror) throw linkExists();
  }
  const [created] = await ctx.db
    .insert(stakeholderLinks)
    .values({ ...input, workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: stakeholderLinks.id });
  if (!created) throw linkExists();
  return readLink(ctx, created.id);
}

function linkExists(): AppError {
  return new AppError('conflict', message(relationshipMessages.linkExists), [
    { path: 'toContactId', message: message(relationshipMessages.linkExists) },
  ]);
}

export async function updateLink(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateLinkInput,
  expectedVersion?: number,
): Promise<LinkDetail> {
  const input = updateLinkInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, stakeholderLinks, { workspaceId, id }, 'update');
  const current = await readLink(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  await ctx.db
    .update(stakeholderLinks)
    .set({ ...input, updatedAt: ctx.now, version: sql`${stakeholderLinks.version} + 1` })
    .where(and(eq(stakeholderLinks.workspaceId, workspaceId), eq(stakeholderLinks.id, id)));
  return readLink(ctx, id);
}

export async function deleteLink(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, stakeholderLinks, { workspaceId, id }, 'delete');
  const current = await readLink(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  await ctx.db
    .delete(stakeholderLinks)
    .where(and(eq(stakeholderLinks.workspaceId, workspaceId), eq(stakeholderLinks.id, id)));
}
