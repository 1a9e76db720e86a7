import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSeriesInput } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { CsvUploadModal } from './csv-upload-modal';
import { DerivedBadge } from './derived-badge';
import { FindingsList } from './findings-list';
import { HealthCard } from './health-card';
import { accountSeriesQuery, metricsQuery, useCreateSeries } from './kpis-api';
import { metricName, useSeriesName } from './metric-name';

/** The KPI section of the account page: its series, upload, and the findings on them. */
export function AccountKpis({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('kpis:write');
  const series = useQuery(accountSeriesQuery(accountId));
  const seriesName = useSeriesName();
  const [creating, setCreating] = useState(false);
  const [uploading, setUploading] = useState(false);
  const items = series.data ?? [];
  return (
    <Stack gap="md">
      <HealthCard accountId={accountId} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>{t('kpis.title')}</Title>
            {canWrite && (
              <Group gap="xs">
                <Button
                  size="sm"
                  variant="light"
                  leftSection={<IconUpload size={16} />}
                  onClick={() => setUploading(true)}
                >
                  {t('kpis.upload')}
                </Button>
                <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                  {t('kpis.newSeries')}
                </Button>
              </Group>
            )}
          </Group>
          {series.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('kpis.empty')}
            </Text>
          ) : (
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kpis.metric')}</Table.Th>
                  <Table.Th>{t('kpis.points')}</Table.Th>
                  <Table.Th>{t('kpis.lastPoint')}</Table.Th>
                  <Table.Th>{t('kpis.openFindings')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <AnchorLink to="/kpi-series/$seriesId" params={{ seriesId: item.id }}>
                          {seriesName(item.metricKey, item.dimension)}
                        </AnchorLink>
                        {item.sourceModule && <DerivedBadge module={item.sourceModule} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>{item.pointCount}</Table.Td>
                    <Table.Td>{item.lastAt ? format.date(item.lastAt) : '—'}</Table.Td>
                    <Table.Td>
                      {item.openFindings > 0 ? (
                        <Badge color="red">{item.openFindings}</Badge>
                      ) : (
                        <Text c="dimmed">0</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <FindingsList filter={{ accountId }} linkToSeries />
      <NewSeriesModal opened={creating} onClose={() => setCreating(false)} accountId={accountId} />
      <CsvUploadModal opened={uploading} onClose={() => setUploading(false)} accountId={accountId} />
    </Stack>
  );
}

function NewSeriesModal({ opened, onClose, accountId }: { opened: boolean; onClose: () => void; accountId: string }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('kpis.newSeries')}>
      {opened && <NewSeriesForm onClose={onClose} accountId={accountId} />}
    </Modal>
  );
}

function NewSeriesForm({ onClose, accountId }: { onClose: () => void; accountId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const metrics = useQuery(metricsQuery).data ?? [];
  const create = useCreateSeries();
  const form = useForm({
    initialValues: { metricKey: '', dimension: '' },
    validate: (values) => schemaErrors(createSeriesInput, { ...values, accountId }),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { ...values, accountId },
      {
        onSuccess: (series) => {
          notifySuccess(t('kpis.created'));
          onClose();
          void navigate({ to: '/kpi-series/$seriesId', params: { seriesId: series.id } });
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('kpis.metric')}
          data={metrics.map((metric) => ({ value: metric.key, label: metricName(metric, i18n.language) }))}
          searchable
          required
          {...form.getInputProps('metricKey')}
        />
        <TextInput
          label={t('kpis.dimension')}
          description={t('kpis.dimensionHint')}
          {...form.getInputProps('dimension')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('kpis.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
