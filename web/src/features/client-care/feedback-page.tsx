import { Breadcrumbs, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedbackStatus, type RootCause, rootCauses } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { DetailsList } from '../../shared/details-list';
import { showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { careApi, type Feedback, feedbackQuery, useCareMutation } from './care-api';
import { FeedbackFormModal } from './feedback-form-modal';
import { FeedbackStatusBadge, SeverityBadge } from './feedback-list';

export function FeedbackPage() {
  const { feedbackId } = useParams({ from: '/app/feedback/$feedbackId' });
  const query = useQuery(feedbackQuery(feedbackId));
  return <QueryPage query={query}>{(feedback) => <FeedbackView feedback={feedback} />}</QueryPage>;
}

/** One case: what happened, whose it is, the allowed moves and, once closed, how and why. */
function FeedbackView({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const [editing, setEditing] = useState(false);
  const [resolving, setResolving] = useState(false);
  const move = useCareMutation(careApi.moveFeedback);
  const moveTo = (status: FeedbackStatus) => {
    if (status === 'resolved') {
      setResolving(true);
      return;
    }
    move.mutate(
      { id: feedback.id, version: feedback.version, status },
      {
        onSuccess: () => notifySuccess(t('clientCare.case.moved', { status: t(`clientCare.status.${status}`) })),
        onError: notifyError,
      },
    );
  };
  return (
    <Stack>
      <Breadcrumbs>
        <AnchorLink to="/client-care">{t('clientCare.title')}</AnchorLink>
        <AnchorLink to="/accounts/$accountId" params={{ accountId: feedback.account.id }}>
          {feedback.account.name}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t(`clientCare.kind.${feedback.kind}`)}</Title>
          <FeedbackStatusBadge status={feedback.status} />
        </Group>
        {canWrite && (
          <Group gap="xs">
            {feedback.nextStatuses.map((status) => (
              <Button
                key={status}
                variant={status === 'resolved' ? 'filled' : 'light'}
                onClick={() => moveTo(status)}
                loading={move.isPending && move.variables?.status === status}
              >
                {t(`clientCare.moveTo.${status}`)}
              </Button>
            ))}
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('actions.edit')}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md">
        <Stack>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{feedback.description}</Text>
          <DetailsList
            entries={[
              {
                label: t('clientCare.cases.severity'),
                value: feedback.severity && <SeverityBadge severity={feedback.severity} />,
              },
              { label: t('clientCare.cases.source'), value: t(`clientCare.source.${feedback.source}`) },
              { label: t('clientCare.cases.owner'), value: feedback.owner.name },
              { label: t('clientCare.cases.contact'), value: feedback.contact?.name },
              { label: t('clientCare.cases.openedAt'), value: format.dateTime(feedback.openedAt) },
              { label: t('clientCare.case.closedAt'), value: feedback.closedAt && format.dateTime(feedback.closedAt) },
              {
                label: t('clientCare.cases.timeToResolve'),
                value:
                  feedback.hoursToResolve !== null && t('clientCare.cases.hours', { count: feedback.hoursToResolve }),
              },
              {
                label: t('clientCare.case.rootCause'),
                value: feedback.rootCause && t(`clientCare.rootCause.${feedback.rootCause}`),
              },
              { label: t('clientCare.case.resolution'), value: feedback.resolution },
            ]}
          />
        </Stack>
      </Paper>
      <FeedbackFormModal opened={editing} onClose={() => setEditing(false)} feedback={feedback} />
      <ResolveModal feedback={feedback} opened={resolving} onClose={() => setResolving(false)} />
    </Stack>
  );
}

/** Resolving asks for the resolution and the root cause; the server names whichever is missing. */
function ResolveModal({ feedback, opened, onClose }: { feedback: Feedback; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useCareMutation(careApi.moveFeedback);
  const form = useForm<{ resolution: string; rootCause: RootCause | '' }>({
    initialValues: { resolution: '', rootCause: '' },
  });
  const submit = form.onSubmit((values) =>
    move.mutate(
      {
        id: feedback.id,
        version: feedback.version,
        status: 'resolved',
        resolution: values.resolution,
        rootCause: values.rootCause || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('clientCare.case.moved', { status: t('clientCare.status.resolved') }));
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('clientCare.case.resolveTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('clientCare.case.rootCause')}
            data={rootCauses.map((value) => ({ value, label: t(`clientCare.rootCause.${value}`) }))}
            required
            data-autofocus
            {...form.getInputProps('rootCause')}
            onChange={(value) => form.setFieldValue('rootCause', (value as RootCause | null) ?? '')}
          />
          <Textarea
            label={t('clientCare.case.resolution')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('resolution')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending}>
              {t('clientCare.moveTo.resolved')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
