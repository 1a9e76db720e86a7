import { Breadcrumbs, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader, RouteErrorPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { EChart } from '../../shared/echart';
import { useFormat } from '../../shared/use-format';
import { accountQuery } from '../accounts/accounts-api';
import { useCan } from '../auth/session';
import { type MarkerDatum, seriesChartOption } from './chart-option';
import { CsvUploadModal } from './csv-upload-modal';
import { DerivedBadge } from './derived-badge';
import { FindingsList } from './findings-list';
import {
  accountSeriesQuery,
  type Finding,
  findingsQuery,
  type Point,
  pointsQuery,
  type SeriesDetail,
  seriesQuery,
  targetsQuery,
} from './kpis-api';
import { useSeriesName } from './metric-name';
import { SeriesTargets } from './series-targets';

const noFindings: Finding[] = [];
// NOTE: a stable function, so the combined list keeps its identity until a query's data changes
// (a new chart option on every render would reset the zoom).
const dataOfEach = (results: { data?: Point[] | undefined }[]) => results.map((result) => result.data);

/** A KPI series: chart with expected band, targets and anomaly markers; findings; targets; CSV upload. */
export function SeriesPage() {
  const { seriesId } = useParams({ from: '/app/kpi-series/$seriesId' });
  const series = useQuery(seriesQuery(seriesId));
  if (series.isError) return <RouteErrorPage error={series.error} />;
  if (!series.data) {
    return <PageLoader />;
  }
  return <SeriesView series={series.data} />;
}

function SeriesView({ series }: { series: SeriesDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('kpis:write');
  const seriesName = useSeriesName();
  const name = seriesName(series.metricKey, series.dimension);
  const account = useQuery(accountQuery(series.accountId)).data;
  const [selected, setSelected] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const points = useQuery({
    ...pointsQuery(series.id),
    // NOTE: detection runs in the background after an upload: poll until every point is scored.
    refetchInterval: (query) => (query.state.data?.some((point) => point.score === null) ? 1_500 : false),
  });
  const pending = points.data?.some((point) => point.score === null) ?? false;
  const findings = useQuery({ ...findingsQuery({ seriesId: series.id }), refetchInterval: pending ? 1_500 : false });
  const queryClient = useQueryClient();
  const wasPending = useRef(false);
  useEffect(() => {
    // NOTE: the findings list pages on its own: reload it once detection has scored every point.
    if (wasPending.current && !pending) void queryClient.invalidateQueries({ queryKey: ['kpis', 'findings'] });
    wasPending.current = pending;
  }, [pending, queryClient]);
  const targets = useQuery(targetsQuery(series.id));
  const accountSeries = useQuery(accountSeriesQuery(series.accountId)).data;
  const siblings = useMemo(
    () => (accountSeries ?? []).filter((other) => other.metricKey === series.metricKey && other.id !== series.id),
    [accountSeries, series.metricKey, series.id],
  );
  const compared = useQueries({ queries: compareIds.map((id) => pointsQuery(id)), combine: dataOfEach });
  const { number, axisDate } = useMemo(
    () => ({
      number: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }),
      axisDate: new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    }),
    [i18n.language],
  );

  const findingItems = findings.data ?? noFindings;
  const option = useMemo(
    () =>
      seriesChartOption({
        name,
        points: points.data ?? [],
        findings: findingItems,
        targets: targets.data ?? [],
        aggregation: series.metric.aggregation,
        compare: compareIds.flatMap((id, index) => {
          const other = siblings.find((item) => item.id === id);
          const data = compared[index];
          return other && data ? [{ name: other.dimension || t('kpis.noDimension'), points: data }] : [];
        }),
        texts: {
          actual: t('kpis.chart.actual'),
          expected: t('kpis.chart.expected'),
          target: t('kpis.chart.target'),
          anomalies: t('kpis.chart.anomalies'),
          finding: (finding) =>
            `<b>${t(`kpis.findings.kind.${finding.kind}`)}</b><br/>${
              i18n.language === 'ru' ? finding.explanation.ru : finding.explanation.en
            }`,
          point: (at, value, seriesName) => `${format.date(at)}<br/>${seriesName}: <b>${number.format(value)}</b>`,
          axisDate: (time) => axisDate.format(new Date(time)),
        },
      }),
    [
      name,
      points.data,
      findingItems,
      targets.data,
      series.metric.aggregation,
      compareIds,
      siblings,
      compared,
      t,
      i18n.language,
      format,
      number,
      axisDate,
    ],
  );

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/accounts" size="sm">
          {t('accounts.title')}
        </AnchorLink>
        <AnchorLink to="/accounts/$accountId" params={{ accountId: series.accountId }} size="sm">
          {account?.name ?? '…'}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{name}</Title>
          {series.sourceModule && <DerivedBadge module={series.sourceModule} />}
        </Group>
        {canWrite && !series.source && (
          <Button leftSection={<IconUpload size={16} />} variant="light" onClick={() => setUploading(true)}>
            {t('kpis.upload')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          {siblings.length > 0 && (
            <MultiSelect
              label={t('kpis.chart.compare')}
              data={siblings.map((other) => ({ value: other.id, label: other.dimension || t('kpis.noDimension') }))}
              value={compareIds}
              onChange={setCompareIds}
              maw={480}
            />
          )}
          {points.isSuccess && points.data.length === 0 ? (
            <Text c="dimmed">{t('kpis.chart.noPoints')}</Text>
          ) : (
            <div data-testid="kpi-chart" data-markers={findingItems.length}>
              <EChart
                option={option}
                label={t('kpis.chart.label', { name })}
                onClick={(event) => {
                  if (event.seriesType === 'scatter') setSelected((event.data as MarkerDatum).findingId);
                }}
              />
            </div>
          )}
          <Group gap="md">
            {pending && (
              <Text size="sm" c="dimmed">
                {t('kpis.chart.detecting')}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('kpis.chart.markers', { count: findingItems.length })}
            </Text>
          </Group>
        </Stack>
      </Paper>
      <FindingsList filter={{ seriesId: series.id }} selectedId={selected} />
      <SeriesTargets seriesId={series.id} targets={targets.data ?? []} />
      <CsvUploadModal
        opened={uploading}
        onClose={() => setUploading(false)}
        accountId={series.accountId}
        metricKey={series.metricKey}
        dimension={series.dimension}
      />
    </Stack>
  );
}
