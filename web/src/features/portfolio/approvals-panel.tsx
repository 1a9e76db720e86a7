import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { DecisionModal } from './decision-modal';
import { DesignationCard } from './designation-card';
import { type Designation, designationsQuery, portfolioModelQuery } from './portfolio-api';

/** The head's queue: nominations waiting for a decision, with the cap in view. */
export function ApprovalsPanel() {
  const { t } = useTranslation();
  const canDecide = useCan('portfolio:manage');
  const pending = useQuery(designationsQuery('pending'));
  const model = useQuery(portfolioModelQuery).data;
  const [deciding, setDeciding] = useState<{ designation: Designation; decision: 'approve' | 'reject' } | null>(null);
  if (pending.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('table.loading')} />
      </Center>
    );
  }
  const items = pending.data?.items ?? [];
  const capReached = model ? model.keyAccounts >= model.keyAccountCap : false;
  return (
    <Stack gap="sm">
      {model && (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('portfolio.approvals.cap', { count: model.keyAccounts, cap: model.keyAccountCap })}
          </Text>
        </Group>
      )}
      {capReached && items.length > 0 && (
        <Alert color="orange" variant="light">
          {t('portfolio.approvals.capReached')}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('portfolio.approvals.empty')}
        </Text>
      ) : (
        items.map((designation) => (
          <DesignationCard
            key={designation.id}
            designation={designation}
            showAccount
            onDecide={canDecide ? (decision) => setDeciding({ designation, decision }) : undefined}
          />
        ))
      )}
      <DecisionModal
        designation={deciding?.designation ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
      />
    </Stack>
  );
}
