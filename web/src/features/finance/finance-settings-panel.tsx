import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Currency, currencies, formatRate, parseVatRate, type VatMode, vatModes } from '../../api/shared';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type FinanceSettings, financeSettingsQuery, useFinanceMutation } from './finance-api';

const noVat = 'none';

const saveSettings = ({ version, ...body }: FinanceSettings) =>
  api.put<FinanceSettings>('/finance/settings', body, { ifMatch: version });

/** The workspace's VAT rates, default rate and mode, base currency and payment terms (finance and admin). */
export function FinanceSettingsPanel() {
  const settings = useQuery(financeSettingsQuery).data;
  if (!settings) return null;
  return <SettingsForm key={settings.version} settings={settings} />;
}

function SettingsForm({ settings }: { settings: FinanceSettings }) {
  const { t } = useTranslation();
  const [rates, setRates] = useState(() => settings.vatRates.map((rate) => formatRate(rate) as string));
  const [noVatAllowed, setNoVatAllowed] = useState(settings.noVatAllowed);
  const [defaultRate, setDefaultRate] = useState(
    settings.defaultVatRate === null ? noVat : String(settings.defaultVatRate),
  );
  const [vatMode, setVatMode] = useState<VatMode>(settings.vatMode);
  const [baseCurrency, setBaseCurrency] = useState<Currency>(settings.baseCurrency);
  const [terms, setTerms] = useState<number | string>(settings.paymentTermsDays);
  const save = useFinanceMutation(saveSettings);
  const parsed = rates.map(parseVatRate);
  const unreadable = rates.filter((_, index) => parsed[index] === undefined);
  const vatRates = [...new Set(parsed.filter((rate): rate is number => rate !== undefined))].sort((a, b) => a - b);
  const defaultOptions = [
    ...vatRates.map((rate) => ({ value: String(rate), label: formatRate(rate) as string })),
    ...(noVatAllowed ? [{ value: noVat, label: t('finance.invoice.noVat') }] : []),
  ];
  const defaultOffered = defaultOptions.some((option) => option.value === defaultRate);
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('finance.settings.hint')}
        </Text>
        <TagsInput
          label={t('finance.settings.rates')}
          description={t('finance.settings.ratesHint')}
          value={rates}
          onChange={setRates}
          error={unreadable.length > 0 ? t('finance.settings.unreadable', { rates: unreadable.join(', ') }) : undefined}
        />
        <Checkbox
          label={t('finance.settings.noVatAllowed')}
          checked={noVatAllowed}
          onChange={(event) => setNoVatAllowed(event.currentTarget.checked)}
        />
        <Select
          label={t('finance.settings.defaultRate')}
          data={defaultOptions}
          value={defaultOffered ? defaultRate : null}
          onChange={(value) => value && setDefaultRate(value)}
          error={defaultOffered ? undefined : t('finance.settings.pickDefault')}
          allowDeselect={false}
        />
        <Select
          label={t('finance.invoice.vatMode')}
          data={vatModes.map((mode) => ({ value: mode, label: t(`finance.invoice.vatModes.${mode}`) }))}
          value={vatMode}
          onChange={(value) => value && setVatMode(value as VatMode)}
          allowDeselect={false}
        />
        <Group grow>
          <Select
            label={t('finance.settings.baseCurrency')}
            data={[...currencies]}
            value={baseCurrency}
            onChange={(value) => value && setBaseCurrency(value as Currency)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('finance.contracts.paymentTermsDays')}
            value={terms}
            onChange={setTerms}
            min={0}
            max={3650}
          />
        </Group>
        {settings.version === 0 && <Alert color="gray">{t('finance.settings.defaults')}</Alert>}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            disabled={unreadable.length > 0 || !defaultOffered || typeof terms !== 'number'}
            onClick={() =>
              save.mutate(
                {
                  vatRates,
                  noVatAllowed,
                  defaultVatRate: defaultRate === noVat ? null : Number(defaultRate),
                  vatMode,
                  baseCurrency,
                  paymentTermsDays: Number(terms),
                  version: settings.version,
                },
                { onSuccess: () => notifySuccess(t('finance.settings.saved')), onError: notifyError },
              )
            }
          >
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
