import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { UseCaseContext } from '../../platform/use-case';
import { opportunities } from '../opportunities';
import { stageMatcher } from './deal-stages';
import type { ImportField } from './formats/fields';
import { rowProblemReporter } from './load-import';
import { importMessages } from './messages';
import type { OpportunityDraft } from './opportunity-drafts';
import { companiesOfRows, companyField, companyNotFound } from './row-companies';
import type { RowProblem } from './schema';
import {
  type BatchResult,
  finishBatch,
  memberOf,
  pick,
  type RunState,
  sameValues,
  storedRecordsOfRows,
  updatableKeys,
} from './write-batch';

type Planned = { row: number; draft: OpportunityDraft };
type OpportunityRow = typeof opportunities.$inferSelect;
/** A deal row with its company and stage found: what is written. */
export type ResolvedDeal = Planned & { values: Omit<typeof opportunities.$inferInsert, 'workspaceId' | 'id'> };

/**
 * Finds each deal's company (by the source's id, else by exact name; never created, unlike a
 * contact's) and its stage; a row whose company or stage is not found is reported with the value.
 */
export async function resolveDeals(
  ctx: UseCaseContext,
  state: Pick<RunState, 'source' | 'valueMappings' | 'ownerOf' | 'columnOf'>,
  batch: Planned[],
): Promise<{ resolved: ResolvedDeal[]; problems: RowProblem[] }> {
  const companies = await companiesOfRows(
    ctx,
    state,
    batch.map(({ draft }) => draft),
    { byName: 'every-row', byRelated: false },
  );
  const stageOf = await stageMatcher(ctx, state.valueMappings);
  const problems: RowProblem[] = [];
  const resolved: ResolvedDeal[] = [];
  const report = rowProblemReporter(problems, state.columnOf);
  for (const { row, draft } of batch) {
    const accountId = companies.companyOf(draft);
    const match = stageOf(draft.stage);
    if (!accountId) report(row, companyNotFound(draft), { field: companyField(draft) });
    if ('unknown' in match) {
      const text = match.chosen ? importMessages.stageNotFound : importMessages.stageNotInPipeline;
      report(row, { text, params: { value: match.unknown } }, { field: 'stage' });
    }
    if (!accountId || !('stage' in match)) continue;
    const { stage } = match;
    resolved.push({
      row,
      draft,
      values: {
        accountId,
        title: draft.title,
        type: 'new_business',
        stageId: stage.id,
        amountMinor: draft.amountMinor,
        currency: draft.currency,
        probability: draft.probability ?? stage.probability,
        expectedCloseOn: draft.expectedCloseOn,
        ownerId: memberOf(state, draft.owner) ?? ctx.actor.userId,
        nextStep: draft.nextStep,
        lostReason: draft.lostReason,
        // NOTE: a deal the file says is won or lost closed on its close date.
        closedAt: stage.outcome === 'open' ? null : new Date(`${draft.expectedCloseOn}T00:00:00Z`),
      },
    });
  }
  return { resolved, problems };
}

type DealKey = keyof ResolvedDeal['values'] & keyof OpportunityRow;
const columnsOf: Partial<Record<ImportField, DealKey[]>> = {
  dealName: ['title'],
  accountExternalId: ['accountId'],
  accountName: ['accountId'],
  stage: ['stageId', 'closedAt'],
  amount: ['amountMinor'],
  currency: ['currency'],
  closeDate: ['expectedCloseOn'],
  probability: ['probability'],
  nextStep: ['nextStep'],
  lostReason: ['lostReason'],
  owner: ['ownerId'],
};

/** Writes one batch of deal rows: new ones inserted, known ones updated in the mapped fields only. */
export async function writeOpportunities(ctx: UseCaseContext, state: RunState, batch: Planned[]): Promise<BatchResult> {
  const { resolved, problems } = await resolveDeals(ctx, state, batch);
  const { known, merged, existingById } = await storedRecordsOfRows(
    ctx,
    state,
    'opportunity',
    opportunities,
    resolved.map(({ draft }) => draft.externalId),
  );
  const keys = updatableKeys(state, columnsOf);
  // NOTE: a stage moved by the file brings its probability, unless the file gives one.
  if (keys.includes('stageId') && !keys.includes('probability')) keys.push('probability');
  const inserts: (typeof opportunities.$inferInsert)[] = [];
  const createdIds: { externalId: string; recordId: string }[] = [];
  const changes: { recordId: string; previous: Record<string, unknown> | null }[] = [];
  let unchanged = 0;
  for (const { draft, values } of resolved) {
    const recordId = known.get(draft.externalId);
    const current = recordId ? existingById.get(recordId) : undefined;
    if (!current) {
      const id = newId();
      inserts.push({ ...values, workspaceId: ctx.actor.workspaceId, id, createdAt: ctx.now, updatedAt: ctx.now });
      createdIds.push({ externalId: draft.externalId, recordId: id });
      changes.push({ recordId: id, previous: null });
      continue;
    }
    const next = pick(values, keys);
    // NOTE: an owner no member matches leaves the deal with the owner it has.
    if (keys.includes('ownerId') && !memberOf(state, draft.owner)) next.ownerId = current.ownerId;
    if (sameValues(current, next)) {
      unchanged += 1;
      continue;
    }
    await ctx.db
      .update(opportunities)
      .set({ ...next, updatedAt: ctx.now, version: sql`${opportunities.version} + 1` })
      .where(and(eq(opportunities.workspaceId, ctx.actor.workspaceId), eq(opportunities.id, current.id)));
    changes.push({ recordId: current.id, previous: pick(current, keys) });
  }
  if (inserts.length > 0) await ctx.db.insert(opportunities).values(inserts);
  return finishBatch(ctx, state, 'opportunity', {
    created: createdIds,
    merged,
    existing: existingById,
    changes,
    unchanged,
    problems,
  });
}
