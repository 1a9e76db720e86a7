import type { Context } from 'hono';

/** The ETag of a record: its row version. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write expects, from If-Match: undefined when absent or `*`; -1 when the header
 * names no version of ours (versions start at 1, so the write answers 412).
 */
export function expectedVersion(c: Context): number | undefined {
  const header = c.req.header('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header);
  const version = match ? Number(match[1]) : -1;
  return Number.isSafeInteger(version) && version <= 2_147_483_647 ? version : -1;
}
