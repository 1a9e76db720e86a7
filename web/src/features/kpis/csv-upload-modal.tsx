import { Alert, Button, FileInput, Group, List, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { maxPointsPerUpload } from '../../api/shared';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type ColumnMapping, type CsvTable, guessMapping, parseCsv, pointsFromRows } from './csv-points';
import { accountSeriesQuery, kpiKeys, metricsQuery, type SeriesDetail, type UpsertResult } from './kpis-api';
import { metricName } from './metric-name';

type CsvUploadModalProps = {
  opened: boolean;
  onClose: () => void;
  accountId: string;
  /** The series' metric and dimension when uploading from its page; rows with a channel go to that channel's series. */
  metricKey?: string;
  dimension?: string;
};

export function CsvUploadModal(props: CsvUploadModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" title={t('kpis.csv.title')}>
      {props.opened && <CsvUploadForm {...props} />}
    </Modal>
  );
}

const previewRows = 8;
const shownErrors = 20;

function CsvUploadForm({
  onClose,
  accountId,
  metricKey: fixedMetric,
  dimension: defaultDimension = '',
}: CsvUploadModalProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const metrics = useQuery(metricsQuery).data ?? [];
  const [metricKey, setMetricKey] = useState<string | null>(fixedMetric ?? null);
  const [table, setTable] = useState<CsvTable | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ date: null, value: null, dimension: null });
  const [uploading, setUploading] = useState(false);

  const read = async (file: File | null) => {
    if (!file) {
      setTable(null);
      return;
    }
    try {
      const parsed = parseCsv(await file.text());
      setTable(parsed);
      setMapping(guessMapping(parsed));
    } catch (error) {
      notifyError(error);
    }
  };

  const result = useMemo(() => (table ? pointsFromRows(table, mapping) : null), [table, mapping]);
  const ready = result ? [...result.groups.values()].reduce((sum, group) => sum + group.length, 0) : 0;
  const columns = (table?.headers ?? []).map((header, index) => ({
    value: String(index),
    label: header || `#${index + 1}`,
  }));
  const column = (key: keyof ColumnMapping, optional = false) => ({
    data: optional ? [{ value: '', label: t('kpis.csv.none') }, ...columns] : columns,
    value: mapping[key] === null ? (optional ? '' : null) : String(mapping[key]),
    onChange: (value: string | null) =>
      setMapping((current) => ({ ...current, [key]: value === null || value === '' ? null : Number(value) })),
    allowDeselect: false,
  });

  const upload = async () => {
    if (!result || !metricKey) return;
    setUploading(true);
    try {
      const existing = await queryClient.fetchQuery({ ...accountSeriesQuery(accountId), staleTime: 0 });
      const totals = { inserted: 0, updated: 0, unchanged: 0 };
      for (const [groupDimension, points] of result.groups) {
        const dimension = groupDimension || defaultDimension;
        let series = existing.find((item) => item.metricKey === metricKey && item.dimension === dimension);
        if (!series) series = await api.post<SeriesDetail>('/kpi-series', { accountId, metricKey, dimension });
        for (let start = 0; start < points.length; start += maxPointsPerUpload) {
          const answer = await api.post<UpsertResult>(`/kpi-series/${series.id}/points`, {
            points: points.slice(start, start + maxPointsPerUpload),
          });
          totals.inserted += answer.inserted;
          totals.updated += answer.updated;
          totals.unchanged += answer.unchanged;
        }
      }
      notifySuccess(t('kpis.csv.done', totals));
      await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack>
      {!fixedMetric && (
        <Select
          label={t('kpis.metric')}
          data={metrics.map((metric) => ({ value: metric.key, label: metricName(metric, i18n.language) }))}
          searchable
          required
          value={metricKey}
          onChange={setMetricKey}
        />
      )}
      <FileInput
        label={t('kpis.csv.file')}
        description={t('kpis.csv.fileHint')}
        accept=".csv,text/csv,text/plain"
        leftSection={<IconFileTypeCsv size={16} />}
        onChange={(file) => void read(file)}
        clearable
      />
      {table && (
        <>
          <SimpleGrid cols={3}>
            <Select label={t('kpis.csv.dateColumn')} {...column('date')} />
            <Select label={t('kpis.csv.valueColumn')} {...column('value')} />
            <Select label={t('kpis.csv.dimensionColumn')} {...column('dimension', true)} />
          </SimpleGrid>
          <Text fw={600}>{t('kpis.csv.preview')}</Text>
          <Table striped withTableBorder data-testid="csv-preview">
            <Table.Thead>
              <Table.Tr>
                {table.headers.map((header, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no other identity
                  <Table.Th key={index}>{header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.slice(0, previewRows).map((row, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file have no other identity
                <Table.Tr key={rowIndex}>
                  {row.map((cell, cellIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no other identity
                    <Table.Td key={cellIndex}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('kpis.csv.rowsOk', { count: ready })}</Text>
          {result && result.errors.length > 0 && (
            <Alert color="orange" title={t('kpis.csv.rowErrors', { count: result.errors.length })}>
              <List size="sm" data-testid="csv-row-errors">
                {result.errors.slice(0, shownErrors).map((error) => (
                  <List.Item key={error.line}>{t(`kpis.csv.rowError.${error.problem}`, error)}</List.Item>
                ))}
              </List>
              {result.errors.length > shownErrors && (
                <Text size="sm">{t('kpis.csv.moreErrors', { count: result.errors.length - shownErrors })}</Text>
              )}
            </Alert>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel')}
        </Button>
        <Button onClick={() => void upload()} loading={uploading} disabled={!metricKey || ready === 0}>
          {t('kpis.csv.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
