import type { Actor } from '../../platform/auth/permissions';

/** Whoever acts for the background jobs in a workspace: it reads every account and writes only records. */
export const workerActor = (workspaceId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  workspaceId,
  role: 'admin',
});
