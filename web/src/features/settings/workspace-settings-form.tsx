import { Button, Center, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { updateWorkspaceInput } from '../../api/shared';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { NewWorkspace } from './new-workspace';
import { useUpdateWorkspace, type Workspace, workspaceQuery } from './workspace-api';
import { WorkspaceSettingsFields } from './workspace-settings-fields';

export function WorkspaceSettingsPanel() {
  const { t } = useTranslation();
  const workspace = useQuery(workspaceQuery);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('settings.workspace.title')}
        </Title>
        {workspace.data ? (
          <WorkspaceSettingsForm key={workspace.data.id} workspace={workspace.data} />
        ) : (
          <Center h={120}>
            <Loader aria-label={t('table.loading')} />
          </Center>
        )}
      </Paper>
      <NewWorkspace />
    </Stack>
  );
}

function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateWorkspace();
  const [version, setVersion] = useState(workspace.version);
  const [conflict, setConflict] = useState(false);
  const settingsOf = (source: Workspace) => ({
    name: source.name,
    defaultCurrency: source.defaultCurrency,
    locale: source.locale,
    timeZone: source.timeZone,
  });
  const form = useForm({
    initialValues: settingsOf(workspace),
    validate: (values) => schemaErrors(updateWorkspaceInput, values),
  });

  const submit = form.onSubmit((settings) =>
    update.mutate(
      { settings, version },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          form.resetDirty(settingsOf(saved));
          notifySuccess(t('settings.workspace.saved'));
        },
        onError: (error) => (isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error)),
      },
    ),
  );

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...workspaceQuery, staleTime: 0 });
    form.setValues(settingsOf(fresh));
    form.resetDirty(settingsOf(fresh));
    setVersion(fresh.version);
    setConflict(false);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {conflict && <ConflictAlert onReload={reload} />}
        <WorkspaceSettingsFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
