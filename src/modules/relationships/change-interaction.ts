import { and, eq, notInArray, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { assertContactsOfAccount, assertMember, assertMembers, visibleAccount } from './access';
import { getInteraction, type Interaction } from './get-interaction';
import { relationshipMessages } from './messages';
import { interactionContacts, interactions, interactionUsers } from './schema';
import {
  type CreateInteractionInput,
  createInteractionInput,
  type UpdateInteractionInput,
  updateInteractionInput,
} from './schemas';

// NOTE: a few minutes' grace, so a meeting logged as held as it starts is not refused over clocks.
const heldGraceMs = 10 * 60 * 1000;

function assertHeldNotInFuture(ctx: UseCaseContext, status: string, occurredAt: Date): void {
  if (status === 'held' && occurredAt.getTime() > ctx.now.getTime() + heldGraceMs) {
    throw ruleViolated(relationshipMessages.heldInFuture, undefined, 'occurredAt');
  }
}

/** Who took part on the customer's side: replaces the set, keeping the repeated time and status in step. */
async function replaceContacts(
  ctx: UseCaseContext,
  interaction: { id: string; status: string; occurredAt: Date },
  contactIds: string[],
): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const scope = and(
    eq(interactionContacts.workspaceId, workspaceId),
    eq(interactionContacts.interactionId, interaction.id),
  );
  await ctx.db
    .delete(interactionContacts)
    .where(and(scope, contactIds.length > 0 ? notInArray(interactionContacts.contactId, contactIds) : undefined));
  if (contactIds.length === 0) return;
  await ctx.db
    .insert(interactionContacts)
    .values(
      contactIds.map((contactId) => ({
        workspaceId,
        interactionId: interaction.id,
        contactId,
        status: interaction.status,
        occurredAt: interaction.occurredAt,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
}

async function replaceUsers(ctx: UseCaseContext, interactionId: string, userIds: string[]): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const scope = and(eq(interactionUsers.workspaceId, workspaceId), eq(interactionUsers.interactionId, interactionId));
  await ctx.db
    .delete(interactionUsers)
    .where(and(scope, userIds.length > 0 ? notInArray(interactionUsers.userId, userIds) : undefined));
  if (userIds.length === 0) return;
  await ctx.db
    .insert(interactionUsers)
    .values(userIds.map((userId) => ({ workspaceId, interactionId, userId, createdAt: ctx.now, updatedAt: ctx.now })))
    .onConflictDoNothing();
}

/** Logs a planned or held interaction with an account's people, and the next step it led to. */
export async function createInteraction(ctx: UseCaseContext, rawInput: CreateInteractionInput): Promise<Interaction> {
  const { contactIds, userIds, ...input } = createInteractionInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await visibleAccount(ctx, input.accountId);
  const occurredAt = new Date(input.occurredAt);
  assertHeldNotInFuture(ctx, input.status, occurredAt);
  await assertContactsOfAccount(ctx, input.accountId, contactIds);
  await assertMembers(ctx, userIds, 'userIds');
  if (input.nextStepOwnerId) await assertMember(ctx, input.nextStepOwnerId, 'nextStepOwnerId');
  // NOTE: holds off a concurrent delete of the account, whose cascade would race the insert.
  await lockRow(ctx.db, accounts, { workspaceId, id: input.accountId }, 'update');
  const [created] = await ctx.db
    .insert(interactions)
    .values({
      ...input,
      occurredAt,
      workspaceId,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: interactions.id });
  if (!created) throw new Error('Interaction insert returned nothing');
  await replaceContacts(ctx, { id: created.id, status: input.status, occurredAt }, contactIds);
  await replaceUsers(ctx, created.id, userIds);
  return getInteraction(ctx, created.id);
}

/**
 * Changes an interaction (mark a planned one held, add the outcome, tick the next step done…);
 * given participant lists replace the stored ones. 412 when `expectedVersion` is stale.
 */
export async function updateInteraction(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateInteractionInput,
  expectedVersion?: number,
): Promise<Interaction> {
  const { contactIds, userIds, occurredAt: occurredAtText, ...input } = updateInteractionInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, interactions, { workspaceId, id }, 'update');
  const current = await getInteraction(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const occurredAt = occurredAtText === undefined ? current.occurredAt : new Date(occurredAtText);
  const status = input.status ?? current.status;
  if (input.status !== undefined || occurredAtText !== undefined) assertHeldNotInFuture(ctx, status, occurredAt);
  const nextStep = input.nextStep !== undefined ? input.nextStep : current.nextStep;
  const clearsNextStep = input.nextStep === null;
  if (!nextStep && (input.nextStepOwnerId || input.nextStepDueOn)) {
    throw ruleViolated(relationshipMessages.nextStepNeedsText, undefined, 'nextStep');
  }
  // NOTE: someone who took part and has since moved to another account stays a participant.
  const earlier = new Set(current.contacts.map((contact) => contact.id));
  if (contactIds) await assertContactsOfAccount(ctx, current.accountId, contactIds, earlier);
  if (userIds) await assertMembers(ctx, userIds, 'userIds');
  if (input.nextStepOwnerId && input.nextStepOwnerId !== current.nextStepOwnerId) {
    await assertMember(ctx, input.nextStepOwnerId, 'nextStepOwnerId');
  }
  await ctx.db
    .update(interactions)
    .set({
      ...input,
      occurredAt,
      // NOTE: a next step taken away takes its owner, date and tick with it.
      ...(clearsNextStep ? { nextStepOwnerId: null, nextStepDueOn: null, nextStepDone: false } : {}),
      updatedAt: ctx.now,
      version: sql`${interactions.version} + 1`,
    })
    .where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.id, id)));
  if (status !== current.status || occurredAt.getTime() !== current.occurredAt.getTime()) {
    await ctx.db
      .update(interactionContacts)
      .set({ status, occurredAt, updatedAt: ctx.now, version: sql`${interactionContacts.version} + 1` })
      .where(and(eq(interactionContacts.workspaceId, workspaceId), eq(interactionContacts.interactionId, id)));
  }
  if (contactIds) await replaceContacts(ctx, { id, status, occurredAt }, contactIds);
  if (userIds) await replaceUsers(ctx, id, userIds);
  return getInteraction(ctx, id);
}

export async function deleteInteraction(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, interactions, { workspaceId, id }, 'delete');
  const current = await getInteraction(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  await ctx.db.delete(interactions).where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.id, id)));
}
