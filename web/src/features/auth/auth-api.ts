import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Locale } from '../../api/shared';
import { acceptMe, type Me, meQueryKey } from './session';

export type Credentials = { email: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => acceptMe(await api.post<Me>('/auth/login', credentials)),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
    meta: { handlesErrors: true },
  });
}

/** Ends the session; the caller leaves the signed-in pages, then forgets what was cached. */
export function useLogout() {
  return useMutation({ mutationFn: () => api.post<void>('/auth/logout') });
}

/** Moves the session to another workspace; everything else cached belonged to the old one. */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (workspaceId: string) => acceptMe(await api.post<Me>('/me/workspace', { workspaceId })),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

export type ProfileChange = { name?: string; locale?: Locale };

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ProfileChange) => acceptMe(await api.patch<Me>('/me', change)),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
