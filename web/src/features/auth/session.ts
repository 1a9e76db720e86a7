import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../api/client';
import type { Permission, Role } from '../../api/shared';

/** The signed-in user in their current workspace, as /api/v1/me answers. */
export type Me = {
  user: { id: string; email: string; name: string; locale: string };
  workspace: { id: string; name: string; defaultCurrency: string; locale: string; timeZone: string };
  role: Role;
  permissions: Permission[];
  workspaces: { id: string; name: string; role: Role }[];
  csrfToken: string | null;
};

export const meQueryKey = ['me'] as const;

/** Every answer that carries a Me also carries the CSRF token that later writes need. */
export function acceptMe(me: Me): Me {
  rememberCsrfToken(me.csrfToken);
  return me;
}

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async () => acceptMe(await api.get<Me>('/me')),
  staleTime: 5 * 60_000,
  retry: false,
  meta: { silent: true },
});

/** The signed-in user; only used below the authenticated layout, which loads it first. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** Whether the current role may do something; the UI hides what it may not. */
export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}
