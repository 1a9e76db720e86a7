import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../../platform/auth/permissions';
import { lockRow } from '../../platform/db/client';
import { AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { workspaceToday } from '../workspaces';
import { assertAccount, assertMember, projectScope, seesAllDelivery } from './access';
import { clientReports, reportSchedules } from './client-work-schema';
import {
  type CreateReportInput,
  createReportInput,
  type ListReportsQuery,
  listReportsQuery,
  type PutReportScheduleInput,
  putReportScheduleInput,
  type ReviewReportInput,
  reviewReportInput,
  type UpdateReportInput,
  updateReportInput,
} from './client-work-schemas';
import { deliveryMessages, reportActions, reportCheckNames } from './messages';
import { getProject } from './projects';
import {
  nextReportDue,
  type ReportChecklist,
  type ReportFrequency,
  type ReportSchedule,
  type ReportStatus,
  reportFlags,
  uncheckedItems,
} from './report-rules';
import { projects } from './schema';

type Ref = { id: string; name: string };
export type ReportFigure = { label: string; value: string; channel: string | null };
export type ClientReport = {
  id: string;
  account: Ref;
  project: Ref | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  preparedBy: Ref | null;
  status: ReportStatus;
  figures: ReportFigure[];
  links: string[];
  body: string | null;
  checklist: ReportChecklist;
  reviewedBy: Ref | null;
  reviewedAt: Date | null;
  sentAt: Date | null;
  late: boolean;
  unreviewed: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const preparer = alias(users, 'preparer');
const reviewer = alias(users, 'reviewer');
const reportProject = alias(projects, 'report_project');

/** Reports a specialist may see: those they prepare and those of the projects they work on. */
function reportScope(ctx: UseCaseContext): SQL | undefined {
  if (seesAllDelivery(ctx)) return undefined;
  return or(eq(clientReports.preparedBy, ctx.actor.userId), projectScope(ctx, clientReports.projectId));
}

async function selectReports(ctx: UseCaseContext, condition: SQL | undefined, limit: number, flagged = false) {
  const today = await workspaceToday(ctx);
  const rows = await ctx.db
    .select({
      row: clientReports,
      accountName: accounts.name,
      projectName: reportProject.name,
      preparerName: preparer.name,
      reviewerName: reviewer.name,
    })
    .from(clientReports)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, clientReports.workspaceId), eq(accounts.id, clientReports.accountId)),
    )
    .leftJoin(
      reportProject,
      and(eq(reportProject.workspaceId, clientReports.workspaceId), eq(reportProject.id, clientReports.projectId)),
    )
    .leftJoin(preparer, eq(preparer.id, clientReports.preparedBy))
    .leftJoin(reviewer, eq(reviewer.id, clientReports.reviewedBy))
    .where(
      and(
        eq(clientReports.workspaceId, ctx.actor.workspaceId),
        reportScope(ctx),
        condition,
        flagged
          ? sql`((${clientReports.status} <> 'sent' and ${clientReports.dueOn} < ${today})
              or (${clientReports.status} = 'in_review' and not (${clientReports.checkTypos} and ${clientReports.checkFigures}
                and ${clientReports.checkClientEyes} and ${clientReports.checkHighlights})))`
          : undefined,
      ),
    )
    .orderBy(asc(clientReports.dueOn), asc(accounts.name))
    .limit(limit);
  return rows.map(({ row, accountName, projectName, preparerName, reviewerName }): ClientReport => {
    const checklist = {
      typos: row.checkTypos,
      figures: row.checkFigures,
      clientEyes: row.checkClientEyes,
      highlights: row.checkHighlights,
    };
    const status = row.status as ReportStatus;
    return {
      id: row.id,
      account: { id: row.accountId, name: accountName },
      project: row.projectId && projectName ? { id: row.projectId, name: projectName } : null,
      title: row.title,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      dueOn: row.dueOn,
      preparedBy: row.preparedBy && preparerName ? { id: row.preparedBy, name: preparerName } : null,
      status,
      figures: row.figures as ReportFigure[],
      links: row.links,
      body: row.body,
      checklist,
      reviewedBy: row.reviewedBy && reviewerName ? { id: row.reviewedBy, name: reviewerName } : null,
      reviewedAt: row.reviewedAt,
      sentAt: row.sentAt,
      ...reportFlags({ status, dueOn: row.dueOn, checklist }, today),
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** One report the actor may see; 404 otherwise. */
export async function getReport(ctx: UseCaseContext, id: string): Promise<ClientReport> {
  const [report] = await selectReports(ctx, eq(clientReports.id, id), 1);
  if (!report) throw notFound(deliveryMessages.report);
  return report;
}

/** Reports the actor may see by due day; `flagged` keeps only the late and unreviewed ones. */
export async function listReports(ctx: UseCaseContext, rawQuery: ListReportsQuery): Promise<ClientReport[]> {
  const query = listReportsQuery.parse(rawQuery);
  return selectReports(
    ctx,
    and(
      query.accountId ? eq(clientReports.accountId, query.accountId) : undefined,
      query.projectId ? eq(clientReports.projectId, query.projectId) : undefined,
    ),
    query.limit,
    query.flagged === true,
  );
}

export type ReportScheduleView = ReportSchedule & { accountId: string; next: ReturnType<typeof nextReportDue> };

/** An account's report schedule with its next due report, or null when it has none. */
export async function getReportSchedule(ctx: UseCaseContext, accountId: string): Promise<ReportScheduleView | null> {
  await assertAccount(ctx, accountId, 'accountId');
  const [row] = await ctx.db
    .select({ frequency: reportSchedules.frequency, dayOfMonth: reportSchedules.dayOfMonth })
    .from(reportSchedules)
    .where(and(eq(reportSchedules.workspaceId, ctx.actor.workspaceId), eq(reportSchedules.accountId, accountId)));
  if (!row) return null;
  const schedule = { frequency: row.frequency as ReportFrequency, dayOfMonth: row.dayOfMonth };
  return { accountId, ...schedule, next: nextReportDue(schedule, await workspaceToday(ctx)) };
}

/** Sets when an account's reports are due (monthly or quarterly, on a day 1–28). */
export async function putReportSchedule(
  ctx: UseCaseContext,
  accountId: string,
  rawInput: PutReportScheduleInput,
): Promise<ReportScheduleView> {
  const input = putReportScheduleInput.parse(rawInput);
  await assertAccount(ctx, accountId, 'accountId');
  await ctx.db
    .insert(reportSchedules)
    .values({ workspaceId: ctx.actor.workspaceId, accountId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [reportSchedules.workspaceId, reportSchedules.accountId],
      set: { ...input, updatedAt: ctx.now, version: sql`${reportSchedules.version} + 1` },
    });
  return (await getReportSchedule(ctx, accountId)) as ReportScheduleView;
}

/** Opens a report for a period, by default the account's next scheduled one, for a specialist to prepare. */
export async function createReport(ctx: UseCaseContext, rawInput: CreateReportInput): Promise<ClientReport> {
  const input = createReportInput.parse(rawInput);
  await assertAccount(ctx, input.accountId, 'accountId');
  if (input.projectId) {
    const project = await getProject(ctx, input.projectId).catch(() => undefined);
    if (project?.accountId !== input.accountId)
      throw ruleViolated(deliveryMessages.noSuchProject, undefined, 'projectId');
  }
  if (input.preparedBy) await assertMember(ctx, input.preparedBy, 'preparedBy');
  let period = { periodStart: input.periodStart, periodEnd: input.periodEnd, dueOn: input.dueOn };
  if (!period.periodStart || !period.periodEnd || !period.dueOn) {
    const schedule = await getReportSchedule(ctx, input.accountId);
    if (!schedule) throw ruleViolated(deliveryMessages.reportNeedsPeriod, undefined, 'periodStart');
    period = { ...schedule.next, ...Object.fromEntries(Object.entries(period).filter(([, value]) => value)) };
  }
  const [created] = await ctx.db
    .insert(clientReports)
    .values({
      workspaceId: ctx.actor.workspaceId,
      accountId: input.accountId,
      projectId: input.projectId,
      title: input.title,
      periodStart: period.periodStart as string,
      periodEnd: period.periodEnd as string,
      dueOn: period.dueOn as string,
      preparedBy: input.preparedBy,
      status: 'draft',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: clientReports.id });
  return getReport(ctx, (created as { id: string }).id);
}

type ReportAction = keyof typeof reportActions;

async function lockReport(
  ctx: UseCaseContext,
  id: string,
  action: ReportAction,
  allowed: readonly ReportStatus[],
  expectedVersion?: number,
): Promise<ClientReport> {
  await lockRow(ctx.db, clientReports, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getReport(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  if (!allowed.includes(current.status))
    throw ruleViolated(
      deliveryMessages.reportRefused,
      { status: current.status, action: reportActions[action].en, actionRu: reportActions[action].ru },
      'status',
    );
  return current;
}

async function saveReport(ctx: UseCaseContext, id: string, values: Partial<typeof clientReports.$inferInsert>) {
  await ctx.db
    .update(clientReports)
    .set({ ...values, updatedAt: ctx.now, version: sql`${clientReports.version} + 1` })
    .where(and(eq(clientReports.workspaceId, ctx.actor.workspaceId), eq(clientReports.id, id)));
  return getReport(ctx, id);
}

/** Whoever prepares a report changes it, and the managers; nobody else (a viewer only reads). */
function assertMayPrepare(ctx: UseCaseContext, report: ClientReport): void {
  if (!can(ctx.actor.role, 'delivery:write') && report.preparedBy?.id !== ctx.actor.userId)
    throw new AppError('forbidden', message(deliveryMessages.notYourReport));
}

/** Writes the report: figures, links, text, who prepares it. Only a draft changes. */
export async function updateReport(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateReportInput,
  expectedVersion?: number,
): Promise<ClientReport> {
  const input = updateReportInput.parse(rawInput);
  const current = await lockReport(ctx, id, 'edit', ['draft'], expectedVersion);
  assertMayPrepare(ctx, current);
  if (input.preparedBy) await assertMember(ctx, input.preparedBy, 'preparedBy');
  return saveReport(ctx, id, input);
}

/** The preparer hands the draft to the manager's review. */
export async function submitReport(ctx: UseCaseContext, id: string): Promise<ClientReport> {
  const current = await lockReport(ctx, id, 'submit', ['draft']);
  assertMayPrepare(ctx, current);
  return saveReport(ctx, id, { status: 'in_review' });
}

/** The manager ticks the checklist; a report can go back to its draft for changes with `returnToDraft`. */
export async function reviewReport(
  ctx: UseCaseContext,
  id: string,
  rawInput: ReviewReportInput,
  returnToDraft = false,
): Promise<ClientReport> {
  const checklist = reviewReportInput.parse(rawInput);
  await lockReport(ctx, id, 'review', ['in_review']);
  const complete = uncheckedItems(checklist).length === 0;
  return saveReport(ctx, id, {
    checkTypos: checklist.typos,
    checkFigures: checklist.figures,
    checkClientEyes: checklist.clientEyes,
    checkHighlights: checklist.highlights,
    reviewedBy: complete ? ctx.actor.userId : null,
    reviewedAt: complete ? ctx.now : null,
    ...(returnToDraft ? { status: 'draft' } : {}),
  });
}

/** Marks a reviewed report sent; every check of the list must be ticked (422 naming the first open one). */
export async function sendReport(ctx: UseCaseContext, id: string): Promise<ClientReport> {
  const current = await lockReport(ctx, id, 'send', ['in_review']);
  const open = uncheckedItems(current.checklist);
  if (open.length > 0)
    throw ruleViolated(
      deliveryMessages.reportUnchecked,
      {
        checks: open.map((check) => reportCheckNames[check]?.en).join(', '),
        checksRu: open.map((check) => reportCheckNames[check]?.ru).join(', '),
      },
      `checklist.${open[0]}`,
    );
  return saveReport(ctx, id, { status: 'sent', sentAt: ctx.now });
}
