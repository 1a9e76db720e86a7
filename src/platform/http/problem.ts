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

/** Maps anything thrown while handling a request to an AppError; unknown errors become `internal`. */
export function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
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
