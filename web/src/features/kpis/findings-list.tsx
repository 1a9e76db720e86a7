import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpFindingInput } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan, useMe } from '../auth/session';
import { membersQuery } from '../members/members-api';
import { findingPagesQuery } from './kpi-settings-api';
import { type Finding, useDecideFinding, useFollowUpFinding } from './kpis-api';
import { useSeriesName } from './metric-name';

const statusColors = { open: 'red', acknowledged: 'gray', false_alarm: 'yellow', follow_up: 'green' } as const;

type FindingsListProps = {
  filter: { accountId?: string; seriesId?: string };
  /** Highlights the finding picked on the chart. */
  selectedId?: string | null;
  /** Links each finding to its series page (lists over several series). */
  linkToSeries?: boolean;
  title?: string;
};

/** Findings newest first, fifty at a time, each with its explanation and the actions a triager can take. */
export function FindingsList({ filter, selectedId, linkToSeries, title }: FindingsListProps) {
  const { t } = useTranslation();
  const findings = useInfiniteQuery(findingPagesQuery(filter));
  const [following, setFollowing] = useState<Finding | undefined>();
  const items = findings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{title ?? t('kpis.findings.title')}</Title>
        {findings.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kpis.findings.empty')}
          </Text>
        )}
        {items.map((finding) => (
          <FindingCard
            key={finding.id}
            finding={finding}
            selected={finding.id === selectedId}
            linkToSeries={linkToSeries ?? false}
            onFollowUp={() => setFollowing(finding)}
          />
        ))}
        {findings.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            loading={findings.isFetchingNextPage}
            onClick={() => void findings.fetchNextPage()}
          >
            {t('table.loadMore')}
          </Button>
        )}
      </Stack>
      <Modal
        opened={following !== undefined}
        onClose={() => setFollowing(undefined)}
        title={t('kpis.findings.followUpTitle')}
      >
        {following && <FollowUpForm finding={following} onClose={() => setFollowing(undefined)} />}
      </Modal>
    </Paper>
  );
}

function FindingCard({
  finding,
  selected,
  linkToSeries,
  onFollowUp,
}: {
  finding: Finding;
  selected: boolean;
  linkToSeries: boolean;
  onFollowUp: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canTriage = useCan('kpis:triage');
  const decide = useDecideFinding();
  const seriesName = useSeriesName();
  const explanation = i18n.language === 'ru' ? finding.explanation.ru : finding.explanation.en;
  const setStatus = (status: 'open' | 'acknowledged' | 'false_alarm') =>
    decide.mutate(
      { finding, status },
      { onSuccess: () => notifySuccess(t('kpis.findings.decided')), onError: (error) => notifyError(error) },
    );
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="kpi-finding"
      data-finding-id={finding.id}
      bg={selected ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />
            <Text fw={600}>{t(`kpis.findings.kind.${finding.kind}`)}</Text>
            <Text size="sm" c="dimmed">
              {format.date(finding.at)}
            </Text>
            {linkToSeries && (
              <AnchorLink to="/kpi-series/$seriesId" params={{ seriesId: finding.seriesId }} size="sm">
                {seriesName(finding.metricKey, finding.dimension)}
              </AnchorLink>
            )}
          </Group>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {t('kpis.findings.score', { score: Math.round(finding.score * 100) })}
            </Badge>
            <Badge color={statusColors[finding.status]}>{t(`kpis.findings.status.${finding.status}`)}</Badge>
          </Group>
        </Group>
        <Text size="sm" data-testid="kpi-finding-explanation">
          {explanation}
        </Text>
        {canTriage && finding.status !== 'follow_up' && (
          <Group gap="xs">
            {finding.status === 'open' ? (
              <>
                <Button size="xs" variant="light" onClick={() => setStatus('acknowledged')} loading={decide.isPending}>
                  {t('kpis.findings.acknowledge')}
                </Button>
                <Button size="xs" variant="light" color="yellow" onClick={() => setStatus('false_alarm')}>
                  {t('kpis.findings.falseAlarm')}
                </Button>
              </>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => setStatus('open')}>
                {t('kpis.findings.reopen')}
              </Button>
            )}
            <Button size="xs" color="green" onClick={onFollowUp}>
              {t('kpis.findings.followUp')}
            </Button>
          </Group>
        )}
        {finding.status === 'follow_up' && (
          <AnchorLink to="/accounts/$accountId" params={{ accountId: finding.accountId }} size="sm">
            {t('kpis.findings.openInteraction')}
          </AnchorLink>
        )}
      </Stack>
    </Paper>
  );
}

type FollowUpValues = { nextStep: string; ownerId: string; dueOn: string };

function inAWeek(): string {
  return localDay(7);
}

function FollowUpForm({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const members = useQuery(membersQuery).data ?? [];
  const followUp = useFollowUpFinding();
  const form = useForm<FollowUpValues>({
    initialValues: {
      nextStep: i18n.language === 'ru' ? finding.explanation.ru : finding.explanation.en,
      ownerId: me.user.id,
      dueOn: inAWeek(),
    },
    validate: (values) => schemaErrors(followUpFindingInput, values),
  });
  const submit = form.onSubmit((values) =>
    followUp.mutate(
      { finding, input: values },
      {
        onSuccess: () => {
          notifySuccess(t('kpis.findings.followUpDone'));
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('kpis.findings.followUpHint')}
        </Text>
        <Textarea
          label={t('kpis.findings.nextStep')}
          autosize
          minRows={2}
          required
          {...form.getInputProps('nextStep')}
        />
        <Select
          label={t('kpis.findings.owner')}
          data={members.map((member) => ({ value: member.userId, label: member.name }))}
          searchable
          allowDeselect={false}
          {...form.getInputProps('ownerId')}
        />
        <TextInput type="date" label={t('kpis.findings.dueOn')} required {...form.getInputProps('dueOn')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={followUp.isPending}>
            {t('kpis.findings.followUp')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
