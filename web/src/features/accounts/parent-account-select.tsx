import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountSearchQuery } from './accounts-api';

type ParentAccountSelectProps = {
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  /** The stored parent, so its name shows before any search. */
  initialParent: { id: string; name: string } | null;
  /** The account being edited: it cannot be its own parent. */
  excludeId?: string;
};

/** Picks the parent account by searching the server (`/accounts?q=`), not a preloaded list. */
export function ParentAccountSelect({ value, onChange, error, initialParent, excludeId }: ParentAccountSelectProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(
    initialParent ? { value: initialParent.id, label: initialParent.name } : null,
  );
  const [search, setSearch] = useState(initialParent?.name ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const query = debouncedSearch === selected?.label ? '' : debouncedSearch.trim();
  const results = useQuery({ ...accountSearchQuery(query), placeholderData: keepPreviousData });
  const options = (results.data?.items ?? [])
    .filter((account) => account.id !== excludeId)
    .map((account) => ({ value: account.id, label: account.name }));
  const data =
    selected && !options.some((option) => option.value === selected.value) ? [selected, ...options] : options;

  return (
    <Select
      label={t('account.fields.parent')}
      placeholder={t('account.form.parentPlaceholder')}
      data={data}
      value={value ?? null}
      onChange={(next, option) => {
        setSelected(next && option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('table.loading') : t('account.form.noAccountsFound')}
      clearable
      error={error}
    />
  );
}
