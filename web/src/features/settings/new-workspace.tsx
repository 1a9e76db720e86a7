import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workspaceSettingsInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useMe } from '../auth/session';
import { useCreateWorkspace } from './workspace-api';
import { WorkspaceSettingsFields } from './workspace-settings-fields';

/** Another workspace, with the current user as its admin; the header's switcher then offers it. */
export function NewWorkspace() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <div>
          <Title order={4}>{t('settings.newWorkspace.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.newWorkspace.hint')}
          </Text>
        </div>
        <Button variant="light" onClick={() => setOpened(true)}>
          {t('settings.newWorkspace.open')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('settings.newWorkspace.title')} size="lg">
        <NewWorkspaceForm onDone={() => setOpened(false)} />
      </Modal>
    </Paper>
  );
}

function NewWorkspaceForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const create = useCreateWorkspace();
  const form = useForm({
    initialValues: {
      name: '',
      defaultCurrency: me.workspace.defaultCurrency,
      locale: me.workspace.locale,
      timeZone: me.workspace.timeZone,
    },
    validate: (values) => schemaErrors(workspaceSettingsInput, values),
  });
  const submit = form.onSubmit((settings) =>
    create.mutate(settings, {
      onSuccess: (workspace) => {
        notifySuccess(t('settings.newWorkspace.created', { name: workspace.name }));
        onDone();
      },
      onError: (error) => showErrorOnForm(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <WorkspaceSettingsFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
