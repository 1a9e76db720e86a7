import { Button, Group, MultiSelect, Paper, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoiceStatusFilters } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { BankPanel } from './bank-panel';
import { downloadInvoices, type InvoiceFilters, invoicesQuery } from './finance-api';
import { InvoiceStatusBadge, useMoney } from './money';
import { MyReminders } from './my-reminders';
import { ReceivablesPanel } from './receivables-panel';

const sorts = { newest: '-createdAt', number: '-number', dueOn: 'dueOn', amount: '-grossMinor' } as const;
type SortName = keyof typeof sorts;

export type FinanceSearch = {
  tab?: 'invoices' | 'receivables' | 'bank';
  status?: string[];
  q?: string;
  sort?: SortName;
};

export function parseFinanceSearch(search: Record<string, unknown>): FinanceSearch {
  const status = (
    typeof search.status === 'string' ? search.status.split(',') : Array.isArray(search.status) ? search.status : []
  ).filter((value): value is string => (invoiceStatusFilters as readonly string[]).includes(value as string));
  return {
    ...(search.tab === 'receivables' || search.tab === 'bank' ? { tab: search.tab } : {}),
    ...(status.length > 0 ? { status } : {}),
    ...(typeof search.q === 'string' && search.q ? { q: search.q } : {}),
    ...(typeof search.sort === 'string' && search.sort in sorts ? { sort: search.sort as SortName } : {}),
  };
}

/** Invoices (filters, sort, CSV) and receivables (ageing, chase list). */
export function FinancePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/finance' });
  const navigate = useNavigate({ from: '/finance' });
  const setSearch = (next: FinanceSearch) => void navigate({ search: next, replace: true });
  const canImport = useCan('finance:write');
  return (
    <Stack>
      <Title order={2}>{t('finance.title')}</Title>
      <MyReminders />
      <Tabs
        value={search.tab ?? 'invoices'}
        onChange={(tab) => setSearch({ ...search, tab: tab === 'receivables' || tab === 'bank' ? tab : undefined })}
      >
        <Tabs.List>
          <Tabs.Tab value="invoices">{t('finance.tabs.invoices')}</Tabs.Tab>
          <Tabs.Tab value="receivables">{t('finance.tabs.receivables')}</Tabs.Tab>
          {canImport && <Tabs.Tab value="bank">{t('finance.tabs.bank')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="invoices" pt="md">
          <InvoiceList search={search} setSearch={setSearch} />
        </Tabs.Panel>
        <Tabs.Panel value="receivables" pt="md">
          {search.tab === 'receivables' && <ReceivablesPanel />}
        </Tabs.Panel>
        <Tabs.Panel value="bank" pt="md">
          {search.tab === 'bank' && canImport && <BankPanel />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function InvoiceList({ search, setSearch }: { search: FinanceSearch; setSearch: (next: FinanceSearch) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((search.q ?? '') !== debounced.trim()) setSearch({ ...search, q: debounced.trim() || undefined });
  }, [debounced, search, setSearch]);
  const filters: InvoiceFilters = {
    ...(search.status ? { status: search.status } : {}),
    ...(search.q ? { q: search.q } : {}),
    sort: sorts[search.sort ?? 'newest'],
  };
  const list = useInfiniteQuery({ ...invoicesQuery(filters), placeholderData: keepPreviousData });
  const invoices = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('finance.list.search')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={240}
        />
        <MultiSelect
          label={t('finance.list.status')}
          data={invoiceStatusFilters.map((status) => ({ value: status, label: t(`finance.status.${status}`) }))}
          value={search.status ?? []}
          onChange={(status) => setSearch({ ...search, status: status.length > 0 ? status : undefined })}
          clearable
          w={320}
        />
        <Select
          label={t('finance.list.sort')}
          data={(Object.keys(sorts) as SortName[]).map((name) => ({
            value: name,
            label: t(`finance.list.sorts.${name}`),
          }))}
          value={search.sort ?? 'newest'}
          onChange={(sort) => setSearch({ ...search, sort: (sort as SortName | null) ?? undefined })}
          allowDeselect={false}
          w={200}
        />
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => downloadInvoices(filters, 'csv').catch(notifyError)}
        >
          {t('finance.list.export')}
        </Button>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => downloadInvoices(filters, 'xlsx').catch(notifyError)}
        >
          {t('finance.list.exportXlsx')}
        </Button>
      </Group>
      {total !== undefined && (
        <Text size="sm" c="dimmed">
          {t('finance.list.found', { count: total })}
        </Text>
      )}
      <Paper withBorder>
        <InvoiceTable invoices={invoices} />
        {list.isSuccess && invoices.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('finance.list.empty')}
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

/** Invoices as a table: number, account, status, dates, amounts. */
export function InvoiceTable({
  invoices,
  showAccount = true,
}: {
  invoices: import('./finance-api').InvoiceSummary[];
  showAccount?: boolean;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <Table striped highlightOnHover aria-label={t('finance.tabs.invoices')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('finance.list.number')}</Table.Th>
          {showAccount && <Table.Th>{t('finance.list.account')}</Table.Th>}
          <Table.Th>{t('finance.list.status')}</Table.Th>
          <Table.Th>{t('finance.list.issuedOn')}</Table.Th>
          <Table.Th>{t('finance.list.dueOn')}</Table.Th>
          <Table.Th ta="right">{t('finance.list.total')}</Table.Th>
          <Table.Th ta="right">{t('finance.list.open')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoices.map((invoice) => (
          <Table.Tr key={invoice.id}>
            <Table.Td>
              <AnchorLink to="/finance/invoices/$invoiceId" params={{ invoiceId: invoice.id }} size="sm">
                {invoice.number ?? t('finance.list.draftNumber')}
              </AnchorLink>
            </Table.Td>
            {showAccount && (
              <Table.Td>
                <AnchorLink to="/accounts/$accountId" params={{ accountId: invoice.account.id }} size="sm">
                  {invoice.account.name}
                </AnchorLink>
              </Table.Td>
            )}
            <Table.Td>
              <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
            </Table.Td>
            <Table.Td>{invoice.issuedOn ? format.calendarDate(invoice.issuedOn) : '—'}</Table.Td>
            <Table.Td>
              {invoice.dueOn ? format.calendarDate(invoice.dueOn) : '—'}
              {invoice.overdue && (
                <Text size="xs" c="red">
                  {t('finance.list.daysOverdue', { count: invoice.daysOverdue })}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{money(invoice.grossMinor, invoice.currency)}</Table.Td>
            <Table.Td ta="right">{money(invoice.openMinor, invoice.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
