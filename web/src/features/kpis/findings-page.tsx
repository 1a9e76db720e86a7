import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FindingsList } from './findings-list';
import { HealthOverview } from './health-overview';

/** The portfolio's health and every anomaly found in the accounts one can see, newest first. */
export function FindingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.kpiFindings')}</Title>
      <HealthOverview />
      <FindingsList filter={{}} linkToSeries title={t('kpis.findings.title')} />
    </Stack>
  );
}
