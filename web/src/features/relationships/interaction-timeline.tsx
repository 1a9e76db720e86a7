import {
  ActionIcon,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InteractionKind, type InteractionStatus, interactionKinds } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { ExportMenu } from '../../shared/export-menu';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { InteractionFormModal } from './interaction-form-modal';
import { type Interaction, timelineQuery, useDeleteInteraction } from './relationships-api';

/** The account timeline: interactions newest first, filtered by kind and status, logged and edited here. */
export function InteractionTimeline({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const canLog = useCan('interactions:write');
  const [kinds, setKinds] = useState<InteractionKind[]>([]);
  const [status, setStatus] = useState<InteractionStatus | 'any'>('any');
  const [editing, setEditing] = useState<Interaction | 'new' | undefined>();
  const list = useInfiniteQuery({
    ...timelineQuery(accountId, { kind: kinds, ...(status === 'any' ? {} : { status }) }),
    placeholderData: keepPreviousData,
  });
  const interactions = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('interactions.title')}</Title>
          <Group gap="xs">
            <ExportMenu
              path="/exports/interactions"
              name="interactions"
              query={{ accountId, kind: kinds, ...(status === 'any' ? {} : { status }) }}
            />
            {canLog && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                {t('interactions.log')}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('interactions.filterStatus')}
            value={status}
            onChange={(value) => setStatus(value as InteractionStatus | 'any')}
            data={[
              { value: 'any', label: t('interactions.any') },
              { value: 'planned', label: t('interactionStatus.planned') },
              { value: 'held', label: t('interactionStatus.held') },
            ]}
          />
          <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as InteractionKind[])}>
            <Group gap={4} aria-label={t('interactions.filterKind')}>
              {interactionKinds.map((kind) => (
                <Chip key={kind} value={kind} size="xs">
                  {t(`interactionKind.${kind}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Group>
        {list.isSuccess && interactions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('interactions.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {interactions.map((interaction) => (
              <Timeline.Item
                key={interaction.id}
                color={interaction.status === 'planned' ? 'blue' : 'gray'}
                lineVariant={interaction.status === 'planned' ? 'dashed' : 'solid'}
              >
                <InteractionEntry interaction={interaction} canEdit={canLog} onEdit={() => setEditing(interaction)} />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {list.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('table.loadMore')}
          </Button>
        )}
      </Stack>
      <InteractionFormModal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        accountId={accountId}
        interaction={editing === 'new' ? undefined : editing}
      />
    </Paper>
  );
}

function InteractionEntry(props: { interaction: Interaction; canEdit: boolean; onEdit: () => void }) {
  const { interaction, canEdit, onEdit } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteInteraction();
  const askToDelete = () =>
    confirmDanger({
      title: t('interactions.delete.title'),
      message: t('interactions.delete.text', { subject: interaction.subject }),
      confirmLabel: t('interactions.delete.confirm'),
      onConfirm: () => remove.mutate(interaction, { onSuccess: () => notifySuccess(t('interactions.delete.done')) }),
    });
  const names = (people: { name?: string | null; fullName?: string }[]) =>
    people.map((person) => person.fullName ?? person.name ?? t('relationships.formerMember')).join(', ');
  return (
    <Stack gap={2} data-testid="interaction">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {interaction.subject}
          </Text>
          <Badge size="xs" variant="light">
            {t(`interactionKind.${interaction.kind}`)}
          </Badge>
          <Badge size="xs" variant="outline" color={interaction.status === 'planned' ? 'blue' : 'gray'}>
            {t(`interactionStatus.${interaction.status}`)}
          </Badge>
        </Group>
        {canEdit && (
          <Group gap={2}>
            <ActionIcon variant="subtle" size="sm" aria-label={t('interactions.edit')} onClick={onEdit}>
              <IconEdit size={14} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="sm"
              color="red"
              aria-label={t('interactions.delete.title')}
              onClick={askToDelete}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {format.dateTime(interaction.occurredAt)}
        {interaction.location ? ` · ${interaction.location}` : ''}
      </Text>
      {interaction.contacts.length > 0 && (
        <Text size="xs">
          {t('interactions.theirs')}: {names(interaction.contacts)}
        </Text>
      )}
      {interaction.users.length > 0 && (
        <Text size="xs">
          {t('interactions.ours')}: {names(interaction.users)}
        </Text>
      )}
      {interaction.summary && <Text size="sm">{interaction.summary}</Text>}
      {interaction.outcome && (
        <Text size="sm">
          {t('interactions.outcome')}: {interaction.outcome}
        </Text>
      )}
      {interaction.nextStep && (
        <Text size="sm" td={interaction.nextStepDone ? 'line-through' : undefined}>
          {t('interactions.nextStep')}: {interaction.nextStep}
          {interaction.nextStepOwner ? ` — ${interaction.nextStepOwner.name ?? t('relationships.formerMember')}` : ''}
          {interaction.nextStepDueOn
            ? `, ${t('interactions.nextStepDue', { date: format.calendarDate(interaction.nextStepDueOn) })}`
            : ''}
          {interaction.nextStepDone ? ` (${t('interactions.nextStepDone')})` : ''}
        </Text>
      )}
    </Stack>
  );
}
