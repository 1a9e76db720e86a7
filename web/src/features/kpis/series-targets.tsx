import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { createTargetInput } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { useDeleteTarget } from './kpi-settings-api';
import { type Target, useCreateTarget } from './kpis-api';

/** A series' targets with actual and variance, a form to add one, and removal after a confirmation. */
export function SeriesTargets({ seriesId, targets }: { seriesId: string; targets: readonly Target[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('kpis:write');
  const create = useCreateTarget();
  const remove = useDeleteTarget();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'always',
  });
  const form = useForm<{ periodStart: string; periodEnd: string; value: number | string }>({
    initialValues: { periodStart: '', periodEnd: '', value: '' },
    validate: (values) => schemaErrors(createTargetInput, { ...values, value: Number(values.value) }),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { seriesId, input: { ...values, value: Number(values.value) } },
      {
        onSuccess: () => {
          notifySuccess(t('kpis.targets.added'));
          form.reset();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  const confirmDelete = (target: Target) =>
    confirmDanger({
      title: t('kpis.targets.deleteTitle'),
      message: t('kpis.targets.deleteConfirm', {
        from: format.calendarDate(target.periodStart),
        to: format.calendarDate(target.periodEnd),
        value: number.format(target.value),
      }),
      confirmLabel: t('kpis.targets.delete'),
      onConfirm: () =>
        remove.mutate(target, { onSuccess: () => notifySuccess(t('kpis.targets.deleted')), onError: notifyError }),
    });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('kpis.targets.title')}</Title>
        {targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('kpis.targets.empty')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kpis.targets.periodStart')}</Table.Th>
                <Table.Th>{t('kpis.targets.periodEnd')}</Table.Th>
                <Table.Th>{t('kpis.targets.value')}</Table.Th>
                <Table.Th>{t('kpis.targets.actual')}</Table.Th>
                <Table.Th>{t('kpis.targets.variance')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((target) => (
                <Table.Tr key={target.id}>
                  <Table.Td>{format.calendarDate(target.periodStart)}</Table.Td>
                  <Table.Td>{format.calendarDate(target.periodEnd)}</Table.Td>
                  <Table.Td>{number.format(target.value)}</Table.Td>
                  <Table.Td>{target.actual === null ? '—' : number.format(target.actual)}</Table.Td>
                  <Table.Td c={target.variance !== null && target.variance < 0 ? 'red' : 'green'}>
                    {target.variance === null ? '—' : number.format(target.variance)}
                    {target.varianceRatio !== null && ` (${percent.format(target.varianceRatio)})`}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('kpis.targets.delete')} ${format.calendarDate(target.periodStart)}`}
                        onClick={() => confirmDelete(target)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="xs">
              <TextInput type="date" label={t('kpis.targets.periodStart')} {...form.getInputProps('periodStart')} />
              <TextInput type="date" label={t('kpis.targets.periodEnd')} {...form.getInputProps('periodEnd')} />
              <NumberInput label={t('kpis.targets.value')} {...form.getInputProps('value')} />
              <Button type="submit" variant="light" loading={create.isPending}>
                {t('kpis.targets.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
