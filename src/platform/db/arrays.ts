import { type SQL, sql } from 'drizzle-orm';

/**
 * Ids as one `uuid[]` parameter, for `= any(…)` and `unnest(…)`: one bound value however many
 * ids there are, where a list of parameters would hit the protocol's limit of 65,535.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
