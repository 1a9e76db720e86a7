import { Badge, Box, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quadrants } from '../../api/shared';
import { comparisonQuery, type PortfolioFilters, portfolioQuery } from './portfolio-api';
import { PortfolioFiltersBar } from './portfolio-filters';
import type { PortfolioSearch } from './portfolio-search';
import { PortfolioTable } from './portfolio-table';
import { arrowsOf, quadrantColors } from './portfolio-values';

// NOTE: ECharts is loaded with the matrix, not with the rest of the app; the matrix starts
// loading it as it mounts, alongside its data, rather than once the data has come.
const loadChart = () => import('./portfolio-chart').then((module) => ({ default: module.PortfolioChart }));
const PortfolioChart = lazy(loadChart);

const arrowLimit = 300;

type PortfolioMatrixProps = {
  search: PortfolioSearch;
  onChange: (change: Partial<PortfolioSearch>) => void;
  onClear: () => void;
};

/** The matrix tab: filters, the tally per quadrant, the bubble chart and the same accounts as a table. */
export function PortfolioMatrix({ search, onChange, onClear }: PortfolioMatrixProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters: PortfolioFilters = {
    owner: search.owner,
    industry: search.industry,
    status: search.status,
    keyOnly: search.keyOnly,
    size: search.size,
  };
  useEffect(() => void loadChart(), []);
  const portfolio = useQuery({ ...portfolioQuery(filters), placeholderData: keepPreviousData });
  const comparison = useQuery({ ...comparisonQuery(search.from ?? '', search.to), enabled: Boolean(search.from) });
  const [rendered, setRendered] = useState(false);
  const movement = useMemo(() => {
    if (!search.from || !comparison.data) return null;
    const { arrows, total } = arrowsOf(comparison.data.moves, arrowLimit);
    return { arrows, total, review: comparison.data.from.name };
  }, [search.from, comparison.data]);
  const open = useCallback(
    (accountId: string) => void navigate({ to: '/accounts/$accountId', params: { accountId } }),
    [navigate],
  );
  const onRendered = useCallback(() => setRendered(true), []);
  const data = portfolio.data;

  return (
    <Stack gap="sm" data-portfolio-ready={rendered && data ? 'true' : undefined}>
      <PortfolioFiltersBar search={search} onChange={onChange} onClear={onClear} />
      {!data ? (
        <Center h={300}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      ) : (
        <>
          <Group gap="xs" aria-live="polite">
            <Text size="sm" fw={500}>
              {t('portfolio.summary.shown', { count: data.total })}
            </Text>
            {quadrants.map((quadrant) => (
              <Badge key={quadrant} color={quadrantColors[quadrant]} variant="light" data-quadrant={quadrant}>
                {t(`portfolio.quadrant.${quadrant}`)}: {data.counts[quadrant]}
              </Badge>
            ))}
            <Badge color="gray" variant="outline">
              {t('portfolio.summary.unscored', { count: data.counts.unscored })}
            </Badge>
            {data.incomplete > 0 && (
              <Badge color="orange" variant="outline">
                {t('portfolio.summary.incomplete', { count: data.incomplete })}
              </Badge>
            )}
          </Group>
          <Suspense
            fallback={
              <Center h={480}>
                <Loader aria-label={t('portfolio.chart.loadingChart')} />
              </Center>
            }
          >
            <PortfolioChart
              portfolio={data}
              colorBy={search.color ?? 'quadrant'}
              movement={movement}
              onClearMovement={() => onChange({ from: undefined, to: undefined })}
              onOpen={open}
              onRendered={onRendered}
            />
          </Suspense>
          <Box h={440} style={{ display: 'flex', flexDirection: 'column' }}>
            <PortfolioTable portfolio={data} onOpen={open} />
          </Box>
        </>
      )}
    </Stack>
  );
}
