import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { lockRow } from '../../platform/db/client';
import { notFound, ruleViolated, staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { assertAccount, assertMember, projectScope, seesAllDelivery } from './access';
import { deliveryMessages } from './messages';
import { projects, projectTypes } from './schema';
import {
  type CreateProjectInput,
  createProjectInput,
  type ListProjectsQuery,
  listProjectsQuery,
  type UpdateProjectInput,
  updateProjectInput,
} from './schemas';

export type Project = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  projectTypeId: string;
  projectType: { id: string; name: string; stages: string[] };
  name: string;
  stage: string;
  owner: { id: string; name: string };
  startsOn: string | null;
  endsOn: string | null;
  /** Null for a specialist: budgets are money, which they do not see. */
  budgetMinor: number | null;
  currency: Currency;
  openTasks: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

async function selectProjects(ctx: UseCaseContext, condition: SQL | undefined, limit = 500): Promise<Project[]> {
  const rows = await ctx.db
    .select({
      id: projects.id,
      accountId: projects.accountId,
      accountName: accounts.name,
      projectTypeId: projects.projectTypeId,
      typeName: projectTypes.name,
      stages: projectTypes.stages,
      name: projects.name,
      stage: projects.stage,
      ownerId: projects.ownerId,
      ownerName: users.name,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
      budgetMinor: projects.budgetMinor,
      currency: projects.currency,
      openTasks: sql<number>`(select count(*)::int from tasks t where t.workspace_id = ${projects.workspaceId}
        and t.project_id = ${projects.id} and t.status <> 'done' and t.acceptance <> 'declined')`,
      version: projects.version,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .innerJoin(
      projectTypes,
      and(eq(projectTypes.workspaceId, projects.workspaceId), eq(projectTypes.id, projects.projectTypeId)),
    )
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), projectScope(ctx, projects.id), condition))
    .orderBy(asc(accounts.name), asc(projects.name))
    .limit(limit);
  const showMoney = seesAllDelivery(ctx);
  return rows.map(({ accountName, typeName, stages, ownerId, ownerName, ...row }) => ({
    ...row,
    account: { id: row.accountId, name: accountName },
    projectType: { id: row.projectTypeId, name: typeName, stages },
    owner: { id: ownerId, name: ownerName },
    budgetMinor: showMoney ? row.budgetMinor : null,
    currency: row.currency as Currency,
  }));
}

/** One project the actor may see; 404 otherwise. */
export async function getProject(ctx: UseCaseContext, id: string): Promise<Project> {
  const [project] = await selectProjects(ctx, eq(projects.id, id), 1);
  if (!project) throw notFound(deliveryMessages.project);
  return project;
}

/** Projects the actor may see, of one account or one owner (`me`), by client and name. */
export async function listProjects(ctx: UseCaseContext, rawQuery: ListProjectsQuery): Promise<Project[]> {
  const query = listProjectsQuery.parse(rawQuery);
  const ownerId = query.ownerId === 'me' ? ctx.actor.userId : query.ownerId;
  return selectProjects(
    ctx,
    and(
      query.accountId ? eq(projects.accountId, query.accountId) : undefined,
      ownerId ? eq(projects.ownerId, ownerId) : undefined,
    ),
    query.limit,
  );
}

async function stagesOf(ctx: UseCaseContext, projectTypeId: string): Promise<string[]> {
  const [type] = await ctx.db
    .select({ stages: projectTypes.stages })
    .from(projectTypes)
    .where(and(eq(projectTypes.workspaceId, ctx.actor.workspaceId), eq(projectTypes.id, projectTypeId)));
  if (!type) throw ruleViolated(deliveryMessages.noSuchProjectType, undefined, 'projectTypeId');
  return type.stages;
}

function assertStage(stages: readonly string[], stage: string): void {
  if (!stages.includes(stage))
    throw ruleViolated(deliveryMessages.stageUnknown, { stages: stages.join(' → ') }, 'stage');
}

/** Starts a project for an account, at the first stage of its type unless told otherwise. */
export async function createProject(ctx: UseCaseContext, rawInput: CreateProjectInput): Promise<Project> {
  const input = createProjectInput.parse(rawInput);
  await assertAccount(ctx, input.accountId, 'accountId');
  const stages = await stagesOf(ctx, input.projectTypeId);
  const stage = input.stage ?? (stages[0] as string);
  assertStage(stages, stage);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  if (input.ownerId) await assertMember(ctx, input.ownerId, 'ownerId');
  const [created] = await ctx.db
    .insert(projects)
    .values({ workspaceId: ctx.actor.workspaceId, ...input, stage, ownerId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning({ id: projects.id });
  return getProject(ctx, (created as { id: string }).id);
}

/** Changes a project: its stage (one of its type's), owner, dates or budget. */
export async function updateProject(
  ctx: UseCaseContext,
  id: string,
  rawInput: UpdateProjectInput,
  expectedVersion?: number,
): Promise<Project> {
  const input = updateProjectInput.parse(rawInput);
  await lockRow(ctx.db, projects, { workspaceId: ctx.actor.workspaceId, id }, 'update');
  const current = await getProject(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  if (input.stage !== undefined) assertStage(current.projectType.stages, input.stage);
  if (input.ownerId) await assertMember(ctx, input.ownerId, 'ownerId');
  const startsOn = input.startsOn === undefined ? current.startsOn : input.startsOn;
  const endsOn = input.endsOn === undefined ? current.endsOn : input.endsOn;
  if (startsOn && endsOn && endsOn < startsOn) throw ruleViolated(deliveryMessages.periodOrder, undefined, 'endsOn');
  await ctx.db
    .update(projects)
    .set({ ...input, updatedAt: ctx.now, version: sql`${projects.version} + 1` })
    .where(and(eq(projects.workspaceId, ctx.actor.workspaceId), eq(projects.id, id)));
  return getProject(ctx, id);
}
