import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { AppError, type FieldError, staleVersion } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, getAccount } from '../accounts';
import { type AccountPortfolio, getAccountPortfolio, mayWorkOn } from './account-portfolio';
import { portfolioMessages } from './messages';
import { type FactRegistry, getCurrentModel } from './model-versions';
import { bumpRatingsRevision } from './portfolio-cache';
import { portfolioRatings } from './schema';
import { type RateAccountInput, rateAccountInput } from './schemas';

/** Refused with 403: the actor may rate only their own accounts. */
export function notYourAccount(): AppError {
  return new AppError('forbidden', message(portfolioMessages.notYourAccount));
}

/**
 * Sets (or, with `value: null`, takes back) the actor's ratings of an account on manual criteria of
 * the current model, each with a comment. A rating changed by someone else since the `version`
 * the change names is refused with 412.
 */
export async function rateAccount(
  ctx: UseCaseContext,
  registry: FactRegistry,
  accountId: string,
  rawInput: RateAccountInput,
): Promise<AccountPortfolio> {
  const input = rateAccountInput.parse(rawInput);
  const account = await getAccount(ctx, accountId);
  if (!mayWorkOn(ctx, account)) throw notYourAccount();
  const model = await getCurrentModel(ctx, registry);
  const scales = new Map<string, { min: number; max: number }>();
  for (const criterion of [...model.definition.attractiveness, ...model.definition.strength]) {
    if (criterion.source.kind === 'rating') scales.set(criterion.key, criterion.source);
  }
  const fieldErrors: FieldError[] = input.ratings.flatMap((rating, index): FieldError[] => {
    const scale = scales.get(rating.criterion);
    if (!scale)
      return [{ path: `ratings.${index}.criterion`, message: message(portfolioMessages.notARatingCriterion) }];
    if (rating.value !== null && (rating.value < scale.min || rating.value > scale.max)) {
      return [{ path: `ratings.${index}.value`, message: message(portfolioMessages.ratingOffScale, scale) }];
    }
    return [];
  });
  if (fieldErrors.length > 0) {
    throw new AppError('validation_failed', message(platformMessages.validationFailed), fieldErrors);
  }

  // NOTE: the account's row lock makes concurrent ratings of one account take turns, so the
  // version checks below cannot race a concurrent first rating.
  await lockRow(ctx.db, accounts, { workspaceId: ctx.actor.workspaceId, id: accountId }, 'update');
  const scope = and(eq(portfolioRatings.workspaceId, ctx.actor.workspaceId), eq(portfolioRatings.accountId, accountId));
  const current = new Map(
    (await ctx.db.select().from(portfolioRatings).where(scope)).map((rating) => [rating.criterion, rating]),
  );
  for (const rating of input.ratings) {
    const existing = current.get(rating.criterion);
    if (rating.version !== undefined && rating.version !== (existing?.version ?? 0)) throw staleVersion();
  }
  let changed = false;
  for (const rating of input.ratings) {
    const existing = current.get(rating.criterion);
    changed ||=
      rating.value === null
        ? Boolean(existing)
        : existing?.value !== rating.value || existing.comment !== rating.comment;
    if (rating.value === null) {
      if (existing) await ctx.db.delete(portfolioRatings).where(and(scope, eq(portfolioRatings.id, existing.id)));
    } else if (!existing) {
      await ctx.db.insert(portfolioRatings).values({
        workspaceId: ctx.actor.workspaceId,
        accountId,
        criterion: rating.criterion,
        value: rating.value,
        comment: rating.comment,
        ratedBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    } else if (existing.value !== rating.value || existing.comment !== rating.comment) {
      await ctx.db
        .update(portfolioRatings)
        .set({
          value: rating.value,
          comment: rating.comment,
          ratedBy: ctx.actor.userId,
          updatedAt: ctx.now,
          version: sql`${portfolioRatings.version} + 1`,
        })
        .where(and(scope, eq(portfolioRatings.id, existing.id)));
    }
  }
  if (changed) await bumpRatingsRevision(ctx, accountId);
  return getAccountPortfolio(ctx, registry, accountId);
}
