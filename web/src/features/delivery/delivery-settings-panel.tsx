import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../shared/notify';
import {
  type DeliveryMember,
  type Department,
  departmentsQuery,
  membersQuery,
  settingsQuery,
  useDeliveryMutation,
} from './delivery-api';

const saveSettings = ({ acceptanceHours, version }: { acceptanceHours: number; version: number }) =>
  api.put<{ acceptanceHours: number; version: number }>(
    '/delivery/settings',
    { acceptanceHours },
    { ifMatch: version },
  );
const addDepartment = (name: string) => api.post<Department>('/departments', { name });
const placeMember = ({
  userId,
  departmentId,
  weeklyCapacityHours,
}: {
  userId: string;
  departmentId: string | null;
  weeklyCapacityHours: number;
}) => api.put<DeliveryMember>(`/delivery/members/${userId}`, { departmentId, weeklyCapacityHours });

/** Delivery settings: the acceptance window, departments, and each member's department and weekly capacity. */
export function DeliverySettingsPanel() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQuery);
  const departments = useQuery(departmentsQuery);
  const members = useQuery(membersQuery);
  const [hours, setHours] = useState<number | string>('');
  const [name, setName] = useState('');
  const save = useDeliveryMutation(saveSettings);
  const add = useDeliveryMutation(addDepartment);
  const departmentOptions = (departments.data?.items ?? []).map((department) => ({
    value: department.id,
    label: department.name,
  }));
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <NumberInput
            label={t('delivery.settings.acceptanceHours')}
            value={hours === '' ? (settings.data?.acceptanceHours ?? '') : hours}
            onChange={setHours}
            min={1}
            max={720}
          />
          <Button
            onClick={() =>
              save.mutate(
                {
                  acceptanceHours: Number(hours || settings.data?.acceptanceHours),
                  version: settings.data?.version ?? 0,
                },
                { onSuccess: () => notifySuccess(t('delivery.settings.saved')), onError: notifyError },
              )
            }
          >
            {t('actions.save')}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('delivery.settings.departments')}
        </Title>
        <Text size="sm">{departmentOptions.map((option) => option.label).join(', ')}</Text>
        <Group align="flex-end" mt="xs">
          <TextInput
            label={t('delivery.settings.newDepartment')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button
            onClick={() =>
              add.mutate(name, {
                onSuccess: () => {
                  notifySuccess(t('delivery.settings.saved'));
                  setName('');
                },
                onError: notifyError,
              })
            }
          >
            {t('delivery.settings.addDepartment')}
          </Button>
        </Group>
      </Paper>
      <Table aria-label={t('delivery.settings.members')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('delivery.workload.name')}</Table.Th>
            <Table.Th>{t('delivery.task.department')}</Table.Th>
            <Table.Th>{t('delivery.workload.capacity')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(members.data?.items ?? []).map((member) => (
            <MemberRow key={member.userId} member={member} departments={departmentOptions} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function MemberRow({
  member,
  departments,
}: {
  member: DeliveryMember;
  departments: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState(member.departmentId);
  const [capacity, setCapacity] = useState<number | string>(member.weeklyCapacityHours);
  const place = useDeliveryMutation(placeMember);
  return (
    <Table.Tr>
      <Table.Td>{member.name}</Table.Td>
      <Table.Td>
        <Select
          aria-label={t('delivery.task.department')}
          data={departments}
          value={departmentId}
          onChange={setDepartmentId}
          clearable
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('delivery.workload.capacity')}
          value={capacity}
          onChange={setCapacity}
          min={0}
          max={168}
          w={100}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          loading={place.isPending}
          onClick={() =>
            place.mutate(
              { userId: member.userId, departmentId, weeklyCapacityHours: Number(capacity) },
              { onSuccess: () => notifySuccess(t('delivery.settings.saved')), onError: notifyError },
            )
          }
        >
          {t('actions.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
