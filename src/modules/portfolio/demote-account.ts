import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { getAccount, updateAccount } from '../accounts';
import { type Designation, getDesignation } from './designations';
import { portfolioMessages } from './messages';
import { portfolioDesignations } from './schema';
import { type DemoteAccountInput, demoteAccountInput } from './schemas';

/**
 * Takes a key account back to another status (active unless said otherwise), with the reason
 * recorded as a decided demotion next to the nominations in the account's history.
 * `expectedVersion` is the account's version (If-Match).
 */
export async function demoteAccount(
  ctx: UseCaseContext,
  accountId: string,
  rawInput: DemoteAccountInput,
  expectedVersion?: number,
): Promise<Designation> {
  const input = demoteAccountInput.parse(rawInput);
  const account = await getAccount(ctx, accountId);
  if (expectedVersion !== undefined && account.version !== expectedVersion) throw staleVersion();
  if (account.status !== 'key') throw ruleViolated(portfolioMessages.notKey);
  await updateAccount(ctx, accountId, { status: input.status }, account.version);
  const [created] = await ctx.db
    .insert(portfolioDesignations)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId,
      kind: 'demotion',
      status: 'approved',
      justification: input.reason,
      requestedBy: ctx.actor.userId,
      decidedBy: ctx.actor.userId,
      decidedAt: ctx.now,
      previousStatus: 'key',
      newStatus: input.status,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: portfolioDesignations.id });
  if (!created) throw new Error('Designation insert returned nothing');
  return getDesignation(ctx, created.id);
}
