import { and, asc, desc, eq } from 'drizzle-orm';
import { type AccountInputs, type AccountScore, type Quadrant, scoreAccount } from '../../analytics/scoring';
import { can } from '../../platform/auth/permissions';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountDetail, type AccountStatus, getAccount } from '../accounts';
import { users } from '../users';
import { type Designation, listDesignations } from './designations';
import { engineModelOf, type FactRegistry, getCurrentModel, type PortfolioModel } from './model-versions';
import { portfolioRatings, portfolioReviewEntries, portfolioReviews } from './schema';
import type { LocalizedString } from './schemas';
import { readScoringInputs } from './scoring-inputs';

/** Whether the actor may rate and nominate this account: their own (owner or team), or any for the head. */
export function mayWorkOn(ctx: UseCaseContext, account: Pick<AccountDetail, 'ownerId' | 'team'>): boolean {
  if (can(ctx.actor.role, 'portfolio:manage')) return true;
  if (!can(ctx.actor.role, 'portfolio:rate')) return false;
  return account.ownerId === ctx.actor.userId || account.team.some((member) => member.userId === ctx.actor.userId);
}

/** One account scored now under the current model, with what it was scored from. */
export async function scoreAccountNow(
  ctx: UseCaseContext,
  registry: FactRegistry,
  accountId: string,
): Promise<{ model: PortfolioModel; score: AccountScore; inputs: AccountInputs }> {
  const model = await getCurrentModel(ctx, registry);
  const [accountInputs = { ratings: {}, facts: {} }] = await readScoringInputs(ctx, registry, model.definition, [
    accountId,
  ]);
  return {
    model,
    score: scoreAccount(engineModelOf(model.definition, registry), accountInputs),
    inputs: accountInputs,
  };
}

export type Rating = {
  criterion: string;
  value: number;
  comment: string | null;
  ratedBy: { id: string; name: string | null };
  ratedAt: Date;
  version: number;
};

export type ReviewPosition = {
  attractiveness: number | null;
  strength: number | null;
  quadrant: Quadrant | null;
  complete: boolean;
};

export type AccountPortfolio = {
  account: { id: string; name: string; status: AccountStatus; ownerId: string; version: number };
  modelVersion: number;
  score: AccountScore;
  /** The workspace's guidance for the account's quadrant. */
  posture: LocalizedString | null;
  ratings: Rating[];
  sinceLastReview: {
    review: { id: string; name: string; heldAt: Date; modelVersion: number };
    before: ReviewPosition;
    changes: { criterion: string; before: number | null; after: number | null }[];
  } | null;
  designations: Designation[];
  may: { rate: boolean; nominate: boolean; decide: boolean };
};

/** The raw input of each criterion of the model for one account, by criterion key. */
export function inputsByCriterion(model: PortfolioModel, inputs: AccountInputs): Record<string, number> {
  const byCriterion: Record<string, number> = {};
  for (const criterion of [...model.definition.attractiveness, ...model.definition.strength]) {
    const value =
      criterion.source.kind === 'rating' ? inputs.ratings[criterion.key] : inputs.facts[criterion.source.fact];
    if (value !== undefined) byCriterion[criterion.key] = value;
  }
  return byCriterion;
}

async function lastReviewOf(ctx: UseCaseContext, accountId: string) {
  const [row] = await ctx.db
    .select({
      id: portfolioReviews.id,
      name: portfolioReviews.name,
      heldAt: portfolioReviews.heldAt,
      modelVersion: portfolioReviews.modelNumber,
      attractiveness: portfolioReviewEntries.attractiveness,
      strength: portfolioReviewEntries.strength,
      quadrant: portfolioReviewEntries.quadrant,
      complete: portfolioReviewEntries.complete,
      inputs: portfolioReviewEntries.inputs,
    })
    .from(portfolioReviewEntries)
    .innerJoin(
      portfolioReviews,
      and(
        eq(portfolioReviews.workspaceId, portfolioReviewEntries.workspaceId),
        eq(portfolioReviews.id, portfolioReviewEntries.reviewId),
      ),
    )
    .where(
      and(
        eq(portfolioReviewEntries.workspaceId, ctx.actor.workspaceId),
        eq(portfolioReviewEntries.accountId, accountId),
      ),
    )
    .orderBy(desc(portfolioReviews.heldAt))
    .limit(1);
  return row;
}

/**
 * Everything the account page shows about the account's place in the portfolio: both scores with
 * each criterion's contribution, what is missing, the quadrant, the ratings with their comments,
 * what changed since the last review, and the designation history.
 */
export async function getAccountPortfolio(
  ctx: UseCaseContext,
  registry: FactRegistry,
  accountId: string,
): Promise<AccountPortfolio> {
  const account = await getAccount(ctx, accountId);
  const { model, score, inputs } = await scoreAccountNow(ctx, registry, accountId);
  const ratings = await ctx.db
    .select({
      criterion: portfolioRatings.criterion,
      value: portfolioRatings.value,
      comment: portfolioRatings.comment,
      ratedBy: portfolioRatings.ratedBy,
      ratedByName: users.name,
      ratedAt: portfolioRatings.updatedAt,
      version: portfolioRatings.version,
    })
    .from(portfolioRatings)
    .leftJoin(users, eq(users.id, portfolioRatings.ratedBy))
    .where(and(eq(portfolioRatings.workspaceId, ctx.actor.workspaceId), eq(portfolioRatings.accountId, accountId)))
    .orderBy(asc(portfolioRatings.criterion));

  const last = await lastReviewOf(ctx, accountId);
  let sinceLastReview: AccountPortfolio['sinceLastReview'] = null;
  if (last) {
    const now = inputsByCriterion(model, inputs);
    const keys = [...new Set([...Object.keys(now), ...Object.keys(last.inputs)])];
    sinceLastReview = {
      review: { id: last.id, name: last.name, heldAt: last.heldAt, modelVersion: last.modelVersion },
      before: {
        attractiveness: last.attractiveness,
        strength: last.strength,
        quadrant: last.quadrant as Quadrant | null,
        complete: last.complete,
      },
      changes: keys
        .map((criterion) => ({ criterion, before: last.inputs[criterion] ?? null, after: now[criterion] ?? null }))
        .filter((change) => change.before !== change.after),
    };
  }
  const designations = (await listDesignations(ctx, { accountId, limit: 100 })).items;
  const works = mayWorkOn(ctx, account);
  return {
    account: {
      id: account.id,
      name: account.name,
      status: account.status,
      ownerId: account.ownerId,
      version: account.version,
    },
    modelVersion: model.version,
    score,
    posture: score.quadrant ? model.definition.postures[score.quadrant] : null,
    ratings: ratings.map(({ ratedByName, ...rating }) => ({
      ...rating,
      ratedBy: { id: rating.ratedBy, name: ratedByName },
    })),
    sinceLastReview,
    designations,
    may: {
      rate: works,
      nominate:
        works && account.status !== 'key' && !designations.some((designation) => designation.status === 'pending'),
      decide: can(ctx.actor.role, 'portfolio:manage'),
    },
  };
}
