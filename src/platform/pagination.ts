import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './errors';
import { platformMessages } from './i18n/platform-messages';
import { message } from './i18n/text';

export const defaultPageSize = 50;
export const maxPageSize = 500;

/** `?limit&cursor&q&sort` of a list; `sort` is one of the given keys, `-key` for descending. */
export function listQuerySchema<const K extends string>(sortKeys: readonly [K, ...K[]], defaultSort: `${K}` | `-${K}`) {
  const sortValues = sortKeys.flatMap((key) => [key, `-${key}`]) as [string, ...string[]];
  return z.object({
    limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
    cursor: z.string().max(500).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(sortValues).default(defaultSort) as z.ZodDefault<z.ZodType<`${K}` | `-${K}`>>,
  });
}

export type Page<T> = { items: T[]; nextCursor: string | null };

type CursorPosition = { sort: string; key: string; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): CursorPosition {
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
  const parsed = z.tuple([z.literal(sort), z.string(), z.uuid()]).safeParse(decoded);
  if (!parsed.success) throw invalid();
  const [, key, id] = parsed.data;
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
  const position = options.cursor ? decodeCursor(options.cursor, options.sort) : undefined;
  return {
    after: position
      ? descending
        ? sql`(${expression}, ${options.id}) < (${position.key}, ${position.id})`
        : sql`(${expression}, ${options.id}) > (${position.key}, ${position.id})`
      : undefined,
    orderBy: [sql`${expression} ${direction}`, sql`${options.id} ${direction}`],
    sortKey: sql<string>`(${expression})::text`,
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
