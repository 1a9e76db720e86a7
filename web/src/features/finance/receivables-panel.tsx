import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ageingBuckets } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { useFormat } from '../../shared/use-format';
import { ConvertedTotal } from './converted-total';
import { ExportButtons } from './export-buttons';
import { chaseQuery, receivablesQuery } from './finance-api';
import { useMoney } from './money';

/** Open receivables per currency in ageing buckets, with DSO and credit; for the workspace or one account. */
export function ReceivablesTable({ accountId }: { accountId?: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const receivables = useQuery(receivablesQuery(accountId)).data;
  if (!receivables) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('finance.receivables.asOf', { date: format.calendarDate(receivables.asOf) })}
      </Text>
      {receivables.currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.receivables.empty')}
        </Text>
      ) : (
        <Table striped aria-label={t('finance.receivables.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.receivables.currency')}</Table.Th>
              <Table.Th ta="right">{t('finance.receivables.open')}</Table.Th>
              {ageingBuckets.map((bucket) => (
                <Table.Th key={bucket} ta="right">
                  {t(`finance.receivables.buckets.${bucket}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('finance.receivables.dso')}</Table.Th>
              <Table.Th ta="right">{t('finance.receivables.credit')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {receivables.currencies.map((row) => (
              <Table.Tr key={row.currency} data-currency={row.currency}>
                <Table.Td>{row.currency}</Table.Td>
                <Table.Td ta="right">{money(row.openMinor, row.currency)}</Table.Td>
                {ageingBuckets.map((bucket) => (
                  <Table.Td
                    key={bucket}
                    ta="right"
                    data-bucket={bucket}
                    c={bucket !== 'current' && row.buckets[bucket] > 0 ? 'red' : undefined}
                  >
                    {money(row.buckets[bucket], row.currency)}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{row.dso ?? '—'}</Table.Td>
                <Table.Td ta="right">{money(row.creditMinor, row.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The workspace's receivables and the chase list. */
export function ReceivablesPanel() {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const chase = useQuery(chaseQuery).data;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('finance.receivables.title')}</Title>
          <Group gap="xs">
            <Text size="sm">{t('finance.exports.payments')}</Text>
            <ExportButtons path="/payments/export" name="payments" label={t('finance.exports.payments')} />
            <Text size="sm">{t('finance.exports.acts')}</Text>
            <ExportButtons path="/acts/export" name="acts" label={t('finance.exports.acts')} />
          </Group>
        </Group>
        <ReceivablesTable />
        <ConvertedTotal />
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('finance.receivables.chase')}</Title>
          <ExportButtons path="/receivables/chase/export" name="chase-list" label={t('finance.receivables.chase')} />
        </Group>
        {chase && chase.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('finance.receivables.chaseEmpty')}
          </Text>
        ) : (
          <Table striped aria-label={t('finance.receivables.chase')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.list.number')}</Table.Th>
                <Table.Th>{t('finance.list.account')}</Table.Th>
                <Table.Th>{t('finance.receivables.owner')}</Table.Th>
                <Table.Th>{t('finance.list.dueOn')}</Table.Th>
                <Table.Th ta="right">{t('finance.receivables.daysOverdue')}</Table.Th>
                <Table.Th ta="right">{t('finance.list.open')}</Table.Th>
                <Table.Th>{t('finance.receivables.nextAction')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {chase?.items.map((item) => (
                <Table.Tr key={item.invoiceId}>
                  <Table.Td>
                    <AnchorLink to="/finance/invoices/$invoiceId" params={{ invoiceId: item.invoiceId }} size="sm">
                      {item.number}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: item.account.id }} size="sm">
                      {item.account.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{item.owner.name}</Table.Td>
                  <Table.Td>{format.calendarDate(item.dueOn)}</Table.Td>
                  <Table.Td ta="right">{item.daysOverdue}</Table.Td>
                  <Table.Td ta="right">{money(item.openMinor, item.currency)}</Table.Td>
                  <Table.Td>{t(`finance.receivables.actions.${item.nextAction}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
