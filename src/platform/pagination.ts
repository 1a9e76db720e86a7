import { type AnyColumn, is, type SQL, sql } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { AppError } from './errors';
import { platformMessages } from './i18n/platform-messages';
import { message } from './i18n/text';
import type { Page } from './list-query';

export type { Page } from './list-query';

type CursorPosition = { sort: string; key: string; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString('base64url');
}

// NOTE: time keys travel as UTC ISO-8601 with microseconds, whatever the session's time zone.
const timeKeyFormat = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** True for a time key as `keyset` writes it, naming a real instant (no 31 February). */
function isTimeKey(key: string): boolean {
  if (!timeKeyFormat.test(key)) return false;
  const milliseconds = `${key.slice(0, 23)}Z`;
  const date = new Date(milliseconds);
  return !Number.isNaN(date.getTime()) && date.toISOString() === milliseconds;
}

/**
 * Reads a cursor back, accepting only what `encodeCursor` wrote for this sort: a forged or stale
 * cursor is a 400 on `cursor`, never a database error.
 */
export function decodeCursor(cursor: string, sort: string, keyKind: 'text' | 'time' = 'text'): CursorPosition {
  const invalid = () =>
    new AppError('validation_failed', message(platformMessages.invalidCursor), [
      { path: 'cursor', message: message(platformMessages.invalidCursor) },
    ]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = z.tuple([z.literal(sort), z.string().max(1000), z.uuid()]).safeParse(decoded);
  if (!parsed.success) throw invalid();
  const [, key, id] = parsed.data;
  if (key.includes('\u0000') || (keyKind === 'time' && !isTimeKey(key))) throw invalid();
  return { sort, key, id };
}

/** One sortable key of a list: the SQL expression it orders by (never NULL: coalesce it). */
export type SortExpression = SQL | AnyColumn;

/**
 * Keyset pagination over `(expression, id)`: the condition after the cursor, the ORDER BY, and
 * the text form of the sort key to select (exact, so timestamps keep their microseconds).
 */
export function keyset(options: {
  sort: string;
  expressions: Record<string, SortExpression>;
  id: AnyColumn;
  cursor?: string | undefined;
}) {
  const descending = options.sort.startsWith('-');
  const key = descending ? options.sort.slice(1) : options.sort;
  const expression = options.expressions[key];
  if (!expression) throw new Error(`Unknown sort key ${key}`);
  const direction = descending ? sql`desc` : sql`asc`;
  const keyKind = is(expression, PgTimestamp) ? 'time' : 'text';
  const position = options.cursor ? decodeCursor(options.cursor, options.sort, keyKind) : undefined;
  const cursorKey = position && (keyKind === 'time' ? sql`${position.key}::timestamptz` : sql`${position.key}`);
  return {
    after: position
      ? descending
        ? sql`(${expression}, ${options.id}) < (${cursorKey}, ${position.id})`
        : sql`(${expression}, ${options.id}) > (${cursorKey}, ${position.id})`
      : undefined,
    orderBy: [sql`${expression} ${direction}`, sql`${options.id} ${direction}`],
    sortKey:
      keyKind === 'time'
        ? sql<string>`to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
        : sql<string>`(${expression})::text`,
  };
}

/** Cuts the `limit + 1` rows a keyset query fetched into a page and the cursor of the next one. */
export function toPage<Row extends { id: string; sortKey: string }, Item>(
  rows: Row[],
  limit: number,
  sort: string,
  toItem: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last ? encodeCursor({ sort, key: last.sortKey, id: last.id }) : null,
  };
}

/**
 * Every page of a keyset list, one after another, up to `atMost` items (exports read a list
 * through its own use case so that its visibility rules apply).
 */
export async function readAllPages<T>(
  read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  atMost: number,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < atMost);
  return items.slice(0, atMost);
}
