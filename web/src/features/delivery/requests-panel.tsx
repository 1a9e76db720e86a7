import { Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestSource, type RequestStatus, requestSources } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { ExportMenu } from '../../shared/export-menu';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { accountsQuery, clientWorkApi, requestsQuery } from './client-work-api';
import { useDeliveryMutation } from './delivery-api';

const statusColors: Record<RequestStatus, string> = {
  new: 'blue',
  clarifying: 'yellow',
  accepted: 'teal',
  declined: 'gray',
  done: 'green',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`clientWork.requestStatus.${status}`)}
    </Badge>
  );
}

/** The requests from clients, newest first, and a button to record a new one. */
export function RequestsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const [creating, setCreating] = useState(false);
  const requests = useQuery(requestsQuery);
  const items = requests.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        {canWrite ? <Button onClick={() => setCreating(true)}>{t('clientWork.requests.new')}</Button> : <span />}
        <ExportMenu path="/requests/export" name="requests" />
      </Group>
      {items.length === 0 && !requests.isPending && <Text c="dimmed">{t('clientWork.requests.empty')}</Text>}
      {items.length > 0 && (
        <Table aria-label={t('clientWork.requests.label')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientWork.requests.title')}</Table.Th>
              <Table.Th>{t('clientWork.requests.account')}</Table.Th>
              <Table.Th>{t('clientWork.requests.source')}</Table.Th>
              <Table.Th>{t('clientWork.requests.received')}</Table.Th>
              <Table.Th>{t('clientWork.requests.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>
                  <AnchorLink to="/requests/$requestId" params={{ requestId: request.id }}>
                    {request.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{request.account.name}</Table.Td>
                <Table.Td>{t(`clientWork.source.${request.source}`)}</Table.Td>
                <Table.Td>{format.calendarDate(request.receivedOn)}</Table.Td>
                <Table.Td>
                  <RequestStatusBadge status={request.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewRequestModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function NewRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accounts = useQuery(accountsQuery(opened));
  const [accountId, setAccountId] = useState<string | null>(null);
  const [source, setSource] = useState<RequestSource>('call');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const create = useDeliveryMutation(clientWorkApi.createRequest);
  const submit = () =>
    create.mutate(
      { accountId: accountId ?? '', title, source, description: description || null },
      {
        onSuccess: (request) => {
          notifySuccess(t('clientWork.requests.created'));
          onClose();
          void navigate({ to: '/requests/$requestId', params: { requestId: request.id } });
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('clientWork.requests.new')}>
      <Stack>
        <Select
          label={t('clientWork.requests.account')}
          data={(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }))}
          value={accountId}
          onChange={setAccountId}
          searchable
          required
        />
        <TextInput
          label={t('clientWork.requests.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          required
        />
        <Select
          label={t('clientWork.requests.source')}
          data={requestSources.map((value) => ({ value, label: t(`clientWork.source.${value}`) }))}
          value={source}
          onChange={(value) => setSource((value as RequestSource | null) ?? 'call')}
          allowDeselect={false}
        />
        <Textarea
          label={t('clientWork.requests.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={create.isPending}>
            {t('clientWork.requests.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
