import { and, eq, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { staleVersion } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import type { UseCaseContext } from '../../platform/use-case';
import { assertMayEdit, assertTransition, type PlanAction } from './access';
import { getPlan, type PlanDetail, snapshotOf, visiblePlan } from './get-plan';
import { accountPlans, planVersions } from './schema';
import { type ReturnPlanInput, returnPlanInput } from './schemas';

type Transition = { action: Exclude<PlanAction, 'edit'>; expectedVersion?: number | undefined; locale?: Locale };

async function transition(
  ctx: UseCaseContext,
  id: string,
  { action, expectedVersion }: Transition,
  values: Partial<typeof accountPlans.$inferInsert>,
) {
  await lockRow(ctx.db, accountPlans, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const { plan, account } = await visiblePlan(ctx, id);
  if (expectedVersion !== undefined && plan.version !== expectedVersion) throw staleVersion();
  // NOTE: approving and returning are the head's (checked by the route's permission); submitting
  // and reopening belong to whoever may edit the account's plans.
  if (action === 'submit' || action === 'reopen') assertMayEdit(ctx, account);
  assertTransition(plan.status, action);
  await ctx.db
    .update(accountPlans)
    .set({ ...values, updatedAt: ctx.now, version: sql`${accountPlans.version} + 1` })
    .where(and(eq(accountPlans.workspaceId, ctx.actor.workspaceId), eq(accountPlans.id, id)));
}

/** Sends a draft to the head for review. */
export async function submitPlan(ctx: UseCaseContext, id: string, options: Omit<Transition, 'action'> = {}) {
  await transition(ctx, id, { ...options, action: 'submit' }, { status: 'in_review', submittedAt: ctx.now });
  return getPlan(ctx, id, options.locale);
}

/** Approves a plan in review and keeps the approved content as the next immutable version. */
export async function approvePlan(
  ctx: UseCaseContext,
  id: string,
  options: Omit<Transition, 'action'> = {},
): Promise<PlanDetail> {
  await transition(
    ctx,
    id,
    { ...options, action: 'approve' },
    {
      status: 'approved',
      reviewComment: null,
      decidedAt: ctx.now,
      decidedById: ctx.actor.userId,
    },
  );
  const approved = await getPlan(ctx, id);
  const [last] = await ctx.db
    .select({ number: sql<number>`coalesce(max(${planVersions.number}), 0)::int` })
    .from(planVersions)
    .where(and(eq(planVersions.workspaceId, ctx.actor.workspaceId), eq(planVersions.planId, id)));
  await ctx.db.insert(planVersions).values({
    workspaceId: ctx.actor.workspaceId,
    planId: id,
    number: (last?.number ?? 0) + 1,
    snapshot: snapshotOf(approved),
    approvedAt: ctx.now,
    approvedById: ctx.actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return getPlan(ctx, id, options.locale);
}

/** Returns a plan in review to its author as a draft, with the head's comment. */
export async function returnPlan(
  ctx: UseCaseContext,
  id: string,
  rawInput: ReturnPlanInput,
  options: Omit<Transition, 'action'> = {},
): Promise<PlanDetail> {
  const input = returnPlanInput.parse(rawInput);
  await transition(
    ctx,
    id,
    { ...options, action: 'return' },
    {
      status: 'draft',
      reviewComment: input.comment,
      decidedAt: ctx.now,
      decidedById: ctx.actor.userId,
    },
  );
  return getPlan(ctx, id, options.locale);
}

/** Opens an approved plan for changes again; its approved versions stay as they were. */
export async function reopenPlan(ctx: UseCaseContext, id: string, options: Omit<Transition, 'action'> = {}) {
  await transition(ctx, id, { ...options, action: 'reopen' }, { status: 'draft' });
  return getPlan(ctx, id, options.locale);
}
