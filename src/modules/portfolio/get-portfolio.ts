import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Quadrant, scorePortfolio } from '../../analytics/scoring';
import { invalidField } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountStatus, accounts, visibleAccounts } from '../accounts';
import { users } from '../users';
import { portfolioMessages } from './messages';
import { engineModelOf, type FactRegistry, getCurrentModel, type PortfolioModel } from './model-versions';
import {
  type PortfolioAccount,
  type PortfolioInputs,
  portfolioInputs,
  seesWholeWorkspace,
  workspaceAccounts,
} from './portfolio-cache';
import { type PortfolioFilters, portfolioFilters, type QuadrantCounts } from './schemas';
import { assembleInputs, factKeysOf } from './scoring-inputs';

/** One account as the chart and the table show it: compact, for every visible account at once. */
export type PortfolioRow = {
  id: string;
  name: string;
  ownerId: string;
  status: AccountStatus;
  industry: string | null;
  attractiveness: number | null;
  strength: number | null;
  quadrant: Quadrant | null;
  complete: boolean;
  /** Keys of the criteria (with weight) the account has no value for. */
  missing: string[];
  /** What sizes its bubble (see `size`), or null when unknown. */
  size: number | null;
};

export type Portfolio = {
  model: PortfolioModel;
  size: string | null;
  total: number;
  counts: QuadrantCounts;
  incomplete: number;
  owners: { id: string; name: string }[];
  items: PortfolioRow[];
};

type SizeSource = { kind: 'fact'; key: string } | { kind: 'criterion'; key: string } | undefined;

function sizeSourceOf(size: string | undefined, model: PortfolioModel, registry: FactRegistry): SizeSource {
  if (!size) return undefined;
  const [kind, ...rest] = size.split(':');
  const key = rest.join(':');
  if (kind === 'fact' && registry.some((fact) => fact.key === key)) return { kind: 'fact', key };
  const criteria = [...model.definition.attractiveness, ...model.definition.strength];
  if (kind === 'criterion' && criteria.some((criterion) => criterion.key === key)) return { kind: 'criterion', key };
  throw invalidField('size', portfolioMessages.unknownSize);
}

/** The accounts the actor may see that the filters keep: from this server's memory when they see them all. */
async function filteredAccounts(
  ctx: UseCaseContext,
  filters: z.output<typeof portfolioFilters>,
): Promise<{ rows: PortfolioAccount[]; kept: readonly PortfolioAccount[] | undefined }> {
  const owners = filters.ownerId?.length ? new Set(filters.ownerId) : undefined;
  const industries = filters.industry?.length ? new Set(filters.industry) : undefined;
  const statuses = filters.status?.length ? new Set<string>(filters.status) : undefined;
  if (seesWholeWorkspace(ctx)) {
    const kept = await workspaceAccounts(ctx);
    const rows = kept.filter(
      (account) =>
        (!owners || owners.has(account.ownerId)) &&
        (!industries || (account.industry !== null && industries.has(account.industry))) &&
        (!statuses || statuses.has(account.status)) &&
        (!filters.keyOnly || account.status === 'key'),
    );
    return { rows, kept };
  }
  const rows = await ctx.db
    .select({
      id: accounts.id,
      name: accounts.name,
      ownerId: accounts.ownerId,
      status: accounts.status,
      industry: accounts.industry,
    })
    .from(accounts)
    .where(
      and(
        eq(accounts.workspaceId, ctx.actor.workspaceId),
        visibleAccounts(ctx),
        owners ? inArray(accounts.ownerId, [...owners]) : undefined,
        industries ? inArray(accounts.industry, [...industries]) : undefined,
        statuses ? inArray(accounts.status, [...statuses]) : undefined,
        filters.keyOnly ? eq(accounts.status, 'key') : undefined,
      ),
    )
    .orderBy(asc(accounts.id));
  return { rows: rows as PortfolioAccount[], kept: undefined };
}

/** Everything scoring the filtered portfolio reads, before it is scored. */
export type LoadedPortfolio = {
  filters: z.output<typeof portfolioFilters>;
  model: PortfolioModel;
  rows: PortfolioAccount[];
  ratings: PortfolioInputs['ratings'];
  facts: PortfolioInputs['facts'];
  /**
   * What the answer was computed from when it all came from this server's memory: the same
   * objects mean the same answer (see `portfolio-answer.ts`). Undefined for a partial view.
   */
  sources: readonly unknown[] | undefined;
  sizeSource: SizeSource;
};

/** Reads the current model, the accounts the filters keep, and their ratings and facts. */
export async function loadPortfolio(
  ctx: UseCaseContext,
  registry: FactRegistry,
  rawFilters: PortfolioFilters = {},
): Promise<LoadedPortfolio> {
  const filters = portfolioFilters.parse(rawFilters);
  const model = await getCurrentModel(ctx, registry);
  const sizeSource = sizeSourceOf(filters.size, model, registry);
  const { rows, kept } = await filteredAccounts(ctx, filters);
  const factKeys = factKeysOf(model.definition, sizeSource?.kind === 'fact' ? [sizeSource.key] : []);
  const { ratings, facts } = await portfolioInputs(
    ctx,
    registry,
    factKeys,
    rows.map((row) => row.id),
  );
  const sources = kept ? [model.version, kept, ratings, ...factKeys.map((key) => facts.get(key))] : undefined;
  return { filters, model, rows, ratings, facts, sources, sizeSource };
}

/** Scores loaded accounts: both scores, the quadrant, what is missing and the bubble size of each. */
export function scoreLoadedPortfolio(
  loaded: LoadedPortfolio,
  registry: FactRegistry,
): Pick<Portfolio, 'total' | 'counts' | 'incomplete' | 'items'> {
  const { rows, model, sizeSource, facts } = loaded;
  const inputs = assembleInputs(
    rows.map((row) => row.id),
    loaded.ratings,
    facts,
  );
  const engineModel = engineModelOf(model.definition, registry);
  const scores = scorePortfolio(engineModel, inputs);
  const sizeCriterion =
    sizeSource?.kind === 'criterion'
      ? [...engineModel.attractiveness, ...engineModel.strength].find((criterion) => criterion.key === sizeSource.key)
      : undefined;
  const sizeFact = sizeSource?.kind === 'fact' ? facts.get(sizeSource.key) : undefined;

  const counts: QuadrantCounts = { strategic: 0, star: 0, status: 0, streamline: 0, unscored: 0 };
  let incomplete = 0;
  const items = rows.map((row, index): PortfolioRow => {
    const score = scores[index] as (typeof scores)[number];
    const accountInputs = inputs[index] as (typeof inputs)[number];
    counts[score.quadrant ?? 'unscored'] += 1;
    if (!score.complete) incomplete += 1;
    let size: number | null = null;
    if (sizeFact) size = sizeFact.get(row.id) ?? null;
    else if (sizeCriterion?.source.kind === 'rating') size = accountInputs.ratings[sizeCriterion.key] ?? null;
    else if (sizeCriterion?.source.kind === 'fact') size = accountInputs.facts[sizeCriterion.source.fact] ?? null;
    // NOTE: properties named one by one: spreading 10,000 rows (`{ ...row }`) cost V8 100–400 ms here.
    return {
      id: row.id,
      name: row.name,
      ownerId: row.ownerId,
      status: row.status,
      industry: row.industry,
      attractiveness: score.attractiveness,
      strength: score.strength,
      quadrant: score.quadrant,
      complete: score.complete,
      missing: score.missing,
      size,
    };
  });
  return { total: items.length, counts, incomplete, items };
}

/** The owners of the given accounts, by name. */
export async function ownersOf(
  ctx: UseCaseContext,
  rows: readonly PortfolioAccount[],
): Promise<{ id: string; name: string }[]> {
  const ownerIds = [...new Set(rows.map((row) => row.ownerId))];
  if (ownerIds.length === 0) return [];
  return ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ownerIds))
    .orderBy(asc(users.name));
}

/**
 * Every account the actor may see that the filters keep, scored on read under the current model:
 * both scores, the quadrant, what is missing, and the bubble size.
 */
export async function getPortfolio(
  ctx: UseCaseContext,
  registry: FactRegistry,
  rawFilters: PortfolioFilters = {},
): Promise<Portfolio> {
  const loaded = await loadPortfolio(ctx, registry, rawFilters);
  const scored = scoreLoadedPortfolio(loaded, registry);
  const owners = await ownersOf(ctx, loaded.rows);
  return { model: loaded.model, size: loaded.filters.size ?? null, owners, ...scored };
}
