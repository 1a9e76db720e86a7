import { Button, Center, EmptyState, Loader } from '@mantine/core';
import { IconAlertTriangle, IconMapQuestion } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh">
      <EmptyState icon={<IconMapQuestion />} title={t('status.notFoundTitle')} description={t('status.notFoundText')}>
        <Button component={Link} to="/accounts">
          {t('status.toAccounts')}
        </Button>
      </EmptyState>
    </Center>
  );
}

export function RouteErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const router = useRouter();
  const description = isApiError(error) ? `${error.problem.title}. ${error.problem.detail}` : t('status.errorText');
  return (
    <Center mih="60vh">
      <EmptyState icon={<IconAlertTriangle />} color="red" title={t('status.errorTitle')} description={description}>
        <Button onClick={() => void router.invalidate()}>{t('actions.retry')}</Button>
      </EmptyState>
    </Center>
  );
}

/** The page-level loader every detail page shows while its record is on the way. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="50vh">
      <Loader aria-label={t('table.loading')} />
    </Center>
  );
}

/**
 * A detail page's wrapper: a loader while its query is pending, the error page when it fails, and
 * the page itself once the record is there.
 */
export function QueryPage<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <RouteErrorPage error={query.error} />;
  return children(query.data);
}
