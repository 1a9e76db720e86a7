import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMemberInput, type Role, roles } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useAddMember } from './members-api';

type Added = { name: string; email: string; temporaryPassword: string };

/** Adds a person by e-mail; a new user's generated password is shown here once. */
export function AddMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<Added | null>(null);
  const close = () => {
    setAdded(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('members.add')} size="md">
      {added ? (
        <TemporaryPassword added={added} onDone={close} />
      ) : (
        <AddMemberForm onAdded={setAdded} onCancel={close} />
      )}
    </Modal>
  );
}

function AddMemberForm({ onAdded, onCancel }: { onAdded: (added: Added) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const add = useAddMember();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'manager' as Role, password: '' },
    validate: (values) => schemaErrors(addMemberInput, inputOf(values)),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(inputOf(values), {
      onSuccess: ({ member, temporaryPassword }) => {
        notifySuccess(t('members.added', { name: member.name }));
        if (temporaryPassword) onAdded({ name: member.name, email: member.email, temporaryPassword });
        else onCancel();
      },
      onError: (error) => showErrorOnForm(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('members.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
        <TextInput label={t('members.name')} description={t('members.nameHint')} {...form.getInputProps('name')} />
        <Select
          label={t('members.role')}
          data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          allowDeselect={false}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          label={t('members.password')}
          description={t('members.passwordHint')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('members.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function inputOf(values: { email: string; name: string; role: Role; password: string }) {
  return {
    email: values.email,
    role: values.role,
    ...(values.name.trim() ? { name: values.name } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
}

function TemporaryPassword({ added, onDone }: { added: Added; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert icon={<IconKey />} color="yellow" title={t('members.temporaryPasswordTitle')}>
        {t('members.temporaryPasswordText', { name: added.name, email: added.email })}
      </Alert>
      <Group gap="xs" wrap="nowrap">
        <Code fz="md" p="xs" flex={1} data-testid="temporary-password">
          {added.temporaryPassword}
        </Code>
        <CopyButton value={added.temporaryPassword}>
          {({ copied, copy }) => (
            <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('actions.copied') : t('actions.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('members.temporaryPasswordOnce')}
      </Text>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('actions.done')}</Button>
      </Group>
    </Stack>
  );
}
