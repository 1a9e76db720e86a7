import { Badge, Button, Chip, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type GapKind, gapKinds } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { membersQuery } from '../members/members-api';
import { describeGap } from './gap-text';
import { gapsQuery } from './relationships-api';

export type GapsSearch = { kind?: GapKind[]; owner?: string };

export function parseGapsSearch(search: Record<string, unknown>): GapsSearch {
  const kinds = (
    Array.isArray(search.kind) ? search.kind : typeof search.kind === 'string' ? search.kind.split(',') : []
  ).filter((kind): kind is GapKind => gapKinds.includes(kind as GapKind));
  return {
    ...(kinds.length > 0 ? { kind: kinds } : {}),
    ...(typeof search.owner === 'string' && search.owner ? { owner: search.owner } : {}),
  };
}

/** Every gap in our coverage across the workspace, by account, filtered by kind and account owner. */
export function GapsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/relationship-gaps' });
  const navigate = useNavigate({ from: '/relationship-gaps' });
  const kinds = search.kind ?? [];
  const members = useQuery(membersQuery).data ?? [];
  const list = useInfiniteQuery({
    ...gapsQuery({ kind: kinds, ...(search.owner ? { ownerId: search.owner } : {}) }),
    placeholderData: keepPreviousData,
  });
  const first = list.data?.pages[0];
  const gaps = list.data?.pages.flatMap((page) => page.items) ?? [];
  const setSearch = (next: GapsSearch) => void navigate({ search: next, replace: true });
  return (
    <Stack>
      <Title order={2}>{t('gaps.title')}</Title>
      <Group align="flex-end" gap="md">
        <Chip.Group multiple value={kinds} onChange={(value) => setSearch({ ...search, kind: value as GapKind[] })}>
          <Group gap={6} aria-label={t('gaps.kind')}>
            {gapKinds.map((kind) => (
              <Chip key={kind} value={kind} size="sm">
                {t(`gapKind.${kind}`)}
                {first ? ` (${first.counts[kind]})` : ''}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Select
          label={t('gaps.owner')}
          placeholder={t('gaps.anyOwner')}
          data={members.map((member) => ({ value: member.userId, label: member.name }))}
          value={search.owner ?? null}
          onChange={(owner) => setSearch({ ...search, ...(owner ? { owner } : { owner: undefined }) })}
          searchable
          clearable
          w={240}
        />
      </Group>
      {first && (
        <Text size="sm" c="dimmed">
          {t('gaps.found', { count: first.total })}
        </Text>
      )}
      <Paper withBorder>
        <Table striped highlightOnHover aria-label={t('gaps.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('gaps.account')}</Table.Th>
              <Table.Th>{t('gaps.gap')}</Table.Th>
              <Table.Th>{t('gaps.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.map((gap) => (
              <Table.Tr key={`${gap.account.id}:${gap.kind}:${gap.contactId}:${gap.coverageId}`}>
                <Table.Td>
                  <AnchorLink to="/accounts/$accountId" params={{ accountId: gap.account.id }} size="sm">
                    {gap.account.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color="orange" mr="xs">
                    {t(`gapKind.${gap.kind}`)}
                  </Badge>
                  <Text size="sm" span>
                    {describeGap(t, gap)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{gap.account.owner.name ?? t('relationships.formerMember')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && gaps.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('gaps.empty')}
          </Text>
        )}
      </Paper>
      {list.hasNextPage && (
        <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('table.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
