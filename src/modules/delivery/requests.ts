import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { lockRow } from '../../platform/db/client';
import { AppError, notFound, ruleViolated, staleVersion } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { workspaceToday } from '../workspaces';
import { assertAccount, projectScope, seesAllDelivery } from './access';
import { findBriefTemplate } from './brief-templates';
import { clientRequests } from './client-work-schema';
import {
  type CreateRequestInput,
  createRequestInput,
  type FillBriefInput,
  fillBriefInput,
  type ListRequestsQuery,
  listRequestsQuery,
  type MoveRequestInput,
  moveRequestInput,
  type UpdateRequestInput,
  updateRequestInput,
} from './client-work-schemas';
import { deliveryMessages } from './messages';
import { createProject, getProject } from './projects';
import {
  type BriefAnswer,
  type BriefAnswerIssue,
  type BriefField,
  canMoveRequest,
  checkBriefAnswers,
  nextRequestStatuses,
  type RequestSource,
  type RequestStatus,
} from './request-rules';
import { projects } from './schema';

type Ref = { id: string; name: string };
export type ClientRequest = {
  id: string;
  accountId: string;
  account: Ref;
  project: Ref | null;
  title: string;
  description: string | null;
  source: RequestSource;
  status: RequestStatus;
  nextStatuses: RequestStatus[];
  receivedOn: string;
  statusComment: string | null;
  brief: { templateId: string; fields: BriefField[]; answers: Record<string, BriefAnswer> } | null;
  createdBy: Ref;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const projectsOfRequest = alias(projects, 'request_project');

async function selectRequests(ctx: UseCaseContext, condition: SQL | undefined, limit: number) {
  const rows = await ctx.db
    .select({
      row: clientRequests,
      accountName: accounts.name,
      projectName: projectsOfRequest.name,
      authorName: users.name,
    })
    .from(clientRequests)
    .innerJoin(
      accounts,
      and(eq(accounts.workspaceId, clientRequests.workspaceId), eq(accounts.id, clientRequests.accountId)),
    )
    .leftJoin(
      projectsOfRequest,
      and(
        eq(projectsOfRequest.workspaceId, clientRequests.workspaceId),
        eq(projectsOfRequest.id, clientRequests.projectId),
      ),
    )
    .innerJoin(users, eq(users.id, clientRequests.createdBy))
    .where(
      and(
        eq(clientRequests.workspaceId, ctx.actor.workspaceId),
        // NOTE: a specialist sees the requests of the projects they work on, nothing else (decision 0016).
        seesAllDelivery(ctx) ? undefined : projectScope(ctx, clientRequests.projectId),
        condition,
      ),
    )
    .orderBy(desc(clientRequests.receivedOn), desc(clientRequests.createdAt))
    .limit(limit);
  const showMoney = seesAllDelivery(ctx);
  return rows.map(({ row, accountName, projectName, authorName }): ClientRequest => {
    const fields = (row.briefFields ?? []) as BriefField[];
    const answers = { ...((row.briefAnswers ?? {}) as Record<string, BriefAnswer>) };
    if (!showMoney) for (const field of fields) if (field.type === 'money') delete answers[field.key];
    return {
      id: row.id,
      accountId: row.accountId,
      account: { id: row.accountId, name: accountName },
      project: row.projectId && projectName ? { id: row.projectId, name: projectName } : null,
      title: row.title,
      description: row.description,
      source: row.source as RequestSource,
      status: row.status as RequestStatus,
      nextStatuses: [...nextRequestStatuses(row.status as RequestStatus)],
      receivedOn: row.receivedOn,
      statusComment: row.statusComment,
      brief: row.briefTemplateId ? { templateId: row.briefTemplateId, fields, answers } : null,
      createdBy: { id: row.createdBy, name: authorName },
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

/** One request the actor may see; 404 otherwise. */
export async function getRequest(ctx: UseCaseContext, id: string): Promise<ClientRequest> {
  const [request] = await selectRequests(ctx, eq(clientRequests.id, id), 1);
  if (!request) throw notFound(deliveryMessages.request);
  return request;
}

/** Requests the actor may see, newest first, of an account, a project or a status. */
export async function listRequests(
  ctx: UseCaseContext,
  rawQuery: ListRequestsQuery,
  limit?: number,
): Promise<ClientRequest[]> {
  const query = listRequestsQuery.parse(rawQuery);
  return selectRequests(
    ctx,
    and(
      query.accountId ? eq(clientRequests.accountId, query.accountId) : undefined,
      query.projectId ? eq(clientRequests.projectId, query.projectId) : undefined,
      query.status ? eq(clientRequests.status, query.status) : undefined,
    ),
    limit ?? query.limit,
  );
}

async function assertProjectOfAccount(ctx: UseCaseContext, projectId: string, accountId: string): Promise<void> {
  const project = await getProject(ctx, projectId).catch(() => undefined);
  if (!project || project.accountId !== accountId)
    throw ruleViolated(deliveryMessages.noSuchProject, undefined, 'projectId');
}

/** Records a request from the client; it starts as new. */
export async function createRequest(ctx: UseCaseContext, rawInput: CreateRequestInput): Promise<ClientRequest> {
  const input = createRequestInput.parse(rawInput);
  await assertAccount(ctx, input.accountId, 'accountId');
  if (input.projectId) await assertProjectOfAccount(ctx, input.projectId, input.accountId);
  const [created] = await ctx.db
    .insert(clientRequests)
    .values({
      workspaceId: ctx.actor.workspaceId,
      ...input,
      receivedOn: input.receivedOn ?? (await workspaceToday(ctx)),
      status: 'new',
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: clientRequests.id });
  return getRequest(ctx, (created as { id: string }).id);
}

async function lockRequest(ctx: UseCaseContext, id: string, expectedVersion?: number): Promise<ClientRequest> {
  await lockRow(ctx.db, clientRequests, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getRequest(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  return current;
}

async function saveRequest(ctx: UseCaseContext, id: string, values: Partial<typeof clientRequests.$inferInsert>) {
  await ctx.db
    .update(clientRequests)
    .set({ ...values, updatedAt: ctx.now, version: sql`${clientRequests.version} + 1` })
    .where(and(eq(clientRequests.workspaceId, ctx.actor.workspaceId), eq(clientRequests.id, id)));
  return getRequest(ctx, id);
}

/** Changes a request's title, description, source or project (one of its account's). */
export async function updateRequest(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateRequestInput,
  expectedVersion?: number,
): Promise<ClientRequest> {
  const input = updateRequestInput.parse(rawInput);
  const current = await lockRequest(ctx, id, expectedVersion);
  if (input.projectId) await assertProjectOfAccount(ctx, input.projectId, current.accountId);
  return saveRequest(ctx, id, input);
}

/**
 * Moves a request along new → clarifying → accepted | declined → done (anything else is a 422 on
 * `status`); a decline needs a comment. Accepting may start a project, in the same transaction.
 */
export async function moveRequest(
  ctx: UseCaseContext,
  id: string,
  rawInput: MoveRequestInput,
  expectedVersion?: number,
): Promise<ClientRequest> {
  const input = moveRequestInput.parse(rawInput);
  const current = await lockRequest(ctx, id, expectedVersion);
  if (!canMoveRequest(current.status, input.status))
    throw ruleViolated(deliveryMessages.requestMove, { from: current.status, to: input.status }, 'status');
  if (input.status === 'declined' && !input.comment)
    throw ruleViolated(deliveryMessages.declineNeedsComment, undefined, 'comment');
  if (input.project && input.status !== 'accepted')
    throw ruleViolated(deliveryMessages.projectOnlyOnAccept, undefined, 'project');
  let projectId = current.project?.id ?? null;
  if (input.project) {
    const project = await createProject(ctx, {
      accountId: current.accountId,
      projectTypeId: input.project.projectTypeId,
      name: input.project.name ?? current.title,
    }).catch((error: unknown) => {
      // NOTE: the project's own field errors are re-pointed at `project.*` in the request's body.
      if (error instanceof AppError)
        throw new AppError(
          error.code,
          error.detail,
          error.fieldErrors.map((fieldError) => ({ ...fieldError, path: `project.${fieldError.path}` })),
        );
      throw error;
    });
    projectId = project.id;
  }
  return saveRequest(ctx, id, { status: input.status, statusComment: input.comment, projectId });
}

const issueTexts: Record<BriefAnswerIssue['problem'], (typeof deliveryMessages)[keyof typeof deliveryMessages]> = {
  unknown: deliveryMessages.briefUnknown,
  required: deliveryMessages.briefRequired,
  text: deliveryMessages.briefText,
  tooLong: deliveryMessages.briefTooLong,
  money: deliveryMessages.briefMoney,
  date: deliveryMessages.briefDate,
  links: deliveryMessages.briefLinks,
};

/**
 * Fills the request's brief with the client's answers, checked by each field's type; every wrong
 * answer is a 400 naming `answers.<key>` and the field's label. The template's fields are copied
 * onto the request, so changing the template later does not change a brief already answered.
 */
export async function fillBrief(
  ctx: UseCaseContext,
  id: string,
  rawInput: FillBriefInput,
  expectedVersion?: number,
): Promise<ClientRequest> {
  const input = fillBriefInput.parse(rawInput);
  const current = await lockRequest(ctx, id, expectedVersion);
  let fields = current.brief?.fields;
  let templateId = current.brief?.templateId;
  if (input.templateId && input.templateId !== templateId) {
    fields = (await findBriefTemplate(ctx, input.templateId, 'templateId')).fields;
    templateId = input.templateId;
  }
  if (!fields || !templateId) throw ruleViolated(deliveryMessages.briefNeedsTemplate, undefined, 'templateId');
  const { answers, issues } = checkBriefAnswers(fields, input.answers);
  if (issues.length > 0)
    throw new AppError(
      'validation_failed',
      message(platformMessages.validationFailed),
      issues.map((issue) => ({
        path: `answers.${issue.key}`,
        message: message(issueTexts[issue.problem], { label: issue.label }),
      })),
    );
  return saveRequest(ctx, id, { briefTemplateId: templateId, briefFields: fields, briefAnswers: answers });
}
