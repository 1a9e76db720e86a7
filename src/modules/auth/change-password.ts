import { eq, sql } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../../platform/auth/password';
import type { Executor } from '../../platform/db/client';
import { invalidField } from '../../platform/errors';
import { users } from '../users';
import { authMessages } from './messages';
import { type ChangePasswordInput, changePasswordInput } from './schemas';
import { endOtherSessions } from './sessions';

/**
 * Changes the user's password after checking the current one, and signs out their other
 * sessions. Runs as the owner role: the app role cannot read password hashes.
 */
export async function changePassword(
  db: Executor,
  actor: { userId: string; sessionId: string | undefined },
  rawInput: ChangePasswordInput,
  now: Date,
): Promise<void> {
  const input = changePasswordInput.parse(rawInput);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', authMessages.wrongCurrentPassword);
  }
  if (input.currentPassword === input.newPassword) throw invalidField('newPassword', authMessages.samePassword);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, actor.userId));
  await endOtherSessions(db, actor.userId, actor.sessionId, now);
}
