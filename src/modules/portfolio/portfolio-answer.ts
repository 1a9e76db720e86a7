import type { z } from 'zod';
import { KeptInMemory } from '../../platform/kept-in-memory';
import type { UseCaseContext } from '../../platform/use-case';
import {
  type LoadedPortfolio,
  loadPortfolio,
  ownersOf,
  type Portfolio,
  type PortfolioRow,
  scoreLoadedPortfolio,
} from './get-portfolio';
import type { FactRegistry } from './model-versions';
import type { PortfolioSchema } from './openapi';
import type { PortfolioFilters } from './schemas';

/** How many filtered answers one workspace keeps (the chart's usual filter combinations). */
const answersKept = 8;
/** How many workspaces keep answers. */
const workspacesKept = 20;

type KeptAnswer = {
  sources: readonly unknown[];
  summary: Pick<Portfolio, 'total' | 'counts' | 'incomplete'>;
  /** `"items":[…]` as UTF-8, the bulk of the answer. */
  items: Buffer;
};

// NOTE: scoring 10,000 accounts, building their rows and encoding 2.5 MB of JSON took 60–80 ms of
// the portfolio's answer on the 2-core machine. While the model, the accounts, the ratings and the
// facts kept in memory are the very same objects (portfolio-cache.ts replaces them on any change),
// the scored rows are the same too, so their bytes are kept beside them.
const answers = new KeptInMemory<string, KeptInMemory<string, KeptAnswer>>(workspacesKept);

function sameSources(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((source, index) => source === b[index]);
}

/** A row as the portfolio API sends it: compact, for every visible account at once. */
function compactRow(row: PortfolioRow): z.infer<typeof PortfolioSchema>['items'][number] {
  // NOTE: properties named one by one: spreading 10,000 rows cost V8 100–400 ms.
  return {
    id: row.id,
    name: row.name,
    ownerId: row.ownerId,
    status: row.status,
    attractiveness: row.attractiveness,
    strength: row.strength,
    quadrant: row.quadrant,
    complete: row.complete,
    missingCount: row.missing.length,
    size: row.size,
  };
}

function scoredAnswer(loaded: LoadedPortfolio, registry: FactRegistry, sources: readonly unknown[]): KeptAnswer {
  const { items, ...summary } = scoreLoadedPortfolio(loaded, registry);
  return { sources, summary, items: Buffer.from(`"items":${JSON.stringify(items.map(compactRow))}`) };
}

/** The scored rows of this portfolio: kept ones while their sources are the same objects, else new. */
function keptOrScored(workspaceId: string, loaded: LoadedPortfolio, registry: FactRegistry): KeptAnswer {
  if (!loaded.sources) return scoredAnswer(loaded, registry, []);
  const kept = answers.getOrSet(workspaceId, () => new KeptInMemory(answersKept));
  const key = JSON.stringify(loaded.filters);
  const found = kept.get(key);
  if (found && sameSources(found.sources, loaded.sources)) return found;
  return kept.set(key, scoredAnswer(loaded, registry, loaded.sources));
}

/**
 * The portfolio API's answer (the `Portfolio` schema) as UTF-8 JSON. For a role that sees the
 * whole workspace the scored rows come from this server's memory while nothing they were computed
 * from has changed; owners' names are always read afresh.
 */
export async function getPortfolioBody(
  ctx: UseCaseContext,
  registry: FactRegistry,
  filters: PortfolioFilters = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const loaded = await loadPortfolio(ctx, registry, filters);
  const answer = keptOrScored(ctx.actor.workspaceId, loaded, registry);
  const head: Omit<z.infer<typeof PortfolioSchema>, 'items'> = {
    modelVersion: loaded.model.version,
    thresholds: loaded.model.definition.thresholds,
    size: loaded.filters.size ?? null,
    ...answer.summary,
    owners: await ownersOf(ctx, loaded.rows),
  };
  const open = JSON.stringify(head);
  return Buffer.concat([Buffer.from(`${open.slice(0, -1)},`), answer.items, Buffer.from('}')]);
}
