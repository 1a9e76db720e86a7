import { and, count, eq, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import type { AccountOwnership } from '../workspaces';
import { accounts } from './schema';

/** What the workspaces module needs to remove a member who owns accounts. */
export const accountOwnership: AccountOwnership = {
  async countOwnedAccounts(ctx: UseCaseContext, userId: string) {
    const [row] = await ctx.db
      .select({ owned: count() })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.ownerId, userId)));
    return row?.owned ?? 0;
  },
  async reassignOwnedAccounts(ctx: UseCaseContext, fromUserId: string, toUserId: string) {
    await ctx.db
      .update(accounts)
      .set({ ownerId: toUserId, updatedAt: ctx.now, version: sql`${accounts.version} + 1` })
      .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.ownerId, fromUserId)));
  },
};
