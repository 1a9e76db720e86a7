import type { UseCaseContext } from '../../platform/use-case';
import { resolveCustomValues } from '../custom-fields';
import { workspaceCurrency } from '../workspaces';
import { assertOwnerIsMember, assertParentAllowed, replaceTeam } from './account-rules';
import { type AccountDetail, getAccount } from './get-account';
import { accounts } from './schema';
import { type CreateAccountInput, createAccountInput } from './schemas';
import type { AccountStatusGuard } from './status-guard';
import { domainOf } from './website';

/**
 * Creates an account owned by the actor unless another owner is named; currency defaults to the
 * workspace's. `statusGuard` may refuse the status (the portfolio's key-account cap).
 */
export async function createAccount(
  ctx: UseCaseContext,
  rawInput: CreateAccountInput,
  statusGuard?: AccountStatusGuard,
): Promise<AccountDetail> {
  const { team, custom, ...input } = createAccountInput.parse(rawInput);
  await statusGuard?.(ctx, { accountId: undefined, from: undefined, to: input.status });
  const ownerId = input.ownerId ?? ctx.actor.userId;
  await assertOwnerIsMember(ctx, ownerId);
  if (input.parentId) await assertParentAllowed(ctx, undefined, input.parentId);
  const customValues = await resolveCustomValues(ctx, 'account', custom);
  const currency = input.currency ?? (await workspaceCurrency(ctx));
  const [created] = await ctx.db
    .insert(accounts)
    .values({
      ...input,
      workspaceId: ctx.actor.workspaceId,
      ownerId,
      currency,
      domain: input.website ? domainOf(input.website) : null,
      custom: customValues,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: accounts.id });
  if (!created) throw new Error('Account insert returned nothing');
  if (team.length > 0) await replaceTeam(ctx, created.id, team);
  return getAccount(ctx, created.id);
}
