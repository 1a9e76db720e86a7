import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { accountLoyaltyQuery } from './care-api';
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
      <Group justify="space-between">
        <Title order={3}>{t('clientCare.title')}</Title>
        <LoyaltyTierLine accountId={accountId} />
      </Group>
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

/** The account's loyalty tier with its benefits, and what it rests on. */
function LoyaltyTierLine({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const loyalty = useQuery(accountLoyaltyQuery(accountId)).data;
  if (!loyalty) return null;
  const { tier, facts } = loyalty;
  return (
    <Group gap="xs">
      {tier ? (
        <>
          <Badge size="lg" variant="light" color="grape">
            {t('clientCare.loyalty.accountTier', { name: tier.name })}
          </Badge>
          {tier.discount > 0 && (
            <Badge variant="outline">{t('clientCare.loyalty.benefits', { discount: tier.discount / 100 })}</Badge>
          )}
          {tier.priority && <Badge variant="outline">{t('clientCare.loyalty.priority')}</Badge>}
        </>
      ) : (
        <Text c="dimmed" size="sm">
          {t('clientCare.loyalty.noTier')}
        </Text>
      )}
      <Text c="dimmed" size="sm">
        {t('clientCare.loyalty.facts', { months: facts.tenureMonths, projects: facts.projects })}
      </Text>
    </Group>
  );
}
