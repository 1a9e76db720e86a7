import { and, eq, sql } from 'drizzle-orm';
import { lineAmount } from '../../analytics/money/vat';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { createInvoice } from '../finance';
import { type Estimate, getEstimate } from './estimate-view';
import { deliveryMessages, estimateActions } from './messages';
import { estimates, projects } from './schema';
import type { EstimateStatus } from './schemas';
import {
  type ApproveEstimateInput,
  approveEstimateInput,
  type RejectEstimateInput,
  rejectEstimateInput,
} from './schemas';

async function lockEstimate(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<Estimate> {
  await lockRow(ctx.db, estimates, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const estimate = await getEstimate(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== estimate.version) throw staleVersion();
  return estimate;
}

function refused(estimate: Estimate, action: keyof typeof estimateActions) {
  return ruleViolated(deliveryMessages.estimateRefused, {
    status: estimate.status,
    action: estimateActions[action].en,
    actionRu: estimateActions[action].ru,
  });
}

async function setStatus(ctx: UseCaseContext, id: string, values: Partial<typeof estimates.$inferInsert>) {
  await ctx.db
    .update(estimates)
    .set({ ...values, updatedAt: ctx.now, version: sql`${estimates.version} + 1` })
    .where(and(eq(estimates.workspaceId, ctx.actor.workspaceId), eq(estimates.id, id)));
  return getEstimate(ctx, id);
}

/** Marks a draft as sent to the client; it then waits for their decision. */
export async function sendEstimate(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<Estimate> {
  const estimate = await lockEstimate(ctx, id, expectedVersion);
  if (estimate.status !== 'draft') throw refused(estimate, 'send');
  if (estimate.lines.length === 0) throw ruleViolated(deliveryMessages.estimateEmpty, undefined, 'lines');
  return setStatus(ctx, id, { status: 'sent' satisfies EstimateStatus, sentAt: ctx.now });
}

/** Records the client's approval (by the manager); the project's budget becomes the estimate's total. */
export async function approveEstimate(
  ctx: UseCaseContext,
  id: string,
  rawInput: ApproveEstimateInput,
  expectedVersion?: number,
): Promise<Estimate> {
  const input = approveEstimateInput.parse(rawInput);
  const estimate = await lockEstimate(ctx, id, expectedVersion);
  if (estimate.status !== 'sent') throw refused(estimate, 'decide');
  await ctx.db
    .update(projects)
    .set({
      budgetMinor: estimate.grossMinor,
      currency: estimate.currency,
      updatedAt: ctx.now,
      version: sql`${projects.version} + 1`,
    })
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.id, estimate.projectId)));
  return setStatus(ctx, id, { status: 'approved', decidedAt: ctx.now, decisionComment: input.comment });
}

/** Records the client's rejection with their comment (required); a change then makes a new version. */
export async function rejectEstimate(
  ctx: UseCaseContext,
  id: string,
  rawInput: RejectEstimateInput,
  expectedVersion?: number,
): Promise<Estimate> {
  const input = rejectEstimateInput.parse(rawInput);
  const estimate = await lockEstimate(ctx, id, expectedVersion);
  if (estimate.status !== 'sent') throw refused(estimate, 'decide');
  return setStatus(ctx, id, { status: 'rejected', decidedAt: ctx.now, decisionComment: input.comment });
}

/**
 * Makes a draft invoice from an approved estimate through the finance module's own use case. A
 * discounted line goes over as one unit at its discounted amount, so the invoice adds up to the
 * estimate kopeck for kopeck.
 */
export async function invoiceEstimate(ctx: UseCaseContext, id: string): Promise<Estimate> {
  const estimate = await lockEstimate(ctx, id);
  if (estimate.status !== 'approved') throw refused(estimate, 'invoice');
  if (estimate.invoiceId) throw ruleViolated(deliveryMessages.invoiceExists);
  const invoice = await createInvoice(ctx, {
    accountId: estimate.project.accountId,
    currency: estimate.currency,
    vatMode: estimate.vatMode,
    notes: `${estimate.title} (v${estimate.versionNumber})`,
    lines: estimate.lines.map((line) =>
      line.discount === 0
        ? {
            description: line.description,
            unit: line.unit,
            quantityMilli: line.quantityMilli,
            unitPriceMinor: line.unitPriceMinor,
            vatRate: line.vatRate,
          }
        : {
            description: line.description,
            unit: null,
            quantityMilli: 1000,
            unitPriceMinor: lineAmount(line.quantityMilli, line.unitPriceMinor, line.discount),
            vatRate: line.vatRate,
          },
    ),
  });
  return setStatus(ctx, id, { invoiceId: invoice.id });
}
