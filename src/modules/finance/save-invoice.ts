import { and, eq, sql } from 'drizzle-orm';
import { formatRate, invoiceTotals, lineAmounts } from '../../analytics/money/vat';
import { lockRow } from '../../platform/db/client';
import { ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accountForWrite } from './access';
import { getInvoice, type InvoiceDetail } from './get-invoice';
import { financeMessages } from './messages';
import { contracts, invoiceLines, invoices } from './schema';
import {
  type CreateInvoiceInput,
  createInvoiceInput,
  type InvoiceLineInput,
  type UpdateInvoiceInput,
  updateInvoiceInput,
  type VatMode,
} from './schemas';
import { type FinanceSettings, getFinanceSettings } from './settings';
import { transitionRefused } from './transition-rules';

type ParsedLine = Exclude<ReturnType<typeof createInvoiceInput.parse>['lines'], undefined>[number];

/** Refuses (422 on `lines.<i>.vatRate`) a rate the workspace does not offer. */
export function assertRatesOffered(lines: readonly InvoiceLineInput[], settings: FinanceSettings): void {
  lines.forEach((line, index) => {
    const offered = line.vatRate === null ? settings.noVatAllowed : settings.vatRates.includes(line.vatRate);
    if (!offered) {
      const rates = [...settings.vatRates.map((rate) => formatRate(rate)), ...(settings.noVatAllowed ? ['—'] : [])];
      throw ruleViolated(financeMessages.vatRateNotOffered, { rates: rates.join(', ') }, `lines.${index}.vatRate`);
    }
  });
}

async function contractTerms(ctx: UseCaseContext, contractId: string, accountId: string): Promise<number> {
  const [contract] = await ctx.db
    .select({ accountId: contracts.accountId, paymentTermsDays: contracts.paymentTermsDays })
    .from(contracts)
    .where(and(eq(contracts.workspaceId, ctx.actor.workspaceId), eq(contracts.id, contractId)));
  if (!contract || contract.accountId !== accountId) {
    throw ruleViolated(financeMessages.contractOtherAccount, undefined, 'contractId');
  }
  return contract.paymentTermsDays;
}

/** Replaces an invoice's lines and stores the totals of their rounded amounts. */
async function writeLines(ctx: UseCaseContext, invoiceId: string, lines: readonly ParsedLine[], mode: VatMode) {
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db
    .delete(invoiceLines)
    .where(and(eq(invoiceLines.workspaceId, workspaceId), eq(invoiceLines.invoiceId, invoiceId)));
  if (lines.length > 0) {
    await ctx.db.insert(invoiceLines).values(
      lines.map((line, position) => ({
        ...line,
        ...lineAmounts({ ...line, vatRateBasisPoints: line.vatRate }, mode),
        workspaceId,
        invoiceId,
        position,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
  }
  const totals = invoiceTotals(
    lines.map((line) => ({ ...line, vatRateBasisPoints: line.vatRate })),
    mode,
  );
  return { netMinor: totals.netMinor, vatMinor: totals.vatMinor, grossMinor: totals.grossMinor };
}

/** Starts a draft invoice (no number until it is issued). */
export async function createInvoice(ctx: UseCaseContext, rawInput: CreateInvoiceInput): Promise<InvoiceDetail> {
  const input = createInvoiceInput.parse(rawInput);
  await accountForWrite(ctx, input.accountId);
  const settings = await getFinanceSettings(ctx);
  assertRatesOffered(input.lines, settings);
  const terms = input.contractId ? await contractTerms(ctx, input.contractId, input.accountId) : undefined;
  const vatMode = input.vatMode ?? settings.vatMode;
  const [created] = await ctx.db
    .insert(invoices)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId: input.accountId,
      contractId: input.contractId,
      status: 'draft',
      currency: input.currency,
      vatMode,
      paymentTermsDays: input.paymentTermsDays ?? terms ?? settings.paymentTermsDays,
      notes: input.notes,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: invoices.id });
  const id = (created as { id: string }).id;
  const totals = await writeLines(ctx, id, input.lines, vatMode);
  await ctx.db
    .update(invoices)
    .set(totals)
    .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, id)));
  return getInvoice(ctx, id);
}

/** Changes a draft; an issued invoice is immutable (422: cancel and re-issue instead). */
export async function updateInvoice(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateInvoiceInput,
  expectedVersion?: number,
): Promise<InvoiceDetail> {
  const input = updateInvoiceInput.parse(rawInput);
  await lockRow(ctx.db, invoices, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getInvoice(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (current.status !== 'draft') throw ruleViolated(financeMessages.invoiceNotDraft);
  const settings = await getFinanceSettings(ctx);
  if (input.lines) assertRatesOffered(input.lines, settings);
  const contractId = input.contractId === undefined ? current.contractId : input.contractId;
  if (input.contractId) await contractTerms(ctx, input.contractId, current.accountId);
  const vatMode = input.vatMode ?? current.vatMode;
  const lines =
    input.lines ??
    current.lines.map(({ description, unit, quantityMilli, unitPriceMinor, vatRate }) => ({
      description,
      unit,
      quantityMilli,
      unitPriceMinor,
      vatRate,
    }));
  const totals = input.lines || input.vatMode ? await writeLines(ctx, id, lines, vatMode) : undefined;
  await ctx.db
    .update(invoices)
    .set({
      contractId,
      vatMode,
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.paymentTermsDays === undefined ? {} : { paymentTermsDays: input.paymentTermsDays }),
      ...(input.notes === undefined ? {} : { notes: input.notes }),
      ...totals,
      updatedAt: ctx.now,
      version: sql`${invoices.version} + 1`,
    })
    .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, id)));
  return getInvoice(ctx, id);
}

/** Deletes a draft (it never had a number, so no gap); anything else is cancelled instead. */
export async function deleteInvoice(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<void> {
  await lockRow(ctx.db, invoices, { workspaceId: ctx.actor.workspaceId, id }, 'delete');
  const current = await getInvoice(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (current.status !== 'draft') throw transitionRefused(current.status, 'delete');
  await ctx.db.delete(invoices).where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, id)));
}
