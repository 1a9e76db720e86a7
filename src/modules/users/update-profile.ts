import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { User } from './create-user';
import { users } from './schema';
import { type UpdateProfileInput, updateProfileInput } from './schemas';

/** Changes a user's own name or language. Runs as the owner role: the app role cannot write users. */
export async function updateProfile(
  db: Executor,
  userId: string,
  rawInput: UpdateProfileInput,
  now: Date,
): Promise<User> {
  const input = updateProfileInput.parse(rawInput);
  const [updated] = await db
    .update(users)
    .set({ ...input, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
    .returning();
  if (!updated) throw new Error(`User ${userId} vanished while updating the profile`);
  return updated;
}
