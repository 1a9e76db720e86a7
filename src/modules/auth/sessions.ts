import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/permissions';
import { generateSecret, hashSecret } from '../../platform/auth/tokens';
import type { Executor } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import { users } from '../users';
import { memberships, workspaceMessages } from '../workspaces';
import { authMessages } from './messages';
import { sessions } from './schema';

export const sessionCookieName = 'accord_session';
export const sessionLifetimeDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
// NOTE: last-seen is refreshed at most once a minute, so reads do not write on every request.
const touchIntervalMs = 60_000;

export type NewSession = { token: string; sessionId: string; csrfToken: string; workspaceId: string; expiresAt: Date };

export type ResolvedSession = {
  sessionId: string;
  csrfToken: string;
  userId: string;
  workspaceId: string;
  role: Role;
};

async function firstMembership(db: Executor, userId: string, preferredWorkspaceId?: string) {
  const rows = await db
    .select({ workspaceId: memberships.workspaceId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  return rows.find((row) => row.workspaceId === preferredWorkspaceId) ?? rows[0];
}

/** Opens a session for a user whose password was checked, in their chosen or first workspace. */
export async function createSession(
  db: Executor,
  input: { userId: string; workspaceId?: string | undefined; ip: string; userAgent: string | undefined; now: Date },
): Promise<NewSession> {
  const membership = await firstMembership(db, input.userId, input.workspaceId);
  if (!membership) throw new AppError('forbidden', message(authMessages.noWorkspace));
  if (input.workspaceId && membership.workspaceId !== input.workspaceId) {
    throw new AppError('forbidden', message(authMessages.notMemberOfWorkspace));
  }
  const token = generateSecret();
  const csrfToken = generateSecret();
  const expiresAt = new Date(input.now.getTime() + sessionLifetimeDays * dayMs);
  const [created] = await db
    .insert(sessions)
    .values({
      tokenHash: hashSecret(token),
      csrfToken,
      userId: input.userId,
      workspaceId: membership.workspaceId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500),
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    })
    .returning({ id: sessions.id });
  if (!created) throw new Error('Session insert returned nothing');
  return { token, sessionId: created.id, csrfToken, workspaceId: membership.workspaceId, expiresAt };
}

/**
 * Finds the live session of a cookie token with the user's role in the session's workspace.
 * A session whose user left that workspace moves to another of theirs, or ends.
 */
export async function resolveSession(db: Executor, token: string, now: Date): Promise<ResolvedSession | undefined> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      userId: sessions.userId,
      workspaceId: sessions.workspaceId,
      lastSeenAt: sessions.lastSeenAt,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.workspaceId, sessions.workspaceId), eq(memberships.userId, sessions.userId)),
    )
    .where(
      and(eq(sessions.tokenHash, hashSecret(token)), gt(sessions.expiresAt, now), sql`${users.disabledAt} is null`),
    );
  if (!row) return undefined;
  let { workspaceId, role } = row;
  if (!workspaceId || !role) {
    const membership = await firstMembership(db, row.userId);
    if (!membership) {
      await db.delete(sessions).where(eq(sessions.id, row.sessionId));
      return undefined;
    }
    ({ workspaceId, role } = membership);
    await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, row.sessionId));
  }
  if (now.getTime() - row.lastSeenAt.getTime() > touchIntervalMs) {
    // NOTE: sliding expiry: an active session keeps living.
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeDays * dayMs) })
      .where(eq(sessions.id, row.sessionId));
  }
  return { sessionId: row.sessionId, csrfToken: row.csrfToken, userId: row.userId, workspaceId, role: role as Role };
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every other session of the user (after a password change) and expired sessions. */
export async function endOtherSessions(db: Executor, userId: string, keepSessionId: string | undefined, now: Date) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined));
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Moves a session to another workspace of the same user. */
export async function switchWorkspace(db: Executor, sessionId: string, userId: string, workspaceId: string) {
  const membership = await firstMembership(db, userId, workspaceId);
  // NOTE: 404 rather than 403: a workspace one does not belong to is not revealed to exist.
  if (!membership || membership.workspaceId !== workspaceId) throw notFound(workspaceMessages.workspace);
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, sessionId));
}
