import { Badge, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FeedbackKind,
  type FeedbackSeverity,
  type FeedbackStatus,
  feedbackKinds,
  feedbackSeverities,
  feedbackStatuses,
} from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { ExportMenu } from '../../shared/export-menu';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { type FeedbackFilters, type FeedbackSort, feedbackListQuery } from './care-api';
import { FeedbackFormModal } from './feedback-form-modal';

const statusColors: Record<FeedbackStatus, string> = {
  open: 'blue',
  in_progress: 'yellow',
  resolved: 'green',
  rejected: 'gray',
};
const severityColors: Record<FeedbackSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`clientCare.status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: FeedbackSeverity | null }) {
  const { t } = useTranslation();
  if (!severity) return <Text c="dimmed">—</Text>;
  return (
    <Badge color={severityColors[severity]} variant="outline">
      {t(`clientCare.severity.${severity}`)}
    </Badge>
  );
}

function options<T extends string>(values: readonly T[], label: (value: T) => string) {
  return values.map((value) => ({ value, label: label(value) }));
}

/**
 * Complaints, conflicts, praise and reviews with filters (kind, status, severity, owner, text),
 * a sort and "load more"; on an account's page the account is fixed and its column left out.
 */
export function FeedbackList({ accountId }: { accountId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const [kind, setKind] = useState<FeedbackKind | undefined>();
  const [status, setStatus] = useState<FeedbackStatus | undefined>();
  const [severity, setSeverity] = useState<FeedbackSeverity | undefined>();
  const [mine, setMine] = useState(false);
  const [sort, setSort] = useState<FeedbackSort>('-openedAt');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [creating, setCreating] = useState(false);
  const filters: FeedbackFilters = {
    accountId,
    kind,
    status,
    severity,
    sort,
    ...(mine ? { ownerId: 'me' } : {}),
    ...(q ? { q } : {}),
  };
  const list = useInfiniteQuery({ ...feedbackListQuery(filters), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          w={170}
          label={t('clientCare.cases.kind')}
          data={options(feedbackKinds, (value) => t(`clientCare.kind.${value}`))}
          value={kind ?? null}
          onChange={(value) => setKind((value as FeedbackKind | null) ?? undefined)}
          clearable
        />
        <Select
          w={150}
          label={t('clientCare.cases.status')}
          data={options(feedbackStatuses, (value) => t(`clientCare.status.${value}`))}
          value={status ?? null}
          onChange={(value) => setStatus((value as FeedbackStatus | null) ?? undefined)}
          clearable
        />
        <Select
          w={150}
          label={t('clientCare.cases.severity')}
          data={options(feedbackSeverities, (value) => t(`clientCare.severity.${value}`))}
          value={severity ?? null}
          onChange={(value) => setSeverity((value as FeedbackSeverity | null) ?? undefined)}
          clearable
        />
        <Select
          w={190}
          label={t('clientCare.cases.sort')}
          data={[
            { value: '-openedAt', label: t('clientCare.cases.sortNewest') },
            { value: 'openedAt', label: t('clientCare.cases.sortOldest') },
            { value: '-severity', label: t('clientCare.cases.sortSeverity') },
          ]}
          value={sort}
          onChange={(value) => setSort((value as FeedbackSort | null) ?? '-openedAt')}
          allowDeselect={false}
        />
        <TextInput
          w={220}
          label={t('clientCare.cases.search')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Switch
          mb={8}
          label={t('clientCare.cases.mine')}
          checked={mine}
          onChange={(event) => setMine(event.currentTarget.checked)}
        />
        <Group ml="auto" gap="xs">
          <ExportMenu path="/feedback/export" name="feedback" query={filters} />
          {canWrite && <Button onClick={() => setCreating(true)}>{t('clientCare.cases.new')}</Button>}
        </Group>
      </Group>
      {items.length === 0 && !list.isPending && <Text c="dimmed">{t('clientCare.cases.empty')}</Text>}
      {items.length > 0 && (
        <Table aria-label={t('clientCare.cases.label')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientCare.cases.description')}</Table.Th>
              {!accountId && <Table.Th>{t('clientCare.cases.account')}</Table.Th>}
              <Table.Th>{t('clientCare.cases.kind')}</Table.Th>
              <Table.Th>{t('clientCare.cases.severity')}</Table.Th>
              <Table.Th>{t('clientCare.cases.status')}</Table.Th>
              <Table.Th>{t('clientCare.cases.owner')}</Table.Th>
              <Table.Th>{t('clientCare.cases.openedAt')}</Table.Th>
              <Table.Th>{t('clientCare.cases.timeToResolve')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td maw={360}>
                  <AnchorLink to="/feedback/$feedbackId" params={{ feedbackId: item.id }} lineClamp={2}>
                    {item.description}
                  </AnchorLink>
                </Table.Td>
                {!accountId && <Table.Td>{item.account.name}</Table.Td>}
                <Table.Td>{t(`clientCare.kind.${item.kind}`)}</Table.Td>
                <Table.Td>
                  <SeverityBadge severity={item.severity} />
                </Table.Td>
                <Table.Td>
                  <FeedbackStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.owner.name}</Table.Td>
                <Table.Td>{format.date(item.openedAt)}</Table.Td>
                <Table.Td>
                  {item.hoursToResolve === null ? '—' : t('clientCare.cases.hours', { count: item.hoursToResolve })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('table.loadMore')}
        </Button>
      )}
      <FeedbackFormModal opened={creating} onClose={() => setCreating(false)} accountId={accountId} />
    </Stack>
  );
}
