import { Button, Center, EmptyState } from '@mantine/core';
import { IconAlertTriangle, IconMapQuestion } from '@tabler/icons-react';
import { Link, useRouter } from '@tanstack/react-router';
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
