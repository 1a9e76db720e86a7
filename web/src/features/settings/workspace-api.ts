import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { meQueryKey } from '../auth/session';

export type Workspace = {
  id: string;
  name: string;
  defaultCurrency: string;
  locale: string;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type WorkspaceSettings = Pick<Workspace, 'name' | 'defaultCurrency' | 'locale' | 'timeZone'>;

export const workspaceQuery = queryOptions({
  queryKey: ['workspace'] as const,
  queryFn: ({ signal }) => api.get<Workspace>('/workspace', { signal }),
});

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, version }: { settings: WorkspaceSettings; version: number }) =>
      api.patch<Workspace>('/workspace', settings, { ifMatch: version }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceQuery.queryKey, workspace);
      // NOTE: the header shows the workspace's name and dates use its time zone, both from /me.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
    meta: { handlesErrors: true },
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: WorkspaceSettings) => api.post<Workspace>('/workspaces', settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
    meta: { handlesErrors: true },
  });
}
