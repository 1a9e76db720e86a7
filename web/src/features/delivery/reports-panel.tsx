import { Badge, Button, Group, Modal, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { accountsQuery, type ClientReport, clientWorkApi, reportsQuery } from './client-work-api';
import { membersQuery, projectsQuery, useDeliveryMutation } from './delivery-api';

const statusColors: Record<ReportStatus, string> = { draft: 'gray', in_review: 'yellow', sent: 'teal' };

/** The report's status with its late and unreviewed flags. */
export function ReportBadges({ report }: { report: ClientReport }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={statusColors[report.status]} variant="light">
        {t(`clientWork.reportStatus.${report.status}`)}
      </Badge>
      {report.late && <Badge color="red">{t('clientWork.reports.late')}</Badge>}
      {report.unreviewed && <Badge color="orange">{t('clientWork.reports.unreviewed')}</Badge>}
    </Group>
  );
}

/** Client reports by due day; the flagged switch keeps the late and unreviewed ones. */
export function ReportsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const [flagged, setFlagged] = useState(false);
  const [creating, setCreating] = useState(false);
  const reports = useQuery(reportsQuery(flagged));
  const items = reports.data?.items ?? [];
  return (
    <Stack>
      <Group>
        {canWrite && <Button onClick={() => setCreating(true)}>{t('clientWork.reports.new')}</Button>}
        <Switch
          label={t('clientWork.reports.flaggedOnly')}
          checked={flagged}
          onChange={(event) => setFlagged(event.currentTarget.checked)}
        />
      </Group>
      {items.length === 0 && !reports.isPending && <Text c="dimmed">{t('clientWork.reports.empty')}</Text>}
      {items.length > 0 && (
        <Table aria-label={t('clientWork.reports.label')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientWork.reports.title')}</Table.Th>
              <Table.Th>{t('clientWork.reports.account')}</Table.Th>
              <Table.Th>{t('clientWork.reports.period')}</Table.Th>
              <Table.Th>{t('clientWork.reports.due')}</Table.Th>
              <Table.Th>{t('clientWork.reports.preparedBy')}</Table.Th>
              <Table.Th>{t('clientWork.reports.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>
                  <AnchorLink to="/reports/$reportId" params={{ reportId: report.id }}>
                    {report.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{report.account.name}</Table.Td>
                <Table.Td>
                  {format.calendarDate(report.periodStart)} – {format.calendarDate(report.periodEnd)}
                </Table.Td>
                <Table.Td>{format.calendarDate(report.dueOn)}</Table.Td>
                <Table.Td>{report.preparedBy?.name}</Table.Td>
                <Table.Td>
                  <ReportBadges report={report} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <NewReportModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function NewReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accounts = useQuery(accountsQuery(true));
  const members = useQuery(membersQuery);
  const [accountId, setAccountId] = useState<string | null>(null);
  const projects = useQuery({ ...projectsQuery({ accountId: accountId ?? '' }), enabled: accountId !== null });
  const [projectId, setProjectId] = useState<string | null>(null);
  const [preparedBy, setPreparedBy] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [dueOn, setDueOn] = useState('');
  const create = useDeliveryMutation(clientWorkApi.createReport);
  const submit = () =>
    create.mutate(
      {
        accountId: accountId ?? '',
        projectId,
        title,
        preparedBy,
        // NOTE: left empty, the period and due day are the account's next scheduled report.
        ...(periodStart ? { periodStart } : {}),
        ...(periodEnd ? { periodEnd } : {}),
        ...(dueOn ? { dueOn } : {}),
      },
      {
        onSuccess: (report) => {
          notifySuccess(t('clientWork.reports.created'));
          onClose();
          void navigate({ to: '/reports/$reportId', params: { reportId: report.id } });
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('clientWork.reports.new')}>
      <Stack>
        <Select
          label={t('clientWork.reports.account')}
          data={(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }))}
          value={accountId}
          onChange={(value) => {
            setAccountId(value);
            setProjectId(null);
          }}
          searchable
          required
        />
        <Select
          label={t('clientWork.reports.project')}
          data={(projects.data?.items ?? []).map((project) => ({ value: project.id, label: project.name }))}
          value={projectId}
          onChange={setProjectId}
          clearable
        />
        <TextInput
          label={t('clientWork.reports.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          required
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('clientWork.reports.periodStart')}
            value={periodStart}
            onChange={(event) => setPeriodStart(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('clientWork.reports.periodEnd')}
            value={periodEnd}
            onChange={(event) => setPeriodEnd(event.currentTarget.value)}
          />
        </Group>
        <TextInput
          type="date"
          label={t('clientWork.reports.due')}
          value={dueOn}
          onChange={(event) => setDueOn(event.currentTarget.value)}
        />
        <Select
          label={t('clientWork.reports.preparedBy')}
          data={(members.data?.items ?? []).map((member) => ({ value: member.userId, label: member.name }))}
          value={preparedBy}
          onChange={setPreparedBy}
          searchable
          clearable
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={create.isPending}>
            {t('clientWork.reports.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
