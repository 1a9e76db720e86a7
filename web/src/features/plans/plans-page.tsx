import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { membersQuery } from '../members/members-api';
import {
  type CompletenessGrade,
  type PlanFilters,
  type PlanSort,
  type PlanStatus,
  planSorts,
  workspacePlansQuery,
} from './plans-api';

const statuses: PlanStatus[] = ['draft', 'in_review', 'approved'];
const grades: CompletenessGrade[] = ['red', 'amber', 'green'];
const gradeColor = { red: 'red', amber: 'yellow', green: 'green' } as const;

export type PlansSearch = PlanFilters;

export function parsePlansSearch(search: Record<string, unknown>): PlansSearch {
  const year = Number(search.year);
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(statuses.includes(search.status as PlanStatus) ? { status: search.status as PlanStatus } : {}),
    ...(typeof search.ownerId === 'string' && search.ownerId ? { ownerId: search.ownerId } : {}),
    ...(grades.includes(search.grade as CompletenessGrade) ? { grade: search.grade as CompletenessGrade } : {}),
    ...(planSorts.includes(search.sort as PlanSort) ? { sort: search.sort as PlanSort } : {}),
  };
}

/** Every plan the reader may see across the workspace, filtered by year, status, account owner and grade. */
export function PlansPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/plans' });
  const navigate = useNavigate({ from: '/plans' });
  const members = useQuery(membersQuery).data ?? [];
  const list = useInfiniteQuery({ ...workspacePlansQuery(search), placeholderData: keepPreviousData });
  const plans = list.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (patch: Partial<PlansSearch>) => void navigate({ search: { ...search, ...patch }, replace: true });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, index) => String(thisYear + 1 - index));
  return (
    <Stack>
      <Title order={2}>{t('plans.list.title')}</Title>
      <Group align="end">
        <Select
          label={t('plans.list.year')}
          placeholder={t('plans.list.any')}
          data={years}
          value={search.year ? String(search.year) : null}
          onChange={(value) => set({ year: value ? Number(value) : undefined })}
          clearable
          w={120}
        />
        <Select
          label={t('plans.list.status')}
          placeholder={t('plans.list.any')}
          data={statuses.map((value) => ({ value, label: t(`plans.status.${value}`) }))}
          value={search.status ?? null}
          onChange={(value) => set({ status: (value as PlanStatus | null) ?? undefined })}
          clearable
        />
        <Select
          label={t('plans.list.owner')}
          placeholder={t('plans.list.any')}
          data={members.map((member) => ({ value: member.userId, label: member.name }))}
          value={search.ownerId ?? null}
          onChange={(value) => set({ ownerId: value ?? undefined })}
          searchable
          clearable
        />
        <Select
          label={t('plans.list.grade')}
          placeholder={t('plans.list.any')}
          data={grades.map((value) => ({ value, label: t(`plans.grade.${value}`) }))}
          value={search.grade ?? null}
          onChange={(value) => set({ grade: (value as CompletenessGrade | null) ?? undefined })}
          clearable
        />
        <Select
          label={t('plans.list.sort')}
          data={planSorts.map((value) => ({ value, label: t(`plans.list.sorts.${value}`) }))}
          value={search.sort ?? '-periodStart'}
          onChange={(value) => set({ sort: (value as PlanSort | null) ?? undefined })}
          allowDeselect={false}
        />
      </Group>
      <Paper withBorder>
        <Table striped highlightOnHover aria-label={t('plans.list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.list.account')}</Table.Th>
              <Table.Th>{t('plans.list.owner')}</Table.Th>
              <Table.Th>{t('plans.period')}</Table.Th>
              <Table.Th>{t('plans.list.status')}</Table.Th>
              <Table.Th>{t('plans.list.grade')}</Table.Th>
              <Table.Th>{t('plans.list.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>
                  <AnchorLink to="/plans/$planId" params={{ planId: plan.id }} size="sm">
                    {plan.account.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{plan.accountOwner.name}</Table.Td>
                <Table.Td>
                  {plan.periodStart} — {plan.periodEnd}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`plans.status.${plan.status}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={gradeColor[plan.completeness.grade]}>
                    {t('plans.completeness', { score: plan.completeness.score })}
                  </Badge>
                </Table.Td>
                <Table.Td>{plan.updatedAt.slice(0, 10)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.isSuccess && plans.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('plans.list.empty')}
          </Text>
        )}
      </Paper>
      {list.hasNextPage && (
        <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('plans.list.more')}
        </Button>
      )}
    </Stack>
  );
}
