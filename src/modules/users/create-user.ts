import { sql } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password';
import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import { userMessages } from './messages';
import { users } from './schema';
import { type CreateUserInput, createUserInput } from './schemas';

export type User = typeof users.$inferSelect;
export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'locale'>;

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
}

/** Creates a user (outside any workspace: the CLI, bootstrap and member invitations call it). */
export async function createUser(db: Executor, rawInput: CreateUserInput): Promise<User> {
  const input = createUserInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, locale: input.locale, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    throw new AppError('conflict', message(userMessages.emailTaken), [
      { path: 'email', message: message(userMessages.emailTaken) },
    ]);
  }
  return created;
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [found] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return found;
}
