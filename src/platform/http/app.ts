import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors';
import { platformMessages } from '../i18n/platform-messages';
import { message } from '../i18n/text';
import { projectPath } from '../project-path';
import type { AppDependencies, AppEnv } from './context';
import { docsPage, swaggerUiDirectory } from './docs-page';
import { loggableError, problemResponse, toAppError } from './problem';
import { requestContext } from './request-context';
import { streamingBodyLimit } from './streaming-body-limit';

export const maxBodyBytes = 1024 * 1024;

export type HttpAppParts = {
  /** Resolves the actor from a session cookie or a Bearer token (the auth module's). */
  authenticate: MiddlewareHandler<AppEnv>;
  /** Module routers, mounted under `/api/v1`. */
  routers: OpenAPIHono<AppEnv>[];
  /** Checks that the database answers, for `/api/health`. */
  checkDatabase: () => Promise<void>;
  /** Routes that take bodies over 1 MB (bulk uploads): a path pattern and its own limit. */
  largeBodies?: readonly { path: RegExp; maxBytes: number }[];
  /** Directory of the built web app; defaults to `dist/web`. */
  webDirectory?: string;
};

/** Builds the whole HTTP surface: API, OpenAPI document, docs page and the web app. */
export function createHttpApp(deps: AppDependencies, parts: HttpAppParts) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestContext(deps));
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  const tooLarge = (maxBytes: number) => () =>
    new AppError(
      'payload_too_large',
      message(platformMessages.payloadTooLarge, { limit: `${Math.round(maxBytes / (1024 * 1024))} MB` }),
    );
  const standardLimit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw tooLarge(maxBodyBytes)();
    },
  });
  const largeLimits = (parts.largeBodies ?? []).map(({ path, maxBytes }) => ({
    path,
    limit: streamingBodyLimit(maxBytes, tooLarge(maxBytes)),
  }));
  app.use('/api/*', (c, next) => {
    const large = largeLimits.find(({ path }) => path.test(c.req.path));
    return (large?.limit ?? standardLimit)(c, next);
  });
  app.use('/api/v1/*', parts.authenticate);

  app.get('/api/health', async (c) => {
    try {
      await parts.checkDatabase();
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  for (const router of parts.routers) app.route('/api/v1', router);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'accord_session',
    description: 'Browser session; writes also need the X-CSRF-Token header from /api/v1/me',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token created with `accord token create` or in the web app',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Accord API',
      version: '1',
      description:
        'Key account management. Lists are cursor-paginated ({items, nextCursor}); errors are RFC 9457 problem+json in the language of Accept-Language (en, ru); reads return an ETag and writes accept If-Match.',
    },
    servers: [{ url: '/' }],
  });
  app.get('/api/docs', (c) => c.html(docsPage));
  app.use(
    '/api/docs/assets/*',
    serveStatic({
      root: swaggerUiDirectory,
      rewriteRequestPath: (requestPath) => requestPath.replace('/api/docs/assets', ''),
    }),
  );

  const webDirectory = parts.webDirectory ?? projectPath('dist', 'web');
  const indexFile = path.join(webDirectory, 'index.html');
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  if (indexHtml) {
    app.use('/assets/*', serveStatic({ root: webDirectory }));
    app.use('/favicon.svg', serveStatic({ root: webDirectory }));
  }

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      const allowed = methodsAt(app.routes, c.req.path);
      if (allowed.length > 0) {
        const detail = message(platformMessages.methodNotAllowed, {
          method: c.req.method,
          allowed: allowed.join(', '),
        });
        return problemResponse(c, new AppError('method_not_allowed', detail, [], { allow: allowed.join(', ') }));
      }
      return problemResponse(c, new AppError('not_found', message(platformMessages.routeNotFound)));
    }
    if (!indexHtml) {
      return c.text('The web app is not built. Run `npm run build`, then start Accord again.', 503);
    }
    // NOTE: every other path belongs to the single-page app, which routes in the browser.
    return c.html(indexHtml);
  });

  app.onError((error, c) => {
    const appError = toAppError(error, c.get('requestId') ?? '');
    if (appError.code === 'internal') {
      (c.get('logger') ?? deps.logger).error({ err: loggableError(error) }, 'unhandled error');
    }
    return problemResponse(c, appError);
  });

  return app;
}

/**
 * The methods some route answers at this path (a 405 then names them in `Allow`); empty when no
 * route matches it at all. Middleware (`ALL`) does not count.
 */
function methodsAt(routes: readonly { method: string; path: string }[], requestPath: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern = route.path
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    if (new RegExp(`^${pattern}$`).test(requestPath)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
