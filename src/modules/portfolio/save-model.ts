import { axes } from '../../analytics/scoring';
import { lockForTransaction } from '../../platform/db/client';
import { AppError, type FieldError, ruleViolated, staleVersion } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { keyAccountsLock } from './key-account-cap';
import { portfolioMessages } from './messages';
import { countKeyAccounts, type FactRegistry, getCurrentModel, type PortfolioModel } from './model-versions';
import { portfolioModels } from './schema';
import { type SavePortfolioModelInput, savePortfolioModelInput } from './schemas';

/**
 * Saves the model as a new version (the previous ones stay, with the reviews scored by them).
 * A formula criterion must use a fact some module offers, unless the current version already used
 * it; the cap cannot go below today's number of key accounts.
 */
export async function savePortfolioModel(
  ctx: UseCaseContext,
  facts: FactRegistry,
  rawInput: SavePortfolioModelInput,
  expectedVersion?: number,
): Promise<PortfolioModel> {
  const { note, ...definition } = savePortfolioModelInput.parse(rawInput);
  await lockForTransaction(ctx.db, keyAccountsLock, ctx.actor.workspaceId);
  const current = await getCurrentModel(ctx, facts);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();

  const offered = new Set(facts.map((fact) => fact.key));
  for (const axis of axes) {
    for (const criterion of current.definition[axis]) {
      if (criterion.source.kind === 'fact') offered.add(criterion.source.fact);
    }
  }
  const unknownFacts: FieldError[] = axes.flatMap((axis) =>
    definition[axis].flatMap((criterion, index) =>
      criterion.source.kind === 'fact' && !offered.has(criterion.source.fact)
        ? [{ path: `${axis}.${index}.source.fact`, message: message(portfolioMessages.unknownFact) }]
        : [],
    ),
  );
  if (unknownFacts.length > 0)
    throw new AppError('validation_failed', message(platformMessages.validationFailed), unknownFacts);

  const keyAccounts = await countKeyAccounts(ctx);
  if (definition.keyAccountCap < keyAccounts) {
    throw ruleViolated(portfolioMessages.capBelowKeyAccounts, { count: keyAccounts }, 'keyAccountCap');
  }
  await ctx.db.insert(portfolioModels).values({
    workspaceId: ctx.actor.workspaceId,
    number: current.version + 1,
    definition,
    note,
    createdBy: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return getCurrentModel(ctx, facts);
}
