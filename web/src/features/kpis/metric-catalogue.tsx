import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createMetricInput,
  type MetricAggregation,
  type MetricDirection,
  type MetricFrequency,
  type MetricUnit,
  metricAggregations,
  metricDirections,
  metricFrequencies,
  metricUnits,
  updateMetricInput,
} from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useDeleteMetric, useSaveMetric } from './kpi-settings-api';
import { type Metric, metricsQuery } from './kpis-api';
import { metricName } from './metric-name';

/** The metric catalogue: built-in metrics to read, the workspace's own to add, change and delete. */
export function MetricCatalogue() {
  const { t, i18n } = useTranslation();
  const metrics = useQuery(metricsQuery).data ?? [];
  const [editing, setEditing] = useState<Metric | 'new' | undefined>();
  const remove = useDeleteMetric();
  const confirmDelete = (metric: Metric) =>
    confirmDanger({
      title: t('kpis.metrics.delete'),
      message: t('kpis.metrics.deleteConfirm', { name: metricName(metric, i18n.language) }),
      confirmLabel: t('kpis.metrics.delete'),
      onConfirm: () =>
        remove.mutate(metric, { onSuccess: () => notifySuccess(t('kpis.metrics.deleted')), onError: notifyError }),
    });
  return (
    <Paper withBorder p="md" data-testid="metric-catalogue">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('kpis.metrics.title')}</Title>
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('kpis.metrics.add')}
          </Button>
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kpis.metric')}</Table.Th>
              <Table.Th>{t('kpis.metrics.key')}</Table.Th>
              <Table.Th>{t('kpis.metrics.unitLabel')}</Table.Th>
              <Table.Th>{t('kpis.metrics.direction')}</Table.Th>
              <Table.Th>{t('kpis.metrics.aggregation')}</Table.Th>
              <Table.Th>{t('kpis.metrics.frequency')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metrics.map((metric) => (
              <Table.Tr key={metric.key}>
                <Table.Td>{metricName(metric, i18n.language)}</Table.Td>
                <Table.Td>
                  <code>{metric.key}</code>
                </Table.Td>
                <Table.Td>{t(`kpis.unit.${metric.unit}`)}</Table.Td>
                <Table.Td>{t(`kpis.metrics.directions.${metric.direction}`)}</Table.Td>
                <Table.Td>{t(`kpis.metrics.aggregations.${metric.aggregation}`)}</Table.Td>
                <Table.Td>{t(`kpis.metrics.frequencies.${metric.frequency}`)}</Table.Td>
                <Table.Td>
                  {metric.builtIn ? (
                    <Badge variant="light" color="gray">
                      {t('kpis.metrics.builtIn')}
                    </Badge>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('kpis.metrics.edit')} ${metric.key}`}
                        onClick={() => setEditing(metric)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('kpis.metrics.delete')} ${metric.key}`}
                        onClick={() => confirmDelete(metric)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === 'new' ? t('kpis.metrics.add') : t('kpis.metrics.edit')}
      >
        {editing !== undefined && (
          <MetricForm metric={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />
        )}
      </Modal>
    </Paper>
  );
}

type MetricValues = {
  key: string;
  nameEn: string;
  nameRu: string;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  frequency: MetricFrequency;
};

function MetricForm({ metric, onClose }: { metric: Metric | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMetric();
  const form = useForm<MetricValues>({
    initialValues: metric
      ? {
          key: metric.key,
          nameEn: metric.nameEn,
          nameRu: metric.nameRu,
          unit: metric.unit,
          direction: metric.direction,
          aggregation: metric.aggregation,
          frequency: metric.frequency,
        }
      : {
          key: '',
          nameEn: '',
          nameRu: '',
          unit: 'count',
          direction: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'week',
        },
    validate: (values) => {
      if (!metric) return schemaErrors(createMetricInput, values);
      const { key: _key, ...changes } = values;
      return schemaErrors(updateMetricInput, changes);
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { ...(metric ? { metric } : {}), input: values },
      {
        onSuccess: () => {
          notifySuccess(t('kpis.metrics.saved'));
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  const options = <Value extends string>(values: readonly Value[], label: (value: Value) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('kpis.metrics.key')}
          description={t('kpis.metrics.keyHint')}
          disabled={metric !== undefined}
          required
          {...form.getInputProps('key')}
        />
        <TextInput label={t('kpis.metrics.nameEn')} required {...form.getInputProps('nameEn')} />
        <TextInput label={t('kpis.metrics.nameRu')} required {...form.getInputProps('nameRu')} />
        <Select
          label={t('kpis.metrics.unitLabel')}
          data={options(metricUnits, (unit) => t(`kpis.unit.${unit}`))}
          allowDeselect={false}
          {...form.getInputProps('unit')}
        />
        <Select
          label={t('kpis.metrics.direction')}
          data={options(metricDirections, (direction) => t(`kpis.metrics.directions.${direction}`))}
          allowDeselect={false}
          {...form.getInputProps('direction')}
        />
        <Select
          label={t('kpis.metrics.aggregation')}
          data={options(metricAggregations, (aggregation) => t(`kpis.metrics.aggregations.${aggregation}`))}
          allowDeselect={false}
          {...form.getInputProps('aggregation')}
        />
        <Select
          label={t('kpis.metrics.frequency')}
          data={options(metricFrequencies, (frequency) => t(`kpis.metrics.frequencies.${frequency}`))}
          allowDeselect={false}
          {...form.getInputProps('frequency')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
