import { and, asc, count, eq, gt, max, sql } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions';
import { KeptInMemory } from '../../platform/kept-in-memory';
import type { UseCaseContext } from '../../platform/use-case';
import { type AccountStatus, accounts } from '../accounts';
import type { FactRegistry } from './model-versions';
import { portfolioRatedAccounts, portfolioRatingRevisions } from './schema';
import { idListLimit, readFacts, readRatings } from './scoring-inputs';

/** How long fact values read for the whole portfolio are reused: other modules' data changes slowly. */
export const factLifetimeMs = 60_000;
/** How many workspaces one server keeps. */
const workspacesKept = 20;

/** An account as the matrix needs it. */
export type PortfolioAccount = {
  id: string;
  name: string;
  ownerId: string;
  status: AccountStatus;
  industry: string | null;
};

type Kept = {
  accounts: { fingerprint: string; rows: PortfolioAccount[] } | undefined;
  ratings: { revision: number; byAccount: Map<string, Record<string, number>> } | undefined;
  facts: Map<string, { readAt: number; values: Map<string, number> }>;
};

// NOTE: per server process, for roles that see the whole workspace. At 10,000 accounts, reading
// every account (10,000 rows), rating (82,000) and contact (200,000, counted) on each request of the
// matrix took 250–400 ms on the 2-core machine. Cheap checks say when what is kept is stale — the
// accounts' count, latest change and versions; the ratings revision — so accounts and ratings are
// never out of date; fact values (other modules' data) are reused for a minute.
const kept = new KeptInMemory<string, Kept>(workspacesKept);

function keptFor(workspaceId: string): Kept {
  return kept.getOrSet(workspaceId, () => ({ accounts: undefined, ratings: undefined, facts: new Map() }));
}

/** The workspace's ratings revision: moved on by every change of ratings. */
export async function ratingsRevision(ctx: UseCaseContext): Promise<number> {
  const [row] = await ctx.db
    .select({ revision: portfolioRatingRevisions.revision })
    .from(portfolioRatingRevisions)
    .where(eq(portfolioRatingRevisions.workspaceId, ctx.actor.workspaceId));
  return row?.revision ?? 0;
}

/** Marks the account's ratings as changed, in the transaction that changes them. */
export async function bumpRatingsRevision(ctx: UseCaseContext, accountId: string): Promise<void> {
  const [moved] = await ctx.db
    .insert(portfolioRatingRevisions)
    .values({ workspaceId: ctx.actor.workspaceId, revision: 1 })
    .onConflictDoUpdate({
      target: portfolioRatingRevisions.workspaceId,
      set: { revision: sql`${portfolioRatingRevisions.revision} + 1` },
    })
    .returning({ revision: portfolioRatingRevisions.revision });
  const revision = moved?.revision ?? 1;
  await ctx.db
    .insert(portfolioRatedAccounts)
    .values({ workspaceId: ctx.actor.workspaceId, accountId, revision })
    .onConflictDoUpdate({
      target: [portfolioRatedAccounts.workspaceId, portfolioRatedAccounts.accountId],
      set: { revision },
    });
}

/**
 * The workspace's ratings after `kept`: only the accounts rated since are read again (into a new
 * map, so what was scored from the old one is known to be stale); everything when none is kept
 * or too many accounts changed.
 */
async function ratingsSince(ctx: UseCaseContext, kept: Kept['ratings']): Promise<Map<string, Record<string, number>>> {
  if (!kept) return readRatings(ctx);
  const changed = await ctx.db
    .select({ accountId: portfolioRatedAccounts.accountId })
    .from(portfolioRatedAccounts)
    .where(
      and(
        eq(portfolioRatedAccounts.workspaceId, ctx.actor.workspaceId),
        gt(portfolioRatedAccounts.revision, kept.revision),
      ),
    )
    .limit(idListLimit + 1);
  if (changed.length > idListLimit) return readRatings(ctx);
  const ids = changed.map((row) => row.accountId);
  const fresh = await readRatings(ctx, ids);
  const byAccount = new Map(kept.byAccount);
  for (const id of ids) {
    const ratings = fresh.get(id);
    if (ratings) byAccount.set(id, ratings);
    else byAccount.delete(id);
  }
  return byAccount;
}

/** True when the actor sees every account of the workspace, so what is kept may serve them. */
export function seesWholeWorkspace(ctx: UseCaseContext): boolean {
  return can(ctx.actor.role, 'accounts:read-all');
}

/**
 * Every account of the workspace, for an actor who sees them all. Any change of an account moves
 * its version (and an insert or delete the count), so the fingerprint tells when to read again.
 */
export async function workspaceAccounts(ctx: UseCaseContext): Promise<PortfolioAccount[]> {
  const scope = eq(accounts.workspaceId, ctx.actor.workspaceId);
  const [print] = await ctx.db
    .select({
      total: count(),
      latest: max(accounts.updatedAt),
      versions: sql<string>`coalesce(sum(${accounts.version}), 0)::text`,
    })
    .from(accounts)
    .where(scope);
  const fingerprint = `${print?.total}:${print?.latest?.toISOString()}:${print?.versions}`;
  const state = keptFor(ctx.actor.workspaceId);
  if (state.accounts?.fingerprint === fingerprint) return state.accounts.rows;
  const rows = await ctx.db
    .select({
      id: accounts.id,
      name: accounts.name,
      ownerId: accounts.ownerId,
      status: accounts.status,
      industry: accounts.industry,
    })
    .from(accounts)
    .where(scope)
    .orderBy(asc(accounts.id));
  const typed = rows as PortfolioAccount[];
  state.accounts = { fingerprint, rows: typed };
  return typed;
}

export type PortfolioInputs = {
  ratings: ReadonlyMap<string, Record<string, number>>;
  facts: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

/**
 * The ratings of the workspace's accounts and the given facts' values, for scoring the whole
 * portfolio. For a role that sees the whole workspace they come from this server's memory while
 * current; a role that sees only some accounts reads its own (few) afresh.
 */
export async function portfolioInputs(
  ctx: UseCaseContext,
  registry: FactRegistry,
  factKeys: readonly string[],
  accountIds: readonly string[],
): Promise<PortfolioInputs> {
  if (!seesWholeWorkspace(ctx)) {
    return {
      ratings: await readRatings(ctx, accountIds),
      facts: await readFacts(ctx, registry, factKeys, accountIds),
    };
  }
  const state = keptFor(ctx.actor.workspaceId);
  const revision = await ratingsRevision(ctx);
  if (state.ratings?.revision !== revision) {
    // NOTE: ratings read after the revision are at least as new as it, never older.
    state.ratings = { revision, byAccount: await ratingsSince(ctx, state.ratings) };
  }
  const now = ctx.now.getTime();
  const facts = new Map<string, Map<string, number>>();
  for (const key of factKeys) {
    let fact = state.facts.get(key);
    if (!fact || now - fact.readAt > factLifetimeMs) {
      fact = { readAt: now, values: (await readFacts(ctx, registry, [key])).get(key) ?? new Map() };
      state.facts.set(key, fact);
    }
    facts.set(key, fact.values);
  }
  return { ratings: state.ratings.byAccount, facts };
}
