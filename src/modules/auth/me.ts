import { asc, eq } from 'drizzle-orm';
import { type Permission, permissionsOf, type Role } from '../../platform/auth/permissions';
import type { Executor } from '../../platform/db/client';
import { type PublicUser, toPublicUser, users } from '../users';
import { memberships, workspaces } from '../workspaces';

export type Me = {
  user: PublicUser;
  workspace: { id: string; name: string; defaultCurrency: string; locale: string; timeZone: string };
  role: Role;
  permissions: Permission[];
  workspaces: { id: string; name: string; role: Role }[];
  csrfToken: string | null;
};

/** Who the actor is, where, with what rights, and which other workspaces they can switch to. */
export async function getMe(
  db: Executor,
  actor: { userId: string; workspaceId: string },
  csrfToken: string | null,
): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  const all = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      defaultCurrency: workspaces.defaultCurrency,
      locale: workspaces.locale,
      timeZone: workspaces.timeZone,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(workspaces.name));
  const current = all.find((workspace) => workspace.id === actor.workspaceId);
  if (!user || !current) throw new Error('The actor of an authenticated request has no user or workspace');
  const { role, ...workspace } = current;
  return {
    user: toPublicUser(user),
    workspace,
    role: role as Role,
    permissions: permissionsOf(role as Role),
    workspaces: all.map(({ id, name, role }) => ({ id, name, role: role as Role })),
    csrfToken,
  };
}
