import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { FeedbackList } from './feedback-list';
import { LossPanel } from './loss-panel';
import { SurveysPanel } from './surveys-panel';

/** The account's complaints and feedback, its NPS and CSAT, and whether the client was lost. */
export function AccountCare({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const canRead = useCan('delivery:read');
  if (!canRead) return null;
  return (
    <Stack>
      <Title order={3}>{t('clientCare.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('clientCare.tabs.cases')}</Title>
          <FeedbackList accountId={accountId} />
        </Stack>
      </Paper>
      <SurveysPanel accountId={accountId} />
      <LossPanel accountId={accountId} />
    </Stack>
  );
}
