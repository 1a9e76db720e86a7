import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { permissions, roles } from '../../platform/auth/permissions';
import { asSystem } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import type { AppEnv } from '../../platform/http/context';
import { IdParams, json, problem } from '../../platform/http/openapi-schemas';
import { actorOf, apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { message } from '../../platform/i18n/text';
import { updateProfile, updateProfileInput } from '../users';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { changePassword } from './change-password';
import { login } from './login';
import { getMe } from './me';
import { authMessages } from './messages';
import { changePasswordInput, createApiTokenInput, loginInput, switchWorkspaceInput } from './schemas';
import { endSession, sessionCookieName, sessionLifetimeDays, switchWorkspace } from './sessions';

const MeSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.string() }),
    workspace: z.object({
      id: z.uuid(),
      name: z.string(),
      defaultCurrency: z.string(),
      locale: z.string(),
      timeZone: z.string(),
    }),
    role: z.enum(roles),
    permissions: z.array(z.enum(permissions)),
    workspaces: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles) })),
    csrfToken: z.string().nullable().openapi({ description: 'Send as X-CSRF-Token on cookie-authenticated writes' }),
  })
  .meta({ id: 'Me' });

const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    tokenPrefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function csrfTokenOf(c: Context<AppEnv>): string | null {
  const credential = c.get('credential');
  return credential?.kind === 'session' ? credential.csrfToken : null;
}

function sessionIdOf(c: Context<AppEnv>): string | undefined {
  const credential = c.get('credential');
  return credential?.kind === 'session' ? credential.sessionId : undefined;
}

export function authRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags: ['Auth'],
      summary: 'Sign in with e-mail and password (sets the session cookie)',
      request: { body: { required: true, ...json(loginInput.meta({ id: 'Login' })) } },
      responses: { 200: { description: 'Signed in', ...json(MeSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { db, now, config } = c.get('deps');
      // NOTE: no wrapping transaction, so a failed attempt stays recorded for rate limiting.
      const session = await login(db, input, {
        ip: clientAddress(c),
        userAgent: c.req.header('user-agent'),
        now: now(),
      });
      setCookie(c, sessionCookieName, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: sessionLifetimeDays * 24 * 60 * 60,
      });
      const scope = { userId: session.user.id, workspaceId: session.workspaceId };
      const me = await asSystem(db, scope, (tx) => getMe(tx, scope, session.csrfToken));
      return c.json(me, 200);
    },
  );

  router.openapi(
    apiRoute('signed-in', {
      method: 'post',
      path: '/auth/logout',
      tags: ['Auth'],
      summary: 'Sign out (ends this session)',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const sessionId = sessionIdOf(c);
      if (sessionId) await endSession(c.get('deps').db, sessionId);
      deleteCookie(c, sessionCookieName, { path: '/' });
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('signed-in', {
      method: 'get',
      path: '/me',
      tags: ['Auth'],
      summary: 'The signed-in user, their workspace, role and permissions',
      responses: { 200: { description: 'Me', ...json(MeSchema) } },
    }),
    async (c) => {
      const actor = actorOf(c);
      const me = await asSystem(c.get('deps').db, actor, (tx) => getMe(tx, actor, csrfTokenOf(c)));
      return c.json(me, 200);
    },
  );

  router.openapi(
    apiRoute('signed-in', {
      method: 'patch',
      path: '/me',
      tags: ['Auth'],
      summary: 'Change your name or language',
      request: { body: { required: true, ...json(updateProfileInput.meta({ id: 'ProfilePatch' })) } },
      responses: { 200: { description: 'Updated', ...json(MeSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const actor = actorOf(c);
      const { db, now } = c.get('deps');
      const me = await asSystem(db, { ...actor, requestId: c.get('requestId') }, async (tx) => {
        await updateProfile(tx, actor.userId, input, now());
        return getMe(tx, actor, csrfTokenOf(c));
      });
      return c.json(me, 200);
    },
  );

  router.openapi(
    apiRoute('signed-in', {
      method: 'post',
      path: '/me/password',
      tags: ['Auth'],
      summary: 'Change your password (signs out your other sessions)',
      request: { body: { required: true, ...json(changePasswordInput.meta({ id: 'PasswordChange' })) } },
      responses: { 204: { description: 'Changed' } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const actor = actorOf(c);
      const { db, now } = c.get('deps');
      await asSystem(db, { ...actor, requestId: c.get('requestId') }, (tx) =>
        changePassword(tx, { userId: actor.userId, sessionId: sessionIdOf(c) }, input, now()),
      );
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('signed-in', {
      method: 'post',
      path: '/me/workspace',
      tags: ['Auth'],
      summary: 'Switch this session to another of your workspaces',
      request: { body: { required: true, ...json(switchWorkspaceInput.meta({ id: 'WorkspaceSwitch' })) } },
      responses: {
        200: { description: 'Switched', ...json(MeSchema) },
        404: problem('Not one of your workspaces'),
        422: problem('API tokens are bound to one workspace'),
      },
    }),
    async (c) => {
      const { workspaceId } = c.req.valid('json');
      const actor = actorOf(c);
      const sessionId = sessionIdOf(c);
      if (!sessionId) throw new AppError('rule_violated', message(authMessages.tokenBoundToWorkspace));
      const me = await asSystem(c.get('deps').db, actor, async (tx) => {
        await switchWorkspace(tx, sessionId, actor.userId, workspaceId);
        return getMe(tx, { userId: actor.userId, workspaceId }, csrfTokenOf(c));
      });
      return c.json(me, 200);
    },
  );

  router.openapi(
    apiRoute('api-tokens:own', {
      method: 'get',
      path: '/api-tokens',
      tags: ['Auth'],
      summary: 'Your API tokens in this workspace',
      responses: {
        200: { description: 'Tokens', ...json(z.object({ items: z.array(ApiTokenSchema), nextCursor: z.null() })) },
      },
    }),
    async (c) => {
      const items = await runInWorkspace(c, listApiTokens);
      return c.json({ items: serialize(items), nextCursor: null }, 200);
    },
  );

  router.openapi(
    apiRoute('api-tokens:own', {
      method: 'post',
      path: '/api-tokens',
      tags: ['Auth'],
      summary: 'Create an API token (the secret is shown once)',
      request: { body: { required: true, ...json(createApiTokenInput.meta({ id: 'ApiTokenCreate' })) } },
      responses: {
        201: { description: 'Created', ...json(z.object({ token: z.string(), apiToken: ApiTokenSchema })) },
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const created = await runInWorkspace(c, (ctx) => createApiToken(ctx, input));
      return c.json(serialize(created), 201);
    },
  );

  router.openapi(
    apiRoute('api-tokens:own', {
      method: 'delete',
      path: '/api-tokens/{id}',
      tags: ['Auth'],
      summary: 'Revoke one of your API tokens',
      request: { params: IdParams },
      responses: { 204: { description: 'Revoked' }, 404: problem('No such live token of yours') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => revokeApiToken(ctx, id));
      return c.body(null, 204);
    },
  );

  return router;
}
