import { Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { ExportMenu } from '../../shared/export-menu';
import { useFormat } from '../../shared/use-format';
import { type BoardFilters, boardQuery, membersQuery, projectsQuery, type Task } from './delivery-api';

/** The flags a card shows: overdue, not accepted in time, declined. */
export function TaskFlags({ task }: { task: Pick<Task, 'overdue' | 'acceptanceLate' | 'acceptance'> }) {
  const { t } = useTranslation();
  return (
    <>
      {task.acceptance !== 'accepted' && (
        <Badge size="xs" variant="light" color={task.acceptance === 'declined' ? 'gray' : 'yellow'}>
          {t(`delivery.acceptance.${task.acceptance}`)}
        </Badge>
      )}
      {task.acceptanceLate && (
        <Badge size="xs" color="orange">
          {t('delivery.flags.acceptanceLate')}
        </Badge>
      )}
      {task.overdue && (
        <Badge size="xs" color="red">
          {t('delivery.flags.overdue')}
        </Badge>
      )}
    </>
  );
}

function TaskCard({ task }: { task: Task }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="xs" component="li" style={{ listStyle: 'none' }}>
      <AnchorLink to="/tasks/$taskId" params={{ taskId: task.id }} fw={500} size="sm">
        {task.title}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {task.account.name} · {task.project.name}
      </Text>
      <Group gap={4} mt={4}>
        <Text size="xs">{task.assignee?.name ?? task.department?.name}</Text>
        {task.dueAt && <Text size="xs">· {t('delivery.board.due', { date: format.date(task.dueAt) })}</Text>}
        <Text size="xs">· {t('delivery.board.hours', { hours: task.estimateHours })}</Text>
      </Group>
      <Group gap={4} mt={4}>
        <TaskFlags task={task} />
      </Group>
    </Card>
  );
}

/** The kanban by status, filtered by client, project and assignee; cards are links (Tab, Enter). */
export function TaskBoard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<BoardFilters>({});
  const board = useQuery({ ...boardQuery(filters), placeholderData: keepPreviousData });
  const projects = useQuery(projectsQuery({}));
  const members = useQuery(membersQuery);
  const clients = new Map((projects.data?.items ?? []).map((project) => [project.account.id, project.account.name]));
  const set = (key: keyof BoardFilters) => (value: string | null) =>
    setFilters((current) => ({ ...current, [key]: value ?? undefined }));
  return (
    <Stack>
      <Group>
        <Select
          label={t('delivery.board.client')}
          placeholder={t('delivery.board.any')}
          data={[...clients].map(([value, label]) => ({ value, label }))}
          value={filters.accountId ?? null}
          onChange={set('accountId')}
          clearable
          searchable
        />
        <Select
          label={t('delivery.board.project')}
          placeholder={t('delivery.board.any')}
          data={(projects.data?.items ?? [])
            .filter((project) => !filters.accountId || project.accountId === filters.accountId)
            .map((project) => ({ value: project.id, label: project.name }))}
          value={filters.projectId ?? null}
          onChange={set('projectId')}
          clearable
          searchable
        />
        <Select
          label={t('delivery.board.assignee')}
          placeholder={t('delivery.board.any')}
          data={(members.data?.items ?? []).map((member) => ({ value: member.userId, label: member.name }))}
          value={filters.assigneeId ?? null}
          onChange={set('assigneeId')}
          clearable
          searchable
        />
        <Group ml="auto" align="end" style={{ alignSelf: 'flex-end' }}>
          <ExportMenu path="/tasks/export" name="tasks" query={filters} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} aria-label={t('delivery.board.label')}>
        {(board.data?.columns ?? []).map((column) => {
          const name = t(`delivery.status.${column.status}`);
          return (
            <Paper key={column.status} withBorder p="xs" bg="var(--mantine-color-gray-0)">
              <section aria-label={name}>
                <Title order={4} mb={column.status === 'done' ? 0 : 'xs'}>
                  {t('delivery.board.column', { status: name, count: column.total })}
                </Title>
                {column.status === 'done' && (
                  <Text size="xs" c="dimmed" mb="xs">
                    {t('delivery.board.doneWithin', { days: board.data?.doneWithinDays })}
                  </Text>
                )}
                {column.tasks.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('delivery.board.empty')}
                  </Text>
                ) : (
                  <Stack component="ul" gap="xs" p={0} m={0}>
                    {column.tasks.map((task) => (
                      <TaskCard key={task.id} task={task} />
                    ))}
                  </Stack>
                )}
              </section>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
