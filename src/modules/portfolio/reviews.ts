import { and, asc, eq, sql } from 'drizzle-orm';
import { scorePortfolio } from '../../analytics/scoring';
import { notFound } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { inputsByCriterion } from './account-portfolio';
import { portfolioMessages } from './messages';
import { engineModelOf, ensureStoredModel, type FactRegistry } from './model-versions';
import { portfolioReviewEntries, portfolioReviews } from './schema';
import {
  type ListReviewsQuery,
  listReviewsQuery,
  type QuadrantCounts,
  type RunReviewInput,
  runReviewInput,
} from './schemas';
import { readScoringInputs } from './scoring-inputs';

export type Review = {
  id: string;
  name: string;
  notes: string | null;
  heldAt: Date;
  heldBy: { id: string; name: string | null } | null;
  modelVersion: number;
  accountCount: number;
  counts: QuadrantCounts;
};

const entriesPerStatement = 5_000;

function selectReviews(ctx: UseCaseContext, sortKey = sql<string>`''`) {
  return ctx.db
    .select({
      id: portfolioReviews.id,
      name: portfolioReviews.name,
      notes: portfolioReviews.notes,
      heldAt: portfolioReviews.heldAt,
      heldById: portfolioReviews.heldBy,
      heldByName: users.name,
      modelVersion: portfolioReviews.modelNumber,
      accountCount: portfolioReviews.accountCount,
      counts: portfolioReviews.counts,
      sortKey,
    })
    .from(portfolioReviews)
    .leftJoin(users, eq(users.id, portfolioReviews.heldBy))
    .$dynamic();
}

function reviewOf({ heldById, heldByName, sortKey: _sortKey, ...row }: ReviewRow): Review {
  return { ...row, heldBy: heldById ? { id: heldById, name: heldByName } : null };
}
type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectReviews>['execute']>>[number];

export async function getReview(ctx: UseCaseContext, id: string): Promise<Review> {
  const [row] = await selectReviews(ctx).where(
    and(eq(portfolioReviews.workspaceId, ctx.actor.workspaceId), eq(portfolioReviews.id, id)),
  );
  if (!row) throw notFound(portfolioMessages.review);
  return reviewOf(row);
}

/** The workspace's portfolio reviews, newest first. */
export async function listReviews(ctx: UseCaseContext, rawQuery: ListReviewsQuery = {}): Promise<Page<Review>> {
  const query = listReviewsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { heldAt: portfolioReviews.heldAt },
    id: portfolioReviews.id,
    cursor: query.cursor,
  });
  const rows = await selectReviews(ctx, page.sortKey)
    .where(and(eq(portfolioReviews.workspaceId, ctx.actor.workspaceId), page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, reviewOf);
}

/**
 * Runs a portfolio review: scores every account of the workspace under the current model and keeps
 * the result as a snapshot (scores, quadrant, what each criterion's input was), so later changes
 * of ratings, data or the model leave it as it was.
 */
export async function runReview(
  ctx: UseCaseContext,
  registry: FactRegistry,
  rawInput: RunReviewInput,
): Promise<Review> {
  const input = runReviewInput.parse(rawInput);
  const model = await ensureStoredModel(ctx, registry);
  const rows = await ctx.db
    .select({ id: accounts.id, name: accounts.name, ownerId: accounts.ownerId, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(accounts.id));
  // NOTE: read afresh, not from the server's memory: a review is the record of this moment.
  const inputs = await readScoringInputs(
    ctx,
    registry,
    model.definition,
    rows.map((row) => row.id),
  );
  const scores = scorePortfolio(engineModelOf(model.definition, registry), inputs);
  const counts: QuadrantCounts = { strategic: 0, star: 0, status: 0, streamline: 0, unscored: 0 };
  for (const score of scores) counts[score.quadrant ?? 'unscored'] += 1;

  const [review] = await ctx.db
    .insert(portfolioReviews)
    .values({
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      notes: input.notes,
      heldAt: ctx.now,
      heldBy: ctx.actor.userId,
      modelNumber: model.version,
      accountCount: rows.length,
      counts,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: portfolioReviews.id });
  if (!review) throw new Error('Review insert returned nothing');

  for (let start = 0; start < rows.length; start += entriesPerStatement) {
    const slice = rows.slice(start, start + entriesPerStatement);
    const sliceScores = scores.slice(start, start + entriesPerStatement);
    const sliceInputs = inputs.slice(start, start + entriesPerStatement);
    // NOTE: one array parameter per column through `unnest`: thousands of entries in one statement.
    await ctx.db.execute(sql`
      insert into ${portfolioReviewEntries}
        (workspace_id, review_id, account_id, account_name, owner_id, status,
         attractiveness, strength, quadrant, complete, inputs)
      select ${ctx.actor.workspaceId}::uuid, ${review.id}::uuid, entry.*
      from unnest(
        ${sql.param(slice.map((row) => row.id))}::uuid[],
        ${sql.param(slice.map((row) => row.name))}::text[],
        ${sql.param(slice.map((row) => row.ownerId))}::uuid[],
        ${sql.param(slice.map((row) => row.status))}::text[],
        ${sql.param(sliceScores.map((score) => score.attractiveness))}::float8[],
        ${sql.param(sliceScores.map((score) => score.strength))}::float8[],
        ${sql.param(sliceScores.map((score) => score.quadrant))}::text[],
        ${sql.param(sliceScores.map((score) => score.complete))}::boolean[],
        ${sql.param(sliceInputs.map((accountInputs) => JSON.stringify(inputsByCriterion(model, accountInputs))))}::jsonb[]
      ) as entry`);
  }
  return getReview(ctx, review.id);
}
