import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { useFormat } from '../../shared/use-format';
import type { Designation } from './portfolio-api';
import { formatScore } from './portfolio-values';

const statusColors = { pending: 'yellow', approved: 'teal', rejected: 'red' } as const;

type DesignationCardProps = {
  designation: Designation;
  /** Show which account it is about (in the approvals queue; not on the account's own page). */
  showAccount?: boolean;
  onDecide?: (decision: 'approve' | 'reject') => void;
};

/** A nomination or demotion: who asked and why, its warnings, and the decision with its comment. */
export function DesignationCard({ designation, showAccount = false, onDecide }: DesignationCardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const name = (person: { name: string | null } | null) => person?.name ?? '—';
  return (
    <Paper withBorder p="sm" data-designation={designation.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Badge variant="light" color={designation.kind === 'demotion' ? 'orange' : 'violet'}>
              {t(`portfolio.designation.kind.${designation.kind}`)}
            </Badge>
            <Badge variant="outline" color={statusColors[designation.status]}>
              {t(`portfolio.designation.status.${designation.status}`)}
            </Badge>
            {showAccount && (
              <AnchorLink to="/accounts/$accountId" params={{ accountId: designation.account.id }} fw={600}>
                {designation.account.name}
              </AnchorLink>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('portfolio.designation.requested', {
              name: name(designation.requestedBy),
              date: format.date(designation.requestedAt),
            })}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {designation.justification}
        </Text>
        {designation.kind === 'nomination' && designation.attractiveness !== null && (
          <Text size="xs" c="dimmed">
            {t('portfolio.designation.attractiveness', {
              score: formatScore(designation.attractiveness, i18n.language),
            })}
          </Text>
        )}
        {designation.status === 'pending' &&
          designation.warnings.map((warning) => (
            <Alert key={warning.code} color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
              <Text size="sm">{warning.message}</Text>
            </Alert>
          ))}
        {designation.decidedAt && (
          <Text size="xs" c="dimmed">
            {t('portfolio.designation.decided', {
              name: name(designation.decidedBy),
              date: format.date(designation.decidedAt),
            })}
            {designation.previousStatus && designation.newStatus
              ? ` · ${t('portfolio.designation.statusChange', {
                  from: t(`accountStatus.${designation.previousStatus}`),
                  to: t(`accountStatus.${designation.newStatus}`),
                })}`
              : ''}
          </Text>
        )}
        {designation.decisionComment && (
          <Text size="sm" fs="italic">
            {designation.decisionComment}
          </Text>
        )}
        {onDecide && designation.status === 'pending' && (
          <Group gap="xs">
            <Button size="xs" color="teal" onClick={() => onDecide('approve')}>
              {t('portfolio.decision.approve')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => onDecide('reject')}>
              {t('portfolio.decision.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
