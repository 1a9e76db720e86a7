import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, httpStatusOf } from '../errors';
import { defaultLocale, type Locale } from '../i18n/locale';
import { platformMessages, problemTitles } from '../i18n/platform-messages';
import { message, translate } from '../i18n/text';
import type { AppEnv } from './context';

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: { path: string; message: string }[];
  requestId?: string;
};

/** What of an unexpected error may be logged: Drizzle's message would carry the query parameters. */
export function loggableError(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof Error ? cause : error;
}

/** Renders an AppError as RFC 9457 problem+json in the request's language. */
export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const locale: Locale = c.get('locale') ?? defaultLocale;
  const status = httpStatusOf(error.code);
  const body: ProblemBody = {
    type: `urn:accord:problem:${error.code}`,
    title: translate(locale, message(problemTitles[error.code])),
    status,
    detail: translate(locale, error.detail),
    errors: error.fieldErrors.map((fieldError) => ({
      path: fieldError.path,
      message: translate(locale, fieldError.message),
    })),
    requestId: c.get('requestId'),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'content-language': locale, ...error.headers },
  });
}

/** The SQLSTATE of a PostgreSQL error, whether thrown by pg or wrapped by Drizzle. */
function sqlState(error: unknown): string | undefined {
  const candidate = (error as { cause?: { code?: unknown }; code?: unknown } | null) ?? undefined;
  const code = candidate?.cause?.code ?? candidate?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Maps anything thrown while handling a request to an AppError. Constraint violations that slip
 * past the use cases' own checks (a race between two requests) are still the client's 409/422,
 * never a 500; anything else unknown is `internal`.
 */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  switch (sqlState(error)) {
    case '23505':
      return new AppError('conflict', message(platformMessages.duplicate));
    case '23503':
    case '23514':
      return new AppError('rule_violated', message(platformMessages.referenceViolated));
    case '40001':
    case '40P01':
      return new AppError('conflict', message(platformMessages.concurrentChange));
    default:
      break;
  }
  if (error instanceof HTTPException) {
    switch (error.status) {
      case 400:
        return new AppError('malformed_request', message(platformMessages.malformedJson));
      case 413:
        return new AppError('payload_too_large', message(platformMessages.payloadTooLarge, { limit: '1 MB' }));
      case 415:
        return new AppError(
          'unsupported_media_type',
          message(platformMessages.unsupportedMediaType, { expected: 'application/json' }),
        );
      default:
        break;
    }
  }
  return new AppError('internal', message(platformMessages.internal, { requestId }));
}
