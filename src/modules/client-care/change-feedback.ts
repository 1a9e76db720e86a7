import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { memberships } from '../workspaces';
import { type Feedback, getFeedback } from './feedback';
import { clientCareMessages } from './messages';
import { canMoveFeedback, type FeedbackKind, type FeedbackSeverity } from './rules';
import { clientFeedback } from './schema';
import {
  type CreateFeedbackInput,
  createFeedbackInput,
  type MoveFeedbackInput,
  moveFeedbackInput,
  type UpdateFeedbackInput,
  updateFeedbackInput,
} from './schemas';

/** 422 on `accountId` unless the account is in the workspace. */
export async function assertAccount(ctx: UseCaseContext, accountId: string): Promise<void> {
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId)));
  if (!account) throw ruleViolated(clientCareMessages.noSuchAccount, undefined, 'accountId');
}

/** 422 on `contactId` unless the contact is one of the account's. */
export async function assertContactOf(ctx: UseCaseContext, accountId: string, contactId: string): Promise<void> {
  const [contact] = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.id, contactId),
        eq(contacts.accountId, accountId),
      ),
    );
  if (!contact) throw ruleViolated(clientCareMessages.noSuchContact, undefined, 'contactId');
}

async function assertMember(ctx: UseCaseContext, userId: string): Promise<void> {
  const [member] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, userId)));
  if (!member) throw ruleViolated(clientCareMessages.noSuchMember, undefined, 'ownerId');
}

function assertSeverity(kind: FeedbackKind, severity: FeedbackSeverity | null): void {
  if ((kind === 'complaint' || kind === 'conflict') && !severity)
    throw ruleViolated(clientCareMessages.severityRequired, undefined, 'severity');
}

/** Registers a complaint, conflict, praise or review; complaints and conflicts need a severity. */
export async function createFeedback(ctx: UseCaseContext, rawInput: CreateFeedbackInput): Promise<Feedback> {
  const input = createFeedbackInput.parse(rawInput);
  assertSeverity(input.kind, input.severity);
  await assertAccount(ctx, input.accountId);
  if (input.contactId) await assertContactOf(ctx, input.accountId, input.contactId);
  if (input.ownerId) await assertMember(ctx, input.ownerId);
  const [created] = await ctx.db
    .insert(clientFeedback)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ...input,
      ownerId: input.ownerId ?? ctx.actor.userId,
      openedAt: input.openedAt ? new Date(input.openedAt) : ctx.now,
      status: 'open',
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: clientFeedback.id });
  return getFeedback(ctx, (created as { id: string }).id);
}

/** Changes what a case says (kind, source, severity, description, owner, contact, when it was raised). */
export async function updateFeedback(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateFeedbackInput,
  expectedVersion?: number,
): Promise<Feedback> {
  const input = updateFeedbackInput.parse(rawInput);
  await lockRow(ctx.db, clientFeedback, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getFeedback(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  assertSeverity(input.kind ?? current.kind, input.severity === undefined ? current.severity : input.severity);
  if (input.contactId) await assertContactOf(ctx, current.account.id, input.contactId);
  if (input.ownerId) await assertMember(ctx, input.ownerId);
  const { openedAt, ...fields } = input;
  await ctx.db
    .update(clientFeedback)
    .set({
      ...fields,
      ...(openedAt ? { openedAt: new Date(openedAt) } : {}),
      updatedAt: ctx.now,
      version: sql`${clientFeedback.version} + 1`,
    })
    .where(and(eq(clientFeedback.workspaceId, ctx.actor.workspaceId), eq(clientFeedback.id, id)));
  return getFeedback(ctx, id);
}

/**
 * Moves a case along open → in progress → resolved | rejected (422 on `status` otherwise).
 * Resolving needs the resolution and the root cause, so losses are analysed instead of blamed.
 */
export async function moveFeedback(
  ctx: UseCaseContext,
  id: string,
  rawInput: MoveFeedbackInput,
  expectedVersion?: number,
): Promise<Feedback> {
  const input = moveFeedbackInput.parse(rawInput);
  await lockRow(ctx.db, clientFeedback, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getFeedback(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  if (!canMoveFeedback(current.status, input.status))
    throw ruleViolated(clientCareMessages.move, { from: current.status, to: input.status }, 'status');
  if (input.status === 'resolved' && !input.resolution)
    throw ruleViolated(clientCareMessages.resolutionRequired, undefined, 'resolution');
  if (input.status === 'resolved' && !input.rootCause)
    throw ruleViolated(clientCareMessages.rootCauseRequired, undefined, 'rootCause');
  const closing = input.status === 'resolved' || input.status === 'rejected';
  await ctx.db
    .update(clientFeedback)
    .set({
      status: input.status,
      ...(input.resolution ? { resolution: input.resolution } : {}),
      ...(input.rootCause ? { rootCause: input.rootCause } : {}),
      closedAt: closing ? ctx.now : null,
      updatedAt: ctx.now,
      version: sql`${clientFeedback.version} + 1`,
    })
    .where(and(eq(clientFeedback.workspaceId, ctx.actor.workspaceId), eq(clientFeedback.id, id)));
  return getFeedback(ctx, id);
}
