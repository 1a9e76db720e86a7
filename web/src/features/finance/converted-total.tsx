import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, currencies } from '../../api/shared';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { convertedReceivablesQuery, financeSettingsQuery, setExchangeRate, useFinanceMutation } from './finance-api';
import { useMoney } from './money';

/**
 * The open receivables converted into the base currency, marked as converted and with the rates
 * used; when a currency has no rate it says so and offers to enter one, instead of a wrong total.
 */
export function ConvertedTotal() {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const base = useQuery(financeSettingsQuery).data?.baseCurrency;
  const converted = useQuery({ ...convertedReceivablesQuery(base ?? 'RUB'), enabled: base !== undefined }).data
    ?.converted;
  const canWrite = useCan('finance:write');
  const today = localDay();
  const [rate, setRate] = useState({ rateOn: today, base: 'USD' as Currency, rate: '' });
  const save = useFinanceMutation(setExchangeRate);
  if (!converted || !base) return null;
  return (
    <>
      {converted.totals ? (
        <Text size="sm" aria-label={t('finance.rates.converted')}>
          {t('finance.rates.total', { currency: base, amount: money(converted.totals.openMinor, base) })}{' '}
          <Text span size="xs" c="dimmed">
            {converted.rates
              .map((used) => t('finance.rates.used', { ...used, rateOn: format.calendarDate(used.rateOn) }))
              .join('; ')}
          </Text>
        </Text>
      ) : (
        <Text size="sm" c="orange">
          {t('finance.rates.missing', { currencies: converted.missingRates.join(', '), currency: base })}
        </Text>
      )}
      {canWrite && (
        <Group align="flex-end" mt="xs">
          <TextInput
            type="date"
            size="xs"
            label={t('finance.rates.date')}
            value={rate.rateOn}
            onChange={(event) => setRate({ ...rate, rateOn: event.currentTarget.value })}
          />
          <Select
            size="xs"
            w={100}
            label={t('finance.rates.currency')}
            data={currencies.filter((currency) => currency !== base)}
            value={rate.base}
            onChange={(value) => value && setRate({ ...rate, base: value as Currency })}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            label={t('finance.rates.rate', { currency: base })}
            value={rate.rate}
            onChange={(event) => setRate({ ...rate, rate: event.currentTarget.value })}
          />
          <Button
            size="xs"
            loading={save.isPending}
            disabled={rate.rate.trim() === ''}
            onClick={() =>
              save.mutate(
                { ...rate, quote: base },
                { onSuccess: () => notifySuccess(t('finance.rates.saved')), onError: notifyError },
              )
            }
          >
            {t('finance.rates.save')}
          </Button>
        </Group>
      )}
    </>
  );
}
