import { and, eq, sql } from 'drizzle-orm';
import { AppError, type FieldError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { type LocalizedText, message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { memberships } from '../workspaces';
import { changeableAccount } from './access';
import { getPipeline, type PipelineStage } from './catalogue';
import { getOpportunity, type Opportunity } from './get-opportunity';
import { opportunityMessages } from './messages';
import { buyingCentres, offerings, opportunities, whitespaceCells } from './schema';
import {
  type CreateOpportunityInput,
  createOpportunityInput,
  type UpdateOpportunityInput,
  updateOpportunityInput,
} from './schemas';

type References = {
  accountId: string;
  offeringId?: string | null | undefined;
  /** Whether the offering may be retired: an opportunity that already names it keeps it. */
  keptOfferingId?: string | null;
  buyingCentreId?: string | null | undefined;
  stageId?: string | undefined;
  ownerId?: string | undefined;
};

/** Every reference of the input that points nowhere, named in one 422. */
async function checkReferences(ctx: UseCaseContext, refs: References, stages: PipelineStage[]): Promise<void> {
  const faults: FieldError[] = [];
  const fault = (path: string, text: LocalizedText) => faults.push({ path, message: message(text) });
  const workspaceId = ctx.actor.workspaceId;
  if (refs.offeringId) {
    const [offering] = await ctx.db
      .select({ retiredAt: offerings.retiredAt })
      .from(offerings)
      .where(and(eq(offerings.workspaceId, workspaceId), eq(offerings.id, refs.offeringId)));
    if (!offering) fault('offeringId', opportunityMessages.offeringNotFound);
    else if (offering.retiredAt && refs.offeringId !== refs.keptOfferingId)
      fault('offeringId', opportunityMessages.offeringRetired);
  }
  if (refs.buyingCentreId) {
    const [centre] = await ctx.db
      .select({ id: buyingCentres.id })
      .from(buyingCentres)
      .where(
        and(
          eq(buyingCentres.workspaceId, workspaceId),
          eq(buyingCentres.id, refs.buyingCentreId),
          eq(buyingCentres.accountId, refs.accountId),
        ),
      );
    if (!centre) fault('buyingCentreId', opportunityMessages.centreNotFound);
  }
  if (refs.stageId && !stages.some((stage) => stage.id === refs.stageId))
    fault('stageId', opportunityMessages.stageNotFound);
  if (refs.ownerId) {
    const [member] = await ctx.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, refs.ownerId)));
    if (!member) fault('ownerId', opportunityMessages.notAMember);
  }
  if (faults.length > 0) throw new AppError('rule_violated', message(platformMessages.validationFailed), faults);
}

/**
 * An open opportunity on a buying centre and an offering puts the whitespace cell between them in
 * play: a cell marked whitespace becomes «opportunity». Other states say more (buying, held by a
 * competitor) and stay; a centre and offering with no cell get none.
 */
async function markCellInPlay(
  ctx: UseCaseContext,
  opportunity: { offeringId: string | null; buyingCentreId: string | null },
): Promise<void> {
  if (!opportunity.offeringId || !opportunity.buyingCentreId) return;
  await ctx.db
    .update(whitespaceCells)
    .set({ state: 'opportunity', updatedAt: ctx.now, version: sql`${whitespaceCells.version} + 1` })
    .where(
      and(
        eq(whitespaceCells.workspaceId, ctx.actor.workspaceId),
        eq(whitespaceCells.buyingCentreId, opportunity.buyingCentreId),
        eq(whitespaceCells.offeringId, opportunity.offeringId),
        eq(whitespaceCells.state, 'whitespace'),
      ),
    );
}

/** Opens an opportunity on an account, by default in the pipeline's first stage with its probability. */
export async function createOpportunity(ctx: UseCaseContext, rawInput: CreateOpportunityInput): Promise<Opportunity> {
  const input = createOpportunityInput.parse(rawInput);
  await changeableAccount(ctx, input.accountId, 'accountId');
  const stages = await getPipeline(ctx);
  await checkReferences(ctx, input, stages);
  const stage = stages.find((candidate) => candidate.id === input.stageId) ?? (stages[0] as PipelineStage);
  if (stage.outcome !== 'open') throw ruleViolated(opportunityMessages.closed, undefined, 'stageId');
  const [created] = await ctx.db
    .insert(opportunities)
    .values({
      ...input,
      workspaceId: ctx.actor.workspaceId,
      stageId: stage.id,
      probability: input.probability ?? stage.probability,
      ownerId: input.ownerId ?? ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: opportunities.id });
  await markCellInPlay(ctx, input);
  return getOpportunity(ctx, (created as { id: string }).id);
}

/**
 * Changes an open opportunity, moving it between stages too: a new stage brings its probability
 * unless one is given; won and lost are terminal (422 afterwards), and lost needs a reason.
 */
export async function updateOpportunity(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateOpportunityInput,
  expectedVersion?: number,
): Promise<Opportunity> {
  const input = updateOpportunityInput.parse(rawInput);
  const [current] = await ctx.db
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, id)))
    .for('update');
  if (!current) throw notFound(opportunityMessages.opportunity);
  await changeableAccount(ctx, current.accountId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? notFound(opportunityMessages.opportunity) : error;
  });
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  const stages = await getPipeline(ctx);
  if (stages.find((stage) => stage.id === current.stageId)?.outcome !== 'open') {
    throw ruleViolated(opportunityMessages.closed, undefined, 'stageId');
  }
  await checkReferences(ctx, { ...input, accountId: current.accountId, keptOfferingId: current.offeringId }, stages);
  const stage = stages.find((candidate) => candidate.id === (input.stageId ?? current.stageId)) as PipelineStage;
  const lostReason = input.lostReason ?? current.lostReason;
  if (stage.outcome === 'lost' && !lostReason)
    throw ruleViolated(opportunityMessages.lostReasonRequired, undefined, 'lostReason');
  const moved = stage.id !== current.stageId;
  await ctx.db
    .update(opportunities)
    .set({
      ...input,
      probability: input.probability ?? (moved ? stage.probability : current.probability),
      lostReason: stage.outcome === 'lost' ? lostReason : null,
      closedAt: stage.outcome === 'open' ? null : ctx.now,
      updatedAt: ctx.now,
      version: current.version + 1,
    })
    .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, id)));
  const opportunity = await getOpportunity(ctx, id);
  if (opportunity.outcome === 'open') await markCellInPlay(ctx, opportunity);
  return opportunity;
}
