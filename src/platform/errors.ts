import { platformMessages } from './i18n/platform-messages';
import { type LocalizedText, type Message, message } from './i18n/text';

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rule_violated'
  | 'rate_limited'
  | 'internal';

/** A problem with one input field, named by its path (`emails.0`, `custom.region`). */
export type FieldError = { path: string; message: Message };

/** The one error type of Accord's core; the HTTP edge maps its code to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: Message,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${typeof detail.text.en === 'string' ? detail.text.en : code}`);
    this.name = 'AppError';
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

export function httpStatusOf(code: ErrorCode): 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 422 | 429 | 500 {
  switch (code) {
    case 'validation_failed':
    case 'malformed_request':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'conflict':
      return 409;
    case 'precondition_failed':
      return 412;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rule_violated':
      return 422;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    default:
      return assertNever(code);
  }
}

function phrase(template: LocalizedText[keyof LocalizedText]): string {
  return typeof template === 'function' ? template({}) : template;
}

/** 404 for an id that does not exist in the actor's workspace (or exists only in another). */
export function notFound(entity: LocalizedText): AppError {
  return new AppError(
    'not_found',
    message({
      en: () => `The ${phrase(entity.en)} was not found.`,
      ru: () => `Объект «${phrase(entity.ru)}» не найден.`,
    }),
  );
}

/** 412 for a write whose If-Match names an older version than the stored one. */
export function staleVersion(): AppError {
  return new AppError('precondition_failed', message(platformMessages.stale));
}

/** A 400 naming one field. */
export function invalidField(path: string, text: LocalizedText, params?: Record<string, string | number>): AppError {
  return new AppError('validation_failed', message(platformMessages.validationFailed), [
    { path, message: message(text, params) },
  ]);
}

/** A 422: the input is well-formed but a business rule forbids it; `path` names the field at fault. */
export function ruleViolated(text: LocalizedText, params?: Record<string, string | number>, path?: string): AppError {
  const detail = message(text, params);
  return new AppError('rule_violated', detail, path ? [{ path, message: detail }] : []);
}
