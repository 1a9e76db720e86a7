import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import {
  relationshipAccountRevisions,
  relationshipContactRevisions,
  relationshipRevisions,
  relationshipSettings,
  wholeMapId,
} from './schema';

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
      and ${relationshipAccountRevisions.accountId} in (${accountId}, ${wholeMapId})), 0)::float8 as revision`;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Aggregates over a person's interaction participations (alias `ic`): the last held interaction,
 * the first held one dated after now (which will count once its time comes) and the latest
 * planned one.
 */
export function touchColumns(ctx: UseCaseContext) {
  return sql`max(ic.occurred_at) filter (where ic.status = 'held' and ic.occurred_at <= ${ctx.now}) as last_held,
    min(ic.occurred_at) filter (where ic.status = 'held' and ic.occurred_at > ${ctx.now}) as next_held,
    max(ic.occurred_at) filter (where ic.status = 'planned') as last_planned`;
}

/** The moments of `touchColumns` (alias `t`) in milliseconds since the epoch, as `ClockMoments`. */
export const clockMomentColumns = sql`extract(epoch from t.last_held)::float8 * 1000 as last_held_ms,
    extract(epoch from t.next_held)::float8 * 1000 as next_held_ms,
    extract(epoch from t.last_planned)::float8 * 1000 as last_planned_ms`;

/** Raw queries would get timestamps as text, so the moments come as milliseconds. */
export type ClockMoments = {
  last_held_ms: number | null;
  next_held_ms: number | null;
  last_planned_ms: number | null;
};

/** The next moment what the map says of a person changes with the clock alone. */
export function personValidUntil(moments: ClockMoments, now: number): number {
  let until = Number.POSITIVE_INFINITY;
  if (moments.last_held_ms !== null) {
    // Days since the last held interaction (and with them staleness) move on at these moments.
    const days = Math.max(0, Math.floor((now - moments.last_held_ms) / dayMs));
    until = Math.min(until, moments.last_held_ms + (days + 1) * dayMs);
  }
  if (moments.next_held_ms !== null) until = Math.min(until, moments.next_held_ms);
  if (moments.last_planned_ms !== null && moments.last_planned_ms >= now) {
    until = Math.min(until, moments.last_planned_ms + 1);
  }
  return until;
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
  return changed.has(wholeMapId) ? 'whole map' : changed;
}

/**
 * Stamps a workspace that a restore has just written, whole, in one go: the revision moves on, and
 * every account, every person and (with settings) the whole map carry it, as the triggers and the
 * commit would have stamped them (migration 0046), without the notes between. The restore turns
 * the triggers off for its own rows (decision 0019).
 */
export async function stampRestoredMap(tx: Executor, workspaceId: string): Promise<void> {
  const { rows } = await tx.execute<{ revision: number }>(sql`
    insert into ${relationshipRevisions} as kept (workspace_id, revision)
    select ${workspaceId}, 1
    where exists (select 1 from ${accounts} where ${accounts.workspaceId} = ${workspaceId})
      or exists (select 1 from ${relationshipSettings} where ${relationshipSettings.workspaceId} = ${workspaceId})
    on conflict (workspace_id) do update set revision = kept.revision + 1
    returning revision::float8 as revision`);
  const revision = rows[0]?.revision;
  if (revision === undefined) return;
  await tx.execute(sql`insert into ${relationshipAccountRevisions} as stamped (workspace_id, account_id, revision)
    select ${accounts.workspaceId}, ${accounts.id}, ${revision}::bigint from ${accounts} where ${accounts.workspaceId} = ${workspaceId}
    union all
    select ${workspaceId}::uuid, ${wholeMapId}::uuid, ${revision}::bigint
    where exists (select 1 from ${relationshipSettings} where ${relationshipSettings.workspaceId} = ${workspaceId})
    on conflict (workspace_id, account_id) do update set revision = excluded.revision`);
  await tx.execute(sql`insert into ${relationshipContactRevisions} as stamped (workspace_id, account_id, contact_id, revision)
    select ${contacts.workspaceId}, ${contacts.accountId}, ${contacts.id}, ${revision}::bigint
    from ${contacts} where ${contacts.workspaceId} = ${workspaceId}
    on conflict (workspace_id, account_id, contact_id) do update set revision = excluded.revision`);
}
