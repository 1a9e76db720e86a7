import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { invoiceTotals, lineAmounts, type VatMode } from '../../analytics/money/vat';
import { lockRow } from '../../platform/db/client';
import { newId } from '../../platform/db/columns';
import { invalidField, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { type Estimate, getEstimate } from './estimate-view';
import { deliveryMessages, estimateActions } from './messages';
import { priceListColumns } from './price-list';
import { estimateLines, estimates, priceListItems, projects } from './schema';
import {
  type CreateEstimateInput,
  createEstimateInput,
  type UpdateEstimateInput,
  updateEstimateInput,
} from './schemas';

type ResolvedLine = {
  priceListItemId: string | null;
  description: string;
  unit: string | null;
  quantityMilli: number;
  unitPriceMinor: number;
  discount: number;
  vatRate: number | null;
};
type ParsedLine = ReturnType<typeof createEstimateInput.parse>['lines'][number];

/** Fills what a line leaves out from its price-list service; 400/422 naming `lines.<i>.<field>`. */
async function resolveLines(
  ctx: UseCaseContext,
  lines: readonly ParsedLine[],
  currency: Currency,
  defaultDiscount = 0,
): Promise<ResolvedLine[]> {
  const ids = lines.flatMap((line) => (line.priceListItemId ? [line.priceListItemId] : []));
  const items =
    ids.length === 0
      ? []
      : await ctx.db
          .select(priceListColumns)
          .from(priceListItems)
          .where(and(eq(priceListItems.workspaceId, ctx.actor.workspaceId), inArray(priceListItems.id, ids)));
  const byId = new Map(items.map((item) => [item.id, item]));
  return lines.map((line, index) => {
    const item = line.priceListItemId ? byId.get(line.priceListItemId) : undefined;
    const at = (field: string) => `lines.${index}.${field}`;
    if (line.priceListItemId && !item) {
      throw ruleViolated(deliveryMessages.noSuchPriceListItem, undefined, at('priceListItemId'));
    }
    if (item && item.currency !== currency && line.unitPriceMinor === undefined) {
      throw ruleViolated(
        deliveryMessages.lineCurrency,
        { item: item.currency, estimate: currency },
        at('priceListItemId'),
      );
    }
    const description = line.description ?? item?.name;
    if (!description) throw invalidField(at('description'), deliveryMessages.lineNeedsDescription);
    const unitPriceMinor = line.unitPriceMinor ?? item?.unitPriceMinor;
    if (unitPriceMinor === undefined) throw invalidField(at('unitPriceMinor'), deliveryMessages.lineNeedsPrice);
    return {
      priceListItemId: line.priceListItemId,
      description,
      unit: line.unit ?? item?.unit ?? null,
      quantityMilli: line.quantityMilli,
      unitPriceMinor,
      discount: line.discount ?? defaultDiscount,
      vatRate: line.vatRate !== undefined ? line.vatRate : (item?.vatRate ?? null),
    };
  });
}

/** Writes an estimate's lines with their rounded amounts and returns the totals (sums of the lines). */
async function writeLines(ctx: UseCaseContext, estimateId: string, lines: readonly ResolvedLine[], mode: VatMode) {
  const workspaceId = ctx.actor.workspaceId;
  const asVatLine = (line: ResolvedLine) => ({
    quantityMilli: line.quantityMilli,
    unitPriceMinor: line.unitPriceMinor,
    vatRateBasisPoints: line.vatRate,
    discountBasisPoints: line.discount,
  });
  await ctx.db
    .delete(estimateLines)
    .where(and(eq(estimateLines.workspaceId, workspaceId), eq(estimateLines.estimateId, estimateId)));
  if (lines.length > 0) {
    await ctx.db.insert(estimateLines).values(
      lines.map((line, position) => ({
        ...line,
        ...lineAmounts(asVatLine(line), mode),
        workspaceId,
        estimateId,
        position,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
  }
  const { netMinor, vatMinor, grossMinor } = invoiceTotals(lines.map(asVatLine), mode);
  return { netMinor, vatMinor, grossMinor };
}

async function projectCurrency(ctx: UseCaseContext, projectId: string): Promise<Currency> {
  const [project] = await ctx.db
    .select({ currency: projects.currency })
    .from(projects)
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.id, projectId)));
  if (!project) throw ruleViolated(deliveryMessages.noSuchProject, undefined, 'projectId');
  return project.currency as Currency;
}

/** What a new estimate's lines get off when they name no discount: the account's loyalty discount. */
export type DefaultDiscount = (ctx: UseCaseContext, projectId: string) => Promise<number>;

/**
 * Starts an estimate for a project: version 1, a draft in the project's currency; a line without
 * a discount gets `defaultDiscount`'s (client care's loyalty tier, handed in by the composition root).
 */
export async function createEstimate(
  ctx: UseCaseContext,
  rawInput: CreateEstimateInput,
  defaultDiscount?: DefaultDiscount,
): Promise<Estimate> {
  const input = createEstimateInput.parse(rawInput);
  const currency = await projectCurrency(ctx, input.projectId);
  const offered = defaultDiscount ? await defaultDiscount(ctx, input.projectId) : 0;
  const lines = await resolveLines(ctx, input.lines, currency, offered);
  const id = newId();
  await ctx.db.insert(estimates).values({
    workspaceId: ctx.actor.workspaceId,
    id,
    projectId: input.projectId,
    seriesId: id,
    versionNumber: 1,
    title: input.title,
    status: 'draft',
    currency,
    vatMode: input.vatMode,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const totals = await writeLines(ctx, id, lines, input.vatMode);
  await ctx.db
    .update(estimates)
    .set(totals)
    .where(and(eq(estimates.workspaceId, ctx.actor.workspaceId), eq(estimates.id, id)));
  return getEstimate(ctx, id);
}

function unchangedLines(current: Estimate): ParsedLine[] {
  return current.lines.map(
    ({ priceListItemId, description, unit, quantityMilli, unitPriceMinor, discount, vatRate }) => ({
      priceListItemId,
      description,
      unit,
      quantityMilli,
      unitPriceMinor,
      discount,
      vatRate,
    }),
  );
}

/**
 * Changes an estimate. A draft changes in place; a sent or rejected one is kept as it was and the
 * change becomes the next version, a draft (the sent one is superseded). Approved ones are final.
 */
export async function updateEstimate(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateEstimateInput,
  expectedVersion?: number,
): Promise<Estimate> {
  const input = updateEstimateInput.parse(rawInput);
  const workspaceId = ctx.actor.workspaceId;
  await lockRow(ctx.db, estimates, { workspaceId, id }, 'update');
  const current = await getEstimate(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  const latest = current.versions[current.versions.length - 1];
  if (current.status === 'approved' || current.status === 'superseded' || latest?.id !== id) {
    throw ruleViolated(deliveryMessages.estimateRefused, {
      status: current.status,
      action: estimateActions.edit.en,
      actionRu: estimateActions.edit.ru,
    });
  }
  const vatMode = input.vatMode ?? current.vatMode;
  const lines = await resolveLines(ctx, input.lines ?? unchangedLines(current), current.currency);
  if (current.status === 'draft') {
    const totals = await writeLines(ctx, id, lines, vatMode);
    await ctx.db
      .update(estimates)
      .set({
        title: input.title ?? current.title,
        vatMode,
        ...totals,
        updatedAt: ctx.now,
        version: sql`${estimates.version} + 1`,
      })
      .where(and(eq(estimates.workspaceId, workspaceId), eq(estimates.id, id)));
    return getEstimate(ctx, id);
  }
  if (current.status === 'sent') {
    await ctx.db
      .update(estimates)
      .set({ status: 'superseded', updatedAt: ctx.now, version: sql`${estimates.version} + 1` })
      .where(and(eq(estimates.workspaceId, workspaceId), eq(estimates.id, id)));
  }
  const [next] = await ctx.db
    .insert(estimates)
    .values({
      workspaceId,
      projectId: current.projectId,
      seriesId: current.seriesId,
      versionNumber: current.versionNumber + 1,
      title: input.title ?? current.title,
      status: 'draft',
      currency: current.currency,
      vatMode,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: estimates.id });
  const nextId = (next as { id: string }).id;
  const totals = await writeLines(ctx, nextId, lines, vatMode);
  await ctx.db
    .update(estimates)
    .set(totals)
    .where(and(eq(estimates.workspaceId, workspaceId), eq(estimates.id, nextId)));
  return getEstimate(ctx, nextId);
}
