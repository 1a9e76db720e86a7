import { Autocomplete, Divider, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { accountStatuses } from '../../api/shared';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import type { CustomField } from '../custom-fields/custom-fields-api';
import type { AccountFormValues } from './account-form-values';
import { type Account, accountFacetsQuery } from './accounts-api';
import { ParentAccountSelect } from './parent-account-select';
import { TeamEditor } from './team-editor';

type AccountFormFieldsProps = {
  form: UseFormReturnType<AccountFormValues>;
  account?: Account;
  members: { value: string; label: string }[];
  definitions: readonly CustomField[];
};

export function AccountFormFields({ form, account, members, definitions }: AccountFormFieldsProps) {
  const { t } = useTranslation();
  const facets = useQuery(accountFacetsQuery()).data;
  const currencies = useMemo(() => Intl.supportedValuesOf('currency'), []);
  const statuses = accountStatuses.map((status) => ({ value: status, label: t(`accountStatus.${status}`) }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('account.fields.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('account.fields.legalName')} {...form.getInputProps('legalName')} />
        <TextInput label={t('account.fields.taxId')} {...form.getInputProps('taxId')} />
        <TextInput label={t('account.fields.website')} placeholder="romashka.ru" {...form.getInputProps('website')} />
        <Autocomplete
          label={t('account.fields.industry')}
          data={(facets?.industries ?? []).map((industry) => industry.value)}
          {...form.getInputProps('industry')}
        />
        <TextInput label={t('account.fields.segment')} {...form.getInputProps('segment')} />
        <Select
          label={t('account.fields.status')}
          data={statuses}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Select
          label={t('account.fields.currency')}
          data={currencies}
          searchable
          allowDeselect={false}
          {...form.getInputProps('currency')}
        />
        <Select
          label={t('account.fields.owner')}
          data={members}
          searchable
          allowDeselect={false}
          {...form.getInputProps('ownerId')}
        />
        <ParentAccountSelect
          initialParent={account?.parent ?? null}
          excludeId={account?.id}
          {...form.getInputProps('parentId')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('account.fields.tags')}
        placeholder={t('account.form.tagsPlaceholder')}
        clearable
        {...form.getInputProps('tags')}
      />
      <Textarea label={t('account.fields.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
      <TeamEditor form={form} members={members} />
      {definitions.length > 0 && (
        <>
          <Divider label={t('account.customFields')} labelPosition="left" />
          <CustomFieldInputs definitions={definitions} form={form} />
        </>
      )}
    </Stack>
  );
}
