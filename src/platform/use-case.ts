import type { Actor } from './auth/permissions';
import type { Executor } from './db/client';

/** What every workspace-scoped use case receives: a transaction in the actor's workspace, and the time. */
export type UseCaseContext = {
  db: Executor;
  actor: Actor;
  now: Date;
};
