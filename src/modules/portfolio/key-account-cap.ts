import { lockForTransaction } from '../../platform/db/client';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import type { AccountStatusGuard } from '../accounts';
import { portfolioMessages } from './messages';
import { countKeyAccounts, type FactRegistry, getCurrentModel } from './model-versions';

/** The lock every change of the cap or of key-account status takes, so the cap holds under concurrency. */
export const keyAccountsLock = 'accord:portfolio-key-accounts';

/**
 * Refuses (422) one more key account when the workspace already has as many as its model's cap.
 * Holds the workspace's key-account lock until the transaction ends, so two approvals at once
 * cannot both take the last place.
 */
export async function assertRoomForKeyAccount(ctx: UseCaseContext, registry: FactRegistry, path?: string) {
  await lockForTransaction(ctx.db, keyAccountsLock, ctx.actor.workspaceId);
  const model = await getCurrentModel(ctx, registry);
  const count = await countKeyAccounts(ctx);
  const cap = model.definition.keyAccountCap;
  if (count >= cap) throw ruleViolated(portfolioMessages.capReached, { count, cap }, path);
}

/**
 * The cap applies however an account becomes key: the accounts module asks this guard before it
 * creates or changes an account into status `key` (wired in the composition root).
 */
export function keyAccountCapGuard(registry: FactRegistry): AccountStatusGuard {
  return async (ctx, change) => {
    if (change.to === 'key' && change.from !== 'key') await assertRoomForKeyAccount(ctx, registry, 'status');
  };
}
