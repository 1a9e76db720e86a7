import { Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBuildingSkyscraper, IconPlus, IconSearchOff } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../shared/export-menu';
import { useCan } from '../auth/session';
import { AccountFiltersBar } from './account-filters';
import { AccountFormModal } from './account-form-modal';
import { accountFacetsQuery, accountListQuery } from './accounts-api';
import { type AccountFilters, hasFilters } from './accounts-search';
import { AccountsTable, focusFirstAccountRow } from './accounts-table';

export function AccountsPage() {
  const { t } = useTranslation();
  const filters = useSearch({ from: '/app/accounts' });
  const navigate = useNavigate({ from: '/accounts' });
  const canWrite = useCan('accounts:write');
  const [creating, setCreating] = useState(false);
  const facets = useQuery({ ...accountFacetsQuery(filters), placeholderData: keepPreviousData }).data;
  const list = useInfiniteQuery({ ...accountListQuery(filters), placeholderData: keepPreviousData });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);

  const changeFilters = useCallback(
    (change: Partial<AccountFilters>) =>
      void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true }),
    [navigate],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const total = facets?.total ?? rows.length;
  const count = filtered ? t('accounts.found', { count: total }) : t('accounts.total', { count: total });

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-offset, 56px) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('accounts.title')}</Title>
          {list.isSuccess && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {count}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <ExportMenu
            path="/exports/accounts"
            name="accounts"
            query={{ q: filters.q, status: filters.status, ownerId: filters.owner, industry: filters.industry }}
          />
          {canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('accounts.new')}
            </Button>
          )}
        </Group>
      </Group>
      <AccountFiltersBar
        filters={filters}
        onChange={changeFilters}
        onClear={() => void navigate({ search: filters.sort ? { sort: filters.sort } : {}, replace: true })}
        onLeaveSearch={focusFirstAccountRow}
      />
      {list.isPending ? (
        <Center flex={1}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      ) : rows.length === 0 && !list.isFetching ? (
        filtered ? (
          <EmptyState
            icon={<IconSearchOff />}
            title={t('accounts.noResults')}
            description={t('accounts.noResultsHint')}
          >
            <Button variant="light" onClick={() => void navigate({ search: {}, replace: true })}>
              {t('accounts.clearFilters')}
            </Button>
          </EmptyState>
        ) : (
          <EmptyState
            icon={<IconBuildingSkyscraper />}
            title={t('accounts.empty')}
            description={t('accounts.emptyHint')}
          >
            {canWrite && <Button onClick={() => setCreating(true)}>{t('accounts.new')}</Button>}
          </EmptyState>
        )
      ) : (
        <AccountsTable
          rows={rows}
          sort={filters.sort ?? 'name'}
          onSortChange={(sort) => changeFilters({ sort: sort as AccountFilters['sort'] })}
          hasMore={Boolean(hasNextPage)}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
      <AccountFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(account) => void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } })}
      />
    </Stack>
  );
}
