import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { AccountStatus, TeamRole } from '../../api/shared';
import type { AccountFilters } from './accounts-search';

type AccountFields = {
  id: string;
  name: string;
  legalName: string | null;
  taxId: string | null;
  website: string | null;
  domain: string | null;
  industry: string | null;
  segment: string | null;
  status: AccountStatus;
  ownerId: string;
  parentId: string | null;
  currency: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type AccountListItem = AccountFields & { owner: { id: string; name: string } };

export type Account = AccountFields & {
  custom: Record<string, unknown>;
  notes: string | null;
  owner: { id: string; name: string; email: string };
  parent: { id: string; name: string } | null;
  children: { id: string; name: string; status: AccountStatus }[];
  childCount: number;
  team: { userId: string; name: string; role: TeamRole }[];
};

export type AccountFacets = {
  total: number;
  statuses: { value: AccountStatus; count: number }[];
  industries: { value: string; count: number }[];
  owners: { id: string; name: string; count: number }[];
};

/** What the account form sends; the server parses it with the same schema the form checked. */
export type AccountChange = Record<string, unknown>;

export const accountKeys = {
  all: ['accounts'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (filters: AccountFilters) => [...accountKeys.lists(), filters] as const,
  search: (q: string) => [...accountKeys.all, 'search', q] as const,
  facets: (filters: FacetFilters) => [...accountKeys.all, 'facets', filters] as const,
  detail: (id: string) => [...accountKeys.all, 'detail', id] as const,
};

const pageSize = 100;

export function accountListQuery(filters: AccountFilters) {
  return infiniteQueryOptions({
    queryKey: accountKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AccountListItem>>('/accounts', {
        query: {
          q: filters.q,
          sort: filters.sort,
          status: filters.status,
          ownerId: filters.owner,
          industry: filters.industry,
          cursor: pageParam,
          limit: pageSize,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A few accounts whose name matches, for pickers such as the parent account. */
export function accountSearchQuery(q: string) {
  return queryOptions({
    queryKey: accountKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<AccountListItem>>('/accounts', { query: { q, limit: 20 }, signal }),
    staleTime: 10_000,
  });
}

type FacetFilters = Pick<AccountFilters, 'q' | 'status' | 'owner' | 'industry'>;

/**
 * The filtered total and the counts behind each filter's choices (each facet applies the other
 * filters, so its counts say what picking a value would give). No filters: the whole workspace.
 */
export function accountFacetsQuery({ q, status, owner, industry }: FacetFilters = {}) {
  const filters = { q, status, owner, industry };
  return queryOptions({
    queryKey: accountKeys.facets(filters),
    queryFn: ({ signal }) =>
      api.get<AccountFacets>('/accounts/facets', { query: { q, status, ownerId: owner, industry }, signal }),
  });
}

export function accountQuery(id: string) {
  return queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => api.get<Account>(`/accounts/${id}`, { signal }),
    meta: { silent: true },
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AccountChange) => api.post<Account>('/accounts', change),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.detail(account.id), account);
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
    meta: { handlesErrors: true },
  });
}

/** Saves a change made to the version the form was opened with; a newer stored version answers 412. */
export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, version }: { change: AccountChange; version: number }) =>
      api.patch<Account>(`/accounts/${id}`, change, { ifMatch: version }),
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.detail(id), account);
      void queryClient.invalidateQueries({ queryKey: accountKeys.all });
    },
    meta: { handlesErrors: true },
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: Pick<Account, 'id' | 'version'>) =>
      api.delete(`/accounts/${account.id}`, { ifMatch: account.version }),
    // NOTE: the deleted account's own query is left alone: refetching it under the open page
    // would flash "not found" before the caller navigates away.
    onSuccess: (_result, account) => {
      void queryClient.invalidateQueries({
        predicate: (query) =>
          (query.queryKey[0] === accountKeys.all[0] && query.queryKey[2] !== account.id) ||
          query.queryKey[0] === 'contacts',
      });
    },
  });
}
