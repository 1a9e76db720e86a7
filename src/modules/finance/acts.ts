import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { accountForWrite, financeAccountScope } from './access';
import { financeMessages } from './messages';
import { acts, invoices } from './schema';
import {
  type CreateActInput,
  createActInput,
  type ListActsQuery,
  listActsQuery,
  type SignActInput,
  signActInput,
} from './schemas';

export type Act = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  invoiceId: string | null;
  invoiceNumber: string | null;
  number: string;
  actDate: string;
  amountMinor: number;
  currency: Currency;
  signedOn: string | null;
  documentUrl: string | null;
  version: number;
};

const actColumns = {
  id: acts.id,
  accountId: acts.accountId,
  account: { id: accounts.id, name: accounts.name },
  invoiceId: acts.invoiceId,
  invoiceNumber: invoices.number,
  number: acts.number,
  actDate: acts.actDate,
  amountMinor: acts.amountMinor,
  currency: acts.currency,
  signedOn: acts.signedOn,
  documentUrl: acts.documentUrl,
  version: acts.version,
};

function selectActs(ctx: UseCaseContext, ...conditions: (SQL | undefined)[]) {
  return ctx.db
    .select(actColumns)
    .from(acts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, acts.workspaceId), eq(accounts.id, acts.accountId)))
    .leftJoin(invoices, and(eq(invoices.workspaceId, acts.workspaceId), eq(invoices.id, acts.invoiceId)))
    .where(and(eq(acts.workspaceId, ctx.actor.workspaceId), financeAccountScope(ctx, acts.accountId), ...conditions));
}

export async function getAct(ctx: UseCaseContext, id: string): Promise<Act> {
  const [row] = await selectActs(ctx, eq(acts.id, id));
  if (!row) throw notFound(financeMessages.act);
  return row as Act;
}

/** Acts of an account or of an invoice, by date (the first `limit`). */
export async function listActs(ctx: UseCaseContext, rawQuery: ListActsQuery, limit = 500): Promise<{ items: Act[] }> {
  const query = listActsQuery.parse(rawQuery);
  const rows = await selectActs(
    ctx,
    query.accountId ? eq(acts.accountId, query.accountId) : undefined,
    query.invoiceId ? eq(acts.invoiceId, query.invoiceId) : undefined,
  )
    .orderBy(asc(acts.actDate), asc(acts.id))
    .limit(limit);
  return { items: rows as Act[] };
}

/** Records an act of completed work, linked to an invoice of the same account (or to none yet). */
export async function createAct(ctx: UseCaseContext, rawInput: CreateActInput): Promise<Act> {
  const input = createActInput.parse(rawInput);
  await accountForWrite(ctx, input.accountId);
  if (input.invoiceId) {
    const [invoice] = await ctx.db
      .select({ accountId: invoices.accountId, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, ctx.actor.workspaceId), eq(invoices.id, input.invoiceId)));
    if (!invoice || invoice.accountId !== input.accountId || invoice.status === 'cancelled') {
      throw ruleViolated(financeMessages.actInvoiceAccount, undefined, 'invoiceId');
    }
  }
  if (input.signedOn && input.signedOn < input.actDate) {
    throw ruleViolated(financeMessages.signedBeforeAct, undefined, 'signedOn');
  }
  const [created] = await ctx.db
    .insert(acts)
    .values({ ...input, workspaceId: ctx.actor.workspaceId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning({ id: acts.id });
  if (!created) throw ruleViolated(financeMessages.actNumberTaken, undefined, 'number');
  return getAct(ctx, created.id);
}

/** Records the client's signature (the date, and the scan's link), or takes it back. */
export async function signAct(
  ctx: UseCaseContext,
  id: string,
  rawInput: SignActInput,
  expectedVersion?: number,
): Promise<Act> {
  const input = signActInput.parse(rawInput);
  await lockRow(ctx.db, acts, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getAct(ctx, id);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
  if (input.signedOn && input.signedOn < current.actDate) {
    throw ruleViolated(financeMessages.signedBeforeAct, undefined, 'signedOn');
  }
  await ctx.db
    .update(acts)
    .set({ ...input, updatedAt: ctx.now, version: sql`${acts.version} + 1` })
    .where(and(eq(acts.workspaceId, ctx.actor.workspaceId), eq(acts.id, id)));
  return getAct(ctx, id);
}

export type DocumentChecks = {
  /** Paid invoices with no signed act: the client's accountant will ask for one. */
  paidWithoutSignedAct: { invoiceId: string; number: string | null; account: { id: string; name: string } }[];
  /** Signed acts with no live invoice: work delivered that nobody billed. */
  signedNotInvoiced: { actId: string; number: string; account: { id: string; name: string } }[];
};

/** The paperwork that fell through the cracks. */
export async function checkDocuments(ctx: UseCaseContext): Promise<DocumentChecks> {
  const workspaceId = ctx.actor.workspaceId;
  const paid = await ctx.db
    .select({ invoiceId: invoices.id, number: invoices.number, account: { id: accounts.id, name: accounts.name } })
    .from(invoices)
    .innerJoin(accounts, and(eq(accounts.workspaceId, invoices.workspaceId), eq(accounts.id, invoices.accountId)))
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.status, 'paid'),
        financeAccountScope(ctx, invoices.accountId),
        sql`not exists (select 1 from acts a where a.workspace_id = ${invoices.workspaceId}
          and a.invoice_id = ${invoices.id} and a.signed_on is not null)`,
      ),
    )
    .orderBy(asc(invoices.sequence))
    .limit(500);
  const unbilled = await selectActs(
    ctx,
    sql`${acts.signedOn} is not null`,
    sql`(${acts.invoiceId} is null or ${invoices.status} in ('draft', 'cancelled'))`,
  )
    .orderBy(asc(acts.actDate))
    .limit(500);
  return {
    paidWithoutSignedAct: paid,
    signedNotInvoiced: unbilled.map((act) => ({ actId: act.id, number: act.number, account: act.account })),
  };
}
