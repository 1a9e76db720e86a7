import { Button, CloseButton, Group, MultiSelect, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountStatuses } from '../../api/shared';
import { accountFacetsQuery } from './accounts-api';
import { type AccountFilters, hasFilters } from './accounts-search';

type AccountFiltersBarProps = {
  filters: AccountFilters;
  onChange: (change: Partial<AccountFilters>) => void;
  onClear: () => void;
  /** Where ArrowDown in the search box sends the focus: the first row of the list. */
  onLeaveSearch: () => void;
};

const noneToUndefined = (values: string[]) => (values.length > 0 ? values : undefined);

/** Search (debounced) and the owner, status and industry filters, whose choices come from the facets. */
export function AccountFiltersBar({ filters, onChange, onClear, onLeaveSearch }: AccountFiltersBarProps) {
  const { t } = useTranslation();
  const facets = useQuery({ ...accountFacetsQuery(filters), placeholderData: keepPreviousData }).data;
  const [text, setText] = useState(filters.q ?? '');
  const [debouncedText] = useDebouncedValue(text, 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchedText = useRef(filters.q);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only settled typing searches, not a URL change
  useEffect(() => {
    const q = debouncedText.trim() || undefined;
    searchedText.current = q;
    if (q !== filters.q) onChange({ q });
  }, [debouncedText]);

  // NOTE: follow the URL when it changes from outside (back button, clear filters), not while typing.
  useEffect(() => {
    if (filters.q !== searchedText.current) {
      searchedText.current = filters.q;
      setText(filters.q ?? '');
    }
  }, [filters.q]);

  const countOf = (count: number | undefined) => (count === undefined ? '' : ` (${count})`);
  const statusCounts = new Map(facets?.statuses.map((facet) => [facet.value, facet.count]));
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeaveSearch();
    } else if (event.key === 'Enter') {
      searchedText.current = text.trim() || undefined;
      onChange({ q: searchedText.current });
    }
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        type="search"
        w={280}
        label={t('accounts.search')}
        placeholder={t('accounts.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={text ? <CloseButton aria-label={t('actions.clear')} onClick={() => setText('')} /> : null}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
      />
      <MultiSelect
        w={200}
        label={t('accounts.status')}
        placeholder={filters.status ? undefined : t('accounts.any')}
        data={accountStatuses.map((status) => ({
          value: status,
          label: `${t(`accountStatus.${status}`)}${countOf(statusCounts.get(status))}`,
        }))}
        value={filters.status ?? []}
        onChange={(values) => onChange({ status: noneToUndefined(values) as AccountFilters['status'] })}
        clearable
      />
      <MultiSelect
        w={220}
        label={t('accounts.owner')}
        placeholder={filters.owner ? undefined : t('accounts.any')}
        data={(facets?.owners ?? []).map((owner) => ({ value: owner.id, label: `${owner.name} (${owner.count})` }))}
        value={filters.owner ?? []}
        onChange={(values) => onChange({ owner: noneToUndefined(values) })}
        searchable
        clearable
      />
      <MultiSelect
        w={220}
        label={t('accounts.industry')}
        placeholder={filters.industry ? undefined : t('accounts.any')}
        data={(facets?.industries ?? []).map((industry) => ({
          value: industry.value,
          label: `${industry.value} (${industry.count})`,
        }))}
        value={filters.industry ?? []}
        onChange={(values) => onChange({ industry: noneToUndefined(values) })}
        searchable
        clearable
      />
      {hasFilters(filters) && (
        <Button variant="subtle" onClick={onClear}>
          {t('accounts.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
