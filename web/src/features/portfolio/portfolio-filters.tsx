import { Button, Group, MultiSelect, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountStatuses } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { notifyError } from '../../shared/notify';
import { accountFacetsQuery } from '../accounts/accounts-api';
import { downloadPortfolioCsv, factsQuery, type PortfolioFilters, portfolioModelQuery } from './portfolio-api';
import { hasPortfolioFilters, type PortfolioSearch } from './portfolio-search';

type PortfolioFiltersBarProps = {
  search: PortfolioSearch;
  onChange: (change: Partial<PortfolioSearch>) => void;
  onClear: () => void;
};

const noneToUndefined = <T,>(values: T[]) => (values.length > 0 ? values : undefined);

/** Owner, industry and status filters, key accounts only, colour and bubble size, CSV export. */
export function PortfolioFiltersBar({ search, onChange, onClear }: PortfolioFiltersBarProps) {
  const { t } = useTranslation();
  const facets = useQuery(accountFacetsQuery()).data;
  const facts = useQuery(factsQuery).data?.items ?? [];
  const model = useQuery(portfolioModelQuery).data;
  const [exporting, setExporting] = useState(false);
  const language = currentLanguage();
  const sizeOptions = [
    { value: '', label: t('portfolio.filters.sizeNone') },
    ...facts.map((fact) => ({
      value: `fact:${fact.key}`,
      label: t('portfolio.filters.sizeFact', { label: fact.label[language] }),
    })),
    ...[...(model?.attractiveness ?? []), ...(model?.strength ?? [])]
      .filter((criterion) => criterion.source.kind === 'rating')
      .map((criterion) => ({
        value: `criterion:${criterion.key}`,
        label: t('portfolio.filters.sizeCriterion', { label: criterion.label[language] }),
      })),
  ];
  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadPortfolioCsv(search as PortfolioFilters);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        w={220}
        label={t('portfolio.filters.owner')}
        placeholder={search.owner ? undefined : t('portfolio.filters.any')}
        data={(facets?.owners ?? []).map((owner) => ({ value: owner.id, label: owner.name }))}
        value={search.owner ?? []}
        onChange={(values) => onChange({ owner: noneToUndefined(values) })}
        searchable
        clearable
      />
      <MultiSelect
        w={200}
        label={t('portfolio.filters.industry')}
        placeholder={search.industry ? undefined : t('portfolio.filters.any')}
        data={(facets?.industries ?? []).map((industry) => industry.value)}
        value={search.industry ?? []}
        onChange={(values) => onChange({ industry: noneToUndefined(values) })}
        searchable
        clearable
      />
      <MultiSelect
        w={200}
        label={t('portfolio.filters.status')}
        placeholder={search.status ? undefined : t('portfolio.filters.any')}
        data={accountStatuses.map((status) => ({ value: status, label: t(`accountStatus.${status}`) }))}
        value={search.status ?? []}
        onChange={(values) => onChange({ status: noneToUndefined(values) as PortfolioSearch['status'] })}
        clearable
      />
      <Switch
        mb={8}
        label={t('portfolio.filters.keyOnly')}
        checked={Boolean(search.keyOnly)}
        onChange={(event) => onChange({ keyOnly: event.currentTarget.checked || undefined })}
      />
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('portfolio.filters.colorBy')}
        </Text>
        <SegmentedControl
          size="sm"
          value={search.color ?? 'quadrant'}
          onChange={(value) => onChange({ color: value === 'quadrant' ? undefined : (value as 'owner') })}
          data={[
            { value: 'quadrant', label: t('portfolio.filters.colorByQuadrant') },
            { value: 'owner', label: t('portfolio.filters.colorByOwner') },
          ]}
        />
      </Stack>
      <Select
        w={240}
        label={t('portfolio.filters.sizeBy')}
        data={sizeOptions}
        value={search.size ?? ''}
        onChange={(value) => onChange({ size: value || undefined })}
        allowDeselect={false}
      />
      {hasPortfolioFilters(search) && (
        <Button variant="subtle" onClick={onClear}>
          {t('portfolio.filters.clear')}
        </Button>
      )}
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        loading={exporting}
        onClick={() => void exportCsv()}
        ml="auto"
      >
        {t('portfolio.filters.export')}
      </Button>
    </Group>
  );
}
