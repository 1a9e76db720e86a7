import { and, count, eq, gt, min } from 'drizzle-orm';
import { verifyDecoyPassword, verifyPassword } from '../../platform/auth/password';
import type { Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { message } from '../../platform/i18n/text';
import { findUserByEmail, type User } from '../users';
import { authMessages } from './messages';
import { loginFailures } from './schema';
import { type LoginInput, loginInput } from './schemas';
import { createSession, type NewSession } from './sessions';

export const loginWindowMinutes = 15;
export const maxFailuresPerEmail = 5;
export const maxFailuresPerAddress = 50;

async function assertNotRateLimited(db: Executor, email: string, ip: string, now: Date) {
  const windowStart = new Date(now.getTime() - loginWindowMinutes * 60_000);
  const limits = [
    { column: loginFailures.email, value: email, max: maxFailuresPerEmail },
    { column: loginFailures.ip, value: ip, max: maxFailuresPerAddress },
  ];
  for (const limit of limits) {
    const [row] = await db
      .select({ failures: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(limit.column, limit.value), gt(loginFailures.at, windowStart)));
    if (row && row.failures >= limit.max && row.oldest) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((row.oldest.getTime() + loginWindowMinutes * 60_000 - now.getTime()) / 1000),
      );
      throw new AppError(
        'rate_limited',
        message(authMessages.tooManyAttempts, { minutes: Math.ceil(retryAfterSeconds / 60) }),
        [],
        { 'retry-after': String(retryAfterSeconds) },
      );
    }
  }
}

/**
 * Checks an e-mail and password and opens a session in the requested (or first) workspace.
 * Repeated failures per e-mail or per address are answered with 429 for a while.
 */
export async function login(
  db: Executor,
  rawInput: LoginInput,
  request: { ip: string; userAgent: string | undefined; now: Date },
): Promise<NewSession & { user: User }> {
  const input = loginInput.parse(rawInput);
  await assertNotRateLimited(db, input.email, request.ip, request.now);
  const user = await findUserByEmail(db, input.email);
  const active = user && !user.disabledAt ? user : undefined;
  if (!active) await verifyDecoyPassword(input.password);
  const valid = active ? await verifyPassword(active.passwordHash, input.password) : false;
  if (!user || !valid) {
    await db.insert(loginFailures).values({ email: input.email, ip: request.ip, at: request.now });
    throw new AppError('unauthenticated', message(authMessages.invalidCredentials));
  }
  await db.delete(loginFailures).where(eq(loginFailures.email, input.email));
  const session = await createSession(db, { userId: user.id, workspaceId: input.workspaceId, ...request });
  return { ...session, user };
}
