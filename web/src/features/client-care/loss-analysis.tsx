import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { useFormat } from '../../shared/use-format';
import { useMoney } from '../finance/money';
import { lossAnalysisQuery } from './care-api';

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** Clients lost in a period: by reason (with their revenue of the year before, where visible) and by month. */
export function LossAnalysisPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const period = { ...(isDate(from) ? { from } : {}), ...(isDate(to) ? { to } : {}) };
  const analysis = useQuery({ ...lossAnalysisQuery(period), placeholderData: keepPreviousData });
  const revenue = (amounts: { currency: string; amountMinor: number }[] | null) =>
    amounts === null
      ? t('clientCare.analysis.hidden')
      : amounts.length === 0
        ? '—'
        : amounts.map((amount) => money(amount.amountMinor, amount.currency as Currency)).join(' + ');
  const data = analysis.data;
  return (
    <Stack>
      <Group>
        <TextInput
          type="date"
          label={t('clientCare.analysis.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('clientCare.analysis.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {data && data.losses.length === 0 && <Text c="dimmed">{t('clientCare.analysis.empty')}</Text>}
      {data && data.losses.length > 0 && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('clientCare.analysis.byReason')}
              </Title>
              <Table aria-label={t('clientCare.analysis.byReason')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clientCare.analysis.reason')}</Table.Th>
                    <Table.Th>{t('clientCare.analysis.count')}</Table.Th>
                    <Table.Th>{t('clientCare.analysis.revenue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.byReason.map((row) => (
                    <Table.Tr key={row.reason}>
                      <Table.Td>{t(`clientCare.lossReason.${row.reason}`)}</Table.Td>
                      <Table.Td>{row.count}</Table.Td>
                      <Table.Td>{revenue(row.revenue12Months)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('clientCare.analysis.byMonth')}
              </Title>
              <Table aria-label={t('clientCare.analysis.byMonth')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clientCare.analysis.month')}</Table.Th>
                    <Table.Th>{t('clientCare.analysis.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.byMonth.map((row) => (
                    <Table.Tr key={row.month}>
                      <Table.Td>{row.month}</Table.Td>
                      <Table.Td>{row.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('clientCare.analysis.list')}
            </Title>
            <Table aria-label={t('clientCare.analysis.list')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clientCare.analysis.account')}</Table.Th>
                  <Table.Th>{t('clientCare.analysis.lostOn')}</Table.Th>
                  <Table.Th>{t('clientCare.analysis.reason')}</Table.Th>
                  <Table.Th>{t('clientCare.analysis.revenue')}</Table.Th>
                  <Table.Th>{t('clientCare.loss.story')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.losses.map((loss) => (
                  <Table.Tr key={loss.id}>
                    <Table.Td>
                      <AnchorLink to="/accounts/$accountId" params={{ accountId: loss.accountId }}>
                        {loss.accountName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{format.calendarDate(loss.lostOn)}</Table.Td>
                    <Table.Td>{t(`clientCare.lossReason.${loss.reason}`)}</Table.Td>
                    <Table.Td>{revenue(loss.revenue12Months)}</Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm" lineClamp={2}>
                        {loss.story}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
