import { and, count, desc, eq } from 'drizzle-orm';
import { axes, type ScoringModel } from '../../analytics/scoring';
import type { AccountFact } from '../../platform/account-facts';
import { notFound } from '../../platform/errors';
import { keyset, type Page, toPage } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { users } from '../users';
import { defaultPortfolioModel } from './default-model';
import { portfolioMessages } from './messages';
import { portfolioModels } from './schema';
import {
  type ListModelVersionsQuery,
  listModelVersionsQuery,
  type PortfolioModelDefinition,
  scoringModelOf,
} from './schemas';

/** The facts other modules offer (decision 0009), handed to the portfolio by the composition root. */
export type FactRegistry = readonly AccountFact[];

export type PortfolioModel = {
  /** The version number; 0 while the workspace still uses the built-in default it never saved. */
  version: number;
  definition: PortfolioModelDefinition;
  note: string | null;
  savedAt: Date | null;
  savedBy: { id: string; name: string | null } | null;
};

const versionColumns = {
  number: portfolioModels.number,
  definition: portfolioModels.definition,
  note: portfolioModels.note,
  createdAt: portfolioModels.createdAt,
  createdBy: portfolioModels.createdBy,
  createdByName: users.name,
};

type VersionRow = {
  number: number;
  definition: PortfolioModelDefinition;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
};

function modelOf(row: VersionRow): PortfolioModel {
  return {
    version: row.number,
    definition: row.definition,
    note: row.note,
    savedAt: row.createdAt,
    savedBy: row.createdBy ? { id: row.createdBy, name: row.createdByName } : null,
  };
}

/** The built-in default, for a workspace that never saved a model. */
export function defaultModel(facts: FactRegistry): PortfolioModel {
  return {
    version: 0,
    definition: defaultPortfolioModel(new Set(facts.map((fact) => fact.key))),
    note: null,
    savedAt: null,
    savedBy: null,
  };
}

/** The workspace's current scoring model: its latest version, or the default. */
export async function getCurrentModel(ctx: UseCaseContext, facts: FactRegistry): Promise<PortfolioModel> {
  const [row] = await ctx.db
    .select(versionColumns)
    .from(portfolioModels)
    .leftJoin(users, eq(users.id, portfolioModels.createdBy))
    .where(eq(portfolioModels.workspaceId, ctx.actor.workspaceId))
    .orderBy(desc(portfolioModels.number))
    .limit(1);
  return row ? modelOf(row) : defaultModel(facts);
}

/** One stored version of the model. */
export async function getModelVersion(ctx: UseCaseContext, version: number): Promise<PortfolioModel> {
  const [row] = await ctx.db
    .select(versionColumns)
    .from(portfolioModels)
    .leftJoin(users, eq(users.id, portfolioModels.createdBy))
    .where(and(eq(portfolioModels.workspaceId, ctx.actor.workspaceId), eq(portfolioModels.number, version)));
  if (!row) throw notFound(portfolioMessages.modelVersion);
  return modelOf(row);
}

export type ModelVersionSummary = Omit<PortfolioModel, 'definition'>;

/** The model's history, newest first, without the definitions. */
export async function listModelVersions(
  ctx: UseCaseContext,
  rawQuery: ListModelVersionsQuery = {},
): Promise<Page<ModelVersionSummary>> {
  const query = listModelVersionsQuery.parse(rawQuery);
  const page = keyset({
    sort: query.sort,
    expressions: { createdAt: portfolioModels.createdAt },
    id: portfolioModels.id,
    cursor: query.cursor,
  });
  const rows = await ctx.db
    .select({ ...versionColumns, id: portfolioModels.id, sortKey: page.sortKey })
    .from(portfolioModels)
    .leftJoin(users, eq(users.id, portfolioModels.createdBy))
    .where(and(eq(portfolioModels.workspaceId, ctx.actor.workspaceId), page.after))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, query.sort, (row) => {
    const { definition: _definition, ...summary } = modelOf(row);
    return summary;
  });
}

/**
 * Stores the default as version 1 when the workspace never saved a model, so that what refers to a
 * version (a review) has one; returns the current model.
 */
export async function ensureStoredModel(ctx: UseCaseContext, facts: FactRegistry): Promise<PortfolioModel> {
  const current = await getCurrentModel(ctx, facts);
  if (current.version > 0) return current;
  await ctx.db
    .insert(portfolioModels)
    .values({
      workspaceId: ctx.actor.workspaceId,
      number: 1,
      definition: current.definition,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing();
  return getCurrentModel(ctx, facts);
}

/** The keys of criteria whose fact no module offers now: shown as unavailable, scored as missing. */
export function unavailableCriteria(definition: PortfolioModelDefinition, facts: FactRegistry): string[] {
  const offered = new Set(facts.map((fact) => fact.key));
  return axes.flatMap((axis) =>
    definition[axis]
      .filter((criterion) => criterion.source.kind === 'fact' && !offered.has(criterion.source.fact))
      .map((criterion) => criterion.key),
  );
}

/** The model as the pure engine scores with it, with each fact's direction from the registry. */
export function engineModelOf(definition: PortfolioModelDefinition, facts: FactRegistry): ScoringModel {
  const directions = new Map(facts.map((fact) => [fact.key, fact.higherIsBetter]));
  return scoringModelOf(definition, (key) => directions.get(key) ?? true);
}

/** How many accounts of the workspace are key accounts now. */
export async function countKeyAccounts(ctx: UseCaseContext): Promise<number> {
  const [row] = await ctx.db
    .select({ total: count() })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, ctx.actor.workspaceId), eq(accounts.status, 'key')));
  return row?.total ?? 0;
}

export type ModelDescription = PortfolioModel & { keyAccounts: number; unavailable: string[] };

/** The current model with what the settings page shows next to it: key accounts now, unavailable criteria. */
export async function describeCurrentModel(ctx: UseCaseContext, facts: FactRegistry): Promise<ModelDescription> {
  const model = await getCurrentModel(ctx, facts);
  return {
    ...model,
    keyAccounts: await countKeyAccounts(ctx),
    unavailable: unavailableCriteria(model.definition, facts),
  };
}
