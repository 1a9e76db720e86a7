import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { secretsEqual } from '../../platform/auth/tokens';
import { AppError } from '../../platform/errors';
import type { AppEnv } from '../../platform/http/context';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import { resolveApiToken } from './api-tokens';
import { authMessages } from './messages';
import { resolveSession, sessionCookieName } from './sessions';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// NOTE: signing in has no session to protect yet; a stale cookie must not block it.
const csrfExemptPaths = new Set(['/api/v1/auth/login']);

/**
 * Finds the actor of a request from its Bearer token or session cookie. Does not reject
 * anonymous requests (routes decide what they need), but does reject a bad token and a
 * cookie-authenticated write without the session's CSRF token.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db, now } = c.get('deps');
    const authorization = c.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) throw new AppError('unauthenticated', message(authMessages.malformedAuthorization));
      const token = await resolveApiToken(db, match[1], now());
      if (!token) throw new AppError('unauthenticated', message(authMessages.invalidToken));
      c.set('actor', { userId: token.userId, workspaceId: token.workspaceId, role: token.role });
      c.set('credential', { kind: 'token', tokenId: token.tokenId });
    } else {
      const cookie = getCookie(c, sessionCookieName);
      const session = cookie ? await resolveSession(db, cookie, now()) : undefined;
      if (session) {
        if (!safeMethods.has(c.req.method) && !csrfExemptPaths.has(c.req.path)) {
          const presented = c.req.header('x-csrf-token');
          if (!presented || !secretsEqual(presented, session.csrfToken)) {
            throw new AppError('forbidden', message(platformMessages.csrfFailed));
          }
        }
        c.set('actor', { userId: session.userId, workspaceId: session.workspaceId, role: session.role });
        c.set('credential', { kind: 'session', sessionId: session.sessionId, csrfToken: session.csrfToken });
      }
    }
    await next();
  };
}
