import { ActionIcon, Button, Group, Input, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { teamRoles } from '../../api/shared';
import type { AccountFormValues } from './account-form-values';

type TeamEditorProps = {
  form: UseFormReturnType<AccountFormValues>;
  members: { value: string; label: string }[];
};

/** Who works on the account and in which role; each person once. */
export function TeamEditor({ form, members }: TeamEditorProps) {
  const { t } = useTranslation();
  const roles = teamRoles.map((role) => ({ value: role, label: t(`teamRole.${role}`) }));
  return (
    <Input.Wrapper label={t('account.fields.team')} error={form.errors.team}>
      <Stack gap="xs" mt={4}>
        {form.values.team.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('account.form.noTeam')}
          </Text>
        )}
        {form.values.team.map((_member, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              flex={2}
              aria-label={t('account.form.teamMember')}
              placeholder={t('account.form.teamMember')}
              data={members}
              searchable
              {...form.getInputProps(`team.${index}.userId`)}
            />
            <Select
              flex={1}
              aria-label={t('account.form.teamRole')}
              data={roles}
              allowDeselect={false}
              {...form.getInputProps(`team.${index}.role`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('actions.remove')}
              onClick={() => form.removeListItem('team', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('team', { userId: '', role: 'specialist' })}
          >
            {t('account.form.addTeamMember')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
