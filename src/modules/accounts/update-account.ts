import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { resolveCustomValues } from '../custom-fields';
import { assertOwnerIsMember, assertParentAllowed, replaceTeam } from './account-rules';
import { type AccountDetail, getAccount } from './get-account';
import { accounts } from './schema';
import { type UpdateAccountInput, updateAccountInput } from './schemas';
import type { AccountStatusGuard } from './status-guard';
import { domainOf } from './website';

/**
 * Changes the given fields of an account. With `expectedVersion` (from If-Match) a change made
 * meanwhile by someone else is refused with 412 instead of being overwritten; `statusGuard` may
 * refuse a change of status (the portfolio's key-account cap).
 */
export async function updateAccount(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateAccountInput,
  expectedVersion?: number,
  statusGuard?: AccountStatusGuard,
): Promise<AccountDetail> {
  const { team, custom, ...input } = updateAccountInput.parse(rawInput);
  await lockRow(ctx.db, accounts, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getAccount(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (statusGuard && input.status && input.status !== current.status) {
    await statusGuard(ctx, { accountId: id, from: current.status, to: input.status });
  }
  if (input.ownerId && input.ownerId !== current.ownerId) await assertOwnerIsMember(ctx, input.ownerId);
  if (input.parentId && input.parentId !== current.parentId) await assertParentAllowed(ctx, id, input.parentId);
  const customValues =
    custom === undefined ? undefined : await resolveCustomValues(ctx, 'account', custom, current.custom);
  const [updated] = await ctx.db
    .update(accounts)
    .set({
      ...input,
      ...(input.website === undefined ? {} : { domain: input.website ? domainOf(input.website) : null }),
      ...(customValues === undefined ? {} : { custom: customValues }),
      updatedAt: ctx.now,
      version: sql`${accounts.version} + 1`,
    })
    .where(
      and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, id), eq(accounts.version, current.version)),
    )
    .returning({ id: accounts.id });
  // NOTE: the version changed between the read and the write: a concurrent edit won.
  if (!updated) throw staleVersion();
  if (team) await replaceTeam(ctx, id, team);
  return getAccount(ctx, id);
}
