import type { MiddlewareHandler } from 'hono';
import { newId } from '../db/columns';
import { negotiateLocale } from '../i18n/locale';
import type { AppDependencies, AppEnv } from './context';

const acceptableRequestId = /^[\w.-]{1,64}$/;

/** Gives each request an id, a language and a logger, and logs one line when it ends. */
export function requestContext(deps: AppDependencies): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : newId();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.set('actor', undefined);
    c.set('credential', undefined);
    await next();
    // NOTE: on the response's own headers: `c.header()` after the body is set turns the body into
    // a stream and copies it — 15–20 ms for a 2.5 MB portfolio on every request.
    c.res.headers.set('x-request-id', requestId);
    if (c.req.path.startsWith('/api/')) {
      logger.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          userId: c.get('actor')?.userId,
        },
        'request',
      );
    }
  };
}
