import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { users } from '../users';
import { type OpportunityType, opportunityMessages, type StageOutcome } from './messages';
import { buyingCentres, offerings, opportunities, pipelineStages } from './schema';
import { type ListOpportunitiesQuery, listOpportunitiesQuery } from './schemas';

export type Opportunity = {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  type: OpportunityType;
  offeringId: string | null;
  offeringName: string | null;
  buyingCentreId: string | null;
  buyingCentreName: string | null;
  stageId: string;
  outcome: StageOutcome;
  amountMinor: number;
  currency: Currency;
  probability: number;
  expectedCloseOn: string;
  ownerId: string;
  ownerName: string;
  nextStep: string | null;
  lostReason: string | null;
  closedAt: Date | null;
  version: number;
};

const columns = {
  id: opportunities.id,
  accountId: opportunities.accountId,
  accountName: accounts.name,
  title: opportunities.title,
  type: sql<OpportunityType>`${opportunities.type}`,
  offeringId: opportunities.offeringId,
  offeringName: offerings.name,
  buyingCentreId: opportunities.buyingCentreId,
  buyingCentreName: buyingCentres.name,
  stageId: opportunities.stageId,
  outcome: sql<StageOutcome>`${pipelineStages.outcome}`,
  amountMinor: opportunities.amountMinor,
  currency: sql<Currency>`${opportunities.currency}`,
  probability: opportunities.probability,
  expectedCloseOn: opportunities.expectedCloseOn,
  ownerId: opportunities.ownerId,
  ownerName: users.name,
  nextStep: opportunities.nextStep,
  lostReason: opportunities.lostReason,
  closedAt: opportunities.closedAt,
  version: opportunities.version,
};

function selectOpportunities(ctx: UseCaseContext, conditions: (SQL | undefined)[]) {
  return ctx.db
    .select(columns)
    .from(opportunities)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, opportunities.workspaceId), eq(accounts.id, opportunities.accountId)),
    )
    .innerJoin(
      pipelineStages,
      and(eq(pipelineStages.workspaceId, opportunities.workspaceId), eq(pipelineStages.id, opportunities.stageId)),
    )
    .innerJoin(users, eq(users.id, opportunities.ownerId))
    .leftJoin(
      offerings,
      and(eq(offerings.workspaceId, opportunities.workspaceId), eq(offerings.id, opportunities.offeringId)),
    )
    .leftJoin(
      buyingCentres,
      and(eq(buyingCentres.workspaceId, opportunities.workspaceId), eq(buyingCentres.id, opportunities.buyingCentreId)),
    )
    .where(
      and(
        eq(opportunities.workspaceId, ctx.actor.workspaceId),
        visibleAccountIds(ctx, opportunities.accountId),
        ...conditions,
      ),
    );
}

/** One opportunity the actor may see. */
export async function getOpportunity(ctx: UseCaseContext, id: string): Promise<Opportunity> {
  const [row] = await selectOpportunities(ctx, [eq(opportunities.id, id)]);
  if (!row) throw notFound(opportunityMessages.opportunity);
  return row;
}

/** The most opportunities one board shows; a workspace with more filters by account or owner. */
export const boardLimit = 1000;

/** Opportunities for a board: per account or the workspace, filtered, by expected close date. */
export function listOpportunities(
  ctx: UseCaseContext,
  rawQuery: ListOpportunitiesQuery,
  limit = boardLimit,
): Promise<Opportunity[]> {
  const query = listOpportunitiesQuery.parse(rawQuery);
  return selectOpportunities(ctx, [
    query.accountId ? eq(opportunities.accountId, query.accountId) : undefined,
    query.stageId ? eq(opportunities.stageId, query.stageId) : undefined,
    query.ownerId ? eq(opportunities.ownerId, query.ownerId) : undefined,
    query.offeringId ? eq(opportunities.offeringId, query.offeringId) : undefined,
    query.type ? eq(opportunities.type, query.type) : undefined,
    query.status === 'open' ? eq(pipelineStages.outcome, 'open') : undefined,
  ])
    .orderBy(asc(opportunities.expectedCloseOn), asc(opportunities.id))
    .limit(limit);
}
