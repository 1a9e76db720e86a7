import { and, eq, inArray } from 'drizzle-orm';
import { explainFinding, type FindingKind } from '../../analytics/anomaly';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccountIds } from '../accounts';
import { assertMember, readableSeries, visibleAccount, visibleSeries } from './access';
import { kpiMessages } from './messages';
import { findMetric } from './metrics';
import { kpiFindings, kpiSeries } from './schema';
import {
  type DecideFindingInput,
  decideFindingInput,
  type FindingStatus,
  type FollowUpFindingInput,
  followUpFindingInput,
  type ListFindingsQuery,
  listFindingsQuery,
} from './schemas';

export type Finding = {
  id: string;
  seriesId: string;
  accountId: string;
  metricKey: string;
  dimension: string;
  kind: FindingKind;
  score: number;
  at: Date;
  since: Date;
  observed: number;
  expectedLow: number;
  expectedHigh: number;
  missingPoints: number;
  status: FindingStatus;
  note: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  interactionId: string | null;
  version: number;
  explanation: { en: string; ru: string };
};

/** Where "turn into a follow-up" puts the action: the relationships module's interactions, through a port. */
export type FollowUpPort = {
  create(
    ctx: UseCaseContext,
    input: { accountId: string; subject: string; summary: string; nextStep: string; ownerId: string; dueOn: string },
  ): Promise<{ id: string }>;
};

const findingColumns = {
  id: kpiFindings.id,
  seriesId: kpiFindings.seriesId,
  accountId: kpiFindings.accountId,
  metricKey: kpiSeries.metricKey,
  dimension: kpiSeries.dimension,
  kind: kpiFindings.kind,
  score: kpiFindings.score,
  at: kpiFindings.at,
  since: kpiFindings.since,
  observed: kpiFindings.observed,
  expectedLow: kpiFindings.expectedLow,
  expectedHigh: kpiFindings.expectedHigh,
  missingPoints: kpiFindings.missingPoints,
  status: kpiFindings.status,
  note: kpiFindings.note,
  decidedById: kpiFindings.decidedById,
  decidedAt: kpiFindings.decidedAt,
  interactionId: kpiFindings.interactionId,
  version: kpiFindings.version,
};

type FindingRow = Omit<Finding, 'explanation' | 'kind' | 'status'> & { kind: string; status: string };

function withExplanation(row: FindingRow): Finding {
  const kind = row.kind as FindingKind;
  const detector = {
    kind,
    score: row.score,
    at: row.at.getTime(),
    since: row.since.getTime(),
    observed: row.observed,
    expectedLow: row.expectedLow,
    expectedHigh: row.expectedHigh,
    missingPoints: row.missingPoints,
  };
  return {
    ...row,
    kind,
    status: row.status as FindingStatus,
    explanation: { en: explainFinding(detector, 'en'), ru: explainFinding(detector, 'ru') },
  };
}

const joinSeries = and(eq(kpiSeries.workspaceId, kpiFindings.workspaceId), eq(kpiSeries.id, kpiFindings.seriesId));

/** Findings of the visible accounts, newest first; by account, series, status or kind. */
export async function listFindings(ctx: UseCaseContext, rawQuery: ListFindingsQuery): Promise<Page<Finding>> {
  const query = listFindingsQuery.parse(rawQuery);
  if (query.accountId) await visibleAccount(ctx, query.accountId);
  if (query.seriesId) await visibleSeries(ctx, query.seriesId);
  const page = keyset({
    sort: query.sort,
    expressions: { at: kpiFindings.at },
    id: kpiFindings.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...findingColumns, sortKey: page.sortKey })
    .from(kpiFindings)
    .innerJoin(kpiSeries, joinSeries)
    .where(
      and(
        eq(kpiFindings.workspaceId, ctx.actor.workspaceId),
        query.accountId ? eq(kpiFindings.accountId, query.accountId) : undefined,
        query.seriesId ? eq(kpiFindings.seriesId, query.seriesId) : undefined,
        query.status?.length ? inArray(kpiFindings.status, query.status) : undefined,
        query.kind?.length ? inArray(kpiFindings.kind, query.kind) : undefined,
        visibleAccountIds(ctx, kpiFindings.accountId),
        readableSeries(ctx),
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, ({ sortKey: _sortKey, ...row }) => withExplanation(row));
}

/** One finding of a visible account; else 404. */
export async function getFinding(ctx: UseCaseContext, id: string): Promise<Finding> {
  const [row] = await ctx.db
    .select(findingColumns)
    .from(kpiFindings)
    .innerJoin(kpiSeries, joinSeries)
    .where(
      and(
        eq(kpiFindings.workspaceId, ctx.actor.workspaceId),
        eq(kpiFindings.id, id),
        visibleAccountIds(ctx, kpiFindings.accountId),
        readableSeries(ctx),
      ),
    );
  if (!row) throw notFound(kpiMessages.finding);
  return withExplanation(row);
}

async function lockedFinding(ctx: UseCaseContext, id: string, expectedVersion: number | undefined): Promise<Finding> {
  await lockRow(ctx.db, kpiFindings, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const finding = await getFinding(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== finding.version) throw staleVersion();
  return finding;
}

/**
 * Acknowledges a finding, marks it a false alarm (kept: it is feedback on the detector) or opens
 * it again. A finding already turned into a follow-up keeps that status (422).
 */
export async function decideFinding(
  ctx: UseCaseContext,
  id: string,
  rawInput: DecideFindingInput,
  expectedVersion: number | undefined,
): Promise<Finding> {
  const input = decideFindingInput.parse(rawInput);
  const finding = await lockedFinding(ctx, id, expectedVersion);
  if (finding.status === 'follow_up') throw ruleViolated(kpiMessages.findingDecided, undefined, 'status');
  const reopened = input.status === 'open';
  await ctx.db
    .update(kpiFindings)
    .set({
      status: input.status,
      ...(input.note !== undefined ? { note: input.note } : {}),
      decidedById: reopened ? null : ctx.actor.userId,
      decidedAt: reopened ? null : ctx.now,
      updatedAt: ctx.now,
      version: finding.version + 1,
    })
    .where(and(eq(kpiFindings.workspaceId, ctx.actor.workspaceId), eq(kpiFindings.id, id)));
  return getFinding(ctx, id);
}

/**
 * Turns a finding into a follow-up in one step: an interaction note on the account whose next
 * step has the owner and due date, linked from the finding. 422 when it already has one.
 */
export async function followUpFinding(
  ctx: UseCaseContext,
  followUps: FollowUpPort,
  id: string,
  rawInput: FollowUpFindingInput,
  locale: 'en' | 'ru',
  expectedVersion: number | undefined,
): Promise<Finding> {
  const input = followUpFindingInput.parse(rawInput);
  const finding = await lockedFinding(ctx, id, expectedVersion);
  if (finding.status === 'follow_up') throw ruleViolated(kpiMessages.findingDecided, undefined, 'status');
  await assertMember(ctx, input.ownerId, 'ownerId');
  const metric = await findMetric(ctx, finding.metricKey);
  const metricName = `${metric ? (locale === 'ru' ? metric.nameRu : metric.nameEn) : finding.metricKey}${
    finding.dimension ? ` · ${finding.dimension}` : ''
  }`;
  const subject = kpiMessages.followUpSubject[locale].replace('{metric}', metricName);
  const explanation = finding.explanation[locale];
  const interaction = await followUps.create(ctx, {
    accountId: finding.accountId,
    subject: subject.slice(0, 300),
    summary: explanation,
    nextStep: (input.nextStep ?? explanation).slice(0, 1_000),
    ownerId: input.ownerId,
    dueOn: input.dueOn,
  });
  await ctx.db
    .update(kpiFindings)
    .set({
      status: 'follow_up',
      interactionId: interaction.id,
      decidedById: ctx.actor.userId,
      decidedAt: ctx.now,
      updatedAt: ctx.now,
      version: finding.version + 1,
    })
    .where(and(eq(kpiFindings.workspaceId, ctx.actor.workspaceId), eq(kpiFindings.id, id)));
  return getFinding(ctx, id);
}
