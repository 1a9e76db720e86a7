import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LossReason, lossReasons, markLostInput } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { careApi, lossQuery, useCareMutation } from './care-api';

/** Whether and why the client was lost; marking it lost, and undoing that. */
export function LossPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('accounts:write');
  const loss = useQuery(lossQuery(accountId));
  const [marking, setMarking] = useState(false);
  const undo = useCareMutation(careApi.undoLoss);
  const askToUndo = () =>
    confirmDanger({
      title: t('clientCare.loss.undo'),
      message: t('clientCare.loss.undoText'),
      confirmLabel: t('clientCare.loss.undo'),
      onConfirm: () =>
        undo.mutate(accountId, { onSuccess: () => notifySuccess(t('clientCare.loss.undone')), onError: notifyError }),
    });
  if (!loss.isSuccess) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('clientCare.loss.title')}</Title>
          {canWrite && !loss.data && (
            <Button variant="light" color="red" onClick={() => setMarking(true)}>
              {t('clientCare.loss.mark')}
            </Button>
          )}
          {canWrite && loss.data && (
            <Button variant="default" onClick={askToUndo} loading={undo.isPending}>
              {t('clientCare.loss.undo')}
            </Button>
          )}
        </Group>
        {loss.data ? (
          <Alert
            color="red"
            title={t('clientCare.loss.lostSince', {
              date: format.calendarDate(loss.data.lostOn),
              reason: t(`clientCare.lossReason.${loss.data.reason}`),
            })}
          >
            <Text style={{ whiteSpace: 'pre-wrap' }}>{loss.data.story}</Text>
          </Alert>
        ) : (
          <Text c="dimmed">{t('clientCare.loss.notLost')}</Text>
        )}
      </Stack>
      <MarkLostModal accountId={accountId} opened={marking} onClose={() => setMarking(false)} />
    </Paper>
  );
}

type LossValues = { lostOn: string; reason: LossReason | ''; story: string };

function MarkLostModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mark = useCareMutation(careApi.markLost);
  const form = useForm<LossValues>({
    initialValues: { lostOn: localDay(), reason: '', story: '' },
    validate: (values) => schemaErrors(markLostInput, values),
  });
  const submit = form.onSubmit((values) =>
    mark.mutate(
      { accountId, lostOn: values.lostOn, reason: values.reason as LossReason, story: values.story },
      {
        onSuccess: () => {
          notifySuccess(t('clientCare.loss.marked'));
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('clientCare.loss.markTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            type="date"
            label={t('clientCare.loss.lostOn')}
            required
            data-autofocus
            {...form.getInputProps('lostOn')}
          />
          <Select
            label={t('clientCare.loss.reason')}
            data={lossReasons.map((value) => ({ value, label: t(`clientCare.lossReason.${value}`) }))}
            required
            {...form.getInputProps('reason')}
            onChange={(value) => form.setFieldValue('reason', (value as LossReason | null) ?? '')}
          />
          <Textarea label={t('clientCare.loss.story')} required autosize minRows={3} {...form.getInputProps('story')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={mark.isPending}>
              {t('clientCare.loss.mark')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
