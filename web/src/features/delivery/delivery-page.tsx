import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { TaskBoard } from './board';
import { deliveryApi, type Project, projectsQuery, projectTypesQuery, useDeliveryMutation } from './delivery-api';
import { ReportsPanel } from './reports-panel';
import { RequestsPanel } from './requests-panel';
import { WorkloadTable } from './workload-table';

/** The delivery section: the board, the workload, and my projects grouped by stage. */
export function DeliveryPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('board');
  return (
    <Stack>
      <Title order={2}>{t('delivery.title')}</Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="board">{t('delivery.tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="workload">{t('delivery.tabs.workload')}</Tabs.Tab>
          <Tabs.Tab value="projects">{t('delivery.tabs.projects')}</Tabs.Tab>
          <Tabs.Tab value="requests">{t('clientWork.tabs.requests')}</Tabs.Tab>
          <Tabs.Tab value="reports">{t('clientWork.tabs.reports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          {tab === 'board' && <TaskBoard />}
        </Tabs.Panel>
        <Tabs.Panel value="workload" pt="md">
          {tab === 'workload' && <WorkloadTable />}
        </Tabs.Panel>
        <Tabs.Panel value="projects" pt="md">
          {tab === 'projects' && <MyProjects />}
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="md">
          {tab === 'requests' && <RequestsPanel />}
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          {tab === 'reports' && <ReportsPanel />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** The projects of a list grouped by their current stage, in the order stages first appear. */
function byStage(projects: readonly Project[]): [string, Project[]][] {
  const groups = new Map<string, Project[]>();
  for (const project of projects) groups.set(project.stage, [...(groups.get(project.stage) ?? []), project]);
  return [...groups];
}

function MyProjects() {
  const { t } = useTranslation();
  const canWrite = useCan('delivery:write');
  const [creating, setCreating] = useState(false);
  const projects = useQuery(projectsQuery({ ownerId: 'me' }));
  const groups = byStage(projects.data?.items ?? []);
  return (
    <Stack>
      {canWrite && (
        <Button w="fit-content" onClick={() => setCreating(true)}>
          {t('delivery.projects.new')}
        </Button>
      )}
      {groups.length === 0 && !projects.isPending && <Text c="dimmed">{t('delivery.projects.empty')}</Text>}
      {groups.map(([stage, items]) => (
        <section key={stage} aria-label={stage}>
          <Title order={4} mb="xs">
            {stage}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {items.map((project) => (
              <Card key={project.id} withBorder padding="sm">
                <AnchorLink to="/projects/$projectId" params={{ projectId: project.id }} fw={500}>
                  {project.name}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {project.account.name} · {project.projectType.name}
                </Text>
                <Badge size="sm" variant="light" mt={4}>
                  {t('delivery.projects.openTasks', { count: project.openTasks })}
                </Badge>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      ))}
      <NewProjectModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function NewProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const types = useQuery({ ...projectTypesQuery, enabled: opened });
  const accounts = useQuery({
    queryKey: ['delivery', 'accounts'],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>('/accounts', { query: { limit: 500 }, signal }),
    enabled: opened,
  });
  const [accountId, setAccountId] = useState<string | null>(null);
  const [projectTypeId, setProjectTypeId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const create = useDeliveryMutation(deliveryApi.createProject);
  const submit = () =>
    create.mutate(
      { accountId: accountId ?? '', projectTypeId: projectTypeId ?? types.data?.items[0]?.id ?? '', name },
      {
        onSuccess: (project) => {
          notifySuccess(t('delivery.projects.created'));
          onClose();
          void navigate({ to: '/projects/$projectId', params: { projectId: project.id } });
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('delivery.projects.new')}>
      <Stack>
        <Select
          label={t('delivery.projects.account')}
          data={(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }))}
          value={accountId}
          onChange={setAccountId}
          searchable
          required
        />
        <Select
          label={t('delivery.projects.type')}
          data={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
          value={projectTypeId ?? types.data?.items[0]?.id ?? null}
          onChange={setProjectTypeId}
          allowDeselect={false}
        />
        <TextInput
          label={t('delivery.projects.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={create.isPending}>
            {t('delivery.projects.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
