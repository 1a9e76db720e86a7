import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';
import { notifyError } from '../shared/notify';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the page shows this query's failure itself; no toast. */
    queryMeta: { silent?: boolean };
    /** `handlesErrors`: the form or dialog shows this mutation's failure itself; no toast. */
    mutationMeta: { handlesErrors?: boolean };
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!query.meta?.silent) notifyError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (!mutation.meta?.handlesErrors) notifyError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // NOTE: a 4xx will not change on retry; only network failures and 5xx are worth another try.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});
