import { z } from 'zod';

// NOTE: pure zod, no database: list query schemas are shared with the web app (decision 0004).

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

/** `?total=true` asks a list for the number of all matching rows along with the first page. */
export const totalFlag = z
  .enum(['true', 'false'])
  .or(z.boolean())
  .optional()
  .transform((value) => value === true || value === 'true');

/** A filter given as `a,b,c` in a query string, or already as a list (parsing it twice is harmless). */
export function commaList<T extends z.ZodType>(item: T) {
  return z
    .preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
          : value,
      z.array(item).max(50),
    )
    .optional();
}

/** A page of a list; `total` only when the request asked for it. */
export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };
