import { ActionIcon, Button, Group, Paper, Select, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../api/shared';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useMe } from '../auth/session';
import { AddMemberModal } from './add-member-modal';
import { type Member, membersQuery, useChangeMemberRole } from './members-api';
import { RemoveMemberModal } from './remove-member-modal';

/** The workspace's people: add one, change a role, remove one (handing over their accounts). */
export function MembersPanel() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const members = useQuery(membersQuery).data ?? [];
  const changeRole = useChangeMemberRole();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('members.title')}</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
          {t('members.add')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.name')}</Table.Th>
              <Table.Th>{t('members.email')}</Table.Th>
              <Table.Th>{t('members.role')}</Table.Th>
              <Table.Th>{t('members.joinedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={180}
                    aria-label={t('members.roleOf', { name: member.name })}
                    data={roleOptions}
                    value={member.role}
                    allowDeselect={false}
                    onChange={(role) =>
                      role &&
                      changeRole.mutate(
                        { userId: member.userId, role: role as Role },
                        { onSuccess: () => notifySuccess(t('members.roleChanged', { name: member.name })) },
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.date(member.joinedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {member.userId !== me.user.id && (
                    <Tooltip label={t('members.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('members.removeNamed', { name: member.name })}
                        onClick={() => setRemoving(member)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AddMemberModal opened={adding} onClose={() => setAdding(false)} />
      <RemoveMemberModal member={removing} members={members} onClose={() => setRemoving(null)} />
    </Paper>
  );
}
