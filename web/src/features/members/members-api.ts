import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Role } from '../../api/shared';

export type Member = { userId: string; email: string; name: string; role: Role; joinedAt: string; version: number };

export type NewMember = { email: string; role: Role; name?: string; password?: string };

export const memberKeys = { all: ['members'] as const };

// NOTE: pickers need every member at hand; a workspace's people fit in one page of the API's maximum.
export const membersQuery = queryOptions({
  queryKey: memberKeys.all,
  queryFn: ({ signal }) => api.get<Page<Member>>('/members', { query: { limit: 500 }, signal }),
  select: (page) => page.items,
  staleTime: 60_000,
});

export function useAddMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: NewMember) => api.post<{ member: Member; temporaryPassword?: string }>('/members', member),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.all }),
    meta: { handlesErrors: true },
  });
}

export function useChangeMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => api.patch<Member>(`/members/${userId}`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reassignTo }: { userId: string; reassignTo?: string }) =>
      api.delete(`/members/${userId}`, { query: { reassignTo } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
    meta: { handlesErrors: true },
  });
}
