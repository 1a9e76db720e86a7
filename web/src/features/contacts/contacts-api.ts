import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { MessengerKind } from '../../api/shared';

type ContactFields = {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  patronymic: string | null;
  fullName: string;
  title: string | null;
  department: string | null;
  emails: string[];
  phones: string[];
  messengers: { kind: MessengerKind; handle: string }[];
  reportsToId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  account: { id: string; name: string };
};

export type ContactListItem = ContactFields;

export type Contact = ContactFields & {
  notes: string | null;
  custom: Record<string, unknown>;
  reportsTo: { id: string; fullName: string } | null;
  directReports: { id: string; fullName: string; title: string | null }[];
};

export type ContactListFilters = { accountId?: string; q?: string };

export const contactKeys = {
  all: ['contacts'] as const,
  list: (filters: ContactListFilters) => [...contactKeys.all, 'list', filters] as const,
  everyOf: (accountId: string) => [...contactKeys.all, 'every', accountId] as const,
  countOf: (accountId: string) => [...contactKeys.all, 'count', accountId] as const,
  detail: (id: string) => [...contactKeys.all, 'detail', id] as const,
};

export function contactListQuery(filters: ContactListFilters) {
  return infiniteQueryOptions({
    queryKey: contactKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ContactListItem>>('/contacts', {
        query: { accountId: filters.accountId, q: filters.q, cursor: pageParam, limit: 100 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The contacts of one account, for choosing whom someone reports to. */
export function accountContactsQuery(accountId: string) {
  return queryOptions({
    queryKey: contactKeys.everyOf(accountId),
    queryFn: ({ signal }) => api.get<Page<ContactListItem>>('/contacts', { query: { accountId, limit: 500 }, signal }),
    select: (page) => page.items,
  });
}

/** How many contacts an account has (the server counts; nothing but the total is fetched). */
export function accountContactCountQuery(accountId: string) {
  return queryOptions({
    queryKey: contactKeys.countOf(accountId),
    queryFn: ({ signal }) =>
      api.get<Page<ContactListItem>>('/contacts', { query: { accountId, limit: 1, total: 'true' }, signal }),
    select: (page) => page.total ?? page.items.length,
  });
}

export function contactQuery(id: string) {
  return queryOptions({
    queryKey: contactKeys.detail(id),
    queryFn: ({ signal }) => api.get<Contact>(`/contacts/${id}`, { signal }),
    meta: { silent: true },
  });
}

/** Creates a contact, or saves a change to the version the form was opened with (412 if stale). */
export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, change }: { id?: string; version?: number; change: Record<string, unknown> }) =>
      id ? api.patch<Contact>(`/contacts/${id}`, change, { ifMatch: version }) : api.post<Contact>('/contacts', change),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
    meta: { handlesErrors: true },
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: Pick<Contact, 'id' | 'version'>) =>
      api.delete(`/contacts/${contact.id}`, { ifMatch: contact.version }),
    // NOTE: as with accounts, the deleted contact's own query is not refetched under the open drawer.
    onSuccess: (_result, contact) => {
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === contactKeys.all[0] && query.queryKey[2] !== contact.id,
      });
    },
  });
}
