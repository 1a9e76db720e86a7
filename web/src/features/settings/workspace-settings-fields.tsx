import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettings } from './workspace-api';

/** Name, default currency, language and time zone: the same fields for editing and for a new workspace. */
export function WorkspaceSettingsFields({ form }: { form: UseFormReturnType<WorkspaceSettings> }) {
  const { t } = useTranslation();
  const currencies = useMemo(() => Intl.supportedValuesOf('currency'), []);
  const timeZones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone')], []);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('settings.workspace.name')} required data-autofocus {...form.getInputProps('name')} />
      <Select
        label={t('settings.workspace.defaultCurrency')}
        data={currencies}
        searchable
        allowDeselect={false}
        {...form.getInputProps('defaultCurrency')}
      />
      <Select
        label={t('settings.workspace.locale')}
        data={[
          { value: 'ru', label: 'Русский' },
          { value: 'en', label: 'English' },
        ]}
        allowDeselect={false}
        {...form.getInputProps('locale')}
      />
      <Select
        label={t('settings.workspace.timeZone')}
        data={timeZones}
        searchable
        allowDeselect={false}
        {...form.getInputProps('timeZone')}
      />
    </SimpleGrid>
  );
}
