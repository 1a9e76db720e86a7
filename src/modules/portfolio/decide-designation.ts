import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { getAccount, updateAccount } from '../accounts';
import { type Designation, getDesignation } from './designations';
import { assertRoomForKeyAccount } from './key-account-cap';
import { portfolioMessages } from './messages';
import type { FactRegistry } from './model-versions';
import { portfolioDesignations } from './schema';
import {
  type ApproveDesignationInput,
  approveDesignationInput,
  type RejectDesignationInput,
  rejectDesignationInput,
} from './schemas';

/** The pending nomination, locked until the transaction ends; 422 once decided, 412 when `expectedVersion` is stale. */
async function pendingNomination(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<Designation> {
  await lockRow(ctx.db, portfolioDesignations, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const designation = await getDesignation(ctx, id);
  if (expectedVersion !== undefined && designation.version !== expectedVersion) throw staleVersion();
  if (designation.status !== 'pending') throw ruleViolated(portfolioMessages.notPending);
  return designation;
}

async function recordDecision(
  ctx: UseCaseContext,
  id: string,
  decision: { status: 'approved' | 'rejected'; comment: string | null; newStatus?: 'key' },
): Promise<Designation> {
  await ctx.db
    .update(portfolioDesignations)
    .set({
      status: decision.status,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      decisionComment: decision.comment,
      newStatus: decision.newStatus ?? null,
      updatedAt: ctx.now,
      version: sql`${portfolioDesignations.version} + 1`,
    })
    .where(and(eq(portfolioDesignations.workspaceId, ctx.actor.workspaceId), eq(portfolioDesignations.id, id)));
  return getDesignation(ctx, id);
}

/**
 * Approves a nomination: the account becomes a key account (through the accounts module's own
 * update, so its version and audit trail move as for any change) unless the cap is reached.
 */
export async function approveDesignation(
  ctx: UseCaseContext,
  registry: FactRegistry,
  id: string,
  rawInput: ApproveDesignationInput,
  expectedVersion?: number,
): Promise<Designation> {
  const input = approveDesignationInput.parse(rawInput);
  const nomination = await pendingNomination(ctx, id, expectedVersion);
  const account = await getAccount(ctx, nomination.account.id);
  if (account.status === 'key') throw ruleViolated(portfolioMessages.alreadyKey);
  await assertRoomForKeyAccount(ctx, registry);
  await updateAccount(ctx, account.id, { status: 'key' });
  return recordDecision(ctx, id, { status: 'approved', comment: input.comment, newStatus: 'key' });
}

/** Rejects a nomination with a comment for the person who made it; the account stays as it is. */
export async function rejectDesignation(
  ctx: UseCaseContext,
  id: string,
  rawInput: RejectDesignationInput,
  expectedVersion?: number,
): Promise<Designation> {
  const input = rejectDesignationInput.parse(rawInput);
  await pendingNomination(ctx, id, expectedVersion);
  return recordDecision(ctx, id, { status: 'rejected', comment: input.comment });
}
