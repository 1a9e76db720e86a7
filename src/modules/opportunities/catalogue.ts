import { and, asc, eq, sql } from 'drizzle-orm';
import { notFound, ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { defaultStages, type OfferingKind, opportunityMessages, type StageOutcome } from './messages';
import { offerings, pipelineStages } from './schema';
import {
  type CreateOfferingInput,
  type CreateStageInput,
  createOfferingInput,
  createStageInput,
  type ReorderStagesInput,
  reorderStagesInput,
  type UpdateOfferingInput,
  type UpdateStageInput,
  updateOfferingInput,
  updateStageInput,
} from './schemas';

export type Offering = {
  id: string;
  name: string;
  family: string;
  kind: OfferingKind;
  retired: boolean;
  version: number;
};
export type PipelineStage = {
  id: string;
  key: string | null;
  titleEn: string;
  titleRu: string;
  position: number;
  probability: number;
  outcome: StageOutcome;
  version: number;
};

const offeringColumns = {
  id: offerings.id,
  name: offerings.name,
  family: offerings.family,
  kind: sql<OfferingKind>`${offerings.kind}`,
  retired: sql<boolean>`${offerings.retiredAt} is not null`,
  version: offerings.version,
};

/** The workspace's catalogue by family and name, retired offerings too. */
export function listOfferings(ctx: UseCaseContext): Promise<Offering[]> {
  return ctx.db
    .select(offeringColumns)
    .from(offerings)
    .where(eq(offerings.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(offerings.family), asc(offerings.name), asc(offerings.id));
}

/** Adds an offering to the catalogue. */
export async function createOffering(ctx: UseCaseContext, rawInput: CreateOfferingInput): Promise<Offering> {
  const input = createOfferingInput.parse(rawInput);
  const [created] = await ctx.db
    .insert(offerings)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning(offeringColumns);
  return created as Offering;
}

/** Renames, regroups, retires or brings back an offering; records that name it keep it. */
export async function updateOffering(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateOfferingInput,
): Promise<Offering> {
  const { retired, ...fields } = updateOfferingInput.parse(rawInput);
  const [updated] = await ctx.db
    .update(offerings)
    .set({
      ...fields,
      ...(retired === undefined ? {} : { retiredAt: retired ? ctx.now : null }),
      updatedAt: ctx.now,
      version: sql`${offerings.version} + 1`,
    })
    .where(and(eq(offerings.workspaceId, ctx.actor.workspaceId), eq(offerings.id, id)))
    .returning(offeringColumns);
  if (!updated) throw notFound(opportunityMessages.offering);
  return updated;
}

const stageColumns = {
  id: pipelineStages.id,
  key: pipelineStages.key,
  titleEn: pipelineStages.titleEn,
  titleRu: pipelineStages.titleRu,
  position: pipelineStages.position,
  probability: pipelineStages.probability,
  outcome: sql<StageOutcome>`${pipelineStages.outcome}`,
  version: pipelineStages.version,
};

/**
 * The workspace's pipeline in order. A workspace without one gets the default stages on first
 * use; the unique key makes two first uses agree.
 */
export async function getPipeline(ctx: UseCaseContext): Promise<PipelineStage[]> {
  const read = () =>
    ctx.db
      .select(stageColumns)
      .from(pipelineStages)
      .where(eq(pipelineStages.workspaceId, ctx.actor.workspaceId))
      .orderBy(asc(pipelineStages.position), asc(pipelineStages.id));
  const stages = await read();
  if (stages.length > 0) return stages;
  await ctx.db
    .insert(pipelineStages)
    .values(
      defaultStages.map((stage, index) => ({
        ...stage,
        workspaceId: ctx.actor.workspaceId,
        position: index + 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    )
    .onConflictDoNothing();
  return read();
}

/** Renames a stage or changes its default probability (opportunities already in it keep theirs). */
export async function updateStage(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateStageInput,
): Promise<PipelineStage[]> {
  const input = updateStageInput.parse(rawInput);
  const stages = await getPipeline(ctx);
  if (!stages.some((stage) => stage.id === id)) throw notFound(opportunityMessages.stage);
  await ctx.db
    .update(pipelineStages)
    .set({ ...input, updatedAt: ctx.now, version: sql`${pipelineStages.version} + 1` })
    .where(and(eq(pipelineStages.workspaceId, ctx.actor.workspaceId), eq(pipelineStages.id, id)));
  return getPipeline(ctx);
}

/** Writes the stages' positions: the open ones in the given order, then won and lost as they were. */
async function placeStages(ctx: UseCaseContext, openIds: readonly string[], closed: readonly PipelineStage[]) {
  const ordered = [...openIds, ...closed.map((stage) => stage.id)];
  for (const [index, id] of ordered.entries()) {
    await ctx.db
      .update(pipelineStages)
      .set({ position: index + 1, updatedAt: ctx.now })
      .where(
        and(
          eq(pipelineStages.workspaceId, ctx.actor.workspaceId),
          eq(pipelineStages.id, id),
          sql`${pipelineStages.position} <> ${index + 1}`,
        ),
      );
  }
}

/** Adds an open stage at the end of the open ones, before won and lost. */
export async function createStage(ctx: UseCaseContext, rawInput: CreateStageInput): Promise<PipelineStage[]> {
  const input = createStageInput.parse(rawInput);
  const stages = await getPipeline(ctx);
  const [created] = await ctx.db
    .insert(pipelineStages)
    .values({
      ...input,
      workspaceId: ctx.actor.workspaceId,
      outcome: 'open',
      position: stages.length + 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: pipelineStages.id });
  const open = stages.filter((stage) => stage.outcome === 'open').map((stage) => stage.id);
  await placeStages(
    ctx,
    [...open, (created as { id: string }).id],
    stages.filter((stage) => stage.outcome !== 'open'),
  );
  return getPipeline(ctx);
}

/** Puts the open stages in a new order; won and lost close the pipeline and stay last (422 otherwise). */
export async function reorderStages(ctx: UseCaseContext, rawInput: ReorderStagesInput): Promise<PipelineStage[]> {
  const { stageIds } = reorderStagesInput.parse(rawInput);
  const stages = await getPipeline(ctx);
  const open = stages.filter((stage) => stage.outcome === 'open').map((stage) => stage.id);
  const same = stageIds.length === open.length && new Set(stageIds).size === open.length;
  if (!same || !stageIds.every((id) => open.includes(id))) {
    throw ruleViolated(opportunityMessages.stageOrder, undefined, 'stageIds');
  }
  await placeStages(
    ctx,
    stageIds,
    stages.filter((stage) => stage.outcome !== 'open'),
  );
  return getPipeline(ctx);
}
