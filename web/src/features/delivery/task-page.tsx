import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { DetailsList } from '../../shared/details-list';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { TaskFlags } from './board';
import { deliveryApi, type TaskDetail, taskQuery, useDeliveryMutation } from './delivery-api';

// NOTE: the server decides what is allowed (decision 0016); the page offers the usual next steps.
const nextSteps: Record<TaskStatus, TaskStatus[]> = {
  todo: ['in_progress'],
  in_progress: ['in_review', 'todo'],
  in_review: ['done', 'in_progress'],
  done: ['in_progress'],
};

export function TaskPage() {
  const { taskId } = useParams({ from: '/app/tasks/$taskId' });
  const query = useQuery(taskQuery(taskId));
  return <QueryPage query={query}>{(task) => <TaskView task={task} />}</QueryPage>;
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [comment, setComment] = useState('');
  const accept = useDeliveryMutation(deliveryApi.accept);
  const decline = useDeliveryMutation(deliveryApi.decline);
  const move = useDeliveryMutation(deliveryApi.move);
  const addComment = useDeliveryMutation(deliveryApi.comment);
  const askToDecline = () => {
    let reason = '';
    modals.openConfirmModal({
      title: t('delivery.task.decline'),
      children: (
        <Textarea
          label={t('delivery.task.declineReason')}
          onChange={(event) => {
            reason = event.currentTarget.value;
          }}
        />
      ),
      labels: { confirm: t('delivery.task.decline'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        decline.mutate(
          { id: task.id, version: task.version, reason },
          { onSuccess: () => notifySuccess(t('delivery.task.declined')), onError: notifyError },
        ),
    });
  };
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/delivery" size="sm">
          {t('delivery.project.back')}
        </AnchorLink>
        <AnchorLink to="/projects/$projectId" params={{ projectId: task.projectId }} size="sm">
          {task.project.name}
        </AnchorLink>
      </Breadcrumbs>
      <Group gap="sm">
        <Title order={2}>{task.title}</Title>
        <Badge variant="light">{t(`delivery.status.${task.status}`)}</Badge>
        <TaskFlags task={task} />
      </Group>
      <Group gap="xs">
        {task.acceptance === 'pending' && (
          <>
            <Button
              loading={accept.isPending}
              onClick={() =>
                accept.mutate(
                  { id: task.id, version: task.version },
                  { onSuccess: () => notifySuccess(t('delivery.task.accepted')), onError: notifyError },
                )
              }
            >
              {t('delivery.task.accept')}
            </Button>
            <Button variant="default" color="red" onClick={askToDecline}>
              {t('delivery.task.decline')}
            </Button>
          </>
        )}
        {task.acceptance === 'accepted' &&
          nextSteps[task.status].map((status) => (
            <Button
              key={status}
              variant="light"
              loading={move.isPending}
              onClick={() =>
                move.mutate(
                  { id: task.id, version: task.version, status },
                  { onSuccess: () => notifySuccess(t('delivery.task.moved')), onError: notifyError },
                )
              }
            >
              {t('delivery.task.move', { status: t(`delivery.status.${status}`) })}
            </Button>
          ))}
      </Group>
      <Paper withBorder p="md">
        <DetailsList
          entries={[
            { label: t('delivery.board.client'), value: task.account.name },
            { label: t('delivery.task.assignee'), value: task.assignee?.name },
            { label: t('delivery.task.department'), value: task.department?.name },
            { label: t('delivery.task.dueAt'), value: task.dueAt ? format.dateTime(task.dueAt) : null },
            { label: t('delivery.task.estimate'), value: String(task.estimateHours) },
            { label: t('delivery.task.priority'), value: t(`delivery.priority.${task.priority}`) },
            { label: t('delivery.acceptance.declined'), value: task.declineReason },
            { label: t('delivery.task.details'), value: task.description },
          ]}
        />
        {task.links.map((link) => (
          <Anchor key={link} href={link} target="_blank" rel="noreferrer" size="sm" display="block">
            {link}
          </Anchor>
        ))}
      </Paper>
      <Stack gap="xs">
        <Title order={3}>{t('delivery.task.comments')}</Title>
        {task.comments.length === 0 && <Text c="dimmed">{t('delivery.task.noComments')}</Text>}
        {task.comments.map((item) => (
          <Paper key={item.id} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {item.author.name} · {format.dateTime(item.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {item.body}
            </Text>
          </Paper>
        ))}
        <Textarea
          label={t('delivery.task.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Button
          w="fit-content"
          loading={addComment.isPending}
          onClick={() =>
            addComment.mutate({ id: task.id, body: comment }, { onSuccess: () => setComment(''), onError: notifyError })
          }
        >
          {t('delivery.task.addComment')}
        </Button>
      </Stack>
    </Stack>
  );
}
