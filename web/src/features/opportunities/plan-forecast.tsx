import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, currencies, formatMoney, parseMoney } from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import {
  opportunitiesApi,
  type PlanForecast,
  type PlanForecastBlock,
  planForecastQuery,
  useOpportunityMutation,
} from './opportunities-api';

/**
 * Plan vs forecast vs actual for one plan: one table per currency (never added together), by
 * month with the year to date and the full period, and where the actuals come from.
 */
export function PlanForecastPanel({
  planId,
  planVersion,
  mayEdit,
}: {
  planId: string;
  planVersion: number;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const report = useQuery(planForecastQuery(planId, planVersion)).data;
  if (!report) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('opportunities.forecast.title')}</Title>
          <Badge variant="light" color={report.actualsSource === 'hidden' ? 'gray' : 'blue'}>
            {t(`opportunities.forecast.source.${report.actualsSource}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`opportunities.forecast.sourceHint.${report.actualsSource}`)} {t('opportunities.forecast.rules')}
        </Text>
        {report.currencies.length === 0 && <Text c="dimmed">{t('opportunities.forecast.empty')}</Text>}
        {report.currencies.length > 1 && (
          <Alert color="yellow" variant="light">
            {t('opportunities.forecast.manyCurrencies', { count: report.currencies.length })}
          </Alert>
        )}
        {report.currencies.map((block) => (
          <CurrencyForecast key={block.currency} block={block} />
        ))}
        {mayEdit && report.actualsSource === 'entered' && <EnterActualForm report={report} />}
      </Stack>
    </Paper>
  );
}

function CurrencyForecast({ block }: { block: PlanForecastBlock }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const money = (amount: number) => formatMoney(amount, block.currency, locale);
  const variance = (amount: number) => (
    <Text size="sm" c={amount < 0 ? 'red' : amount > 0 ? 'teal' : undefined}>
      {money(amount)}
    </Text>
  );
  const headers = ['month', 'plan', 'actual', 'pipeline', 'renewals', 'runRate', 'forecast', 'variance'] as const;
  return (
    <ScrollArea>
      <Table
        withTableBorder
        striped
        aria-label={t('opportunities.forecast.tableLabel', { currency: block.currency })}
        data-testid="forecast-table"
      >
        <Table.Caption>{t('opportunities.forecast.caption', { currency: block.currency })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header}>{t(`opportunities.forecast.columns.${header}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {block.months.map((row) => (
            <Table.Tr key={row.month}>
              <Table.Td>
                {row.month}
                {!row.past && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('opportunities.forecast.projected')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{money(row.planMinor)}</Table.Td>
              <Table.Td>{money(row.actualMinor)}</Table.Td>
              <Table.Td>{money(row.weightedPipelineMinor)}</Table.Td>
              <Table.Td>{money(row.renewalsMinor)}</Table.Td>
              <Table.Td>{money(row.runRateMinor)}</Table.Td>
              <Table.Td>{money(row.forecastMinor)}</Table.Td>
              <Table.Td>{variance(row.varianceMinor)}</Table.Td>
            </Table.Tr>
          ))}
          {(['yearToDate', 'fullPeriod'] as const).map((key) => (
            <Table.Tr key={key} fw={600}>
              <Table.Td>{t(`opportunities.forecast.${key}`)}</Table.Td>
              <Table.Td>{money(block[key].planMinor)}</Table.Td>
              <Table.Td>{money(block[key].actualMinor)}</Table.Td>
              <Table.Td />
              <Table.Td />
              <Table.Td />
              <Table.Td>{money(block[key].forecastMinor)}</Table.Td>
              <Table.Td>{variance(block[key].varianceMinor)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** For accounts whose invoices are not in Accord: one month's revenue, typed in whole or decimal units. */
function EnterActualForm({ report }: { report: PlanForecast }) {
  const { t } = useTranslation();
  const canWrite = useCan('plans:write');
  const [month, setMonth] = useState(report.today.slice(0, 7));
  const [currency, setCurrency] = useState<Currency>(report.currencies[0]?.currency ?? 'RUB');
  const [amount, setAmount] = useState('');
  const enter = useOpportunityMutation(opportunitiesApi.enterActual);
  if (!canWrite) return null;
  const submit = () => {
    const amountMinor = parseMoney(amount, currency);
    if (amountMinor === undefined) return notifyError(new Error(t('opportunities.forecast.badAmount')));
    enter.mutate(
      { planId: report.planId, month, currency, amountMinor },
      { onSuccess: () => setAmount(''), onError: notifyError },
    );
  };
  return (
    <Group align="end">
      <TextInput
        type="month"
        label={t('opportunities.forecast.month')}
        value={month}
        onChange={(event) => setMonth(event.currentTarget.value)}
      />
      <Select
        label={t('opportunities.forecast.currency')}
        data={[...currencies]}
        value={currency}
        onChange={(value) => value && setCurrency(value as Currency)}
        allowDeselect={false}
        w={110}
      />
      <TextInput
        label={t('opportunities.forecast.enteredAmount')}
        value={amount}
        onChange={(event) => setAmount(event.currentTarget.value)}
      />
      <Button onClick={submit} loading={enter.isPending}>
        {t('opportunities.forecast.enter')}
      </Button>
    </Group>
  );
}
