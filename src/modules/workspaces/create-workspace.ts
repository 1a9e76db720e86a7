import type { Role } from '../../platform/auth/permissions';
import type { Executor } from '../../platform/db/client';
import { memberships, workspaces } from './schema';
import { type WorkspaceSettingsInput, workspaceSettingsInput } from './schemas';

export type Workspace = typeof workspaces.$inferSelect;

/** Creates a workspace with its first member (an admin). Runs as the owner role. */
export async function createWorkspace(
  db: Executor,
  rawInput: WorkspaceSettingsInput,
  firstMember: { userId: string; role?: Role },
): Promise<Workspace> {
  const input = workspaceSettingsInput.parse(rawInput);
  const [workspace] = await db.insert(workspaces).values(input).returning();
  if (!workspace) throw new Error('Workspace insert returned nothing');
  await db
    .insert(memberships)
    .values({ workspaceId: workspace.id, userId: firstMember.userId, role: firstMember.role ?? 'admin' });
  return workspace;
}
