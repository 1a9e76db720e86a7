import {
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { DetailsList } from '../../shared/details-list';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { BriefForm } from './brief-form';
import { type ClientRequest, clientWorkApi, requestQuery } from './client-work-api';
import { projectTypesQuery, useDeliveryMutation } from './delivery-api';
import { RequestStatusBadge } from './requests-panel';

export function RequestPage() {
  const { requestId } = useParams({ from: '/app/requests/$requestId' });
  const query = useQuery(requestQuery(requestId));
  return <QueryPage query={query}>{(request) => <RequestView key={request.id} request={request} />}</QueryPage>;
}

function RequestView({ request }: { request: ClientRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const [moving, setMoving] = useState<RequestStatus | null>(null);
  return (
    <Stack>
      <Breadcrumbs>
        <AnchorLink to="/delivery">{t('delivery.title')}</AnchorLink>
        <Text>{request.account.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={2}>{request.title}</Title>
        <RequestStatusBadge status={request.status} />
      </Group>
      <DetailsList
        entries={[
          { label: t('clientWork.requests.account'), value: request.account.name },
          { label: t('clientWork.requests.source'), value: t(`clientWork.source.${request.source}`) },
          { label: t('clientWork.requests.received'), value: format.calendarDate(request.receivedOn) },
          { label: t('clientWork.requests.description'), value: request.description },
          { label: t('clientWork.requests.comment'), value: request.statusComment },
          {
            label: t('clientWork.requests.project'),
            value: request.project && (
              <AnchorLink to="/projects/$projectId" params={{ projectId: request.project.id }}>
                {request.project.name}
              </AnchorLink>
            ),
          },
        ]}
      />
      {canWrite && request.nextStatuses.length > 0 && (
        <Group>
          {request.nextStatuses.map((status) => (
            <Button
              key={status}
              variant={status === 'accepted' ? 'filled' : 'default'}
              onClick={() => setMoving(status)}
            >
              {t(`clientWork.moveTo.${status}`)}
            </Button>
          ))}
        </Group>
      )}
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t('clientWork.brief.title')}
        </Title>
        <BriefForm key={request.version} request={request} canWrite={canWrite} />
      </Paper>
      {moving && <MoveModal request={request} status={moving} onClose={() => setMoving(null)} />}
    </Stack>
  );
}

function MoveModal({
  request,
  status,
  onClose,
}: {
  request: ClientRequest;
  status: RequestStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const types = useQuery({ ...projectTypesQuery, enabled: status === 'accepted' });
  const [comment, setComment] = useState('');
  const [startProject, setStartProject] = useState(status === 'accepted' && !request.project);
  const [projectTypeId, setProjectTypeId] = useState<string | null>(null);
  const [projectName, setProjectName] = useState(request.title);
  const move = useDeliveryMutation(clientWorkApi.moveRequest, () => notifySuccess(t('clientWork.requests.moved')));
  const chosenType = projectTypeId ?? types.data?.items[0]?.id ?? '';
  const title = t(`clientWork.moveTo.${status}`);
  const submit = () =>
    move.mutate(
      {
        id: request.id,
        version: request.version,
        status,
        ...(comment.trim() ? { comment } : {}),
        ...(startProject ? { project: { projectTypeId: chosenType, name: projectName } } : {}),
      },
      {
        onSuccess: onClose,
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Textarea
          label={status === 'declined' ? t('clientWork.requests.declineReason') : t('clientWork.requests.comment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          required={status === 'declined'}
          autosize
          minRows={2}
        />
        {status === 'accepted' && !request.project && (
          <>
            <Checkbox
              label={t('clientWork.requests.startProject')}
              checked={startProject}
              onChange={(event) => setStartProject(event.currentTarget.checked)}
            />
            {startProject && (
              <>
                <Select
                  label={t('clientWork.requests.projectType')}
                  data={(types.data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
                  value={chosenType || null}
                  onChange={setProjectTypeId}
                  allowDeselect={false}
                />
                <TextInput
                  label={t('clientWork.requests.projectName')}
                  value={projectName}
                  onChange={(event) => setProjectName(event.currentTarget.value)}
                />
              </>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={move.isPending}>
            {title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
