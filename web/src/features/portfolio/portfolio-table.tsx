import { Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type VirtualColumn, VirtualTable } from '../../shared/virtual-table';
import { AccountStatusBadge } from '../accounts/account-status-badge';
import type { Portfolio, PortfolioRow } from './portfolio-api';
import { formatScore, type PortfolioSort, sortPortfolioRows } from './portfolio-values';
import { QuadrantBadge } from './quadrant-badge';

const noMore = () => undefined;

/** The matrix's accounts as a table, sorted in the browser (every visible account is loaded). */
export function PortfolioTable({ portfolio, onOpen }: { portfolio: Portfolio; onOpen: (accountId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<PortfolioSort>('-attractiveness');
  const ownerNames = useMemo(
    () => new Map(portfolio.owners.map((owner) => [owner.id, owner.name])),
    [portfolio.owners],
  );
  const language = i18n.language;
  const rows = useMemo(
    () => sortPortfolioRows(portfolio.items, sort, ownerNames, new Intl.Collator(language)),
    [portfolio.items, sort, ownerNames, language],
  );
  const columns = useMemo<VirtualColumn<PortfolioRow>[]>(
    () => [
      {
        key: 'name',
        header: t('portfolio.table.name'),
        width: 'minmax(200px, 3fr)',
        sortKey: 'name',
        cell: (row) => row.name,
      },
      {
        key: 'owner',
        header: t('portfolio.table.owner'),
        width: 'minmax(120px, 2fr)',
        sortKey: 'owner',
        cell: (row) => ownerNames.get(row.ownerId) ?? '',
      },
      {
        key: 'status',
        header: t('portfolio.table.status'),
        width: '140px',
        sortKey: 'status',
        cell: (row) => <AccountStatusBadge status={row.status} />,
      },
      {
        key: 'attractiveness',
        header: t('portfolio.table.attractiveness'),
        width: '150px',
        sortKey: 'attractiveness',
        cell: (row) => formatScore(row.attractiveness, language),
      },
      {
        key: 'strength',
        header: t('portfolio.table.strength'),
        width: '110px',
        sortKey: 'strength',
        cell: (row) => formatScore(row.strength, language),
      },
      {
        key: 'quadrant',
        header: t('portfolio.table.quadrant'),
        width: '170px',
        sortKey: 'quadrant',
        cell: (row) => <QuadrantBadge quadrant={row.quadrant} complete={row.complete} />,
      },
      {
        key: 'missing',
        header: t('portfolio.table.missing'),
        width: '130px',
        sortKey: 'missing',
        cell: (row) =>
          row.missingCount > 0 ? (
            <Text size="sm" c="orange">
              {t('portfolio.table.missingCount', { count: row.missingCount })}
            </Text>
          ) : null,
      },
    ],
    [t, ownerNames, language],
  );
  return (
    <VirtualTable
      label={t('portfolio.table.label')}
      tableId="portfolio"
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      onOpen={(row) => onOpen(row.id)}
      hasMore={false}
      loadingMore={false}
      onLoadMore={noMore}
      sort={sort}
      onSortChange={(next) => setSort(next as PortfolioSort)}
    />
  );
}
