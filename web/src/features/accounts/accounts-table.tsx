import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/use-format';
import { type VirtualColumn, VirtualTable } from '../../shared/virtual-table';
import { AccountStatusBadge } from './account-status-badge';
import type { AccountListItem } from './accounts-api';
import classes from './accounts-table.module.css';

const tableId = 'accounts';

/** Moves the keyboard focus from the search box into the list. */
export function focusFirstAccountRow(): void {
  document.querySelector<HTMLElement>(`[data-table="${tableId}"] tr[data-index="0"]`)?.focus();
}

type AccountsTableProps = {
  rows: AccountListItem[];
  sort: string;
  onSortChange: (sort: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

export function AccountsTable(props: AccountsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<VirtualColumn<AccountListItem>[]>(
    () => [
      {
        key: 'name',
        header: t('accounts.columns.name'),
        width: 'minmax(200px, 3fr)',
        sortKey: 'name',
        cell: (account) => <span className={classes.name}>{account.name}</span>,
      },
      {
        key: 'status',
        header: t('accounts.columns.status'),
        width: '180px',
        sortKey: 'status',
        cell: (account) => <AccountStatusBadge status={account.status} />,
      },
      {
        key: 'owner',
        header: t('accounts.columns.owner'),
        width: 'minmax(120px, 2fr)',
        cell: (account) => account.owner.name,
      },
      {
        key: 'industry',
        header: t('accounts.columns.industry'),
        width: 'minmax(120px, 2fr)',
        cell: (account) => account.industry ?? '',
      },
      {
        key: 'updatedAt',
        header: t('accounts.columns.updatedAt'),
        width: '140px',
        sortKey: 'updatedAt',
        cell: (account) => format.date(account.updatedAt),
      },
    ],
    [t, format],
  );
  return (
    <VirtualTable
      label={t('accounts.title')}
      tableId={tableId}
      columns={columns}
      rowKey={(account) => account.id}
      onOpen={(account) => void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } })}
      {...props}
    />
  );
}
