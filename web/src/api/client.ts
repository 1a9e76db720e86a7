import i18n from 'i18next';
import { ApiError, problemOf } from './problem';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The row version the change is based on; sent as `If-Match: "<version>"` so a stale write gets 412. */
  ifMatch?: number;
  signal?: AbortSignal;
  /** `blob`: a file to download (an export) rather than JSON. */
  as?: 'json' | 'blob';
  /** A file sent as the raw body (an import upload) instead of JSON. */
  file?: Blob;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const session: { csrfToken: string | null; onUnauthenticated: (() => void) | null } = {
  csrfToken: null,
  onUnauthenticated: null,
};

/** Remembers the session's CSRF token (from login and /me); every write sends it back. */
export function rememberCsrfToken(token: string | null): void {
  session.csrfToken = token;
}

/** Registers what to do when the server says the session is gone (401). */
export function onUnauthenticated(handler: () => void): void {
  session.onUnauthenticated = handler;
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      // NOTE: list filters travel as `a,b,c`, the form the API's query schemas split.
      if (value.length > 0) parameters.set(key, value.join(','));
    } else {
      parameters.set(key, String(value));
    }
  }
  const search = parameters.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/**
 * The one way the web app talks to the API: JSON both ways, the UI language in Accept-Language,
 * the CSRF token on writes, If-Match from a row version; a failure throws an ApiError.
 */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: options.as === 'blob' ? '*/*' : 'application/json',
    'Accept-Language': i18n.language || 'en',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = 'application/octet-stream';
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.file ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: i18n.t('errors.networkTitle'),
      status: 0,
      detail: i18n.t('errors.networkDetail'),
      errors: [],
    });
  }
  if (!response.ok) {
    const problem = await problemOf(response, i18n.t('errors.unexpectedTitle'));
    if (response.status === 401 && path !== '/auth/login') session.onUnauthenticated?.();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  if (options.as === 'blob') return (await response.blob()) as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body' | 'ifMatch'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  delete: (path: string, options?: RequestOptions) => apiRequest<void>('DELETE', path, options),
  /** Sends a file as the raw body of a POST (an import upload). */
  upload: <T>(path: string, file: Blob, options?: Omit<RequestOptions, 'body' | 'file'>) =>
    apiRequest<T>('POST', path, { ...options, file }),
  /** A file from the API (an export), as a Blob. */
  file: (path: string, options?: Omit<RequestOptions, 'body' | 'ifMatch' | 'as'>) =>
    apiRequest<Blob>('GET', path, { ...options, as: 'blob' }),
};

/** A cursor-paginated list, as every list endpoint answers. */
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };
