import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import { contacts } from '../contacts';
import { recordAccountPoint, removeAccountPoint } from '../kpis';
import { assertAccount, assertContactOf } from './change-feedback';
import { clientCareMessages } from './messages';
import { monthOf, type SurveySummary, summarizeSurveys } from './rules';
import { surveyResults } from './schema';
import {
  type CreateSurveyResultInput,
  createSurveyResultInput,
  type UpdateSurveyResultInput,
  updateSurveyResultInput,
} from './schemas';

type Ref = { id: string; name: string };
export type SurveyResult = {
  id: string;
  accountId: string;
  contact: Ref | null;
  surveyedOn: string;
  nps: number | null;
  csat: number | null;
  comment: string | null;
  version: number;
};
export type AccountSurveys = { items: SurveyResult[]; summary: SurveySummary };

async function assertVisibleAccount(ctx: UseCaseContext, accountId: string): Promise<void> {
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.id, accountId), visibleAccounts(ctx)));
  if (!account) throw notFound(clientCareMessages.account);
}

/** An account's survey answers, latest first, with its NPS and CSAT over all of them. */
export async function listSurveyResults(ctx: UseCaseContext, accountId: string): Promise<AccountSurveys> {
  await assertVisibleAccount(ctx, accountId);
  const rows = await ctx.db
    .select({ row: surveyResults, contactName: contacts.fullName })
    .from(surveyResults)
    .leftJoin(
      contacts,
      and(eq(contacts.workspaceId, surveyResults.workspaceId), eq(contacts.id, surveyResults.contactId)),
    )
    .where(and(eq(surveyResults.workspaceId, ctx.actor.workspaceId), eq(surveyResults.accountId, accountId)))
    .orderBy(desc(surveyResults.surveyedOn), desc(surveyResults.createdAt));
  const items = rows.map(({ row, contactName }) => ({
    id: row.id,
    accountId: row.accountId,
    contact: row.contactId && contactName !== null ? { id: row.contactId, name: contactName } : null,
    surveyedOn: row.surveyedOn,
    nps: row.nps,
    csat: row.csat,
    comment: row.comment,
    version: row.version,
  }));
  return { items, summary: summarizeSurveys(items) };
}

/**
 * Records one NPS/CSAT answer and writes the account's NPS and CSAT for that month into its kpis
 * series (a point on the month's first day), so the charts and the health score see them.
 */
export async function createSurveyResult(
  ctx: UseCaseContext,
  rawInput: CreateSurveyResultInput,
): Promise<SurveyResult> {
  const input = createSurveyResultInput.parse(rawInput);
  if (input.nps === null && input.csat === null) throw ruleViolated(clientCareMessages.scoreRequired, undefined, 'nps');
  await assertAccount(ctx, input.accountId);
  if (input.contactId) await assertContactOf(ctx, input.accountId, input.contactId);
  const [created] = await ctx.db
    .insert(surveyResults)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ...input,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordMonth(ctx, input.accountId, monthOf(input.surveyedOn));
  return readSurveyResult(ctx, input.accountId, (created as typeof surveyResults.$inferSelect).id);
}

/**
 * Corrects an answer (a score, its date, contact or comment). The months it was in and is now in
 * get their NPS and CSAT recomputed in the kpis series; a stale version is refused.
 */
export async function updateSurveyResult(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateSurveyResultInput,
  expectedVersion?: number,
): Promise<SurveyResult> {
  const input = updateSurveyResultInput.parse(rawInput);
  await lockRow(ctx.db, surveyResults, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const [current] = await ctx.db
    .select()
    .from(surveyResults)
    .where(and(eq(surveyResults.workspaceId, ctx.actor.workspaceId), eq(surveyResults.id, id)));
  if (!current) throw notFound(clientCareMessages.surveyResult);
  await assertVisibleAccount(ctx, current.accountId);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  const next = { ...current, ...input };
  if (next.nps === null && next.csat === null) {
    throw ruleViolated(clientCareMessages.scoreRequired, undefined, input.nps === null ? 'nps' : 'csat');
  }
  if (input.contactId) await assertContactOf(ctx, current.accountId, input.contactId);
  await ctx.db
    .update(surveyResults)
    .set({ ...input, updatedAt: ctx.now, version: sql`${surveyResults.version} + 1` })
    .where(and(eq(surveyResults.workspaceId, ctx.actor.workspaceId), eq(surveyResults.id, id)));
  const months = new Set([monthOf(current.surveyedOn), monthOf(next.surveyedOn)]);
  for (const month of months) await recordMonth(ctx, current.accountId, month);
  return readSurveyResult(ctx, current.accountId, id);
}

async function readSurveyResult(ctx: UseCaseContext, accountId: string, id: string): Promise<SurveyResult> {
  const { items } = await listSurveyResults(ctx, accountId);
  const result = items.find((item) => item.id === id);
  if (!result) throw notFound(clientCareMessages.surveyResult);
  return result;
}

async function recordMonth(ctx: UseCaseContext, accountId: string, month: string): Promise<void> {
  const answers = await ctx.db
    .select({ nps: surveyResults.nps, csat: surveyResults.csat })
    .from(surveyResults)
    .where(
      and(
        eq(surveyResults.workspaceId, ctx.actor.workspaceId),
        eq(surveyResults.accountId, accountId),
        gte(surveyResults.surveyedOn, month),
        lt(surveyResults.surveyedOn, sql`(${month}::date + interval '1 month')::date`),
      ),
    );
  const summary = summarizeSurveys(answers);
  const months = { nps: summary.nps, csat: summary.csatSatisfiedPercent };
  for (const [metricKey, value] of Object.entries(months)) {
    // NOTE: a month whose last answer with this score was deleted keeps no point of it.
    if (value === null) await removeAccountPoint(ctx, { accountId, metricKey, at: month });
    else await recordAccountPoint(ctx, { accountId, metricKey, at: month, value });
  }
}

/**
 * Deletes one survey answer (entered by mistake; the audit log keeps it) and recomputes its
 * month's NPS and CSAT in the kpis series, so charts and health stop counting it.
 */
export async function deleteSurveyResult(ctx: UseCaseContext, id: string): Promise<void> {
  const [found] = await ctx.db
    .select({ accountId: surveyResults.accountId })
    .from(surveyResults)
    .where(and(eq(surveyResults.workspaceId, ctx.actor.workspaceId), eq(surveyResults.id, id)));
  if (!found) throw notFound(clientCareMessages.surveyResult);
  await assertVisibleAccount(ctx, found.accountId);
  const [deleted] = await ctx.db
    .delete(surveyResults)
    .where(and(eq(surveyResults.workspaceId, ctx.actor.workspaceId), eq(surveyResults.id, id)))
    .returning({ surveyedOn: surveyResults.surveyedOn });
  if (!deleted) throw notFound(clientCareMessages.surveyResult);
  await recordMonth(ctx, found.accountId, monthOf(deleted.surveyedOn));
}
