import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FindingsList } from './findings-list';

/** Every anomaly found in the accounts one can see, newest first. */
export function FindingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.kpiFindings')}</Title>
      <FindingsList filter={{}} linkToSeries title={t('kpis.findings.title')} />
    </Stack>
  );
}
