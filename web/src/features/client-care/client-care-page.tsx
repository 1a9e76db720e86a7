import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackList } from './feedback-list';
import { LossAnalysisPanel } from './loss-analysis';

/** The workspace's complaints and feedback, and the analysis of lost clients. */
export function ClientCarePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('cases');
  return (
    <Stack>
      <Title order={2}>{t('clientCare.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="cases">{t('clientCare.tabs.cases')}</Tabs.Tab>
          <Tabs.Tab value="losses">{t('clientCare.tabs.losses')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cases" pt="md">
          <FeedbackList />
        </Tabs.Panel>
        <Tabs.Panel value="losses" pt="md">
          <LossAnalysisPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
