import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { memberships } from '../workspaces';
import { clientCareMessages } from './messages';
import {
  canMoveFeedback,
  type FeedbackKind,
  type FeedbackSeverity,
  type FeedbackSource,
  type FeedbackStatus,
  hoursToResolve,
  nextFeedbackStatuses,
  type RootCause,
} from './rules';
import { clientFeedback } from './schema';
import {
  type CreateFeedbackInput,
  createFeedbackInput,
  type ListFeedbackQuery,
  listFeedbackQuery,
  type MoveFeedbackInput,
  moveFeedbackInput,
} from './schemas';

type Ref = { id: string; name: string };
export type Feedback = {
  id: string;
  account: Ref;
  kind: FeedbackKind;
  source: FeedbackSource;
  severity: FeedbackSeverity | null;
  description: string;
  owner: Ref;
  status: FeedbackStatus;
  nextStatuses: FeedbackStatus[];
  resolution: string | null;
  rootCause: RootCause | null;
  openedAt: Date;
  closedAt: Date | null;
  hoursToResolve: number | null;
  version: number;
};

const owners = alias(users, 'owner');

async function selectFeedback(ctx: UseCaseContext, condition: SQL | undefined, limit: number): Promise<Feedback[]> {
  const rows = await ctx.db
    .select({ row: clientFeedback, accountName: accounts.name, ownerName: owners.name })
    .from(clientFeedback)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, clientFeedback.workspaceId), eq(accounts.id, clientFeedback.accountId)),
    )
    .innerJoin(owners, eq(owners.id, clientFeedback.ownerId))
    .where(
      and(
        eq(clientFeedback.workspaceId, ctx.actor.workspaceId),
        // NOTE: a specialist sees the cases that are theirs to handle, nothing else.
        can(ctx.actor.role, 'accounts:read-all') ? undefined : eq(clientFeedback.ownerId, ctx.actor.userId),
        condition,
      ),
    )
    .orderBy(desc(clientFeedback.openedAt))
    .limit(limit);
  return rows.map(({ row, accountName, ownerName }) => ({
    id: row.id,
    account: { id: row.accountId, name: accountName },
    kind: row.kind as FeedbackKind,
    source: row.source as FeedbackSource,
    severity: row.severity as FeedbackSeverity | null,
    description: row.description,
    owner: { id: row.ownerId, name: ownerName },
    status: row.status as FeedbackStatus,
    nextStatuses: nextFeedbackStatuses(row.status as FeedbackStatus),
    resolution: row.resolution,
    rootCause: row.rootCause as RootCause | null,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    hoursToResolve: hoursToResolve(row.openedAt, row.closedAt),
    version: row.version,
  }));
}

/** One case the actor may see; 404 otherwise. */
export async function getFeedback(ctx: UseCaseContext, id: string): Promise<Feedback> {
  const [feedback] = await selectFeedback(ctx, eq(clientFeedback.id, id), 1);
  if (!feedback) throw notFound(clientCareMessages.feedback);
  return feedback;
}

/** Cases the actor may see, newest first, of an account, a kind or a status. */
export async function listFeedback(ctx: UseCaseContext, rawQuery: ListFeedbackQuery): Promise<Feedback[]> {
  const query = listFeedbackQuery.parse(rawQuery);
  return selectFeedback(
    ctx,
    and(
      query.accountId ? eq(clientFeedback.accountId, query.accountId) : undefined,
      query.kind ? eq(clientFeedback.kind, query.kind) : undefined,
      query.status ? eq(clientFeedback.status, query.status) : undefined,
    ),
    query.limit,
  );
}

/** Registers a complaint, conflict, praise or review; complaints and conflicts need a severity. */
export async function createFeedback(ctx: UseCaseContext, rawInput: CreateFeedbackInput): Promise<Feedback> {
  const input = createFeedbackInput.parse(rawInput);
  if ((input.kind === 'complaint' || input.kind === 'conflict') && !input.severity)
    throw ruleViolated(clientCareMessages.severityRequired, undefined, 'severity');
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, input.accountId)));
  if (!account) throw ruleViolated(clientCareMessages.noSuchAccount, undefined, 'accountId');
  if (input.ownerId) {
    const [member] = await ctx.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, ctx.actor.workspaceId), eq(memberships.userId, input.ownerId)));
    if (!member) throw ruleViolated(clientCareMessages.noSuchMember, undefined, 'ownerId');
  }
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
