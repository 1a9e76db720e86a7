import { and, eq, gt, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import { relationshipAccountRevisions, relationshipRevisions } from './schema';

/**
 * How long an answer computed from the map is kept even while nothing changes: days since the
 * last held interaction, and so the stale flags and gaps, move on with the clock.
 */
export const keptForMs = 60_000;

/** What an answer kept in memory was computed from. */
export type KeptAt = { revision: number; computedAt: number };

/** The id `relationship_account_revisions` gives a change of the whole map (a settings change). */
const wholeMap = '00000000-0000-0000-0000-000000000000';

/** The column `revision`: the workspace's relationship map revision (0 before any change). */
export function mapRevisionColumn(ctx: UseCaseContext) {
  return sql`coalesce((select ${relationshipRevisions.revision} from ${relationshipRevisions}
    where ${relationshipRevisions.workspaceId} = ${ctx.actor.workspaceId}), 0)::float8 as revision`;
}

/**
 * The column `revision`: the workspace revision at which one account's map last changed (0 if it
 * never did), so answers about one account outlive changes to the others.
 */
export function accountRevisionColumn(ctx: UseCaseContext, accountId: string) {
  return sql`coalesce((select max(${relationshipAccountRevisions.revision}) from ${relationshipAccountRevisions}
    where ${relationshipAccountRevisions.workspaceId} = ${ctx.actor.workspaceId}
      and ${relationshipAccountRevisions.accountId} in (${accountId}, ${wholeMap})), 0)::float8 as revision`;
}

/** Whether an answer kept at `kept` still holds for a reader who saw `revision` at `now`. */
export function stillCurrent(kept: KeptAt | undefined, revision: number, now: Date): kept is KeptAt {
  const age = now.getTime() - (kept?.computedAt ?? 0);
  return kept !== undefined && kept.revision === revision && age >= 0 && age < keptForMs;
}

/** The accounts whose map changed after `revision`, or 'whole map' when everything may have. */
export async function accountsChangedSince(ctx: UseCaseContext, revision: number): Promise<Set<string> | 'whole map'> {
  const rows = await ctx.db
    .select({ accountId: relationshipAccountRevisions.accountId })
    .from(relationshipAccountRevisions)
    .where(
      and(
        eq(relationshipAccountRevisions.workspaceId, ctx.actor.workspaceId),
        gt(relationshipAccountRevisions.revision, revision),
      ),
    );
  const changed = new Set(rows.map((row) => row.accountId));
  return changed.has(wholeMap) ? 'whole map' : changed;
}
