import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AccountInputs, axes } from '../../analytics/scoring';
import type { UseCaseContext } from '../../platform/use-case';
import type { FactRegistry } from './model-versions';
import { portfolioRatings } from './schema';
import type { PortfolioModelDefinition } from './schemas';

/** Above this many accounts a read takes the whole workspace: a long `in (…)` list costs more than it saves. */
export const idListLimit = 500;

/** The fact keys a model reads (plus any extra, such as the fact that sizes the bubbles). */
export function factKeysOf(definition: PortfolioModelDefinition, extra: readonly string[] = []): string[] {
  const keys = new Set(extra);
  for (const axis of axes) {
    for (const criterion of definition[axis]) if (criterion.source.kind === 'fact') keys.add(criterion.source.fact);
  }
  return [...keys];
}

/** The current ratings of the given accounts (or of all), as criterion → value per account. */
export async function readRatings(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const ids = accountIds && accountIds.length <= idListLimit ? [...accountIds] : undefined;
  if (ids?.length === 0) return new Map();
  // NOTE: one row per account with the criteria and values as arrays: a tenth of the rows a
  // row per rating would bring back at 10,000 accounts. In criterion order, so that the objects
  // built from them share their shape, which keeps the engine's lookups fast.
  const rows = await ctx.db
    .select({
      accountId: portfolioRatings.accountId,
      criteria: sql<string[]>`array_agg(${portfolioRatings.criterion} order by ${portfolioRatings.criterion})`,
      values: sql<number[]>`array_agg(${portfolioRatings.value} order by ${portfolioRatings.criterion})`,
    })
    .from(portfolioRatings)
    .where(
      and(
        eq(portfolioRatings.workspaceId, ctx.actor.workspaceId),
        ids ? inArray(portfolioRatings.accountId, ids) : undefined,
      ),
    )
    .groupBy(portfolioRatings.accountId);
  const ratings = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const byCriterion: Record<string, number> = {};
    row.criteria.forEach((criterion, index) => {
      byCriterion[criterion] = row.values[index] as number;
    });
    ratings.set(row.accountId, byCriterion);
  }
  return ratings;
}

/**
 * The values of the given facts for the given accounts (or all), fact by fact; a fact no module
 * offers any more reads as nothing, so its criterion shows as missing.
 */
export async function readFacts(
  ctx: UseCaseContext,
  registry: FactRegistry,
  keys: readonly string[],
  accountIds?: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const ids = accountIds && accountIds.length <= idListLimit ? accountIds : undefined;
  const values = new Map<string, Map<string, number>>();
  // NOTE: one after another: the reads share the transaction's single connection.
  for (const key of keys) {
    const fact = registry.find((candidate) => candidate.key === key);
    values.set(key, fact && ids?.length !== 0 ? await fact.read(ctx, ids) : new Map());
  }
  return values;
}

/** The engine's inputs for each of the given accounts, from ratings and fact values read for many. */
export function assembleInputs(
  accountIds: readonly string[],
  ratings: ReadonlyMap<string, Record<string, number>>,
  facts: ReadonlyMap<string, ReadonlyMap<string, number>>,
): AccountInputs[] {
  const factEntries = [...facts.entries()];
  return accountIds.map((id) => {
    const accountFacts: Record<string, number> = {};
    for (const [key, byAccount] of factEntries) {
      const value = byAccount.get(id);
      if (value !== undefined) accountFacts[key] = value;
    }
    return { ratings: ratings.get(id) ?? {}, facts: accountFacts };
  });
}

/** What the engine needs to know about each of the given accounts, read now. */
export async function readScoringInputs(
  ctx: UseCaseContext,
  registry: FactRegistry,
  definition: PortfolioModelDefinition,
  accountIds: readonly string[],
): Promise<AccountInputs[]> {
  const ratings = await readRatings(ctx, accountIds);
  const facts = await readFacts(ctx, registry, factKeysOf(definition), accountIds);
  return assembleInputs(accountIds, ratings, facts);
}
