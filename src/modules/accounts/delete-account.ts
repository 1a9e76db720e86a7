import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { getAccount } from './get-account';
import { accounts } from './schema';

/**
 * Deletes an account with its contacts and team; subsidiaries stay, without a parent. Every
 * removed row is kept in the audit log.
 */
export async function deleteAccount(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  await lockRow(ctx.db, accounts, { workspaceId: ctx.actor.workspaceId, id }, 'delete');
  const current = await getAccount(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const scope = eq(accounts.workspaceId, ctx.actor.workspaceId);
  await ctx.db
    .update(accounts)
    .set({ parentId: null, updatedAt: ctx.now, version: sql`${accounts.version} + 1` })
    .where(and(scope, eq(accounts.parentId, id)));
  const [deleted] = await ctx.db
    .delete(accounts)
    .where(and(scope, eq(accounts.id, id), eq(accounts.version, current.version)))
    .returning({ id: accounts.id });
  if (!deleted) throw staleVersion();
}
