import type { Context } from 'hono';
import { asSystem, inWorkspace } from '../db/client';
import type { UseCaseContext } from '../use-case';
import type { AppEnv } from './context';
import { actorOf } from './route';

/** Runs a use case in one transaction in the actor's workspace (row-level security on). */
export function runInWorkspace<T>(c: Context<AppEnv>, work: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  const actor = actorOf(c);
  const { db, now } = c.get('deps');
  return inWorkspace(
    db,
    { workspaceId: actor.workspaceId, userId: actor.userId, requestId: c.get('requestId') },
    (tx) => work({ db: tx, actor, now: now() }),
  );
}

/**
 * Runs a use case as the owner role, for the few that must write global tables (users) on behalf
 * of a workspace; the use case scopes its own queries by the actor's workspace.
 */
export function runAsSystem<T>(c: Context<AppEnv>, work: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  const actor = actorOf(c);
  const { db, now } = c.get('deps');
  return asSystem(db, { workspaceId: actor.workspaceId, userId: actor.userId, requestId: c.get('requestId') }, (tx) =>
    work({ db: tx, actor, now: now() }),
  );
}
