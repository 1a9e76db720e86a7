import { z } from 'zod';
import { accountStatuses } from '../../api/shared';

export const accountSorts = [
  'name',
  '-name',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'status',
  '-status',
] as const;
export type AccountSort = (typeof accountSorts)[number];

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional().catch(undefined);

const accountsSearchSchema = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(accountSorts).optional().catch(undefined),
  status: list(z.enum(accountStatuses)),
  owner: list(z.string()),
  industry: list(z.string()),
});

/** The list's search, sort and filters: kept in the URL so a view can be shared and survives reload. */
export type AccountFilters = z.infer<typeof accountsSearchSchema>;

export function parseAccountsSearch(search: Record<string, unknown>): AccountFilters {
  return accountsSearchSchema.parse(search);
}

export function hasFilters(filters: AccountFilters): boolean {
  return Boolean(filters.q || filters.status || filters.owner || filters.industry);
}
