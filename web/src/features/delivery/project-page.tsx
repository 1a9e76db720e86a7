import {
  Breadcrumbs,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TaskPriority, taskPriorities } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { DetailsList } from '../../shared/details-list';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { useMoney } from '../finance/money';
import { TaskFlags } from './board';
import {
  boardQuery,
  deliveryApi,
  departmentsQuery,
  membersQuery,
  type Project,
  projectQuery,
  useDeliveryMutation,
} from './delivery-api';
import { EstimatesPanel } from './estimates-panel';

export function ProjectPage() {
  const { projectId } = useParams({ from: '/app/projects/$projectId' });
  const query = useQuery(projectQuery(projectId));
  return <QueryPage query={query}>{(project) => <ProjectView key={project.id} project={project} />}</QueryPage>;
}

function ProjectView({ project }: { project: Project }) {
  const { t } = useTranslation();
  const money = useMoney();
  const canWrite = useCan('delivery:write');
  const canSeeEstimates = useCan('estimates:read');
  const update = useDeliveryMutation(deliveryApi.updateProject);
  const changeStage = (stage: string | null) =>
    stage &&
    update.mutate(
      { id: project.id, version: project.version, stage },
      { onSuccess: () => notifySuccess(t('delivery.project.stageSaved')), onError: notifyError },
    );
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/delivery" size="sm">
          {t('delivery.project.back')}
        </AnchorLink>
        <AnchorLink to="/accounts/$accountId" params={{ accountId: project.account.id }} size="sm">
          {project.account.name}
        </AnchorLink>
      </Breadcrumbs>
      <Title order={2}>{project.name}</Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('delivery.project.stage')}
            data={project.projectType.stages}
            value={project.stage}
            onChange={changeStage}
            disabled={!canWrite}
            allowDeselect={false}
          />
          <DetailsList
            entries={[
              { label: t('delivery.projects.type'), value: project.projectType.name },
              { label: t('delivery.project.owner'), value: project.owner.name },
              ...(canSeeEstimates
                ? [
                    {
                      label: t('delivery.project.budget'),
                      value:
                        project.budgetMinor === null
                          ? t('delivery.project.noBudget')
                          : money(project.budgetMinor, project.currency),
                    },
                  ]
                : []),
            ]}
          />
        </SimpleGrid>
      </Paper>
      <ProjectTasks projectId={project.id} />
      {canWrite && <NewTaskForm projectId={project.id} />}
      {canSeeEstimates && <EstimatesPanel project={project} />}
    </Stack>
  );
}

function ProjectTasks({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const board = useQuery(boardQuery({ projectId }));
  const tasks = (board.data?.columns ?? []).flatMap((column) => column.tasks);
  return (
    <Stack gap="xs">
      <Title order={3}>{t('delivery.project.tasks')}</Title>
      {tasks.length === 0 ? (
        <Text c="dimmed">{t('delivery.project.noTasks')}</Text>
      ) : (
        <Table aria-label={t('delivery.project.tasks')}>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <AnchorLink to="/tasks/$taskId" params={{ taskId: task.id }}>
                    {task.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{task.assignee?.name ?? task.department?.name}</Table.Td>
                <Table.Td>{t(`delivery.status.${task.status}`)}</Table.Td>
                <Table.Td>{task.dueAt ? format.dateTime(task.dueAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <TaskFlags task={task} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function NewTaskForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const members = useQuery(membersQuery);
  const departments = useQuery(departmentsQuery);
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [estimateHours, setEstimateHours] = useState<number | string>(0);
  const [priority, setPriority] = useState<TaskPriority>('normal');
  const create = useDeliveryMutation(deliveryApi.createTask);
  const submit = () =>
    create.mutate(
      {
        projectId,
        title,
        assigneeId,
        departmentId,
        // NOTE: a deadline typed as a date means the end of that working day (18:00 local time).
        dueAt: dueOn ? new Date(`${dueOn}T18:00:00`).toISOString() : null,
        estimateHours: Number(estimateHours) || 0,
        priority,
      },
      {
        onSuccess: () => {
          notifySuccess(t('delivery.task.created'));
          setTitle('');
        },
        onError: notifyError,
      },
    );
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('delivery.task.new')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('delivery.task.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Select
          label={t('delivery.task.assignee')}
          data={(members.data?.items ?? []).map((member) => ({ value: member.userId, label: member.name }))}
          value={assigneeId}
          onChange={setAssigneeId}
          searchable
          clearable
        />
        <Select
          label={t('delivery.task.department')}
          data={(departments.data?.items ?? []).map((department) => ({ value: department.id, label: department.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          clearable
        />
        <TextInput
          type="date"
          label={t('delivery.task.dueAt')}
          value={dueOn}
          onChange={(e) => setDueOn(e.currentTarget.value)}
        />
        <NumberInput
          label={t('delivery.task.estimate')}
          value={estimateHours}
          onChange={setEstimateHours}
          min={0}
          step={0.25}
          decimalScale={2}
        />
        <Select
          label={t('delivery.task.priority')}
          data={taskPriorities.map((value) => ({ value, label: t(`delivery.priority.${value}`) }))}
          value={priority}
          onChange={(value) => setPriority((value as TaskPriority) ?? 'normal')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button onClick={submit} loading={create.isPending}>
          {t('delivery.task.create')}
        </Button>
      </Group>
    </Paper>
  );
}
