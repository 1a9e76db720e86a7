import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { type Actor, can, type Permission } from '../auth/permissions';
import { AppError } from '../errors';
import { platformMessages, validationMessages } from '../i18n/platform-messages';
import { message } from '../i18n/text';
import { fieldErrorsFromIssues } from '../validation';
import type { AppEnv } from './context';
import { problemContent } from './openapi-schemas';

/** Who may call a route: anyone, any signed-in member, or members whose role has a permission. */
export type Access = 'public' | 'signed-in' | Permission;

function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated', message(platformMessages.unauthenticated));
      if (access !== 'signed-in' && !can(actor.role, access)) {
        throw new AppError('forbidden', message(platformMessages.forbidden, { role: actor.role }));
      }
    }
    await next();
  };
}

/** The signed-in actor of a route declared with an access other than `public`. */
export function actorOf(c: { get(key: 'actor'): Actor | undefined }): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated', message(platformMessages.unauthenticated));
  return actor;
}

// NOTE: either credential will do (OpenAPI: alternatives are separate requirement objects).
const signedInSecurity: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

const standardProblems = {
  400: { description: 'Invalid input', content: problemContent },
  401: { description: 'Not signed in', content: problemContent },
  403: { description: 'Not allowed for this role', content: problemContent },
  429: { description: 'Too many requests', content: problemContent },
};

/**
 * Declares an API route: its OpenAPI description, the access it needs (checked before the input
 * is even parsed) and the standard problem responses.
 */
export function apiRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(access: Access, route: R) {
  return createRoute({
    ...route,
    responses: { ...standardProblems, ...route.responses },
    middleware: [authorize(access)] as const,
    security: access === 'public' ? [] : signedInSecurity,
    'x-accord-access': access,
  });
}

type PathLink = { key: string | number; parent: PathLink | undefined } | undefined;

function pathText(link: PathLink): string {
  const keys: (string | number)[] = [];
  for (let current = link; current; current = current.parent) keys.push(current.key);
  return keys.reverse().join('.');
}

/**
 * Paths of the strings (values or object keys) holding U+0000, which PostgreSQL text cannot store.
 * NOTE: a loop, not recursion: a body may nest arrays 100 000 deep within the size limit. Only
 * objects and arrays are queued (a string is checked where it is met): a 100,000-point upload
 * walked every number and string as a queued entry in ~0.3 s.
 */
function pathsWithNul(root: unknown): string[] {
  const found: string[] = [];
  if (typeof root === 'string') return root.includes('\u0000') ? [''] : found;
  if (root === null || typeof root !== 'object') return found;
  const pending: { value: object; path: PathLink }[] = [{ value: root, path: undefined }];
  const visit = (key: string | number, item: unknown, path: PathLink) => {
    if (typeof item === 'string') {
      if (item.includes('\u0000')) found.push(pathText({ key, parent: path }));
    } else if (item !== null && typeof item === 'object') pending.push({ value: item, path: { key, parent: path } });
  };
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index += 1) visit(index, value[index], path);
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (key.includes('\u0000')) found.push(pathText({ key, parent: path }));
      else visit(key, (value as Record<string, unknown>)[key], path);
    }
  }
  return found;
}

/** A router for one module's routes, with Accord's validation-error handling. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (result.success) {
        const nulPaths = pathsWithNul(result.data);
        if (nulPaths.length === 0) return;
        throw new AppError(
          'validation_failed',
          message(platformMessages.validationFailed),
          nulPaths.map((path) => ({ path, message: message(validationMessages.nulCharacter) })),
        );
      }
      const input =
        result.target === 'json'
          ? await c.req.json().catch(() => undefined)
          : result.target === 'query'
            ? c.req.query()
            : result.target === 'param'
              ? c.req.param()
              : undefined;
      throw new AppError(
        'validation_failed',
        message(platformMessages.validationFailed),
        fieldErrorsFromIssues(result.error.issues, input),
      );
    },
  });
}
