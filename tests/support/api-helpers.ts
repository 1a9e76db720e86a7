import { expect } from 'vitest';
import { completeInn } from '../../src/modules/accounts';
import type { ApiClient, Json, TestResponse } from './test-app';

/**
 * Asserts an RFC 9457 problem response: status, content type, the full shape, and (when given)
 * exactly which field paths are named.
 */
export function expectProblem(response: TestResponse, status: number, paths?: string[]) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:accord:problem:/),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      errors: expect.any(Array),
    }),
  );
  for (const error of response.body.errors) {
    expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
    expect(error.message.length).toBeGreaterThan(0);
  }
  if (paths)
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([...paths].sort());
  return response.body as { type: string; title: string; detail: string; errors: { path: string; message: string }[] };
}

/** The message of the problem's error at `path`. */
export function errorAt(response: TestResponse, path: string): string | undefined {
  return response.body.errors?.find((error: { path: string }) => error.path === path)?.message;
}

let innCounter = 0;

/** A valid company INN (10 digits, right check digit), different on each call. */
export function uniqueInn(): string {
  innCounter += 1;
  return completeInn(String(770_000_000 + ((process.pid * 1000 + innCounter) % 9_999_999)).padStart(9, '0'));
}

/** Creates an account and returns it; fails the test unless the API answers 201. */
export async function createAccount(api: ApiClient, input: Record<string, unknown> = {}): Promise<Json> {
  const response = await api.post('/api/v1/accounts', { name: 'Ромашка', ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Creates a contact on an account and returns it; fails the test unless the API answers 201. */
export async function createContact(
  api: ApiClient,
  accountId: string,
  input: Record<string, unknown> = {},
): Promise<Json> {
  const response = await api.post('/api/v1/contacts', { accountId, lastName: 'Иванов', ...input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

export function idsOf(page: { items: { id: string }[] }): string[] {
  return page.items.map((item) => item.id);
}

/** Follows `nextCursor` from the first (or the given) page to the last, returning every item and the page count. */
export async function readAllPages(
  api: ApiClient,
  path: string,
  startCursor: string | null = null,
): Promise<{ items: Json[]; pages: number }> {
  const items: Json[] = [];
  let pages = 0;
  let cursor = startCursor;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response: TestResponse = await api.get(
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages += 1;
    if (pages > 1000) throw new Error(`pagination of ${path} does not end`);
  } while (cursor);
  return { items, pages };
}
