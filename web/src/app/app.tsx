import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import i18n from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { onUnauthenticated } from '../api/client';
import { meQuery } from '../features/auth/session';
import { queryClient } from './query-client';
import { createAppRouter } from './router';
import { createAppTheme } from './theme';

const router = createAppRouter(queryClient);

// NOTE: a 401 while signed in means the session ended (expired, signed out elsewhere, password
// changed): forget everything cached and return to the sign-in page, then come back here.
let leaving = false;
onUnauthenticated(() => {
  // NOTE: several requests may fail with 401 at once; one notice and one redirect are enough.
  if (leaving || !queryClient.getQueryData(meQuery.queryKey)) return;
  leaving = true;
  notifications.show({ color: 'yellow', message: i18n.t('auth.sessionEnded') });
  void router
    .navigate({ to: '/login', search: { redirect: router.state.location.href } })
    .then(() => queryClient.clear())
    .finally(() => {
      leaving = false;
    });
});

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <RouterProvider router={router} />
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
