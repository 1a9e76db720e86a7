import { and, eq } from 'drizzle-orm';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { getAccount } from '../accounts';
import { mayWorkOn, scoreAccountNow } from './account-portfolio';
import { type Designation, getDesignation } from './designations';
import { type NominationWarning, portfolioMessages } from './messages';
import { countKeyAccounts, type FactRegistry } from './model-versions';
import { notYourAccount } from './rate-account';
import { portfolioDesignations } from './schema';
import { type NominateAccountInput, nominateAccountInput } from './schemas';

/**
 * Nominates an account to become a key account, with a written justification, for the head to
 * approve or reject. The nomination records the account's attractiveness and warns when it is low
 * or unknown (key accounts are chosen for potential) or when the cap is already reached.
 */
export async function nominateAccount(
  ctx: UseCaseContext,
  registry: FactRegistry,
  rawInput: NominateAccountInput,
): Promise<Designation> {
  const input = nominateAccountInput.parse(rawInput);
  const account = await getAccount(ctx, input.accountId);
  if (!mayWorkOn(ctx, account)) throw notYourAccount();
  if (account.status === 'key') throw ruleViolated(portfolioMessages.alreadyKey, undefined, 'accountId');
  const [pending] = await ctx.db
    .select({ id: portfolioDesignations.id })
    .from(portfolioDesignations)
    .where(
      and(
        eq(portfolioDesignations.workspaceId, ctx.actor.workspaceId),
        eq(portfolioDesignations.accountId, account.id),
        eq(portfolioDesignations.status, 'pending'),
      ),
    );
  if (pending) throw ruleViolated(portfolioMessages.nominationPending, undefined, 'accountId');

  const { model, score } = await scoreAccountNow(ctx, registry, account.id);
  const threshold = model.definition.thresholds.attractiveness;
  const attractiveness = score.attractiveness.score;
  const warnings: NominationWarning[] = [];
  if (attractiveness === null) warnings.push('attractiveness_unknown');
  else if (attractiveness < threshold) warnings.push('low_attractiveness');
  if (attractiveness !== null && !score.attractiveness.complete) warnings.push('attractiveness_incomplete');
  if ((await countKeyAccounts(ctx)) >= model.definition.keyAccountCap) warnings.push('cap_reached');

  const [created] = await ctx.db
    .insert(portfolioDesignations)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId: account.id,
      kind: 'nomination',
      status: 'pending',
      justification: input.justification,
      requestedBy: ctx.actor.userId,
      attractiveness,
      attractivenessThreshold: threshold,
      warnings,
      previousStatus: account.status,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: portfolioDesignations.id });
  if (!created) throw new Error('Designation insert returned nothing');
  return getDesignation(ctx, created.id);
}
